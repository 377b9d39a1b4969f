// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Character data shared by CHAR, VARCHAR, LVARCHAR and BOOLEAN: decoding a byte range in
// the database code set, and the one bind form every string parameter uses:
//   type 13 (VARCHAR), precision slot = byte length, payload = i16 length + bytes + pad
//   ("alpha" → 00 0D 00 00 00 05 00 05 61 6C 70 68 61 00) [impl libsqli, live inserts].
// The ASCII fast path assumes an ASCII-compatible code set (all Informix client code sets
// in text/code-pages.ts are); any byte ≥ 0x80 falls back to the TextCodec.

import type { ByteReader } from "../io/byte-reader.js";
import type { ByteWriter } from "../io/byte-writer.js";
import { latin1, type TextCodec } from "../text/code-pages.js";
import { TypeCodecError } from "./type-codec-error.js";

/** Longest string decoded byte-by-byte; longer ones go through the codec's bulk decode. */
const ASCII_FAST_PATH_MAX = 32;
const ASCII_LIMIT = 0x80;
/** Largest string bind payload: the length travels in a signed 16-bit field. */
export const MAX_BIND_TEXT_BYTES = 0x7fff;

/** Decodes bytes [start, end) as text in `text` (Latin-1 when absent). */
export function decodeTextRange(bytes: Uint8Array, start: number, end: number, text: TextCodec | undefined): string {
  const n = end - start;
  if (n <= ASCII_FAST_PATH_MAX) {
    let s = "";
    let i = start;
    for (; i < end; i++) {
      const c = bytes[i]!;
      if (c >= ASCII_LIMIT) break;
      s += String.fromCharCode(c);
    }
    if (i === end) return s;
  }
  return (text ?? latin1).decode(bytes.subarray(start, end));
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
