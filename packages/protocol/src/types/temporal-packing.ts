// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// DATETIME and INTERVAL values on the wire are packed base-100 numbers (packed-base100.ts)
// whose decimal point sits right after the SECOND position whatever the qualifier
// (statements-and-types.md §6.7, libsqli's 2,036 live cases). Fields are laid out as pairs:
// the leading field over ceil(lead / 2) pairs, one pair per further unit up to SECOND, then
// the fraction left-aligned in ceil(digits / 2) pairs. Units between the qualifier's end and
// SECOND are implied zeros (YEAR TO MONTH 2024-01 = C7 14 18 01, exponent 7).
// Decoding must honour the exponent: leading zero pairs are omitted (00:00:05 = C1 05 00 00).

import type { ByteWriter } from "../io/byte-writer.js";
import { isPackedNegative, lastNonZero, PAIR_BASE, packedExponent, pairAt, writePacked } from "./packed-base100.js";
import type { Qualifier } from "./qualifier.js";
import { TypeCodecError } from "./type-codec-error.js";
import { FRACTION_INDEX } from "./values/temporal-text.js";

const UNIT_STEP = 2;
/** 100^k for the integral pairs (at most 5 leading + 3 further pairs, so k ≤ 7: exact). */
const POW100 = [1, 1e2, 1e4, 1e6, 1e8, 1e10, 1e12, 1e14];
/** 10^-5 s units per fraction pair position: .dd → dd × 1000, .__dd → dd × 10, .____d_ → d. */
const FRACTION_PAIR_UNITS = [1000, 10];
const DECIMAL_BASE = 10;

function invalidDigit(q: Qualifier): TypeCodecError {
  return new TypeCodecError("INVALID_ENCODING", `digit outside qualifier 0x${q.encoded.toString(16)}`);
}

/**
 * The integral fields of a packed DATETIME/INTERVAL read as one base-100 number that ends
 * at the qualifier's last integral unit (at most 15 digits, exact in a double).
 */
export function unpackIntegral(bytes: Uint8Array, offset: number, size: number, q: Qualifier): number {
  const b0 = bytes[offset]!;
  const negative = isPackedNegative(b0);
  const e = packedExponent(b0);
  const last = negative ? lastNonZero(bytes, offset + 1, offset + size) : -1;
  const implied = q.fullScaleExponent - q.integralPairs;
  let integral = 0;
  const stop = Math.min(size - 1, e);
  for (let i = 1; i <= stop; i++) {
    const d = negative ? pairAt(bytes, offset + i, true, last) : bytes[offset + i]!;
    if (d === 0) continue;
    const k = e - i - implied;
    if (k < 0 || k >= q.integralPairs) throw invalidDigit(q);
    integral += d * POW100[k]!;
  }
  return integral;
}

/** The fraction of a packed DATETIME/INTERVAL in 10^-5 s units (0 when the qualifier has none). */
export function unpackFraction(bytes: Uint8Array, offset: number, size: number, q: Qualifier): number {
  if (q.fractionPairs === 0) return 0;
  const b0 = bytes[offset]!;
  const negative = isPackedNegative(b0);
  const e = packedExponent(b0);
  const last = negative ? lastNonZero(bytes, offset + 1, offset + size) : -1;
  let fraction = 0;
  for (let i = Math.max(1, e + 1); i < size; i++) {
    const d = pairAt(bytes, offset + i, negative, last);
    if (d === 0) continue;
    const f = i - e - 1;
    if (f >= q.fractionPairs) throw invalidDigit(q);
    fraction += f < FRACTION_PAIR_UNITS.length ? d * FRACTION_PAIR_UNITS[f]! : (d - (d % DECIMAL_BASE)) / DECIMAL_BASE;
  }
  return fraction;
}

/** True when the packed value is negative (INTERVAL only; a DATETIME never is). */
export function isNegativePacked(bytes: Uint8Array, offset: number): boolean {
  return isPackedNegative(bytes[offset]!);
}

/**
 * Writes fields (indexed by unit / 2, fraction at index 6 in 10^-5 s units) in packed form:
 * `width` ≥ 0 zero-fills to the tuple width, `width` < 0 drops trailing zero pairs (bind).
 * Returns the bytes written.
 */
export function packTemporal(
  out: ByteWriter,
  q: Qualifier,
  negative: boolean,
  fields: ArrayLike<number>,
  width: number,
): number {
  const pairs: number[] = [];
  if (q.integralEnd >= 0) {
    const leadPairs = Math.ceil(q.leadingDigits / 2);
    let lead = fields[q.start / UNIT_STEP]!;
    for (let p = leadPairs - 1; p >= 0; p--) {
      pairs[p] = lead % PAIR_BASE;
      lead = Math.floor(lead / PAIR_BASE);
    }
    for (let u = q.start + UNIT_STEP; u <= q.integralEnd; u += UNIT_STEP) pairs.push(fields[u / UNIT_STEP]!);
  }
  const fraction = fields[FRACTION_INDEX]!;
  const fractionPairs = [Math.floor(fraction / 1000), Math.floor(fraction / 10) % PAIR_BASE, (fraction % 10) * 10];
  for (let f = 0; f < q.fractionPairs; f++) pairs.push(fractionPairs[f]!);
  return writePacked(out, negative, q.fullScaleExponent, pairs, pairs.length, width);
}
