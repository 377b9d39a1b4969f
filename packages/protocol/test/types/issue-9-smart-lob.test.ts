// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 9: BLOB/CLOB locators in tuples and the SQ_FILE requests. Fixture provenance: the
// tuple layout informix-driver measured on IDS 15 (a populated LOB column is 149 bytes:
// 00, i32 144, 144 hex digits; NULL is 01 00 00 00 00), synthetic locator bytes.

import assert from "node:assert/strict";
import { test } from "node:test";
import {
  BlobLocator,
  ByteReader,
  ByteWriter,
  ClientItemDecoder,
  ClobLocator,
  compileRowLayout,
  contextFromFeatures,
  decodeBindPayload,
  decodeSqFile,
  encodeClientMessage,
  encodeServerMessage,
  latin1,
  SmartLobLocator,
  smartLobBindParameter,
  typeCodes as T,
} from "../../src/index.js";
import { decodeAllSplits } from "../helpers/chunks.js";

const blobColumn = { type: T.SQLUDTFIXED, encodedLength: 72, extendedId: T.XID_BLOB, extendedName: "blob" };
const clobColumn = { type: T.SQLUDTFIXED, encodedLength: 72, extendedId: T.XID_CLOB, extendedName: "clob" };

test("issue 9: a BLOB locator travels as 144 hex digits in the opaque envelope; NULL is 5 bytes", () => {
  const raw = new Uint8Array(72).map((_, i) => i * 3);
  const layout = compileRowLayout([blobColumn, { type: T.SQLINT, encodedLength: 4 }], latin1);
  const w = new ByteWriter();
  layout.encodeRow([new SmartLobLocator("blob", raw), 7], w);
  const bytes = w.take();
  assert.equal(bytes.length, 149 + 4);
  assert.deepEqual([...bytes.subarray(0, 5)], [0, 0, 0, 0, 144]);
  assert.equal(String.fromCharCode(...bytes.subarray(5, 9)), "0003");
  const row = layout.decodeRow(bytes);
  assert.ok(row[0] instanceof SmartLobLocator);
  assert.ok(row[0] instanceof BlobLocator);
  assert.equal(row[0].lobType, "blob");
  assert.deepEqual([...row[0].raw], [...raw]);
  assert.equal(row[1], 7);
  const nullRow = compileRowLayout([clobColumn], latin1);
  const n = new ByteWriter();
  nullRow.encodeRow([null], n);
  assert.deepEqual([...n.take()], [1, 0, 0, 0, 0]);
});

test("issue 9: a CLOB column decodes to a ClobLocator, a BLOB column to a BlobLocator", () => {
  const raw = new Uint8Array(72).fill(9);
  const layout = compileRowLayout([clobColumn, blobColumn], latin1);
  const w = new ByteWriter();
  layout.encodeRow([new ClobLocator(raw), new BlobLocator(raw)], w);
  const [c, b] = layout.decodeRow(w.take());
  assert.ok(c instanceof ClobLocator && c instanceof SmartLobLocator && !(c instanceof BlobLocator));
  assert.equal(c.lobType, "clob");
  assert.ok(b instanceof BlobLocator && !(b instanceof ClobLocator));
  assert.ok(SmartLobLocator.of("clob", raw) instanceof ClobLocator);
  assert.throws(() => new BlobLocator(new Uint8Array(71)), { name: "TypeCodecError" });
});

test("issue 9: a locator of the wrong size or a payload that is not hex is a typed error", () => {
  assert.throws(() => new SmartLobLocator("clob", new Uint8Array(3)), { name: "TypeCodecError" });
  const layout = compileRowLayout([blobColumn], latin1);
  const bad = new Uint8Array(149);
  bad[4] = 144;
  bad.fill(0x7a, 5); // 'z'
  assert.throws(() => layout.decodeRow(bad), { name: "TypeCodecError" });
});

test("issue 9: SQ_FILE requests encode and decode (open, read, write, close)", () => {
  const ctx = contextFromFeatures(new Uint8Array(0), latin1);
  for (const msg of [
    { kind: "sqfile", op: "open", name: latin1.encode("/tmp/a.0001"), mode: 0x241, flags: 0, offset: 0 },
    { kind: "sqfile", op: "read", bufferSize: 4096, amount: 65536 },
    { kind: "sqfile", op: "write", chunks: [Uint8Array.of(1, 2, 3), Uint8Array.of(4)] },
    { kind: "sqfile", op: "close" },
  ] as const) {
    const w = new ByteWriter();
    encodeServerMessage(msg, ctx, w);
    w.u16(12); // SQ_EOT ends the request
    const r = new ByteReader();
    r.push(w.take());
    assert.equal(r.u16(), 98);
    assert.deepEqual(decodeSqFile(r), msg);
    assert.equal(r.u16(), 12);
  }
});

test("issue 9: a locator binds as type 41 named informix.clob, i32-framed; the server reads back its 72 bytes", () => {
  const ctx = contextFromFeatures(new Uint8Array(0), latin1);
  const raw = new Uint8Array(72).map((_, i) => 255 - i);
  const param = smartLobBindParameter(new ClobLocator(raw));
  const w = new ByteWriter();
  encodeClientMessage(
    { kind: "bind", parameters: [param, { type: 2, indicator: 0, precision: 0, payload: Uint8Array.of(0, 0, 0, 4) }] },
    ctx,
    w,
  );
  const bytes = w.take();
  // 00 05, n 2; type 00 29; owner: 00 08 "informix"; name: 00 04 "clob"; indicator 0; precision 72; i32 72
  const head = [0, 5, 0, 2, 0, 41, 0, 8, ...latin1.encode("informix"), 0, 4, ...latin1.encode("clob"), 0, 0, 0, 72];
  assert.deepEqual([...bytes.subarray(0, head.length)], head);
  assert.deepEqual([...bytes.subarray(head.length, head.length + 4)], [0, 0, 0, 72]);
  assert.deepEqual([...bytes.subarray(head.length + 4, head.length + 76)], [...raw]);
  const [decoded] = decodeAllSplits(bytes, () => new ClientItemDecoder(() => ctx));
  assert.equal(decoded?.kind, "bind");
  if (decoded?.kind !== "bind") return;
  const [lob, mode] = decoded.parameters;
  assert.equal(lob?.typeName, "clob");
  assert.deepEqual([...lob.payload!], [...raw]);
  assert.deepEqual(decodeBindPayload(lob.payload!, lob!), raw, "an opaque value decodes to its bytes");
  assert.equal(decodeBindPayload(mode.payload!, mode!), 4);
});
