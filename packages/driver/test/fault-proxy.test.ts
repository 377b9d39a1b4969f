// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 7: faults at every byte of a typical session. A TCP proxy between the driver and
// the emulator cuts, corrupts or delays the stream at one byte offset of one direction
// while the driver connects, prepares an INSERT, runs a transaction with three inserts
// and a SELECT, and commits. Each case must end in a typed error within the timeout, or
// succeed; a second, direct connection then checks that the transaction committed wholly
// or not at all (and committed when commit() resolved; either way only when the outcome
// was reported unknown). A pool through the proxy must recover, never exceed `max`, and
// leak no connection. CI strides over the offsets (about 240 cases);
// INFORMIX_FAULT_STRIDE=1 runs every byte offset of both directions with every action.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type RunningEmulator, startEmulator } from "@informix-db/emulator";
import { type Connection, connect, createPool, DriverError, InformixError } from "informix-db";
import { type FaultAction, FaultProxy } from "./support/fault-proxy.js";
import { envNumber } from "./support/harness.js";
import { Rng } from "./support/mutate.js";

let emu: RunningEmulator;
let proxy: FaultProxy;
let verifier: Connection;
const TIMEOUT = 3000;
const base = () => ({ user: "informix", password: "in4mix", server: "informix", database: "fp" });

before(async () => {
  emu = await startEmulator({ port: 0 });
  const admin = await connect({ ...base(), host: emu.host, port: emu.port, database: "" });
  await admin.query("CREATE DATABASE fp WITH LOG");
  await admin.close();
  verifier = await connect({ ...base(), host: emu.host, port: emu.port });
  await verifier.query("CREATE TABLE acct (tag INT, n INT)");
  // Rows of a cut session stay locked until the emulator notices and rolls back: wait.
  await verifier.setLockMode(10);
  proxy = new FaultProxy(emu.host, emu.port);
  await proxy.start();
});

after(async () => {
  await verifier?.close();
  await proxy?.close();
  await emu?.close();
});

type Outcome = "committed" | "failed-before-commit" | "commit-unknown";

/** The session under test; returns how it ended as the driver reported it. */
async function session(tag: number): Promise<{ outcome: Outcome; error?: DriverError }> {
  let conn: Connection | undefined;
  let committing = false;
  try {
    conn = await connect({
      ...base(),
      host: "127.0.0.1",
      port: proxy.port,
      connectTimeout: TIMEOUT,
      queryTimeout: TIMEOUT,
      closeTimeout: 500,
    });
    const ins = await conn.prepare("INSERT INTO acct VALUES (?, ?)");
    await conn.begin();
    for (let n = 1; n <= 3; n++) await ins.query([tag, n]);
    await conn.query("SELECT COUNT(*) AS c FROM acct WHERE tag = ?", [tag]);
    committing = true;
    await conn.commit();
    committing = false;
    await ins.close().catch(() => undefined);
    return { outcome: "committed" };
  } catch (error) {
    if (!(error instanceof DriverError)) throw error;
    if (error.fatal) assert.ok(conn === undefined || conn.state === "broken" || conn.state === "closed");
    if (error.code === "COMMIT_OUTCOME_UNKNOWN") return { outcome: "commit-unknown", error };
    // A commit() that failed with another code was refused before COMMIT reached the wire.
    return {
      outcome: committing && error.code !== "CONNECTION_BROKEN" ? "commit-unknown" : "failed-before-commit",
      error,
    };
  } finally {
    await conn?.close();
  }
}

async function rowsOf(tag: number): Promise<number> {
  const r = await verifier.query("SELECT COUNT(*) AS c FROM acct WHERE tag = ?", [tag]);
  return Number((r.rows[0] as { c: unknown }).c);
}

/** Waits for the emulator to end the cut session (rolling its transaction back). */
async function settledRows(tag: number): Promise<number> {
  let n = await rowsOf(tag);
  for (let i = 0; i < 20 && n !== 0 && n !== 3; i++) {
    await new Promise((r) => setTimeout(r, 50));
    n = await rowsOf(tag);
  }
  return n;
}

