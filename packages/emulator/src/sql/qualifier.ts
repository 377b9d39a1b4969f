// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// DATETIME and INTERVAL qualifiers: `YEAR TO FRACTION(3)`, `DAY(5) TO SECOND`.
// The encoded form (syscolumns.collength and the DESCRIBE length) is
// (digits << 8) | (start << 4) | end, with the time units of CSDK datetime.h:
// YEAR 0, MONTH 2, DAY 4, HOUR 6, MINUTE 8, SECOND 10, FRACTION(n) 10 + n.

import { InformixSqlError } from "../engine/informix-sql-error.js";
import { isOp, isWord, type Token } from "./tokenizer.js";

export const UNIT_CODES: Readonly<Record<string, number>> = {
  year: 0,
  month: 2,
  day: 4,
  hour: 6,
  minute: 8,
  second: 10,
  fraction: 12,
};

export interface Qualifier {
  /** Start unit code (0..12; FRACTION start is 12). */
  readonly start: number;
  /** End unit code: 0..10, or 10 + n for FRACTION(n). */
  readonly end: number;
  /** Leading-field precision of an INTERVAL (digits of the first field). */
  readonly lead: number;
}

/** Digits a unit takes when it is not the leading field of an INTERVAL. */
function unitDigits(unit: number): number {
  return unit === 0 ? 4 : 2;
}

/** Number of fraction digits of an end code (0 when the qualifier ends before FRACTION). */
export function fractionDigits(end: number): number {
  return end > 10 ? end - 10 : 0;
}

/** Total digits of a DATETIME with this qualifier. */
export function datetimeDigits(q: Qualifier): number {
  let digits = 0;
  for (let u = q.start; u <= Math.min(q.end, 10); u += 2) digits += unitDigits(u);
  return digits + fractionDigits(q.end);
}

export function encodeDatetime(q: Qualifier): number {
  return (datetimeDigits(q) << 8) | (q.start << 4) | q.end;
}

export function encodeInterval(q: Qualifier): number {
  let digits = q.start >= 12 ? 0 : q.lead;
  for (let u = q.start + 2; u <= Math.min(q.end, 10); u += 2) digits += 2;
  digits += fractionDigits(q.end);
  return (digits << 8) | (q.start << 4) | q.end;
}

export function decodeQualifier(encoded: number, interval: boolean): Qualifier {
  const start = (encoded >> 4) & 0xf;
  const end = encoded & 0xf;
  const digits = (encoded >> 8) & 0xff;
  let rest = fractionDigits(end);
  for (let u = start + 2; u <= Math.min(end, 10); u += 2) rest += 2;
  return { start, end, lead: interval ? digits - rest : unitDigits(start) };
}

/**
 * Parses `unit[(p)] TO unit[(n)]` at `i` (or a lone `unit[(p)]`). Returns the
 * qualifier and the index after it, or null when no unit word is at `i`.
 */
export function parseQualifier(tokens: readonly Token[], i: number): { q: Qualifier; next: number } | null {
  const first = tokens[i];
  if (first?.kind !== "word" || !(first.value in UNIT_CODES)) return null;
  let start = UNIT_CODES[first.value]!;
  let j = i + 1;
  let lead = first.value === "year" ? 4 : 2;
  let startFraction = 3;
  if (isOp(tokens[j], "(") && tokens[j + 1]?.kind === "number" && isOp(tokens[j + 2], ")")) {
    const p = Number(tokens[j + 1]!.text);
    if (first.value === "fraction") startFraction = p;
    else lead = p;
    j += 3;
  }
  if (start === 12) start = 12;
  let end = start === 12 ? 10 + startFraction : start;
  if (isWord(tokens[j], "to")) {
    const u = tokens[j + 1];
    if (u?.kind !== "word" || !(u.value in UNIT_CODES))
      throw new InformixSqlError(-201, 0, "", (u ?? tokens[j]!).start + 1);
    end = UNIT_CODES[u.value]!;
    j += 2;
    if (u.value === "fraction") {
      let n = 3;
      if (isOp(tokens[j], "(") && tokens[j + 1]?.kind === "number" && isOp(tokens[j + 2], ")")) {
        n = Number(tokens[j + 1]!.text);
        j += 3;
      }
      if (n < 1 || n > 5) throw new InformixSqlError(-1262, 0, "", u.start + 1);
      end = 10 + n;
    }
  }
  if (end < Math.min(start, 10)) throw new InformixSqlError(-201, 0, "", first.start + 1);
  return { q: { start, end, lead }, next: j };
}

const UNIT_NAMES = ["YEAR", "", "MONTH", "", "DAY", "", "HOUR", "", "MINUTE", "", "SECOND"];

/** `YEAR TO FRACTION(3)`: the qualifier as Informix prints it. */
export function qualifierText(q: Qualifier, interval: boolean): string {
  const name = (u: number): string => (u > 10 ? `FRACTION(${u - 10})` : u === 12 ? "FRACTION" : UNIT_NAMES[u]!);
  const startName = q.start >= 12 ? "FRACTION" : UNIT_NAMES[q.start]!;
  const lead = interval && q.start < 12 && q.lead !== (q.start === 0 ? 4 : 2) ? `(${q.lead})` : "";
  return `${startName}${lead} TO ${name(q.end)}`;
}
