// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The CJK code sets, decoded by the runtime's TextDecoder (WHATWG encodings) and encoded
// by our own reverse table: TextEncoder only writes UTF-8. The table is built on first
// use by decoding every one- and two-byte sequence the set's byte ranges allow (about
// 24,000 decodes, a few tens of milliseconds, once per code set and process).

import { type TextCodec, unmappableCharacter } from "./code-pages.js";

type Range = readonly [number, number];

export interface MultiByteSpec {
  /** The WHATWG label the runtime's TextDecoder knows the set by. */
  readonly label: string;
  /** Single bytes above ASCII that are characters (Shift-JIS half-width katakana). */
  readonly single: readonly Range[];
  /** Lead and trail byte ranges of the two-byte characters. */
  readonly lead: readonly Range[];
  readonly trail: readonly Range[];
  /** Two-byte sequences with a fixed first byte outside `lead` (EUC-JP 0x8E + katakana). */
  readonly prefixed?: { readonly prefix: number; readonly trail: Range };
}

function* bytesIn(ranges: readonly Range[]): Generator<number> {
  for (const [lo, hi] of ranges) for (let b = lo; b <= hi; b++) yield b;
}

function buildReverse(spec: MultiByteSpec): Map<string, Uint8Array> {
  const decoder = new TextDecoder(spec.label);
  const reverse = new Map<string, Uint8Array>();
  const add = (bytes: Uint8Array): void => {
    const s = decoder.decode(bytes);
    // One character (a surrogate pair counts as one), not a replacement, first encoding wins.
    const one = s.length === 1 || (s.length === 2 && s.codePointAt(0)! > 0xffff);
    if (one && s !== "\ufffd" && !reverse.has(s)) reverse.set(s, bytes);
  };
  for (const b of bytesIn(spec.single)) add(Uint8Array.of(b));
  for (const l of bytesIn(spec.lead)) for (const t of bytesIn(spec.trail)) add(Uint8Array.of(l, t));
  if (spec.prefixed) for (const t of bytesIn([spec.prefixed.trail])) add(Uint8Array.of(spec.prefixed.prefix, t));
  return reverse;
}

/** A codec over the runtime's decoder for `spec.label`; undefined when the runtime lacks it. */
export function multiByteCodec(name: string, spec: MultiByteSpec): TextCodec | undefined {
  let decoder: { decode(bytes: Uint8Array): string };
  try {
    decoder = new TextDecoder(spec.label);
  } catch {
    return undefined;
  }
  let reverse: Map<string, Uint8Array> | undefined;
  return {
    name,
    maxBytesPerChar: 2,
    encode(text: string): Uint8Array {
      const out = new Uint8Array(text.length * 2);
      let n = 0;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c < 0x80) {
          out[n++] = c;
          continue;
        }
        const wide = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length;
        const ch = wide ? text.slice(i, i + 2) : text[i]!;
        reverse ??= buildReverse(spec);
        const bytes = reverse.get(ch);
        if (bytes === undefined) throw unmappableCharacter(text, i, name);
        out.set(bytes, n);
        n += bytes.length;
        if (wide) i++;
      }
      return out.subarray(0, n);
    },
    decode: (bytes) => decoder.decode(bytes),
  };
}
