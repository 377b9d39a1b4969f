// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// -710: a statement prepared before ALTER/DROP/RENAME of a table it references fails at
// its next execution or OPEN; preparing it again works.

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { PgliteEngine } from "../../src/engine/pglite-engine.js";
import type { EngineSession, EngineStatement } from "../../src/engine/types.js";
import { exec, query, rejects } from "./helpers.js";

async function rows(s: EngineSession, st: EngineStatement, params: (number | string)[] = []): Promise<unknown[][]> {
  const cursor = await s.openCursor(st, params);
  const out = await cursor.fetch(100);
  await cursor.close();
  return out;
}

describe("-710: statements prepared before DDL on their tables", () => {
  let engine: PgliteEngine;
  let s: EngineSession;
  let other: EngineSession;
  before(async () => {
    engine = await PgliteEngine.create({});
    s = engine.openSession("informix");
    other = engine.openSession("informix");
    await exec(s, "create database rp_db with log");
    await other.openDatabase("rp_db", false);
  });
  after(async () => {
    await s.close();
    await other.close();
    await engine.close();
  });

  it("ALTER TABLE invalidates a prepared SELECT; preparing it again sees the new column", async () => {
    await exec(s, "create table ra (a int)");
    await exec(s, "insert into ra values (1)");
    const st = await s.prepare("select * from ra");
    assert.deepEqual(await rows(s, st), [[1]]);
    await exec(s, "alter table ra add (b char(2))");
    await rejects(s.openCursor(st, []), -710, 0, "ra");
    await rejects(s.openCursor(st, []), -710, 0, "ra");
    const again = await s.prepare("select * from ra");
    assert.deepEqual(
      again.columns.map((c) => c.name),
      ["a", "b"],
    );
    assert.deepEqual(await rows(s, again), [[1, null]]);
  });

  it("another session's DDL invalidates this session's statements, queries without column references too", async () => {
    await exec(s, "create table rb (a int, b int)");
    const count = await s.prepare("select count(*) from rb where b > ?");
    const insert = await s.prepare("insert into rb values (?, ?)");
    const update = await s.prepare("update rb set a = ? where b = ?");
    const del = await s.prepare("delete from rb where a = ?");
    await s.execute(insert, [1, 2]);
    await exec(other, "alter table rb modify (b smallint)");
    await rejects(s.openCursor(count, [0]), -710, 0, "rb");
    await rejects(s.execute(insert, [3, 4]), -710, 0, "rb");
    await rejects(s.execute(update, [3, 2]), -710, 0, "rb");
    await rejects(s.execute(del, [1]), -710, 0, "rb");
    await s.execute(await s.prepare("insert into rb values (?, ?)"), [3, 4]);
    const { rows: n } = await query(s, "select count(*) from rb where b > ?", [0]);
    assert.deepEqual(n, [["2"]]);
  });

  it("RENAME TABLE and RENAME COLUMN invalidate, with the old table name as parameter", async () => {
    await exec(s, "create table rc (a int)");
    const st = await s.prepare("select a from rc");
    await exec(other, "rename table rc to rc2");
    await rejects(s.openCursor(st, []), -710, 0, "rc");
    const st2 = await s.prepare("select a from rc2");
    await exec(s, "rename column rc2.a to z");
    await rejects(s.openCursor(st2, []), -710, 0, "rc2");
    assert.deepEqual((await s.prepare("select z from rc2")).columns[0]?.name, "z");
  });

  it("DROP TABLE invalidates, also when a table of the same name is created again", async () => {
    await exec(s, "create table rd (a int)");
    const st = await s.prepare("select a from rd");
    const sub = await s.prepare("select 1 from sysmaster:sysdual where exists (select a from rd)");
    await exec(s, "drop table rd");
    await exec(s, "create table rd (a int)");
    await rejects(s.openCursor(st, []), -710, 0, "rd");
    await rejects(s.openCursor(sub, []), -710, 0, "rd");
    assert.deepEqual(await rows(s, await s.prepare("select a from rd")), []);
  });

  it("CREATE/DROP INDEX, DML and DDL on other tables invalidate nothing", async () => {
    await exec(s, "create table re (a int)");
    await exec(s, "create table rf (a int)");
    const st = await s.prepare("select a from re");
    await exec(s, "create index re_ix on re (a)");
    await exec(s, "insert into re values (5)");
    await exec(s, "drop index re_ix");
    await exec(s, "alter table rf add (b int)");
    await exec(s, "drop table rf");
    assert.deepEqual(await rows(s, st), [[5]]);
  });

  it("a rolled-back ALTER invalidates again the statements prepared inside the transaction", async () => {
    await exec(s, "create table rg (a int)");
    await s.begin();
    await exec(s, "alter table rg add (b int)");
    const inside = await s.prepare("select * from rg");
    assert.equal(inside.columns.length, 2);
    await s.rollback();
    await rejects(s.openCursor(inside, []), -710, 0, "rg");
    assert.equal((await s.prepare("select * from rg")).columns.length, 1);
  });

  it("temp tables and views are tracked too", async () => {
    await exec(s, "create temp table rt (a int)");
    const st = await s.prepare("select a from rt");
    await exec(s, "drop table rt");
    await rejects(s.openCursor(st, []), -710, 0, "rt");
    await exec(s, "create table rh (a int)");
    await exec(s, "create view rv as select a from rh");
    const v = await s.prepare("select a from rv");
    await exec(s, "drop view rv");
    await rejects(s.openCursor(v, []), -710, 0, "rv");
  });
});
