// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 9 item 1: BYTE and TEXT end to end against the emulator. Sizes 0, 1, 64 KiB + 1,
// 20 MiB and NULL round-trip exactly, bound as bytes, strings and streams of three kinds;
// TEXT is decoded with the connection's code set; bad input is a typed error and loses
// nothing (a stream that fails midway leaves no row and a usable connection).

import assert from "node:assert/strict";
import { Readable } from "node:stream";
import { after, before, test } from "node:test";
import { type RunningEmulator, startEmulator } from "@informix-db/emulator";
import { type Connection, connect, DriverError, Param } from "informix-db";

let emu: RunningEmulator;
const opts = (database?: string) => ({
  host: emu.host,
  port: emu.port,
  user: "informix",
  password: "in4mix",
  server: "informix",
  ...(database ? { database } : {}),
});

const KIB = 1024;
const SIZES = [0, 1, 64 * KIB + 1, 20 * KIB * KIB];
const ALPHABET = "abcdefghijklmnopqrstuvwxyz éÀÿçABC0123456789\n.,;";

function bytesOf(size: number, seed: number): Uint8Array {
  const b = new Uint8Array(size);
  for (let i = 0; i < size; i++) b[i] = (i * 31 + seed * 7 + (i >>> 8)) & 0xff;
  return b;
}

function textOf(size: number, seed: number): string {
  let s = "";
  const parts: string[] = [];
  for (let i = 0; i < size; i++) {
    s += ALPHABET[(i * 7 + seed) % ALPHABET.length];
    if (s.length === 4096) {
      parts.push(s);
      s = "";
    }
  }
  parts.push(s);
  return parts.join("");
}

/** The value in `chunk`-byte pieces, made as they are read. */
async function* pieces(value: Uint8Array, chunk = 64 * KIB): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < value.length; at += chunk) yield value.slice(at, at + chunk);
}

const count = async (c: Connection, sql: string) => Number((await c.query(sql, [], { rowMode: "array" })).rows[0]![0]);

before(async () => {
  emu = await startEmulator({ port: 0 });
  await using admin = await connect(opts());
  await admin.query("CREATE DATABASE blobs WITH LOG");
  await admin.selectDatabase("blobs");
  await admin.query("CREATE TABLE bt (id INT, b BYTE IN blobspace1, t TEXT IN TABLE)");
});

after(async () => {
  await emu?.close();
});

test("issue 9: BYTE and TEXT of 0, 1, 64 KiB + 1 and 20 MiB bytes and NULL round-trip exactly", async () => {
  await using conn = await connect(opts("blobs"));
  await conn.query("DELETE FROM bt");
  for (const [k, size] of SIZES.entries()) {
    const id = k + 1;
    // Small values as plain bytes and Param.text(string); the large ones streamed.
    const b = size <= 1 ? bytesOf(size, id) : pieces(bytesOf(size, id));
    const t = size <= 1 ? Param.text(textOf(size, id)) : Param.text(Readable.from([textOf(size, id)]));
    const r = await conn.query("INSERT INTO bt (id, b, t) VALUES (?, ?, ?)", [id, b, t]);
    assert.equal(r.rowCount, 1);
  }
  await conn.query("INSERT INTO bt (id, b, t) VALUES (?, ?, ?)", [SIZES.length + 1, null, null]);
  const { rows, columns } = await conn.query("SELECT id, b, t FROM bt ORDER BY id");
  assert.deepEqual(
    columns.map((c) => c.type),
    ["INTEGER", "BYTE", "TEXT"],
  );
  assert.equal(rows.length, SIZES.length + 1);
  for (const [k, size] of SIZES.entries()) {
    const row = rows[k]!;
    assert.equal(row["id"], k + 1);
    assert.ok(row["b"] instanceof Uint8Array, `row ${k + 1}: BYTE is a Uint8Array`);
    assert.equal((row["b"] as Uint8Array).length, size);
    assert.ok(Buffer.from(row["b"] as Uint8Array).equals(bytesOf(size, k + 1)), `row ${k + 1}: BYTE bytes`);
    assert.equal(typeof row["t"], "string");
    assert.ok(row["t"] === textOf(size, k + 1), `row ${k + 1}: TEXT differs`);
  }
  assert.deepEqual(rows[SIZES.length], { id: SIZES.length + 1, b: null, t: null });
});

