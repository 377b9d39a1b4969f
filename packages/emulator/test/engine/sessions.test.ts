// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { PgliteEngine } from "../../src/engine/pglite-engine.js";
import { exec, query, rejects } from "./helpers.js";

/** NOT WAIT's grace on this engine (the default is 2000 ms). */
const GRACE_MS = 300;

describe("sessions sharing one PGlite", () => {
  let engine: PgliteEngine;
  before(async () => {
    engine = await PgliteEngine.create({ lockGraceMs: GRACE_MS });
    const s = engine.openSession("informix");
    await exec(s, "create database sess with log");
    await exec(s, "create table t (a int)");
    await exec(s, "insert into t values (1)");
    await s.close();
  });
  after(async () => {
    await engine.close();
  });

  async function open(): Promise<ReturnType<PgliteEngine["openSession"]>> {
    const s = engine.openSession("informix");
    await s.openDatabase("sess", false);
    return s;
  }

  it("NOT WAIT: another session's transaction fails the statement after the grace (-244/-107, -271/-107)", async () => {
    const a = await open();
    const b = await open();
    await exec(a, "begin work");
    await exec(a, "update t set a = 2");
    const started = Date.now();
    await rejects(query(b, "select * from t"), -244, -107);
    assert.ok(Date.now() - started >= GRACE_MS - 50, "waited the grace");
    await rejects(exec(b, "insert into t values (5)"), -271, -107);
    await rejects(exec(b, "update t set a = 3"), -346, -107);
    await rejects(exec(b, "delete from t"), -240, -107);
    await exec(a, "rollback work");
    assert.deepEqual((await query(b, "select a from t")).rows, [[1]]);
    await a.close();
    await b.close();
  });

  it("NOT WAIT: a transaction that ends within the grace lets the waiting statements run", async () => {
    const a = await open();
    const b = await open();
    await exec(a, "begin work");
    await exec(a, "update t set a = 3");
    const read = query(b, "select a from t");
    const write = exec(b, "insert into t values (4)");
    await exec(a, "commit work");
    assert.deepEqual((await read).rows, [[3]]);
    await write;
    assert.deepEqual((await query(b, "select a from t order by a")).rows, [[3], [4]]);
    await exec(b, "delete from t where a = 4");
    await exec(b, "update t set a = 1");
    await a.close();
    await b.close();
  });

  it("WAIT n: times out with ISAM -154, WAIT: waits until the commit", async () => {
    const a = await open();
    const b = await open();
    await exec(a, "begin work");
    await exec(a, "update t set a = 6");
    await exec(b, "set lock mode to wait 1");
    const started = Date.now();
    await rejects(query(b, "select * from t"), -244, -154);
    assert.ok(Date.now() - started >= 900);
    await exec(b, "set lock mode to wait");
    const pending = query(b, "select a from t");
    await exec(a, "update t set a = 7");
    await exec(a, "commit work");
    assert.deepEqual((await pending).rows, [[7]]);
    await a.close();
    await b.close();
  });

  it("temp tables are per session and dropped at close", async () => {
    const a = await open();
    const b = await open();
    await exec(a, "create temp table tt (x int) with no log");
    await exec(a, "insert into tt values (1)");
    await exec(b, "select a from t into temp tt with no log");
    assert.deepEqual((await query(a, "select x from tt")).rows, [[1]]);
    const bt = await query(b, "select * from tt");
    assert.deepEqual(bt.rows, [[7]]);
    assert.deepEqual(
      bt.columns.map((c) => [c.name, c.type]),
      [["a", 2]],
    );
    const tables = await query(a, "select tabname from systables where tabname = 'tt'");
    assert.deepEqual(tables.rows, []);
    await a.close();
    const c = await open();
    await rejects(query(c, "select * from tt"), -206, -111, "tt");
    await c.close();
    await b.close();
  });

  it("DATABASE EXCLUSIVE keeps other sessions out", async () => {
    const a = engine.openSession("informix");
    await a.openDatabase("sess", true);
    const b = engine.openSession("informix");
    await rejects(b.openDatabase("sess", false), -329, -107);
    await a.close();
    await b.openDatabase("sess", false);
    await b.close();
  });

  it("cursors page through materialised rows", async () => {
    const s = await open();
    await exec(s, "create table many (n int)");
    await exec(s, "insert into many select generate_series(1, 25)");
    const st = await s.prepare("select n from many order by n");
    const cursor = await s.openCursor(st, []);
    assert.equal((await cursor.fetch(10)).length, 10);
    assert.equal((await cursor.fetch(10)).length, 10);
    assert.deepEqual(await cursor.fetch(10), [[21], [22], [23], [24], [25]]);
    assert.deepEqual(await cursor.fetch(10), []);
    await cursor.close();
    const first = await query(s, "select first 3 skip 5 n from many order by n");
    assert.deepEqual(first.rows, [[6], [7], [8]]);
    await s.close();
  });
});
