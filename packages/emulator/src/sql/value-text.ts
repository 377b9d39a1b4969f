// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Values made text as IDS makes them. DATETIME and INTERVAL: with every field of their
// qualifier. A DATETIME YEAR TO FRACTION(5) is '2026-08-31 12:30:15.12000' (PostgreSQL's
// timestamp(5) output drops trailing zeros: '…15.12'), a YEAR TO DAY is '2026-08-31', an
// INTERVAL DAY(5) TO SECOND is '    1 02:03:04' (leading field right-aligned in its precision).
// Settled by informix-driver's test_server_agrees_with_what_we_bound (IDS 15): `v::LVARCHAR`.
//
// PostgreSQL keeps no qualifier (a column is timestamp(n), time(n) or interval), so the
// rewriter wraps the operand of a conversion to a character type — `x::CHAR(n)`, `CAST(x AS
// VARCHAR(n))`, either side of `||` — in ifx.datetime_text / ifx.interval_text
// (engine/text-conversion-sql.ts) when it knows the operand's qualifier: a column (declared
// type from the catalog, RewriteContext.columnType), a DATETIME/INTERVAL literal, CURRENT q
// or EXTEND(x, q). MONEY, DECIMAL, FLOAT and SMALLFLOAT columns: with DBMONEY's decimal separator,
// MONEY with its currency symbols ('$100.50' by default), through ifx.money_text / ifx.number_text.
// CHAR and NCHAR columns on either side of `||`: with their trailing blanks (ifx.padded).

import { pgString, type RewriteContext } from "./context.js";
import { decodeQualifier, parseQualifier, type Qualifier } from "./qualifier.js";
import { isOp, isWord, matchParen, type Token } from "./tokenizer.js";
import { SQLCHAR, SQLDECIMAL, SQLDTIME, SQLFLOAT, SQLINTERVAL, SQLMONEY, SQLNCHAR, SQLSMFLOAT } from "./type-codes.js";

/** An operand `tokens[start, end)` to wrap as `pre … post`. */
export interface TextWrap {
  readonly start: number;
  readonly end: number;
  readonly pre: string;
  readonly post: string;
}

const CHARACTER_TYPES = new Set(["char", "character", "nchar", "varchar", "nvarchar", "lvarchar"]);

/** to_char fields of the DATETIME units (start code → field, with the separator before it). */
const FIELDS: Readonly<Record<number, readonly [string, string]>> = {
  0: ["", "YYYY"],
  2: ["-", "MM"],
  4: ["-", "DD"],
  6: [" ", "HH24"],
  8: [":", "MI"],
  10: [":", "SS"],
};

/** The to_char template of a DATETIME qualifier: YEAR TO FRACTION(5) → 'YYYY-MM-DD HH24:MI:SS.FF5'. */
export function datetimeTemplate(q: Qualifier): string {
  let out = "";
  for (let code = q.start; code <= Math.min(q.end, 10); code += 2) {
    const [sep, field] = FIELDS[code]!;
    out += (code === q.start ? "" : sep) + field;
  }
  if (q.end > 10) out += `${q.start > 10 ? "" : "."}FF${q.end - 10}`;
  return out;
}

function conversion(q: Qualifier, interval: boolean): { pre: string; post: string } {
  if (interval) return { pre: "ifx.interval_text(", post: `, ${q.start}, ${q.end}, ${q.lead})` };
  // GL_DATETIME (ifx.datetime_format) formats a whole DATETIME, YEAR TO SECOND or finer.
  const whole = q.start === 0 && q.end >= 10;
  return { pre: "ifx.datetime_text(", post: `, ${pgString(datetimeTemplate(q))}, ${whole})` };
}

/** Index after the operand that starts at `s`: a literal, CURRENT q, a call, a group or a dotted name. */
function operandEnd(tokens: readonly Token[], s: number): number {
  const t = tokens[s];
  if (t === undefined) return s;
  if (isOp(t, "(")) return matchParen(tokens, s) + 1 || s + 1;
  if (t.kind !== "word" && t.kind !== "quoted") return s + 1;
  if (isWord(t, "datetime", "interval") && isOp(tokens[s + 1], "(")) {
    const close = matchParen(tokens, s + 1);
    return close < 0 ? s + 1 : (parseQualifier(tokens, close + 1)?.next ?? close + 1);
  }
  if (isWord(t, "current") && !isWord(tokens[s + 1], "of")) return parseQualifier(tokens, s + 1)?.next ?? s + 1;
  if (isOp(tokens[s + 1], "(")) return matchParen(tokens, s + 1) + 1 || s + 1;
  let j = s + 1;
  while (isOp(tokens[j], ".") && tokens[j + 1] !== undefined) j += 2;
  return j;
}

type Conversion = { pre: string; post: string };

const NUMBER_CODES = new Set([SQLDECIMAL, SQLFLOAT, SQLSMFLOAT]);