test("issue 7: cut, corrupt or delay at every byte offset of a session: typed errors, all-or-nothing commits", async () => {
  const rng = new Rng(envNumber("INFORMIX_FUZZ_SEED", 7));
  proxy.next = () => undefined;
  const clean = await session(1);
  assert.equal(clean.outcome, "committed");
  const lengths = { ...proxy.lastCounts };
  const actions: FaultAction[] = ["cut", "corrupt", "delay"];
  const total = (lengths.c2s + lengths.s2c) * actions.length;
  const stride = envNumber("INFORMIX_FAULT_STRIDE", Math.max(1, Math.ceil(total / 240)));
  const outcomes = new Map<string, number>();
  let cases = 0;
  let slowest = 0;
  const started = performance.now();
  let k = rng.int(stride);
  for (const direction of ["c2s", "s2c"] as const) {
    for (let offset = 0; offset < lengths[direction]; offset++) {
      for (const action of actions) {
        if (k++ % stride !== 0) continue;
        cases++;
        const tag = 1000 + rng.int(2 ** 30);
        proxy.next = () => ({ direction, offset, action });
        const t0 = performance.now();
        const r = await session(tag);
        const ms = performance.now() - t0;
        slowest = Math.max(slowest, ms);
        assert.ok(ms < TIMEOUT * 3 + 2000, `${direction}@${offset} ${action}: took ${ms} ms`);
        proxy.next = () => undefined;
        const rows = await settledRows(tag);
        const key = `${action}:${r.outcome}${r.error ? `:${r.error.code}` : ""}`;
        outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
        const where = `${direction} byte ${offset} ${action} → ${r.outcome} ${r.error?.message ?? ""}`;
        // A corrupted request may change the inserted values themselves (another tag).
        if (!(action === "corrupt" && direction === "c2s")) {
          if (r.outcome === "committed") assert.equal(rows, 3, where);
          else if (r.outcome === "failed-before-commit") assert.equal(rows, 0, where);
          else assert.ok(rows === 0 || rows === 3, `${where}: ${rows} rows`);
        }
        if (action === "delay") assert.equal(r.outcome, "committed", where);
      }
    }
  }
  const figures = {
    sessionBytes: lengths,
    stride,
    cases,
    outcomes: Object.fromEntries([...outcomes].sort()),
    slowestCaseMs: Math.round(slowest),
    seconds: Number(((performance.now() - started) / 1000).toFixed(1)),
  };
  console.log(`fault proxy ${JSON.stringify(figures)}`);
});

test("issue 7: a pool through a faulty proxy recovers, never exceeds max and leaks no connection", async () => {
  const rng = new Rng(11);
  const max = 3;
  const accepted0 = proxy.accepted;
  const armed0 = proxy.armed;
  const pool = createPool({
    ...base(),
    host: "127.0.0.1",
    port: proxy.port,
    max,
    acquireTimeout: 10_000,
    connectTimeout: TIMEOUT,
    queryTimeout: TIMEOUT,
    closeTimeout: 500,
  });
  let peak = 0;
  const watch = setInterval(() => {
    peak = Math.max(peak, pool.size);
  }, 1);
  const errors = new Map<string, number>();
  const rounds = envNumber("INFORMIX_POOL_FAULT_ROUNDS", 150);
  for (let round = 0; round < rounds; round++) {
    proxy.next = () => ({
      direction: rng.int(2) === 0 ? "c2s" : "s2c",
      offset: rng.int(1500),
      action: rng.pick(["cut", "cut", "cut", "corrupt"]),
    });
    await Promise.all(
      Array.from({ length: 6 }, async (_, i) => {
        try {
          // Autocommit statements: the emulator runs one transaction at a time.
          await pool.query("INSERT INTO acct VALUES (?, ?)", [-1, round * 10 + i]);
          await pool.query("SELECT tabname FROM systables WHERE tabid = ?", [1]);
        } catch (error) {
          assert.ok(error instanceof DriverError, String(error));
          const key = error instanceof InformixError ? `${error.code}:${error.sqlcode}` : error.code;
          errors.set(key, (errors.get(key) ?? 0) + 1);
        }
        assert.ok(pool.size <= max, `pool size ${pool.size}`);
      }),
    );
  }
  proxy.next = () => undefined;
  // Healthy again: every caller is served.
  const ok = await Promise.all(
    Array.from({ length: 6 }, () => pool.query("SELECT tabname FROM systables WHERE tabid = 1")),
  );
  assert.equal(ok.length, 6);
  clearInterval(watch);
  assert.ok(peak <= max, `peak pool size ${peak}`);
  await pool.close();
  for (let i = 0; i < 40 && proxy.live.size > 0; i++) await new Promise((r) => setTimeout(r, 25));
  assert.equal(proxy.live.size, 0, "no connection left open after pool.close()");
  const connections = { accepted: proxy.accepted - accepted0, armed: proxy.armed - armed0 };
  console.log(
    `pool through fault proxy ${JSON.stringify({ rounds, peak, max, connections, errors: Object.fromEntries(errors) })}`,
  );
});
