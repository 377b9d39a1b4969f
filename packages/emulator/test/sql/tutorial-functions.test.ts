// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Built-in functions from the IDS Guide to SQL (Tutorial and Syntax: aggregate, algebraic,
// string and time functions) with the results the guides define, and the names IDS gives
// unnamed select-list items.

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { PgliteEngine } from "../../src/engine/pglite-engine.js";
import type { EngineSession } from "../../src/engine/types.js";
import { exec, query, rejects } from "../engine/helpers.js";

describe("IDS built-in functions", () => {
  let engine: PgliteEngine;
  let s: EngineSession;
  const one = async (sql: string) => (await query(s, sql)).rows[0]!;
  before(async () => {
    engine = await PgliteEngine.create({});
    s = engine.openSession("informix");
    await exec(s, "create database fn_db with log");
    await exec(s, "create table items (order_num int, quantity smallint, total_price money(8), code char(10))");
    for (const [o, q, p, c] of [
      [1001, 1, "250.00", "a*b"],
      [1001, 2, "126.00", "ab"],
      [1002, 1, "960.00", "ax"],
      [1003, 4, "480.00", "b"],
    ] as const) {
      await exec(s, `insert into items values (${o}, ${q}, ${p}, '${c}')`);
    }
  });
  after(async () => {
    await s.close();
    await engine.close();
  });

  it("STDEV and VARIANCE are the sample statistics (N - 1), RANGE is MAX - MIN; named (stdev) etc.", async () => {
    const { rows, columns } = await query(
      s,
      "select stdev(quantity), variance(quantity), range(total_price), count(unique order_num) from items",
    );
    assert.deepEqual(
      columns.map((c) => c.name),
      ["(stdev)", "(variance)", "(range)", "(count)"],
    );
    // quantities 1, 2, 1, 4: mean 2, squared deviations 1 + 0 + 1 + 4 = 6, / 3 = 2
    assert.equal(Number(rows[0]![1]), 2);
    assert.ok(Math.abs(Number(rows[0]![0]) - Math.SQRT2) < 1e-9);
    assert.equal(Number(rows[0]![2]), 834);
    assert.equal(Number(rows[0]![3]), 3);
  });

  it("RATIO_TO_REPORT(x) OVER (…) is x over the window's SUM", async () => {
    const { rows } = await query(
      s,
      "select quantity, ratio_to_report(quantity) over (partition by order_num) from items where order_num = 1001 order by 1",
    );
    assert.deepEqual(
      rows.map((r) => Number(Number(r[1]).toFixed(4))),
      [0.3333, 0.6667],
    );
    const spelled = await query(
      s,
      "select rownumber() over (order by quantity, order_num), denserank() over (order by quantity), " +
        "ratiotoreport(quantity) over () from items order by 1",
    );
    assert.deepEqual(
      spelled.rows.map((r) => [Number(r[0]), Number(r[1]), Number(Number(r[2]).toFixed(3))]),
      [
        [1, 1, 0.125],
        [2, 1, 0.125],
        [3, 2, 0.25],
        [4, 3, 0.5],
      ],
    );
  });

  it("string functions: REPLACE without a replacement deletes, TO_NUMBER, LPAD/RPAD, INITCAP, SUBSTRING … FOR", async () => {
    assert.deepEqual(
      await one(
        "select replace('Mississippi', 'ss'), replace('abc', 'b', 'XY'), to_number('123.45'), lpad('ab', 5, '*'), " +
          "rpad('ab', 4, '-'), initcap('hello wORLD'), substring('Informix' from 3 for 4), instr('wonderful', 'er') from items where quantity = 4",
      ),
      ["Miiippi", "aXYc", "123.45", "***ab", "ab--", "Hello World", "form", 5],
    );
  });

  it("time functions: QUARTER, NEXT_DAY, TRUNC/ROUND of a DATE to a format, DBINFO('utc_to_datetime')", async () => {
    assert.deepEqual(
      await one(
        "select quarter(mdy(8, 15, 2020)), next_day(mdy(6, 15, 2020), 'MON'), next_day(mdy(6, 17, 2020), 'SUN'), " +
          "trunc(mdy(8, 15, 2020), 'MONTH'), trunc(mdy(8, 15, 2020), 'YEAR'), round(mdy(7, 1, 2020), 'YEAR'), " +
          "round(mdy(6, 30, 2020), 'YEAR'), round(mdy(8, 16, 2020), 'MM'), trunc(mdy(8, 15, 2020)), " +
          "dbinfo('utc_to_datetime', 86400) from items where quantity = 4",
      ),
      [
        3,
        "2020-06-22",
        "2020-06-21",
        "2020-08-01",
        "2020-01-01",
        "2021-01-01",
        "2020-01-01",
        "2020-09-01",
        "2020-08-15",
        "1970-01-02 00:00:00",
      ],
    );
  });

  it("a character subscript x[m,n] inside a function's arguments", async () => {
    assert.deepEqual(
      await one(
        "select lpad(code[1,1], 3, '*'), nvl(code[1,1], 'x'), trim(leading '0' from '000123') from items where quantity = 4",
      ),
      ["**b", "b", "123"],
    );
  });

  it("MDY with a month, day or year out of range fails as on IDS (-1205, -1206, -1204)", async () => {
    assert.deepEqual(await one("select mdy(2, 29, 2020) from items where quantity = 4"), ["2020-02-29"]);
    await rejects(query(s, "select mdy(13, 1, 2020) from items"), -1205);
    await rejects(query(s, "select mdy(2, 30, 2020) from items"), -1206);
    await rejects(query(s, "select mdy(1, 1, 0) from items"), -1204);
  });

  it("BITAND, BITOR, BITXOR, BITNOT, BITANDNOT and ROOT", async () => {
    assert.deepEqual(
      await one(
        "select bitand(12, 10), bitor(12, 10), bitxor(12, 10), bitnot(0), bitandnot(12, 10), root(27, 3), root(16) from items where quantity = 4",
      ),
      [8, 14, 6, -1, 4, 3, 4],
    );
  });

  it("MATCHES … ESCAPE takes another escape character", async () => {
    const { rows } = await query(s, "select code from items where code matches '*z**' escape 'z'");
    assert.deepEqual(rows, [["a*b       "]]);
    // A CHAR value's trailing blanks do not count in MATCHES, as in LIKE.
    assert.deepEqual((await query(s, "select code from items where code matches 'a?'")).rows, [
      ["ab        "],
      ["ax        "],
    ]);
    const like = await query(s, "select code from items where code like 'a!*%' escape '!'");
    assert.deepEqual(like.rows, [["a*b       "]]);
  });

  it("unnamed items: expressions are (expression), literals (constant), columns keep their names", async () => {
    const { columns } = await query(
      s,
      "select order_num, i.quantity, trim(code), cast(total_price as integer), total_price::int, year(today), " +
        "extend(current, year to day), (select max(quantity) from items), '', upper(code) u from items i",
    );
    assert.deepEqual(
      columns.map((c) => c.name),
      [
        "order_num",
        "quantity",
        "(expression)",
        "(expression)",
        "(expression)",
        "(expression)",
        "(expression)",
        "(expression)",
        "(constant)",
        "u",
      ],
    );
  });

  it("CHAR_LENGTH counts a CHAR value's trailing blanks, LENGTH does not; || keeps them", async () => {
    // GLS guide: CHAR(15) 'Ludwig' has CHAR_LENGTH 15, LENGTH 6; a quoted 'Ludwig    ' 10.
    assert.deepEqual(
      await one(
        "select char_length(code), character_length('ab    '), length(code), octet_length(code), " +
          "code || '|', trim(code) || '|', char_length(code || 'x') from items where quantity = 4",
      ),
      [10, 6, 1, 10, "b         |", "b|", 11],
    );
  });

  it("ROWID reads and finds a row; DBINFO('dbspace'); COUNT(*) OVER is named (count(*)); word aliases", async () => {
    const { rows, columns } = await query(s, "select rowid, i.rowid, order_num from items i where quantity = 4");
    assert.deepEqual(
      columns.map((c) => c.name),
      ["rowid", "rowid", "order_num"],
    );
    const rowid = rows[0]![0];
    assert.equal(typeof rowid, "number");
    assert.equal(rows[0]![1], rowid);
    assert.deepEqual((await query(s, "select order_num from items where rowid = ?", [rowid as number])).rows, [[1003]]);
    const named = await query(
      s,
      "select order_num num, count(*) over (partition by order_num), quantity - 1 less, dbinfo('dbspace', 1) " +
        "from items where order_num = 1003",
    );
    assert.deepEqual(
      named.columns.map((c) => c.name),
      ["num", "(count(*))", "less", "(expression)"],
    );
    assert.deepEqual(named.rows, [[1003, "1", 3, "rootdbs"]]);
  });

  it("window frames with CURRENT ROW; a string cast to INTERVAL/DATETIME reads in its qualifier; INSTR from the end", async () => {
    const { rows } = await query(
      s,
      "select quantity, sum(quantity) over (order by quantity, order_num rows between unbounded preceding and current row) " +
        "from items order by 2",
    );
    assert.deepEqual(
      rows.map((r) => Number(r[1])),
      [1, 2, 4, 8],
    );
    assert.deepEqual(
      await one(
        "select cast('5 10' as interval day to hour) = interval(5 10) day to hour, " +
          "'10:30'::datetime hour to minute = datetime(10:30) hour to minute, " +
          "instr('abcabc', 'b', -1), instr('abcabc', 'b', -1, 2), instr('abcabc', 'b', 1, 2) from items where quantity = 4",
      ),
      [true, true, 5, 2, 5],
    );
  });

  it("CURRENT q, EXTEND(x, q) and casts to DATETIME/INTERVAL q are described with their qualifier", async () => {
    const { columns } = await query(
      s,
      "select current year to day, datetime(2020-01-01) year to day, extend(current, hour to minute), " +
        "datetime(10:30) hour to minute, cast('5 10' as interval day to hour), interval(5 10) day to hour, " +
        "'06-15'::datetime month to day, datetime(06-15) month to day from items where quantity = 4",
    );
    const described = columns.map((c) => [c.type, c.encodedLength]);
    for (let k = 0; k < described.length; k += 2) assert.deepEqual(described[k], described[k + 1], `item ${k + 1}`);
  });
});