test("issue 9: stream() fetches each row's BYTE/TEXT while the cursor is open; WHATWG streams bind too", async () => {
  await using conn = await connect(opts("blobs"));
  await conn.query("CREATE TABLE many (id INT, b BYTE, t TEXT)");
  for (let id = 1; id <= 40; id++) {
    const value = bytesOf(100 * id, id);
    const source = id % 2 === 0 ? Readable.toWeb(Readable.from([value])) : Readable.from([value]);
    await conn.query("INSERT INTO many VALUES (?, ?, ?)", [id, source, Param.text(`row ${id} é`)]);
  }
  let seen = 0;
  for await (const row of conn.stream("SELECT id, b, t FROM many ORDER BY id", [], { fetchSize: 3 })) {
    seen++;
    const id = row["id"] as number;
    assert.ok(Buffer.from(row["b"] as Uint8Array).equals(bytesOf(100 * id, id)));
    assert.equal(row["t"], `row ${id} é`);
  }
  assert.equal(seen, 40);
  // A string bound to a TEXT column is stored there, as IDS converts it.
  await conn.query("INSERT INTO many (id, t) VALUES (?, ?)", [41, "plain string"]);
  const r = await conn.query("SELECT t FROM many WHERE id = 41");
  assert.equal(r.rows[0]!["t"], "plain string");
});

test("issue 9: TEXT is encoded and decoded with the connection's code set", async () => {
  await using conn = await connect(opts("blobs"));
  await conn.query("CREATE TABLE latin (t TEXT)");
  const value = "café résumé naïve ÀÿØ";
  await conn.query("INSERT INTO latin VALUES (?)", [Param.text(value)]);
  const r = await conn.query("SELECT t FROM latin");
  assert.equal(r.rows[0]!["t"], value);
});

test("issue 9: a value of the wrong JS type for BYTE/TEXT is INVALID_ARGUMENT", async () => {
  assert.throws(
    () => Param.byte(123),
    (e: unknown) => e instanceof DriverError && e.code === "INVALID_ARGUMENT",
  );
  assert.throws(
    () => Param.byte("text"),
    (e: unknown) => e instanceof DriverError && e.code === "INVALID_ARGUMENT",
  );
  assert.throws(
    () => Param.text({}),
    (e: unknown) => e instanceof DriverError && e.code === "INVALID_ARGUMENT",
  );
  await using conn = await connect(opts("blobs"));
  // A plain object binds as ROW text (issue 9); a BYTE column takes only a blob: -617, nothing stored.
  await assert.rejects(conn.query("INSERT INTO bt (id, b) VALUES (?, ?)", [99, { not: "bytes" }]), {
    name: "InformixError",
    sqlcode: -617,
  });
  // A stream that yields something other than bytes or strings fails the statement, not the connection.
  async function* numbers() {
    yield 1 as unknown as Uint8Array;
  }
  await assert.rejects(conn.query("INSERT INTO bt (id, b) VALUES (?, ?)", [99, numbers()]), {
    code: "INVALID_ARGUMENT",
  });
  assert.equal(await count(conn, "SELECT COUNT(*) FROM bt WHERE id = 99"), 0);
});

test("issue 9: a stream that errors midway fails the statement, leaves no row and a usable connection", async () => {
  await using conn = await connect(opts("blobs"));
  await conn.query("CREATE TABLE half (id INT, b BYTE, t TEXT)");
  async function* failing() {
    yield bytesOf(200 * KIB, 1);
    throw new Error("disk on fire");
  }
  for (const round of [1, 2]) {
    // Both the cached and a fresh statement; the TEXT after the failing BYTE is not read.
    await assert.rejects(
      conn.query("INSERT INTO half VALUES (?, ?, ?)", [round, failing(), Param.text("never")]),
      (e: unknown) =>
        e instanceof DriverError && e.code === "INVALID_ARGUMENT" && /parameter 2: .*disk on fire/.test(e.message),
    );
  }
  assert.equal(await count(conn, "SELECT COUNT(*) FROM half"), 0);
  await conn.query("INSERT INTO half VALUES (?, ?, ?)", [3, bytesOf(10, 3), Param.text("ok")]);
  const r = await conn.query("SELECT id, b, t FROM half");
  assert.deepEqual(r.rows, [{ id: 3, b: bytesOf(10, 3), t: "ok" }]);
  // Inside a transaction the failure does not end the transaction either.
  await conn.begin();
  await assert.rejects(conn.query("INSERT INTO half VALUES (?, ?, ?)", [4, failing(), null]), {
    code: "INVALID_ARGUMENT",
  });
  await conn.query("INSERT INTO half VALUES (?, ?, ?)", [5, bytesOf(3, 5), null]);
  await conn.commit();
  assert.equal(await count(conn, "SELECT COUNT(*) FROM half"), 2);
});
