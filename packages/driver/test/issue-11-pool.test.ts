// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 11: every pool semantic against the emulator (one emulator for the file). Sockets
// are counted at the transport, so "never more than max open or opening" is checked where
// it matters, not from the pool's own bookkeeping.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type RunningEmulator, startEmulator } from "@informix-db/emulator";
import {
  AbortError,
  type Connection,
  ConnectionError,
  connect,
  createPool,
  DriverError,
  type PoolOptions,
  TimeoutError,
  type TransportFactory,
} from "informix-db";
import { tcpTransport } from "./support/harness.js";

let emu: RunningEmulator;

/** Sockets open or being opened, and the most ever at once. */
const sockets = { now: 0, peak: 0, total: 0 };
const counted: TransportFactory = async (target) => {
  sockets.now++;
  sockets.total++;
  sockets.peak = Math.max(sockets.peak, sockets.now);
  try {
    const t = await tcpTransport()(target);
    let open = true;
    const gone = () => {
      if (open) sockets.now--;
      open = false;
    };
    t.onClose?.(gone);
    const destroy = () => {
      t.destroy();
      gone();
    };
    return { ...t, destroy };
  } catch (error) {
    sockets.now--;
    throw error;
  }
};

const opts = (extra: PoolOptions = {}): PoolOptions => ({
  host: emu.host,
  port: emu.port,
  user: "informix",
  password: "in4mix",
  server: "informix",
  database: "p11",
  transport: counted,
  ...extra,
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(cond: () => boolean, what: string, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}`);
    await sleep(5);
  }
}
/** Settles pending callbacks so "at once" can be checked without a timer race. */
const tick = () => new Promise((r) => setImmediate(r));

before(async () => {
  emu = await startEmulator({ port: 0 });
  await using admin = await connect({ ...opts(), database: "" });
  await admin.query("CREATE DATABASE p11 WITH LOG");
  await admin.selectDatabase("p11");
  await admin.query("CREATE TABLE t11 (id INT PRIMARY KEY, who VARCHAR(20))");
});

after(async () => {
  await emu?.close();
});

test("issue 11: min is opened at creation, growth is lazy, and never more than max open or opening", async () => {
  const before = sockets.now;
  sockets.peak = before;
  await using pool = createPool(opts({ min: 2, max: 3 }));
  assert.equal(pool.size, 2, "min connections are being opened at creation");
  await until(() => pool.idleCount === 2, "min idle connections");
  assert.equal(sockets.now - before, 2);
  const a = await pool.acquire();
  const b = await pool.acquire();
  assert.equal(sockets.now - before, 2, "no growth while idle connections remain");
  const c = await pool.acquire();
  assert.equal(sockets.now - before, 3, "grown lazily to the third");
  const fourth = pool.acquire({ timeout: 100 });
  await assert.rejects(fourth, { code: "POOL_TIMEOUT" });
  assert.equal(sockets.peak - before, 3, "never more than max sockets");
  for (const conn of [a, b, c]) await pool.release(conn);
  assert.deepEqual(
    { size: pool.size, idle: pool.idleCount, waiting: pool.waitingCount },
    { size: 3, idle: 3, waiting: 0 },
  );
});

test("issue 11: LIFO reuse hands out the most recently released connection object", async () => {
  await using pool = createPool(opts({ max: 3 }));
  const first = await pool.acquire();
  await pool.release(first);
  for (let i = 0; i < 5; i++) {
    const again = await pool.acquire();
    assert.equal(again, first, "sequential acquires get the same connection object");
    await pool.release(again);
  }
  const a = await pool.acquire();
  const b = await pool.acquire();
  await pool.release(a);
  await pool.release(b);
  assert.equal(await pool.acquire(), b, "the last one released comes out first");
});

test("issue 11: waiters are served FIFO; POOL_TIMEOUT names max; per-acquire timeout; release wakes at once; signal aborts", async () => {
  await using pool = createPool(opts({ max: 1, acquireTimeout: 10_000 }));
  const held = await pool.acquire();
  const order: number[] = [];
  const waits = [1, 2, 3].map((n) =>
    pool.acquire().then((conn) => {
      order.push(n);
      return conn;
    }),
  );
  await tick();
  assert.equal(pool.waitingCount, 3);
  const started = Date.now();
  await assert.rejects(pool.acquire({ timeout: 150 }), (e: unknown) => {
    assert.ok(e instanceof TimeoutError);
    assert.equal(e.code, "POOL_TIMEOUT");
    assert.match(e.message, /max=1\b/);
    return true;
  });
  assert.ok(Date.now() - started < 5000, "the per-acquire timeout overrode the 10 s default");
  await pool.release(held);
  await tick();
  assert.deepEqual(order, [1], "a release wakes the first waiter at once");
  for (const n of [2, 3]) {
    await pool.release(await waits[n - 2]!);
    await tick();
    assert.deepEqual(order, [1, 2, 3].slice(0, n));
  }
  const last = await waits[2]!;
  const controller = new AbortController();
  const aborted = pool.acquire({ signal: controller.signal });
  await tick();
  assert.equal(pool.waitingCount, 1);
  controller.abort(new Error("user gave up"));
  await assert.rejects(aborted, (e: unknown) => e instanceof AbortError && e.code === "ABORTED");
  assert.equal(pool.waitingCount, 0, "an aborted waiter leaves the queue");
  await pool.release(last);
  assert.equal(pool.stats().acquireTimeouts, 1);
  await assert.rejects(pool.acquire({ signal: AbortSignal.abort() }), { code: "ABORTED" });
});

test("issue 11: the pool's default acquireTimeout fails with POOL_TIMEOUT naming max", async () => {
  await using pool = createPool(opts({ max: 2, acquireTimeout: 150 }));
  const held = [await pool.acquire(), await pool.acquire()];
  await assert.rejects(pool.acquire(), (e: unknown) => e instanceof TimeoutError && /max=2\b/.test(e.message));
  for (const c of held) await pool.release(c);
});

test("issue 11: release(conn, { broken: true }) closes the connection and frees its slot", async () => {
  await using pool = createPool(opts({ max: 1, acquireTimeout: 2000 }));
  const conn = await pool.acquire();
  assert.equal(pool.size, 1);
  const next = pool.acquire();
  await pool.release(conn, { broken: true });
  assert.equal(conn.state, "closed");
  const fresh = await next;
  assert.notEqual(fresh, conn, "the freed slot went to a new connection");
  assert.equal((await fresh.query("SELECT COUNT(*) AS n FROM t11")).rows.length, 1);
  await pool.release(fresh, { broken: true });
  assert.deepEqual({ size: pool.size, idle: pool.idleCount }, { size: 0, idle: 0 });
  await pool.release(fresh);
  const stranger = await connect(opts());
  await assert.rejects(pool.release(stranger), { code: "INVALID_ARGUMENT" });
  await stranger.close();
});

test("issue 11: withConnection evicts on connection-class errors and keeps the connection on any other", async () => {
  await using pool = createPool(opts({ max: 2 }));
  let seen: Connection | undefined;
  const evicting = [
    new ConnectionError("CONNECTION_LOST", "simulated"),
    new TimeoutError("simulated"),
    new AbortError("simulated"),
    new DriverError("PROTOCOL_ERROR", "simulated", { fatal: true }),
  ];
  for (const error of evicting) {
    await assert.rejects(
      pool.withConnection(async (conn) => {
        seen = conn;
        throw error;
      }),
      (e) => e === error,
    );
    assert.equal(pool.size, 0, `${error.name} evicts`);
    assert.equal(seen?.state, "closed");
  }
  await assert.rejects(
    pool.withConnection(async () => {
      throw new RangeError("application bug");
    }),
    RangeError,
  );
  assert.deepEqual({ size: pool.size, idle: pool.idleCount }, { size: 1, idle: 1 }, "an application bug returns it");
  const kept = await pool.withConnection(async (conn) => conn);
  await pool.query("INSERT INTO t11 VALUES (1, 'dup')");
  await assert.rejects(
    pool.withConnection((conn) => conn.query("INSERT INTO t11 VALUES (1, 'dup')")),
    (e: unknown) => e instanceof DriverError && e.code === "SQL_ERROR",
  );
  assert.equal(pool.idleCount, 1, "a constraint violation returns it");
  assert.equal(await pool.withConnection(async (conn) => conn), kept);
  // A real abort on the wire breaks the connection; the pool drops it.
  const controller = new AbortController();
  const pending = pool.withConnection((conn) =>
    conn.query("SELECT COUNT(*) AS n FROM systables a, systables b", [], { signal: controller.signal }),
  );
  queueMicrotask(() => controller.abort());
  await assert.rejects(pending, { code: "ABORTED" });
  assert.equal(kept.state === "idle", false, "the aborted connection is not idle");
  assert.equal(pool.size, 0);
  await pool.query("DELETE FROM t11");
});

test("issue 11: transaction() commits, rolls back on throw, and evicts only on connection errors", async () => {
  await using pool = createPool(opts({ max: 1 }));
  await pool.transaction(async (tx) => {
    await tx.query("INSERT INTO t11 VALUES (10, 'kept')");
  });
  await assert.rejects(
    pool.transaction(async (tx) => {
      await tx.query("INSERT INTO t11 VALUES (11, 'undone')");
      throw new Error("business rule");
    }),
    /business rule/,
  );
  assert.equal(pool.idleCount, 1, "an application error keeps the connection");
  await assert.rejects(
    pool.transaction(async () => {
      throw new ConnectionError("CONNECTION_LOST", "simulated");
    }),
    { code: "CONNECTION_LOST" },
  );
  assert.equal(pool.size, 0, "a connection error evicts");
  const ids = (await pool.query<{ id: number }>("SELECT id FROM t11 ORDER BY id")).rows.map((r) => r.id);
  assert.deepEqual(ids, [10]);
  await pool.query("DELETE FROM t11");
});

test("issue 11: release rolls back: uncommitted writes are never seen or committed by the next borrower", async () => {
  await using pool = createPool(opts({ max: 1 }));
  const a = await pool.acquire();
  await a.begin();
  await a.query("INSERT INTO t11 VALUES (20, 'uncommitted')");
  await pool.release(a);
  const b = await pool.acquire();
  assert.equal(b, a, "the same session, so a leak would show");
  assert.equal(b.inTransaction, false);
  assert.equal((await b.query("SELECT id FROM t11 WHERE id = 20")).rowCount, 0);
  await b.begin();
  await b.query("INSERT INTO t11 VALUES (21, 'committed')");
  await b.commit();
  await pool.release(b);
  await pool.withConnection(async (c) => {
    await c.begin();
    await c.query("INSERT INTO t11 VALUES (22, 'left open')");
  });
  await using other = await connect({ ...opts(), transport: tcpTransport() });
  const ids = (await other.query<{ id: number }>("SELECT id FROM t11 ORDER BY id")).rows.map((r) => r.id);
  assert.deepEqual(ids, [21], "committed work survives; the rest was rolled back");
  await other.query("DELETE FROM t11");
});

test("issue 11: idleTimeout closes idle connections above min; maxLifetime recycles them", async () => {
  await using idle = createPool(opts({ min: 1, max: 3, idleTimeout: 80 }));
  const held = await Promise.all([idle.acquire(), idle.acquire(), idle.acquire()]);
  for (const c of held) await idle.release(c);
  assert.equal(idle.size, 3);
  await until(() => idle.size === 1, "idle connections above min to close");
  assert.equal(idle.idleCount, 1, "min stays open");
  await until(() => held.filter((c) => c.state === "closed").length === 2, "the two to finish closing");

  await using aging = createPool(opts({ min: 1, max: 2, maxLifetime: 150, idleTimeout: 0 }));
  const young = await aging.acquire();
  await aging.release(young);
  await until(() => young.state === "closed", "the expired idle connection to close");
  await until(() => aging.idleCount === 1, "a replacement for min");
  const replacement = await aging.acquire();
  assert.notEqual(replacement, young);
  await sleep(200);
  assert.equal(replacement.state, "idle", "expiry while lent waits for the release");
  await aging.release(replacement);
  assert.equal(replacement.state === "idle", false, "closed when given back past its lifetime");
  // Connections keep expiring every ~150 ms here, so only count that a third one was opened for min.
  await until(() => aging.stats().created >= 3, "a replacement for min again");
});

test("issue 11: leakDetectionTimeout warns with the acquirer's stack", async () => {
  await using pool = createPool(opts({ max: 1, leakDetectionTimeout: 50 }));
  const warnings: Error[] = [];
  const onWarning = (w: Error) => {
    if (w.name === "InformixPoolLeakWarning") warnings.push(w);
  };
  process.on("warning", onWarning);
  try {
    const conn = await (async function acquireForTheLeakTest() {
      return pool.acquire();
    })();
    await until(() => warnings.length === 1, "the leak warning");
    const w = warnings[0] as Error & { detail?: string };
    assert.match(w.message, /checked out for more than 50 ms/);
    assert.match(w.detail ?? "", /acquireForTheLeakTest/);
    assert.equal(pool.stats().leaksDetected, 1);
    await pool.release(conn);
    const quick = await pool.acquire();
    await pool.release(quick);
    await sleep(120);
    assert.equal(warnings.length, 1, "a connection given back in time does not warn");
  } finally {
    process.off("warning", onWarning);
  }
});

test("issue 11: close() refuses acquires, closes idle, waits for lent ones up to its timeout, then forces; idempotent", async () => {
  const pool = createPool(opts({ min: 2, max: 3 }));
  await until(() => pool.idleCount === 2, "min idle");
  const lent = await pool.acquire();
  const late = await pool.acquire();
  const waiter = pool.acquire();
  const next = pool.acquire();
  await tick();
  const started = Date.now();
  const closing = pool.close({ timeout: 300 });
  assert.equal(pool.close(), closing, "idempotent: the same promise");
  await assert.rejects(waiter, { code: "POOL_CLOSED" });
  await assert.rejects(next, { code: "POOL_CLOSED" });
  await assert.rejects(pool.acquire(), { code: "POOL_CLOSED" });
  await pool.release(late);
  assert.equal(late.state, "closed", "a connection released during close() is closed");
  await closing;
  assert.ok(Date.now() - started >= 250, "it waited for the lent connection");
  assert.equal(lent.state, "closed", "then closed it by force");
  assert.equal(pool.size, 0);
  await pool.close();

  const quick = createPool(opts({ max: 1 }));
  const c = await quick.acquire();
  const t0 = Date.now();
  const done = quick.close({ timeout: 10_000 });
  setTimeout(() => void quick.release(c), 30);
  await done;
  assert.ok(Date.now() - t0 < 5000, "close() settles as soon as the last connection comes back");
  assert.equal(c.state, "closed");
});

test("issue 11: `await using` on a pooled connection gives it back instead of leaking the slot", async () => {
  await using pool = createPool(opts({ max: 1, acquireTimeout: 1000 }));
  let first: Connection | undefined;
  for (let i = 0; i < 3; i++) {
    await using conn = await pool.acquire();
    first ??= conn;
    assert.equal(conn, first);
    await conn.query("SELECT COUNT(*) AS n FROM t11");
  }
  assert.equal(first?.state, "idle", "disposal did not close it");
  assert.deepEqual({ size: pool.size, idle: pool.idleCount }, { size: 1, idle: 1 });
  {
    await using conn = await pool.acquire();
    await conn.begin();
    await conn.query("INSERT INTO t11 VALUES (30, 'scoped')");
  }
  assert.equal((await pool.query("SELECT id FROM t11 WHERE id = 30")).rowCount, 0, "disposal rolls back like release");
  {
    await using conn = await pool.acquire();
    await pool.release(conn);
  }
  assert.equal(pool.idleCount, 1, "disposal after an explicit release does nothing");
});

test("issue 11: 8 workers x 3 queries on max 4 never deadlock, never share, never exceed max", async () => {
  const before = sockets.now;
  sockets.peak = before;
  await using pool = createPool(opts({ max: 4, acquireTimeout: 20_000 }));
  const inUse = new Set<Connection>();
  let peakSize = 0;
  let shared = 0;
  const worker = async (w: number) => {
    for (let q = 0; q < 3; q++) {
      await pool.withConnection(async (conn) => {
        if (inUse.has(conn)) shared++;
        inUse.add(conn);
        peakSize = Math.max(peakSize, pool.size);
        const r = await conn.query<{ v: number }>("SELECT ? + 0 AS v FROM systables WHERE tabid = 1", [w * 10 + q]);
        assert.equal(r.rows[0]?.v, w * 10 + q);
        await sleep(1);
        inUse.delete(conn);
      });
    }
  };
  await Promise.all(Array.from({ length: 8 }, (_, w) => worker(w)));
  assert.equal(shared, 0, "no connection was lent twice at once");
  assert.ok(peakSize <= 4, `pool.size peaked at ${peakSize}`);
  assert.ok(sockets.peak - before <= 4, `sockets peaked at ${sockets.peak - before}`);
  const s = pool.stats();
  assert.equal(s.acquired, 24);
  assert.equal(s.waiting, 0);
  assert.equal(s.inUse, 0);
});
