// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 9 item 2: BLOB/CLOB values in every call path that binds parameters, not only
// query() and a prepared statement's query(): conn.executeMany(), stmt.executeMany() and
// stream() of a statement that is not a query. Bytes, strings and streams at sizes 0, 1 and
// 64 KiB + 1, NULL; a stream failing in row k (batchIndex k, rows before k applied, no row k,
// connection usable); a wrong JS type refused before anything is sent; and a batch without
// BLOB/CLOB columns sending exactly what it did before (no describe, no fast-path call).

import assert from "node:assert/strict";
import { after, before, beforeEach, test } from "node:test";
import { type RunningEmulator, startEmulator } from "@informix-db/emulator";
import { BlobLocator, ClobLocator, type Connection, connect, DriverError, InformixError } from "informix-db";

let emu: RunningEmulator;
let conn: Connection;
/** Client message kinds, in order, from the emulator's trace. */
const sent: string[] = [];
/** The names sent to ifx_lo_col_sbinfo (its LVARCHAR argument), in order. */
const sbinfo: string[] = [];
const opts = () => ({ host: emu.host, port: emu.port, user: "informix", password: "in4mix", server: "informix" });
const SIZES = [0, 1, 64 * 1024 + 1];

before(async () => {
  emu = await startEmulator({
    port: 0,
    traceValues: true,
    trace: (_session, direction, what) => {
      const kind = (what as { kind?: unknown }).kind;
      if (direction === "c>s" && typeof kind === "string" && kind !== "bytes") sent.push(kind);
      const first = (what as { parameters?: { typeName?: string; payload?: Uint8Array }[] }).parameters?.[0];
      if (kind === "bind" && first?.typeName === "lvarchar" && first.payload instanceof Uint8Array)
        sbinfo.push(Buffer.from(first.payload).toString("latin1"));
    },
  });
  const admin = await connect(opts());
  await admin.query("CREATE DATABASE lobpaths WITH LOG");
  await admin.close();
  conn = await connect({ ...opts(), database: "lobpaths" });
  await conn.query("CREATE TABLE t (id INT, b BLOB, c CLOB)");
  await conn.query("CREATE TABLE plain (id INT, v VARCHAR(20), w LVARCHAR(100))");
});

beforeEach(async () => {
  await conn.query("DELETE FROM t");
  sent.length = 0;
  sbinfo.length = 0;
});

after(async () => {
  await conn?.close();
  await emu?.close();
});

const pattern = (n: number, seed = 0) =>
  Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed * 7 + (i >> 8)) & 0xff);
const text = (n: number, seed = 0) =>
  Array.from({ length: n }, (_, i) => "abcdefghij klmnopqrstuvwxyz\n"[(i + seed) % 28]).join("");
async function* pieces(bytes: Uint8Array, size = 10_000) {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}
async function* failing(seed: number) {
  yield pattern(100_000, seed);
  throw new Error("disk gone");
}

/** Every row of t, its LOBs read back. */
async function stored(): Promise<{ id: number; b: Uint8Array | null; c: string | null }[]> {
  const { rows } = await conn.query<{ id: number; b: unknown; c: unknown }>("SELECT id, b, c FROM t ORDER BY id");
  const out = [];
  for (const r of rows) {
    assert.ok(r.b === null || r.b instanceof BlobLocator, `row ${r.id}: b`);
    assert.ok(r.c === null || r.c instanceof ClobLocator, `row ${r.id}: c`);
    out.push({
      id: r.id,
      b: r.b === null ? null : await conn.readLob(r.b as BlobLocator),
      c: r.c === null ? null : await conn.readLob(r.c as ClobLocator),
    });
  }
  return out;
}