/** How the operand `tokens[s, e)` becomes text, when the rewriter can see its type and IDS's text differs. */
function conversionAt(
  tokens: readonly Token[],
  s: number,
  e: number,
  ctx: RewriteContext,
  concat = false,
): Conversion | null {
  const found = qualifierOf(tokens, s, e, ctx);
  if (found) return conversion(found.q, found.interval);
  const type = columnOf(tokens, s, e, ctx);
  // `||` keeps a CHAR(n) column's trailing blanks in IDS ('Ludwig' in CHAR(15) is 15 characters
  // of the result); PostgreSQL's bpchar → text drops them.
  if (concat && (type?.code === SQLCHAR || type?.code === SQLNCHAR)) return { pre: "ifx.padded(", post: ")" };
  if (type?.code === SQLMONEY) return { pre: "ifx.money_text(", post: ")" };
  if (type !== undefined && NUMBER_CODES.has(type.code)) return { pre: "ifx.number_text(", post: ")" };
  return null;
}

/** The declared type of the column the operand `tokens[s, e)` names, if it is one. */
function columnOf(
  tokens: readonly Token[],
  s: number,
  e: number,
  ctx: RewriteContext,
): { readonly code: number; readonly encodedLength: number } | undefined {
  const dotted = tokens
    .slice(s, e)
    .every((x, n) => (n % 2 === 0 ? x.kind === "word" || x.kind === "quoted" : isOp(x, ".")));
  if (!dotted || isOp(tokens[e], "(") || ctx.columnType === undefined) return undefined;
  return ctx.columnType(tokens[e - 1]!.value);
}

/** The qualifier of the operand `tokens[s, e)` when it is a DATETIME or INTERVAL that the rewriter can see. */
function qualifierOf(
  tokens: readonly Token[],
  s: number,
  e: number,
  ctx: RewriteContext,
): { q: Qualifier; interval: boolean } | null {
  const t = tokens[s]!;
  if (isWord(t, "datetime", "interval") && isOp(tokens[s + 1], "(")) {
    const q = parseQualifier(tokens, matchParen(tokens, s + 1) + 1);
    return q ? { q: q.q, interval: t.value === "interval" } : null;
  }
  if (isWord(t, "current")) {
    return { q: parseQualifier(tokens, s + 1)?.q ?? { start: 0, end: 13, lead: 4 }, interval: false };
  }
  if (isWord(t, "extend") && isOp(tokens[s + 1], "(")) {
    let k = s + 2;
    let depth = 0;
    for (; k < e - 1; k++) {
      if (isOp(tokens[k], "(")) depth++;
      else if (isOp(tokens[k], ")")) depth--;
      else if (depth === 0 && isOp(tokens[k], ",")) break;
    }
    const q = parseQualifier(tokens, k + 1);
    return q ? { q: q.q, interval: false } : null;
  }
  const type = columnOf(tokens, s, e, ctx);
  if (type?.code !== SQLDTIME && type?.code !== SQLINTERVAL) return null;
  const interval = type.code === SQLINTERVAL;
  return { q: decodeQualifier(type.encodedLength, interval), interval };
}

/** Whether a character type name is at `i` (the target of `::` or CAST … AS). */
export function isCharacterType(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  return t?.kind === "word" && CHARACTER_TYPES.has(t.value);
}

/** `pre`/`post` that make the whole of `operand` text with its qualifier, or null. */
export function textConversionOf(operand: readonly Token[], ctx: RewriteContext): { pre: string; post: string } | null {
  if (operand.length === 0 || operandEnd(operand, 0) !== operand.length) return null;
  return conversionAt(operand, 0, operand.length, ctx);
}

/**
 * The operands of one expression list that become text: left of `::` + a character type, and
 * both sides of `||`. CAST(x AS CHAR(n)) is the call rewriter's (textConversionOf).
 */
export function textWraps(tokens: readonly Token[], ctx: RewriteContext): TextWrap[] {
  if (!tokens.some((t) => isOp(t, "||") || isOp(t, "::"))) return [];
  // The longest operand ending at each index.
  const byEnd = new Map<number, number>();
  for (let s = 0; s < tokens.length; s++) {
    if (isOp(tokens[s - 1], ".")) continue;
    const e = operandEnd(tokens, s);
    if (!byEnd.has(e) || byEnd.get(e)! > s) byEnd.set(e, s);
  }
  const wraps = new Map<number, TextWrap>();
  const add = (s: number | undefined, e: number, concat = false): void => {
    if (s === undefined || wraps.has(s) || e <= s) return;
    const found = conversionAt(tokens, s, e, ctx, concat);
    if (found) wraps.set(s, { start: s, end: e, ...found });
  };
  tokens.forEach((t, k) => {
    if (isOp(t, "::") && isCharacterType(tokens, k + 1)) add(byEnd.get(k), k);
    if (isOp(t, "||")) {
      add(byEnd.get(k), k, true);
      add(k + 1, operandEnd(tokens, k + 1), true);
    }
  });
  return [...wraps.values()].sort((a, b) => a.start - b.start);
}
