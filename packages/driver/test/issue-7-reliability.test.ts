// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 7 ("Reliability you can prove"): one regression test per finding of the review,
// through the public API, against a scripted in-memory server.

import assert from "node:assert/strict";
import { test } from "node:test";
import { inspect } from "node:util";
import { ByteWriter, type DescribeMessage, encodeServerMessage, type ServerMessage } from "@informix-db/protocol";
import {
  ConnectionError,
  connect,
  createPool,
  DriverError,
  InformixDate,
  InformixDateTime,
  InformixInterval,
  Param,
  type TransportFactory,
} from "informix-db";
import { conacc, FakeServer, group, loginSteps, SERVER_CTX, type Step } from "./support/fake-server.js";

const field = (name: string) => ({
  name,
  startPosition: 0,
  type: 2,
  extendedId: 0,
  extendedOwner: "",
  extendedName: "",
  reference: 0,
  alignment: 0,
  sourceType: 0,
  encodedLength: 4,
});
const describeInt: DescribeMessage = {
  kind: "describe",
  statementType: 2,
  statementId: 3,
  estimatedCost: 1,
  tupleSize: 4,
  fields: [field("id")],
};
const describeInsert: DescribeMessage = { ...describeInt, statementType: 6, tupleSize: 0, fields: [] };
const done = (rows = 0): ServerMessage => ({ kind: "done", warnings: 0, rows, rowId: 0, serial: 0 });
const cost: ServerMessage = { kind: "cost", estimatedRows: 1, estimatedCost: 1 };
/** The DBOPEN reply of a logged (non-ANSI) database. */
const dbopenLogged: Step = () => group([{ kind: "done", warnings: 1, rows: 0, rowId: 0, serial: 0 }, cost]);
const SECRET = "s3cr3t-Pa55";

async function open(steps: Step[], database?: string, extra: Record<string, unknown> = {}) {
  const server = new FakeServer([...loginSteps(), ...(database ? [dbopenLogged] : []), ...steps]);
  const conn = await connect({
    transport: server.factory,
    user: "informix",
    password: SECRET,
    connectTimeout: 0,
    ...(database ? { database } : {}),
    ...extra,
  });
  return { server, conn };
}

function bytesOf(messages: ServerMessage[]): Uint8Array {
  const w = new ByteWriter();
  for (const m of messages) encodeServerMessage(m, SERVER_CTX, w);
  return w.take();
}

test("issue 7: a DESCRIBE with a negative column-name offset fails fast with ProtocolError and breaks", async () => {
  const body = bytesOf([{ ...describeInt, fields: [field("a"), field("b")] }]);
  const at = 2 + 2 + 2 + 4 + (SERVER_CTX.largeTuple ? 4 : 2) + 2 + (SERVER_CTX.fourByteOffset ? 4 : 2);
  const view = new DataView(body.buffer);
  if (SERVER_CTX.fourByteOffset) view.setInt32(at, -0x80000000);
  else view.setInt16(at, -2);
  const { conn } = await open([() => Uint8Array.of(...body, 0x00, 0x0c)]);
  const t0 = performance.now();
  await assert.rejects(conn.query("SELECT a, b FROM t"), { name: "ProtocolError", code: "PROTOCOL_ERROR" });
  assert.ok(performance.now() - t0 < 500, "no event-loop freeze");
  assert.equal(conn.state, "broken");
});

test("issue 7: a claimed 2 GB row is refused before it is buffered, without any timeout", async () => {
  const huge = Uint8Array.of(0x00, 0x0e, 0x00, 0x00, 0x7f, 0xff, 0xff, 0xf0, 1, 2, 3, 4);
  const { conn } = await open([() => group([describeInt, done(), cost]), () => huge]);
  const before = process.memoryUsage().rss;
  await assert.rejects(conn.query("SELECT id FROM t"), (e: unknown) => {
    assert.ok(e instanceof DriverError && e.code === "PROTOCOL_ERROR", String(e));
    assert.match(e.message, /limit/);
    return true;
  });
  assert.equal(conn.state, "broken");
  assert.ok(process.memoryUsage().rss - before < 64 * 1024 * 1024, "no large allocation");
});

test("issue 7: maxMessageBytes is a connect option with a checked value", async () => {
  await assert.rejects(connect({ maxMessageBytes: 10 }), { code: "INVALID_ARGUMENT" });
  const big = new Uint8Array(200_000);
  const tuple = bytesOf([{ kind: "tuple", warnings: 0, data: big }]);
  const { conn } = await open([() => group([describeInt, done(), cost]), () => tuple], undefined, {
    maxMessageBytes: 100_000,
  });
  await assert.rejects(conn.query("SELECT id FROM t"), { code: "PROTOCOL_ERROR" });
  assert.equal(conn.state, "broken");
});

