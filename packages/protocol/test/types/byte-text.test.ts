// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 9: the BYTE/TEXT blob descriptor (56 bytes, 68 with long row ids) and the blob
// messages, from bytes: the fields IBM JDBC and informix-driver read, NULL, the two
// layouts, SQ_BIND of BYTE/TEXT parameters in both, and SQ_BLOB limits.

import assert from "node:assert/strict";
import { test } from "node:test";
import {
  BLOB_FLAG_IN_BLOBSPACE,
  BLOB_FLAG_NULL,
  ByteReader,
  ByteWriter,
  byteTextCodec,
  ClientItemDecoder,
  compileRowLayout,
  contextFromFeatures,
  encodeClientMessage,
  IDS15_SERVER_FEATURES,
  intersectFeatures,
  isNullBlobDescriptor,
  JDBC_CLIENT_FEATURES,
  makeBlobDescriptor,
  readBlobDescriptor,
  resizeBlobDescriptor,
  typeCodes as T,
  TypeCodecError,
} from "../../src/index.js";
import { decodeAllSplits, hex, toHex } from "../helpers/chunks.js";

/** informix-driver's offer (8 bytes: no feature 70) and IBM JDBC's (9 bytes: 69 and 70). */
const python = contextFromFeatures(intersectFeatures(JDBC_CLIENT_FEATURES, IDS15_SERVER_FEATURES));
const jdbc = contextFromFeatures(
  intersectFeatures(Uint8Array.of(...JDBC_CLIENT_FEATURES, 0x06), IDS15_SERVER_FEATURES),
);

test("issue 9: a descriptor carries tb_start 0, tb_end size-1, tb_size, tb_addr, tb_family and tb_flags at blob.h's offsets", () => {
  const d = makeBlobDescriptor({ size: 65537, address: 3, family: 0x01020304, flags: BLOB_FLAG_IN_BLOBSPACE });
  assert.equal(
    toHex(d),
    toHex(
      hex(`00 00 00 00 00 00 00 00  00 00 00 00 00 01 00 00  00 01 00 01 00 00 00 03  01 02 03 04 00 00 00 00
           00 00 00 00 00 00 00 04  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00`),
    ),
  );
  assert.deepEqual(readBlobDescriptor(d), { size: 65537, address: 3, family: 0x01020304, flags: 4 });
  const long = resizeBlobDescriptor(d, 68);
  assert.equal(long.length, 68);
  assert.equal(toHex(long.subarray(0, 56)), toHex(d), "the 68-byte form keeps the offsets, 12 more bytes at the end");
  assert.deepEqual(readBlobDescriptor(long), readBlobDescriptor(d));
  assert.throws(() => readBlobDescriptor(new Uint8Array(57)), TypeCodecError);
  assert.throws(() => makeBlobDescriptor({ size: -1 }), TypeCodecError);
});

test("issue 9: tuple form: NULL is the flag at byte 39 (what informix-driver reads), in both layouts", () => {
  for (const length of [56, 68]) {
    const column = { type: T.SQLBYTES, encodedLength: length };
    const layout = compileRowLayout([{ type: T.SQLINT, encodedLength: 4 }, column, column]);
    const w = new ByteWriter();
    const value = makeBlobDescriptor({ size: 5, address: 9 }, length);
    layout.encodeRow([7, null, value], w);
    const row = w.take();
    assert.equal(row.length, 4 + 2 * length);
    assert.equal(row[4 + 39], BLOB_FLAG_NULL);
    assert.ok(isNullBlobDescriptor(row, 4, length));
    assert.deepEqual(layout.decodeRow(row), [7, null, value]);
  }
  assert.throws(() =>
    byteTextCodec.encode(new Uint8Array(10), { type: T.SQLTEXT, encodedLength: 56 }, new ByteWriter()),
  );
});

test("issue 9: SQ_BIND of BYTE/TEXT reads a 56-byte descriptor, or 68 with long row ids (IBM JDBC)", () => {
  for (const ctx of [python, jdbc]) {
    const length = ctx.longRowId ? 68 : 56;
    const bind = {
      kind: "bind" as const,
      parameters: [
        { type: T.SQLINT, indicator: 0, precision: 0, payload: Uint8Array.of(0, 0, 0, 1) },
        { type: T.SQLBYTES, indicator: 0, precision: 56, payload: makeBlobDescriptor({ size: 3 }, length) },
        { type: T.SQLTEXT, indicator: -1, precision: 0, payload: null },
      ],
    };
    const w = new ByteWriter();
    encodeClientMessage({ kind: "id", statementId: 0 }, ctx, w);
    encodeClientMessage(bind, ctx, w);
    encodeClientMessage({ kind: "bbind", count: 1 }, ctx, w);
    encodeClientMessage({ kind: "blob", data: Uint8Array.of(1, 2, 3) }, ctx, w);
    encodeClientMessage({ kind: "blob", data: new Uint8Array(0) }, ctx, w);
    const decoded = decodeAllSplits(w.take(), () => new ClientItemDecoder(() => ctx));
    assert.deepEqual(decoded, [
      { kind: "id", statementId: 0 },
      bind,
      { kind: "bbind", count: 1 },
      { kind: "blob", data: Uint8Array.of(1, 2, 3) },
      { kind: "blob", data: new Uint8Array(0) },
    ]);
  }
});

test("issue 9: SQ_BLOB is padded to even, holds at most 32767 bytes, and a negative length is refused", () => {
  const w = new ByteWriter();
  encodeClientMessage({ kind: "blob", data: Uint8Array.of(0xaa) }, python, w);
  assert.equal(toHex(w.take()), "0027 0001 aa00".replace(/ /g, ""));
  assert.throws(() => encodeClientMessage({ kind: "blob", data: new Uint8Array(32768) }, python, new ByteWriter()));
  const d = new ClientItemDecoder(() => python);
  d.push(hex("00 27 ff ff"));
  assert.throws(() => d.next());
  const r = new ByteReader();
  r.push(makeBlobDescriptor({ size: 1 }));
  assert.equal(byteTextCodec.readBind(r, { type: T.SQLBYTES, precision: 56 }).length, 56);
});
