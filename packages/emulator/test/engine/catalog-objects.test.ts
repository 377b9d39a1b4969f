// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Catalog tables about views, synonyms, sequences, checks and users (engine/catalog-objects-sql.ts),
// and the sysmaster tables monitoring tools read, with the layouts of IBM's Guide to SQL: Reference.

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { PgliteEngine } from "../../src/engine/pglite-engine.js";
import type { EngineSession } from "../../src/engine/types.js";
import { exec, query } from "./helpers.js";

const text = (v: unknown) => (typeof v === "string" ? v.trimEnd() : v);

describe("catalog of views, synonyms, sequences, checks and users", () => {
  let engine: PgliteEngine;
  let s: EngineSession;
  const rows = async (sql: string) => (await query(s, sql)).rows.map((r) => r.map(text));
  before(async () => {
    engine = await PgliteEngine.create({});
    s = engine.openSession("informix");
    await exec(s, "create database objs with log");
    await exec(s, "create table t (id serial primary key, v varchar(20) check (v <> 'bad'))");
    await exec(s, "create sequence sq start with 10 increment by 2 maxvalue 1000 cycle");
    await exec(s, "create synonym ts for t");
    await exec(s, "create private synonym tp for t");
    await exec(
      s,
      "create view tv (a, b) as select id, v from t where id > 0 and v <> 'a piece of text long enough to need two rows'",
    );
    await exec(s, "create view tvv as select a from tv");
  });
  after(async () => {
    await s.close();
    await engine.close();
  });

  it("systables: sequences are 'Q', synonyms 'S' (public) or 'P' (private), views 'V'", async () => {
    assert.deepEqual(await rows("select tabname, tabtype from systables where tabid > 99 order by tabname"), [
      ["sq", "Q"],
      ["t", "T"],
      ["tp", "P"],
      ["ts", "S"],
      ["tv", "V"],
      ["tvv", "V"],
    ]);
  });

  it("sysviews holds the CREATE VIEW text in 64-character rows; sysdepend what each view reads", async () => {
    const pieces = await query(
      s,
      "select v.viewtext from sysviews v, systables s where s.tabid = v.tabid and s.tabname = 'tv' order by v.seqno",
    );
    assert.equal(pieces.rows.length, 2);
    assert.equal(
      pieces.rows.map((r) => r[0]).join(""),
      `${"create view tv (a, b) as select id, v from t where id > 0 and v <> 'a piece of text long enough to need two rows'".padEnd(128)}`,
    );
    assert.deepEqual(
      await rows(
        "select b.tabname, d.btype, v.tabname, d.dtype from sysdepend d, systables b, systables v where b.tabid = d.btabid and v.tabid = d.dtabid order by 3",
      ),
      [
        ["t", "T", "tv", "V"],
        ["tv", "V", "tvv", "V"],
      ],
    );
  });

  it("syssyntable names the table each synonym stands for", async () => {
    assert.deepEqual(
      await rows(
        "select s.tabname, y.owner, y.tabname, y.btabid = t.tabid from syssyntable y, systables s, systables t where s.tabid = y.tabid and t.tabname = 't' order by 1",
      ),
      [
        ["tp", "informix", "t", true],
        ["ts", "informix", "t", true],
      ],
    );
  });

  it("syssequences, syschecks and sysusers", async () => {
    assert.deepEqual(
      await rows(
        "select start_val, inc_val, max_val, min_val, cycle from syssequences q, systables s where s.tabid = q.tabid and s.tabname = 'sq'",
      ),
      [[10n, 2n, 1000n, 1n, "1"]],
    );
    const checks = await rows("select type, seqno, checktext from syschecks order by seqno");
    assert.equal(checks.length, 1);
    assert.equal(checks[0]![0], "T");
    assert.match(String(checks[0]![2]), /v.*<>.*'bad'/);
    assert.deepEqual(await rows("select username, usertype from sysusers order by 1"), [
      ["informix", "D"],
      ["public", "C"],
    ]);
    assert.deepEqual(await rows("select count(*) from sysfragments"), [["0"]]);
  });

  it("sysmaster: systabnames lists tables, sysdbspaces the root dbspace and the sbspace", async () => {
    assert.deepEqual(await rows("select tabname, owner from sysmaster:systabnames where dbsname = 'objs' order by 1"), [
      ["t", "informix"],
    ]);
    assert.deepEqual(await rows("select name, is_sbspace from sysmaster:sysdbspaces order by dbsnum"), [
      ["rootdbs", 0],
      ["sbspace", 1],
    ]);
    assert.deepEqual(await rows("select isreads from sysmaster:sysptprof where dbsname = 'objs' and tabname = 't'"), [
      [0],
    ]);
  });
});
