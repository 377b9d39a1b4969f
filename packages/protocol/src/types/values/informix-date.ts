// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The JS value of an Informix DATE. It keeps the day number as it came off the wire and
// works out year/month/day only when asked, so decoding a DATE costs one small object.

import { TypeCodecError } from "../type-codec-error.js";
import {
  civilFromDays,
  daysFromCivil,
  daysInMonth,
  MAX_DAY,
  MIN_DAY,
  MS_PER_DAY,
  pad,
  UNIX_EPOCH_DAY,
} from "./calendar.js";

const NOT_COMPUTED = -1;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** An Informix DATE: a calendar day (proleptic Gregorian, 0001-01-01 … 9999-12-31), no time zone. */
export class InformixDate {
  /** Days since 1899-12-31 (the Informix wire and storage value). */
  readonly days: number;
  /** year * 10000 + month * 100 + day, worked out on first use. */
  private ymd: number;

  private constructor(days: number) {
    this.days = days;
    this.ymd = NOT_COMPUTED;
  }

  /** The date `days` after 1899-12-31. Throws VALUE_OUT_OF_RANGE outside 0001-01-01 … 9999-12-31. */
  static fromDays(days: number): InformixDate {
    if (!Number.isInteger(days) || days < MIN_DAY || days > MAX_DAY) {
      throw new TypeCodecError("VALUE_OUT_OF_RANGE", `DATE day number ${days} is outside 0001-01-01..9999-12-31`);
    }
    return new InformixDate(days);
  }

  /** The date year-month-day; throws VALUE_OUT_OF_RANGE for impossible dates (2023-02-29). */
  static of(year: number, month: number, day: number): InformixDate {
    if (
      !Number.isInteger(year) ||
      !Number.isInteger(month) ||
      !Number.isInteger(day) ||
      month < 1 ||
      month > 12 ||
      day < 1 ||
      day > daysInMonth(year, month)
    ) {
      throw new TypeCodecError("VALUE_OUT_OF_RANGE", `no such date ${year}-${month}-${day}`);
    }
    return InformixDate.fromDays(daysFromCivil(year, month, day));
  }

  /** Parses "YYYY-MM-DD". */
  static parse(text: string): InformixDate {
    const m = ISO_DATE.exec(text);
    if (!m) throw new TypeCodecError("INVALID_VALUE", `DATE text must be YYYY-MM-DD, got "${text}"`);
    return InformixDate.of(Number(m[1]), Number(m[2]), Number(m[3]));
  }

  /** The UTC calendar day of a JS Date (its time of day is ignored; no local time zone is applied). */
  static fromDate(date: Date): InformixDate {
    return InformixDate.fromDays(Math.floor(date.getTime() / MS_PER_DAY) + UNIX_EPOCH_DAY);
  }

  private civil(): number {
    if (this.ymd === NOT_COMPUTED) this.ymd = civilFromDays(this.days);
    return this.ymd;
  }

  get year(): number {
    return Math.floor(this.civil() / 10000);
  }

  get month(): number {
    return Math.floor(this.civil() / 100) % 100;
  }

  get day(): number {
    return this.civil() % 100;
  }

  /** "YYYY-MM-DD". */
  toString(): string {
    return `${pad(this.year, 4)}-${pad(this.month, 2)}-${pad(this.day, 2)}`;
  }

  /** The JS Date at UTC midnight of this day. */
  toDate(): Date {
    return new Date((this.days - UNIX_EPOCH_DAY) * MS_PER_DAY);
  }

  /** "YYYY-MM-DD", so JSON.stringify shows the calendar day. */
  toJSON(): string {
    return this.toString();
  }

  equals(other: InformixDate): boolean {
    return this.days === other.days;
  }
}
