// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Recursive-descent parser of CREATE TRIGGER on the SQL tokenizer's tokens (IDS Guide to SQL:
// Syntax, "CREATE TRIGGER statement"):
//
//   CREATE TRIGGER [IF NOT EXISTS] [owner.]name
//     { INSERT | DELETE | UPDATE [OF col, ...] | SELECT [OF col, ...] } ON table
//         [REFERENCING {OLD | NEW} [AS] corr ...] action-clause
//     | INSTEAD OF { INSERT | DELETE | UPDATE } ON view [REFERENCING ...] FOR EACH ROW (action, ...) }
//     [ENABLED | DISABLED]
//   action-clause:  [BEFORE list] [FOR EACH ROW list] [AFTER list]   (at least one)
//   list:           [WHEN (condition)] (action, ...) [, [WHEN (condition)] (action, ...)] ...
//   action:         INSERT ... | DELETE ... | UPDATE ... | EXECUTE {PROCEDURE | FUNCTION} name [(args)]
//                   [INTO col, ...]  (INTO: FOR EACH ROW of an INSERT or UPDATE trigger only)
//
// An UPDATE action's SET list has commas of its own: a comma at the action's top level ends
// the action only when INSERT, DELETE, UPDATE or EXECUTE follows it. Syntax errors are -201
// at the offending token; a transaction statement as an action is -744, as in IDS.

import { InformixSqlError } from "../../engine/informix-sql-error.js";
import { TokenCursor } from "../spl/cursor.js";
import { isOp, isWord, makeToken, type Token } from "../tokenizer.js";
import type { Trigger, TriggerAction, TriggerEvent, TriggeredAction } from "./ast.js";

/** -744 Illegal SQL statement in trigger. */
const ILLEGAL_IN_TRIGGER = -744;

const ACTION_WORDS = ["insert", "delete", "update", "execute"];
const TRANSACTION_WORDS = ["begin", "commit", "rollback", "savepoint", "release"];

/** Index of the `)` that closes the `(` at `open`, or -1. */
function closing(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let k = open; k < tokens.length; k++) {
    if (isOp(tokens[k], "(")) depth++;
    else if (isOp(tokens[k], ")") && --depth === 0) return k;
  }
  return -1;
}

class TriggerParser {
  constructor(private readonly c: TokenCursor) {}

  private event(insteadOf: boolean): { event: TriggerEvent; columns: string[] } {
    const c = this.c;
    const word = insteadOf ? c.word("insert", "delete", "update") : c.word("insert", "delete", "update", "select");
    const event = word.value as TriggerEvent;
    const columns: string[] = [];
    if (!insteadOf && (event === "update" || event === "select") && c.optionalWord("of")) columns.push(...c.names());
    return { event, columns };
  }

  private referencing(event: TriggerEvent): { old: string | null; new: string | null } {
    const c = this.c;
    let old: string | null = null;
    let nu: string | null = null;
    if (!c.optionalWord("referencing")) return { old, new: nu };
    do {
      const which = c.peek();
      c.word("old", "new");
      c.optionalWord("as");
      const name = c.name();
      // INSERT has no old row, DELETE and SELECT no new one; each name once.
      if (isWord(which, "old")) {
        if (event === "insert" || old !== null) throw c.error();
        old = name;
      } else {
        if (event === "delete" || event === "select" || nu !== null) throw c.error();
        nu = name;
      }
      c.optionalOp(",");
    } while (c.atWord("old", "new"));
    return { old, new: nu };
  }

  /** `[WHEN (cond)] (actions) [, ...]`. */
  private list(into = false): TriggeredAction[] {
    const c = this.c;
    const out: TriggeredAction[] = [];
    do {
      const at = c.at;
      let when: TriggeredAction["when"] = null;
      if (c.optionalWord("when")) {
        const open = c.i;
        c.op("(");
        const close = closing(c.tokens, open);
        if (close < 0 || close === open + 1) throw c.error();
        when = { tokens: c.tokens.slice(open + 1, close), at: c.at };
        c.i = close + 1;
      }
      out.push({ when, actions: this.actions(into), at });
    } while (c.atOp(",") && (isWord(c.peek(1), "when") || isOp(c.peek(1), "(")) && c.optionalOp(","));
    return out;
  }

