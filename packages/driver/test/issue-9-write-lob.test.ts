// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 9 item 2, writing smart LOBs through the driver against the emulator: a Uint8Array,
// string or stream bound to a BLOB/CLOB parameter becomes a smart LOB (ifx_lo_create,
// SQ_LODATA, ifx_lo_close, the locator bound), as IBM JDBC's setBytes/setString do;
// conn.createLob() and conn.openLob(loc, { mode: "w" | "rw" }) give a LobHandle. Wrong JS
// types, a stream that fails midway and a foreign locator are typed errors, no half row is
// written and the connection stays usable.

import assert from "node:assert/strict";
import { Readable } from "node:stream";
import { after, before, test } from "node:test";
import { type RunningEmulator, startEmulator } from "@informix-db/emulator";
import { BlobLocator, ClobLocator, type Connection, connect, DriverError, InformixError, LobHandle } from "informix-db";

let emu: RunningEmulator;
let conn: Connection;
const opts = () => ({ host: emu.host, port: emu.port, user: "informix", password: "in4mix", server: "informix" });
const SIZES = [0, 1, 64 * 1024 + 1];

before(async () => {
  emu = await startEmulator({ port: 0 });
  const admin = await connect(opts());
  await admin.query("CREATE DATABASE lobwrite WITH LOG");
  await admin.close();
  conn = await connect({ ...opts(), database: "lobwrite" });
  await conn.query("CREATE TABLE t (id INT, b BLOB, c CLOB)");
});

after(async () => {
  await conn?.close();
  await emu?.close();
});

const pattern = (n: number, seed = 0) =>
  Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed * 7 + (i >> 8)) & 0xff);
const text = (n: number) => Array.from({ length: n }, (_, i) => "abcdefghij klmnopqrstuvwxyz\n"[i % 28]).join("");
const sqlcodeOf = (e: unknown) => (e instanceof InformixError ? e.sqlcode : undefined);

async function row(id: number): Promise<{ b: unknown; c: unknown }> {
  const { rows } = await conn.query<{ b: unknown; c: unknown }>("SELECT b, c FROM t WHERE id = ?", [id]);
  assert.equal(rows.length, 1, `row ${id}`);
  return rows[0]!;
}

async function count(): Promise<number> {
  const { rows } = await conn.query<{ n: unknown }>("SELECT COUNT(*) AS n FROM t");
  return Number(rows[0]!.n);
}

test("Uint8Array → BLOB and string → CLOB at sizes 0, 1 and 64 KiB + 1, read back exactly", async () => {
  for (const [k, size] of SIZES.entries()) {
    const id = 100 + k;
    const bytes = pattern(size, id);
    const chars = text(size);
    const r = await conn.query("INSERT INTO t (id, b, c) VALUES (?, ?, ?)", [id, bytes, chars]);
    assert.equal(r.rowCount, 1);
    const { b, c } = await row(id);
    assert.ok(b instanceof BlobLocator && c instanceof ClobLocator);
    assert.deepEqual(await conn.readLob(b), bytes, `BLOB of ${size} bytes`);
    assert.equal(await conn.readLob(c), chars, `CLOB of ${size} characters`);
  }
});

test("a Buffer, an async generator, a Node Readable and a ReadableStream each fill a BLOB", async () => {
  const bytes = pattern(100_000, 3);
  const pieces = () => [bytes.subarray(0, 1), bytes.subarray(1, 70_000), bytes.subarray(70_000)];
  async function* gen() {
    yield* pieces();
  }
  const web = () =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const p of pieces()) controller.enqueue(p);
        controller.close();
      },
    });
  const sources: [string, unknown][] = [
    ["Buffer", Buffer.from(bytes)],
    ["async generator", gen()],
    ["Node Readable", Readable.from(pieces())],
    ["ReadableStream", web()],
  ];
  for (const [k, [name, source]] of sources.entries()) {
    await conn.query("INSERT INTO t (id, b) VALUES (?, ?)", [200 + k, source]);
    const { b } = await row(200 + k);
    assert.deepEqual(await conn.readLob(b as BlobLocator), bytes, name);
  }
});

test("a string stream and non-ASCII text fill a CLOB in the connection's code set", async () => {
  async function* parts() {
    yield "héllo ";
    yield "wörld";
  }
  await conn.query("INSERT INTO t (id, c) VALUES (?, ?)", [300, parts()]);
  assert.equal(await conn.readLob((await row(300)).c as ClobLocator), "héllo wörld");
});

test("a prepared INSERT binds a new smart LOB at every execution; NULL stays NULL", async () => {
  const ps = await conn.prepare("INSERT INTO t (id, b, c) VALUES (?, ?, ?)");
  try {
    await ps.query([400, pattern(10), "x"]);
    await ps.query([401, null, null]);
  } finally {
    await ps.close();
  }
  assert.deepEqual(await conn.readLob((await row(400)).b as BlobLocator), pattern(10));
  assert.deepEqual(await row(401), { b: null, c: null });
});

test("UPDATE … SET blob = ?, clob = ? makes new smart LOBs too (the placeholders take the columns' types)", async () => {
  await conn.query("INSERT INTO t (id, b, c) VALUES (?, ?, ?)", [350, pattern(5), "before"]);
  const r = await conn.query("UPDATE t SET b = ?, c = ? WHERE id = ?", [pattern(70_000, 3), "after é", 350]);
  assert.equal(r.rowCount, 1);
  const { b, c } = await row(350);
  assert.ok(b instanceof BlobLocator && c instanceof ClobLocator);
  assert.deepEqual(await conn.readLob(b), pattern(70_000, 3));
  assert.equal(await conn.readLob(c), "after é");
  const stmt = await conn.prepare("UPDATE t SET c = ? WHERE id = ?");
  assert.equal((await stmt.query(["again", 350])).rowCount, 1);
  await stmt.close();
  assert.equal(await conn.readLob((await row(350)).c as ClobLocator), "again");
});

