// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Expression-level rewrites, Informix → PostgreSQL: TODAY, CURRENT [q] (not CURRENT ROW),
// DATETIME(...) q and INTERVAL(...) q literals, [NOT] MATCHES [ESCAPE c] and LIKE on text, USER,
// SITENAME, `n UNITS unit`, `x[m,n]` subscripts, ROWID, `::` with Informix type names,
// seq.NEXTVAL, "..." strings. Function calls are rewrite-calls.ts's (and rewrite-builtins.ts's);
// their arguments are rewritten recursively.

import { pgIdent, pgString, type RewriteContext } from "./context.js";
import { currentExpr, datetimeToPg, intervalToPg, isTimeQualifier } from "./datetime-values.js";
import { parseType } from "./informix-types.js";
import { parseQualifier } from "./qualifier.js";
import { timeLiteral } from "./rewrite-builtins.js";
import { pushCall, syntaxError } from "./rewrite-calls.js";
import { isOp, isWord, matchParen, raw, type Token } from "./tokenizer.js";
import { textWraps } from "./value-text.js";

/** Index after the primary operand that starts at `k` (group, call, dotted name or literal). */
function operandEnd(tokens: readonly Token[], k: number): number {
  const t = tokens[k];
  if (t === undefined) throw syntaxError(tokens[k - 1]);
  if (isOp(t, "(")) return matchParen(tokens, k) + 1;
  if (t.kind === "word" && isOp(tokens[k + 1], "(")) return matchParen(tokens, k + 1) + 1;
  let j = k + 1;
  while (isOp(tokens[j], ".") && tokens[j + 1] !== undefined) j += 2;
  return j;
}

/** Start index in `out` of the operand that ends `out` (for `n UNITS day`). */
function operandStart(out: readonly Token[]): number {
  let k = out.length - 1;
  if (isOp(out[k], ")")) {
    let depth = 0;
    for (; k >= 0; k--) {
      if (isOp(out[k], ")")) depth++;
      else if (isOp(out[k], "(") && --depth === 0) break;
    }
    if (k > 0 && out[k - 1]!.kind === "word") k--;
    return k;
  }
  while (k >= 2 && isOp(out[k - 1], ".")) k -= 2;
  return k;
}

/**
 * The left operand of LIKE as text: IDS ignores a CHAR value's trailing blanks in LIKE (as in =),
 * PostgreSQL's bpchar LIKE does not; its cast to text drops them (other types are unchanged).
 */
function textOperand(out: Token[], at: number): void {
  if (out.length === 0) return;
  const start = operandStart(out);
  out.splice(start, 0, raw("CAST(", at));
  out.push(raw("AS text)", at));
}

/** Source text of a DATETIME(...)/INTERVAL(...) literal body: tokens joined by spaces. */
function literalBody(tokens: readonly Token[]): string {
  return tokens.map((t) => t.text).join(" ");
}

/**
 * `expr[m,n]` (characters m to n, 1-based) and `expr[m]` of a character value: the operand
 * that ends `out` becomes `substr(expr, m, n - m + 1)`. The subscripts are integer constants,
 * as IDS requires. Returns the index of the "]".
 */
function substringSubscript(tokens: readonly Token[], open: number, out: Token[]): number {
  let close = open + 1;
  while (close < tokens.length && !isOp(tokens[close], "]")) close++;
  const inner = tokens.slice(open + 1, close);
  const from = inner[0];
  const to = inner.length === 3 && isOp(inner[1], ",") ? inner[2] : inner.length === 1 ? from : undefined;
  if (close >= tokens.length || from?.kind !== "number" || to?.kind !== "number") throw syntaxError(tokens[open]);
  const m = Number(from.text);
  const n = Number(to.text);
  if (!Number.isInteger(m) || !Number.isInteger(n) || m < 1 || n < m) throw syntaxError(from);
  const at = tokens[open]!.start;
  out.splice(operandStart(out), 0, raw("substr(", at));
  out.push(raw(`, ${m}, ${n - m + 1})`, at));
  return close;
}

/**
 * ROWID: IDS's row address (page << 8 | slot), from PostgreSQL's ctid (block, offset). It reads
 * and finds the row; unlike IDS's, it changes when UPDATE writes the row's new version.
 */
function rowidExpr(qualifier: string): string {
  const point = `CAST(CAST(${qualifier}ctid AS text) AS point)`;
  return `CAST((${point})[0] * 256 + (${point})[1] AS integer)`;
}

