// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// BSON encoder: a plain object → BSON document bytes (the layout and JS mapping are in
// bson-document.ts). Integral numbers in int32 range → int32, other numbers → double,
// bigint → int64, Date → UTC datetime, Uint8Array → binary subtype 00, BsonObjectId →
// ObjectId, arrays → array documents; undefined members are left out.

import {
  ARRAY,
  BINARY,
  BOOLEAN,
  BsonObjectId,
  DATETIME,
  DOCUMENT,
  DOUBLE,
  INT32,
  INT64,
  NULL,
  OBJECT_ID,
  STRING,
} from "./bson-document.js";
import { TypeCodecError } from "./type-codec-error.js";

const I32_MIN = -2147483648;
const I32_MAX = 2147483647;
const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;
const utf8Encoder = new TextEncoder();

class Writer {
  private buf = new Uint8Array(64);
  private view = new DataView(this.buf.buffer);
  length = 0;
  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.length + n));
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }
  u8(v: number): void {
    this.room(1);
    this.buf[this.length++] = v;
  }
  i32(v: number, at = this.length): void {
    if (at === this.length) this.room(4);
    this.view.setInt32(at, v, true);
    if (at === this.length) this.length += 4;
  }
  i64(v: bigint): void {
    this.room(8);
    this.view.setBigInt64(this.length, v, true);
    this.length += 8;
  }
  f64(v: number): void {
    this.room(8);
    this.view.setFloat64(this.length, v, true);
    this.length += 8;
  }
  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }
  cstring(s: string): void {
    const b = utf8Encoder.encode(s);
    if (b.includes(0)) throw new TypeCodecError("INVALID_VALUE", "BSON: a key cannot hold a NUL character");
    this.bytes(b);
    this.u8(0);
  }
  patch(at: number, v: number): void {
    this.buf[at] = v;
  }
  take(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

function writeElement(w: Writer, key: string, value: unknown): void {
  if (value === undefined) return;
  const kindAt = w.length;
  w.u8(0);
  w.cstring(key);
  let kind: number;
  if (value === null) kind = NULL;
  else if (typeof value === "boolean") {
    kind = BOOLEAN;
    w.u8(value ? 1 : 0);
  } else if (typeof value === "number") {
    if (Number.isInteger(value) && value >= I32_MIN && value <= I32_MAX && !Object.is(value, -0)) {
      kind = INT32;
      w.i32(value);
    } else {
      kind = DOUBLE;
      w.f64(value);
    }
  } else if (typeof value === "bigint") {
    if (value < I64_MIN || value > I64_MAX) throw new TypeCodecError("INVALID_VALUE", "BSON: bigint beyond int64");
    kind = INT64;
    w.i64(value);
  } else if (typeof value === "string") {
    kind = STRING;
    const b = utf8Encoder.encode(value);
    w.i32(b.length + 1);
    w.bytes(b);
    w.u8(0);
  } else if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new TypeCodecError("INVALID_VALUE", "BSON: invalid Date");
    kind = DATETIME;
    w.i64(BigInt(value.getTime()));
  } else if (value instanceof BsonObjectId) {
    kind = OBJECT_ID;
    w.bytes(value.bytes);
  } else if (value instanceof Uint8Array) {
    kind = BINARY;
    w.i32(value.length);
    w.u8(0);
    w.bytes(value);
  } else if (Array.isArray(value)) {
    kind = ARRAY;
    writeDocument(
      w,
      value.map((v, i) => [String(i), v] as const),
    );
  } else if (typeof value === "object") {
    kind = DOCUMENT;
    writeDocument(w, Object.entries(value));
  } else {
    throw new TypeCodecError("INVALID_VALUE", `BSON: a ${typeof value} has no BSON form`);
  }
  w.patch(kindAt, kind);
}

function writeDocument(w: Writer, entries: Iterable<readonly [string, unknown]>): void {
  const start = w.length;
  w.i32(0);
  for (const [k, v] of entries) writeElement(w, k, v);
  w.u8(0);
  w.i32(w.length - start, start);
}

/** The BSON bytes of a plain object (its own enumerable members, in order). */
export function encodeBson(doc: Readonly<Record<string, unknown>>): Uint8Array {
  if (doc === null || typeof doc !== "object" || Array.isArray(doc) || doc instanceof Uint8Array)
    throw new TypeCodecError("INVALID_VALUE", "BSON: a document is a plain object");
  const w = new Writer();
  writeDocument(w, Object.entries(doc));
  return w.take();
}
