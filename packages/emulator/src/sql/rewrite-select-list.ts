// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Select-list items IDS types or names differently from PostgreSQL:
//   - a bare placeholder (`SELECT ? FROM t`, `SELECT ? AS v`): IDS cannot type it and
//     rejects it with -201 at the `?`; `?::INTEGER` and `CAST(? AS INTEGER)` are fine;
//   - a literal: IDS describes 'abc' as CHAR(3), an integer that fits INTEGER as
//     INTEGER, other integers and decimals as DECIMAL(p,s) by their digits, a literal
//     with an exponent as FLOAT, and names the column "(constant)";
//   - COUNT(*) is named "(count(*))".
// Literals become casts; unnamed items get those names as aliases.

import { InformixSqlError } from "../engine/informix-sql-error.js";
import { pgIdent, pgString } from "./context.js";
import { isOp, isWord, raw, type Token } from "./tokenizer.js";

/** Words that end a select list at its own depth. */
const LIST_END = new Set([
  "from",
  "into",
  "where",
  "group",
  "having",
  "order",
  "union",
  "intersect",
  "except",
  "limit",
  "offset",
  "for",
]);

const MAX_CHAR = 32767;
const MAX_DIGITS = 32;
const INT_MAX = 2147483647;

/** The PostgreSQL type of a numeric literal as IDS types it, or null to leave it alone. */
function numericType(text: string): string | null {
  if (/[eE]/.test(text)) return "double precision";
  const [whole = "", frac] = text.split(".");
  if (frac === undefined) {
    if (Number(whole) <= INT_MAX) return "integer";
    const digits = whole.replace(/^0+/, "").length;
    return digits <= MAX_DIGITS ? `numeric(${digits},0)` : null;
  }
  const scale = frac.length;
  const precision = Math.max(1, whole.replace(/^0+/, "").length + scale);
  return precision <= MAX_DIGITS ? `numeric(${precision},${scale})` : null;
}

/** PostgreSQL text of a literal select-list expression, cast to its IDS type, or null. */
function literalCast(expr: readonly Token[]): string | null {
  const [a, b] = expr;
  if (expr.length === 1 && (a!.kind === "string" || a!.kind === "quoted")) {
    const n = [...a!.value].length;
    if (n === 0 || n > MAX_CHAR) return null;
    return `CAST(${pgString(a!.value)} AS char(${n}))`;
  }
  const signed = expr.length === 2 && (isOp(a, "-") || isOp(a, "+")) && b!.kind === "number";
  if (!(expr.length === 1 && a!.kind === "number") && !signed) return null;
  const num = signed ? b! : a!;
  const type = numericType(num.text);
  if (type === null) return null;
  return `CAST(${signed && isOp(a, "-") ? "-" : ""}${num.text} AS ${type})`;
}

function isCountStar(expr: readonly Token[]): boolean {
  return (
    expr.length === 4 && isWord(expr[0], "count") && isOp(expr[1], "(") && isOp(expr[2], "*") && isOp(expr[3], ")")
  );
}

/** Splits an item into its expression and its alias tokens (`AS x` or `x`). */
function splitAlias(item: readonly Token[]): { expr: Token[]; alias: Token[] } {
  const n = item.length;
  if (n >= 3 && isWord(item[n - 2], "as")) return { expr: item.slice(0, n - 2), alias: item.slice(n - 2) };
  const last = item[n - 1];
  const prev = item[n - 2];
  const name = last !== undefined && (last.kind === "word" || last.kind === "quoted" || last.kind === "raw");
  const operand = prev !== undefined && (prev.kind === "number" || prev.kind === "string" || isOp(prev, ")"));
  if (n >= 2 && name && (operand || prev?.kind === "param")) return { expr: item.slice(0, n - 1), alias: [last] };
  return { expr: [...item], alias: [] };
}

function rewriteItem(item: Token[]): Token[] {
  const { expr, alias } = splitAlias(item);
  const at = item[0]!.start;
  if (expr.length === 1 && expr[0]!.kind === "param") {
    throw new InformixSqlError(-201, 0, "", expr[0]!.start + 1);
  }
  const named = (text: string, implicit: string): Token[] => [
    raw(text, at),
    ...(alias.length > 0 ? alias : [raw(`AS ${pgIdent(implicit)}`, at)]),
  ];
  const cast = literalCast(expr);
  if (cast !== null) return named(cast, "(constant)");
  if (isCountStar(expr) && alias.length === 0) return [...item, raw(`AS ${pgIdent("(count(*))")}`, at)];
  return item;
}

/** Rewrites the items of every select list (at any depth) of a query. */
export function rewriteSelectLists(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    out.push(t);
    i++;
    if (!isWord(t, "select")) continue;
    while (isWord(tokens[i], "distinct", "unique", "all")) out.push(tokens[i++]!);
    let depth = 0;
    let item: Token[] = [];
    const flush = (): void => {
      if (item.length > 0) out.push(...rewriteItem(rewriteSelectLists(item)));
      item = [];
    };
    for (; i < tokens.length; i++) {
      const u = tokens[i]!;
      if (isOp(u, "(")) depth++;
      else if (isOp(u, ")") && --depth < 0) break;
      if (depth === 0 && u.kind === "word" && LIST_END.has(u.value)) break;
      if (depth === 0 && isOp(u, ",")) {
        flush();
        out.push(u);
        continue;
      }
      item.push(u);
    }
    flush();
  }
  return out;
}
