// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Informix SQL tokenizer. The rewriter works on tokens, never on raw text, so that
// keywords inside strings and comments are never touched. Every token keeps its
// 0-based start in the source, which lets the engine report -201 with the 1-based
// character offset IDS uses.
//
// Lexical rules (IDS): '...' strings with '' as the escape for a quote; "..." is a
// string too unless DELIMIDENT is set (the rewriter decides from context); comments
// are `-- to end of line`, `{ ... }` and `/* ... */`; the only placeholder is `?`. (`:n` and
// `:name` are client-side forms that drivers turn into `?`; to the server a `:` is an
// operator, and it must be one inside DATETIME(2026-05-04 12:34:56) and INTERVAL literals.)

import { InformixSqlError } from "../engine/informix-sql-error.js";

export type TokenKind = "word" | "quoted" | "string" | "number" | "param" | "op" | "raw";

export interface Token {
  readonly kind: TokenKind;
  /** Source text (for "raw" tokens: PostgreSQL text produced by the rewriter). */
  readonly text: string;
  /** 0-based offset of the token in the Informix source. */
  readonly start: number;
  /** Lower-cased text for words; the unescaped value for strings and quoted names. */
  readonly value: string;
  /** 1-based placeholder number for "param" tokens, else 0. */
  readonly param: number;
}

const MULTI_OPS = ["::", "<=", ">=", "<>", "!=", "||", "=="];

function isIdentStart(c: string): boolean {
  return /[A-Za-z_\u0080-\uffff]/.test(c);
}
function isIdentPart(c: string): boolean {
  return /[A-Za-z0-9_$\u0080-\uffff]/.test(c);
}
function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= "0" && c <= "9";
}

export function makeToken(kind: TokenKind, text: string, start: number, value = text, param = 0): Token {
  return { kind, text, start, value, param };
}

/** A token produced by the rewriter: PostgreSQL text mapped back to a source offset. */
export function raw(text: string, start: number): Token {
  return makeToken("raw", text, start);
}

/** Splits one Informix statement into tokens. Throws -201 on an unterminated string or comment. */
export function tokenize(sql: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  let params = 0;
  const n = sql.length;
  while (i < n) {
    const c = sql[i]!;
    if (c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\f") {
      i++;
      continue;
    }
    if (c === "-" && sql[i + 1] === "-") {
      while (i < n && sql[i] !== "\n") i++;
      continue;
    }
    if (c === "{" && isWord(out[out.length - 1], "set", "multiset", "list")) {
      // A collection literal, SET{1, 2}: its braces are tokens, not a comment.
      out.push(makeToken("op", c, i));
      i++;
      continue;
    }
    if (c === "{") {
      const end = sql.indexOf("}", i + 1);
      if (end < 0) throw new InformixSqlError(-201, 0, "", i + 1);
      i = end + 1;
      continue;
    }
    if (c === "/" && sql[i + 1] === "*") {
      const end = sql.indexOf("*/", i + 2);
      if (end < 0) throw new InformixSqlError(-201, 0, "", i + 1);
      i = end + 2;
      continue;
    }
    if (c === "'" || c === '"') {
      let j = i + 1;
      let value = "";
      for (;;) {
        if (j >= n) throw new InformixSqlError(-201, 0, "", i + 1);
        const d = sql[j]!;
        if (d === c) {
          if (sql[j + 1] === c) {
            value += c;
            j += 2;
            continue;
          }
          break;
        }
        value += d;
        j++;
      }
      out.push(makeToken(c === "'" ? "string" : "quoted", sql.slice(i, j + 1), i, value));
      i = j + 1;
      continue;
    }
    if (isDigit(c) || (c === "." && isDigit(sql[i + 1]))) {
      let j = i;
      while (isDigit(sql[j])) j++;
      if (sql[j] === "." && !(sql[j + 1] === ".")) {
        j++;
        while (isDigit(sql[j])) j++;
      }
      if ((sql[j] === "e" || sql[j] === "E") && (isDigit(sql[j + 1]) || /[+-]/.test(sql[j + 1] ?? ""))) {
        const k = isDigit(sql[j + 1]) ? j + 1 : j + 2;
        if (isDigit(sql[k])) {
          j = k;
          while (isDigit(sql[j])) j++;
        }
      }
      out.push(makeToken("number", sql.slice(i, j), i));
      i = j;
      continue;
    }
    if (isIdentStart(c)) {
      let j = i + 1;
      while (j < n && isIdentPart(sql[j]!)) j++;
      const text = sql.slice(i, j);
      out.push(makeToken("word", text, i, text.toLowerCase()));
      i = j;
      continue;
    }
    if (c === "?") {
      params++;
      out.push(makeToken("param", "?", i, "?", params));
      i++;
      continue;
    }
    const two = sql.slice(i, i + 2);
    if (MULTI_OPS.includes(two)) {
      out.push(makeToken("op", two === "==" ? "=" : two, i));
      i += 2;
      continue;
    }
    out.push(makeToken("op", c, i));
    i++;
  }
  return out;
}

/** Number of distinct placeholders in a token list. */
export function countParams(tokens: readonly Token[]): number {
  let max = 0;
  for (const t of tokens) if (t.kind === "param" && t.param > max) max = t.param;
  return max;
}

/** True when `t` is the word `w` (case-insensitive). */
export function isWord(t: Token | undefined, ...words: string[]): boolean {
  return t !== undefined && t.kind === "word" && words.includes(t.value);
}

/** True when `t` is the operator `op`. */
export function isOp(t: Token | undefined, op: string): boolean {
  return t !== undefined && (t.kind === "op" || t.kind === "raw") && t.text === op;
}

/** Index of the parenthesis closing the one at `open`, or -1. */
export function matchParen(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    if (isOp(tokens[i], "(")) depth++;
    else if (isOp(tokens[i], ")")) {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Splits tokens at top-level commas (depth 0 relative to the slice; `x[m,n]` subscripts count as depth). */
export function splitTopLevel(tokens: readonly Token[], sep = ","): Token[][] {
  const parts: Token[][] = [[]];
  let depth = 0;
  for (const t of tokens) {
    if (isOp(t, "(") || (t.kind === "op" && t.text === "[")) depth++;
    else if (isOp(t, ")") || (t.kind === "op" && t.text === "]")) depth--;
    if (depth === 0 && isOp(t, sep)) {
      parts.push([]);
      continue;
    }
    parts[parts.length - 1]!.push(t);
  }
  return parts;
}
