// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 11: deadlines and cancellation against the emulator. Node cannot send Informix's
// interrupt (TCP urgent data), so an abort or timeout that fires while an exchange is on
// the wire closes the socket and leaves the connection `broken`; one that fires before
// anything was sent leaves the connection usable. The connect cases use a listener that
// accepts and never answers, which the emulator (rightly) never does.

import assert from "node:assert/strict";
import { createServer, type Server, type Socket } from "node:net";
import { after, before, test } from "node:test";
import { type RunningEmulator, startEmulator } from "@informix-db/emulator";
import {
  AbortError,
  type ConnectOptions,
  connect,
  createPool,
  DriverError,
  TimeoutError,
  type TransportFactory,
} from "informix-db";
import { tcpTransport } from "./support/harness.js";

let emu: RunningEmulator;
let silent: Server;
const held = new Set<Socket>();
/** Transports destroyed by the driver (a socket closed because of an abort or timeout). */
let destroyed = 0;
const watched: TransportFactory = async (target) => {
  const t = await tcpTransport()(target);
  const destroy = () => {
    destroyed++;
    t.destroy();
  };
  return { ...t, destroy };
};

const opts = (extra: ConnectOptions = {}): ConnectOptions => ({
  host: emu.host,
  port: emu.port,
  user: "informix",
  password: "in4mix",
  server: "informix",
  database: "c11",
  transport: watched,
  ...extra,
});
/** Many rows (more than one fetch buffer holds). */
const MANY = "SELECT a.n + b.n * 100 + c.n * 10000 AS n FROM nums a, nums b, nums c";
const SLOW = "SELECT COUNT(*) AS n FROM systables a, systables b, systables c";

before(async () => {
  emu = await startEmulator({ port: 0 });
  await using admin = await connect({ ...opts(), database: "" });
  await admin.query("CREATE DATABASE c11 WITH LOG");
  await admin.selectDatabase("c11");
  await admin.query("CREATE TABLE nums (n INT)");
  for (let i = 1; i <= 20; i++) await admin.query("INSERT INTO nums VALUES (?)", [i]);
  silent = createServer((s) => {
    held.add(s);
    s.on("close", () => held.delete(s));
  });
  await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
});

after(async () => {
  for (const s of held) s.destroy();
  await new Promise((r) => silent.close(r));
  await emu?.close();
});

const silentPort = () => {
  const a = silent.address();
  return typeof a === "object" && a ? a.port : 0;
};

test("issue 11: connectTimeout and signal bound a connect to a server that never answers", async () => {
  const t0 = Date.now();
  await assert.rejects(
    connect({ ...opts({ transport: tcpTransport() }), port: silentPort(), connectTimeout: 150 }),
    (e) => {
      assert.ok(e instanceof TimeoutError, String(e));
      return true;
    },
  );
  assert.ok(Date.now() - t0 < 5000);
  const ac = new AbortController();
  setTimeout(() => ac.abort(), 50);
  await assert.rejects(
    connect({ ...opts({ transport: tcpTransport() }), port: silentPort(), connectTimeout: 0, signal: ac.signal }),
    (e) => e instanceof AbortError,
  );
  await assert.rejects(connect({ ...opts(), signal: AbortSignal.abort() }), (e) => e instanceof AbortError);
  assert.equal(held.size > 0, true, "the connects reached the silent listener");
});

test("issue 11: an abort before anything was sent leaves the connection usable", async () => {
  await using conn = await connect(opts());
  const before = destroyed;
  await assert.rejects(
    conn.query(SLOW, [], { signal: AbortSignal.abort() }),
    (e) => e instanceof AbortError && !e.fatal,
  );
  await assert.rejects(conn.prepare("SELECT n FROM nums", { signal: AbortSignal.abort() }), { code: "ABORTED" });
  // Queued behind another call: dropped from the queue, never sent.
  const ac = new AbortController();
  const first = conn.query<{ n: number }>("SELECT COUNT(*) AS n FROM nums");
  const second = conn.query(SLOW, [], { signal: ac.signal });
  ac.abort();
  await assert.rejects(second, (e) => e instanceof AbortError && !e.fatal);
  assert.equal(Number((await first).rows[0]?.n), 20);
  assert.equal(conn.state, "idle");
  assert.equal(destroyed, before, "no socket was closed");
  assert.equal((await conn.query("SELECT n FROM nums WHERE n = 3")).rowCount, 1);
});

