// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// How IDS spells a DATE as text and expands a two-digit year, from the session's login
// environment:
//   - DBDATE names the fields in order and then a separator: M, D, Y2 or Y4, and one of
//     `/ - .` or `0` (none). MDY4/ is IDS's default. `Y4MD-` spells 2026-08-31 (the Python
//     informix-driver sends it, and its suite reads `DATE::LVARCHAR` back as '2026-08-31').
//   - GL_DATE, used when DBDATE is not set, is a format of %-directives (%d %m %y %Y %b %B
//     %a %A %e %j %C %D and the era-free %iy / %iY). GL_DATETIME adds the time ones (%H %I
//     %M %S %p %R %T %r %Fn), which the format argument of TO_CHAR and TO_DATE uses too.
//   - DBCENTURY expands a two-digit year when text becomes a DATE: R (the current century,
//     IDS's default), P (the latest such date not in the future), F (the earliest not in the
//     past) or C (the closest to today).
// The engine gets the output format as a PostgreSQL to_char template.

import { type DateOrder, DEFAULT_DATE_ORDER, dateOrderOf } from "./date-order.js";

/** DBCENTURY's rules for a two-digit year. */
export type Century = "R" | "P" | "F" | "C";

/** IDS's default output, MDY4/. */
export const DEFAULT_DATE_FORMAT = "MM/DD/YYYY";

const DBDATE_SEPARATORS = new Set(["/", "-", ".", "0"]);

/** The to_char template of a DBDATE value, or undefined when it is not one. */
function templateOfDbdate(dbdate: string): string | undefined {
  const spec = dbdate.trim().toUpperCase();
  const fields: string[] = [];
  let i = 0;
  while (i < spec.length && fields.length < 3) {
    const c = spec[i]!;
    if (c === "M") fields.push("MM");
    else if (c === "D") fields.push("DD");
    else if (c === "Y") {
      const digits = spec[i + 1];
      fields.push(digits === "2" ? "YY" : "YYYY");
      if (digits === "2" || digits === "4") i++;
    } else return undefined;
    i++;
  }
  const rest = spec.slice(i);
  if (fields.length !== 3 || new Set(fields.map((f) => f[0])).size !== 3 || rest.length > 1) return undefined;
  if (rest !== "" && !DBDATE_SEPARATORS.has(rest)) return undefined;
  const separator = rest === "" ? "/" : rest === "0" ? "" : rest;
  return fields.join(separator);
}

/** GL_DATE / GL_DATETIME directives and their to_char spelling (modifiers such as `%-4d` are dropped). */
export const GL_DIRECTIVES: Readonly<Record<string, string>> = {
  a: "Dy",
  A: "FMDay",
  b: "Mon",
  h: "Mon",
  B: "FMMonth",
  C: "CC",
  d: "DD",
  e: "FMDD",
  D: "MM/DD/YY",
  j: "DDD",
  m: "MM",
  y: "YY",
  Y: "YYYY",
  iy: "YY",
  iY: "YYYY",
  n: "\n",
  t: "\t",
  "%": "%",
  // GL_DATETIME's time directives (TO_CHAR and TO_DATE formats use them too).
  H: "HH24",
  I: "HH12",
  M: "MI",
  S: "SS",
  p: "AM",
  R: "HH24:MI",
  T: "HH24:MI:SS",
  r: "HH12:MI:SS AM",
  // %Fn: n fraction digits, 1 to 5 (CSDK GLS reference); a bare %F is taken as 3 [inferred].
  F: "FF3",
  F1: "FF1",
  F2: "FF2",
  F3: "FF3",
  F4: "FF4",
  F5: "FF5",
};

/**
 * The to_char / to_timestamp template of a GL_DATE or GL_DATETIME format (also TO_CHAR's and
 * TO_DATE's format argument); literal text is quoted so that to_char keeps it.
 */
export function templateOfGlDate(glDate: string): string {
  let out = "";
  let literal = "";
  const flush = (): void => {
    if (literal !== "") out += `"${literal.replace(/["\\]/g, (c) => `\\${c}`)}"`;
    literal = "";
  };
  const directive = /%[-0-9.]*(iy|iY|F[1-5]?|[a-zA-Z%])/y;
  for (let i = 0; i < glDate.length; ) {
    directive.lastIndex = i;
    const m = glDate[i] === "%" ? directive.exec(glDate) : null;
    const spelled = m ? GL_DIRECTIVES[m[1]!] : undefined;
    if (m && spelled !== undefined) {
      flush();
      out += spelled;
      i = directive.lastIndex;
    } else {
      literal += glDate[i];
      i++;
    }
  }
  flush();
  return out;
}

