// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The JS value of an Informix INTERVAL. Two classes exist and never mix: year-month
// (YEAR/MONTH units) and day-time (DAY … FRACTION). The leading field may have up to its
// declared precision (1-9 digits); later fields are bounded (MONTH 0-11, HOUR 0-23, …).
// One sign covers the whole interval, as on the wire.

import { TU_DAY, TU_MONTH, TU_SECOND } from "../../constants/type-codes.js";
import { decodeQualifier, parseQualifier, type Qualifier } from "../qualifier.js";
import { TypeCodecError } from "../type-codec-error.js";
import { checkFraction, FRACTION_INDEX, formatTemporal, parseTemporal } from "./temporal-text.js";

/** The fields of an INTERVAL; fraction is in 10^-5 s units. Missing fields are 0. */
export interface IntervalFields {
  readonly negative?: boolean;
  readonly years?: number;
  readonly months?: number;
  readonly days?: number;
  readonly hours?: number;
  readonly minutes?: number;
  readonly seconds?: number;
  readonly fraction?: number;
}

const PAIR = 100;
const UNIT_STEP = 2;
const DECIMAL_BASE = 10;
/** Upper bound (inclusive) of each unit when it is not the leading one, indexed by unit / 2. */
const FIELD_MAX = [0, 11, 0, 23, 59, 59];
const FIELD_NAMES = ["years", "months", "days", "hours", "minutes", "seconds"] as const;
const MS_PER_UNIT = [0, 0, 86_400_000, 3_600_000, 60_000, 1000];
const FRACTION_PER_MS = 100;

function intervalQualifierOf(qualifier: number | string): Qualifier {
  const q = decodeQualifier(typeof qualifier === "string" ? parseQualifier(qualifier, "interval") : qualifier);
  if (q.start <= TU_MONTH && q.end > TU_MONTH) {
    throw new TypeCodecError(
      "INVALID_QUALIFIER",
      `INTERVAL ${q.encoded.toString(16)} mixes year-month and day-time units`,
    );
  }
  return q;
}

/** An Informix INTERVAL value of a given qualifier (e.g. DAY(3) TO FRACTION(5), YEAR TO MONTH). */
export class InformixInterval {
  private constructor(
    private readonly q: Qualifier,
    readonly negative: boolean,
    readonly years: number,
    readonly months: number,
    readonly days: number,
    readonly hours: number,
    readonly minutes: number,
    readonly seconds: number,
    /** Fraction of a second in 10^-5 s units. */
    readonly fraction: number,
  ) {}

  /** Builds a value from fields; fields outside the qualifier must be 0 or absent. */
  static of(qualifier: number | string, fields: IntervalFields): InformixInterval {
    const q = intervalQualifierOf(qualifier);
    const values = [fields.years, fields.months, fields.days, fields.hours, fields.minutes, fields.seconds];
    for (let i = 0; i < values.length; i++) {
      const v = values[i] ?? 0;
      const unit = i * UNIT_STEP;
      const inside = q.start <= unit && unit <= q.integralEnd;
      const max = unit === q.start ? DECIMAL_BASE ** q.leadingDigits - 1 : inside ? FIELD_MAX[i]! : 0;
      if (!Number.isInteger(v) || v < 0 || v > max) {
        throw new TypeCodecError("VALUE_OUT_OF_RANGE", `INTERVAL ${FIELD_NAMES[i]} ${v} is outside 0..${max}`);
      }
      values[i] = v;
    }
    const fraction = fields.fraction ?? 0;
    checkFraction(q, fraction);
    const [years, months, days, hours, minutes, seconds] = values as number[];
    const zero = values.every((v) => v === 0) && fraction === 0;
    const negative = (fields.negative ?? false) && !zero;
    return new InformixInterval(q, negative, years!, months!, days!, hours!, minutes!, seconds!, fraction);
  }

  /**
   * Builds a value from its packed wire number (used by the INTERVAL codec): `integral` is the
   * fields down to the qualifier's last integral unit read as one base-100 number.
   */
  static fromPacked(q: Qualifier, negative: boolean, integral: number, fraction: number): InformixInterval {
    const f = [0, 0, 0, 0, 0, 0];
    let rest = integral;
    for (let u = q.integralEnd; u >= q.start; u -= UNIT_STEP) {
      const r = u === q.start ? rest : rest % PAIR;
      rest = (rest - r) / PAIR;
      f[u / UNIT_STEP] = r;
    }
    return new InformixInterval(q, negative, f[0]!, f[1]!, f[2]!, f[3]!, f[4]!, f[5]!, fraction);
  }

  /** Parses Informix literal text, e.g. ("-3 03:27:01.12345", "DAY(3) TO FRACTION(5)") or ("-3-02", "YEAR(3) TO MONTH"). */
  static parse(literal: string, qualifier: number | string): InformixInterval {
    const q = intervalQualifierOf(qualifier);
    const { negative, fields } = parseTemporal(literal, q, true);
    const [years, months, days, hours, minutes, seconds] = fields;
    const fraction = fields[FRACTION_INDEX];
    return InformixInterval.of(q.encoded, { negative, years, months, days, hours, minutes, seconds, fraction });
  }

  /** The encoded qualifier. */
  get qualifier(): number {
    return this.q.encoded;
  }

  /** The decoded qualifier (start/end units, leading precision, widths). */
  get qualifierInfo(): Qualifier {
    return this.q;
  }

  /** True for YEAR/MONTH intervals, false for DAY … FRACTION intervals. */
  get isYearMonth(): boolean {
    return this.q.start <= TU_MONTH;
  }

  /** Fields indexed by unit / 2, fraction last (the codec's layout). */
  fields(): number[] {
    return [this.years, this.months, this.days, this.hours, this.minutes, this.seconds, this.fraction];
  }

  /** Informix literal text, e.g. "-3 03:27:01.12345", "3-02", "-.00001". */
  toString(): string {
    return (this.negative ? "-" : "") + formatTemporal(this.q, this.fields(), false);
  }

  /** Total months of a year-month interval (signed). */
  toMonths(): number {
    if (!this.isYearMonth) throw new TypeCodecError("INVALID_VALUE", "toMonths() needs a YEAR/MONTH interval");
    const months = this.years * 12 + this.months;
    return this.negative ? -months : months;
  }

  /** Total milliseconds of a day-time interval (signed; finer fractions are truncated). */
  toMilliseconds(): number {
    if (this.isYearMonth) throw new TypeCodecError("INVALID_VALUE", "toMilliseconds() needs a DAY … FRACTION interval");
    const parts = [0, 0, this.days, this.hours, this.minutes, this.seconds];
    let ms = Math.floor(this.fraction / FRACTION_PER_MS);
    for (let u = TU_DAY; u <= TU_SECOND; u += UNIT_STEP) ms += parts[u / UNIT_STEP]! * MS_PER_UNIT[u / UNIT_STEP]!;
    return this.negative ? -ms : ms;
  }

  /** The Informix literal text (same as toString). */
  toJSON(): string {
    return this.toString();
  }

  equals(other: InformixInterval): boolean {
    return this.q.encoded === other.q.encoded && this.toString() === other.toString();
  }
}