test("conn.executeMany: bytes, streams and strings at sizes 0, 1, 64 KiB + 1 and NULL, each row exact", async () => {
  const rows: unknown[][] = [];
  const want: { id: number; b: Uint8Array | null; c: string | null }[] = [];
  for (const [k, size] of SIZES.entries()) {
    const bytes = pattern(size, k);
    rows.push([k, bytes, text(size, k)]);
    want.push({ id: k, b: bytes, c: text(size, k) });
    const streamed = pattern(size, 10 + k);
    rows.push([10 + k, pieces(streamed), pieces(new TextEncoder().encode(text(size, 10 + k)))]);
    want.push({ id: 10 + k, b: streamed, c: text(size, 10 + k) });
  }
  rows.push([20, null, null]);
  want.push({ id: 20, b: null, c: null });
  const r = await conn.executeMany("INSERT INTO t (id, b, c) VALUES (?, ?, ?)", rows);
  assert.deepEqual(
    r.rowCounts,
    rows.map(() => 1),
  );
  assert.deepEqual(
    await stored(),
    want.sort((a, b) => a.id - b.id),
  );
});

test("LOB rows still share a group: one SQ_ID for the whole batch, one ifx_lo_create per value", async () => {
  await conn.executeMany("INSERT INTO t (id, b) VALUES (?, ?)", [
    [1, pattern(5)],
    [2, null],
    [3, pattern(7)],
  ]);
  const groupIds = sent.slice(sent.lastIndexOf("cidescribe") + 1).filter((k) => k === "id").length;
  assert.equal(groupIds, 1, sent.join(" "));
  assert.equal(sent.filter((k) => k === "execute").length, 3);
  assert.equal(sent.filter((k) => k === "lodata").length, 2);
});

test("stmt.executeMany and a second batch on the same statement (its describe is asked once)", async () => {
  const stmt = await conn.prepare("INSERT INTO t (id, c) VALUES (?, ?)");
  try {
    await stmt.executeMany([
      [1, "one"],
      [2, "é two"],
    ]);
    await stmt.executeMany([[3, pieces(new TextEncoder().encode("three"), 2)]]);
  } finally {
    await stmt.close();
  }
  assert.equal(sent.filter((k) => k === "cidescribe").length, 1);
  assert.deepEqual(
    (await stored()).map((r) => r.c),
    ["one", "é two", "three"],
  );
});

test("executeMany: a stream failing in row 2 rejects with batchIndex 2; rows 0-1 applied, nothing after", async () => {
  const rows = [
    [1, pattern(3, 1)],
    [2, pieces(pattern(70_000, 2))],
    [3, failing(3)],
    [4, pattern(4, 4)],
  ];
  await assert.rejects(conn.executeMany("INSERT INTO t (id, b) VALUES (?, ?)", rows), (e: unknown) => {
    assert.ok(e instanceof DriverError && !(e instanceof InformixError), String(e));
    assert.equal(e.code, "INVALID_ARGUMENT");
    assert.equal(e.batchIndex, 2);
    assert.deepEqual(e.batchApplied?.rowCounts, [1, 1]);
    assert.equal((e.cause as Error).message, "disk gone");
    assert.match(e.message, /^row 2: /);
    return true;
  });
  assert.deepEqual(await stored(), [
    { id: 1, b: pattern(3, 1), c: null },
    { id: 2, b: pattern(70_000, 2), c: null },
  ]);
});

test("executeMany in a transaction: a failing stream in row 0 applies nothing; rollback leaves the table as it was", async () => {
  await conn.query("BEGIN WORK");
  await assert.rejects(
    conn.executeMany("INSERT INTO t (id, b) VALUES (?, ?)", [
      [1, failing(1)],
      [2, pattern(2)],
    ]),
    (e: unknown) => e instanceof DriverError && e.batchIndex === 0 && e.batchApplied?.rowCount === 0,
  );
  await conn.executeMany("INSERT INTO t (id, b) VALUES (?, ?)", [[5, pattern(5)]]);
  await conn.query("ROLLBACK WORK");
  assert.deepEqual(await stored(), []);
});

test("executeMany: a wrong JS type for a BLOB/CLOB in row 1 is refused before anything is created or sent", async () => {
  sent.length = 0;
  await assert.rejects(
    conn.executeMany("INSERT INTO t (id, b) VALUES (?, ?)", [
      [1, pattern(1)],
      [2, "not bytes"],
    ]),
    (e: unknown) =>
      e instanceof DriverError &&
      e.code === "INVALID_ARGUMENT" &&
      e.batchIndex === 1 &&
      /row 1: parameter 2 is a BLOB/.test(e.message),
  );
  assert.equal(sent.filter((k) => k === "lodata" || k === "execute").length, 0, sent.join(" "));
  assert.deepEqual(await stored(), []);
});

