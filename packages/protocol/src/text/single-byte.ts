// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Single-byte code sets (ISO 8859-x, Windows 125x): bytes below 0x80 are ASCII, the upper
// half comes from a generated 128-character table. Encoding looks characters up in the
// inverted table, built once per code set on first use. ASCII runs decode as Latin-1 (same bytes).

import { SINGLE_BYTE_TABLES } from "../generated/single-byte-tables.js";
import { latin1, type TextCodec, unmappableCharacter } from "./code-pages.js";

const UNDEFINED = "\ufffd";

/** A codec for one of the generated tables, or undefined when there is no such table. */
export function singleByteCodec(name: string): TextCodec | undefined {
  const upper = SINGLE_BYTE_TABLES[name];
  if (upper === undefined) return undefined;
  let reverse: Map<number, number> | undefined;
  const lookup = (): Map<number, number> => {
    if (reverse === undefined) {
      reverse = new Map();
      for (let i = 0; i < 128; i++) if (upper[i] !== UNDEFINED) reverse.set(upper.charCodeAt(i), 0x80 + i);
    }
    return reverse;
  };
  return {
    name,
    maxBytesPerChar: 1,
    encode(text: string): Uint8Array {
      const out = new Uint8Array(text.length);
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c < 0x80) {
          out[i] = c;
          continue;
        }
        const b = lookup().get(c);
        if (b === undefined) throw unmappableCharacter(text, i, name);
        out[i] = b;
      }
      return out;
    },
    decode(bytes: Uint8Array): string {
      let s = "";
      let run = 0; // start of the current ASCII run
      for (let i = 0; i < bytes.length; i++) {
        const b = bytes[i]!;
        if (b < 0x80) continue;
        s += latin1.decode(bytes.subarray(run, i)) + upper[b - 0x80];
        run = i + 1;
      }
      return run === 0 ? latin1.decode(bytes) : s + latin1.decode(bytes.subarray(run));
    },
  };
}
