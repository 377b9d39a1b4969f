// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 11: sqlhosts files. Parsing from text (entries, options, /etc/services names,
// server groups with g=, i=, c=, e=), then connections through a file: the `sqlhosts`
// option and $INFORMIXSQLHOSTS, a group whose first member refuses connections, a pool on
// a group, and a pool on a group whose serving member dies mid-run. Two emulators play two
// servers with their own DBSERVERNAMEs.

import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { type RunningEmulator, startEmulator } from "@informix-db/emulator";
import {
  ConnectionError,
  type ConnectOptions,
  connect,
  createPool,
  DriverError,
  findServer,
  parseServices,
  parseSqlhosts,
  resolveSqlhosts,
} from "informix-db";
import { FaultProxy } from "./support/fault-proxy.js";

const FILE = `
# dbservername nettype   hostname  servicename options
g_cluster      group     -         -           i=1
ol_a           onsoctcp  db1       9088        g=g_cluster
ol_b           onsocssl  db2       sqlexec     g=g_cluster,k=1
ol_c           onsoctcp  db3       9090        g=g_cluster
ol_x           onsoctcp  dbx       9091
ol_drda        drsoctcp  db1       9092
g_short        group     -         -           i=2,e=ol_s2
ol_s1          onsoctcp  s1        1 g=g_short
ol_s2          onsoctcp  s2        2 g=g_short
ol_s3          onsoctcp  s3        3 g=g_short
g_random       group     -         -           i=3,c=1
ol_r1          onsoctcp  r1        1 g=g_random
ol_r2          onsoctcp  r2        2 g=g_random
ol_r3          onsoctcp  r3        3 g=g_random
g_empty        group     -         -           i=4
`;
const services = parseServices("sqlexec 9089/tcp ifx # Informix\nother 1/udp\n");

test("issue 11: sqlhosts lines, options and services", () => {
  const lines = parseSqlhosts(FILE);
  assert.equal(lines.length, 15);
  assert.deepEqual(lines[2], {
    server: "ol_b",
    nettype: "onsocssl",
    host: "db2",
    service: "sqlexec",
    options: { g: "g_cluster", k: "1" },
  });
  assert.deepEqual(findServer(FILE, "ol_b", services), {
    server: "ol_b",
    nettype: "onsocssl",
    host: "db2",
    port: 9089,
    tls: true,
  });
  assert.equal(services.get("ifx"), 9089, "aliases too");
  assert.throws(() => findServer(FILE, "ol_drda", services), /SQLI/);
  assert.throws(() => findServer(FILE, "nosuch", services), /no entry/);
  assert.throws(() => findServer(FILE, "g_cluster", services), /group/);
  assert.throws(
    () => findServer("ol onsoctcp h nosuchservice", "ol", services),
    (e: unknown) => e instanceof DriverError && e.code === "INVALID_ARGUMENT" && /nosuchservice/.test(e.message),
  );
});

test("issue 11: a server group resolves to its members, in order, up to e=, from a random one with c=1", () => {
  const names = (name: string, random?: () => number) =>
    resolveSqlhosts(FILE, name, services, random).map((s) => s.server);
  assert.deepEqual(names("g_cluster"), ["ol_a", "ol_b", "ol_c"]);
  assert.deepEqual(names("ol_x"), ["ol_x"], "a plain server is its own list");
  assert.deepEqual(names("g_short"), ["ol_s1", "ol_s2"], "e= ends the group");
  assert.deepEqual(
    names("g_random", () => 0),
    ["ol_r1", "ol_r2", "ol_r3"],
  );
  assert.deepEqual(
    names("g_random", () => 0.5),
    ["ol_r2", "ol_r3", "ol_r1"],
    "c=1 rotates the start",
  );
  assert.throws(() => names("g_empty"), /no members/);
});

const login = { user: "informix", password: "in4mix", database: "s11" } satisfies ConnectOptions;
let emuA: RunningEmulator;
let emuB: RunningEmulator;
let deadPort = 0;
let dir = "";

before(async () => {
  emuA = await startEmulator({ port: 0, server: "ol_a" });
  emuB = await startEmulator({ port: 0, server: "ol_b" });
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
  const a = probe.address();
  deadPort = typeof a === "object" && a ? a.port : 0;
  await new Promise((r) => probe.close(r));
  dir = mkdtempSync(join(tmpdir(), "sqlhosts-"));
  for (const [emu, server] of [
    [emuA, "ol_a"],
    [emuB, "ol_b"],
  ] as const) {
    await using admin = await connect({ ...login, host: "127.0.0.1", port: emu.port, server, database: "" });
    await admin.query("CREATE DATABASE s11");
  }
});

