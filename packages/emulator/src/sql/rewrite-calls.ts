// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Function-call rewrites, Informix → PostgreSQL (called by rewrite-expr for every `name(`):
// NVL, NVL2, DECODE, DBINFO, EXTEND, MDY, DATE, YEAR/MONTH/DAY/WEEKDAY, LENGTH, two-argument
// ROUND/TRUNC, LOGN, TO_CHAR/TO_DATE with GL_DATETIME formats, SUM and COUNT typed as IDS
// types them, CAST with Informix type names; the other built-ins IDS has and PostgreSQL
// spells differently are in rewrite-builtins.ts. Arguments are rewritten by `sub`.

import { InformixSqlError } from "../engine/informix-sql-error.js";
import { pgString, type RewriteContext } from "./context.js";
import { templateOfGlDate } from "./date-format.js";
import { extendExpr } from "./datetime-values.js";
import { dbinfo } from "./dbinfo.js";
import { parseType } from "./informix-types.js";
import { parseQualifier } from "./qualifier.js";
import { isStringLiteral, pushBuiltin, timeLiteral, utcToDatetime } from "./rewrite-builtins.js";
import { isOp, isWord, matchParen, raw, splitTopLevel, type Token } from "./tokenizer.js";
import { isCharacterType, textConversionOf } from "./value-text.js";

export function syntaxError(t: Token | undefined): InformixSqlError {
  return new InformixSqlError(-201, 0, "", t ? t.start + 1 : 0);
}

/** The arguments of the call whose "(" is at `open`, and the index of its ")". */
export function callArgs(tokens: readonly Token[], open: number): { args: Token[][]; close: number } {
  const close = matchParen(tokens, open);
  if (close < 0) throw syntaxError(tokens[open]);
  const inner = tokens.slice(open + 1, close);
  return { args: inner.length === 0 ? [] : splitTopLevel(inner), close };
}

/** Renders rewritten argument tokens back into one raw token group. */
export function group(parts: Token[][], sep: string, at: number): Token[] {
  const out: Token[] = [];
  parts.forEach((p, n) => {
    if (n > 0) out.push(raw(sep, at));
    out.push(...p);
  });
  return out;
}

