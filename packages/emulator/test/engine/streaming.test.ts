// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { PgliteEngine } from "../../src/engine/pglite-engine.js";
import type { PgliteSession } from "../../src/engine/pglite-session.js";
import type { EngineSession } from "../../src/engine/types.js";

const ROWS = 5000;

async function run(s: EngineSession, sql: string): Promise<void> {
  await s.execute(await s.prepare(sql), []);
}

describe("streaming cursors (issue 8 §2)", () => {
  let engine: PgliteEngine;
  let s: EngineSession;
  let other: EngineSession;
  const received = (): number => (s as PgliteSession).pg.rowsReceived;
  before(async () => {
    engine = await PgliteEngine.create({});
    s = engine.openSession("informix");
    other = engine.openSession("informix");
    await run(s, "create database streams with log");
    await run(s, "create table t (a integer, b char(10))");
    for (let k = 0; k < ROWS; k += 500) {
      const values = Array.from({ length: 500 }, (_, i) => `(${k + i}, 'r${k + i}')`).join(", ");
      await run(s, `insert into t values ${values}`);
    }
    await other.openDatabase("streams", false);
  });
  after(async () => {
    await other.close();
    await s.close();
    await engine.close();
  });

  it("OPEN reads at most one batch ahead; each fetch reads only what it returns", async () => {
    const st = await s.prepare("select a, b from t order by a");
    const before = received();
    const c = await s.openCursor(st, []);
    // The first rows come with the DECLARE (statement-runner.ts PREFETCH_ROWS), no more.
    const ahead = received() - before;
    assert.ok(ahead <= 128, `${ahead} rows read at OPEN`);
    const first = await c.fetch(100);
    assert.equal(first.length, 100);
    assert.deepEqual(first[0], [0, "r0        "]);
    assert.equal(received() - before, Math.max(ahead, 100));
    const second = await c.fetch(100);
    assert.deepEqual(second[0], [100, "r100      "]);
    assert.equal(received() - before, 200);
    let total = first.length + second.length;
    for (let b = await c.fetch(1000); b.length > 0; b = await c.fetch(1000)) total += b.length;
    assert.equal(total, ROWS);
    await c.close();
  });

  it("a FETCH failing after the rows read at OPEN: those rows first, then the error, then -400", async () => {
    await run(s, "create table u (a integer)");
    await run(s, `insert into u values ${Array.from({ length: 300 }, (_, i) => `(${i})`).join(", ")}`);
    // No ORDER BY: rows come in insertion order, so row 150 fails in the FETCH after the first 128.
    const c = await s.openCursor(await s.prepare("select 1 / (a - 150) from u"), []);
    assert.equal((await c.fetch(100)).length, 100);
    assert.equal((await c.fetch(100)).length, 28);
    await assert.rejects(c.fetch(100), (e: unknown) => (e as { sqlcode?: number }).sqlcode === -1202);
    await assert.rejects(c.fetch(100), (e: unknown) => (e as { sqlcode?: number }).sqlcode === -400);
    await c.close();
    await run(s, "drop table u");
  });

  it("another session's statements and this session's own go on while a cursor is open", async () => {
    const c = await s.openCursor(await s.prepare("select a from t order by a"), []);
    assert.deepEqual(await c.fetch(2), [[0], [1]]);
    await run(other, "update t set b = 'x' where a = 0");
    await run(s, "update t set b = 'y' where a = 1");
    assert.deepEqual(await c.fetch(2), [[2], [3]]);
    await c.close();
  });

  it("a cursor opened in a transaction survives COMMIT; a failed fetch leaves the transaction open", async () => {
    await s.begin();
    const c = await s.openCursor(await s.prepare("select a from t where a < 3 order by a"), []);
    assert.deepEqual(await c.fetch(1), [[0]]);
    const bad = await s.openCursor(await s.prepare("select 1 / (a - 1) from t where a < 3 order by a"), []);
    await assert.rejects(bad.fetch(10));
    await bad.close();
    await run(s, "insert into t values (-1, 'tx')");
    await s.commit();
    assert.deepEqual(await c.fetch(5), [[1], [2]]);
    await c.close();
    const check = await s.openCursor(await s.prepare("select b from t where a = -1"), []);
    assert.deepEqual(await check.fetch(5), [["tx        "]]);
    await check.close();
  });

  it("a cursor declared in a transaction that rolls back keeps its remaining rows (WITH HOLD)", async () => {
    await s.begin();
    const c = await s.openCursor(await s.prepare("select a from t where a >= 0 and a < 4 order by a"), []);
    assert.deepEqual(await c.fetch(1), [[0]]);
    await s.rollback();
    assert.deepEqual(await c.fetch(10), [[1], [2], [3]]);
    assert.deepEqual(await c.fetch(10), []);
    await c.close();
  });
});
