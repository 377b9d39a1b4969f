// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 11: failover across `hosts`, tried in order, each attempt bounded by
// connectTimeout. One emulator; the other "servers" are a port nobody listens on, a
// listener that accepts and never answers, and a TCP proxy in front of the emulator that
// the test kills mid-run (the primary dying).

import assert from "node:assert/strict";
import { createServer, type Server, type Socket } from "node:net";
import { after, before, test } from "node:test";
import { type RunningEmulator, startEmulator } from "@informix-db/emulator";
import { ConnectionError, type ConnectOptions, connect, createPool } from "informix-db";
import { FaultProxy } from "./support/fault-proxy.js";

let emu: RunningEmulator;
let silent: Server;
const held = new Set<Socket>();
let deadPort = 0;

const base = (): ConnectOptions => ({
  user: "informix",
  password: "in4mix",
  server: "informix",
  database: "f11",
});
const at = (port: number) => ({ host: "127.0.0.1", port });
const portOf = (s: Server) => {
  const a = s.address();
  return typeof a === "object" && a ? a.port : 0;
};

before(async () => {
  emu = await startEmulator({ port: 0 });
  await using admin = await connect({ ...base(), ...at(emu.port), database: "" });
  await admin.query("CREATE DATABASE f11 WITH LOG");
  silent = createServer((s) => {
    held.add(s);
    s.on("close", () => held.delete(s));
  });
  await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
  deadPort = portOf(probe);
  await new Promise((r) => probe.close(r));
});

after(async () => {
  for (const s of held) s.destroy();
  await new Promise((r) => silent.close(r));
  await emu?.close();
});

test("issue 11: hosts are tried in order; a refused server is skipped", async () => {
  await using conn = await connect({ ...base(), hosts: [at(deadPort), at(emu.port)] });
  assert.equal(conn.config.port, emu.port);
  assert.equal((await conn.query("SELECT 1 AS one FROM systables WHERE tabid = 1")).rowCount, 1);
  await using first = await connect({ ...base(), hosts: [at(emu.port), at(deadPort)] });
  assert.equal(first.config.port, emu.port, "the first healthy one wins");
});

test("issue 11: each candidate is bounded by connectTimeout (a server that never answers)", async () => {
  const t0 = Date.now();
  await using conn = await connect({
    ...base(),
    connectTimeout: 300,
    hosts: [at(portOf(silent)), at(emu.port)],
  });
  assert.equal(conn.config.port, emu.port);
  assert.ok(Date.now() - t0 < 10_000, "the silent server cost about connectTimeout, not forever");
  assert.ok(held.size > 0, "the silent server was tried first");
});

test("issue 11: when every server fails, CONNECTION_FAILED names each one", async () => {
  await assert.rejects(
    connect({ ...base(), connectTimeout: 300, hosts: [at(deadPort), at(portOf(silent))] }),
    (e: unknown) => {
      assert.ok(e instanceof ConnectionError);
      assert.equal(e.code, "CONNECTION_FAILED");
      assert.ok(e.message.includes(`127.0.0.1:${deadPort}`) && e.message.includes(`127.0.0.1:${portOf(silent)}`));
      assert.equal(e.retryable, true);
      return true;
    },
  );
  await assert.rejects(
    connect({ ...base(), password: "wrong", hosts: [at(deadPort), at(emu.port)] }),
    (e: unknown) => e instanceof ConnectionError && /-951|password|not known/i.test(e.message),
  );
});

test("issue 11: a pool rebuilds its connections on the next healthy host when the current one dies", async () => {
  const primary = new FaultProxy("127.0.0.1", emu.port);
  await primary.start();
  await using pool = createPool({ ...base(), min: 2, max: 3, hosts: [at(primary.port), at(emu.port)] });
  const before = await Promise.all([pool.acquire(), pool.acquire()]);
  assert.deepEqual(
    before.map((c) => c.config.port),
    [primary.port, primary.port],
  );
  for (const c of before) await pool.release(c);
  // Workers keep running while the primary dies.
  let stop = false;
  const errors: unknown[] = [];
  let served = 0;
  const worker = async () => {
    while (!stop) {
      try {
        await pool.query("SELECT 1 AS one FROM systables WHERE tabid = 1");
        served++;
      } catch (error) {
        errors.push(error);
      }
    }
  };
  const workers = [worker(), worker()];
  await new Promise((r) => setTimeout(r, 100));
  await primary.close();
  const servedAtKill = served;
  await new Promise((r) => setTimeout(r, 500));
  stop = true;
  await Promise.all(workers);
  assert.ok(served > servedAtKill, "queries kept being served after the primary died");
  for (const e of errors) assert.ok(e instanceof ConnectionError, `only connection errors: ${String(e)}`);
  const after = await pool.acquire();
  assert.equal(after.config.port, emu.port, "new connections go to the next healthy host");
  await pool.release(after);
});