test("issue 7: a row that does not match its description breaks the connection in stream() too", async () => {
  const { conn } = await open([
    () => group([describeInt, done(), cost]),
    () => group([{ kind: "tuple", warnings: 0, data: Uint8Array.of(0, 0, 1) }, done(1), cost]),
  ]);
  await assert.rejects(
    (async () => {
      for await (const _ of conn.stream("SELECT id FROM t")) {
        /* drain */
      }
    })(),
    { name: "ProtocolError" },
  );
  assert.equal(conn.state, "broken");
  await assert.rejects(conn.query("SELECT 1 FROM t"), { code: "CONNECTION_BROKEN" });
});

test("issue 7: a connection lost while COMMIT is in flight is COMMIT_OUTCOME_UNKNOWN", async () => {
  const { conn } = await open([() => group([]), () => "close"], "db");
  await conn.begin();
  await assert.rejects(conn.commit(), (e: unknown) => {
    assert.ok(e instanceof ConnectionError, String(e));
    assert.equal(e.code, "COMMIT_OUTCOME_UNKNOWN");
    assert.equal(e.fatal, true);
    assert.equal(e.retryable, false);
    return true;
  });
  assert.equal(conn.state, "broken");
});

test("issue 7: an autocommit statement lost in flight is COMMIT_OUTCOME_UNKNOWN; a timeout on COMMIT too", async () => {
  const a = await open([() => group([describeInsert, done(), cost]), () => "close"], "db");
  await assert.rejects(a.conn.query("INSERT INTO t VALUES (1)"), { code: "COMMIT_OUTCOME_UNKNOWN" });
  const b = await open([() => group([]), () => "hang"], "db");
  await b.conn.begin();
  await assert.rejects(b.conn.commit({ timeout: 30 }), { code: "COMMIT_OUTCOME_UNKNOWN" });
  assert.equal(b.conn.state, "broken");
  // Inside a transaction an INSERT lost in flight is only a lost connection: nothing was committed.
  const c = await open([() => group([]), () => group([describeInsert, done(), cost]), () => "close"], "db");
  await c.conn.begin();
  await assert.rejects(c.conn.query("INSERT INTO t VALUES (1)"), { code: "CONNECTION_LOST" });
});

test("issue 7: close() settles within closeTimeout even when a call hangs; the call gets a typed error", async () => {
  const { conn } = await open([() => "hang"], undefined, { closeTimeout: 100 });
  const pending = conn.query("SELECT id FROM t");
  const t0 = performance.now();
  await conn.close();
  assert.ok(performance.now() - t0 < 2000);
  await assert.rejects(pending, (e: unknown) => e instanceof DriverError && e.fatal);
  assert.equal(conn.state, "closed");
});

test("issue 7: a timeout on the wire is final and breaks; queued calls are rejected with a typed error", async () => {
  const { conn } = await open([() => "hang"]);
  const first = conn.query("SELECT id FROM t", [], { timeout: 20 });
  const queued = conn.query("SELECT id FROM t");
  await assert.rejects(first, { name: "TimeoutError" });
  await assert.rejects(queued, { code: "CONNECTION_BROKEN" });
  assert.equal(conn.state, "broken");
});

test("issue 7: passwords never appear in inspect/JSON of connections, configs, pools or errors", async () => {
  const { conn } = await open([]);
  const shown = [inspect(conn, { depth: 10 }), JSON.stringify(conn), inspect(conn.config), JSON.stringify(conn.config)];
  shown.push(Object.keys(conn.config).join(","), String(Object.entries(conn.config)));
  const pool = createPool({ transport: new FakeServer(loginSteps()).factory, password: SECRET, max: 1 });
  shown.push(inspect(pool, { depth: 10 }), JSON.stringify(pool));
  const rejecting = new FakeServer([() => conacc(-951, "reject")]);
  const failed = await connect({ transport: rejecting.factory, password: SECRET, connectTimeout: 0 }).catch((e) => e);
  assert.ok(failed instanceof DriverError);
  shown.push(inspect(failed, { depth: 10 }), JSON.stringify(failed), failed.message);
  const url = await connect(`informix://u:${SECRET}@127.0.0.1:1/db?connectTimeout=abc`).catch((e) => e);
  shown.push(inspect(url, { depth: 10 }), url.message);
  for (const text of shown) assert.ok(!text.includes(SECRET), `password leaked in: ${text.slice(0, 200)}`);
  assert.equal(conn.config.password, SECRET, "the password is still usable internally");
  await conn.close();
  await pool.close();
});

