// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 9: BYTE/TEXT at the wire. The emulator keeps the bytes in its blobspace and the
// row keeps a descriptor; SQ_BBIND/SQ_BLOB fill a bound value, SQ_FETCHBLOB returns it
// while the cursor is open, an incomplete SQ_BBIND stream runs nothing (-609), a
// descriptor the blobspace does not hold is -602, and a long reply is sent in pieces.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  compileRowLayout,
  makeBlobDescriptor,
  readBlobDescriptor,
  type ServerMessage,
  typeCodes as T,
} from "@informix-db/protocol";
import { type RunningEmulator, startEmulator } from "../../src/index.js";
import { errorOf, WireClient } from "./wire-client.js";

let emu: RunningEmulator;
let c: WireClient;

before(async () => {
  emu = await startEmulator({ port: 0 });
  c = await WireClient.open(emu.port);
  await c.ready();
  await c.command("create database bl with log");
  await c.command("create table t (id integer, b byte in blobspace1, x text in table)");
});

after(async () => {
  c?.destroy();
  await emu?.close();
});

const descriptor = (size: number) => makeBlobDescriptor({ size }, c.ctx.longRowId ? 68 : 56);

async function prepare(sql: string): Promise<number> {
  const r = await c.group([{ kind: "prepare", paramCount: 3, sql }, { kind: "ndescribe" }, { kind: "wantdone" }]);
  const d = r.find((m) => m.kind === "describe");
  assert.ok(d?.kind === "describe", JSON.stringify(errorOf(r)));
  return d.statementId;
}

function insertGroup(id: number, statementId: number, chunks: Uint8Array[][], execute = true) {
  return [
    { kind: "id" as const, statementId },
    {
      kind: "bind" as const,
      parameters: [
        { type: T.SQLINT, indicator: 0, precision: 0, payload: Uint8Array.of(0, 0, 0, id) },
        { type: T.SQLBYTES, indicator: 0, precision: 56, payload: descriptor(0) },
        { type: T.SQLTEXT, indicator: 0, precision: 0, payload: descriptor(0) },
      ],
    },
    { kind: "bbind" as const, count: chunks.length },
    ...chunks.flatMap((blob) => [
      ...blob.map((data) => ({ kind: "blob" as const, data })),
      { kind: "blob" as const, data: new Uint8Array(0) },
    ]),
    ...(execute ? [{ kind: "execute" as const }] : []),
  ];
}

/** SELECT b, x FROM t WHERE id = n: the two descriptors, then the fetched bytes, fetched before CLOSE. */
async function readRow(
  id: number,
): Promise<{ b: Uint8Array | null; x: Uint8Array | null; afterClose: ServerMessage[] }> {
  const r = await c.group([
    { kind: "prepare", paramCount: 0, sql: `select b, x from t where id = ${id}` },
    { kind: "ndescribe" },
  ]);
  const d = r.find((m) => m.kind === "describe");
  assert.ok(d?.kind === "describe");
  const blobBytes = c.ctx.longRowId ? 68 : 56;
  assert.equal(d.tupleSize, 2 * blobBytes, "the tuple holds two descriptors of the session's size");
  const layout = compileRowLayout(d.fields.map((f) => ({ ...f, encodedLength: blobBytes })));
  const fetched = await c.group([
    { kind: "id", statementId: d.statementId },
    { kind: "curname", name: "c9" },
    { kind: "open" },
    { kind: "nfetch", bufferSize: 4096, arraySize: 0 },
  ]);
  const tuple = fetched.find((m) => m.kind === "tuple");
  assert.ok(tuple?.kind === "tuple");
  const values = layout.decodeRow(tuple.data) as (Uint8Array | null)[];
  const out: (Uint8Array | null)[] = [];
  for (const v of values) {
    if (v === null) {
      out.push(null);
      continue;
    }
    const reply = await c.group([
      { kind: "id", statementId: d.statementId },
      { kind: "fetchblob", descriptor: v },
    ]);
    assert.equal(errorOf(reply), undefined);
    const chunks = reply.flatMap((m) => (m.kind === "blob" ? [m.data] : []));
    assert.equal(chunks.at(-1)?.length, 0, "an empty SQ_BLOB ends the value");
    assert.ok(chunks.every((x) => x.length <= 32767));
    out.push(Buffer.concat(chunks));
    assert.equal(readBlobDescriptor(v).size, out.at(-1)!.length, "tb_size is the value's length");
  }
  await c.group([{ kind: "id", statementId: d.statementId }, { kind: "close" }]);
  const afterClose = values[0]
    ? await c.group([
        { kind: "id", statementId: d.statementId },
        { kind: "fetchblob", descriptor: values[0] },
      ])
    : [];
  await c.group([{ kind: "id", statementId: d.statementId }, { kind: "release" }]);
  return { b: out[0]!, x: out[1]!, afterClose };
}

