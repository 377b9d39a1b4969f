// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 8 §1: on the PostgreSQL engine (a private local server) sessions run side by
// side with row locks: disjoint rows never conflict; a locked row fails at once under
// NOT WAIT (-107), after n seconds under WAIT n (-154), or goes through once the holder
// commits; a deadlock is -143; SET ISOLATION picks the snapshot; a client that
// disconnects mid-transaction has its locks released at once.

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { EngineSession } from "../../src/engine/types.js";
import { type RunningEmulator, startEmulator } from "../../src/server/listener.js";
import { errorOf, WireClient } from "../server/wire-client.js";
import { exec, query, rejects } from "./helpers.js";

const UPDATE_FAILED = -346;
const DELETE_FAILED = -240;
const INSERT_FAILED = -271;
const READ_LOCKED = -244;
const LOCKED = -107;
const LOCK_TIMEOUT = -154;
const DEADLOCK = -143;

let emu: RunningEmulator;
const open: EngineSession[] = [];

async function session(): Promise<EngineSession> {
  const s = emu.engine.openSession("informix");
  open.push(s);
  await s.openDatabase("pgconc", false);
  return s;
}

async function value(s: EngineSession, id: number): Promise<number> {
  return Number((await query(s, `select v from acct where id = ${id}`)).rows[0]?.[0]);
}

before(async () => {
  emu = await startEmulator({ port: 0, engine: "postgres" });
  const s = emu.engine.openSession("informix");
  await exec(s, "create database pgconc with log");
  await exec(s, "create table acct (id integer primary key, v integer)");
  for (let id = 1; id <= 8; id++) await exec(s, `insert into acct values (${id}, ${id * 100})`);
  await s.close();
});

after(async () => {
  for (const s of open) await s.close();
  await emu?.close();
});

