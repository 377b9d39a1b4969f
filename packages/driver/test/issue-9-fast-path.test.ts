// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 9 items 2 and 5 through the driver: a BLOB column arrives as a SmartLobLocator,
// FILETOBLOB/LOTOFILE with 'server' move a value through the emulator's files, and
// callFunction() runs a routine through the fast path with a per-connection handle cache.
// Server errors are InformixErrors with IDS's codes and leave the connection usable.

import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { type RunningEmulator, startEmulator } from "@informix-db/emulator";
import { BlobLocator, type Connection, connect, DriverError, InformixError, SmartLobLocator } from "informix-db";

let emu: RunningEmulator;
let conn: Connection;
let dir: string;

before(async () => {
  emu = await startEmulator({ port: 0 });
  dir = mkdtempSync(join(tmpdir(), "ifx-smart-lob-"));
  const opts = { host: emu.host, port: emu.port, user: "informix", password: "in4mix", server: "informix" };
  const admin = await connect(opts);
  await admin.query("CREATE DATABASE lobs WITH LOG");
  await admin.close();
  conn = await connect({ ...opts, database: "lobs" });
  await conn.query("CREATE TABLE t (id INT, data BLOB, tail INT)");
});

after(async () => {
  await conn?.close();
  await emu?.close();
  rmSync(dir, { recursive: true, force: true });
});

const sqlcodeOf = (e: unknown) => (e instanceof InformixError ? e.sqlcode : undefined);

test("issue 9: FILETOBLOB/LOTOFILE 'server' round-trip a value; the column is a BLOB locator", async () => {
  const payload = Uint8Array.from({ length: 5000 }, (_, i) => (i * 7) & 0xff);
  const input = join(dir, "in.bin");
  writeFileSync(input, payload);
  await conn.query(`INSERT INTO t VALUES (1, FILETOBLOB('${input}', 'server'), 42)`);
  const { rows } = await conn.query<{ id: number; data: unknown; tail: number }>("SELECT id, data, tail FROM t");
  assert.equal(rows.length, 1);
  const lob = rows[0]!.data;
  assert.ok(lob instanceof SmartLobLocator);
  assert.ok(lob instanceof BlobLocator);
  assert.equal(lob.lobType, "blob");
  assert.equal(lob.raw.length, 72);
  assert.equal(rows[0]!.tail, 42, "the column after the LOB is read in place");
  const out = join(dir, "out");
  const [named] = (await conn.query<Record<string, string>>(`SELECT LOTOFILE(data, '${out}', 'server') FROM t`)).rows;
  const file = Object.values(named)[0]!;
  assert.ok(file.startsWith(`${out}.`), file);
  assert.deepEqual(new Uint8Array(readFileSync(file)), payload);
  // LOCOPY: a new smart LOB with the same bytes.
  const [copied] = (await conn.query<Record<string, unknown>>("SELECT LOCOPY(data) FROM t")).rows;
  const copy = Object.values(copied!)[0];
  assert.ok(copy instanceof SmartLobLocator);
  assert.notDeepEqual(copy.raw, lob.raw);
});

test("issue 9: callFunction closes a descriptor from ifx_lo_open with one cached routine handle", async () => {
  for (let i = 0; i < 3; i++) {
    const [row] = (await conn.query<Record<string, number>>("SELECT ifx_lo_open(data, 4) FROM t WHERE id = 1")).rows;
    const fd = Object.values(row)[0]!;
    assert.ok(fd > 0);
    assert.deepEqual(await conn.callFunction("function informix.ifx_lo_close(integer)", [fd]), [0]);
    await assert.rejects(conn.callFunction("function informix.ifx_lo_close(integer)", [fd]), (e) => {
      assert.equal(sqlcodeOf(e), -9810, "a closed descriptor is a smart-LOB error");
      return true;
    });
  }
});

test("issue 9: callFunction runs a user SPL function by its signature", async () => {
  await conn.query("CREATE FUNCTION add_one(n INT) RETURNING INT; RETURN n + 1; END FUNCTION");
  assert.deepEqual(await conn.callFunction("function add_one(integer)", [41]), [42]);
  assert.deepEqual(await conn.callFunction("function add_one(integer)", [1]), [2]);
});

test("issue 9: an unknown routine is -674, bad arguments are INVALID_ARGUMENT; the connection stays usable", async () => {
  await assert.rejects(conn.callFunction("function informix.no_such_routine(integer)", [1]), (e) => {
    assert.equal(sqlcodeOf(e), -674);
    return true;
  });
  await assert.rejects(conn.callFunction("", [1]), (e) => e instanceof DriverError && e.code === "INVALID_ARGUMENT");
  await assert.rejects(
    conn.callFunction("function informix.ifx_lo_close(integer)", 5 as unknown as unknown[]),
    (e) => e instanceof DriverError && e.code === "INVALID_ARGUMENT",
  );
  const [row] = (await conn.query<{ n: number }>("SELECT COUNT(*) AS n FROM t")).rows;
  assert.equal(Number(row!.n), 1);
});
