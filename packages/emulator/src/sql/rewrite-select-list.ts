// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Select-list items IDS types or names differently from PostgreSQL:
//   - a bare placeholder (`SELECT ? FROM t`, `SELECT ? AS v`): IDS cannot type it and
//     rejects it with -201 at the `?`; `?::INTEGER` and `CAST(? AS INTEGER)` are fine;
//   - a literal: IDS describes 'abc' as CHAR(3), an integer that fits INTEGER as
//     INTEGER, other integers and decimals as DECIMAL(p,s) by their digits, a literal
//     with an exponent as FLOAT, and names the column "(constant)";
//   - COUNT(*) is named "(count(*))", STDEV/VARIANCE/RANGE "(stdev)" etc.;
//   - any other unnamed item that is not a column is "(expression)", whatever PostgreSQL would
//     call it (a cast, TRIM, EXTEND, a subquery: IDS names none of them after a column);
//   - the niladic built-ins are named after themselves: TODAY "(today)", CURRENT [q] "(current)",
//     USER "(user)", DBSERVERNAME "(dbservername)", SITENAME "(sitename)", SYSDATE "(sysdate)"
//     [inferred: IDS's naming of its other unnamed items], and `seq.NEXTVAL` / `seq.CURRVAL`
//     "(expression)" (PostgreSQL would say nextval, current_date, localtimestamp, ...).
// Literals become casts; unnamed items get those names as aliases. The items of the first
// select list also get a SelectType where IDS types them otherwise than PostgreSQL.

import { InformixSqlError } from "../engine/informix-sql-error.js";
import { pgIdent, pgString } from "./context.js";
import type { SelectType } from "./plan.js";
import { encodeDatetime, encodeInterval, parseQualifier, type Qualifier } from "./qualifier.js";
import { isOp, isWord, matchParen, raw, type Token } from "./tokenizer.js";
import { SQLDTIME, SQLINTERVAL } from "./type-codes.js";

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

const NILADIC = new Set(["today", "current", "user", "dbservername", "sitename", "sysdate"]);

/** IDS's name of an unnamed niladic built-in or sequence reference, or null. */
function builtinName(expr: readonly Token[]): string | null {
  const [a, b, c] = expr;
  if (a?.kind !== "word") return null;
  if (expr.length === 1 && NILADIC.has(a.value)) return `(${a.value})`;
  if (a.value === "current" && !isWord(b, "of") && parseQualifier(expr, 1)?.next === expr.length) return "(current)";
  if (expr.length === 3 && isOp(b, ".") && isWord(c, "nextval", "currval")) return "(expression)";
  return null;
}

function isCountStar(expr: readonly Token[]): boolean {
  return (
    expr.length === 4 && isWord(expr[0], "count") && isOp(expr[1], "(") && isOp(expr[2], "*") && isOp(expr[3], ")")
  );
}

/** The SelectType of an item's expression, or null when PostgreSQL's type is IDS's. */
function selectType(expr: readonly Token[]): SelectType | null {
  const [a, b] = expr;
  const hint = (interval: boolean, q: Qualifier): SelectType =>
    interval
      ? { code: SQLINTERVAL, encodedLength: encodeInterval(q) }
      : { code: SQLDTIME, encodedLength: encodeDatetime(q) };
  // CURRENT q: a DATETIME with that qualifier.
  if (isWord(a, "current") && expr.length > 1) {
    const parsed = parseQualifier(expr, 1);
    return parsed !== null && parsed.next === expr.length ? hint(false, parsed.q) : null;
  }
  const close = isOp(b, "(") ? matchParen(expr, 1) : -1;
  if (isWord(a, "datetime", "interval") && close > 0) {
    const parsed = parseQualifier(expr, close + 1);
    if (parsed === null || parsed.next !== expr.length) return null;
    return hint(isWord(a, "interval"), parsed.q);
  }
  if (close === expr.length - 1 && isWord(a, "extend", "cast")) {
    // EXTEND(x, q) and CAST(x AS DATETIME q / INTERVAL q): the qualifier after the depth-0 `,` / AS.
    let depth = 0;
    for (let k = 2; k < close; k++) {
      const t = expr[k]!;
      if (isOp(t, "(")) depth++;
      else if (isOp(t, ")")) depth--;
      else if (depth === 0 && isWord(a, "extend") && isOp(t, ",")) {
        const parsed = parseQualifier(expr, k + 1);
        return parsed !== null && parsed.next === close ? hint(false, parsed.q) : null;
      } else if (depth === 0 && isWord(a, "cast") && isWord(t, "as")) return typeHint(expr, k + 1, close, hint);
    }
    return null;
  }
  // x::DATETIME q / x::INTERVAL q at the end of the item.
  for (let k = expr.length - 2; k > 0; k--) {
    if (isOp(expr[k], "::")) return typeHint(expr, k + 1, expr.length, hint);
  }
  return null;
}

/** The hint of a DATETIME/INTERVAL type written at expr[from, to), else null. */
function typeHint(
  expr: readonly Token[],
  from: number,
  to: number,
  hint: (interval: boolean, q: Qualifier) => SelectType,
): SelectType | null {
  if (!isWord(expr[from], "datetime", "interval")) return null;
  const parsed = parseQualifier(expr, from + 1);
  return parsed !== null && parsed.next === to ? hint(isWord(expr[from], "interval"), parsed.q) : null;
}

