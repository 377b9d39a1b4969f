// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Recursive-descent parser of SPL statement blocks: DEFINE, ON EXCEPTION, and every SPL
// statement (LET, IF/ELIF/ELSE, FOR, WHILE, LOOP, FOREACH, EXIT, CONTINUE, RETURN [WITH
// RESUME], RAISE EXCEPTION, CALL, EXECUTE PROCEDURE/FUNCTION, SYSTEM, TRACE, BEGIN ... END).
// Anything else is an SQL statement, kept as a source range for the SQL rewriter. A
// SELECT's `INTO var, ...` list is cut out here and its characters blanked in the source
// kept by the parser, so the rewriter sees plain SQL at unchanged offsets.

import { isOp, isWord, type Token } from "../tokenizer.js";
import type { Block, Call, Define, Expr, ForItem, Handler, LoopKind, Stmt } from "./ast.js";
import { NO_STOPS, syntaxAt, type TokenCursor } from "./cursor.js";
import { parseSplType } from "./parse-types.js";

const THEN = new Set(["then"]);
const TO_STEP = new Set(["to", "step"]);
const STEP = new Set(["step"]);
const WITH = new Set(["with"]);
const LOOP_KINDS = new Set<string>(["for", "while", "foreach", "loop"]);

export class StatementParser {
  /** The source with every SELECT ... INTO list blanked. */
  source: string;
  /** A RETURN ... WITH RESUME was seen. */
  iterator = false;

  constructor(
    readonly c: TokenCursor,
    source: string,
  ) {
    this.source = source;
  }

  /** DEFINEs, ON EXCEPTIONs, then statements up to END / ELIF / ELSE. */
  block(): Block {
    const at = this.c.at;
    const defines: Define[] = [];
    while (this.c.atWord("define")) defines.push(this.define());
    const handlers: Handler[] = [];
    while (this.c.atWord("on") && isWord(this.c.peek(1), "exception")) handlers.push(this.handler());
    return { kind: "block", defines, handlers, body: this.statements(), at };
  }

  private statements(): Stmt[] {
    const out: Stmt[] = [];
    while (this.c.peek() !== undefined && !this.c.atWord("end", "elif", "else")) {
      if (this.c.optionalOp(";")) continue;
      // DEFINE and ON EXCEPTION come first in a block, as in IDS.
      if (this.c.atWord("define") || (this.c.atWord("on") && isWord(this.c.peek(1), "exception"))) {
        throw this.c.error();
      }
      out.push(this.statement());
    }
    return out;
  }

  private define(): Define {
    const at = this.c.word("define").start;
    const global = this.c.optionalWord("global");
    const names = this.c.names();
    const type = parseSplType(this.c);
    let dflt: Expr | null = null;
    if (this.c.optionalWord("default")) dflt = this.c.expr();
    if (dflt !== null && !global) throw syntaxAt(this.c.tokens[this.c.i - 1]);
    this.c.op(";");
    return { names, type, global, default: dflt, at };
  }

  private handler(): Handler {
    const at = this.c.word("on").start;
    this.c.word("exception");
    let codes: Expr[] | null = null;
    if (this.c.optionalWord("in")) {
      this.c.op("(");
      codes = this.c.exprList(new Set([")"]));
      this.c.op(")");
    }
    const set: string[] = [];
    if (this.c.optionalWord("set")) set.push(...this.c.names());
    if (set.length > 3) throw this.c.error();
    const body = this.statements();
    this.c.word("end");
    this.c.word("exception");
    let resume = false;
    if (this.c.optionalWord("with")) {
      this.c.word("resume");
      resume = true;
    }
    this.c.optionalOp(";");
    return { codes, set, body, resume, at };
  }

  /** `END word` closing a compound statement, with its optional `;`. */
  private endOf(word: string): void {
    this.c.word("end");
    this.c.word(word);
    this.c.optionalOp(";");
  }

  private label(): string | null {
    if (!(this.c.atOp("<") && isOp(this.c.peek(1), "<"))) return null;
    this.c.i += 2;
    const name = this.c.name();
    this.c.op(">");
    this.c.op(">");
    return name;
  }

