// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Exact decimal text ⇄ packed base-100 digits for DECIMAL/NUMERIC/MONEY (packed-base100.ts).
// No floating point touches a digit; the fast path uses integers below 2^53 only.
//
// Rendering rules (docs/protocol/values.md):
// - fixed scale DECIMAL(p,s): plain text with exactly s fraction digits ("123.4500", "0.0000");
//   digits beyond s (which a server never sends for such a column) are kept, not rounded;
// - floating DECIMAL(p) (scale byte 0xFF): the shortest exact form; plain text while the
//   adjusted exponent a (value = d.ddd × 10^a) is in -7 < a < 32, otherwise scientific
//   text with a signed exponent ("1E+125", "-1E-130", "1.5E-9").

import { isPackedNegative, lastNonZero, PAIR_BASE, packedExponent, pairAt } from "./packed-base100.js";
import { TypeCodecError } from "./type-codec-error.js";

/** Scale byte of a floating DECIMAL(p). */
export const FLOATING_SCALE = 0xff;
/** The largest DECIMAL precision. */
export const MAX_PRECISION = 32;
const MIN_PLAIN_ADJUSTED_EXPONENT = -6;
const MAX_PLAIN_ADJUSTED_EXPONENT = 31;
/** Largest digit count the integer fast path may build (10^15 < 2^53). */
const FAST_PATH_DIGITS = 15;
const DECIMAL_BASE = 10;
const POW10 = Array.from({ length: FAST_PATH_DIGITS + 1 }, (_, i) => 10 ** i);
const DIGIT_TEXT = Array.from({ length: DECIMAL_BASE }, (_, i) => String(i));
const PAIR_TEXT = Array.from({ length: PAIR_BASE }, (_, i) => (i < DECIMAL_BASE ? "0" : "") + i);
const DOT_DIGIT_TEXT = DIGIT_TEXT.map((d) => `.${d}`);
const DOT_PAIR_TEXT = PAIR_TEXT.map((p) => `.${p}`);

/** The point and `frac` (< 10^scale) as exactly `scale` digits; tables cover the common scales 1 and 2. */
function fractionText(frac: number, scale: number): string {
  if (scale === 2) return DOT_PAIR_TEXT[frac]!;
  if (scale === 1) return DOT_DIGIT_TEXT[frac]!;
  return `.${String(frac).padStart(scale, "0")}`;
}

/** A decimal as sign + significant digits: value = 0.digits × 10^point. Zero has digits "". */
export interface DecimalDigits {
  readonly negative: boolean;
  readonly digits: string;
  readonly point: number;
}

function plainText(negative: boolean, digits: string, point: number, minFraction: number): string {
  let int: string;
  let frac: string;
  if (point <= 0) {
    int = "0";
    frac = "0".repeat(-point) + digits;
  } else if (point >= digits.length) {
    int = digits + "0".repeat(point - digits.length);
    frac = "";
  } else {
    int = digits.slice(0, point);
    frac = digits.slice(point);
  }
  if (frac.length < minFraction) frac += "0".repeat(minFraction - frac.length);
  const sign = negative && digits.length > 0 ? "-" : "";
  return frac.length > 0 ? `${sign}${int}.${frac}` : sign + int;
}

/** Renders decimal digits by the rules above (`scale` 0xFF = floating). */
export function formatDecimalDigits(d: DecimalDigits, scale: number): string {
  if (scale !== FLOATING_SCALE) return plainText(d.negative, d.digits, d.point, scale);
  if (d.digits.length === 0) return "0";
  const adjusted = d.point - 1;
  if (adjusted >= MIN_PLAIN_ADJUSTED_EXPONENT && adjusted <= MAX_PLAIN_ADJUSTED_EXPONENT) {
    return plainText(d.negative, d.digits, d.point, 0);
  }
  const mantissa = d.digits.length > 1 ? `${d.digits[0]}.${d.digits.slice(1)}` : d.digits;
  return `${d.negative ? "-" : ""}${mantissa}E${adjusted >= 0 ? "+" : "-"}${Math.abs(adjusted)}`;
}

/** Reads the significant digits of a packed decimal of `size` bytes (not NULL). */
export function unpackDecimalDigits(bytes: Uint8Array, offset: number, size: number): DecimalDigits {
  const b0 = bytes[offset]!;
  const negative = isPackedNegative(b0);
  const last = lastNonZero(bytes, offset + 1, offset + size);
  let text = "";
  for (let i = offset + 1; i <= last; i++) text += PAIR_TEXT[pairAt(bytes, i, negative, last)];
  let point = 2 * packedExponent(b0);
  let lead = 0;
  while (lead < text.length && text.charCodeAt(lead) === 0x30) lead++;
  point -= lead;
  let end = text.length;
  while (end > lead && text.charCodeAt(end - 1) === 0x30) end--;
  return { negative: negative && end > lead, digits: text.slice(lead, end), point: end > lead ? point : 0 };
}