/** Function-call rewrites. Returns the index of the call's ")" when handled, else -1. */
export function pushCall(
  t: Token,
  tokens: readonly Token[],
  i: number,
  out: Token[],
  sub: (ts: readonly Token[]) => Token[],
  ctx: RewriteContext,
): number {
  const at = t.start;
  const { args, close } = callArgs(tokens, i + 1);
  const a = (n: number): Token[] => sub(args[n] ?? []);
  const wrap = (pre: string, body: Token[], post: string): void => {
    out.push(raw(pre, at), ...body, raw(post, at));
  };
  switch (t.value) {
    case "nvl":
      wrap("coalesce(", group(args.map(sub), ",", at), ")");
      return close;
    case "nvl2":
      if (args.length !== 3) throw syntaxError(t);
      wrap("(CASE WHEN (", a(0), ") IS NOT NULL THEN ");
      wrap("", a(1), " ELSE ");
      wrap("", a(2), " END)");
      return close;
    case "decode": {
      if (args.length < 3) throw syntaxError(t);
      const body: Token[] = [raw("CASE", at), ...a(0)];
      let k = 1;
      for (; k + 1 < args.length; k += 2) body.push(raw("WHEN", at), ...a(k), raw("THEN", at), ...a(k + 1));
      if (k < args.length) body.push(raw("ELSE", at), ...a(k));
      wrap("(", [...body, raw("END", at)], ")");
      return close;
    }
    case "dbinfo":
      if (args.length === 2 && args[0]![0]?.value.toLowerCase() === "utc_to_datetime")
        out.push(...utcToDatetime(a(1), at));
      else out.push(raw(dbinfo(args, ctx, t), at));
      return close;
    case "extend": {
      const qual = args[1] ? parseQualifier(args[1], 0) : null;
      const inner = a(0);
      const expr = extendExpr("\u0000", qual?.q ?? null).split("\u0000");
      wrap(expr[0]!, inner, expr[1]!);
      return close;
    }
    case "mdy":
      if (args.length !== 3) throw syntaxError(t);
      wrap("ifx.mdy(CAST(", a(0), " AS int), CAST(");
      wrap("", a(1), " AS int), CAST(");
      wrap("", a(2), " AS int))");
      return close;
    case "date":
      wrap("ifx.date(", a(0), ")");
      return close;
    case "year":
    case "month":
    case "day":
    case "weekday": {
      const field = t.value === "weekday" ? "DOW" : t.value.toUpperCase();
      wrap(`CAST(EXTRACT(${field} FROM CAST(`, a(0), " AS timestamp)) AS smallint)");
      return close;
    }
    case "length":
    case "char_length":
    case "character_length":
      // LENGTH ignores trailing blanks; CHAR_LENGTH counts them (a CHAR(n) value is n long).
      wrap(t.value === "length" ? "ifx.length(" : "ifx.char_length(", a(0), ")");
      return close;
    case "octet_length":
      // Bytes in the database's code set (values are stored as UTF-8; engine/catalog-sql.ts).
      wrap("ifx.octet_length(", a(0), ")");
      return close;
    case "round":
    case "trunc":
      if (args.length !== 2 || isStringLiteral(args[1])) return pushBuiltin(t, tokens, i, args, close, out, sub);
      wrap(`${t.value}(CAST(`, a(0), " AS numeric),");
      wrap("", a(1), ")");
      return close;
    case "logn":
      wrap("ln(", a(0), ")");
      return close;
    case "to_char":
    case "to_date": {
      // IDS formats with GL_DATETIME directives ('%Y-%m-%d %H:%M:%S'), PostgreSQL with its own
      // template: a literal format with a directive is translated (date-format.ts). TO_DATE
      // returns DATETIME YEAR TO FRACTION(5). Other forms go to PostgreSQL as they are.
      // A format known only at run time (a column, a parameter) is translated by ifx.gl_template.
      const format = args[1]?.length === 1 ? args[1][0] : undefined;
      if (args.length !== 2) return -1;
      const literal = format?.kind === "string" || format?.kind === "quoted";
      if (literal && !format.value.includes("%")) return -1;
      const template = literal
        ? [raw(pgString(templateOfGlDate(format.value)), at)]
        : [raw("ifx.gl_template(", at), ...a(1), raw(")", at)];
      if (t.value === "to_char") wrap("to_char(", [...a(0), raw(",", at), ...template], ")");
      else wrap("CAST(to_timestamp(", [...a(0), raw(",", at), ...template], ") AS timestamp(5))");
      return close;
    }
    case "sum": {
      // IDS's SUM of an integer type is DECIMAL; ifx.sum_arg widens only integers (catalog-sql.ts).
      if (args.length !== 1) return -1;
      const arg = args[0]!;
      const q = isWord(arg[0], "distinct", "all") ? 1 : 0;
      wrap(`sum(${q === 1 ? `${arg[0]!.value.toUpperCase()} ` : ""}ifx.sum_arg(`, sub(arg.slice(q)), "))");
      return close;
    }
    case "count": {
      // IDS describes COUNT as DECIMAL(15,0) (informix-driver's suite reads COUNT(*) as a
      // Decimal; libsqli's tests say DECIMAL(15,0)); PostgreSQL's is bigint. A FILTER or
      // OVER clause belongs to the call, so it goes inside the cast.
      if (args.length === 0) return -1;
      let end = close;
      while (isWord(tokens[end + 1], "over", "filter") && isOp(tokens[end + 2], "(")) {
        const clauseEnd = matchParen(tokens, end + 2);
        if (clauseEnd < 0) break;
        end = clauseEnd;
      }
      const call = [
        t,
        raw("(", at),
        ...group(args.map(sub), ",", at),
        raw(")", at),
        ...sub(tokens.slice(close + 1, end + 1)),
      ];
      wrap("CAST(", call, " AS numeric(15,0))");
      return end;
    }
    case "cast": {
      const inner = tokens.slice(i + 2, close);
      let asAt = -1;
      let depth = 0;
      inner.forEach((x, n) => {
        if (isOp(x, "(")) depth++;
        else if (isOp(x, ")")) depth--;
        else if (depth === 0 && isWord(x, "as")) asAt = n;
      });
      if (asAt < 0) return -1;
      const parsed = parseType(inner, asAt + 1);
      const typeText = parsed
        ? parsed.type.pg
        : inner
            .slice(asAt + 1)
            .map((x) => x.text)
            .join(" ");
      const operand = inner.slice(0, asAt);
      const literal = parsed ? timeLiteral(operand, parsed.type) : null;
      const text = isCharacterType(inner, asAt + 1) ? textConversionOf(operand, ctx) : null;
      wrap(`CAST(${text?.pre ?? ""}`, literal ? [literal] : sub(operand), `${text?.post ?? ""} AS ${typeText})`);
      return close;
    }
    default: {
      const done = pushBuiltin(t, tokens, i, args, close, out, sub);
      if (done >= 0) return done;
      if (args.length === 0) return -1;
      out.push(t, raw("(", at), ...group(args.map(sub), ",", at), raw(")", at));
      return close;
    }
  }
}
