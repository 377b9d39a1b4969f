// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// BYTE/TEXT data chunks, both directions:
//
// SQ_BBIND (41)   client: i16 number of BYTE/TEXT parameters whose data follows
// SQ_BLOB (39)    i16 length, bytes, pad to even; a zero length ends one blob
// SQ_FETCHBLOB (38) client: the 56-byte blob descriptor of a fetched BYTE/TEXT value

import { SQ_BBIND, SQ_BLOB, SQ_FETCHBLOB } from "../constants/opcodes.js";
import type { ByteReader } from "../io/byte-reader.js";
import type { ByteWriter } from "../io/byte-writer.js";
import { BLOB_DESCRIPTOR_SIZE } from "./bind.js";

export interface BBindMessage {
  readonly kind: "bbind";
  readonly count: number;
}

export interface BlobMessage {
  readonly kind: "blob";
  readonly data: Uint8Array;
}

export interface FetchBlobMessage {
  readonly kind: "fetchblob";
  readonly descriptor: Uint8Array;
}

export function encodeBBind(msg: BBindMessage, w: ByteWriter): void {
  w.u16(SQ_BBIND).i16(msg.count);
}

export function decodeBBind(r: ByteReader): BBindMessage {
  return { kind: "bbind", count: r.i16() };
}

export function encodeBlob(msg: BlobMessage, w: ByteWriter): void {
  w.u16(SQ_BLOB).u16(msg.data.length).bytes(msg.data).padTo2(msg.data.length);
}

export function decodeBlob(r: ByteReader): BlobMessage {
  const n = r.u16();
  const data = r.bytes(n).slice();
  r.padTo2(n);
  return { kind: "blob", data };
}

export function encodeFetchBlob(msg: FetchBlobMessage, w: ByteWriter): void {
  w.u16(SQ_FETCHBLOB).bytes(msg.descriptor);
}

export function decodeFetchBlob(r: ByteReader): FetchBlobMessage {
  return { kind: "fetchblob", descriptor: r.bytes(BLOB_DESCRIPTOR_SIZE).slice() };
}