test("a batch without BLOB/CLOB columns sends what it did before: no describe, no fast-path call", async () => {
  const rows = Array.from({ length: 50 }, (_, i) => [i, `v${i}`, `w${i}`]);
  await conn.executeMany("INSERT INTO plain (id, v, w) VALUES (?, ?, ?)", rows);
  assert.deepEqual(
    sent.filter((k) => k !== "bind" && k !== "execute" && k !== "eot"),
    ["prepare", "ndescribe", "wantdone", "id"].filter((k) => sent.includes(k)),
    sent.filter((k) => k !== "bind" && k !== "execute" && k !== "eot").join(" "),
  );
  assert.ok(!sent.includes("cidescribe") && !sent.includes("exfproutine") && !sent.includes("lodata"));
  assert.equal(sent.filter((k) => k === "execute").length, 50);
  // A DELETE is never described; an UPDATE binding strings once per cached statement, not per batch.
  sent.length = 0;
  await conn.executeMany("DELETE FROM plain WHERE v = ?", [["v1"], ["v2"]]);
  assert.ok(!sent.includes("cidescribe"), sent.join(" "));
  for (let i = 0; i < 3; i++) await conn.executeMany("UPDATE plain SET w = ? WHERE v = ?", [["x", "v3"]]);
  assert.equal(sent.filter((k) => k === "cidescribe").length, 1, sent.join(" "));
});

test("stream() of an INSERT with BLOB/CLOB parameters stores smart LOBs (bytes, string, stream)", async () => {
  for await (const _ of conn.stream("INSERT INTO t (id, b, c) VALUES (?, ?, ?)", [1, pattern(64 * 1024 + 1), "s"]))
    assert.fail("an INSERT yields no rows");
  const stmt = await conn.prepare("INSERT INTO t (id, b, c) VALUES (?, ?, ?)");
  try {
    for await (const _ of stmt.stream([2, pieces(pattern(3, 2)), ""])) assert.fail("no rows");
    for await (const _ of stmt.stream([3, null, null])) assert.fail("no rows");
  } finally {
    await stmt.close();
  }
  assert.deepEqual(await stored(), [
    { id: 1, b: pattern(64 * 1024 + 1), c: "s" },
    { id: 2, b: pattern(3, 2), c: "" },
    { id: 3, b: null, c: null },
  ]);
});

test("stream() of an INSERT whose stream fails: INVALID_ARGUMENT, no row, the connection usable", async () => {
  const run = async () => {
    for await (const _ of conn.stream("INSERT INTO t (id, b) VALUES (?, ?)", [1, failing(1)])) assert.fail("no rows");
  };
  await assert.rejects(
    run(),
    (e: unknown) =>
      e instanceof DriverError && e.code === "INVALID_ARGUMENT" && (e.cause as Error).message === "disk gone",
  );
  assert.deepEqual(await stored(), []);
  assert.equal((await conn.query("SELECT 1 AS one FROM systables WHERE tabid = 1")).rows.length, 1);
});

test("an INSERT's smart LOBs take their column's storage spec (ifx_lo_col_sbinfo), asked once per statement", async () => {
  await conn.query("CREATE TABLE t2 (c CLOB, id INT, b BLOB)");
  const stmt = await conn.prepare("insert into informix.t2 (c, id, b) values (?, ?, ?)");
  try {
    await stmt.query(["one", 1, pattern(3)]);
    await stmt.executeMany([
      ["two", 2, pattern(4)],
      ["three", 3, null],
    ]);
  } finally {
    await stmt.close();
  }
  assert.deepEqual(sbinfo, ["informix.t2.c", "informix.t2.b"]);
  sbinfo.length = 0;
  await conn.query("UPDATE t2 SET b = ? WHERE id = ?", [pattern(2), 1]);
  assert.deepEqual(sbinfo, [], "an UPDATE keeps the default spec");
  const { rows } = await conn.query<{ b: BlobLocator; c: ClobLocator }>("SELECT b, c FROM t2 ORDER BY id");
  assert.deepEqual(await conn.readLob(rows[0]!.b), pattern(2));
  assert.equal(await conn.readLob(rows[2]!.c), "three");
});
