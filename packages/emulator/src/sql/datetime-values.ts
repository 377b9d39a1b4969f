// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// DATETIME and INTERVAL values between their Informix text form (the EngineValue and
// the literal inside DATETIME(...)/INTERVAL(...)) and PostgreSQL text.
//
// Storage: a DATETIME that starts at YEAR, MONTH or DAY is a PostgreSQL timestamp; the
// missing leading fields of MONTH/DAY qualifiers are filled from 2000-01-01 so that
// values of one column stay comparable. HOUR, MINUTE, SECOND and FRACTION starts are
// PostgreSQL time. INTERVALs are PostgreSQL interval.

import { InformixSqlError } from "../engine/informix-sql-error.js";
import { pgString } from "./context.js";
import { fractionDigits, type Qualifier } from "./qualifier.js";

const FILL = [2000, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0];

/** True when the DATETIME qualifier is stored as PostgreSQL time (starts at HOUR or later). */
export function isTimeQualifier(q: Qualifier): boolean {
  return q.start >= 6;
}

function bad(): InformixSqlError {
  return new InformixSqlError(-1262);
}

/** Splits an Informix DATETIME literal into the digit fields of its qualifier. */
function datetimeFields(text: string, q: Qualifier): { fields: number[]; fraction: string } {
  const t = text.trim();
  if (!/^[0-9\s:.-]+$/.test(t)) throw bad();
  const parts = t.split(/[\s:.-]+/).filter((p) => p.length > 0);
  const fields = [...FILL];
  let fraction = "";
  let k = 0;
  if (q.start < 12) {
    for (let u = q.start; u <= Math.min(q.end, 10) && k < parts.length; u += 2) fields[u] = Number(parts[k++]);
    if (q.end > 10 && k < parts.length) fraction = parts[k++]!;
  } else fraction = parts[k++] ?? "";
  if (k < parts.length) throw new InformixSqlError(-1264);
  return { fields, fraction };
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

/** Informix DATETIME literal text → PostgreSQL timestamp or time text. */
export function datetimeToPg(text: string, q: Qualifier): string {
  const { fields, fraction } = datetimeFields(text, q);
  const [y, , mo, , d, , h, , mi, , s] = fields as [number, 0, number, 0, number, 0, number, 0, number, 0, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) throw new InformixSqlError(-1263);
  const time = `${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}${fraction ? `.${fraction}` : ""}`;
  return isTimeQualifier(q) ? time : `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)} ${time}`;
}

/**
 * A parameter string meant for a timestamp or time: accepts the Informix literal of any
 * qualifier that starts at YEAR (or HOUR for time) and fills the missing trailing fields.
 */
export function datetimeParamToPg(text: string, time: boolean): string {
  let t = text.trim();
  // A two-digit first field is MONTH (MONTH TO x or DAY TO x values): fill the year.
  if (!time && /^\d{1,2}-\d{1,2}( |$)/.test(t)) t = `2000-${t}`;
  if (time || !/^\d{1,4}-\d{1,2}($|-)/.test(t) || /^\d{4}-\d{2}-\d{2}/.test(t)) return t;
  const parts = t.split(/[\s:.-]+/);
  const fields = [parts[0], parts[1] ?? "1", parts[2] ?? "1", parts[3] ?? "0", parts[4] ?? "0", parts[5] ?? "0"];
  return `${fields[0]}-${fields[1]}-${fields[2]} ${fields[3]}:${fields[4]}:${fields[5]}${parts[6] ? `.${parts[6]}` : ""}`;
}

/** PostgreSQL timestamp/time text → the Informix literal of exactly the qualifier `q`. */
export function pgToDatetime(pg: string, q: Qualifier): string {
  const m = /^(?:(\d+)-(\d\d)-(\d\d)\s*)?(?:(\d\d):(\d\d):(\d\d)(?:\.(\d+))?)?/.exec(pg);
  if (m === null) return pg;
  const values: Record<number, string> = {
    0: (m[1] ?? "2000").padStart(4, "0"),
    2: m[2] ?? "01",
    4: m[3] ?? "01",
    6: m[4] ?? "00",
    8: m[5] ?? "00",
    10: m[6] ?? "00",
  };
  const seps: Record<number, string> = { 2: "-", 4: "-", 6: " ", 8: ":", 10: ":" };
  let out = "";
  for (let u = q.start; u <= Math.min(q.end, 10); u += 2) {
    if (u !== q.start) out += seps[u];
    out += values[u];
  }
  const digits = fractionDigits(q.end);
  if (digits > 0) {
    const frac = (m[7] ?? "").padEnd(6, "0").slice(0, digits);
    out += q.start >= 12 ? frac : `.${frac}`;
  }
  return out;
}

const INTERVAL_UNITS = ["years", "", "months", "", "days", "", "hours", "", "minutes", "", "seconds"];

/** Informix INTERVAL literal ("-3 03:27:01.12345", "-3-02") → PostgreSQL interval text. */
export function intervalToPg(text: string, q: Qualifier): string {
  let t = text.trim();
  let sign = "";
  if (t.startsWith("-")) {
    sign = "-";
    t = t.slice(1).trim();
  } else if (t.startsWith("+")) t = t.slice(1).trim();
  if (!/^[0-9\s:.-]+$/.test(t)) throw bad();
  const parts = t.split(/[\s:.-]+/).filter((p) => p.length > 0);
  const out: string[] = [];
  let k = 0;
  for (let u = q.start; u <= Math.min(q.end, 10) && k < parts.length; u += 2) {
    out.push(`${sign}${Number(parts[k++])} ${INTERVAL_UNITS[u]}`);
  }
  if (q.end > 10 && k < parts.length) {
    const frac = parts[k++]!;
    const secs = q.start <= 10 && out.length > 0 ? out.pop()!.replace(" seconds", "") : `${sign}0`;
    out.push(`${secs}.${frac} seconds`);
  }
  if (k < parts.length) throw new InformixSqlError(-1264);
  return out.length === 0 ? "0" : out.join(" ");
}

/** Parses PostgreSQL interval text (IntervalStyle postgres) into months and microseconds. */
export function parsePgInterval(pg: string): { months: bigint; micros: bigint } {
  let months = 0n;
  let days = 0n;
  let micros = 0n;
  for (const m of pg.matchAll(/([+-]?\d+) (year|mon|day)s?/g)) {
    const v = BigInt(m[1]!);
    if (m[2] === "year") months += v * 12n;
    else if (m[2] === "mon") months += v;
    else days += v;
  }
  const tm = /([+-])?(\d+):(\d\d):(\d\d)(?:\.(\d+))?/.exec(pg);
  if (tm) {
    const frac = BigInt((tm[5] ?? "").padEnd(6, "0").slice(0, 6));
    let us = ((BigInt(tm[2]!) * 60n + BigInt(tm[3]!)) * 60n + BigInt(tm[4]!)) * 1000000n + frac;
    if (tm[1] === "-") us = -us;
    micros += us;
  }
  return { months, micros: micros + days * 86400000000n };
}

const UNIT_MICROS: Record<number, bigint> = {
  4: 86400000000n,
  6: 3600000000n,
  8: 60000000n,
  10: 1000000n,
};

/** PostgreSQL interval text → the Informix literal of the INTERVAL qualifier `q`. */
export function pgToInterval(pg: string, q: Qualifier): string {
  const { months, micros } = parsePgInterval(pg);
  if (q.start <= 2) {
    const neg = months < 0n;
    const abs = neg ? -months : months;
    const text = q.start === 0 ? (q.end >= 2 ? `${abs / 12n}-${pad(Number(abs % 12n), 2)}` : `${abs / 12n}`) : `${abs}`;
    return (neg ? "-" : "") + text;
  }
  let total = micros + months * 30n * 86400000000n;
  const neg = total < 0n;
  if (neg) total = -total;
  let out = "";
  const seps: Record<number, string> = { 6: " ", 8: ":", 10: ":" };
  for (let u = q.start; u <= Math.min(q.end, 10); u += 2) {
    const unit = UNIT_MICROS[u]!;
    const v = total / unit;
    total -= v * unit;
    out += u === q.start ? String(v) : seps[u] + pad(Number(v), 2);
  }
  const digits = fractionDigits(q.end);
  if (digits > 0) {
    const frac = pad(Number(total), 6).slice(0, digits);
    out += q.start >= 12 ? frac : `.${frac}`;
  }
  return (neg ? "-" : "") + out;
}

const TRUNC_UNITS = ["year", "", "month", "", "day", "", "hour", "", "minute", "", "second"];

/** CURRENT with a qualifier: LOCALTIMESTAMP or LOCALTIME truncated to the last unit. */
export function currentExpr(q: Qualifier | null): string {
  if (q === null) return "LOCALTIMESTAMP(3)";
  const digits = fractionDigits(q.end);
  const base = isTimeQualifier(q) ? "LOCALTIME" : "LOCALTIMESTAMP";
  if (q.end >= 10) return `${base}(${digits})`;
  const trunc = `date_trunc(${pgString(TRUNC_UNITS[q.end]!)}, LOCALTIMESTAMP)`;
  return isTimeQualifier(q) ? `CAST(${trunc} AS time(0))` : `CAST(${trunc} AS timestamp(0))`;
}

export function extendExpr(arg: string, q: Qualifier | null): string {
  if (q === null) return `CAST(${arg} AS timestamp)`;
  const ts = `CAST(${arg} AS timestamp)`;
  const value = q.end >= 10 ? ts : `date_trunc(${pgString(TRUNC_UNITS[q.end]!)}, ${ts})`;
  return isTimeQualifier(q) ? `CAST(${value} AS time(${fractionDigits(q.end)}))` : value;
}
