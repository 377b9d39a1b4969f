// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// DATETIME/INTERVAL qualifiers (CSDK datetime.h). The 16-bit encoded qualifier is
//   (len << 8) | (start << 4) | end
// len   total digits of the value (leading field digits + 2 per further unit + fraction digits)
// start TU_YEAR 0, TU_MONTH 2, TU_DAY 4, TU_HOUR 6, TU_MINUTE 8, TU_SECOND 10, TU_FRAC 12
// end   the same units up to TU_SECOND, or TU_F1..TU_F5 = 11..15 for FRACTION(1..5)
// A FRACTION-only qualifier starts at TU_FRAC and its len is the number of fraction digits,
// e.g. FRACTION TO FRACTION(5) = 0x05CF. DATETIME leading fields have fixed widths (YEAR 4,
// others 2); INTERVAL leading fields carry a declared precision 1..9 in len.
//
// Tuple width (statements-and-types.md §6.7, live-verified by libsqli's matrix):
// 1 exponent byte + ceil(lead / 2) + one pair per further unit up to SECOND + ceil(fraction / 2).

import { TU_DAY, TU_FRAC, TU_HOUR, TU_MINUTE, TU_MONTH, TU_SECOND, TU_YEAR } from "../constants/type-codes.js";
import { TypeCodecError } from "./type-codec-error.js";

/** Whether a qualifier belongs to a DATETIME or an INTERVAL (changes the leading precision rules). */
export type TemporalKind = "datetime" | "interval";

/** A decoded qualifier with everything the codecs derive from it. */
export interface Qualifier {
  /** The 16-bit encoded form. */
  readonly encoded: number;
  /** First unit (TU_YEAR … TU_FRAC). */
  readonly start: number;
  /** Last unit (TU_YEAR … TU_SECOND, or 11..15 for FRACTION(1..5)). */
  readonly end: number;
  /** Digits of the leading field; 0 for FRACTION-only qualifiers. */
  readonly leadingDigits: number;
  /** Fraction digits (0..5). */
  readonly fractionDigits: number;
  /** Last integral unit present (≤ TU_SECOND); -1 for FRACTION-only qualifiers. */
  readonly integralEnd: number;
  /** Base-100 pairs of the leading field: ceil(leadingDigits / 2). */
  readonly leadingPairs: number;
  /** Base-100 pairs before the decimal point that the qualifier stores. */
  readonly integralPairs: number;
  /** Base-100 pairs after the decimal point. */
  readonly fractionPairs: number;
  /** Base-100 exponent of a value whose leading pair is nonzero (point sits after SECOND). */
  readonly fullScaleExponent: number;
  /** Bytes the value occupies in a tuple. */
  readonly tupleWidth: number;
}

const SECOND_END = TU_SECOND;
const MAX_FRACTION_DIGITS = 5;
const MAX_LEADING_PRECISION = 9;
const UNIT_STEP = 2;
const YEAR_DIGITS = 4;
const UNIT_DIGITS = 2;

const UNIT_NAMES: ReadonlyMap<number, string> = new Map([
  [TU_YEAR, "YEAR"],
  [TU_MONTH, "MONTH"],
  [TU_DAY, "DAY"],
  [TU_HOUR, "HOUR"],
  [TU_MINUTE, "MINUTE"],
  [TU_SECOND, "SECOND"],
  [TU_FRAC, "FRACTION"],
]);
const UNIT_BY_NAME: ReadonlyMap<string, number> = new Map([...UNIT_NAMES].map(([unit, name]) => [name, unit]));

const cache = new Map<number, Qualifier>();

function invalid(encoded: number, why: string): TypeCodecError {
  return new TypeCodecError("INVALID_QUALIFIER", `invalid qualifier 0x${encoded.toString(16)}: ${why}`);
}

/** Decodes and validates an encoded qualifier. Results are cached and frozen. */
export function decodeQualifier(encoded: number): Qualifier {
  const hit = cache.get(encoded);
  if (hit !== undefined) return hit;
  const len = (encoded >> 8) & 0xff;
  const start = (encoded >> 4) & 0xf;
  const end = encoded & 0xf;
  const fractionDigits = Math.max(0, end - SECOND_END);
  if (!UNIT_NAMES.has(start)) throw invalid(encoded, `bad start unit ${start}`);
  if (end > SECOND_END + MAX_FRACTION_DIGITS || (end <= SECOND_END && end & 1)) {
    throw invalid(encoded, `bad end unit ${end}`);
  }
  let leadingDigits = 0;
  let integralPairs = 0;
  let integralEnd = -1;
  if (start === TU_FRAC) {
    if (end <= SECOND_END || len !== fractionDigits) throw invalid(encoded, "FRACTION-only length or end");
  } else {
    if (end < start) throw invalid(encoded, "end before start");
    integralEnd = Math.min(end, SECOND_END);
    leadingDigits = len - (integralEnd - start) - fractionDigits;
    if (leadingDigits < 1 || leadingDigits > MAX_LEADING_PRECISION) throw invalid(encoded, "leading precision");
    integralPairs = Math.ceil(leadingDigits / 2) + (integralEnd - start) / UNIT_STEP;
  }
  const fractionPairs = Math.ceil(fractionDigits / 2);
  const fullScaleExponent = integralEnd < 0 ? 0 : integralPairs + (SECOND_END - integralEnd) / UNIT_STEP;
  const q: Qualifier = Object.freeze({
    encoded,
    start,
    end,
    leadingDigits,
    fractionDigits,
    integralEnd,
    leadingPairs: Math.ceil(leadingDigits / 2),
    integralPairs,
    fractionPairs,
    fullScaleExponent,
    tupleWidth: 1 + integralPairs + fractionPairs,
  });
  cache.set(encoded, q);
  return q;
}

