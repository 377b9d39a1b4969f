// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 7: a hostile-server fuzzer for the driver. A real session (login, SELECTs, a
// transaction with inserts, a streamed multi-batch query, a prepared statement) is
// recorded once against the emulator: every request and the server bytes that answered
// it. Each case replays those replies from an in-process fake server, with one reply
// mutated (random bytes, bit flips, truncation, field-aware lengths/counts/type codes/
// tuple sizes, opcodes, huge lengths, insertions, deletions, a reset, or a hang) and
// delivered in random chunks. Every call must end in a correct result or a DriverError;
// after a fatal error the connection must be `broken`; an unmutated replay must give
// the recorded results; the event loop must never stall and memory must stay flat.
// CI: 20,000 cases. INFORMIX_FUZZ_CASES=1000000 for the big run; INFORMIX_FUZZ_SEED replays.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { isDeepStrictEqual } from "node:util";
import { type RunningEmulator, startEmulator } from "@informix-db/emulator";
import {
  type Connection,
  connect,
  DriverError,
  InformixDate,
  type Transport,
  type TransportFactory,
} from "informix-db";
import { memory, type Turn, tcpTransport, watchEventLoop } from "./support/harness.js";
import { chunk, fuzzCases, fuzzSeed, MUTATIONS, type MutationKind, mutate, Rng } from "./support/mutate.js";

let emu: RunningEmulator;
let turns: Turn[] = [];
let baseline: unknown[] = [];
/** Requests of the login (and DBOPEN): a reused connection replays from here. */
let loginTurns = 0;

// No statement cache: every run of the scenario sends the same requests, so a connection
// that came through a case unharmed can replay the next case (many cases per login).
const OPTS = {
  user: "informix",
  password: "in4mix",
  server: "informix",
  database: "fz",
  statementCacheSize: 0,
} as const;

/** The session every case replays: each step's value (or error code) is its outcome. */
async function scenario(conn: Connection): Promise<unknown[]> {
  const steps: Array<() => Promise<unknown>> = [
    async () => (await conn.query("SELECT id, name, amount, d FROM t ORDER BY id")).rows,
    () => conn.begin(),
    async () =>
      (await conn.query("INSERT INTO t (name, amount, d) VALUES (?, ?, ?)", ["x", "1.50", InformixDate.of(2024, 1, 2)]))
        .rowCount,
    async () => (await conn.query("INSERT INTO t (name, amount, d) VALUES (?, ?, ?)", ["y", "2.25", null])).rowCount,
    () => conn.commit(),
    async () => {
      const out: unknown[] = [];
      for await (const row of conn.stream("SELECT id, name FROM t WHERE id > ? ORDER BY id", [0], { fetchSize: 2 }))
        out.push(row);
      return out;
    },
    async () => {
      const ps = await conn.prepare("SELECT name FROM t WHERE id = ?");
      const rows = (await ps.query([1])).rows;
      await ps.close();
      return rows;
    },
    async () => (await conn.query("SELECT COUNT(*) AS n FROM t")).rows,
  ];
  const out: unknown[] = [];
  for (const step of steps) {
    try {
      out.push(await step());
    } catch (error) {
      out.push(error);
      if (error instanceof DriverError && error.fatal) break;
    }
  }
  return out;
}

before(async () => {
  emu = await startEmulator({ port: 0 });
  const admin = await connect({ ...OPTS, host: emu.host, port: emu.port, database: "" });
  await admin.query("CREATE DATABASE fz WITH LOG");
  await admin.selectDatabase("fz");
  await admin.query("CREATE TABLE t (id SERIAL, name VARCHAR(40), amount DECIMAL(10,2), d DATE)");
  for (let i = 0; i < 5; i++)
    await admin.query("INSERT INTO t (name, amount, d) VALUES (?, ?, TODAY)", [`n${i}`, `${i}.5`]);
  await admin.close();
  const recorded: Turn[] = [];
  const conn = await connect({ ...OPTS, host: emu.host, port: emu.port, transport: tcpTransport(recorded) });
  loginTurns = recorded.length;
  baseline = await scenario(conn);
  turns = recorded.slice();
  conn.scheduler.break(new Error("recording done"));
  for (const b of baseline) assert.ok(!(b instanceof Error), `the recorded session runs cleanly: ${String(b)}`);
});

after(async () => {
  await emu?.close();
});

type Fault = MutationKind | "reset" | "hang";
const FAULTS: readonly Fault[] = [...MUTATIONS, "reset"];

/** What the fake server does in the current case: reply `target` gets `fault`. */
interface Plan {
  turn: number;
  target: number;
  fault: Fault;
  /** The mutated reply changed length: the client may hold bytes past its SQ_EOT. */
  resized?: boolean;
}