test("issue 7: parameter values appear in errors only with exposeParameterValues", async () => {
  const bad = { type: "DATE", value: `not-a-date-${SECRET}` } as const;
  const quiet = await open([]);
  const e1 = await quiet.conn.query("SELECT ? FROM t", [bad]).catch((e) => e);
  assert.ok(e1 instanceof DriverError && e1.code === "INVALID_ARGUMENT");
  assert.ok(!inspect(e1, { depth: 10 }).includes(SECRET), inspect(e1));
  assert.match(e1.message, /parameter 1/);
  const loud = await open([], undefined, { exposeParameterValues: true });
  const e2 = await loud.conn.query("SELECT ? FROM t", [bad]).catch((e) => e);
  assert.ok(e2 instanceof DriverError && e2.message.includes(SECRET));
});

test("issue 7: value constructors and Param helpers throw DriverError INVALID_ARGUMENT with the codec's cause", () => {
  const cases: Array<() => unknown> = [
    () => InformixDate.of(2023, 2, 29),
    () => InformixDate.parse("29/02/2023"),
    () => InformixDateTime.parse("2024-13-01", "YEAR TO DAY"),
    () => InformixInterval.of("HOUR TO MINUTE", { minutes: 99 }),
    () => Param.date("yesterday"),
    () => Param.datetime("2024-99-01", "YEAR TO DAY"),
  ];
  for (const make of cases) {
    assert.throws(make, (e: unknown) => {
      assert.ok(e instanceof DriverError, `${make}: ${String(e)}`);
      assert.equal(e.code, "INVALID_ARGUMENT");
      return true;
    });
  }
  const e = (() => {
    try {
      InformixDate.of(2023, 2, 29);
    } catch (error) {
      return error as DriverError;
    }
  })();
  assert.equal((e?.cause as Error).name, "TypeCodecError");
  const d = InformixDate.of(2024, 2, 29);
  assert.ok(d instanceof InformixDate);
  assert.equal(d.toString(), "2024-02-29");
});

test("issue 7: a pool whose connection attempts fail keeps trying for its waiters", async () => {
  let attempts = 0;
  const factory: TransportFactory = async (target) => {
    attempts++;
    if (attempts <= 3) throw new ConnectionError("CONNECTION_FAILED", "refused", { retryable: true });
    return new FakeServer(loginSteps()).factory(target);
  };
  await using pool = createPool({ transport: factory, max: 2, acquireTimeout: 0, connectTimeout: 0 });
  const first = [pool.acquire(), pool.acquire()];
  const third = pool.acquire();
  const got = await Promise.all(first);
  // Two connections for three waiters at max 2: the last waits for a release.
  assert.ok(attempts >= 4);
  assert.equal(got[0].state, "idle");
  assert.equal(got[1].state, "idle");
  assert.ok(pool.size <= 2);
  await pool.release(got[0]);
  assert.equal((await third).state, "idle");
});

test("issue 7: a waiter's POOL_TIMEOUT names the last connect error; hopeless errors reject at once", async () => {
  const failing: TransportFactory = async () => {
    throw new ConnectionError("CONNECTION_FAILED", "refused", { retryable: true });
  };
  await using pool = createPool({ transport: failing, acquireTimeout: 300, connectTimeout: 0 });
  await assert.rejects(pool.acquire(), (e: unknown) => {
    assert.ok(e instanceof DriverError && e.code === "POOL_TIMEOUT");
    assert.match(e.message, /refused/);
    return true;
  });
  const hopeless: TransportFactory = async () => {
    throw new ConnectionError("CONNECTION_FAILED", "unknown host", { retryable: false });
  };
  await using p2 = createPool({ transport: hopeless, acquireTimeout: 0, connectTimeout: 0 });
  await assert.rejects(Promise.all([p2.acquire(), p2.acquire()]), { code: "CONNECTION_FAILED" });
});

test("issue 7: after a server restart the pool drops every dead idle connection at once", async () => {
  const servers: FakeServer[] = [];
  const factory: TransportFactory = async (target) => {
    const s = new FakeServer(loginSteps());
    servers.push(s);
    return s.factory(target);
  };
  await using pool = createPool({ transport: factory, max: 3, connectTimeout: 0 });
  const old = await Promise.all([pool.acquire(), pool.acquire(), pool.acquire()]);
  for (const c of old) await pool.release(c);
  assert.equal(pool.idleCount, 3);
  for (const s of servers) s.hangUp();
  await new Promise((r) => setTimeout(r, 5));
  for (const c of old) assert.equal(c.state, "broken", "idle connections learn at once");
  const fresh = await pool.acquire();
  assert.ok(!old.includes(fresh));
  assert.equal(fresh.state, "idle");
  assert.equal(pool.idleCount, 0, "all dead idle connections were dropped in one sweep");
  assert.equal(pool.size, 1);
  await pool.release(fresh);
});