/** `col`, `t.col`, `owner.t.col`, `*` or `t.*`: IDS names the column after itself. */
function isColumnReference(item: readonly Token[]): boolean {
  // A ROW field `r.f` comes here as `(r).f` (rewrite-composites): named after the field.
  const expr = item.filter((t) => !(t.kind === "raw" && (t.text === "(" || t.text === ")")));
  if (expr.length === 1 && isOp(expr[0], "*")) return true;
  return expr.every((t, n) =>
    n % 2 === 1
      ? isOp(t, ".")
      : t.kind === "word" || t.kind === "quoted" || t.kind === "raw" || (n === expr.length - 1 && isOp(t, "*")),
  );
}

/** Aggregates PostgreSQL has under IDS's name (the engine names them "(count)", "(sum)", …). */
const PG_AGGREGATES = new Set(["count", "sum", "avg", "min", "max"]);
/** IDS aggregates the rewriter spells otherwise, named "(stdev)", "(variance)", "(range)". */
const IDS_AGGREGATES = new Set(["stdev", "variance", "range"]);

/**
 * "pg" when the item is one call of an aggregate PostgreSQL names as IDS does (or a window
 * function call, which keeps PostgreSQL's naming), IDS's name of one call of an aggregate the
 * rewriter renames, else null (an expression).
 */
function aggregateCall(expr: readonly Token[]): "pg" | string | null {
  const [a, b] = expr;
  if (a?.kind !== "word" || !isOp(b, "(")) return null;
  const close = matchParen(expr, 1);
  if (close === expr.length - 1) {
    if (PG_AGGREGATES.has(a.value)) return "pg";
    return IDS_AGGREGATES.has(a.value) ? `(${a.value})` : null;
  }
  if (!isWord(expr[close + 1], "over")) return null;
  // COUNT(*) OVER (…) is "(count(*))" as COUNT(*) is (IDS's OLAP examples).
  if (a.value === "count" && close === 3 && isOp(expr[2], "*")) return "(count(*))";
  return PG_AGGREGATES.has(a.value) || IDS_AGGREGATES.has(a.value) ? "pg" : null;
}

/** Splits an item into its expression and its alias tokens (`AS x` or `x`). */
function splitAlias(item: readonly Token[]): { expr: Token[]; alias: Token[] } {
  const n = item.length;
  if (n >= 3 && isWord(item[n - 2], "as")) return { expr: item.slice(0, n - 2), alias: item.slice(n - 2) };
  const last = item[n - 1];
  const prev = item[n - 2];
  const name =
    last !== undefined &&
    (last.kind === "quoted" || last.kind === "raw" || (last.kind === "word" && !EXPRESSION_END.has(last.value)));
  const operand =
    prev !== undefined &&
    (prev.kind === "number" ||
      prev.kind === "string" ||
      prev.kind === "quoted" ||
      prev.kind === "param" ||
      isOp(prev, ")") ||
      isOp(prev, "]") ||
      (prev.kind === "word" && !EXPRESSION_CONTINUES.has(prev.value)));
  if (n >= 2 && name && operand) return { expr: item.slice(0, n - 1), alias: [last] };
  return { expr: [...item], alias: [] };
}

/** Words that end an expression (`CASE … END`, `IS NULL`, a DATETIME qualifier), never an alias. */
const EXPRESSION_END = new Set([
  "end",
  "null",
  "true",
  "false",
  "year",
  "month",
  "day",
  "hour",
  "minute",
  "second",
  "fraction",
]);
/** Words after which the next word belongs to the expression, not an alias. */
const EXPRESSION_CONTINUES = new Set([
  "is",
  "not",
  "to",
  "units",
  "and",
  "or",
  "as",
  "then",
  "else",
  "when",
  "case",
  "like",
  "matches",
  "between",
  "in",
  "escape",
  "distinct",
  "unique",
  "all",
  "select",
  "prior",
  "connect_by_root",
]);

function rewriteItem(item: Token[], types: (SelectType | null)[] | null): Token[] {
  const { expr, alias } = splitAlias(item);
  types?.push(selectType(expr));
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
  if (expr.length === 1 && expr[0]!.kind === "string" && alias.length === 0)
    return named(pgString(expr[0]!.value), "(constant)");
  if (isCountStar(expr) && alias.length === 0) return [...item, raw(`AS ${pgIdent("(count(*))")}`, at)];
  const builtin = alias.length === 0 ? builtinName(expr) : null;
  if (builtin !== null) return [...item, raw(`AS ${pgIdent(builtin)}`, at)];
  if (
    alias.length === 0 &&
    isWord(expr[expr.length - 1], "rowid") &&
    (expr.length === 1 || isOp(expr[expr.length - 2], "."))
  )
    return [...item, raw("AS rowid", at)];
  if (alias.length > 0 || isColumnReference(expr)) return item;
  const call = aggregateCall(expr);
  if (call === "pg") return item;
  return [...item, raw(`AS ${pgIdent(call ?? "(expression)")}`, at)];
}

/**
 * Rewrites the items of every select list (at any depth) of a query; `types`, when given,
 * receives the SelectType of each item of the first select list.
 */
export function rewriteSelectLists(tokens: readonly Token[], types: (SelectType | null)[] | null = null): Token[] {
  const out: Token[] = [];
  let i = 0;
  let first = types;
  while (i < tokens.length) {
    const t = tokens[i]!;
    out.push(t);
    i++;
    if (!isWord(t, "select")) continue;
    while (isWord(tokens[i], "distinct", "unique", "all")) out.push(tokens[i++]!);
    let depth = 0;
    let item: Token[] = [];
    const listTypes = first;
    first = null;
    const flush = (): void => {
      if (item.length > 0) out.push(...rewriteItem(rewriteSelectLists(item), listTypes));
      item = [];
    };
    for (; i < tokens.length; i++) {
      const u = tokens[i]!;
      if (isOp(u, "(") || isOp(u, "[")) depth++;
      else if ((isOp(u, ")") || isOp(u, "]")) && --depth < 0) break;
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