test("issue 11: an abort or timeout on the wire closes the socket and leaves the connection broken, never idle", async () => {
  for (const how of ["abort", "timeout"] as const) {
    const conn = await connect(opts());
    const before = destroyed;
    const ac = new AbortController();
    const call = conn.query(SLOW, [], how === "abort" ? { signal: ac.signal } : { timeout: 1 });
    if (how === "abort") ac.abort(new Error("user cancelled"));
    await assert.rejects(call, (e: unknown) => {
      assert.ok(e instanceof (how === "abort" ? AbortError : TimeoutError), String(e));
      assert.equal((e as DriverError).fatal, true);
      return true;
    });
    assert.equal(conn.state, "broken");
    assert.equal(destroyed, before + 1, "its socket was closed");
    await assert.rejects(conn.query("SELECT 1 FROM nums"), { code: "CONNECTION_BROKEN" });
    await conn.close();
    assert.equal(conn.state, "closed");
  }
});

test("issue 11: queryTimeout is the default deadline of every call; a per-call timeout overrides it", async () => {
  await using conn = await connect(opts({ queryTimeout: 1 }));
  await assert.rejects(conn.query(SLOW), (e) => e instanceof TimeoutError && e.fatal);
  assert.equal(conn.state, "broken");
  await using patient = await connect(opts({ queryTimeout: 1 }));
  const r = await patient.query<{ n: number }>("SELECT COUNT(*) AS n FROM nums", [], { timeout: 0 });
  assert.equal(Number(r.rows[0]?.n), 20, "timeout: 0 lifted the default");
});

test("issue 11: a stream's signal stops it between batches; the cursor is closed and the connection stays usable", async () => {
  await using conn = await connect(opts());
  const ac = new AbortController();
  const seen: number[] = [];
  await assert.rejects(
    (async () => {
      for await (const row of conn.stream<{ n: number }>(MANY, [], { signal: ac.signal, fetchSize: 1 })) {
        seen.push(row.n);
        if (seen.length === 3) ac.abort();
      }
    })(),
    (e) => e instanceof AbortError,
  );
  const total = Number((await conn.query<{ n: number }>(`SELECT COUNT(*) AS n FROM (${MANY})`)).rows[0]?.n);
  assert.ok(seen.length >= 3 && seen.length < total, `stopped early (${seen.length} of ${total} rows)`);
  assert.equal(conn.state, "idle", "aborted between batches: nothing was on the wire");
  assert.equal((await conn.query("SELECT n FROM nums WHERE n = 4")).rowCount, 1);
});

test("issue 11: prepared statements take { signal, timeout } too", async () => {
  await using conn = await connect(opts());
  const stmt = await conn.prepare("SELECT n FROM nums WHERE n > ?");
  await assert.rejects(stmt.query([1], { signal: AbortSignal.abort() }), (e) => e instanceof AbortError && !e.fatal);
  assert.equal((await stmt.query([18])).rowCount, 2);
  await stmt.close();
  await assert.rejects(conn.prepare(SLOW, { timeout: 1 }), (e) => e instanceof TimeoutError);
  assert.equal(conn.state, "broken");
});

test("issue 11: scroll cursors and executeMany take { signal, timeout } too", async () => {
  await using conn = await connect(opts());
  const aborted = (e: unknown) => e instanceof AbortError && !e.fatal;
  await assert.rejects(conn.scroll("SELECT n FROM nums", [], { signal: AbortSignal.abort() }), aborted);
  await assert.rejects(
    conn.executeMany("UPDATE nums SET n = n WHERE n = ?", [[1]], { signal: AbortSignal.abort() }),
    aborted,
  );
  assert.equal(conn.state, "idle", "nothing was sent");
  const ac = new AbortController();
  const cur = await conn.scroll("SELECT n FROM nums ORDER BY n", [], { signal: ac.signal });
  assert.equal(((await cur.first()) as { n: number }).n, 1);
  ac.abort();
  await assert.rejects(cur.next(), aborted, "a move after the abort is refused before anything is sent");
  await cur.close();
  assert.equal((await conn.executeMany("UPDATE nums SET n = n WHERE n = ?", [[1], [2]])).rowCounts.length, 2);
  await assert.rejects(conn.scroll(SLOW, [], { timeout: 1 }), (e) => e instanceof TimeoutError);
  assert.equal(conn.state, "broken", "a timeout on the wire breaks the connection");
});

test("issue 11: pool.acquire, withConnection and query take a signal; an abort on the wire evicts", async () => {
  await using pool = createPool({ ...opts(), max: 1 });
  await assert.rejects(pool.query(SLOW, [], { signal: AbortSignal.abort() }), (e) => e instanceof AbortError);
  assert.equal(pool.size, 0, "aborted before a connection was even taken");
  const ac = new AbortController();
  const call = pool.query(SLOW, [], { signal: ac.signal });
  await new Promise((r) => setImmediate(r));
  while (pool.stats().inUse === 0) await new Promise((r) => setTimeout(r, 1));
  ac.abort();
  await assert.rejects(call, (e) => e instanceof AbortError || (e instanceof DriverError && e.code === "ABORTED"));
  assert.equal(pool.size, 0, "the broken connection was evicted");
  assert.equal((await pool.query("SELECT n FROM nums WHERE n = 5")).rowCount, 1);
});