  /** `(action, ...)`. */
  actions(into = false): TriggerAction[] {
    const c = this.c;
    const open = c.i;
    c.op("(");
    const close = closing(c.tokens, open);
    if (close < 0) throw c.error();
    const out: TriggerAction[] = [];
    for (;;) {
      const t = c.peek();
      if (isWord(t, ...TRANSACTION_WORDS)) throw new InformixSqlError(ILLEGAL_IN_TRIGGER, 0, "", t!.start + 1);
      if (!isWord(t, ...ACTION_WORDS)) throw c.error();
      out.push(isWord(t, "execute") ? this.call(close, into) : this.statement(close));
      if (c.i === close) break;
      c.op(",");
    }
    c.i = close + 1;
    return out;
  }

  private statement(close: number): TriggerAction {
    const c = this.c;
    const first = c.next();
    let depth = 0;
    let k = c.i;
    for (; k < close; k++) {
      const t = c.tokens[k]!;
      if (isOp(t, "(")) depth++;
      else if (isOp(t, ")")) depth--;
      else if (depth === 0 && isOp(t, ",") && isWord(c.tokens[k + 1], ...ACTION_WORDS)) break;
    }
    const last = c.tokens[k - 1]!;
    c.i = k;
    return { kind: "sql", start: first.start, end: last.start + last.text.length, at: first.start };
  }

  private call(close: number, intoAllowed: boolean): TriggerAction {
    const c = this.c;
    const at = c.next().start;
    c.word("procedure", "function");
    const start = c.i;
    c.name();
    while (c.optionalOp(".") || c.optionalOp(":")) c.name();
    let tokens: Token[];
    if (c.atOp("(")) {
      const end = closing(c.tokens, c.i);
      if (end < 0 || end > close) throw c.error();
      c.i = end + 1;
      tokens = c.tokens.slice(start, c.i);
    } else {
      const last = c.tokens[c.i - 1]!;
      const after = last.start + last.text.length;
      tokens = [...c.tokens.slice(start, c.i), makeToken("op", "(", after), makeToken("op", ")", after)];
    }
    let into: string[] = [];
    if (intoAllowed && c.optionalWord("into")) {
      into = [c.name()];
      // A comma before INSERT, DELETE, UPDATE or EXECUTE starts the next action.
      while (c.atOp(",") && !isWord(c.peek(1), ...ACTION_WORDS) && c.optionalOp(",")) into.push(c.name());
    }
    // WITH TRIGGER REFERENCES (SPL trigger routines) is not supported.
    if (c.i !== close && !c.atOp(",")) throw c.error();
    return { kind: "call", tokens, into, at };
  }

  parse(): Trigger {
    const c = this.c;
    const at = c.word("create").start;
    c.word("trigger");
    const ifNotExists = c.optionalIfNotExists();
    let name = c.name();
    while (c.optionalOp(".")) name = c.name();
    const insteadOf = c.optionalWord("instead");
    if (insteadOf) c.word("of");
    const { event, columns } = this.event(insteadOf);
    c.word("on");
    let table = c.name();
    while (c.optionalOp(".")) table = c.name();
    const { old, new: nu } = this.referencing(event);
    const actionStart = c.at;
    let before: TriggeredAction[] = [];
    let row: TriggeredAction[] = [];
    let after: TriggeredAction[] = [];
    if (insteadOf) {
      c.word("for");
      c.word("each");
      c.word("row");
      row = [{ when: null, actions: this.actions(), at: actionStart }];
    } else {
      if (c.optionalWord("before")) before = this.list();
      if (c.atWord("for")) {
        c.next();
        c.word("each");
        c.word("row");
        row = this.list(event === "insert" || event === "update");
      }
      if (c.optionalWord("after")) after = this.list();
      // A REFERENCING clause needs FOR EACH ROW; some action is required.
      if ((row.length === 0 && (old !== null || nu !== null)) || before.length + row.length + after.length === 0)
        throw c.error();
    }
    let enabled = true;
    if (c.atWord("enabled", "disabled")) enabled = c.next().value === "enabled";
    while (c.optionalOp(";"));
    if (c.peek() !== undefined) throw c.error();
    return {
      name,
      ifNotExists,
      event,
      columns,
      table,
      insteadOf,
      old,
      new: nu,
      before,
      row,
      after,
      enabled,
      actionStart,
      at,
    };
  }
}

export function parseTrigger(source: string, tokens: readonly Token[]): Trigger {
  return new TriggerParser(new TokenCursor(tokens, source.length)).parse();
}
