// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 11: idle connections that died with their server (the emulator restarted on the
// same port) are never handed out. Two ways a client learns of it: the FIN arrives while
// idle (the transport's onClose), or it does not (a NAT or firewall dropped the flow, so
// the socket looks alive) and only a round trip tells: the validation after
// `validateAfterIdle`. One emulator at a time; this file restarts it.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type RunningEmulator, startEmulator } from "@informix-db/emulator";
import { type ConnectOptions, connect, createPool, DriverError, type TransportFactory } from "informix-db";
import { tcpTransport } from "./support/harness.js";

let emu: RunningEmulator;
let port = 0;

/** A TCP transport that never reports the peer's close: dead sockets look alive until used. */
const silent: TransportFactory = async (target) => {
  const { onClose: _unused, ...rest } = await tcpTransport()(target);
  return rest;
};

const opts = (transport: TransportFactory): ConnectOptions => ({
  host: emu.host,
  port: emu.port,
  user: "informix",
  password: "in4mix",
  server: "informix",
  database: "r11",
  transport,
});

async function start(): Promise<void> {
  emu = await startEmulator({ port });
  port = emu.port;
  await using admin = await connect({ ...opts(tcpTransport()), database: "" });
  await admin.query("CREATE DATABASE r11 WITH LOG");
}

async function restart(): Promise<void> {
  await emu.close();
  await start();
}

before(start);
after(async () => {
  await emu?.close();
});

test("issue 11: after a restart, dead idle connections that look alive are validated and silently replaced", async () => {
  await using pool = createPool({ ...opts(silent), min: 2, max: 2, validateAfterIdle: 0 });
  const old = await Promise.all([pool.acquire(), pool.acquire()]);
  for (const c of old) await pool.release(c);
  await restart();
  assert.deepEqual(
    old.map((c) => c.state),
    ["idle", "idle"],
    "without a close notice the sockets still look idle",
  );
  const conn = await pool.acquire();
  assert.ok(!old.includes(conn), "a dead connection was not handed out");
  const r = await conn.query<{ n: number }>("SELECT 1 AS n FROM systables WHERE tabid = 1");
  assert.equal(r.rows[0]?.n, 1);
  assert.equal(pool.stats().validationFailures, 2, "both dead idle connections were probed and dropped");
  assert.ok(pool.size <= 2);
  await pool.release(conn);
});

test("issue 11: without validation the same dead connection would have been handed out (the control)", async () => {
  await using pool = createPool({ ...opts(silent), max: 1, validateAfterIdle: 3_600_000 });
  const old = await pool.acquire();
  await pool.release(old);
  await restart();
  const conn = await pool.acquire();
  assert.equal(conn, old, "a recently used connection is trusted");
  // The raw test transport reports the dead socket as Node's own error (EPIPE/ECONNRESET).
  await assert.rejects(conn.query("SELECT 1 AS n FROM systables WHERE tabid = 1"));
  assert.equal(conn.state, "broken", "the first query on it failed");
  await pool.release(conn);
  assert.equal(pool.size, 0, "the failed connection was evicted on release");
  const fresh = await pool.acquire();
  assert.equal((await fresh.query("SELECT 1 AS n FROM systables WHERE tabid = 1")).rowCount, 1);
  await pool.release(fresh);
});

test("issue 11: a connection the server closed while idle fails retryable CONNECTION_LOST, and the pool replaces it", async () => {
  await using conn = await connect(opts(tcpTransport()));
  await using pool = createPool({ ...opts(tcpTransport()), min: 2, max: 2 });
  const old = await Promise.all([pool.acquire(), pool.acquire()]);
  for (const c of old) await pool.release(c);
  await restart();
  const deadline = Date.now() + 5000;
  while (conn.state === "idle" && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
  await assert.rejects(conn.query("SELECT 1 AS n FROM systables WHERE tabid = 1"), (e: unknown) => {
    assert.ok(e instanceof DriverError);
    assert.equal(e.code, "CONNECTION_LOST");
    assert.equal(e.retryable, true, "nothing was on the wire: safe to retry");
    return true;
  });
  const fresh = await pool.acquire();
  assert.ok(!old.includes(fresh));
  assert.equal((await fresh.query("SELECT 1 AS n FROM systables WHERE tabid = 1")).rowCount, 1);
  await pool.release(fresh);
});
