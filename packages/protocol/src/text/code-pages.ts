// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Character data after login travels in the database code set (DB_LOCALE); the client
// converts. These codecs turn strings into bytes of one code set and back.

export interface TextCodec {
  /** The locale code-set name this codec serves, e.g. "8859-1" or "utf8". */
  readonly name: string;
  encode(text: string): Uint8Array;
  decode(bytes: Uint8Array): string;
}

/** ISO-8859-1 (Informix code set 819): one byte per character. */
export const latin1: TextCodec = {
  name: "8859-1",
  encode(text: string): Uint8Array {
    const out = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      out[i] = c <= 0xff ? c : 0x3f; // '?' for characters the code set lacks
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

/** UTF-8 (Informix code set 57372, "utf8"). */
export const utf8: TextCodec = {
  name: "utf8",
  encode: (text) => utf8Encoder.encode(text),
  decode: (bytes) => utf8Decoder.decode(bytes),
};

/** Latin-1 for ASCII-only protocol strings (login fields, cursor names). */
export const ascii = latin1;

/**
 * Picks the codec of a locale name such as `en_US.8859-1`, `en_US.819`, `en_US.utf8`
 * or `en_US.57372`. Unknown code sets fall back to Latin-1, which never loses bytes.
 */
export function codecForLocale(locale: string | undefined): TextCodec {
  const codeset = (locale ?? "").split(".")[1]?.toLowerCase() ?? "";
  if (codeset === "utf8" || codeset === "utf-8" || codeset === "57372") return utf8;
  return latin1;
}
