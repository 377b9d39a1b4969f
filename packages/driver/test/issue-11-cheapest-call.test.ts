// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 11, the cheapest call: a parameterless SELECT is cached like a parameterised one,
// its first SQ_NFETCH goes with the OPEN whatever its column types, and the cursor of a
// cached statement read to its end is closed at the head of the next request group. A
// repeated ad-hoc SELECT is therefore ONE round trip. Round trips are counted at the
// transport (one write per request group); what the server holds comes from the emulator.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type RunningEmulator, startEmulator } from "@informix-db/emulator";
import { type ConnectOptions, connect, type TransportFactory } from "informix-db";
import { tcpTransport } from "./support/harness.js";

let emu: RunningEmulator;
const writes = { count: 0 };
const counted: TransportFactory = async (target) => {
  const t = await tcpTransport()(target);
  return {
    ...t,
    write: (bytes: Uint8Array) => {
      writes.count++;
      return t.write(bytes);
    },
  };
};
const opts = (database = "c11"): ConnectOptions => ({
  host: emu.host,
  port: emu.port,
  user: "informix",
  password: "in4mix",
  server: "informix",
  database,
  transport: counted,
});

before(async () => {
  emu = await startEmulator({ port: 0 });
  await using admin = await connect({ ...opts(""), transport: tcpTransport() });
  for (const db of ["c11", "c11b"]) {
    await admin.query(`CREATE DATABASE ${db}`);
    await admin.query(`DATABASE ${db}`);
    await admin.query("CREATE TABLE t (id INTEGER, name VARCHAR(40), amount DECIMAL(10,2))");
    await admin.query(`INSERT INTO t VALUES (1, '${db} one', 1.25)`);
  }
});

after(async () => {
  await emu?.close();
});

/** Round trips (request groups written) by `body`. */
async function roundTrips(body: () => Promise<unknown>): Promise<number> {
  const before = writes.count;
  await body();
  return writes.count - before;
}

/** Statements and open cursors the emulator holds for the newest session. */
function held(): { statements: number; cursors: number } {
  const all = emu.sessionResources().sort((a, b) => b.id - a.id);
  const { statements, cursors } = all[0]!;
  return { statements, cursors };
}

test("issue 11: a repeated ad-hoc SELECT with a VARCHAR column is one round trip", async () => {
  await using conn = await connect(opts());
  const sql = "SELECT id, name, amount FROM t WHERE id = 1";
  // First time: PREPARE, then OPEN + NFETCH (the VARCHAR column does not split the open).
  assert.equal(await roundTrips(() => conn.query(sql)), 2);
  for (let i = 0; i < 3; i++) {
    let rows: unknown[] = [];
    const trips = await roundTrips(async () => {
      rows = (await conn.query(sql)).rows;
    });
    assert.equal(trips, 1, `call ${i + 2}`);
    assert.deepEqual(rows, [{ id: 1, name: "c11 one", amount: "1.25" }]);
  }
  // Rows written in between are seen: the cursor is opened anew each time.
  await conn.query("INSERT INTO t VALUES (2, 'two', 2.5)");
  assert.equal((await conn.query("SELECT id, name, amount FROM t")).rowCount, 2);
  await conn.query("DELETE FROM t WHERE id = 2");
  assert.equal((await conn.query("SELECT id, name, amount FROM t")).rowCount, 1);
});

test("issue 11: a cached SELECT's cursor stays open until the next request, which closes it first", async () => {
  await using conn = await connect(opts());
  const base = held();
  await conn.query("SELECT name FROM t");
  assert.deepEqual(held(), { statements: base.statements + 1, cursors: base.cursors + 1 }, "deferred CLOSE");
  await conn.query("SET LOCK MODE TO NOT WAIT");
  assert.deepEqual(held(), { statements: base.statements + 1, cursors: base.cursors }, "closed, still cached");
});

test("issue 11: without the statement cache an ad-hoc SELECT is closed and released at once", async () => {
  await using conn = await connect({ ...opts(), statementCacheSize: 0 });
  const base = held();
  assert.equal(await roundTrips(() => conn.query("SELECT name FROM t")), 3, "PREPARE, OPEN + NFETCH, CLOSE + RELEASE");
  assert.deepEqual(held(), base);
});

test("issue 11: a cursor spanning several fetches with OPEN+NFETCH returns every row", async () => {
  await using conn = await connect(opts());
  const rows = (await conn.query("SELECT a.tabid, a.tabname FROM systables a, systables b", [], { fetchSize: 7 })).rows;
  const count = (await conn.query<{ n: unknown }>("SELECT COUNT(*) AS n FROM systables a, systables b")).rows[0]!.n;
  assert.equal(rows.length, Number(count));
  assert.ok(rows.length > 7);
});

test("issue 11: another database drops the cached statements of the last one", async () => {
  await using conn = await connect(opts());
  const sql = "SELECT name FROM t";
  assert.deepEqual((await conn.query(sql)).rows, [{ name: "c11 one" }]);
  await conn.query("DATABASE c11b");
  assert.deepEqual((await conn.query(sql)).rows, [{ name: "c11b one" }]);
  await conn.selectDatabase("c11");
  assert.deepEqual((await conn.query(sql)).rows, [{ name: "c11 one" }]);
});

test("issue 11: a cached parameterless SELECT follows its table being recreated", async () => {
  await using conn = await connect(opts());
  await conn.query("CREATE TABLE r (a INTEGER)");
  await conn.query("INSERT INTO r VALUES (1)");
  assert.deepEqual((await conn.query("SELECT * FROM r")).rows, [{ a: 1 }]);
  await conn.query("DROP TABLE r");
  await conn.query("CREATE TABLE r (a INTEGER, b VARCHAR(5))");
  await conn.query("INSERT INTO r VALUES (2, 'x')");
  assert.deepEqual((await conn.query("SELECT * FROM r")).rows, [{ a: 2, b: "x" }]);
});
