// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// BYTE/TEXT data chunks, both directions:
//
// SQ_BBIND (41)   client: i16 number of BYTE/TEXT parameters whose data follows
// SQ_BLOB (39)    i16 length, bytes, pad to even; a zero length ends one blob. Clients send
//                 with SQ_BBIND after SQ_BIND, one run of chunks per BYTE/TEXT parameter; the
//                 server answers SQ_FETCHBLOB with one run. IBM JDBC and informix-driver
//                 cut values into 1024-byte chunks; the length is an i16, so at most 32767.
// SQ_FETCHBLOB (38) client, after SQ_ID: the blob descriptor (56 or 68 bytes) of a fetched BYTE/TEXT value

import type { ProtocolContext } from "../constants/capabilities.js";
import { SQ_BBIND, SQ_BLOB, SQ_FETCHBLOB } from "../constants/opcodes.js";
import type { ByteReader } from "../io/byte-reader.js";
import type { ByteWriter } from "../io/byte-writer.js";
import { blobDescriptorBytes } from "../types/byte-text.js";

/** The largest SQ_BLOB chunk: its length is read as an i16. */
export const MAX_BLOB_CHUNK = 0x7fff;

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
  if (msg.data.length > MAX_BLOB_CHUNK) throw new RangeError(`an SQ_BLOB chunk of ${msg.data.length} bytes`);
  w.u16(SQ_BLOB).u16(msg.data.length).bytes(msg.data).padTo2(msg.data.length);
}

export function decodeBlob(r: ByteReader): BlobMessage {
  const n = r.i16();
  if (n < 0) throw new RangeError(`an SQ_BLOB chunk of ${n} bytes`);
  const data = r.bytes(n).slice();
  r.padTo2(n);
  return { kind: "blob", data };
}

export function encodeFetchBlob(msg: FetchBlobMessage, w: ByteWriter): void {
  w.u16(SQ_FETCHBLOB).bytes(msg.descriptor);
}

/** The descriptor is 56 or 68 bytes as the session's feature 70 says (types/byte-text.ts); both are even. */
export function decodeFetchBlob(r: ByteReader, ctx: ProtocolContext): FetchBlobMessage {
  return { kind: "fetchblob", descriptor: r.bytes(blobDescriptorBytes(ctx)).slice() };
}
