// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Informix literal text of DATETIME and INTERVAL values, shared by both value classes:
//   YYYY-MM-DD hh:mm:ss.fffff   separators "-" "-" " " ":" ":" "." before MONTH … FRACTION
// Only the units of the qualifier appear. A FRACTION-only value is ".fffff".
// Fields are held as an array indexed by unit / 2 (0 YEAR … 5 SECOND); index 6 is the
// fraction of a second in units of 10^-5 s (so .5 is 50000 whatever the qualifier).

import { TU_FRAC, TU_SECOND } from "../../constants/type-codes.js";
import type { Qualifier } from "../qualifier.js";
import { TypeCodecError } from "../type-codec-error.js";
import { pad } from "./calendar.js";

/** Index of the fraction in a fields array. */
export const FRACTION_INDEX = 6;
/** Length of a fields array. */
export const FIELD_COUNT = 7;
/** Digits the fraction field is scaled to (10^-5 s units). */
export const FRACTION_SCALE_DIGITS = 5;
const UNIT_STEP = 2;
const FIELD_DIGITS = 2;
const SEPARATORS = ["", "-", "-", " ", ":", ":"];
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;

/** Smallest fraction step a qualifier can hold, in 10^-5 s units (FRACTION(3) → 100). */
export function fractionStep(q: Qualifier): number {
  return 10 ** (FRACTION_SCALE_DIGITS - q.fractionDigits);
}

/**
 * Formats the fields of `q`. `padLeading` pads the leading field to its width (DATETIME:
 * "0001", "09:05"); INTERVAL leading fields are not padded ("3 03:27:01").
 */
export function formatTemporal(q: Qualifier, fields: ArrayLike<number>, padLeading: boolean): string {
  let s = "";
  if (q.start !== TU_FRAC) {
    for (let u = q.start; u <= q.integralEnd; u += UNIT_STEP) {
      const i = u / UNIT_STEP;
      if (u === q.start) s += padLeading ? pad(fields[i]!, q.leadingDigits) : String(fields[i]);
      else s += SEPARATORS[i] + pad(fields[i]!, FIELD_DIGITS);
    }
  }
  if (q.fractionDigits > 0) {
    s += "." + pad(fields[FRACTION_INDEX]!, FRACTION_SCALE_DIGITS).slice(0, q.fractionDigits);
  }
  return s;
}

/** Result of {@link parseTemporal}. */
export interface ParsedTemporal {
  readonly negative: boolean;
  readonly fields: number[];
}

/**
 * Parses Informix literal text for `q`. Every unit of the qualifier must be present; the
 * fraction may have fewer digits than the qualifier. `allowSign` accepts a leading "-"/"+"
 * (INTERVAL). A "T" is accepted instead of the space between DAY and HOUR (ISO 8601).
 */
export function parseTemporal(text: string, q: Qualifier, allowSign: boolean): ParsedTemporal {
  const fail = (): TypeCodecError =>
    new TypeCodecError("INVALID_VALUE", `"${text}" is not a literal of the qualifier 0x${q.encoded.toString(16)}`);
  const fields: number[] = new Array(FIELD_COUNT).fill(0);
  const s = text.trim();
  let pos = 0;
  let negative = false;
  if (allowSign && (s[pos] === "-" || s[pos] === "+")) negative = s[pos++] === "-";
  const digits = (max: number): string => {
    const from = pos;
    while (pos < s.length && pos - from < max && s.charCodeAt(pos) >= DIGIT_0 && s.charCodeAt(pos) <= DIGIT_9) pos++;
    if (pos === from) throw fail();
    return s.slice(from, pos);
  };
  if (q.start !== TU_FRAC) {
    for (let u = q.start; u <= q.integralEnd; u += UNIT_STEP) {
      const i = u / UNIT_STEP;
      if (u !== q.start) {
        const sep = s[pos++];
        if (sep !== SEPARATORS[i] && !(sep === "T" && SEPARATORS[i] === " ")) throw fail();
      }
      fields[i] = Number(digits(u === q.start ? q.leadingDigits : FIELD_DIGITS));
    }
  }
  if (q.fractionDigits > 0 && pos < s.length) {
    if (s[pos] === ".") pos++;
    else if (q.start !== TU_FRAC) throw fail();
    fields[FRACTION_INDEX] = Number(digits(q.fractionDigits).padEnd(FRACTION_SCALE_DIGITS, "0"));
  }
  if (pos !== s.length) throw fail();
  return { negative, fields };
}

/** Throws VALUE_OUT_OF_RANGE unless the fraction is representable with the qualifier's digits. */
export function checkFraction(q: Qualifier, fraction: number): void {
  const max = 10 ** FRACTION_SCALE_DIGITS;
  if (!Number.isInteger(fraction) || fraction < 0 || fraction >= max || fraction % fractionStep(q) !== 0) {
    throw new TypeCodecError(
      "VALUE_OUT_OF_RANGE",
      `fraction ${fraction} (10^-5 s) does not fit FRACTION(${q.fractionDigits})`,
    );
  }
}

/** Units of `q` that hold integral fields, in order (empty for FRACTION-only). */
export function integralUnits(q: Qualifier): number[] {
  const units: number[] = [];
  if (q.start !== TU_FRAC) for (let u = q.start; u <= q.integralEnd && u <= TU_SECOND; u += UNIT_STEP) units.push(u);
  return units;
}
