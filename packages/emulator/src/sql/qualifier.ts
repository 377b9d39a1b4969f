// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// DATETIME and INTERVAL qualifiers: `YEAR TO FRACTION(3)`, `DAY(5) TO SECOND`.
// The encoded form (syscolumns.collength and the DESCRIBE length) is
// (digits << 8) | (start << 4) | end, with the time units of CSDK datetime.h:
// YEAR 0, MONTH 2, DAY 4, HOUR 6, MINUTE 8, SECOND 10, FRACTION(n) 10 + n.

import {
  datetimeQualifier,
  decodeQualifier as decodeProtocolQualifier,
  intervalQualifier,
  qualifierToText,
  TypeCodecError,
  typeCodes,
} from "@informix-db/protocol";
import { InformixSqlError } from "../engine/informix-sql-error.js";
import { isOp, isWord, type Token } from "./tokenizer.js";

const { TU_FRAC } = typeCodes;
/** -1261 "Too many digits in the first field of datetime or interval". */
const SQLCODE_BAD_QUALIFIER = -1261;

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

/** Number of fraction digits of an end code (0 when the qualifier ends before FRACTION). */
export function fractionDigits(end: number): number {
  return end > 10 ? end - 10 : 0;
}

/** The protocol's qualifier arithmetic, with its validation reported as an Informix error. */
function checked<T>(compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof TypeCodecError) throw new InformixSqlError(SQLCODE_BAD_QUALIFIER, 0, error.message);
    throw error;
  }
}

export function encodeDatetime(q: Qualifier): number {
  return checked(() => datetimeQualifier(q.start, q.end));
}

export function encodeInterval(q: Qualifier): number {
  return checked(() => intervalQualifier(q.start, q.end, q.start >= TU_FRAC ? 0 : q.lead));
}

export function decodeQualifier(encoded: number, interval: boolean): Qualifier {
  const q = checked(() => decodeProtocolQualifier(encoded));
  return { start: q.start, end: q.end, lead: interval ? q.leadingDigits : q.start === 0 ? 4 : 2 };
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

/** `YEAR TO FRACTION(3)`: the qualifier as Informix prints it. */
export function qualifierText(q: Qualifier, interval: boolean): string {
  return interval ? qualifierToText(encodeInterval(q), "interval") : qualifierToText(encodeDatetime(q), "datetime");
}
