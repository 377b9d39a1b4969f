// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 10 §2: scroll cursors (SQ_SCROLL + SQ_SFETCH) and WITH HOLD cursors (SQ_HOLD)
// against the emulator: every move, both ends, the row count, bad arguments, a closed
// cursor, other statements while a cursor is open, and COMMIT closing non-hold cursors.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type RunningEmulator, startEmulator } from "@informix-db/emulator";
import { connect } from "informix-db";

let emu: RunningEmulator;
const opts = (database?: string) => ({
  host: emu.host,
  port: emu.port,
  user: "informix",
  password: "in4mix",
  server: "informix",
  ...(database ? { database } : {}),
});
type N = { n: number };
const n = (row: N | undefined) => row?.n;

before(async () => {
  emu = await startEmulator({ port: 0 });
  await using admin = await connect(opts());
  await admin.query("CREATE DATABASE scr WITH LOG");
  await admin.query("CREATE TABLE t (n INTEGER, s VARCHAR(20))");
  await admin.executeMany(
    "INSERT INTO t VALUES (?, ?)",
    [1, 2, 3, 4, 5].map((i) => [i * 10, `row ${i}`]),
  );
  await admin.query("CREATE TABLE empty (n INTEGER)");
});

after(async () => {
  await emu?.close();
});

test("every move of a scroll cursor, past both ends and back", async () => {
  await using conn = await connect(opts("scr"));
  await using cur = await conn.scroll<N>("SELECT n FROM t ORDER BY n");
  assert.equal(cur.rowCount, undefined);
  assert.equal(cur.position, 0);
  assert.equal(n(await cur.prior()), undefined, "prior before the first row");
  assert.equal(n(await cur.next()), 10);
  assert.equal(n(await cur.next()), 20);
  assert.equal(n(await cur.current()), 20);
  assert.equal(n(await cur.relative(2)), 40);
  assert.equal(n(await cur.relative(-3)), 10);
  assert.equal(n(await cur.relative(0)), 10);
  assert.equal(n(await cur.absolute(3)), 30);
  assert.equal(n(await cur.prior()), 20);
  assert.equal(cur.rowCount, undefined, "nothing has told the count yet");
  assert.equal(n(await cur.absolute(-1)), 50, "-1 is the last row");
  assert.equal(cur.rowCount, 5);
  assert.equal(n(await cur.absolute(-5)), 10);
  assert.equal(n(await cur.absolute(-6)), undefined, "before the first row");
  assert.equal(cur.position, 0);
  assert.equal(n(await cur.current()), undefined);
  assert.equal(n(await cur.next()), 10);
  assert.equal(n(await cur.last()), 50);
  assert.equal(n(await cur.next()), undefined, "past the last row");
  assert.equal(cur.position, 6);
  assert.equal(n(await cur.next()), undefined, "still past the last row");
  assert.equal(n(await cur.prior()), 50, "prior after the end is the last row");
  assert.equal(n(await cur.first()), 10);
  assert.equal(n(await cur.absolute(99)), undefined);
  assert.equal(n(await cur.relative(-1)), 50);
  assert.equal(n(await cur.relative(-10)), undefined);
  assert.equal(n(await cur.relative(1)), 10);
});

test("the row count is learnt from a move past the end, and rows decode with every column", async () => {
  await using conn = await connect(opts("scr"));
  const cur = await conn.scroll<{ n: number; s: string }>("SELECT n, s FROM t WHERE n > ? ORDER BY n", [25]);
  assert.deepEqual(await cur.next(), { n: 30, s: "row 3" });
  assert.deepEqual(await cur.next(), { n: 40, s: "row 4" });
  assert.deepEqual(await cur.next(), { n: 50, s: "row 5" });
  assert.equal(await cur.next(), undefined);
  assert.equal(cur.rowCount, 3, "the row after the last known one is missing: the count is known");
  assert.deepEqual(await cur.absolute(-2), { n: 40, s: "row 4" });
  await cur.close();
  await cur.close();
  assert.equal(cur.closed, true);
  await assert.rejects(cur.next(), { name: "DriverError", code: "INVALID_STATE" });
  // The connection and the statement's cache slot are usable again.
  assert.equal(Number((await conn.query("SELECT COUNT(*) AS c FROM t WHERE n > ?", [25])).rows[0]!["c"]), 3);
});

test("an empty result: every move answers undefined and the count is 0", async () => {
  await using conn = await connect(opts("scr"));
  await using cur = await conn.scroll<N>("SELECT n FROM empty");
  assert.equal(await cur.first(), undefined);
  assert.equal(cur.rowCount, 0);
  assert.equal(await cur.last(), undefined);
  assert.equal(await cur.next(), undefined);
  assert.equal(await cur.prior(), undefined);
  assert.equal(await cur.absolute(-1), undefined);
});

