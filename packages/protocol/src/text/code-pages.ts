// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Character data after login travels in the database code set (DB_LOCALE); the client
// converts. These codecs turn strings into bytes of one code set and back.
//
// Encoding never substitutes: a character the code set lacks is a TypeCodecError
// UNMAPPABLE_CHARACTER naming the character and the code set (IDS answers such bytes with
// -202 on the server side). Decoding never fails: bytes a code set leaves undefined decode
// to U+FFFD, because a driver must still be able to read rows a lenient server stored.

import { TypeCodecError } from "../types/type-codec-error.js";

export interface TextCodec {
  /** The Informix code-set name this codec serves, e.g. "8859-1", "utf8", "cp1252", "sjis-s". */
  readonly name: string;
  /** The most bytes one character takes (1 for the single-byte sets). */
  readonly maxBytesPerChar: number;
  encode(text: string): Uint8Array;
  decode(bytes: Uint8Array): string;
}

/** The error for a character that `codeSet` cannot represent. */
export function unmappableCharacter(text: string, index: number, codeSet: string): TypeCodecError {
  const cp = text.codePointAt(index) ?? 0;
  const hex = cp.toString(16).toUpperCase().padStart(4, "0");
  const shown = cp >= 0xd800 && cp <= 0xdfff ? "a lone surrogate" : `"${String.fromCodePoint(cp)}"`;
  return new TypeCodecError(
    "UNMAPPABLE_CHARACTER",
    `character U+${hex} (${shown}) at index ${index} is not in code set ${codeSet}`,
  );
}

/** ISO-8859-1 (Informix code set 819): one byte per character, the byte is the code point. */
export const latin1: TextCodec = {
  name: "8859-1",
  maxBytesPerChar: 1,
  encode(text: string): Uint8Array {
    const out = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c > 0xff) throw unmappableCharacter(text, i, "8859-1");
      out[i] = c;
    }
    return out;
  },
  decode(bytes: Uint8Array): string {
    let s = "";
    for (let i = 0; i < bytes.length; i += 4096) {
      s += String.fromCharCode.apply(null, bytes.subarray(i, i + 4096) as unknown as number[]);
    }
    return s;
  },
};

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder("utf-8");
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** UTF-8 (Informix code set 57372, "utf8"). A lone surrogate is not a character: it is refused. */
export const utf8: TextCodec = {
  name: "utf8",
  maxBytesPerChar: 4,
  encode(text: string): Uint8Array {
    const lone = LONE_SURROGATE.exec(text);
    if (lone !== null) throw unmappableCharacter(text, lone.index, "utf8");
    return utf8Encoder.encode(text);
  },
  decode: (bytes) => utf8Decoder.decode(bytes),
};

/**
 * Protocol strings that are ASCII by construction (login fields, cursor names, type names):
 * Latin-1 bytes, so that any byte a peer sends survives a decode/encode round trip.
 */
export const ascii = latin1;