/** Leading digits a DATETIME field has by definition (YEAR 4, others 2, FRACTION 0). */
export function datetimeLeadingDigits(start: number): number {
  if (start === TU_FRAC) return 0;
  return start === TU_YEAR ? YEAR_DIGITS : UNIT_DIGITS;
}

/** Default INTERVAL leading precision when none is declared (YEAR 4, others 2). */
export function defaultIntervalPrecision(start: number): number {
  return datetimeLeadingDigits(start);
}

function encodeWith(leading: number, start: number, end: number): number {
  const fractionDigits = Math.max(0, end - SECOND_END);
  const len = start === TU_FRAC ? fractionDigits : leading + (Math.min(end, SECOND_END) - start) + fractionDigits;
  const encoded = (len << 8) | (start << 4) | end;
  decodeQualifier(encoded);
  return encoded;
}

/** TU_DTENCODE: the qualifier of DATETIME start TO end. */
export function datetimeQualifier(start: number, end: number): number {
  return encodeWith(datetimeLeadingDigits(start), start, end);
}

/** TU_IENCODE: the qualifier of INTERVAL start(precision) TO end. */
export function intervalQualifier(start: number, end: number, precision = defaultIntervalPrecision(start)): number {
  return encodeWith(precision, start, end);
}

/** True when `encoded` is a legal DATETIME qualifier (fixed leading widths). */
export function isDatetimeQualifier(encoded: number): boolean {
  try {
    const q = decodeQualifier(encoded);
    return q.leadingDigits === datetimeLeadingDigits(q.start);
  } catch {
    return false;
  }
}

/** Renders a qualifier as SQL text, e.g. "DAY(3) TO FRACTION(5)" or "YEAR TO SECOND". */
export function qualifierToText(encoded: number, kind: TemporalKind): string {
  const q = decodeQualifier(encoded);
  let head = UNIT_NAMES.get(q.start)!;
  if (kind === "interval" && q.start !== TU_FRAC && q.leadingDigits !== defaultIntervalPrecision(q.start)) {
    head += `(${q.leadingDigits})`;
  }
  const tail = q.end > SECOND_END ? `FRACTION(${q.fractionDigits})` : UNIT_NAMES.get(q.end)!;
  return `${head} TO ${tail}`;
}

const QUALIFIER_TEXT = /^\s*([A-Z]+)(?:\s*\(\s*(\d)\s*\))?\s+TO\s+([A-Z]+)(?:\s*\(\s*(\d)\s*\))?\s*$/i;
const DEFAULT_FRACTION_DIGITS = 3;

/** Parses SQL qualifier text ("YEAR TO SECOND", "DAY(3) TO FRACTION(5)") into its encoded form. */
export function parseQualifier(text: string, kind: TemporalKind): number {
  const m = QUALIFIER_TEXT.exec(text);
  const start = m ? UNIT_BY_NAME.get(m[1]!.toUpperCase()) : undefined;
  let end = m ? UNIT_BY_NAME.get(m[3]!.toUpperCase()) : undefined;
  if (!m || start === undefined || end === undefined) {
    throw new TypeCodecError("INVALID_QUALIFIER", `cannot parse qualifier "${text}"`);
  }
  if (end === TU_FRAC) end = SECOND_END + Number(m[4] ?? DEFAULT_FRACTION_DIGITS);
  if (kind === "datetime") {
    if (m[2] !== undefined)
      throw new TypeCodecError("INVALID_QUALIFIER", `DATETIME has no leading precision: "${text}"`);
    return datetimeQualifier(start, end);
  }
  return intervalQualifier(start, end, m[2] === undefined ? defaultIntervalPrecision(start) : Number(m[2]));
}

/** Bytes a DATETIME/INTERVAL of this qualifier occupies in a tuple. */
export function qualifierTupleWidth(encoded: number): number {
  return decodeQualifier(encoded).tupleWidth;
}
