// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Placeholders: `?` markers go to the server as they are; `:1`-style numeric markers are
// rewritten to `?` (with the parameter order they ask for). Text inside '…' and "…"
// literals, `-- …` and `/* … */` and `{ … }` comments is left alone; `::` casts too.

import { DriverError } from "../errors.js";

export interface PlaceholderPlan {
  /** SQL to prepare (`:n` replaced by `?`). */
  readonly sql: string;
  /** Number of `?` markers. */
  readonly count: number;
  /** For `:n` SQL, the 0-based parameter index of each marker; undefined for `?` SQL. */
  readonly order: readonly number[] | undefined;
}

const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";
const isWord = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_$]/.test(c);

/** Scans `sql` once; rewrites `:n` markers and counts the markers. */
export function planPlaceholders(sql: string): PlaceholderPlan {
  let out = "";
  let count = 0;
  let questions = 0;
  const order: number[] = [];
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const c = sql[i]!;
    const next = sql[i + 1];
    if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < n) {
        if (sql[j] === c) {
          if (sql[j + 1] === c) j += 2;
          else break;
        } else j++;
      }
      out += sql.slice(i, j + 1);
      i = j + 1;
    } else if (c === "-" && next === "-") {
      const end = sql.indexOf("\n", i);
      const j = end === -1 ? n : end;
      out += sql.slice(i, j);
      i = j;
    } else if (c === "/" && next === "*") {
      const end = sql.indexOf("*/", i + 2);
      const j = end === -1 ? n : end + 2;
      out += sql.slice(i, j);
      i = j;
    } else if (c === "{") {
      const end = sql.indexOf("}", i + 1);
      const j = end === -1 ? n : end + 1;
      out += sql.slice(i, j);
      i = j;
    } else if (c === "?") {
      questions++;
      count++;
      out += c;
      i++;
    } else if (c === ":" && next === ":") {
      out += "::";
      i += 2;
    } else if (c === ":" && isDigit(next) && !isWord(sql[i - 1])) {
      let j = i + 1;
      while (isDigit(sql[j])) j++;
      if (isWord(sql[j])) {
        out += sql.slice(i, j);
        i = j;
        continue;
      }
      const index = Number(sql.slice(i + 1, j));
      if (index < 1) throw new DriverError("INVALID_ARGUMENT", `placeholder :${index} must be :1 or higher`);
      order.push(index - 1);
      count++;
      out += "?";
      i = j;
    } else {
      out += c;
      i++;
    }
  }
  if (questions > 0 && order.length > 0) {
    throw new DriverError("INVALID_ARGUMENT", "do not mix ? and :n placeholders in one statement");
  }
  return { sql: out, count, order: order.length > 0 ? order : undefined };
}

/** Orders `params` for the markers of `plan`; checks the count. */
export function orderParameters(plan: PlaceholderPlan, params: readonly unknown[]): readonly unknown[] {
  if (plan.order === undefined) {
    if (params.length !== plan.count) {
      throw new DriverError(
        "INVALID_ARGUMENT",
        `the statement has ${plan.count} placeholder(s) but ${params.length} parameter(s) were given`,
      );
    }
    return params;
  }
  const needed = Math.max(...plan.order) + 1;
  if (params.length !== needed) {
    throw new DriverError(
      "INVALID_ARGUMENT",
      `the statement uses :1..:${needed} but ${params.length} parameter(s) were given`,
    );
  }
  return plan.order.map((i) => params[i]);
}
