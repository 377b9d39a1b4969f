// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { PgliteEngine } from "../../src/engine/pglite-engine.js";
import type { EngineSession } from "../../src/engine/types.js";
import { exec, query, rejects } from "./helpers.js";

describe("declared types: DESCRIBE and values", () => {
  let engine: PgliteEngine;
  let s: EngineSession;
  before(async () => {
    engine = await PgliteEngine.create({});
    s = engine.openSession("informix");
    await exec(s, "create database types_db with log");
    await exec(
      s,
      `create table alltypes (
        c char(5), nc nchar(4), vc varchar(20, 4), nvc nvarchar(10), lv lvarchar(300), lvd lvarchar,
        si smallint, i integer not null, i8 int8, bi bigint,
        sf smallfloat, f float, d decimal(10,2), df decimal(8), dd decimal, m money, m2 money(8,3),
        b boolean, dt date,
        ts datetime year to fraction(5), tsec datetime year to second, tmin datetime hour to minute,
        tday datetime year to day, md datetime month to day,
        iv interval day(3) to fraction(5), ym interval year(4) to month, hm interval hour to minute,
        tx text, by byte)`,
    );
  });
  after(async () => {
    await s.close();
    await engine.close();
  });

  it("describes every declared type with its code, length and extended type", async () => {
    const { columns } = await query(s, "select * from alltypes");
    const got = Object.fromEntries(
      columns.map((c) => [c.name, [c.type, c.encodedLength, c.extendedId, c.extendedName]]),
    );
    assert.deepEqual(got, {
      c: [0, 5, 0, ""],
      nc: [15, 4, 0, ""],
      vc: [13, (4 << 8) | 20, 0, ""],
      nvc: [16, 10, 0, ""],
      lv: [40, 300, 1, "lvarchar"],
      lvd: [40, 2048, 1, "lvarchar"],
      si: [1, 2, 0, ""],
      i: [2 | 256, 4, 0, ""],
      i8: [17, 10, 0, ""],
      bi: [52, 8, 0, ""],
      sf: [4, 4, 0, ""],
      f: [3, 8, 0, ""],
      d: [5, (10 << 8) | 2, 0, ""],
      df: [5, (8 << 8) | 255, 0, ""],
      dd: [5, (16 << 8) | 255, 0, ""],
      m: [8, (16 << 8) | 2, 0, ""],
      m2: [8, (8 << 8) | 3, 0, ""],
      b: [41, 1, 5, "boolean"],
      dt: [7, 4, 0, ""],
      ts: [10, 4879, 0, ""],
      tsec: [10, 3594, 0, ""],
      tmin: [10, (4 << 8) | (6 << 4) | 8, 0, ""],
      tday: [10, (8 << 8) | (0 << 4) | 4, 0, ""],
      md: [10, (4 << 8) | (2 << 4) | 4, 0, ""],
      iv: [14, (14 << 8) | (4 << 4) | 15, 0, ""],
      ym: [14, (6 << 8) | (0 << 4) | 2, 0, ""],
      hm: [14, (4 << 8) | (6 << 4) | 8, 0, ""],
      tx: [12, 56, 0, ""],
      by: [11, 56, 0, ""],
    });
    assert.equal(columns[0]?.tableName, "alltypes");
  });

  it("returns every type in its EngineValue form, edge values included", async () => {
    await exec(
      s,
      "insert into alltypes values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      [
        "ab",
        "xy",
        "var",
        "nv",
        "long",
        "dflt",
        -32767,
        2147483647,
        9223372036854775807n,
        -9223372036854775807n,
        1.5,
        -2.25,
        "-12345678.91",
        "1234.5678",
        "0.1",
        "12.5",
        "-1.125",
        true,
        "0001-01-01",
        "9999-12-31 23:59:59.99999",
        "2026-06-20 12:34:56",
        "12:34",
        "2026-06-20",
        "06-20",
        "-3 03:27:01.12345",
        "-3-02",
        "100:30",
        "some text",
        new Uint8Array([0, 1, 255]),
      ],
    );
    const { rows } = await query(s, "select * from alltypes");
    assert.deepEqual(rows[0], [
      "ab   ",
      "xy  ",
      "var",
      "nv",
      "long",
      "dflt",
      -32767,
      2147483647,
      9223372036854775807n,
      -9223372036854775807n,
      1.5,
      -2.25,
      "-12345678.91",
      "1234.5678",
      "0.1",
      "12.50",
      "-1.125",
      true,
      "0001-01-01",
      "9999-12-31 23:59:59.99999",
      "2026-06-20 12:34:56",
      "12:34",
      "2026-06-20",
      "06-20",
      "-3 03:27:01.12345",
      "-3-02",
      "100:30",
      // TEXT and BYTE columns hold bytes (on the wire, the blob descriptor: server/blobspace.ts).
      new TextEncoder().encode("some text"),
      new Uint8Array([0, 1, 255]),
    ]);
  });

  it("returns NULL for every type", async () => {
    await exec(s, "delete from alltypes");
    await exec(s, "insert into alltypes (i) values (1)");
    const { rows } = await query(s, "select * from alltypes");
    assert.deepEqual(
      rows[0]?.map((v, n) => (n === 7 ? "i" : v)),
      Array.from({ length: 29 }, (_, n) => (n === 7 ? "i" : null)),
    );
  });

  it("keeps 32-digit decimals exact", async () => {
    await exec(s, "create table big (d decimal(32,10))");
    await exec(s, "insert into big values (?)", ["-1234567890123456789012.1234567891"]);
    const { rows, columns } = await query(s, "select d, d * 1 from big");
    assert.equal(rows[0]?.[0], "-1234567890123456789012.1234567891");
    assert.equal(columns[0]?.encodedLength, (32 << 8) | 10);
    assert.equal(columns[1]?.type, 5);
  });

  it("types expressions from their PostgreSQL type", async () => {
    const { columns, rows } = await query(
      s,
      "select count(*), 1 + 1, 'abc', today, current year to fraction(3), 1.5 from alltypes",
    );
    assert.deepEqual(
      columns.map((c) => [c.name, c.type, c.encodedLength]),
      [
        ["(count(*))", 5, (15 << 8) | 0],
        ["(expression)", 2, 4],
        ["(constant)", 0, 3],
        ["(today)", 7, 4],
        ["(current)", 10, 4365],
        ["(constant)", 5, (2 << 8) | 1],
      ],
    );
    assert.equal(rows[0]?.[0], "1");
  });

  it("describes select-list literals as IDS does: CHAR(n), INTEGER, DECIMAL(p,s), FLOAT", async () => {
    const { columns, rows } = await query(
      s,
      "select 'abc', 'it''s' q, 7, -2 n, 3000000000, 12.50, -0.001, 1e3, count(*), count(i), sum(i) from alltypes",
    );
    assert.deepEqual(
      columns.map((c) => [c.name, c.type, c.encodedLength]),
      [
        ["(constant)", 0, 3],
        ["q", 0, 4],
        ["(constant)", 2, 4],
        ["n", 2, 4],
        ["(constant)", 5, (10 << 8) | 0],
        ["(constant)", 5, (4 << 8) | 2],
        ["(constant)", 5, (3 << 8) | 3],
        ["(constant)", 3, 8],
        ["(count(*))", 5, (15 << 8) | 0],
        ["(count)", 5, (15 << 8) | 0],
        ["(sum)", 5, (32 << 8) | 255],
      ],
    );
    assert.deepEqual(rows[0], ["abc", "it's", 7, -2, "3000000000", "12.50", "-0.001", 1000, "1", "1", "1"]);
    // A UNION of CHARs of different lengths has no single length: LVARCHAR.
    const u = await query(s, "select 'a' from alltypes union all select 'bcd' from alltypes");
    assert.deepEqual(
      u.columns.map((c) => [c.type, c.encodedLength]),
      [[40, 2048]],
    );
    assert.deepEqual(u.rows, [["a"], ["bcd"]]);
  });

  it("rejects a bare placeholder in the select list (-201); a cast one returns the bound value", async () => {
    await rejects(s.prepare("select ? from alltypes"), -201);
    await rejects(s.prepare("select i, ? as v from alltypes"), -201);
    const { columns, rows } = await query(
      s,
      "select ?::integer, cast(? as integer) v, cast(? as decimal(5,2)) d, ?::date, ? + 1 from alltypes",
      [42, 43, "1.5", "2026-06-20", 1],
    );
    assert.deepEqual(
      columns.map((c) => [c.name, c.type, c.encodedLength]),
      [
        ["(expression)", 2, 4],
        ["v", 2, 4],
        ["d", 5, (5 << 8) | 2],
        ["(expression)", 7, 4],
        ["(expression)", 2, 4],
      ],
    );
    assert.deepEqual(rows, [[42, 43, "1.50", "2026-06-20", 2]]);
  });

  it("SERIAL: 0 and NULL take the next value, a larger value moves the counter", async () => {
    await exec(s, "create table ser (id serial(10), name char(5))");
    let r = await exec(s, "insert into ser (name) values ('a')");
    assert.equal(r.serial, 10);
    r = await exec(s, "insert into ser values (0, 'b')");
    assert.equal(r.serial, 11);
    r = await exec(s, "insert into ser values (100, 'c')");
    assert.equal(r.serial, 100);
    r = await exec(s, "insert into ser values (null, 'd')");
    assert.equal(r.serial, 101);
    r = await exec(s, "insert into ser values (50, 'e')");
    r = await exec(s, "insert into ser (name) values ('f')");
    assert.equal(r.serial, 102);
    await exec(s, "create table ser8 (id serial8, b bigserial(5), n int)");
    r = await exec(s, "insert into ser8 (n) values (1)");
    assert.equal(r.serial8, 1n);
    assert.equal(r.bigserial, 5n);
    const { rows } = await query(s, "select dbinfo('sqlca.sqlerrd1') from sysmaster:sysdual");
    assert.deepEqual(rows, [[0]]);
  });

  it("DESCRIBE of INSERT and UPDATE lists the target columns", async () => {
    const ins = await s.prepare("insert into ser (name) values (?)");
    assert.deepEqual(
      ins.columns.map((c) => c.name),
      ["name"],
    );
    assert.equal(ins.paramCount, 1);
    const all = await s.prepare("insert into ser values (?, ?)");
    assert.deepEqual(
      all.columns.map((c) => [c.name, c.type]),
      [
        ["id", 6],
        ["name", 0],
      ],
    );
    const upd = await s.prepare("update ser set name = ? where id = ?");
    assert.equal(upd.statementType, 4);
    assert.deepEqual(
      upd.columns.map((c) => c.name),
      ["name"],
    );
  });
});