/**
 * Decodes a packed decimal straight to text. Fixed-scale values of up to 15 digits take an
 * integer fast path (one number, one String()); everything else goes through the digits.
 */
export function formatPackedDecimal(bytes: Uint8Array, offset: number, size: number, scale: number): string {
  if (scale <= FAST_PATH_DIGITS) {
    const b0 = bytes[offset]!;
    const negative = isPackedNegative(b0);
    const last = lastNonZero(bytes, offset + 1, offset + size);
    const pairs = last - offset;
    let exp10 = 2 * (packedExponent(b0) - pairs) + scale;
    if (pairs * 2 + Math.max(exp10, 0) <= FAST_PATH_DIGITS) {
      let m = 0;
      if (negative) for (let i = offset + 1; i <= last; i++) m = m * PAIR_BASE + pairAt(bytes, i, true, last);
      else for (let i = offset + 1; i <= last; i++) m = m * PAIR_BASE + bytes[i]!;
      while (exp10 < 0 && m % DECIMAL_BASE === 0 && m !== 0) {
        m /= DECIMAL_BASE;
        exp10++;
      }
      if (exp10 >= 0 || m === 0) {
        const n = m * POW10[Math.max(exp10, 0)]!;
        const sign = negative && m !== 0 ? "-" : "";
        if (scale === 0) return sign + n;
        const unit = POW10[scale]!;
        const int = Math.floor(n / unit);
        // One concatenation: the point comes with the fraction's table entry.
        return sign + String(int) + fractionText(n - int * unit, scale);
      }
    }
  }
  return formatDecimalDigits(unpackDecimalDigits(bytes, offset, size), scale);
}

const DECIMAL_TEXT = /^\s*([+-])?(?:(\d+)(?:\.(\d*))?|\.(\d+))(?:[eE]([+-]?\d+))?\s*$/;

/** Parses decimal text ("-12.34", ".5", "1E+125") into normalized digits. */
export function parseDecimalText(text: string): DecimalDigits {
  const m = DECIMAL_TEXT.exec(text);
  if (!m) throw new TypeCodecError("INVALID_VALUE", `"${text}" is not a decimal number`);
  const int = m[2] ?? "";
  const frac = m[3] ?? m[4] ?? "";
  const all = int + frac;
  let lead = 0;
  while (lead < all.length && all.charCodeAt(lead) === 0x30) lead++;
  let end = all.length;
  while (end > lead && all.charCodeAt(end - 1) === 0x30) end--;
  if (end === lead) return { negative: false, digits: "", point: 0 };
  return { negative: m[1] === "-", digits: all.slice(lead, end), point: int.length - lead + Number(m[5] ?? 0) };
}

/** Rounds half away from zero to `keep` significant digits (keep ≤ 0 rounds to zero or one unit). */
export function roundDigits(d: DecimalDigits, keep: number): DecimalDigits {
  if (d.digits.length <= keep) return d;
  if (keep < 0) return { negative: false, digits: "", point: 0 };
  const up = d.digits.charCodeAt(keep) >= 0x35;
  let kept = d.digits.slice(0, keep);
  let point = d.point;
  if (up) {
    let i = kept.length - 1;
    while (i >= 0 && kept[i] === "9") i--;
    if (i < 0) {
      kept = "1";
      point++;
    } else kept = kept.slice(0, i) + String(Number(kept[i]) + 1);
  } else kept = kept.replace(/0+$/, "");
  if (kept.length === 0) return { negative: false, digits: "", point: 0 };
  return { negative: d.negative, digits: kept.replace(/0+$/, ""), point };
}

/** Base-100 pairs and exponent of normalized digits: value = 0.p0p1… × 100^exponent. */
export function digitsToPairs(d: DecimalDigits): { exponent: number; pairs: number[] } {
  const odd = d.point & 1;
  const aligned = (odd ? "0" : "") + d.digits + (((odd ? 1 : 0) + d.digits.length) & 1 ? "0" : "");
  const pairs: number[] = [];
  for (let i = 0; i < aligned.length; i += 2) pairs.push(Number(aligned.slice(i, i + 2)));
  return { exponent: (d.point + odd) / 2, pairs };
}
