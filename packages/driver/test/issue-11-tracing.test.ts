// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 11: observability. TracingChannels informix-db:connect (with per-phase timings),
// informix-db:query and informix-db:pool:acquire, and util.debuglog("informix-db") wire
// output; none of them shows the password or a parameter value.

import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { tracingChannel } from "node:diagnostics_channel";
import { after, before, test } from "node:test";
import { type RunningEmulator, startEmulator } from "@informix-db/emulator";
import { type ConnectOptions, connect, createPool } from "informix-db";

let emu: RunningEmulator;
const SECRET_VALUE = "s3cr3t-param-value";
const opts = (): ConnectOptions => ({
  host: emu.host,
  port: emu.port,
  user: "informix",
  password: "in4mix",
  server: "informix",
  database: "t11",
});

before(async () => {
  emu = await startEmulator({ port: 0 });
  await using admin = await connect({ ...opts(), database: "" });
  await admin.query("CREATE DATABASE t11 WITH LOG");
});

after(async () => {
  await emu?.close();
});

interface Seen {
  event: string;
  context: Record<string, unknown>;
}

/** Subscribes to a channel for the duration of `fn`; returns what it saw. */
async function watch(name: string, fn: () => Promise<void>): Promise<Seen[]> {
  const seen: Seen[] = [];
  const channel = tracingChannel(name);
  const on = (event: string) => (context: unknown) =>
    seen.push({ event, context: { ...(context as Record<string, unknown>) } });
  const handlers = {
    start: on("start"),
    end: on("end"),
    asyncStart: on("asyncStart"),
    asyncEnd: on("asyncEnd"),
    error: on("error"),
  };
  channel.subscribe(handlers);
  try {
    await fn();
  } finally {
    channel.unsubscribe(handlers);
  }
  return seen;
}

test("issue 11: informix-db:connect traces each attempt with per-phase timings and no password", async () => {
  const seen = await watch("informix-db:connect", async () => {
    const conn = await connect(opts());
    await conn.close();
  });
  assert.deepEqual(
    seen.map((s) => s.event),
    ["start", "end", "asyncStart", "asyncEnd"],
  );
  const done = seen.at(-1)!.context;
  assert.equal(done["port"], emu.port);
  assert.equal(done["database"], "t11");
  const phases = done["phases"] as Record<string, number>;
  assert.deepEqual(Object.keys(phases), ["transport", "login", "negotiate", "database"]);
  for (const ms of Object.values(phases)) assert.ok(ms >= 0);
  assert.ok(!JSON.stringify(seen).includes("in4mix"), "no password");
  const failed = await watch("informix-db:connect", async () => {
    await assert.rejects(connect({ ...opts(), password: "wrong" }));
  });
  assert.ok(failed.some((s) => s.event === "error"));
  assert.ok(!JSON.stringify(failed).includes("wrong"));
});

test("issue 11: informix-db:query carries the SQL and parameter count, never the values", async () => {
  await using conn = await connect(opts());
  const seen = await watch("informix-db:query", async () => {
    await conn.query("SELECT tabid FROM systables WHERE tabname = ?", [SECRET_VALUE]);
    await assert.rejects(conn.query("SELECT nope FROM nosuchtable"));
  });
  const starts = seen.filter((s) => s.event === "start").map((s) => s.context);
  assert.equal(starts.length, 2);
  assert.equal(starts[0]!["sql"], "SELECT tabid FROM systables WHERE tabname = ?");
  assert.equal(starts[0]!["paramCount"], 1);
  assert.equal(starts[0]!["database"], "t11");
  assert.ok(seen.some((s) => s.event === "error" && (s.context["error"] as Error).message.includes("nosuchtable")));
  const shown = JSON.stringify(seen.map((s) => ({ ...s.context, result: undefined })));
  assert.ok(!shown.includes(SECRET_VALUE), "parameter values stay out of the trace");
});

test("issue 11: informix-db:pool:acquire traces acquires, including timeouts", async () => {
  await using pool = createPool({ ...opts(), max: 1 });
  const seen = await watch("informix-db:pool:acquire", async () => {
    const conn = await pool.acquire();
    await assert.rejects(pool.acquire({ timeout: 50 }), { code: "POOL_TIMEOUT" });
    await pool.release(conn);
    await pool.query("SELECT 1 AS one FROM systables WHERE tabid = 1");
  });
  assert.equal(seen.filter((s) => s.event === "start").length, 3);
  assert.equal(seen.filter((s) => s.event === "error").length, 1);
  assert.equal(seen[0]!.context["max"], 1);
});

/** Runs a module script in a child process (asynchronously: the emulator lives in this one). */
function runChild(script: string, env: NodeJS.ProcessEnv): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
      env,
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (d: string) => {
      stderr += d;
    });
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stderr }));
  });
}

test("issue 11: NODE_DEBUG=informix-db prints wire-level message kinds without values or passwords", async () => {
  const script = `
    import { connect } from "informix-db";
    const conn = await connect(${JSON.stringify(opts())});
    await conn.query("SELECT tabid FROM systables WHERE tabname = ?", [${JSON.stringify(SECRET_VALUE)}]);
    await conn.close();`;
  const r = await runChild(script, { ...process.env, NODE_DEBUG: "informix-db" });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /INFORMIX-DB \d+: send prepare/);
  assert.match(r.stderr, /recv .*eot/);
  assert.ok(!r.stderr.includes(SECRET_VALUE) && !r.stderr.includes("in4mix"));
});