  private statement(): Stmt {
    const label = this.label();
    const t = this.c.peek()!;
    if (label !== null && !isWord(t, "for", "while", "foreach", "loop")) throw this.c.error();
    const at = t.start;
    switch (t.kind === "word" ? t.value : "") {
      case "let":
        return this.let();
      case "if":
        return this.if();
      case "for":
        return this.for(label);
      case "while": {
        this.c.next();
        const cond = this.c.expr();
        const body = this.statements();
        this.endOf("while");
        return { kind: "while", cond, body, label, at };
      }
      case "loop": {
        this.c.next();
        const body = this.statements();
        this.endOf("loop");
        return { kind: "loop", body, label, at };
      }
      case "foreach":
        return this.foreach(label);
      case "exit":
      case "continue":
        return this.exit(t.value as "exit" | "continue");
      case "return":
        return this.return();
      case "raise":
        return this.raise();
      case "call": {
        this.c.next();
        const call = this.call();
        const into = this.c.optionalWord("returning") ? this.c.names() : [];
        this.c.optionalOp(";");
        return { kind: "call", call, into, at };
      }
      case "execute":
        if (isWord(this.c.peek(1), "procedure", "function", "routine")) {
          this.c.i += 2;
          const call = this.call();
          const into = this.c.optionalWord("into") ? this.c.names() : [];
          this.c.optionalOp(";");
          return { kind: "call", call, into, at };
        }
        return this.sql();
      case "system": {
        this.c.next();
        const command = this.c.expr();
        this.c.optionalOp(";");
        return { kind: "system", command, at };
      }
      case "trace":
        this.c.next();
        this.c.i = this.c.scanEnd(NO_STOPS);
        this.c.optionalOp(";");
        return { kind: "noop", at };
      case "set":
        if (isWord(this.c.peek(1), "debug")) {
          this.c.i = this.c.scanEnd(NO_STOPS, true);
          this.c.optionalOp(";");
          return { kind: "noop", at };
        }
        return this.sql();
      case "begin": {
        if (isWord(this.c.peek(1), "work")) return this.sql();
        this.c.next();
        const block = this.block();
        this.c.word("end");
        this.c.optionalOp(";");
        return block;
      }
      default:
        if (t.kind !== "word") throw this.c.error();
        return this.sql();
    }
  }

  private let(): Stmt {
    const at = this.c.word("let").start;
    const targets = this.c.names();
    this.c.op("=");
    const values = this.c.exprList();
    this.c.optionalOp(";");
    return { kind: "let", targets, values, at };
  }

  private if(): Stmt {
    const at = this.c.word("if").start;
    const branches: { cond: Expr; body: Stmt[] }[] = [];
    let otherwise: Stmt[] | null = null;
    for (;;) {
      const cond = this.c.expr(THEN);
      this.c.word("then");
      branches.push({ cond, body: this.statements() });
      if (this.c.optionalWord("elif")) continue;
      if (this.c.optionalWord("else")) otherwise = this.statements();
      break;
    }
    this.endOf("if");
    return { kind: "if", branches, otherwise, at };
  }

  private forItem(stops: ReadonlySet<string>): ForItem {
    const from = this.c.expr(new Set([...stops, "to"]), true);
    if (!this.c.optionalWord("to")) return { from, to: null, step: null };
    const to = this.c.expr(new Set([...stops, "step"]), true);
    const step = this.c.optionalWord("step") ? this.c.expr(stops, true) : null;
    return { from, to, step };
  }

  private for(label: string | null): Stmt {
    const at = this.c.word("for").start;
    const variable = this.c.name();
    const items: ForItem[] = [];
    if (this.c.optionalOp("=")) {
      const from = this.c.expr(TO_STEP);
      this.c.word("to");
      const to = this.c.expr(STEP);
      const step = this.c.optionalWord("step") ? this.c.expr() : null;
      items.push({ from, to, step });
    } else {
      this.c.word("in");
      this.c.op("(");
      const stops = new Set([")"]);
      items.push(this.forItem(stops));
      while (this.c.optionalOp(",")) items.push(this.forItem(stops));
      this.c.op(")");
    }
    const body = this.statements();
    this.endOf("for");
    return { kind: "for", variable, items, body, label, at };
  }

  private foreach(label: string | null): Stmt {
    const at = this.c.word("foreach").start;
    // FOREACH [cursor [WITH HOLD] FOR] SELECT ... / FOREACH EXECUTE PROCEDURE ...
    if (!this.c.atWord("select", "execute", "with")) {
      this.c.name();
      if (this.c.optionalWord("with")) this.c.word("hold");
      this.c.word("for");
    } else if (this.c.optionalWord("with")) {
      this.c.word("hold");
      this.c.optionalWord("for");
    }
    let source: { select: { start: number; end: number } } | { call: Call };
    let into: string[];
    if (this.c.optionalWord("execute")) {
      this.c.word("procedure", "function", "routine");
      source = { call: this.call() };
      this.c.word("into");
      into = this.c.names();
    } else {
      const s = this.selectInto();
      source = { select: s.text };
      into = s.into;
      if (into.length === 0) throw syntaxAt(this.c.tokens[s.first]);
    }
    this.c.optionalOp(";");
    const body = this.statements();
    this.endOf("foreach");
    return { kind: "foreach", source, into, body, label, at };
  }