test("absolute(0), fractions and non-queries are typed errors; the connection stays usable", async () => {
  await using conn = await connect(opts("scr"));
  await using cur = await conn.scroll<N>("SELECT n FROM t ORDER BY n");
  await assert.rejects(cur.absolute(0), { name: "DriverError", code: "INVALID_ARGUMENT" });
  await assert.rejects(cur.relative(1.5), { code: "INVALID_ARGUMENT" });
  await assert.rejects(cur.absolute(2 ** 40), { code: "INVALID_ARGUMENT" });
  assert.equal(n(await cur.absolute(2)), 20, "the cursor still moves");
  await assert.rejects(conn.scroll("UPDATE t SET n = n WHERE n = 0"), { code: "INVALID_ARGUMENT" });
  await assert.rejects(conn.scroll("SELECT nope FROM t"), { name: "InformixError", sqlcode: -217 });
  await assert.rejects(conn.scroll("SELECT n FROM t FOR UPDATE"), { sqlcode: -526 });
  assert.equal(n(await cur.next()), 30);
});

test("other statements run while a scroll cursor is open, on the same SQL too", async () => {
  await using conn = await connect(opts("scr"));
  const sql = "SELECT n FROM t WHERE n >= ? ORDER BY n";
  await using a = await conn.scroll<N>(sql, [20]);
  await using b = await conn.scroll<N>(sql, [40]);
  assert.equal(n(await a.next()), 20);
  assert.equal(n(await b.next()), 40);
  const all = await conn.query<N>(sql, [10]);
  assert.deepEqual(
    all.rows.map((r) => r.n),
    [10, 20, 30, 40, 50],
  );
  const streamed: number[] = [];
  for await (const r of conn.stream<N>(sql, [30])) streamed.push(r.n);
  assert.deepEqual(streamed, [30, 40, 50]);
  assert.equal(n(await a.next()), 30);
  assert.equal(n(await b.last()), 50);
  // Moves issued together run in order.
  const [x, y, z] = await Promise.all([a.next(), a.next(), a.prior()]);
  assert.deepEqual([n(x), n(y), n(z)], [40, 50, 40]);
});

test("COMMIT closes a cursor that is not WITH HOLD; a hold cursor survives COMMIT and ROLLBACK", async () => {
  await using conn = await connect(opts("scr"));
  await conn.begin();
  const plain = await conn.scroll<N>("SELECT n FROM t ORDER BY n");
  const held = await conn.scroll<N>("SELECT n FROM t ORDER BY n", [], { hold: true });
  // 625 rows: more than one fetch buffer, so the streams still have rows on the server at COMMIT.
  const big = "SELECT a.n FROM t a, t b, t c, t d";
  const stream = conn.stream<N>(big, [], { hold: true, fetchSize: 1 });
  const plainStream = conn.stream<N>(big, [], { fetchSize: 1 });
  assert.equal(n(await plain.next()), 10);
  assert.equal(n(await held.next()), 10);
  assert.equal(typeof (await stream.next()).value?.n, "number");
  assert.equal(typeof (await plainStream.next()).value?.n, "number");
  await conn.commit();
  await assert.rejects(plain.next(), { name: "InformixError", sqlcode: -400 });
  await plain.close();
  await assert.rejects(
    async () => {
      for await (const _ of plainStream);
    },
    { sqlcode: -400 },
  );
  assert.equal(n(await held.next()), 20);
  assert.equal(typeof (await stream.next()).value?.n, "number");
  await conn.begin();
  await conn.query("INSERT INTO t VALUES (60, 'row 6')");
  await conn.rollback();
  assert.equal(n(await held.last()), 50, "the hold cursor's rows are those it opened with");
  let rest = 0;
  for await (const _ of stream) rest++;
  assert.equal(rest, 623, "the hold stream reads all 625 rows");
  await held.close();
  assert.equal(Number((await conn.query("SELECT COUNT(*) AS c FROM t")).rows[0]!["c"]), 5);
});

test("Symbol.asyncDispose closes the cursor; closing the connection with a cursor open is clean", async () => {
  const conn = await connect(opts("scr"));
  let kept: { closed: boolean } | undefined;
  {
    await using cur = await conn.scroll<N>("SELECT n FROM t");
    kept = cur;
    assert.ok((await cur.next()) !== undefined);
  }
  assert.equal(kept?.closed, true);
  const open = await conn.scroll<N>("SELECT n FROM t");
  await conn.close();
  await assert.rejects(open.next(), { name: "ConnectionError", code: "CONNECTION_CLOSED" });
  await open.close();
});
