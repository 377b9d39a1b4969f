// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Seeded mutations of SQLI bytes for the driver harnesses (issue 7; the protocol package
// keeps its own copy in test/helpers, as packages do not share test code). SQLI keeps every field
// 2-byte aligned, so the field-aware mutations write "interesting" integers (0, -1,
// the sign boundaries, a huge length, the real length ± 1) as i16 or i32 at even
// offsets: that is where lengths, counts, type codes, name offsets and tuple sizes sit.

/** A small, fast, seedable PRNG (mulberry32), so a failing case can be replayed. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
}

const I16 = [0, 1, -1, 2, 0x7fff, -0x8000, 0x7ffe, 0x4000, 255, 256];
const I32 = [0, 1, -1, 0x7fffffff, -0x80000000, 0x40000000, 0x10000, 0xffff, 0x7ffffff0, 65535 * 2];

export type MutationKind =
  | "none"
  | "flip"
  | "random-bytes"
  | "truncate"
  | "i16-field"
  | "i32-field"
  | "length-delta"
  | "opcode"
  | "insert"
  | "delete"
  | "huge-length";

export const MUTATIONS: readonly MutationKind[] = [
  "flip",
  "random-bytes",
  "truncate",
  "i16-field",
  "i32-field",
  "length-delta",
  "opcode",
  "insert",
  "delete",
  "huge-length",
];

/** SQLI opcodes a peer may see (plus a few that are not opcodes at all). */
const OPCODES = [
  0, 1, 2, 4, 5, 6, 7, 8, 9, 10, 12, 13, 14, 15, 25, 26, 38, 39, 41, 55, 56, 94, 99, 124, 125, 126, 200, -1,
];

function evenOffset(rng: Rng, length: number, width: number): number {
  if (length < width) return -1;
  return rng.int(Math.floor((length - width) / 2) + 1) * 2;
}

/** Returns a mutated copy of `bytes` (the kind is picked by the caller). */
export function mutate(bytes: Uint8Array, kind: MutationKind, rng: Rng): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  switch (kind) {
    case "none":
      return out;
    case "flip": {
      const flips = 1 + rng.int(4);
      for (let i = 0; i < flips && out.length > 0; i++) out[rng.int(out.length)]! ^= 1 << rng.int(8);
      return out;
    }
    case "random-bytes": {
      const n = 1 + rng.int(8);
      for (let i = 0; i < n && out.length > 0; i++) out[rng.int(out.length)] = rng.int(256);
      return out;
    }
    case "truncate":
      return out.subarray(0, rng.int(out.length + 1));
    case "i16-field": {
      const at = evenOffset(rng, out.length, 2);
      if (at >= 0) view.setInt16(at, rng.pick(I16));
      return out;
    }
    case "i32-field": {
      const at = evenOffset(rng, out.length, 4);
      if (at >= 0) view.setInt32(at, rng.pick(I32));
      return out;
    }
    case "length-delta": {
      const at = evenOffset(rng, out.length, 2);
      if (at >= 0) view.setInt16(at, view.getInt16(at) + rng.pick([-2, -1, 1, 2, 64, -64]));
      return out;
    }
    case "opcode": {
      const at = evenOffset(rng, out.length, 2);
      if (at >= 0) view.setInt16(at, rng.pick(OPCODES));
      return out;
    }
    case "insert": {
      const at = rng.int(out.length + 1);
      const extra = Uint8Array.from({ length: 1 + rng.int(16) }, () => rng.int(256));
      const grown = new Uint8Array(out.length + extra.length);
      grown.set(out.subarray(0, at), 0);
      grown.set(extra, at);
      grown.set(out.subarray(at), at + extra.length);
      return grown;
    }
    case "delete": {
      if (out.length === 0) return out;
      const at = rng.int(out.length);
      const n = 1 + rng.int(Math.min(16, out.length - at));
      const shrunk = new Uint8Array(out.length - n);
      shrunk.set(out.subarray(0, at), 0);
      shrunk.set(out.subarray(at + n), at);
      return shrunk;
    }
    case "huge-length": {
      const at = evenOffset(rng, out.length, 4);
      if (at >= 0) view.setInt32(at, 0x7fffffff - rng.int(16));
      return out;
    }
  }
}

/** Splits `bytes` into random chunks (1 byte up to the whole). */
export function chunk(bytes: Uint8Array, rng: Rng): Uint8Array[] {
  const out: Uint8Array[] = [];
  const mode = rng.int(4);
  let at = 0;
  while (at < bytes.length) {
    const n = mode === 0 ? 1 : mode === 1 ? bytes.length : 1 + rng.int(mode === 2 ? 8 : 256);
    out.push(bytes.subarray(at, Math.min(bytes.length, at + n)));
    at += n;
  }
  return out;
}

/** Cases to run: INFORMIX_FUZZ_CASES, or the CI default. */
export function fuzzCases(ciDefault: number): number {
  const n = Number(process.env["INFORMIX_FUZZ_CASES"]);
  return Number.isInteger(n) && n > 0 ? n : ciDefault;
}

/** The seed: INFORMIX_FUZZ_SEED, or a fixed one so CI runs are reproducible. */
export function fuzzSeed(): number {
  const n = Number(process.env["INFORMIX_FUZZ_SEED"]);
  return Number.isInteger(n) ? n : 0x1f7;
}
