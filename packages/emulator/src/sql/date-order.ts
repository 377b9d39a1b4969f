// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The order of day, month and year in date text, from the session's DBDATE (or GL_DATE).
// IDS reads character strings converted to DATE in that order: with DBDATE=DMY4/ the
// string '25/12/2026' is Christmas. DBDATE names the fields in order (M, D, Y2 or Y4) and
// then a separator (MDY4/ is IDS's default); GL_DATE is a format with %d, %m and %y/%Y
// (or %iy/%iY), used when DBDATE is not set. The engine gets the order as PostgreSQL's
// DateStyle field order, which governs how PostgreSQL reads ambiguous date text.

export type DateOrder = "MDY" | "DMY" | "YMD";

/** IDS's default, MDY4/. */
export const DEFAULT_DATE_ORDER: DateOrder = "MDY";

function orderOfLetters(letters: string): DateOrder | undefined {
  const m = letters.indexOf("M");
  const d = letters.indexOf("D");
  const y = letters.indexOf("Y");
  if (m < 0 || d < 0 || y < 0) return undefined;
  if (y < m && y < d) return "YMD"; // PostgreSQL has no YDM: year first reads year-month-day
  return d < m ? "DMY" : "MDY";
}

/** The date order of a login environment's DBDATE / GL_DATE; the default when neither says. */
export function dateOrderOf(dbdate: string | undefined, glDate?: string): DateOrder {
  if (dbdate !== undefined && dbdate.trim() !== "") {
    return orderOfLetters(dbdate.toUpperCase().replace(/[^MDY]/g, "")) ?? DEFAULT_DATE_ORDER;
  }
  if (glDate !== undefined) {
    const letters = [...glDate.matchAll(/%[-0-9.]*i?([dmyY])/g)].map((f) => f[1]!.toUpperCase()).join("");
    return orderOfLetters(letters) ?? DEFAULT_DATE_ORDER;
  }
  return DEFAULT_DATE_ORDER;
}