test("issue 9: SQ_BBIND chunks become the row's BYTE/TEXT; SQ_FETCHBLOB returns them exactly", async () => {
  const id = await prepare("insert into t values (?, ?, ?)");
  const big = Uint8Array.from({ length: 300_000 }, (_, i) => (i * 13) & 0xff);
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < big.length; at += 1024) chunks.push(big.subarray(at, at + 1024));
  const r = await c.group(insertGroup(1, id, [chunks, [Buffer.from("some text")]]));
  assert.equal(errorOf(r), undefined);
  const row = await readRow(1);
  assert.ok(Buffer.from(row.b!).equals(big));
  assert.equal(Buffer.from(row.x!).toString("latin1"), "some text");
  // The locator is gone with the cursor, as on IDS (informix-driver's notes: -602 after CLOSE).
  assert.equal(errorOf(row.afterClose)?.sqlcode, -602);
});

test("issue 9: an empty value and NULL are different", async () => {
  const id = await prepare("insert into t values (?, ?, ?)");
  const r = await c.group([
    { kind: "id", statementId: id },
    {
      kind: "bind",
      parameters: [
        { type: T.SQLINT, indicator: 0, precision: 0, payload: Uint8Array.of(0, 0, 0, 2) },
        { type: T.SQLBYTES, indicator: 0, precision: 56, payload: descriptor(0) },
        { type: T.SQLTEXT, indicator: -1, precision: 0, payload: null },
      ],
    },
    { kind: "bbind", count: 1 },
    { kind: "blob", data: new Uint8Array(0) },
    { kind: "execute" },
  ]);
  assert.equal(errorOf(r), undefined);
  const row = await readRow(2);
  assert.deepEqual([row.b?.length, row.x], [0, null]);
});

test("issue 9: a VARCHAR bound to a TEXT column is stored in the blobspace", async () => {
  const id = await prepare("insert into t values (?, ?, ?)");
  const r = await c.group([
    { kind: "id", statementId: id },
    {
      kind: "bind",
      parameters: [
        { type: T.SQLINT, indicator: 0, precision: 0, payload: Uint8Array.of(0, 0, 0, 3) },
        { type: T.SQLBYTES, indicator: -1, precision: 0, payload: null },
        { type: T.SQLVCHAR, indicator: 0, precision: 0, payload: Buffer.from("via varchar") },
      ],
    },
    { kind: "execute" },
  ]);
  assert.equal(errorOf(r), undefined);
  const row = await readRow(3);
  assert.equal(Buffer.from(row.x!).toString("latin1"), "via varchar");
});

test("issue 9: an SQ_BBIND stream that ends early runs nothing (-609) and leaves the session usable", async () => {
  const id = await prepare("insert into t values (?, ?, ?)");
  // Two BYTE/TEXT parameters, one blob sent: EXECUTE must refuse.
  const r = await c.group(insertGroup(4, id, [[Uint8Array.of(1, 2, 3)]]));
  assert.equal(errorOf(r)?.sqlcode, -609);
  // A group that stops after the blobs (what the driver sends when a source stream fails).
  const stopped = await c.group(insertGroup(4, id, [[Uint8Array.of(1)], [Uint8Array.of(2)]], false));
  assert.equal(errorOf(stopped), undefined);
  const rows = await c.query("select count(*) from t where id = 4");
  assert.equal(Number(rows[0]![0]), 0);
  assert.equal(errorOf(await c.group(insertGroup(5, id, [[Uint8Array.of(1)], [Uint8Array.of(2)]]))), undefined);
});

test("issue 9: a descriptor this blobspace did not make is -602 (cannot open blob)", async () => {
  const r = await c.group([
    { kind: "id", statementId: 0 },
    { kind: "fetchblob", descriptor: descriptor(10) },
  ]);
  assert.equal(errorOf(r)?.sqlcode, -602);
});