describe("issue 8: row locks on the PostgreSQL engine", () => {
  it("two sessions writing disjoint rows in open transactions both succeed", async () => {
    const a = await session();
    const b = await session();
    await exec(a, "begin work");
    await exec(b, "begin work");
    assert.equal((await exec(a, "update acct set v = v + 1 where id = 1")).rowCount, 1);
    assert.equal((await exec(b, "update acct set v = v + 1 where id = 2")).rowCount, 1);
    assert.equal((await exec(b, "insert into acct values (100, 1)")).rowCount, 1);
    assert.equal((await exec(a, "insert into acct values (101, 1)")).rowCount, 1);
    // Each sees its own change and not the other's uncommitted one.
    assert.equal(await value(a, 1), 101);
    assert.equal(await value(a, 2), 200);
    await exec(a, "commit work");
    await exec(b, "commit work");
    assert.equal(await value(a, 2), 201);
    assert.equal(Number((await query(a, "select count(*) from acct where id >= 100")).rows[0]?.[0]), 2);
  });

  it("NOT WAIT: a locked row fails at once with the statement's error and ISAM -107; the transaction goes on", async () => {
    const a = await session();
    const b = await session();
    await exec(a, "begin work");
    await exec(a, "update acct set v = v + 1 where id = 3");
    await exec(b, "begin work");
    const started = Date.now();
    await rejects(exec(b, "update acct set v = 0 where id = 3"), UPDATE_FAILED, LOCKED);
    await rejects(exec(b, "delete from acct where id = 3"), DELETE_FAILED, LOCKED);
    await rejects(query(b, "select * from acct where id = 3 for update"), READ_LOCKED, LOCKED);
    assert.ok(Date.now() - started < 2000, "NOT WAIT does not wait");
    // The failed statements did not abort b's transaction (IDS's rule).
    assert.equal((await exec(b, "update acct set v = v + 1 where id = 4")).rowCount, 1);
    await exec(a, "insert into acct values (102, 1)");
    await rejects(exec(b, "insert into acct values (102, 2)"), INSERT_FAILED, LOCKED);
    await exec(a, "commit work");
    await exec(b, "commit work");
    assert.equal(await value(b, 3), 301);
    assert.equal(await value(b, 4), 401);
  });

  it("WAIT n: waits n seconds, then the statement's error with ISAM -154", async () => {
    const a = await session();
    const b = await session();
    await exec(a, "begin work");
    await exec(a, "update acct set v = v + 1 where id = 5");
    await exec(b, "set lock mode to wait 1");
    const started = Date.now();
    await rejects(exec(b, "update acct set v = 0 where id = 5"), UPDATE_FAILED, LOCK_TIMEOUT);
    const waited = Date.now() - started;
    assert.ok(waited >= 900 && waited < 5000, `waited ${waited} ms`);
    await exec(a, "rollback work");
    assert.equal((await exec(b, "update acct set v = v where id = 5")).rowCount, 1);
  });

  it("WAIT: the waiting statement goes through once the holder commits, on the committed row", async () => {
    const a = await session();
    const b = await session();
    await exec(a, "begin work");
    await exec(a, "update acct set v = 1000 where id = 6");
    await exec(b, "set lock mode to wait 10");
    const waiting = exec(b, "update acct set v = v + 1 where id = 6");
    await new Promise((r) => setTimeout(r, 300));
    await exec(a, "commit work");
    assert.equal((await waiting).rowCount, 1);
    assert.equal(await value(a, 6), 1001);
  });

  it("deadlock: one of the two sessions gets the statement's error with ISAM -143; the other goes on", async () => {
    const a = await session();
    const b = await session();
    for (const s of [a, b]) {
      await exec(s, "set lock mode to wait");
      await exec(s, "begin work");
    }
    await exec(a, "update acct set v = v + 1 where id = 7");
    await exec(b, "update acct set v = v + 1 where id = 8");
    const outcome = (p: Promise<unknown>, who: EngineSession) =>
      p.then(
        () => ({ who, error: null as unknown }),
        (error: unknown) => ({ who, error }),
      );
    const pa = outcome(exec(a, "update acct set v = v + 1 where id = 8"), a);
    const pb = outcome(exec(b, "update acct set v = v + 1 where id = 7"), b);
    const first = await Promise.race([pa, pb]);
    await rejects(Promise.reject(first.error), UPDATE_FAILED, DEADLOCK);
    // The victim's transaction is still open (IDS: only the statement failed); it rolls back.
    assert.equal(first.who.inTransaction, true);
    await exec(first.who, "rollback work");
    const second = await (first.who === a ? pb : pa);
    assert.equal(second.error, null);
    await exec(second.who, "commit work");
  });

  it("a client that disconnects mid-transaction is rolled back at once and its locks freed", async () => {
    const w = await WireClient.open(emu.port);
    await w.ready("pgconc");
    assert.equal(errorOf(await w.command("begin work")), undefined);
    assert.equal(errorOf(await w.command("update acct set v = -1 where id = 1")), undefined);
    const b = await session();
    await rejects(exec(b, "update acct set v = 5 where id = 1"), UPDATE_FAILED, LOCKED);
    w.destroy();
    const deadline = Date.now() + 3000;
    for (;;) {
      try {
        await exec(b, "update acct set v = v where id = 1");
        break;
      } catch (e) {
        if (Date.now() > deadline) throw e;
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    assert.notEqual(await value(b, 1), -1);
  });

  it("a session closed while it waits for a lock ends at once", async () => {
    const a = await session();
    const b = await session();
    await exec(a, "begin work");
    await exec(a, "update acct set v = v + 1 where id = 2");
    await exec(b, "set lock mode to wait");
    await exec(b, "begin work");
    await exec(b, "update acct set v = v + 1 where id = 3");
    const waiting = exec(b, "update acct set v = 0 where id = 2").then(
      () => "done",
      () => "failed",
    );
    await new Promise((r) => setTimeout(r, 200));
    const started = Date.now();
    await b.close();
    assert.ok(Date.now() - started < 2000);
    assert.equal(await waiting, "failed");
    // b's row lock on id 3 is gone.
    assert.equal((await exec(a, "update acct set v = v + 1 where id = 3")).rowCount, 1);
    await exec(a, "commit work");
  });
});

describe("issue 8: isolation levels on the PostgreSQL engine", () => {
  it("COMMITTED READ sees another session's commit inside the transaction; REPEATABLE READ keeps its snapshot", async () => {
    const a = await session();
    const b = await session();
    await exec(a, "begin work");
    const before = await value(a, 4);
    await exec(b, "update acct set v = v + 10 where id = 4");
    assert.equal(await value(a, 4), before + 10);
    await exec(a, "commit work");

    await exec(a, "set isolation to repeatable read");
    await exec(a, "begin work");
    const snapshot = await value(a, 4);
    await exec(b, "update acct set v = v + 10 where id = 4");
    assert.equal(await value(a, 4), snapshot);
    // Writing a row changed since the snapshot: the lock error IDS gives when a row is held.
    await rejects(exec(a, "update acct set v = 0 where id = 4"), UPDATE_FAILED, LOCKED);
    await exec(a, "rollback work");
    assert.equal(await value(a, 4), snapshot + 10);
    await exec(a, "set isolation to committed read");
  });

  it("DIRTY READ, LAST COMMITTED, CURSOR STABILITY and COMMITTED READ read the last committed version of a locked row without waiting", async () => {
    const a = await session();
    const b = await session();
    await exec(a, "begin work");
    const committed = await value(a, 5);
    await exec(a, "update acct set v = -5 where id = 5");
    for (const level of ["dirty read", "committed read last committed", "cursor stability", "committed read"]) {
      await exec(b, `set isolation to ${level}`);
      await exec(b, "begin work");
      assert.equal(await value(b, 5), committed, level);
      await exec(b, "commit work");
    }
    await exec(a, "rollback work");
  });

  it("temp tables are per session", async () => {
    const a = await session();
    const b = await session();
    await exec(a, "create temp table scratch (x integer)");
    await exec(b, "create temp table scratch (x integer)");
    await exec(a, "insert into scratch values (1)");
    await exec(b, "insert into scratch values (2)");
    await exec(b, "insert into scratch values (3)");
    assert.equal(Number((await query(a, "select count(*) from scratch")).rows[0]?.[0]), 1);
    assert.equal(Number((await query(b, "select sum(x) from scratch")).rows[0]?.[0]), 5);
  });
});
