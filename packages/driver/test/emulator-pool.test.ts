// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The pool against the emulator.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type RunningEmulator, startEmulator } from "@informix-db/emulator";
import { connect, createPool } from "informix-db";

let emu: RunningEmulator;
const opts = () => ({
  host: emu.host,
  port: emu.port,
  user: "informix",
  password: "in4mix",
  server: "informix",
  database: "pdb",
});

before(async () => {
  emu = await startEmulator({ port: 0 });
  await using admin = await connect({ ...opts(), database: "" });
  await admin.query("CREATE DATABASE pdb WITH LOG");
  await admin.selectDatabase("pdb");
  await admin.query("CREATE TABLE t (id INT)");
});

after(async () => {
  await emu?.close();
});

test("acquire/release reuse connections up to max; acquire times out", async () => {
  await using pool = createPool({ ...opts(), max: 2, acquireTimeout: 20_000 });
  const a = await pool.acquire();
  const b = await pool.acquire();
  assert.equal(pool.size, 2);
  await assert.rejects(pool.acquire({ timeout: 200 }), { name: "TimeoutError", code: "POOL_TIMEOUT" });
  const waiting = pool.acquire();
  await pool.release(a);
  assert.equal(await waiting, a);
  await pool.release(a);
  await pool.release(b);
  assert.equal(pool.idleCount, 2);
  const results = await Promise.all(Array.from({ length: 8 }, (_, i) => pool.query("SELECT ? + 0 AS v FROM t", [i])));
  assert.equal(results.length, 8);
  assert.equal(pool.size, 2);
});

test("release rolls back an open transaction; broken connections are not handed out", async () => {
  await using pool = createPool({ ...opts(), max: 1 });
  const c = await pool.acquire();
  await c.begin();
  await c.query("INSERT INTO t VALUES (1)");
  await pool.release(c);
  const again = await pool.acquire();
  assert.equal(again, c);
  assert.equal(again.inTransaction, false);
  assert.equal((await again.query("SELECT id FROM t")).rowCount, 0);
  // Simulate a wire failure (e.g. a query timeout) on the leased connection.
  again.scheduler.break(new Error("test"));
  await pool.release(again);
  const fresh = await pool.acquire();
  assert.notEqual(fresh, again);
  assert.equal(fresh.state, "idle");
  await pool.release(fresh);
  assert.equal(await pool.transaction(async (tx) => (await tx.query("SELECT id FROM t")).rowCount), 0);
});

test("connection-string pools and close()", async () => {
  const pool = createPool(`informix://informix:in4mix@${emu.host}:${emu.port}/pdb?server=informix`, { min: 1 });
  assert.equal((await pool.query("SELECT id FROM t")).rowCount, 0);
  await pool.close();
  await assert.rejects(pool.acquire(), { code: "POOL_CLOSED" });
});

test("writers on disjoint rows, one transaction per pooled connection at once: every transaction commits", async () => {
  // IDS locks rows, so these never conflict. On PGlite a transaction that has written holds the
  // whole engine; the others wait for it (NOT WAIT waits a grace period) instead of failing.
  await using pool = createPool({ ...opts(), max: 4 });
  await Promise.all(
    Array.from({ length: 12 }, (_, i) =>
      pool.transaction(async (tx) => {
        await tx.query("INSERT INTO t VALUES (?)", [1000 + i]);
        await tx.query("UPDATE t SET id = id + 1000 WHERE id = ?", [1000 + i]);
      }),
    ),
  );
  const rows = await pool.query<{ id: number }>("SELECT id FROM t WHERE id >= 2000 ORDER BY id");
  assert.deepEqual(
    rows.rows.map((r) => r.id),
    Array.from({ length: 12 }, (_, i) => 2000 + i),
  );
});
