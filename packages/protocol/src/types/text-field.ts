// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Character data shared by CHAR, VARCHAR, LVARCHAR and BOOLEAN: decoding a byte range in
// the database code set, and the one bind form every string parameter uses:
//   type 13 (VARCHAR), precision slot = byte length, payload = i16 length + bytes + pad
//   ("alpha" → 00 0D 00 00 00 05 00 05 61 6C 70 68 61 00) [impl libsqli, live inserts].
// The ASCII fast path assumes an ASCII-compatible code set (all Informix client code sets
// in text/code-pages.ts are); any byte ≥ 0x80 falls back to the TextCodec.

import { SQLBIGSERIAL, SQLINFXBIGINT, SQLSERIAL8, SQLTYPE_MASK } from "../constants/type-codes.js";
import type { ByteReader } from "../io/byte-reader.js";
import type { ByteWriter } from "../io/byte-writer.js";
import { latin1, type TextCodec } from "../text/code-pages.js";
import { TypeCodecError } from "./type-codec-error.js";

/** Longest string decoded byte-by-byte; longer ones go through the codec's bulk decode. */
const ASCII_FAST_PATH_MAX = 32;
const ASCII_LIMIT = 0x80;
/** Largest string bind payload: the length travels in a signed 16-bit field. */
export const MAX_BIND_TEXT_BYTES = 0x7fff;

/**
 * Decodes bytes [start, end) as text in `text` (Latin-1 when absent). Short ASCII strings
 * are built with String.fromCharCode over 8 (then 2, then 1) bytes at a time: no subarray,
 * no TextDecoder call, about half the cost of appending one character at a time.
 */
export function decodeTextRange(bytes: Uint8Array, start: number, end: number, text: TextCodec | undefined): string {
  if (end - start <= ASCII_FAST_PATH_MAX) {
    let seen = 0;
    for (let i = start; i < end; i++) seen |= bytes[i]!;
    if (seen < ASCII_LIMIT) return asciiString(bytes, start, end);
  }
  return (text ?? latin1).decode(bytes.subarray(start, end));
}

function asciiString(b: Uint8Array, start: number, end: number): string {
  let s = "";
  let i = start;
  for (; i + 8 <= end; i += 8) {
    s += String.fromCharCode(b[i]!, b[i + 1]!, b[i + 2]!, b[i + 3]!, b[i + 4]!, b[i + 5]!, b[i + 6]!, b[i + 7]!);
  }
  for (; i + 2 <= end; i += 2) s += String.fromCharCode(b[i]!, b[i + 1]!);
  if (i < end) s += String.fromCharCode(b[i]!);
  return s;
}

/** Encodes text in `text` (Latin-1 when absent). */
export function encodeText(value: string, text: TextCodec | undefined): Uint8Array {
  if (typeof value !== "string") throw new TypeCodecError("INVALID_VALUE", `expected a string, got ${typeof value}`);
  return (text ?? latin1).encode(value);
}

/** Encoded bytes of a string parameter, checked against the bind length limit. */
export function bindTextBytes(value: string, text: TextCodec | undefined): Uint8Array {
  const bytes = encodeText(value, text);
  if (bytes.length > MAX_BIND_TEXT_BYTES) {
    throw new TypeCodecError(
      "VALUE_OUT_OF_RANGE",
      `string parameter of ${bytes.length} bytes exceeds ${MAX_BIND_TEXT_BYTES}`,
    );
  }
  return bytes;
}

/** Writes a string bind payload: i16 length + bytes + pad. */
export function writeBindText(bytes: Uint8Array, out: ByteWriter): void {
  out.char(bytes);
}

/** Reads a string bind payload (i16 length + bytes + pad) and returns the bytes. */
export function readBindText(reader: ByteReader): Uint8Array {
  return reader.char();
}

/**
 * Reads the bind payload of an opaque-typed parameter (LVARCHAR 43, BOOLEAN 45, UDTs):
 * i32 length, bytes, pad to even. IBM JDBC sends LVARCHAR and BOOLEAN this way, with
 * the type's owner and name before the indicator (messages/bind.ts).
 */
export function readBindOpaque(reader: ByteReader): Uint8Array {
  const n = reader.i32();
  if (n < 0) throw new TypeCodecError("INVALID_ENCODING", `negative opaque bind length ${n}`);
  const bytes = reader.bytes(n);
  reader.padTo2(n);
  return bytes;
}

/** Named types (above SERIAL8, except BIGINT/BIGSERIAL) are i32-framed; text types are char-framed. */
export function readBindTextOrOpaque(reader: ByteReader, type: number): Uint8Array {
  const base = type & SQLTYPE_MASK;
  const named = base > SQLSERIAL8 && base !== SQLINFXBIGINT && base !== SQLBIGSERIAL;
  return named ? readBindOpaque(reader) : readBindText(reader);
}
