// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Row data, server -> client:
//
// SQ_TUPLE (14)   i16 warnings, i32 size, size bytes of column values, pad to even
// SQ_TUPID (25)   i32 1-based row position (scroll cursors, before the SQ_TUPLE)
//
// The values stay raw here: the row is decoded later, from the column descriptions,
// only when the consumer materialises it (types/tuple.ts).

import { SQ_TUPID, SQ_TUPLE } from "../constants/opcodes.js";
import type { ByteReader } from "../io/byte-reader.js";
import type { ByteWriter } from "../io/byte-writer.js";

export interface TupleMessage {
  readonly kind: "tuple";
  readonly warnings: number;
  /** The column values, back to back (a view; copy it to keep it past the next read). */
  readonly data: Uint8Array;
}

export interface TupIdMessage {
  readonly kind: "tupid";
  readonly position: number;
}

export function encodeTuple(msg: TupleMessage, w: ByteWriter): void {
  w.u16(SQ_TUPLE).i16(msg.warnings).i32(msg.data.length).bytes(msg.data).padTo2(msg.data.length);
}

export function decodeTuple(r: ByteReader): TupleMessage {
  const warnings = r.i16();
  const size = r.checkLength(r.i32(), "SQ_TUPLE size");
  const data = r.bytes(size);
  r.padTo2(size);
  return { kind: "tuple", warnings, data };
}

export function encodeTupId(msg: TupIdMessage, w: ByteWriter): void {
  w.u16(SQ_TUPID).i32(msg.position);
}

export function decodeTupId(r: ByteReader): TupIdMessage {
  return { kind: "tupid", position: r.i32() };
}
