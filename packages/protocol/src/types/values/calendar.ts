// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Proleptic Gregorian day arithmetic (Howard Hinnant's days_from_civil / civil_from_days),
// counted the Informix way: day 0 = 1899-12-31 (statements-and-types.md §6.6, live-verified:
// 1970-01-01 is day 25568). Pure integer math, no Date and no time zone.

/** Informix day number of 1970-01-01. */
export const UNIX_EPOCH_DAY = 25568;
/** Informix day number of 0001-01-01 (the first DATE Informix accepts). */
export const MIN_DAY = -693594;
/** Informix day number of 9999-12-31 (the last DATE Informix accepts). */
export const MAX_DAY = 2958464;
export const MIN_YEAR = 1;
export const MAX_YEAR = 9999;
export const MS_PER_DAY = 86_400_000;

const DAYS_PER_ERA = 146097;
const YEARS_PER_ERA = 400;
/** Days from 0000-03-01 to 1970-01-01 in Hinnant's algorithm. */
const CIVIL_EPOCH_SHIFT = 719468;

/** True in Gregorian leap years. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in `month` (1-12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1]!;
}

/** Informix day number of a civil date (no range check). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / YEARS_PER_ERA);
  const yoe = y - era * YEARS_PER_ERA;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * DAYS_PER_ERA + doe - CIVIL_EPOCH_SHIFT + UNIX_EPOCH_DAY;
}

/** Civil date of an Informix day number, packed as year * 10000 + month * 100 + day. */
export function civilFromDays(days: number): number {
  const z = days - UNIX_EPOCH_DAY + CIVIL_EPOCH_SHIFT;
  const era = Math.floor(z / DAYS_PER_ERA);
  const doe = z - era * DAYS_PER_ERA;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * YEARS_PER_ERA + (month <= 2 ? 1 : 0);
  return year * 10000 + month * 100 + day;
}

/** Zero-padded decimal text of a non-negative integer. */
export function pad(value: number, digits: number): string {
  return String(value).padStart(digits, "0");
}