/** Replays the recorded replies as `plan` says; one transport serves many cases. */
function replay(replies: readonly Uint8Array[], plan: Plan, rng: Rng): TransportFactory {
  return async (): Promise<Transport> => {
    const inbox: Array<Uint8Array | null> = [];
    let waiter: ((c: Uint8Array | null) => void) | undefined;
    let dead = false;
    const push = (c: Uint8Array | null) => {
      const w = waiter;
      waiter = undefined;
      if (w) w(c);
      else inbox.push(c);
    };
    return {
      write: async () => {
        if (dead) throw new Error("write after destroy");
        // A new case on this connection: nothing of the last one may linger.
        if (plan.turn === loginTurns) inbox.length = 0;
        const i = plan.turn++;
        if (i >= replies.length) return push(null);
        const reply = replies[i]!;
        if (i !== plan.target) return push(reply);
        if (plan.fault === "hang") return;
        if (plan.fault === "reset") {
          for (const c of chunk(reply.subarray(0, rng.int(reply.length + 1)), rng)) push(c);
          return push(null);
        }
        const mutated = mutate(reply, plan.fault as MutationKind, rng);
        plan.resized = mutated.length !== reply.length;
        for (const c of chunk(mutated, rng)) push(c);
      },
      read: () => {
        if (inbox.length > 0) return Promise.resolve(inbox.shift()!);
        if (dead) return Promise.resolve(null);
        // The client waits for bytes this reply does not hold: a hostile server that then
        // hangs is the "hang" fault (ended by the call's timeout); otherwise it hangs up.
        if (plan.fault === "hang" && plan.turn - 1 === plan.target) {
          return new Promise((r) => {
            waiter = r;
          });
        }
        return Promise.resolve(null);
      },
      end: async () => {
        dead = true;
      },
      destroy: () => {
        dead = true;
        push(null);
      },
    };
  };
}

function outcomeName(v: unknown): string {
  if (v instanceof DriverError) return `${v.name}:${v.code}`;
  if (v instanceof Error) return `UNTYPED:${v.name}`;
  return "ok";
}

test("issue 7: the driver survives a hostile server (mutated replays of a real session)", async () => {
  const cases = fuzzCases(20_000);
  const seed = fuzzSeed();
  const rng = new Rng(seed);
  const replies = turns.map((t) => t.reply);
  const outcomes = new Map<string, number>();
  let slowestCaseMs = 0;
  let slowest = "";
  let cleanReplays = 0;
  let previous = "";
  let logins = 0;
  let conn: Connection | undefined;
  let plan: Plan = { turn: 0, target: 0, fault: "none" };
  let warm = memory();
  const loop = watchEventLoop();
  const started = performance.now();
  for (let n = 0; n < cases; n++) {
    if (n === 500) {
      warm = memory();
      loop.reset();
    }
    const fault: Fault = n % 20 === 0 ? "none" : n % 97 === 0 ? "hang" : rng.pick(FAULTS);
    const hang = fault === "hang";
    if (hang && conn) {
      conn.scheduler.break(new Error("hang cases run on a connection with a 5 ms timeout"));
      conn = undefined;
    }
    const reuse = conn !== undefined && conn.state === "idle";
    const target = reuse ? loginTurns + rng.int(replies.length - loginTurns) : rng.int(replies.length);
    // Yield to the event loop between cases, so its delay measures the driver, not this loop.
    await new Promise((r) => setImmediate(r));
    const t0 = performance.now();
    let results: unknown[];
    try {
      if (reuse) {
        plan.turn = loginTurns;
        plan.target = target;
        plan.fault = fault;
        plan.resized = false;
      } else {
        plan = { turn: 0, target, fault };
        logins++;
        conn = await connect({
          ...OPTS,
          transport: replay(replies, plan, rng),
          connectTimeout: hang ? 5 : 0,
          queryTimeout: hang ? 5 : 0,
          closeTimeout: 50,
        });
      }
      results = await scenario(conn!);
    } catch (error) {
      conn = undefined;
      results = [error];
    }
    const ms = performance.now() - t0;
    if (ms > slowestCaseMs) [slowestCaseMs, slowest] = [ms, `case ${n} ${fault}@${target}`];
    const where = `case ${n} (seed ${seed}, ${fault} at reply ${target}${reuse ? `, after ${previous}` : ""})`;
    previous = `${fault}@${target}`;
    for (const r of results) {
      const name = outcomeName(r);
      outcomes.set(name, (outcomes.get(name) ?? 0) + 1);
      assert.ok(!name.startsWith("UNTYPED"), `${where}: ${String(r)} ${(r as Error)?.stack ?? ""}`);
      if (r instanceof DriverError && r.fatal && conn) {
        assert.ok(conn.state === "broken" || conn.state === "closed", `${where}: state ${conn.state} after ${r.code}`);
      }
    }
    if (fault === "none") {
      assert.deepEqual(results, baseline, `${where}: an unmutated replay gives the recorded results`);
      cleanReplays++;
    }
    // Only a connection that came through unharmed replays the next case.
    if (conn && (hang || plan.resized || conn.state !== "idle" || !isDeepStrictEqual(results, baseline))) {
      if (conn.state !== "broken" && conn.state !== "closed") conn.scheduler.break(new Error("case done"));
      conn = undefined;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const stalls = loop.stop();
  const end = memory();
  const figures = {
    cases,
    seed,
    replies: replies.length,
    cleanReplays,
    logins,
    outcomes: Object.fromEntries([...outcomes].sort()),
    eventLoop: stalls,
    slowestCase: { ms: Math.round(slowestCaseMs), case: slowest },
    memory: { afterWarmup: warm, end },
    seconds: Number(seconds.toFixed(1)),
  };
  console.log(`hostile-server fuzz ${JSON.stringify(figures)}`);
  assert.ok(stalls.maxMs < 500, `event loop stalled ${stalls.maxMs} ms`);
  assert.ok(end.heapMiB - warm.heapMiB < 64, `heap grew from ${warm.heapMiB} to ${end.heapMiB} MiB`);
});
