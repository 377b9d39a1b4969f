// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Built-in functions IDS has and PostgreSQL lacks or spells differently, as rewrites of the
// call (functions PostgreSQL can run as they are live in engine/builtin-functions-sql.ts).
// Semantics from the IDS SQL reference ("Aggregate Expressions", "Function Expressions"):
//   STDEV(x) / VARIANCE(x)       the sample standard deviation / variance (N - 1)
//   RANGE(x)                     MAX(x) - MIN(x)
//   RATIO_TO_REPORT(x) OVER (w)  x / SUM(x) OVER (w) (also spelled RATIOTOREPORT)
//   ROWNUMBER(), DENSERANK()     ROW_NUMBER(), DENSE_RANK()
//   REPLACE(s, old)              REPLACE(s, old, '') (the third argument is optional)
//   TO_NUMBER(s)                 s as DECIMAL
//   QUARTER(d)                   1 to 4, SMALLINT
//   ROUND/TRUNC(d [, 'fmt'])     a DATE or DATETIME rounded / truncated to the format's unit
//                                (informix.round / informix.trunc)
//   DBINFO('utc_to_datetime', n) the DATETIME YEAR TO SECOND of n seconds after 1970-01-01 UTC

import { pgString } from "./context.js";
import { datetimeToPg, intervalToPg } from "./datetime-values.js";
import type { DeclaredType } from "./informix-types.js";
import { decodeQualifier } from "./qualifier.js";
import { isOp, isWord, matchParen, raw, type Token } from "./tokenizer.js";
import { SQLDTIME, SQLINTERVAL } from "./type-codes.js";

type Sub = (ts: readonly Token[]) => Token[];

/** `DISTINCT`/`UNIQUE`/`ALL` that may open an aggregate's argument, split off (UNIQUE is DISTINCT). */
function quantified(arg: readonly Token[], at: number): { q: Token[]; rest: readonly Token[] } {
  if (!isWord(arg[0], "distinct", "unique", "all")) return { q: [], rest: arg };
  return { q: [raw(arg[0]!.value === "all" ? "ALL" : "DISTINCT", at)], rest: arg.slice(1) };
}

/** The index of the ")" that ends an `OVER (...)` right after `close`, or -1. */
function overEnd(tokens: readonly Token[], close: number): number {
  if (!isWord(tokens[close + 1], "over") || !isOp(tokens[close + 2], "(")) return -1;
  return matchParen(tokens, close + 2);
}

/** True when a token list is one string literal (a format argument). */
export function isStringLiteral(arg: readonly Token[] | undefined): boolean {
  return arg?.length === 1 && (arg[0]!.kind === "string" || arg[0]!.kind === "quoted");
}

/**
 * Rewrites the built-in call whose name is tokens[i] and whose arguments end at `close`.
 * Returns the index of the last token consumed, or -1 when the call is not one of these.
 */
export function pushBuiltin(
  t: Token,
  tokens: readonly Token[],
  _i: number,
  args: readonly Token[][],
  close: number,
  out: Token[],
  sub: Sub,
): number {
  const at = t.start;
  const a = (n: number): Token[] => sub(args[n] ?? []);
  switch (t.value) {
    case "stdev":
    case "variance": {
      if (args.length !== 1) return -1;
      const { q, rest } = quantified(args[0]!, at);
      const name = t.value === "stdev" ? "stddev_samp" : "var_samp";
      out.push(raw(`${name}(`, at), ...q, ...sub(rest), raw(")", at));
      return close;
    }
    case "range": {
      if (args.length !== 1) return -1;
      const x = sub(quantified(args[0]!, at).rest);
      out.push(raw("(max(", at), ...x, raw(") - min(", at), ...x, raw("))", at));
      return close;
    }
    case "rownumber":
    case "denserank":
      // IDS's one-word spellings of ROW_NUMBER and DENSE_RANK.
      out.push(raw(t.value === "rownumber" ? "row_number(" : "dense_rank(", at), raw(")", at));
      return close;
    case "ratio_to_report":
    case "ratiotoreport": {
      const end = overEnd(tokens, close);
      if (args.length !== 1 || end < 0) return -1;
      const x = a(0);
      const window = sub(tokens.slice(close + 1, end + 1));
      out.push(raw("(CAST(", at), ...x, raw(" AS numeric) / sum(", at), ...x, raw(")", at), ...window, raw(")", at));
      return end;
    }
    case "replace":
      if (args.length !== 2) return -1;
      out.push(raw("replace(", at), ...a(0), raw(",", at), ...a(1), raw(", '')", at));
      return close;
    case "to_number":
      if (args.length !== 1) return -1;
      out.push(raw("CAST(", at), ...a(0), raw(" AS numeric)", at));
      return close;
    case "quarter":
      if (args.length !== 1) return -1;
      out.push(raw("CAST(EXTRACT(QUARTER FROM CAST(", at), ...a(0), raw(" AS timestamp)) AS smallint)", at));
      return close;
    case "round":
    case "trunc":
      // A format makes it the DATE/DATETIME form; a number's is rewrite-calls' ROUND/TRUNC.
      if (args.length !== 2 || !isStringLiteral(args[1])) return -1;
      out.push(raw(`informix.${t.value}(`, at), ...a(0), raw(",", at), ...a(1), raw(")", at));
      return close;
    default:
      return -1;
  }
}

/** DBINFO('utc_to_datetime', n): the DATETIME YEAR TO SECOND of n seconds since the epoch, UTC. */
export function utcToDatetime(arg: Token[], at: number): Token[] {
  return [raw("CAST(to_timestamp(", at), ...arg, raw(") AT TIME ZONE 'UTC' AS timestamp(0))", at)];
}

/**
 * A quoted string cast to a DATETIME or INTERVAL (`CAST('5 10' AS INTERVAL DAY TO HOUR)`,
 * `'10:30'::DATETIME HOUR TO MINUTE`) read in the target's qualifier, as IDS reads it; null for
 * any other operand or type (PostgreSQL would read '5 10' as something else, or not at all).
 */
export function timeLiteral(operand: readonly Token[], type: DeclaredType): Token | null {
  const t = operand[0];
  if (operand.length !== 1 || t?.kind !== "string") return null;
  if (type.code !== SQLDTIME && type.code !== SQLINTERVAL) return null;
  const interval = type.code === SQLINTERVAL;
  const q = decodeQualifier(type.encodedLength, interval);
  return raw(pgString(interval ? intervalToPg(t.value, q) : datetimeToPg(t.value, q)), t.start);
}