test("a value of the wrong JS type for a BLOB/CLOB parameter is INVALID_ARGUMENT; nothing is inserted", async () => {
  const before = await count();
  for (const [value, column] of [
    [42, "b"],
    [true, "b"],
    ["text", "b"],
    [new Date(0), "c"],
  ] as const) {
    await assert.rejects(
      conn.query(`INSERT INTO t (id, ${column}) VALUES (?, ?)`, [500, value]),
      (e: unknown) =>
        e instanceof DriverError && e.code === "INVALID_ARGUMENT" && /parameter 2 is a [BC]LOB/.test(e.message),
    );
  }
  assert.equal(await count(), before);
});

test("a stream that fails midway fails the statement; no row is written and the next query works", async () => {
  const before = await count();
  async function* failing() {
    yield pattern(300_000);
    throw new Error("disk gone");
  }
  await assert.rejects(
    conn.query("INSERT INTO t (id, b) VALUES (?, ?)", [600, failing()]),
    (e: unknown) =>
      e instanceof DriverError && e.code === "INVALID_ARGUMENT" && (e.cause as Error)?.message === "disk gone",
  );
  assert.equal(await count(), before);
  const { rows } = await conn.query<{ n: unknown }>("SELECT COUNT(*) AS n FROM t WHERE id = ?", [600]);
  assert.equal(Number(rows[0]!.n), 0);
});

test("createLob: write, seek, size, read, close, then bind the locator", async () => {
  const h = await conn.createLob("blob");
  assert.ok(h instanceof LobHandle);
  assert.equal(h.mode, "rw");
  await h.write(pattern(70_000));
  assert.equal(await h.size(), 70_000);
  assert.equal(await h.seek(10), 10);
  await h.write(new Uint8Array([0xaa, 0xbb]));
  assert.equal(await h.seek(-3, "end"), 69_997);
  assert.equal(await h.seek(1, "current"), 69_998);
  assert.equal(await h.seek(9), 9);
  assert.deepEqual(await h.read(4), Uint8Array.from([pattern(10)[9]!, 0xaa, 0xbb, pattern(13)[12]!]));
  await h.close();
  await h.close();
  await assert.rejects(
    h.write(new Uint8Array(1)),
    (e: unknown) => e instanceof DriverError && e.code === "INVALID_STATE",
  );
  await conn.query("INSERT INTO t (id, b) VALUES (?, ?)", [700, h.locator]);
  const expected = pattern(70_000);
  expected.set([0xaa, 0xbb], 10);
  assert.deepEqual(await conn.readLob((await row(700)).b as BlobLocator), expected);
});

test('openLob(locator, { mode: "w" }) appends to a stored CLOB; writable() pipes into it', async () => {
  await conn.query("INSERT INTO t (id, c) VALUES (?, ?)", [800, "start"]);
  const loc = (await row(800)).c as ClobLocator;
  const h = conn.openLob(loc, { mode: "w" });
  assert.equal(await h.seek(0, "end"), 5);
  await h.write("-middle");
  await assert.rejects(h.read(1), (e: unknown) => e instanceof DriverError && e.code === "INVALID_STATE");
  const writer = h.writable().getWriter();
  await writer.write("-end");
  await writer.close();
  assert.equal(h.fd, undefined, "closing the stream closed the handle");
  assert.equal(await conn.readLob(loc), "start-middle-end");
});

test("bad arguments to the handle API are INVALID_ARGUMENT", async () => {
  const h = await conn.createLob("clob");
  try {
    await assert.rejects(
      h.write(42 as unknown as string),
      (e: unknown) => e instanceof DriverError && e.code === "INVALID_ARGUMENT",
    );
    await assert.rejects(h.seek(1.5), (e: unknown) => e instanceof DriverError && e.code === "INVALID_ARGUMENT");
    await assert.rejects(h.read(-1), (e: unknown) => e instanceof DriverError && e.code === "INVALID_ARGUMENT");
  } finally {
    await h.close();
  }
  await assert.rejects(
    conn.createLob("text" as "blob"),
    (e: unknown) => e instanceof DriverError && e.code === "INVALID_ARGUMENT",
  );
  const loc = (await row(800)).c as ClobLocator;
  assert.throws(
    () => conn.openLob(loc, { mode: "x" as "w" }),
    (e: unknown) => e instanceof DriverError && e.code === "INVALID_ARGUMENT",
  );
});

test("a locator of another server is -9810 for writes too; the connection stays usable", async () => {
  const other = await startEmulator({ port: 0 });
  try {
    const admin = await connect({ ...opts(), port: other.port });
    await admin.query("CREATE DATABASE elsewhere WITH LOG");
    await admin.close();
    const c2 = await connect({ ...opts(), port: other.port, database: "elsewhere" });
    const foreign = await c2.createLob("blob");
    await foreign.close();
    await c2.close();
    const h = conn.openLob(foreign.locator, { mode: "w" });
    await assert.rejects(h.write(new Uint8Array([1])), (e: unknown) => sqlcodeOf(e) === -9810);
    await assert.rejects(
      conn.query("INSERT INTO t (id, b) VALUES (?, ?)", [900, foreign.locator]).then(async () => {
        const { b } = await row(900);
        return conn.readLob(b as BlobLocator);
      }),
      (e: unknown) => sqlcodeOf(e) === -9810,
    );
    assert.equal((await conn.query("SELECT 1 AS one FROM systables WHERE tabid = 1")).rows.length, 1);
  } finally {
    await other.close();
  }
});
