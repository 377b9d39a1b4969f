// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 11: prepared statements and streams dropped without close() do not leak server
// resources on a long-lived (pooled) connection. The emulator reports, per session, the
// statements and open cursors it holds (emu.sessionResources(), what IDS shows in
// sysmaster:syssqlcurses). After a garbage collection the finalizer only queues the
// cleanup; it goes on the wire before the connection's next exchange.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type RunningEmulator, startEmulator } from "@informix-db/emulator";
import { type Connection, type ConnectOptions, connect, createPool } from "informix-db";
import { collectGarbage } from "./support/harness.js";

let emu: RunningEmulator;
const opts = (): ConnectOptions => ({
  host: emu.host,
  port: emu.port,
  user: "informix",
  password: "in4mix",
  server: "informix",
  database: "a11",
  // Without the statement cache every statement here is released as soon as it is done, so
  // the counts below are the abandoned ones alone (the cache's own are tested elsewhere).
  statementCacheSize: 0,
});
const MANY = "SELECT a.tabid AS n FROM systables a, systables b";

before(async () => {
  emu = await startEmulator({ port: 0 });
  await using admin = await connect({ ...opts(), database: "" });
  await admin.query("CREATE DATABASE a11 WITH LOG");
});

after(async () => {
  await emu?.close();
});

/** The resources the emulator holds for the newest session (each test's own connection). */
function held(): { statements: number; cursors: number } {
  const all = emu.sessionResources().sort((a, b) => b.id - a.id);
  assert.ok(all.length > 0);
  const { statements, cursors } = all[0]!;
  return { statements, cursors };
}

/** Runs the finalizers of everything unreachable (they run on a later turn of the event loop). */
async function collect(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    collectGarbage();
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Prepares `n` statements and opens one stream without keeping any of them. */
async function leak(conn: Connection, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await conn.prepare(`SELECT ${i} AS v FROM systables WHERE tabid = ?`);
  const rows = conn.stream(MANY, [], { fetchSize: 1 });
  await rows.next();
}

test("issue 11: abandoned prepared statements and streams are closed and released before the next exchange", async () => {
  const conn = await connect(opts());
  const base = held();
  await leak(conn, 10);
  assert.deepEqual(held(), { statements: base.statements + 11, cursors: base.cursors + 1 }, "the leak is real");
  await collect();
  assert.deepEqual(
    held(),
    { statements: base.statements + 11, cursors: base.cursors + 1 },
    "nothing is sent from the finalizer itself",
  );
  const r = await conn.query<{ n: number }>("SELECT COUNT(*) AS n FROM systables WHERE tabid = 1");
  assert.equal(Number(r.rows[0]?.n), 1, "the next call runs normally after the cleanup");
  assert.deepEqual(held(), base, "every abandoned statement and cursor was released");
  assert.equal(conn.state, "idle");
  await conn.close();
});

test("issue 11: a statement closed properly, or still referenced, is left alone", async () => {
  const conn = await connect(opts());
  const base = held();
  const kept = await conn.prepare("SELECT tabid FROM systables WHERE tabid = ?");
  const closed = await conn.prepare("SELECT tabid FROM systables WHERE tabid > ?");
  await closed.close();
  await collect();
  await conn.query("SELECT 1 AS one FROM systables WHERE tabid = 1");
  assert.deepEqual(held(), { statements: base.statements + 1, cursors: base.cursors });
  assert.equal((await kept.query([1])).rowCount, 1, "the referenced statement still works");
  await kept.close();
  assert.deepEqual(held(), base);
  await conn.close();
});

test("issue 11: on a long-lived pooled connection, abandoned statements do not pile up", async () => {
  await using pool = createPool({ ...opts(), max: 1 });
  let base: { statements: number; cursors: number } | undefined;
  for (let round = 0; round < 5; round++) {
    await pool.withConnection(async (conn) => {
      base ??= held();
      await leak(conn, 5);
    });
    await collect();
    await pool.query("SELECT 1 AS one FROM systables WHERE tabid = 1");
    assert.deepEqual(held(), base, `round ${round}: nothing left behind`);
  }
});

test("issue 11: an abandoned scroll cursor is closed and released before the next exchange; a closed one is left alone", async () => {
  const conn = await connect(opts());
  const base = held();
  const open = async () => {
    const cur = await conn.scroll(MANY);
    assert.ok((await cur.last()) !== undefined);
  };
  await open();
  assert.deepEqual(held(), { statements: base.statements + 1, cursors: base.cursors + 1 }, "the leak is real");
  await collect();
  assert.deepEqual(
    held(),
    { statements: base.statements + 1, cursors: base.cursors + 1 },
    "nothing sent from the finalizer",
  );
  await conn.query("SELECT 1 AS one FROM systables WHERE tabid = 1");
  assert.deepEqual(held(), base, "the abandoned scroll cursor was closed and released");
  const closed = await conn.scroll(MANY);
  await closed.close();
  await collect();
  await conn.query("SELECT 1 AS one FROM systables WHERE tabid = 1");
  assert.deepEqual(held(), base);
  assert.equal(conn.state, "idle");
  await conn.close();
});
