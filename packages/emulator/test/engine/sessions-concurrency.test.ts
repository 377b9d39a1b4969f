// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Transactions of several sessions on one PGlite: a transaction that has only read never
// blocks another session; one that has written owns the connection until it ends.

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { PgliteEngine } from "../../src/engine/pglite-engine.js";
import type { EngineSession } from "../../src/engine/types.js";
import { exec, query, rejects } from "./helpers.js";

describe("read-only transactions do not block other sessions", () => {
  let engine: PgliteEngine;
  const open: EngineSession[] = [];
  before(async () => {
    engine = await PgliteEngine.create({ lockGraceMs: 200 }); // NOT WAIT's grace (sessions.test.ts)
    const s = engine.openSession("informix");
    await exec(s, "create database conc with log");
    await exec(s, "create database conc_ansi with log mode ansi");
    await s.close();
  });
  after(async () => {
    for (const s of open) await s.close();
    await engine.close();
  });

  async function session(db = "conc"): Promise<EngineSession> {
    const s = engine.openSession("informix");
    open.push(s);
    await s.openDatabase(db, false);
    return s;
  }

  async function count(s: EngineSession, table: string): Promise<number> {
    return Number((await query(s, `select count(*) from ${table}`)).rows[0]?.[0]);
  }

  /** Autocommit off as the Python driver does it: BEGIN before a statement outside a transaction. */
  async function inTx<T>(s: EngineSession, fn: () => Promise<T>): Promise<T> {
    if (!s.inTransaction) await exec(s, "begin work");
    return fn();
  }

  it("Python scenario: A's read transaction after ROLLBACK does not block B", async () => {
    const setup = await session();
    await exec(setup, "create table py_tx (id integer, v varchar(20))");
    const a = await session();
    const b = await session();
    await inTx(a, () => exec(a, "insert into py_tx values (?, ?)", [1, "rolled back"]));
    assert.equal(await inTx(a, () => count(a, "py_tx")), 1);
    await exec(a, "rollback work");
    assert.equal(await inTx(a, () => count(a, "py_tx")), 0);
    assert.equal(a.inTransaction, true);
    assert.equal(await count(b, "py_tx"), 0);
    await inTx(a, () => exec(a, "insert into py_tx values (?, ?)", [2, "committed"]));
    await exec(a, "commit work");
    assert.equal(await count(b, "py_tx"), 1);
    assert.equal(await inTx(a, () => count(a, "py_tx")), 1);
    await exec(b, "insert into py_tx values (3, 'autocommit')");
    await exec(a, "commit work");
    assert.equal(await inTx(a, () => count(a, "py_tx")), 2);
    await exec(a, "commit work");
  });

  it("JDBC scenario: BEGIN before the first statement of each transaction", async () => {
    const setup = await session();
    await exec(setup, "create table j_tx (id integer, v varchar(20))");
    const a = await session();
    const b = await session();
    await exec(a, "begin work");
    const insert = await a.prepare("insert into j_tx values (?, ?)");
    assert.equal((await a.execute(insert, [1, "rolled back"])).rowCount, 1);
    assert.equal(await count(a, "j_tx"), 1);
    await exec(a, "rollback work");
    await exec(a, "begin work");
    assert.equal(await count(a, "j_tx"), 0);
    assert.equal(await count(b, "j_tx"), 0);
    assert.equal((await a.execute(insert, [2, "committed"])).rowCount, 1);
    await exec(a, "commit work");
    assert.equal(await count(b, "j_tx"), 1);
    await exec(a, "insert into j_tx values (3, 'autocommit')");
    assert.equal(await count(b, "j_tx"), 2);
    await exec(a, "begin work");
    await exec(a, "delete from j_tx");
    await exec(a, "rollback work");
    assert.equal(await count(b, "j_tx"), 2);
  });

  it("a writer still blocks a reader under NOT WAIT (-244/-107)", async () => {
    const setup = await session();
    await exec(setup, "create table w (a int)");
    await exec(setup, "insert into w values (1)");
    const a = await session();
    const b = await session();
    await exec(a, "begin work");
    assert.equal(await count(a, "w"), 1);
    assert.equal(await count(b, "w"), 1);
    await exec(a, "update w set a = 2");
    await rejects(query(b, "select * from w"), -244, -107);
    await rejects(exec(b, "insert into w values (5)"), -271, -107);
    await exec(b, "begin work");
    await rejects(query(b, "select * from w"), -244, -107);
    await exec(b, "commit work");
    await exec(a, "commit work");
    assert.deepEqual((await query(b, "select a from w")).rows, [[2]]);
  });

  it("a failed statement in a read-only transaction does not make it a writer", async () => {
    const a = await session();
    const b = await session();
    await exec(a, "begin work");
    assert.equal(await count(a, "w"), 1);
    await rejects(exec(a, "insert into w values (1, 2)"), -236);
    await rejects(exec(a, "insert into w values ('x')"), -1213);
    assert.equal(await count(b, "w"), 1);
    await exec(a, "rollback work");
  });

  it("a failing PREPARE leaves the open transaction usable (its own and another's)", async () => {
    const a = await session();
    const b = await session();
    await exec(a, "begin work");
    assert.equal(await count(a, "w"), 1);
    await rejects(exec(a, "select * from no_such_table"), -206);
    await rejects(exec(b, "select * from no_such_table"), -206);
    await exec(a, "update w set a = 3");
    await rejects(exec(b, "select * from no_such_table"), -206);
    await rejects(exec(a, "select * from no_such_table"), -206);
    assert.deepEqual((await query(a, "select a from w")).rows, [[3]]);
    await exec(a, "rollback work");
    assert.deepEqual((await query(b, "select a from w")).rows, [[2]]);
  });

  it("a read-only transaction in A, a write in B, then A's ROLLBACK keeps B's write", async () => {
    const setup = await session();
    await exec(setup, "create table rb (a int)");
    const a = await session();
    const b = await session();
    await exec(a, "begin work");
    assert.equal(await count(a, "rb"), 0);
    await exec(b, "insert into rb values (1)");
    assert.equal(await count(a, "rb"), 1);
    await exec(b, "begin work");
    await exec(b, "insert into rb values (2)");
    await exec(a, "rollback work");
    await exec(b, "commit work");
    assert.equal(await count(a, "rb"), 2);
    assert.equal(await count(b, "rb"), 2);
  });

  it("WAIT n on a writer's transaction times out with ISAM -154", async () => {
    const setup = await session();
    await exec(setup, "create table wn (a int)");
    const a = await session();
    const b = await session();
    await exec(a, "begin work");
    await exec(a, "insert into wn values (1)");
    await exec(b, "set lock mode to wait 1");
    const started = Date.now();
    await rejects(query(b, "select * from wn"), -244, -154);
    await rejects(exec(b, "update wn set a = 2"), -346, -154);
    assert.ok(Date.now() - started >= 1800);
    await exec(b, "set lock mode to wait");
    const pending = query(b, "select a from wn");
    await exec(a, "commit work");
    assert.deepEqual((await pending).rows, [[1]]);
  });

  it("WAIT: a reader waiting on a writer runs once the writer commits", async () => {
    const a = await session();
    const b = await session();
    await exec(b, "set lock mode to wait");
    await exec(a, "begin work");
    await exec(a, "insert into wn values (2)");
    await exec(b, "begin work");
    const pending = count(b, "wn");
    await exec(a, "commit work");
    assert.equal(await pending, 2);
    await exec(b, "commit work");
  });

  it("savepoints of a suspended read-only transaction still work", async () => {
    const setup = await session();
    await exec(setup, "create table sp (a int)");
    const a = await session();
    const b = await session();
    await exec(a, "begin work");
    assert.equal(await count(a, "sp"), 0);
    await exec(a, "savepoint s1");
    assert.equal(await count(b, "sp"), 0);
    await exec(a, "savepoint s2");
    await exec(a, "release savepoint s2");
    await exec(a, "insert into sp values (1)");
    await exec(a, "savepoint s3");
    await exec(a, "insert into sp values (2)");
    await exec(a, "rollback to savepoint s3");
    assert.equal(await count(a, "sp"), 1);
    await exec(a, "rollback to savepoint s1");
    assert.equal(await count(a, "sp"), 0);
    await exec(a, "insert into sp values (3)");
    await rejects(query(b, "select * from sp"), -244, -107);
    await exec(a, "commit work");
    assert.deepEqual((await query(b, "select a from sp")).rows, [[3]]);
  });

  it("a reader's COMMIT and ROLLBACK do not wait for a writer", async () => {
    const a = await session();
    const b = await session();
    await exec(b, "begin work");
    assert.equal(await count(b, "sp"), 1);
    await exec(a, "begin work");
    await exec(a, "delete from sp");
    await exec(b, "commit work");
    await exec(b, "begin work");
    await exec(b, "rollback work");
    await exec(a, "rollback work");
    assert.equal(await count(b, "sp"), 1);
  });

  it("ANSI: implicit read-only transactions do not block; a write does until COMMIT", async () => {
    const setup = await session("conc_ansi");
    await exec(setup, "create table an (a int)");
    await exec(setup, "commit work");
    const a = await session("conc_ansi");
    const b = await session("conc_ansi");
    assert.equal(await count(a, "an"), 0);
    assert.equal(a.inTransaction, true);
    assert.equal(await count(b, "an"), 0);
    await exec(b, "insert into an values (1)");
    await rejects(query(a, "select * from an"), -244, -107);
    await exec(b, "commit work");
    assert.equal(await count(a, "an"), 1);
    await exec(a, "rollback work");
    assert.equal(await count(b, "an"), 1);
    await exec(b, "commit work");
  });

  it("temp tables and DDL in a read-only transaction's gaps", async () => {
    const a = await session();
    const b = await session();
    await exec(a, "begin work");
    assert.equal(await count(a, "rb"), 2);
    await exec(b, "create temp table tt (x int)");
    await exec(b, "create table ddl_b (x int)");
    await exec(a, "select * from rb into temp ta");
    await rejects(exec(b, "insert into tt values (1)"), -271, -107);
    await exec(a, "rollback work");
    await exec(b, "insert into tt values (1)");
    assert.equal(await count(b, "tt"), 1);
    assert.equal(await count(a, "ddl_b"), 0);
    await rejects(query(a, "select * from ta"), -206);
  });
});
