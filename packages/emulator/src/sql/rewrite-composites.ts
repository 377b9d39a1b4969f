// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// ROW and collection values in DML and queries:
// - a constant literal `SET{1,2}`, `LIST{'a'}`, `MULTISET{}`, `ROW('Bob',25)` (nested freely)
//   becomes a PostgreSQL text literal of the value, typed by the column it meets; one with
//   non-constant elements becomes ARRAY[…] / ROW(…);
// - a cast to a ROW or collection type (`::ROW(name VARCHAR(50), age INT)`) is dropped:
//   PostgreSQL takes the value's type from the target column;
// - `r.name`, where `r` names no table or alias of the statement, is a ROW field: `(r).name`.
// `TABLE(SET{…})` is left to rewrite-collections.ts.

import { parseCompositeLiteral } from "@informix-db/protocol";
import { literalToPgText } from "./composite-types.js";
import { pgString } from "./context.js";
import { isOp, isWord, matchParen, raw, type Token } from "./tokenizer.js";

const COLLECTION_WORDS = ["set", "multiset", "list"];
const CLAUSE_END = new Set(["where", "group", "order", "having", "union", "into", "for", "on", "set", "values"]);

/** The end (exclusive) of the literal starting at `i`, or -1 when none starts there. */
function literalEnd(tokens: readonly Token[], i: number): number {
  const t = tokens[i];
  if (isWord(t, ...COLLECTION_WORDS) && isOp(tokens[i + 1], "{")) {
    let depth = 0;
    for (let j = i + 1; j < tokens.length; j++) {
      if (isOp(tokens[j], "{")) depth++;
      else if (isOp(tokens[j], "}") && --depth === 0) return j + 1;
    }
    return -1;
  }
  if (isWord(t, "row") && isOp(tokens[i + 1], "(")) {
    const close = matchParen(tokens, i + 1);
    return close < 0 ? -1 : close + 1;
  }
  return -1;
}

const isConstant = (t: Token): boolean =>
  t.kind === "string" || t.kind === "number" || t.kind === "op" || isWord(t, "null", "set", "multiset", "list", "row");

/** Rewrites one literal tokens[i, end). */
function rewriteLiteral(tokens: readonly Token[], i: number, end: number): Token[] {
  const part = tokens.slice(i, end);
  const at = part[0]!.start;
  if (part.every(isConstant)) {
    const text = part.map((t) => (t.kind === "string" ? pgString(t.value) : t.text)).join("");
    return [raw(pgString(literalToPgText(parseCompositeLiteral(text)) ?? ""), at)];
  }
  // Expressions inside: rebuild with ARRAY[…] / ROW(…), rewriting nested literals.
  const out: Token[] = [];
  for (let j = i; j < end; j++) {
    const t = tokens[j]!;
    const nested = j > i ? literalEnd(tokens, j) : -1;
    if (nested > 0) {
      out.push(...rewriteLiteral(tokens, j, nested));
      j = nested - 1;
    } else if (j === i && isWord(t, ...COLLECTION_WORDS)) {
      out.push(raw("ARRAY[", t.start));
      j++;
    } else if (j === end - 1 && isOp(t, "}")) out.push(raw("]", t.start));
    else out.push(t);
  }
  return out;
}

/** Skips a `::ROW(...)` / `::SET(...)` cast at `i`; returns the index after it, or `i`. */
function skipCompositeCast(tokens: readonly Token[], i: number): number {
  if (!isOp(tokens[i], "::") || !isWord(tokens[i + 1], "row", ...COLLECTION_WORDS) || !isOp(tokens[i + 2], "("))
    return i;
  const close = matchParen(tokens, i + 2);
  return close < 0 ? i : close + 1;
}

/** Words naming tables and aliases: everything in FROM lists and after UPDATE/INTO. */
function tableWords(tokens: readonly Token[]): Set<string> {
  const words = new Set<string>();
  let inFrom = false;
  // A "(" in a FROM list opens a derived table or an OUTER (…) group: its items and the alias
  // after its ")" name tables too; any other "(" ends the list until its ")".
  const outer: boolean[] = [];
  tokens.forEach((t, n) => {
    if (isWord(t, "from", "join", "update", "into")) inFrom = true;
    else if (t.kind === "word" && CLAUSE_END.has(t.value)) inFrom = false;
    else if (isOp(t, "(")) {
      outer.push(inFrom);
      inFrom = inFrom && (isOp(tokens[n - 1], ",") || isWord(tokens[n - 1], "from", "join", "outer"));
    } else if (isOp(t, ")")) inFrom = outer.pop() ?? false;
    else if (inFrom && (t.kind === "word" || t.kind === "quoted" || t.kind === "raw")) {
      words.add(t.kind === "word" ? t.value : t.text);
      const dot = /\.("?)([^".]+)\1$/.exec(t.text);
      if (dot) words.add(dot[2]!.toLowerCase());
    }
  });
  return words;
}

/** ROW/collection literals, casts and field access (see the header). */
export function rewriteComposites(input: readonly Token[]): Token[] {
  if (!input.some((t) => isWord(t, "row", ...COLLECTION_WORDS) || isOp(t, "."))) return [...input];
  const tables = tableWords(input);
  const out: Token[] = [];
  for (let i = 0; i < input.length; i++) {
    const t = input[i]!;
    const afterTable = isOp(input[i - 1], "(") && isWord(input[i - 2], "table");
    const end = afterTable ? -1 : literalEnd(input, i);
    if (end > 0 && !(isWord(t, "set") && !isOp(input[i + 1], "{"))) {
      out.push(...rewriteLiteral(input, i, end));
      i = skipCompositeCast(input, end) - 1;
      continue;
    }
    const field =
      t.kind === "word" &&
      isOp(input[i + 1], ".") &&
      input[i + 2]?.kind === "word" &&
      !isOp(input[i - 1], ".") &&
      !isOp(input[i + 3], ".") &&
      !isOp(input[i + 3], "(") &&
      !isWord(input[i + 2], "nextval", "currval") &&
      !tables.has(t.value);
    if (field) {
      out.push(raw("(", t.start), t, raw(")", t.start));
      continue;
    }
    out.push(t);
  }
  return out;
}
