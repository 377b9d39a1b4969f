// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// BSON documents (bsonspec.org 1.1), the payload of IDS's BSON type (bson.ts). All integers
// are little-endian. document = i32 total length + elements + 00; element = u8 kind +
// cstring key + value. Kinds and their JS values:
//   01 double → number          02 string (i32 length incl. NUL + UTF-8 + 00) → string
//   03 document → plain object   04 array (a document keyed "0","1",…) → array
//   05 binary (i32 length + u8 subtype + bytes) → Uint8Array (the subtype is not kept)
//   07 ObjectId (12 bytes) → BsonObjectId   08 boolean (u8 0/1) → boolean
//   09 UTC datetime (i64 ms) → Date          0A null → null   (06 undefined → null)
//   10 int32 → number            11 timestamp (u64) → bigint  12 int64 → bigint
// Encoding is in bson-encode.ts. Anything else (decimal128, regex, code, min/max key) is a
// TypeCodecError UNSUPPORTED_TYPE, never a wrong value.

import { TypeCodecError } from "./type-codec-error.js";

export const DOUBLE = 0x01;
export const STRING = 0x02;
export const DOCUMENT = 0x03;
export const ARRAY = 0x04;
export const BINARY = 0x05;
const UNDEFINED = 0x06;
export const OBJECT_ID = 0x07;
export const BOOLEAN = 0x08;
export const DATETIME = 0x09;
export const NULL = 0x0a;
export const INT32 = 0x10;
const TIMESTAMP = 0x11;
export const INT64 = 0x12;
export const OBJECT_ID_BYTES = 12;
/** Smallest document: i32 length + terminating 00. */
const MIN_DOCUMENT = 5;

const utf8Decoder = new TextDecoder("utf-8", { fatal: true });

/** A BSON ObjectId (12 bytes); `toString()` is its 24-digit hex. */
export class BsonObjectId {
  readonly bytes: Uint8Array;
  constructor(bytes: Uint8Array) {
    if (bytes.length !== OBJECT_ID_BYTES) throw new TypeCodecError("INVALID_VALUE", "an ObjectId is 12 bytes");
    this.bytes = bytes.slice();
  }
  /** An ObjectId from its 24 hex digits. */
  static fromHex(hex: string): BsonObjectId {
    if (!/^[0-9a-fA-F]{24}$/.test(hex)) throw new TypeCodecError("INVALID_VALUE", "an ObjectId is 24 hex digits");
    const bytes = new Uint8Array(OBJECT_ID_BYTES);
    for (let i = 0; i < OBJECT_ID_BYTES; i++) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
    return new BsonObjectId(bytes);
  }
  toString(): string {
    return [...this.bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  }
  toJSON(): { $oid: string } {
    return { $oid: this.toString() };
  }
}

function bad(message: string): TypeCodecError {
  return new TypeCodecError("INVALID_ENCODING", `BSON: ${message}`);
}

function cstringEnd(bytes: Uint8Array, at: number, end: number): number {
  const nul = bytes.indexOf(0, at);
  if (nul < 0 || nul >= end) throw bad("unterminated key");
  return nul;
}

function readDocument(bytes: Uint8Array, view: DataView, at: number, end: number, asArray: boolean): unknown {
  if (at + MIN_DOCUMENT > end) throw bad("truncated document");
  const length = view.getInt32(at, true);
  const docEnd = at + length;
  if (length < MIN_DOCUMENT || docEnd > end || bytes[docEnd - 1] !== 0) throw bad(`bad document length ${length}`);
  const out: Record<string, unknown> = {};
  const list: unknown[] = [];
  let p = at + 4;
  while (p < docEnd - 1) {
    const kind = bytes[p]!;
    const nul = cstringEnd(bytes, p + 1, docEnd);
    const key = utf8Decoder.decode(bytes.subarray(p + 1, nul));
    p = nul + 1;
    const need = (n: number): void => {
      if (p + n > docEnd - 1) throw bad(`truncated value of "${key}"`);
    };
    let value: unknown;
    switch (kind) {
      case DOUBLE:
        need(8);
        value = view.getFloat64(p, true);
        p += 8;
        break;
      case STRING: {
        need(4);
        const n = view.getInt32(p, true);
        if (n < 1) throw bad(`bad string length ${n}`);
        need(4 + n);
        if (bytes[p + 3 + n] !== 0) throw bad("unterminated string");
        value = utf8Decoder.decode(bytes.subarray(p + 4, p + 3 + n));
        p += 4 + n;
        break;
      }
      case DOCUMENT:
      case ARRAY: {
        need(MIN_DOCUMENT);
        const n = view.getInt32(p, true);
        value = readDocument(bytes, view, p, docEnd - 1, kind === ARRAY);
        p += n;
        break;
      }
      case BINARY: {
        need(5);
        const n = view.getInt32(p, true);
        if (n < 0) throw bad(`bad binary length ${n}`);
        need(5 + n);
        value = bytes.slice(p + 5, p + 5 + n);
        p += 5 + n;
        break;
      }
      case OBJECT_ID:
        need(OBJECT_ID_BYTES);
        value = new BsonObjectId(bytes.subarray(p, p + OBJECT_ID_BYTES));
        p += OBJECT_ID_BYTES;
        break;
      case BOOLEAN:
        need(1);
        value = bytes[p] !== 0;
        p += 1;
        break;
      case DATETIME:
        need(8);
        value = new Date(Number(view.getBigInt64(p, true)));
        p += 8;
        break;
      case NULL:
      case UNDEFINED:
        value = null;
        break;
      case INT32:
        need(4);
        value = view.getInt32(p, true);
        p += 4;
        break;
      case TIMESTAMP:
        need(8);
        value = view.getBigUint64(p, true);
        p += 8;
        break;
      case INT64:
        need(8);
        value = view.getBigInt64(p, true);
        p += 8;
        break;
      default:
        throw new TypeCodecError("UNSUPPORTED_TYPE", `BSON element type 0x${kind.toString(16)} is not supported`);
    }
    if (asArray) list.push(value);
    else out[key] = value;
  }
  return asArray ? list : out;
}

/** The plain object of a BSON document; throws TypeCodecError on malformed bytes. */
export function decodeBson(bytes: Uint8Array, offset = 0, end = bytes.length): Record<string, unknown> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const doc = readDocument(bytes, view, offset, end, false) as Record<string, unknown>;
  const length = view.getInt32(offset, true);
  if (offset + length !== end) throw bad(`${end - offset - length} bytes after the document`);
  return doc;
}
