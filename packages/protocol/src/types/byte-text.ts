// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// BYTE (11) and TEXT (12), the simple large objects. Neither a tuple nor SQ_BIND carries
// the value: both carry a blob descriptor (CSDK blob.h `tblob_t`, big-endian;
// docs/protocol/blobs.md), and the bytes travel apart, as SQ_BLOB chunks after SQ_BBIND
// (bind) or in the reply to SQ_FETCHBLOB (fetch). Its size depends on the session:
//
// 56 bytes (no feature 70; informix-driver's offer) [CSDK blob.h]:
//   0 i16 tb_fd   2 i16 tb_coloff   4 i32 tb_tblspace   8 i32 tb_start   12 i32 tb_end
//   16 i32 tb_size (the value's length)   20 i32 tb_addr   24 i32 tb_family
//   28 i32 tb_volume   32 i16 tb_medium   34 u16 tb_bstamp   36 i16 tb_sockid
//   38 i16 tb_flags: 0x0001 NULL, 0x0004 in a blobspace, 0x0008 in the table
//   40..55 reserved
// 68 bytes (feature 70, long row ids, which IBM JDBC 15 and this driver offer): the same
//   fields at the same offsets and 12 more reserved bytes, as far as IBM JDBC shows: it
//   reads the NULL flag at byte 39 and the extent below at 8..15 of a 68-byte descriptor,
//   and sends the 68 bytes back unchanged in SQ_FETCHBLOB [JDBC oracle; no server capture].
//   (Its own binds put a BYTE value's length at 32..35, which the emulator does not read.)
// tb_start/tb_end give the value's first and last byte: IBM JDBC sizes the buffer it reads
// the SQ_BLOB chunks into from them (tb_end - tb_start + 1) and fails with "Write Fault"
// when they say 0 [JDBC oracle], so a descriptor of n bytes says 0 and n - 1.
//
// NULL in a tuple is a descriptor with the NULL flag (the Python driver reads byte 39); in
// SQ_BIND it is indicator -1 with no descriptor. The JS value of the tuple form is the
// descriptor's bytes (a copy): the driver swaps it for the fetched value (a Uint8Array for
// BYTE, a string for TEXT), the emulator reads its own address back out of it. The codec
// sizes a descriptor by the column's encodedLength, which the row layouts of both sides set
// with blobDescriptorBytes(context); the bind reader (messages/bind.ts) uses the context.

import { SQLBYTES, SQLTEXT } from "../constants/type-codes.js";
import type { TypeCodec } from "./codec.js";
import { TypeCodecError } from "./type-codec-error.js";

/** Bytes of a blob descriptor without and with the long-row-id feature (70). */
export const BLOB_DESCRIPTOR_BYTES = 56;
export const LONG_BLOB_DESCRIPTOR_BYTES = 68;
/** tb_flags bits. */
export const BLOB_FLAG_NULL = 0x0001;
export const BLOB_FLAG_IN_BLOBSPACE = 0x0004;
export const BLOB_FLAG_IN_TABLE = 0x0008;

/** Where the fields sit (the 68-byte layout keeps the 56-byte one's offsets, as IBM JDBC reads it). */
interface Offsets {
  readonly size: number;
  readonly address: number;
  readonly family: number;
  readonly flags: number;
}
const SHORT: Offsets = { size: 16, address: 20, family: 24, flags: 38 };
const LONG: Offsets = SHORT;
const START_AT = 8;
const END_AT = 12;

/** The descriptor size of a session: 68 bytes with long row ids (feature 70), else 56. */
export function blobDescriptorBytes(ctx: { readonly longRowId: boolean }): number {
  return ctx.longRowId ? LONG_BLOB_DESCRIPTOR_BYTES : BLOB_DESCRIPTOR_BYTES;
}

function offsetsFor(length: number): Offsets {
  if (length === BLOB_DESCRIPTOR_BYTES) return SHORT;
  if (length === LONG_BLOB_DESCRIPTOR_BYTES) return LONG;
  throw new TypeCodecError("INVALID_ENCODING", `a blob descriptor of ${length} bytes, not 56 or 68`);
}

/** The fields of a descriptor that clients and the emulator use. */
export interface BlobDescriptorFields {
  /** tb_size: the value's length in bytes. */
  readonly size: number;
  /** tb_addr: where the server keeps it (the emulator's blob number). */
  readonly address?: number;
  /** tb_family: a second address word (the emulator's blobspace number). */
  readonly family?: number;
  readonly flags?: number;
}

