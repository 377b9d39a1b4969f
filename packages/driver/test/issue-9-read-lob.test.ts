// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 9 item 2, the driver's smart-LOB API against the emulator: a BLOB column is a
// BlobLocator, a CLOB column a ClobLocator; conn.readLob() returns the whole value through the
// fast path (ifx_lo_open, ifx_lo_read in chunks, ifx_lo_close), conn.openLob() reads it chunk
// by chunk and closes the descriptor when the consumer stops early. A bad or foreign locator is
// a typed error and the connection stays usable.

import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { type RunningEmulator, startEmulator } from "@informix-db/emulator";
import {
  BlobLocator,
  ClobLocator,
  type Connection,
  connect,
  DriverError,
  InformixError,
  SmartLobLocator,
} from "informix-db";

let emu: RunningEmulator;
let conn: Connection;
let dir: string;
const utf8 = { clientLocale: "en_US.utf8", dbLocale: "en_US.utf8" };
const opts = () => ({ host: emu.host, port: emu.port, user: "informix", password: "in4mix", server: "informix" });

before(async () => {
  emu = await startEmulator({ port: 0 });
  dir = mkdtempSync(join(tmpdir(), "ifx-read-lob-"));
  const admin = await connect({ ...opts(), ...utf8 });
  await admin.query("CREATE DATABASE lobread WITH LOG");
  await admin.close();
  conn = await connect({ ...opts(), ...utf8, database: "lobread" });
  await conn.query("CREATE TABLE b (id INT, data BLOB)");
  await conn.query("CREATE TABLE c (id INT, body CLOB)");
});

after(async () => {
  await conn?.close();
  await emu?.close();
  rmSync(dir, { recursive: true, force: true });
});

const sqlcodeOf = (e: unknown) => (e instanceof InformixError ? e.sqlcode : undefined);
const pattern = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 131 + (i >> 8)) & 0xff);

async function insertBlob(id: number, bytes: Uint8Array): Promise<BlobLocator> {
  const file = join(dir, `blob-${id}.bin`);
  writeFileSync(file, bytes);
  await conn.query(`INSERT INTO b VALUES (${id}, FILETOBLOB('${file}', 'server'))`);
  const { rows } = await conn.query<{ data: unknown }>("SELECT data FROM b WHERE id = ?", [id]);
  const lob = rows[0]!.data;
  assert.ok(lob instanceof BlobLocator, "a BLOB column is a BlobLocator");
  return lob;
}

const SIZES = [0, 1, 64 * 1024 + 1, 1024 * 1024 + 3];

test("issue 9: readLob returns the exact bytes of BLOBs of 0, 1, 64 KiB + 1 and ~1 MiB", async () => {
  for (const [i, size] of SIZES.entries()) {
    const bytes = pattern(size);
    const lob = await insertBlob(i + 1, bytes);
    const back = await conn.readLob(lob);
    assert.ok(back instanceof Uint8Array);
    assert.equal(back.length, size, `size ${size}`);
    assert.deepEqual(back, bytes, `size ${size}`);
  }
});

test("issue 9: a CLOB column is a ClobLocator; readLob decodes non-ASCII text with the UTF-8 code set", async () => {
  const text = `Grüße, 日本語, emoji 🎉 — ${"ação ".repeat(20_000)}end`;
  const file = join(dir, "clob.txt");
  writeFileSync(file, text, "utf8");
  await conn.query(`INSERT INTO c VALUES (1, FILETOCLOB('${file}', 'server'))`);
  const { rows } = await conn.query<{ body: unknown }>("SELECT body FROM c WHERE id = 1");
  const lob = rows[0]!.body;
  assert.ok(lob instanceof ClobLocator && lob instanceof SmartLobLocator && !(lob instanceof BlobLocator));
  assert.equal(lob.lobType, "clob");
  const back = await conn.readLob(lob);
  assert.equal(typeof back, "string");
  assert.equal(back, text);
});

test("issue 9: a value that is not a locator is INVALID_ARGUMENT; a foreign locator is -9810; the connection stays usable", async () => {
  await assert.rejects(conn.readLob({ raw: new Uint8Array(72) } as unknown as BlobLocator), (e: unknown) => {
    assert.ok(e instanceof DriverError);
    assert.equal(e.code, "INVALID_ARGUMENT");
    return true;
  });
  assert.throws(() => conn.openLob("x" as unknown as BlobLocator), { name: "DriverError" });
  // Another server's sbspace (a zeroed handle names no smart LOB of this one).
  for (const foreign of [new BlobLocator(new Uint8Array(72)), new ClobLocator(new Uint8Array(72).fill(0xee))]) {
    await assert.rejects(conn.readLob(foreign), (e: unknown) => {
      assert.equal(sqlcodeOf(e), -9810);
      return true;
    });
  }
  const [row] = (await conn.query<{ n: number }>("SELECT COUNT(*) AS n FROM b")).rows;
  assert.equal(Number(row!.n), SIZES.length);
});

test("issue 9: ifx_lo_read on an unknown descriptor is -9810 and the session goes on", async () => {
  await assert.rejects(conn.callFunction("function informix.ifx_lo_read(integer, integer)", [987_654, 10]), (e) => {
    assert.equal(sqlcodeOf(e), -9810);
    return true;
  });
  const lob = await insertBlob(50, pattern(10));
  assert.deepEqual(await conn.readLob(lob), pattern(10));
});

test("issue 9: readLob on a closed connection is a typed error, nothing hangs", async () => {
  const lob = await insertBlob(60, pattern(3));
  const other = await connect({ ...opts(), ...utf8, database: "lobread" });
  assert.deepEqual(await other.readLob(lob), pattern(3), "a locator reads on any session of the server");
  await other.close();
  await assert.rejects(other.readLob(lob), (e: unknown) => {
    assert.ok(e instanceof DriverError);
    assert.equal(e.code, "CONNECTION_CLOSED");
    return true;
  });
});

test("issue 9: openLob reads chunk by chunk; an early stop closes the descriptor", async () => {
  const bytes = pattern(64 * 1024 + 1);
  const lob = await insertBlob(70, bytes);
  const reader = conn.openLob(lob, { mode: "r", chunkSize: 4096 });
  const parts: Uint8Array[] = [];
  for await (const chunk of reader) {
    assert.ok(chunk.length <= 4096);
    parts.push(chunk);
  }
  assert.deepEqual(Buffer.concat(parts), Buffer.from(bytes));
  assert.equal(reader.fd, undefined, "closed at the end of the value");

  const early = conn.openLob(lob, { chunkSize: 1000 });
  let seen = 0;
  for await (const chunk of early) {
    seen += chunk.length;
    assert.ok(early.fd !== undefined && early.fd > 0, "open while reading");
    break;
  }
  assert.equal(seen, 1000);
  assert.equal(early.fd, undefined);
  const fd = early.lastFd!;
  await assert.rejects(conn.callFunction("function informix.ifx_lo_close(integer)", [fd]), (e) => {
    assert.equal(sqlcodeOf(e), -9810, "the descriptor was closed when the loop stopped");
    return true;
  });
  assert.throws(() => conn.openLob(lob, { chunkSize: 0 }), { name: "DriverError" });
  assert.deepEqual(await conn.readLob(lob), bytes);
});