/** Rewrites one expression token list (a whole statement or a function argument). */
export function rewriteExpr(tokens: readonly Token[], ctx: RewriteContext): Token[] {
  const out: Token[] = [];
  const sub = (ts: readonly Token[]): Token[] => rewriteExpr(ts, ctx);
  const wraps = textWraps(tokens, ctx);
  const open: { end: number; post: string }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    while (open.length > 0 && open[open.length - 1]!.end <= i) out.push(raw(open.pop()!.post, t.start));
    // A wrap inside a call that `sub` rewrote was skipped here: the call's own pass made it.
    while (wraps.length > 0 && wraps[0]!.start <= i) {
      const w = wraps.shift()!;
      if (w.start < i) continue;
      out.push(raw(w.pre, t.start));
      open.push(w);
    }
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    if (t.kind === "quoted") {
      out.push(raw(isOp(next, ".") || isOp(prev, ".") ? pgIdent(t.value) : pgString(t.value), t.start));
      continue;
    }
    if (isOp(t, "[") && out.length > 0) {
      i = substringSubscript(tokens, i, out);
      continue;
    }
    if (isOp(t, "::")) {
      const parsed = parseType(tokens, i + 1);
      if (parsed) {
        const literal = prev?.kind === "string" ? timeLiteral([prev], parsed.type) : null;
        if (literal && out[out.length - 1] === prev) out[out.length - 1] = literal;
        out.push(raw(`::${parsed.type.pg}`, t.start));
        i = parsed.next - 1;
        continue;
      }
    }
    if (t.kind !== "word" || isOp(prev, ".") || isOp(prev, "::")) {
      out.push(t);
      continue;
    }
    const call = isOp(next, "(");
    const at = t.start;
    if (isWord(t, "rowid") && !call && !isOp(prev, ".")) {
      out.push(raw(rowidExpr(""), at));
      continue;
    }
    if (isOp(next, ".") && isWord(tokens[i + 2], "rowid") && !isOp(tokens[i + 3], "(")) {
      out.push(raw(rowidExpr(`${t.text}.`), at));
      i += 2;
      continue;
    }
    if (isOp(next, ".") && isWord(tokens[i + 2], "nextval", "currval") && !isOp(tokens[i + 3], "(")) {
      out.push(raw(`${tokens[i + 2]!.value}(${pgString(t.value)})`, at));
      i += 2;
      continue;
    }
    switch (call ? `${t.value}(` : t.value) {
      case "today":
        out.push(raw("CURRENT_DATE", at));
        continue;
      case "sysdate":
        out.push(raw("LOCALTIMESTAMP(5)", at));
        continue;
      case "current": {
        if (isWord(next, "of", "row")) break;
        const parsed = parseQualifier(tokens, i + 1);
        out.push(raw(currentExpr(parsed?.q ?? null), at));
        i = (parsed?.next ?? i + 1) - 1;
        continue;
      }
      case "user":
      case "current_user":
        out.push(raw(pgString(ctx.user), at));
        continue;
      case "sitename":
      case "dbservername":
        out.push(raw(pgString(ctx.serverName), at));
        continue;
      case "unique":
        if (isWord(prev, "select") || isOp(prev, "(") || (prev === undefined && next?.kind === "word")) {
          out.push(raw("DISTINCT", at));
          continue;
        }
        break;
      case "units": {
        const unit = tokens[i + 1];
        if (!isWord(unit, "year", "month", "day", "hour", "minute", "second", "fraction")) throw syntaxError(unit);
        const start = operandStart(out);
        const pgUnit = unit!.value === "fraction" ? "millisecond" : unit!.value;
        out.splice(start, 0, raw("(", at));
        out.push(raw(`) * INTERVAL ${pgString(`1 ${pgUnit}`)}`, at));
        i++;
        continue;
      }
      case "like":
        textOperand(out, at);
        break;
      case "not":
        if (isWord(next, "like")) {
          textOperand(out, at);
          out.push(t, next!);
          i++;
          continue;
        }
        if (isWord(next, "matches")) {
          textOperand(out, at);
          i = pushMatches(tokens, i + 2, "!~", out, sub, at);
          continue;
        }
        break;
      case "matches":
        // As with LIKE, a CHAR value's trailing blanks do not count ('Pauli' matches CHAR(15) 'Pauli').
        textOperand(out, at);
        i = pushMatches(tokens, i + 1, "~", out, sub, at);
        continue;
      case "datetime(":
      case "interval(": {
        const close = matchParen(tokens, i + 1);
        if (close < 0) throw syntaxError(next);
        const parsed = parseQualifier(tokens, close + 1);
        if (parsed === null) throw syntaxError(tokens[close + 1] ?? tokens[close]);
        const body = literalBody(tokens.slice(i + 2, close));
        const text =
          t.value === "interval"
            ? `INTERVAL ${pgString(intervalToPg(body, parsed.q))}`
            : `${isTimeQualifier(parsed.q) ? "TIME" : "TIMESTAMP"} ${pgString(datetimeToPg(body, parsed.q))}`;
        out.push(raw(text, at));
        i = parsed.next - 1;
        continue;
      }
      default:
        if (call) {
          const done = pushCall(t, tokens, i, out, sub, ctx);
          if (done >= 0) {
            i = done;
            continue;
          }
        }
    }
    out.push(t);
  }
  for (const w of open.reverse()) out.push(raw(w.post, tokens[tokens.length - 1]?.start ?? 0));
  return out;
}

function pushMatches(
  tokens: readonly Token[],
  k: number,
  op: string,
  out: Token[],
  sub: (ts: readonly Token[]) => Token[],
  at: number,
): number {
  const end = operandEnd(tokens, k);
  out.push(raw(`${op} ifx.matches_re(`, at), ...sub(tokens.slice(k, end)));
  if (!isWord(tokens[end], "escape")) {
    out.push(raw(")", at));
    return end - 1;
  }
  // MATCHES p ESCAPE 'c': c instead of \ quotes the next character of the pattern.
  const escEnd = operandEnd(tokens, end + 1);
  out.push(raw(",", at), ...sub(tokens.slice(end + 1, escEnd)), raw(")", at));
  return escEnd - 1;
}