/** A descriptor of `length` (56 or 68) bytes with these fields and zeros elsewhere (a client binds only the size). */
export function makeBlobDescriptor(fields: BlobDescriptorFields, length = BLOB_DESCRIPTOR_BYTES): Uint8Array {
  if (!Number.isInteger(fields.size) || fields.size < 0 || fields.size > 0x7fffffff)
    throw new TypeCodecError("VALUE_OUT_OF_RANGE", `a BYTE/TEXT value of ${fields.size} bytes does not fit tb_size`);
  const at = offsetsFor(length);
  const bytes = new Uint8Array(length);
  const view = new DataView(bytes.buffer);
  view.setInt32(at.size, fields.size);
  view.setInt32(START_AT, 0);
  view.setInt32(END_AT, fields.size - 1);
  view.setInt32(at.address, fields.address ?? 0);
  view.setInt32(at.family, fields.family ?? 0);
  view.setInt16(at.flags, fields.flags ?? 0);
  return bytes;
}

/** The fields of a 56- or 68-byte descriptor; throws INVALID_ENCODING for another length. */
export function readBlobDescriptor(bytes: Uint8Array): Required<BlobDescriptorFields> {
  const at = offsetsFor(bytes.length);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  return {
    size: view.getInt32(at.size),
    address: view.getInt32(at.address),
    family: view.getInt32(at.family),
    flags: view.getInt16(at.flags),
  };
}

/** The same descriptor in the other layout (56 ⇄ 68 bytes); fields outside BlobDescriptorFields are dropped. */
export function resizeBlobDescriptor(bytes: Uint8Array, length: number): Uint8Array {
  return bytes.length === length ? bytes : makeBlobDescriptor(readBlobDescriptor(bytes), length);
}

/** True when a descriptor (of `length` bytes at `offset`) says NULL. */
export function isNullBlobDescriptor(bytes: Uint8Array, offset = 0, length = bytes.length - offset): boolean {
  return ((bytes[offset + offsetsFor(length).flags + 1] ?? 0) & BLOB_FLAG_NULL) !== 0;
}

const descriptorSize = (column: { readonly encodedLength: number }) =>
  column.encodedLength === LONG_BLOB_DESCRIPTOR_BYTES ? LONG_BLOB_DESCRIPTOR_BYTES : BLOB_DESCRIPTOR_BYTES;

const NULL_DESCRIPTORS = new Map([
  [BLOB_DESCRIPTOR_BYTES, makeBlobDescriptor({ size: 0, flags: BLOB_FLAG_NULL })],
  [LONG_BLOB_DESCRIPTOR_BYTES, makeBlobDescriptor({ size: 0, flags: BLOB_FLAG_NULL }, LONG_BLOB_DESCRIPTOR_BYTES)],
]);

function checkDescriptor(value: Uint8Array, length?: number): Uint8Array {
  if (
    !(value instanceof Uint8Array) ||
    (length === undefined ? !NULL_DESCRIPTORS.has(value.length) : value.length !== length)
  )
    throw new TypeCodecError("INVALID_VALUE", `a BYTE/TEXT slot holds a ${length ?? "56- or 68"}-byte blob descriptor`);
  return value;
}

/** BYTE and TEXT: the tuple and bind forms are the descriptor; values are its bytes. */
export const byteTextCodec: TypeCodec<Uint8Array> = {
  name: "BYTE",
  baseTypes: [SQLBYTES, SQLTEXT],
  usesView: false,
  tupleSize: (column) => descriptorSize(column),
  decode(bytes, _view, offset, size) {
    if (isNullBlobDescriptor(bytes, offset, size)) return null;
    return bytes.slice(offset, offset + size);
  },
  encode(value, column, out) {
    const size = descriptorSize(column);
    out.bytes(value === null ? NULL_DESCRIPTORS.get(size)! : checkDescriptor(value, size));
  },
  // libsqli sends precision 56, the Python driver 0, IBM JDBC 56 for BYTE and 0 for TEXT;
  // the emulator reads none of them.
  bindSlot: (value) => ({ type: SQLBYTES, precision: value.length }),
  encodeBind(value, _slot, out) {
    out.bytes(checkDescriptor(value));
  },
  readBind: (reader, slot) =>
    reader.bytes(slot.precision === LONG_BLOB_DESCRIPTOR_BYTES ? LONG_BLOB_DESCRIPTOR_BYTES : BLOB_DESCRIPTOR_BYTES),
  decodeBind: (payload) => checkDescriptor(payload.slice()),
};
