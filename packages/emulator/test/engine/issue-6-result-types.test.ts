// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 6: result types and assignment rules as IDS has them, where PostgreSQL differs.
// Each fact comes from informix-driver's own suite (written against IDS 15): COUNT is
// DECIMAL(15,0), SUM of an integer type is DECIMAL, a DATETIME is truncated (not rounded)
// to the qualifier it is assigned or cast to, and BOOLEAN cast to a character type is
// 't'/'f'.

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { PgliteEngine } from "../../src/engine/pglite-engine.js";
import type { EngineSession } from "../../src/engine/types.js";
import { exec, query } from "./helpers.js";

const DECIMAL = 5;
const FLOAT = 3;
const INTERVAL = 14;
const DECIMAL_15_0 = (15 << 8) | 0;
const DECIMAL_32_FLOATING = (32 << 8) | 255;

describe("issue 6: IDS result types and DATETIME/BOOLEAN conversions", () => {
  let engine: PgliteEngine;
  let s: EngineSession;
  before(async () => {
    engine = await PgliteEngine.create({});
    s = engine.openSession("informix");
    await exec(s, "create database issue6_db with log");
    await exec(
      s,
      `create table nums (g smallint, si smallint, i integer, i8 int8, f float, d decimal(8,2),
        iv interval day to second)`,
    );
    await exec(s, "insert into nums values (1, 1, 10, 100, 1.5, 2.25, interval(1 02:00:00) day to second)");
    await exec(s, "insert into nums values (1, 2, 20, 200, 2.5, 3.50, interval(0 01:00:00) day to second)");
    await exec(s, "insert into nums values (2, 3, 30, 300, 3.0, 1.00, interval(0 00:30:00) day to second)");
  });
  after(async () => {
    await s.close();
    await engine.close();
  });

  it("COUNT(*), COUNT(x) and COUNT(DISTINCT x) are DECIMAL(15,0) with exact values", async () => {
    const { columns, rows } = await query(s, "select count(*), count(i), count(distinct g) n from nums");
    assert.deepEqual(
      columns.map((c) => [c.name, c.type, c.encodedLength]),
      [
        ["(count(*))", DECIMAL, DECIMAL_15_0],
        ["(count)", DECIMAL, DECIMAL_15_0],
        ["n", DECIMAL, DECIMAL_15_0],
      ],
    );
    assert.deepEqual(rows, [["3", "3", "2"]]);
  });

  it("COUNT keeps its OVER and FILTER clauses, in HAVING and ORDER BY too", async () => {
    const w = await query(s, "select i, count(*) over (partition by g) from nums order by i");
    assert.deepEqual(w.columns[1]?.type, DECIMAL);
    assert.deepEqual(w.rows, [
      [10, "2"],
      [20, "2"],
      [30, "1"],
    ]);
    const h = await query(s, "select g, count(*) from nums group by g having count(*) > 1 order by count(*) desc");
    assert.deepEqual(h.rows, [[1, "2"]]);
  });

  it("SUM of SMALLINT, INTEGER and INT8 is DECIMAL; of FLOAT, DECIMAL and INTERVAL their own kind", async () => {
    const { columns, rows } = await query(
      s,
      "select sum(si), sum(i), sum(i8), sum(distinct g), sum(f), sum(d), sum(iv), sum(i) + 1 from nums",
    );
    assert.deepEqual(
      columns.map((c) => [c.type, c.encodedLength]),
      [
        [DECIMAL, DECIMAL_32_FLOATING],
        [DECIMAL, DECIMAL_32_FLOATING],
        [DECIMAL, DECIMAL_32_FLOATING],
        [DECIMAL, DECIMAL_32_FLOATING],
        [FLOAT, 8],
        [DECIMAL, DECIMAL_32_FLOATING],
        [INTERVAL, columns[6]!.encodedLength],
        [DECIMAL, DECIMAL_32_FLOATING],
      ],
    );
    assert.deepEqual(rows[0]?.slice(0, 6), ["6", "60", "600", "3", 7, "6.75"]);
    assert.equal(rows[0]?.[7], "61");
  });

  it("a DATETIME is truncated, not rounded, to the qualifier of the column it is assigned to", async () => {
    await exec(
      s,
      `create table dts (k integer, sec datetime year to second, f3 datetime year to fraction(3),
        hm datetime hour to fraction(1))`,
    );
    // A bound value with more fraction digits than the column (informix-driver's
    // test_fraction_bind_into_year_to_second_column binds 15.987654 into YEAR TO SECOND).
    await exec(s, "insert into dts values (?, ?, ?, ?)", [
      1,
      "2026-08-31 12:30:15.98765",
      "2026-08-31 12:30:15.98765",
      "12:30:15.98765",
    ]);
    await exec(
      s,
      "insert into dts values (2, datetime(1999-12-31 23:59:59.99999) year to fraction(5), " +
        "datetime(1999-12-31 23:59:59.99999) year to fraction(5), datetime(23:59:59.99) hour to fraction(2))",
    );
    await exec(s, "update dts set f3 = datetime(2000-01-01 00:00:00.9999) year to fraction(4) where k = 2");
    const { rows } = await query(s, "select k, sec, f3, hm from dts order by k");
    assert.deepEqual(rows, [
      [1, "2026-08-31 12:30:15", "2026-08-31 12:30:15.987", "12:30:15.9"],
      [2, "1999-12-31 23:59:59", "2000-01-01 00:00:00.999", "23:59:59.9"],
    ]);
    const cast = await query(
      s,
      "select cast(datetime(2026-01-01 10:00:00.95) year to fraction(2) as datetime year to second) from nums where i = 10",
    );
    assert.deepEqual(cast.rows, [["2026-01-01 10:00:00"]]);
  });

  it("BOOLEAN cast to LVARCHAR, VARCHAR and CHAR is 't' or 'f'", async () => {
    await exec(s, "create table flags (k integer, b boolean)");
    await exec(s, "insert into flags values (?, ?)", [1, true]);
    await exec(s, "insert into flags values (?, ?)", [2, false]);
    const { rows } = await query(
      s,
      "select b::lvarchar, cast(b as varchar(10)), cast(b as char(1)), b::char(3) from flags order by k",
    );
    assert.deepEqual(rows, [
      ["t", "t", "t", "t  "],
      ["f", "f", "f", "f  "],
    ]);
  });
});