  private exit(kind: "exit" | "continue"): Stmt {
    const at = this.c.next().start;
    let loop: LoopKind | null = null;
    let label: string | null = null;
    const t = this.c.peek();
    if (t?.kind === "word" && LOOP_KINDS.has(t.value)) {
      loop = t.value as LoopKind;
      this.c.next();
    } else if (t !== undefined && (t.kind === "word" || t.kind === "quoted") && !isWord(t, "when")) {
      label = this.c.name();
    }
    const when = this.c.optionalWord("when") ? this.c.expr() : null;
    this.c.optionalOp(";");
    return { kind, loop, label, when, at };
  }

  private return(): Stmt {
    const at = this.c.word("return").start;
    const values = this.c.atOp(";") || this.c.atWord("with") ? [] : this.c.exprList(WITH);
    let resume = false;
    if (this.c.optionalWord("with")) {
      this.c.word("resume");
      resume = true;
      this.iterator = true;
    }
    this.c.optionalOp(";");
    return { kind: "return", values, resume, at };
  }

  private raise(): Stmt {
    const at = this.c.word("raise").start;
    this.c.word("exception");
    const list = this.c.exprList();
    if (list.length > 3) throw syntaxAt(list[3]!.tokens[0]);
    this.c.optionalOp(";");
    return { kind: "raise", sqlcode: list[0]!, isam: list[1] ?? null, text: list[2] ?? null, at };
  }

  /** `name(args)` of a routine call. */
  private call(): Call {
    const at = this.c.at;
    const start = this.c.i;
    this.c.name();
    while (this.c.optionalOp(".") || this.c.optionalOp(":")) this.c.name();
    if (!this.c.atOp("(")) throw this.c.error();
    let depth = 0;
    do {
      const t = this.c.next();
      if (isOp(t, "(")) depth++;
      else if (isOp(t, ")")) depth--;
    } while (depth > 0);
    return { tokens: this.c.tokens.slice(start, this.c.i), at };
  }

  private sql(): Stmt {
    const at = this.c.at;
    const first = this.c.i;
    if (this.c.atWord("select")) {
      const s = this.selectInto();
      this.c.optionalOp(";");
      return { kind: "sql", text: s.text, into: s.into, at };
    }
    const end = this.c.scanEnd(NO_STOPS, true);
    const text = { start: this.c.tokens[first]!.start, end: endOffset(this.c.tokens, end, this.source) };
    this.c.i = end;
    this.c.optionalOp(";");
    return { kind: "sql", text, into: [], at };
  }

  /** A SELECT up to its end; its top-level `INTO v, ...` (not INTO TEMP) cut out. */
  private selectInto(): { text: { start: number; end: number }; into: string[]; first: number } {
    const first = this.c.i;
    const end = this.c.scanEnd(NO_STOPS, true);
    let depth = 0;
    let into: string[] = [];
    for (let k = first; k < end; k++) {
      const t = this.c.tokens[k]!;
      if (isOp(t, "(")) depth++;
      else if (isOp(t, ")")) depth--;
      else if (depth === 0 && isWord(t, "into") && !isWord(this.c.tokens[k + 1], "temp", "scratch", "external")) {
        let j = k + 1;
        into = [];
        while (j < end && isName(this.c.tokens[j])) {
          into.push(this.c.tokens[j]!.value);
          j++;
          if (!isOp(this.c.tokens[j], ",")) break;
          j++;
        }
        if (into.length === 0) throw syntaxAt(this.c.tokens[k + 1]);
        const from = t.start;
        const to = this.c.tokens[j - 1]!.start + this.c.tokens[j - 1]!.text.length;
        this.source = this.source.slice(0, from) + " ".repeat(to - from) + this.source.slice(to);
        break;
      }
    }
    const text = { start: this.c.tokens[first]!.start, end: endOffset(this.c.tokens, end, this.source) };
    this.c.i = end;
    return { text, into, first };
  }
}

function isName(t: Token | undefined): boolean {
  return t !== undefined && (t.kind === "word" || t.kind === "quoted");
}

/** Source offset just past the token before index `end`. */
function endOffset(tokens: readonly Token[], end: number, source: string): number {
  const last = tokens[end - 1];
  return last === undefined ? source.length : last.start + last.text.length;
}
