// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// A cursor over the tokens of one CREATE PROCEDURE/FUNCTION, for the recursive-descent
// parser: peek/expect helpers, -201 at the offending token (IDS reports a syntax error in
// an SPL body with the 1-based offset of the token where parsing failed), and the rule
// for where an expression or an embedded SQL statement ends. SPL separates a loop header
// from its body by nothing at all (`FOR i = 1 TO 10 LET x = i; END FOR`), so an
// expression ends at the first word, outside parentheses and CASE ... END, that can only
// start a statement.

import { InformixSqlError } from "../../engine/informix-sql-error.js";
import { isOp, isWord, type Token } from "../tokenizer.js";
import type { Expr } from "./ast.js";

/** Words that start an SPL statement (never part of an SQL statement). */
const SPL_WORDS = new Set([
  "let",
  "if",
  "for",
  "foreach",
  "while",
  "loop",
  "call",
  "return",
  "raise",
  "exit",
  "continue",
  "system",
  "trace",
  "begin",
  "define",
  "end",
  "elif",
  "else",
]);

/** Words that start an SQL statement: an expression ends before them too. */
const SQL_WORDS = new Set([
  "select",
  "insert",
  "update",
  "delete",
  "execute",
  "create",
  "drop",
  "alter",
  "rename",
  "lock",
  "unlock",
  "truncate",
  "merge",
  "grant",
  "revoke",
  "set",
  "commit",
  "rollback",
  "savepoint",
  "release",
]);

export function syntaxAt(t: Token | undefined, fallback = 0): InformixSqlError {
  return new InformixSqlError(-201, 0, "", t ? t.start + 1 : fallback + 1);
}

export class TokenCursor {
  i = 0;

  constructor(
    readonly tokens: readonly Token[],
    /** Offset just past the source, for errors at its end. */
    readonly end: number,
  ) {}

  peek(k = 0): Token | undefined {
    return this.tokens[this.i + k];
  }

  atWord(...words: string[]): boolean {
    return isWord(this.peek(), ...words);
  }

  atOp(op: string): boolean {
    return isOp(this.peek(), op);
  }

  error(): InformixSqlError {
    return syntaxAt(this.peek(), this.end);
  }

  /** The current offset (for `at` of a node). */
  get at(): number {
    return this.peek()?.start ?? this.end;
  }

  next(): Token {
    const t = this.peek();
    if (t === undefined) throw this.error();
    this.i++;
    return t;
  }

  word(...words: string[]): Token {
    if (!this.atWord(...words)) throw this.error();
    return this.next();
  }

  op(op: string): Token {
    if (!this.atOp(op)) throw this.error();
    return this.next();
  }

  optionalWord(...words: string[]): boolean {
    if (!this.atWord(...words)) return false;
    this.i++;
    return true;
  }

  optionalOp(op: string): boolean {
    if (!this.atOp(op)) return false;
    this.i++;
    return true;
  }

  /** `IF NOT EXISTS` (CREATE …), when it comes next. */
  optionalIfNotExists(): boolean {
    if (!this.atWord("if") || !isWord(this.peek(1), "not")) return false;
    this.i += 2;
    this.word("exists");
    return true;
  }

  /** `IF EXISTS` (DROP …), when it comes next. */
  optionalIfExists(): boolean {
    if (!this.optionalWord("if")) return false;
    this.word("exists");
    return true;
  }

  /** An identifier (word or delimited), lower-cased unless delimited. */
  name(): string {
    const t = this.peek();
    if (t === undefined || (t.kind !== "word" && t.kind !== "quoted")) throw this.error();
    this.i++;
    return t.value;
  }

  /** Comma-separated identifiers. */
  names(): string[] {
    const out = [this.name()];
    while (this.optionalOp(",")) out.push(this.name());
    return out;
  }

  /**
   * Index where an expression (or, with `sql`, an embedded SQL statement) starting at the
   * cursor ends: a `;`, one of `stops`, or a statement word, at depth 0 outside CASE, or an
   * unmatched `)`.
   */
  scanEnd(stops: ReadonlySet<string>, sql = false): number {
    let depth = 0;
    let cases = 0;
    for (let k = this.i; k < this.tokens.length; k++) {
      const t = this.tokens[k]!;
      if (isOp(t, "(")) depth++;
      else if (isOp(t, ")") && --depth < 0) return k;
      if (depth > 0 || t.kind !== "word") {
        if (depth === 0 && cases === 0 && isOp(t, ";")) return k;
        continue;
      }
      if (t.value === "case") cases++;
      else if (t.value === "end" && cases > 0) {
        cases--;
        continue;
      }
      if (cases > 0 || k === this.i) continue;
      if (stops.has(t.value)) return k;
      if (this.statementWord(k, sql)) return k;
    }
    return this.tokens.length;
  }

  private statementWord(k: number, sql: boolean): boolean {
    const t = this.tokens[k]!;
    const prev = this.tokens[k - 1];
    const nxt = this.tokens[k + 1];
    if (t.value === "for" && isWord(nxt, "update", "read")) return false;
    if (t.value === "if" && isWord(nxt, "exists", "not")) return false;
    if (t.value === "else" || t.value === "end") return true;
    if (SPL_WORDS.has(t.value)) return true;
    if (sql || !SQL_WORDS.has(t.value)) return false;
    return !isWord(prev, "on", "for", "union", "all", "intersect", "except", "minus");
  }

  /** The expression from the cursor to scanEnd(stops) (or a top-level comma); empty is -201. */
  expr(stops: ReadonlySet<string> = NO_STOPS, commas = false): Expr {
    const at = this.at;
    const end = commas ? this.scanEndAtComma(stops) : this.scanEnd(stops);
    if (end === this.i) throw this.error();
    const tokens = this.tokens.slice(this.i, end);
    this.i = end;
    return { tokens, at };
  }

  /** Comma-separated expressions up to scanEnd(stops). */
  exprList(stops: ReadonlySet<string> = NO_STOPS): Expr[] {
    const withComma = new Set(stops);
    const out: Expr[] = [];
    for (;;) {
      const at = this.at;
      const end = this.scanEndAtComma(withComma);
      if (end === this.i) throw this.error();
      out.push({ tokens: this.tokens.slice(this.i, end), at });
      this.i = end;
      if (!this.optionalOp(",")) return out;
    }
  }

  /** scanEnd that also stops at a comma at depth 0. */
  private scanEndAtComma(stops: ReadonlySet<string>): number {
    const end = this.scanEnd(stops);
    let depth = 0;
    let cases = 0;
    for (let k = this.i; k < end; k++) {
      const t = this.tokens[k]!;
      if (isOp(t, "(")) depth++;
      else if (isOp(t, ")")) depth--;
      else if (isWord(t, "case")) cases++;
      else if (isWord(t, "end") && cases > 0) cases--;
      else if (depth === 0 && cases === 0 && isOp(t, ",")) return k;
    }
    return end;
  }
}

export const NO_STOPS: ReadonlySet<string> = new Set();
