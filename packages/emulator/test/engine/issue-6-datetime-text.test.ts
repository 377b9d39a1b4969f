// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 6: DATETIME and INTERVAL values made text carry every field of their qualifier, as
// IDS prints them (informix-driver's test_server_agrees_with_what_we_bound reads a DATETIME
// YEAR TO FRACTION(5) column cast ::LVARCHAR as '2026-08-31 12:30:15.12000').

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { PgliteEngine } from "../../src/engine/pglite-engine.js";
import type { EngineSession } from "../../src/engine/types.js";
import { exec, query } from "./helpers.js";

describe("issue 6: DATETIME/INTERVAL to text with the declared qualifier", () => {
  let engine: PgliteEngine;
  let s: EngineSession;
  before(async () => {
    engine = await PgliteEngine.create({});
    s = engine.openSession("informix");
    await exec(s, "create database dttext_db with log");
    await exec(
      s,
      `create table dt (f5 datetime year to fraction(5), sec datetime year to second,
        ymd datetime year to day, hm datetime hour to minute, md datetime month to day,
        iv interval day(5) to second, ym interval year to month, f3 datetime hour to fraction(3))`,
    );
    await exec(
      s,
      `insert into dt values (datetime(2026-08-31 12:30:15.12) year to fraction(5),
        datetime(2026-08-31 12:30:15) year to second, datetime(2026-08-31) year to day,
        datetime(09:05) hour to minute, datetime(08-31) month to day,
        interval(1 02:03:04) day(5) to second, interval(3-02) year to month,
        datetime(10:00:00.5) hour to fraction(3))`,
    );
  });
  after(async () => {
    await s.close();
    await engine.close();
  });

  it("::LVARCHAR, ::CHAR(n), CAST AS VARCHAR print every field of a column's qualifier", async () => {
    const { rows } = await query(
      s,
      `select f5::lvarchar, sec::lvarchar, ymd::char(20), cast(hm as varchar(10)), md::lvarchar,
        f3::lvarchar from dt`,
    );
    assert.deepEqual(rows, [
      ["2026-08-31 12:30:15.12000", "2026-08-31 12:30:15", "2026-08-31          ", "09:05", "08-31", "10:00:00.500"],
    ]);
  });

  it("a temp table, a table alias and || make the same text", async () => {
    await exec(s, "create temp table t_oracle (v datetime year to fraction(5))");
    await exec(s, "insert into t_oracle values ('2026-08-31 12:30:15.12')");
    const { rows } = await query(s, "select v::lvarchar, 'at ' || o.v, o.v || '!' from t_oracle o");
    assert.deepEqual(rows, [
      ["2026-08-31 12:30:15.12000", "at 2026-08-31 12:30:15.12000", "2026-08-31 12:30:15.12000!"],
    ]);
  });

  it("INTERVAL text: the first field right-aligned in its precision", async () => {
    const { rows } = await query(s, "select iv::lvarchar, ym::lvarchar, (iv::lvarchar) from dt");
    assert.deepEqual(rows, [["    1 02:03:04", "   3-02", "    1 02:03:04"]]);
  });

  it("literals, CURRENT and EXTEND keep their qualifier in text", async () => {
    const { rows } = await query(
      s,
      `select datetime(2026-01-02 03:04:05) year to fraction(2)::lvarchar,
        cast(extend(ymd, year to minute) as lvarchar), interval(5) hour to hour::lvarchar,
        length(current year to day::lvarchar) from dt`,
    );
    assert.deepEqual(rows, [["2026-01-02 03:04:05.00", "2026-08-31 00:00", " 5", 10]]);
  });

  it("a column of another type and a DATETIME compared (not made text) are unchanged", async () => {
    const { rows } = await query(s, "select count(*) from dt where sec = datetime(2026-08-31 12:30:15) year to second");
    assert.deepEqual(rows, [["1"]]);
  });
});

describe("issue 10: DBMONEY and GL_DATETIME spell numbers and DATETIMEs made text", () => {
  let engine: PgliteEngine;
  let plain: EngineSession;
  let euro: EngineSession;
  before(async () => {
    engine = await PgliteEngine.create({});
    plain = engine.openSession("informix");
    await exec(plain, "create database money_db with log");
    await exec(plain, "create table m (amount money(10,2), d decimal(8,3), f float, ts datetime year to second)");
    await exec(plain, "insert into m values (1234.5, -2.125, 1.5, datetime(2026-08-31 12:30:15) year to second)");
    euro = engine.openSession("informix", {
      money: { front: "", decimal: ",", back: "EUR" },
      datetimeFormat: '"on "DD.MM.YYYY" at "HH24:MI',
    });
    await exec(euro, "database money_db");
  });
  after(async () => {
    await plain.close();
    await euro.close();
    await engine.close();
  });

  it("MONEY text has DBMONEY's symbols ('$' by default), numbers its decimal separator", async () => {
    const sql = "select amount::lvarchar, cast(d as varchar(20)), f || '', ts::lvarchar, -amount from m";
    const a = await query(plain, sql);
    assert.deepEqual(a.rows[0]?.slice(0, 4), ["$1234.50", "-2.125", "1.5", "2026-08-31 12:30:15"]);
    const b = await query(euro, sql);
    assert.deepEqual(b.rows[0]?.slice(0, 4), ["1234,50EUR", "-2,125", "1,5", "on 31.08.2026 at 12:30"]);
  });

  it("TO_CHAR and TO_DATE take a format known only at run time", async () => {
    await exec(plain, "create temp table fmt (pattern varchar(40))");
    await exec(plain, "insert into fmt values ('%d/%m/%Y [%H:%M]')");
    const { rows } = await query(plain, "select to_char(ts, pattern), to_char(ts, ?) from m, fmt", ["%Y"]);
    assert.deepEqual(rows, [["31/08/2026 [12:30]", "2026"]]);
    const d = await query(plain, "select to_date('2026-12-24', ?)::lvarchar from m", ["%Y-%m-%d"]);
    assert.equal(String(d.rows[0]?.[0]).slice(0, 10), "2026-12-24");
  });
});

describe("issue 6: unnamed built-ins in a select list have IDS's names", () => {
  let engine: PgliteEngine;
  let s: EngineSession;
  before(async () => {
    engine = await PgliteEngine.create({});
    s = engine.openSession("informix");
    await exec(s, "create database names_db with log");
    await exec(s, "create sequence seq_n");
  });
  after(async () => {
    await s.close();
    await engine.close();
  });

  it("TODAY, CURRENT [q], USER, DBSERVERNAME, SITENAME, seq.NEXTVAL/CURRVAL; an alias wins", async () => {
    const { columns } = await query(
      s,
      `select today, current, current year to second, user, dbservername, sitename, seq_n.nextval,
        seq_n.currval, today as d, 1 + 1 from systables where tabid = 1`,
    );
    assert.deepEqual(
      columns.map((c) => c.name),
      [
        "(today)",
        "(current)",
        "(current)",
        "(user)",
        "(dbservername)",
        "(sitename)",
        "(expression)",
        "(expression)",
        "d",
        "(expression)",
      ],
    );
  });
});
