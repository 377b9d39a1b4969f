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
//
// A fetch reply is mostly SQ_TUPLEs back to back. decodeTupleRun() takes every whole one
// buffered at the reader's position in one pass and records where each body lies in the
// reader's buffer (no message object, no view, no rewind point per row); anything it does
// not take (another message, a partial tuple, a size the checked path must refuse) is left
// for the item decoder's ordinary next().

import { SQ_TUPID, SQ_TUPLE } from "../constants/opcodes.js";
import type { ByteReader } from "../io/byte-reader.js";
import type { ByteWriter } from "../io/byte-writer.js";

export interface TupleMessage {
  readonly kind: "tuple";
  readonly warnings: number;
  /** The column values, back to back (a view; copy it to keep it past the next read). */
  readonly data: Uint8Array;
}

/**
 * SQ_TUPLE bodies of one reply as ranges: body i is `buffers[i][starts[i], ends[i])`. The
 * reader never overwrites bytes it handed out, so the ranges stay valid after later reads.
 */
export interface TupleRun {
  readonly buffers: Uint8Array[];
  readonly starts: number[];
  readonly ends: number[];
}

/** An empty run to collect into. */
export function tupleRun(): TupleRun {
  return { buffers: [], starts: [], ends: [] };
}

/** Body i of a run as a view (for the paths that want one Uint8Array per row). */
export function tupleAt(run: TupleRun, i: number): Uint8Array {
  return run.buffers[i]!.subarray(run.starts[i], run.ends[i]);
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

/** Bytes before a SQ_TUPLE body: u16 code, i16 warnings, i32 size. */
const TUPLE_HEAD = 8;

/**
 * Appends to `run` every whole SQ_TUPLE buffered at the reader's position (which must be
 * between messages) and consumes them. Returns how many it took.
 */
export function decodeTupleRun(r: ByteReader, run: TupleRun): number {
  const buf = r.buffer;
  const limit = r.limit;
  const max = r.maxItemBytes;
  let pos = r.position;
  let taken = 0;
  while (limit - pos >= TUPLE_HEAD && buf[pos] === 0 && buf[pos + 1] === SQ_TUPLE) {
    const size = (buf[pos + 4]! << 24) | (buf[pos + 5]! << 16) | (buf[pos + 6]! << 8) | buf[pos + 7]!;
    if (size < 0 || size > max) break;
    const start = pos + TUPLE_HEAD;
    const next = start + size + (size & 1);
    if (next > limit) break;
    run.buffers.push(buf);
    run.starts.push(start);
    run.ends.push(start + size);
    pos = next;
    taken++;
  }
  if (taken > 0) r.consumeTo(pos);
  return taken;
}

export function encodeTupId(msg: TupIdMessage, w: ByteWriter): void {
  w.u16(SQ_TUPID).i32(msg.position);
}

export function decodeTupId(r: ByteReader): TupIdMessage {
  return { kind: "tupid", position: r.i32() };
}