after(async () => {
  await emuA?.close();
  await emuB?.close();
  rmSync(dir, { recursive: true, force: true });
});

function file(text: string): string {
  const path = join(dir, `sqlhosts-${Math.random().toString(36).slice(2)}`);
  writeFileSync(path, text);
  return path;
}
const ONE = "SELECT 1 AS one FROM systables WHERE tabid = 1";

test("issue 11: connect through a sqlhosts file: a server's entry, and a group past a dead member", async () => {
  const path = file(
    `g_live group - - i=1\nol_dead onsoctcp 127.0.0.1 ${deadPort} g=g_live\n` +
      `ol_b onsoctcp 127.0.0.1 ${emuB.port} g=g_live\nol_a onsoctcp 127.0.0.1 ${emuA.port}\n`,
  );
  await using a = await connect({ ...login, sqlhosts: path, server: "ol_a" });
  assert.equal(a.config.port, emuA.port);
  assert.equal((await a.query(ONE)).rowCount, 1);
  await using g = await connect({ ...login, sqlhosts: path, server: "g_live" });
  assert.equal(g.config.port, emuB.port, "the dead member was skipped");
  assert.equal(g.config.server, "ol_b", "each member logs in under its own DBSERVERNAME");
  assert.equal((await g.query(ONE)).rowCount, 1);
  await assert.rejects(connect({ ...login, sqlhosts: path, server: "nosuch" }), /no entry/);
  await assert.rejects(
    connect({ ...login, sqlhosts: path, server: "g_live", hosts: [{ host: "x" }] }),
    /either hosts or sqlhosts/,
  );
});

test("issue 11: INFORMIXSQLHOSTS is used when neither host nor hosts is given", async () => {
  const path = file(`ol_a onsoctcp 127.0.0.1 ${emuA.port}\n`);
  const saved = process.env["INFORMIXSQLHOSTS"];
  process.env["INFORMIXSQLHOSTS"] = path;
  try {
    await using c = await connect({ ...login, server: "ol_a" });
    assert.equal(c.config.port, emuA.port);
    await assert.rejects(
      connect({ ...login, server: "ol_a", host: "127.0.0.1", port: deadPort }),
      /ECONNREFUSED|refused|connect/i,
    );
  } finally {
    if (saved === undefined) delete process.env["INFORMIXSQLHOSTS"];
    else process.env["INFORMIXSQLHOSTS"] = saved;
  }
});

test("issue 11: a pool on a sqlhosts group serves from the first live member", async () => {
  const path = file(
    `g_pool group - - i=7\nol_dead onsoctcp 127.0.0.1 ${deadPort} g=g_pool\nol_a onsoctcp 127.0.0.1 ${emuA.port} g=g_pool\n`,
  );
  await using pool = createPool({ ...login, sqlhosts: path, server: "g_pool", max: 2 });
  const results = await Promise.all([1, 2, 3].map(() => pool.query(ONE)));
  assert.deepEqual(
    results.map((r) => r.rowCount),
    [1, 1, 1],
  );
});

test("issue 11: a pool on a sqlhosts group moves to the next member when the serving one dies mid-run", async () => {
  // ol_a is reached through a proxy the test kills (the primary dying); ol_b stays up.
  const primary = new FaultProxy("127.0.0.1", emuA.port);
  await primary.start();
  const path = file(
    `g_ha group - - i=9\nol_a onsoctcp 127.0.0.1 ${primary.port} g=g_ha\nol_b onsoctcp 127.0.0.1 ${emuB.port} g=g_ha\n`,
  );
  await using pool = createPool({ ...login, sqlhosts: path, server: "g_ha", min: 2, max: 3 });
  const first = await pool.acquire();
  assert.equal(first.config.server, "ol_a");
  await pool.release(first);
  let stop = false;
  let served = 0;
  const errors: unknown[] = [];
  const worker = async () => {
    while (!stop) {
      try {
        await pool.query(ONE);
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
  assert.ok(served > servedAtKill, "queries kept being served after ol_a died");
  for (const e of errors) assert.ok(e instanceof ConnectionError, `only connection errors: ${String(e)}`);
  const after = await pool.acquire();
  assert.equal(after.config.server, "ol_b", "new connections log in to the next member");
  await pool.release(after);
});
