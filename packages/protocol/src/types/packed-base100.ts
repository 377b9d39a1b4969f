// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The packed base-100 number shared by DECIMAL/MONEY and DATETIME/INTERVAL
// (CSDK decimal.h "packed format"; statements-and-types.md §6.4, §6.7):
//   byte 0   bit 7 = sign (1 positive), bits 0-6 = base-100 exponent + 64
//   byte 1.. digit pairs 0-99, most significant first, first pair nonzero
//   value    = 0.d1d2d3… × 100^exponent
// Negative values complement byte 0 and take the 100's complement of the pairs: trailing
// zero pairs stay 0, the last nonzero pair becomes 100 - d, every earlier pair 99 - d.
// Zero is 80 00…; NULL is 00 00… (so -1E+125, 00 5A…, is not NULL).

import type { ByteWriter } from "../io/byte-writer.js";
import { TypeCodecError } from "./type-codec-error.js";

/** Exponent byte bias (excess-64). */
export const EXPONENT_BIAS = 64;
/** Sign bit of the exponent byte: set for positive values and zero. */
export const SIGN_POSITIVE = 0x80;
/** Exponent byte of zero. */
export const ZERO_EXPONENT_BYTE = 0x80;
/** Base of the digit pairs. */
export const PAIR_BASE = 100;
const EXPONENT_MASK = 0x7f;
const MIN_EXPONENT = -EXPONENT_BIAS;
const MAX_EXPONENT = EXPONENT_MASK - EXPONENT_BIAS;

/** True for the NULL sentinel: the first two bytes are zero (a 1-byte field: its byte is zero). */
export function isPackedNull(bytes: Uint8Array, offset: number, size: number): boolean {
  return bytes[offset] === 0 && (size < 2 || bytes[offset + 1] === 0);
}

/** True when the exponent byte says the value is negative. */
export function isPackedNegative(exponentByte: number): boolean {
  return (exponentByte & SIGN_POSITIVE) === 0;
}

/** The base-100 exponent stored in an exponent byte (either sign). */
export function packedExponent(exponentByte: number): number {
  const b = isPackedNegative(exponentByte) ? ~exponentByte : exponentByte;
  return (b & EXPONENT_MASK) - EXPONENT_BIAS;
}

/** Index of the last nonzero byte in [from, to), or from - 1 when all are zero. */
export function lastNonZero(bytes: Uint8Array, from: number, to: number): number {
  let i = to - 1;
  while (i >= from && bytes[i] === 0) i--;
  return i;
}

/**
 * The true digit pair at `index` of a packed value. `last` is the index of the last
 * nonzero stored pair; for negative values the 100's complement is undone.
 */
export function pairAt(bytes: Uint8Array, index: number, negative: boolean, last: number): number {
  const c = bytes[index]!;
  if (!negative || index > last) return c;
  return index === last ? PAIR_BASE - c : PAIR_BASE - 1 - c;
}

/**
 * Writes a packed value. `pairs[0..count)` are the digit pairs of 0.p0p1… × 100^exponent;
 * leading zero pairs are stripped (lowering the exponent). With `width` ≥ 0 the result is
 * zero-filled to exactly `width` bytes (tuple form); with `width` < 0 trailing zero pairs
 * are dropped, keeping at least one byte (bind form). Returns the bytes written.
 */
export function writePacked(
  out: ByteWriter,
  negative: boolean,
  exponent: number,
  pairs: ArrayLike<number>,
  count: number,
  width: number,
): number {
  let first = 0;
  while (first < count && pairs[first] === 0) first++;
  let last = count - 1;
  while (last >= first && pairs[last] === 0) last--;
  if (first > last) {
    out.u8(ZERO_EXPONENT_BYTE);
    if (width > 1) out.zeros(width - 1);
    return Math.max(width, 1);
  }
  const e = exponent - first;
  if (e < MIN_EXPONENT || e > MAX_EXPONENT) {
    throw new TypeCodecError(
      "VALUE_OUT_OF_RANGE",
      `base-100 exponent ${e} is outside ${MIN_EXPONENT}..${MAX_EXPONENT}`,
    );
  }
  const used = last - first + 1;
  if (width >= 0 && used + 1 > width) {
    throw new TypeCodecError("VALUE_OUT_OF_RANGE", `${used} digit pairs do not fit ${width} bytes`);
  }
  const expByte = SIGN_POSITIVE | (e + EXPONENT_BIAS);
  out.u8(negative ? ~expByte & 0xff : expByte);
  for (let i = first; i <= last; i++) {
    const d = pairs[i]!;
    if (!negative) out.u8(d);
    else out.u8(i === last ? PAIR_BASE - d : PAIR_BASE - 1 - d);
  }
  const written = used + 1;
  if (width > written) out.zeros(width - written);
  return Math.max(width, written);
}
