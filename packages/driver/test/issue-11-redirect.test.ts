// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 11: the session-layer redirect (what a Connection Manager answers): an emulator
// started with `redirectTo` answers every login with an SL REDIRECT naming another server;
// the driver follows it under that server's name, at most MAX_REDIRECTS (3) times.

import assert from "node:assert/strict";
import { createServer } from "node:net";
import { after, before, test } from "node:test";
import { type RunningEmulator, startEmulator } from "@informix-db/emulator";
import { ConnectionError, connect, createPool } from "informix-db";

let target: RunningEmulator;
let redirector: RunningEmulator;
let looping: RunningEmulator;
const login = { user: "informix", password: "in4mix", database: "r11" };
const ONE = "SELECT 1 AS one FROM systables WHERE tabid = 1";

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
  const a = probe.address();
  await new Promise((r) => probe.close(r));
  return typeof a === "object" && a ? a.port : 0;
}

before(async () => {
  target = await startEmulator({ port: 0, server: "ol_b" });
  await using admin = await connect({ ...login, host: "127.0.0.1", port: target.port, server: "ol_b", database: "" });
  await admin.query("CREATE DATABASE r11");
  redirector = await startEmulator({ port: 0, redirectTo: { server: "ol_b", host: "127.0.0.1", port: target.port } });
  // A redirector that sends every client back to itself.
  const port = await freePort();
  looping = await startEmulator({ port, redirectTo: { server: "cm_loop", host: "127.0.0.1", port } });
});

after(async () => {
  await target?.close();
  await redirector?.close();
  await looping?.close();
});

test("issue 11: a REDIRECT login reply is followed to the server it names, under that name", async () => {
  await using conn = await connect({ ...login, host: "127.0.0.1", port: redirector.port, server: "cm_sla" });
  assert.equal(conn.config.port, target.port);
  assert.equal(conn.config.server, "ol_b");
  assert.equal((await conn.query(ONE)).rowCount, 1);
  await using pool = createPool({ ...login, host: "127.0.0.1", port: redirector.port, server: "cm_sla", max: 2 });
  assert.equal((await pool.query(ONE)).rowCount, 1, "a pool's connections follow it too");
});

test("issue 11: redirects are followed at most 3 times", async () => {
  await assert.rejects(
    connect({ ...login, host: "127.0.0.1", port: looping.port, server: "cm_loop", connectTimeout: 5000 }),
    (e: unknown) =>
      e instanceof ConnectionError && e.code === "CONNECTION_FAILED" && /more than 3 redirects/.test(e.message),
  );
  // After a loop, a redirect to a live server in a failover list still works.
  await using conn = await connect({
    ...login,
    hosts: [
      { host: "127.0.0.1", port: looping.port, server: "cm_loop" },
      { host: "127.0.0.1", port: redirector.port, server: "cm_sla" },
    ],
  });
  assert.equal(conn.config.port, target.port);
});
