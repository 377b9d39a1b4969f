// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The JS value of an Informix DATETIME: the qualifier plus the fields it covers, kept
// exactly (FRACTION(5) included, which a JS Date cannot hold). Units outside the
// qualifier are 0. Nothing here applies a time zone: a DATETIME is a wall-clock reading.

import { TU_DAY, TU_HOUR, TU_MINUTE, TU_MONTH, TU_SECOND, TU_YEAR } from "../../constants/type-codes.js";
import { decodeQualifier, isDatetimeQualifier, parseQualifier, type Qualifier } from "../qualifier.js";
import { TypeCodecError } from "../type-codec-error.js";
import { daysInMonth, MAX_YEAR, MIN_YEAR } from "./calendar.js";
import { checkFraction, FRACTION_INDEX, formatTemporal, parseTemporal } from "./temporal-text.js";

/** The fields of a DATETIME; fraction is in 10^-5 s units (.12345 → 12345, .5 → 50000). */
export interface DateTimeFields {
  readonly year?: number;
  readonly month?: number;
  readonly day?: number;
  readonly hour?: number;
  readonly minute?: number;
  readonly second?: number;
  readonly fraction?: number;
}

const LEAP_YEAR = 2000;
const FRACTION_PER_MS = 100;
const MAX_HOUR = 23;
const MAX_MINUTE = 59;
const EPOCH_YEAR = 1970;

function datetimeQualifierOf(qualifier: number | string): Qualifier {
  const encoded = typeof qualifier === "string" ? parseQualifier(qualifier, "datetime") : qualifier;
  if (!isDatetimeQualifier(encoded)) {
    throw new TypeCodecError("INVALID_QUALIFIER", `0x${encoded.toString(16)} is not a DATETIME qualifier`);
  }
  return decodeQualifier(encoded);
}

function inRange(name: string, v: number, min: number, max: number): void {
  if (!Number.isInteger(v) || v < min || v > max) {
    throw new TypeCodecError("VALUE_OUT_OF_RANGE", `DATETIME ${name} ${v} is outside ${min}..${max}`);
  }
}

/** An Informix DATETIME value of a given qualifier (e.g. YEAR TO SECOND, HOUR TO MINUTE). */
export class InformixDateTime {
  private constructor(
    private readonly q: Qualifier,
    readonly year: number,
    readonly month: number,
    readonly day: number,
    readonly hour: number,
    readonly minute: number,
    readonly second: number,
    /** Fraction of a second in 10^-5 s units. */
    readonly fraction: number,
  ) {}

  /** Builds a value from fields; units outside the qualifier are ignored, missing ones are 0 (MONTH/DAY 1). */
  static of(qualifier: number | string, fields: DateTimeFields): InformixDateTime {
    const q = datetimeQualifierOf(qualifier);
    const has = (unit: number): boolean => q.start <= unit && unit <= q.integralEnd;
    const year = has(TU_YEAR) ? (fields.year ?? MIN_YEAR) : 0;
    const month = has(TU_MONTH) ? (fields.month ?? 1) : 0;
    const day = has(TU_DAY) ? (fields.day ?? 1) : 0;
    const hour = has(TU_HOUR) ? (fields.hour ?? 0) : 0;
    const minute = has(TU_MINUTE) ? (fields.minute ?? 0) : 0;
    const second = has(TU_SECOND) ? (fields.second ?? 0) : 0;
    const fraction = q.fractionDigits > 0 ? (fields.fraction ?? 0) : 0;
    if (has(TU_YEAR)) inRange("year", year, MIN_YEAR, MAX_YEAR);
    if (has(TU_MONTH)) inRange("month", month, 1, 12);
    if (has(TU_DAY)) inRange("day", day, 1, daysInMonth(has(TU_YEAR) ? year : LEAP_YEAR, has(TU_MONTH) ? month : 1));
    inRange("hour", hour, 0, MAX_HOUR);
    inRange("minute", minute, 0, MAX_MINUTE);
    inRange("second", second, 0, MAX_MINUTE);
    checkFraction(q, fraction);
    return new InformixDateTime(q, year, month, day, hour, minute, second, fraction);
  }

  /**
   * Builds a value from fields read off the wire, without range checks (the DATETIME codec
   * calls it per decoded value; the server only sends valid fields). Use {@link of} otherwise.
   */
  static fromWireFields(
    q: Qualifier,
    year: number,
    month: number,
    day: number,
    hour: number,
    minute: number,
    second: number,
    fraction: number,
  ): InformixDateTime {
    return new InformixDateTime(q, year, month, day, hour, minute, second, fraction);
  }

  /** Parses Informix literal text of the qualifier, e.g. ("2026-06-20 12:34:56.12345", "YEAR TO FRACTION(5)"). */
  static parse(literal: string, qualifier: number | string): InformixDateTime {
    const q = datetimeQualifierOf(qualifier);
    const { fields } = parseTemporal(literal, q, false);
    const [year, month, day, hour, minute, second] = fields;
    return InformixDateTime.of(q.encoded, { year, month, day, hour, minute, second, fraction: fields[FRACTION_INDEX] });
  }

  /** The UTC fields of a JS Date, cut to the qualifier (default YEAR TO FRACTION(3)). */
  static fromDate(date: Date, qualifier: number | string = "YEAR TO FRACTION(3)"): InformixDateTime {
    return InformixDateTime.of(qualifier, {
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      hour: date.getUTCHours(),
      minute: date.getUTCMinutes(),
      second: date.getUTCSeconds(),
      fraction: date.getUTCMilliseconds() * FRACTION_PER_MS,
    });
  }

  /** The encoded qualifier. */
  get qualifier(): number {
    return this.q.encoded;
  }

  /** The decoded qualifier (start/end units, widths). */
  get qualifierInfo(): Qualifier {
    return this.q;
  }

  /** Fields indexed by unit / 2, fraction last (the codec's layout). */
  fields(): number[] {
    return [this.year, this.month, this.day, this.hour, this.minute, this.second, this.fraction];
  }

  /** Informix literal text of the value's own qualifier, e.g. "2026-06-20 12:34:56" or "23:59". */
  toString(): string {
    return formatTemporal(this.q, this.fields(), true);
  }

  /**
   * A JS Date read as UTC. Units the qualifier lacks default to 1970-01-01 00:00:00.000
   * (leading) or the start of the period (trailing); fractions finer than 1 ms are truncated.
   */
  toDate(): Date {
    const has = (unit: number): boolean => this.q.start <= unit && unit <= this.q.integralEnd;
    const d = new Date(0);
    d.setUTCFullYear(
      has(TU_YEAR) ? this.year : EPOCH_YEAR,
      has(TU_MONTH) ? this.month - 1 : 0,
      has(TU_DAY) ? this.day : 1,
    );
    d.setUTCHours(this.hour, this.minute, this.second, Math.floor(this.fraction / FRACTION_PER_MS));
    return d;
  }

  /** The Informix literal text (same as toString). */
  toJSON(): string {
    return this.toString();
  }

  equals(other: InformixDateTime): boolean {
    return this.q.encoded === other.q.encoded && this.toString() === other.toString();
  }
}