/** The to_char template of DATE text for a login environment's DBDATE / GL_DATE. */
export function dateFormatOf(dbdate: string | undefined, glDate?: string): string {
  if (dbdate !== undefined && dbdate.trim() !== "") return templateOfDbdate(dbdate) ?? DEFAULT_DATE_FORMAT;
  if (glDate !== undefined && glDate.trim() !== "") return templateOfGlDate(glDate);
  return DEFAULT_DATE_FORMAT;
}

/** DBCENTURY's rule; R when it is not set or not one of R, P, F, C. */
export function centuryOf(dbcentury: string | undefined): Century {
  const c = dbcentury?.trim().toUpperCase();
  return c === "P" || c === "F" || c === "C" ? c : "R";
}

/**
 * The four-digit year of a date written with a two-digit year `yy` (0–99), month and day,
 * by DBCENTURY's rule, as of `today`.
 */
export function expandYear(yy: number, month: number, day: number, century: Century, today: Date): number {
  const base = Math.floor(today.getFullYear() / 100) * 100;
  if (century === "R") return base + yy;
  const now = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  const candidates = [base - 100 + yy, base + yy, base + 100 + yy];
  const at = (year: number): number => Date.UTC(year, month - 1, day);
  if (century === "P") return candidates.filter((y) => at(y) <= now).at(-1) ?? base + yy;
  if (century === "F") return candidates.find((y) => at(y) >= now) ?? base + yy;
  let best = candidates[0]!;
  for (const y of candidates) if (Math.abs(at(y) - now) < Math.abs(at(best) - now)) best = y;
  return best;
}

/**
 * DBMONEY: `[front]{.|,}[back]`, each symbol up to 7 characters, quoted with ' when not letters. The
 * separator divides the integral and fractional parts of FLOAT, SMALLFLOAT, DECIMAL and MONEY text;
 * front and back surround MONEY text. Unset: '$' front, '.' (IBM's DBMONEY reference: 100.50 is $100.50).
 */
export interface MoneyFormat {
  readonly front: string;
  readonly decimal: "." | ",";
  readonly back: string;
}

export const DEFAULT_MONEY: MoneyFormat = { front: "$", decimal: ".", back: "" };

/** The MONEY/number text format of a DBMONEY value; IDS's default when unset or not one. */
export function moneyFormatOf(dbmoney: string | undefined): MoneyFormat {
  if (dbmoney === undefined || dbmoney.trim() === "") return DEFAULT_MONEY;
  const m = /^\s*(?:'([^']{0,7})'|([^.,'\d]{0,7}))([.,])?(?:'([^']{0,7})'|([^.,'\d]{0,7}))\s*$/.exec(dbmoney);
  if (m === null) return DEFAULT_MONEY;
  const front = m[1] ?? m[2] ?? "";
  if (m[3] === undefined) return { front, decimal: ".", back: "" };
  return { front, decimal: m[3] as "." | ",", back: m[4] ?? m[5] ?? "" };
}

/** What a session's login environment says about dates (DBDATE / GL_DATE, DBCENTURY) and numbers (DBMONEY). */
export interface SessionDates {
  /** Field order of date text that is read. */
  readonly order: DateOrder;
  /** to_char template of DATE text that is written. */
  readonly format: string;
  readonly century: Century;
  /** to_char template of whole-DATETIME text (GL_DATETIME), or "" for IDS's default. */
  readonly datetimeFormat: string;
  readonly money: MoneyFormat;
}

/** The dates of a login environment (`env` holds its variables). */
export function sessionDatesOf(env: ReadonlyMap<string, string>): SessionDates {
  const dbdate = env.get("DBDATE");
  const glDate = env.get("GL_DATE");
  return {
    order: dateOrderOf(dbdate, glDate),
    format: dateFormatOf(dbdate, glDate),
    century: centuryOf(env.get("DBCENTURY")),
    datetimeFormat: glDatetimeFormatOf(env.get("GL_DATETIME")),
    money: moneyFormatOf(env.get("DBMONEY")),
  };
}

/** The to_char template of GL_DATETIME, or "" when it is not set. */
export function glDatetimeFormatOf(glDatetime: string | undefined): string {
  return glDatetime === undefined || glDatetime.trim() === "" ? "" : templateOfGlDate(glDatetime);
}

/** IDS's defaults: MDY4/ and DBCENTURY R. */
export const DEFAULT_SESSION_DATES: SessionDates = {
  order: DEFAULT_DATE_ORDER,
  format: DEFAULT_DATE_FORMAT,
  century: "R",
  datetimeFormat: "",
  money: DEFAULT_MONEY,
};
