// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Parser of CREATE [DBA] PROCEDURE|FUNCTION [IF NOT EXISTS] name (params)
// [RETURNING|RETURNS type [AS name], ...] [SPECIFIC name] [WITH (modifiers)] ; block
// END PROCEDURE|FUNCTION [DOCUMENT '...'] [WITH LISTING IN '...'], on the tokens of the
// SQL tokenizer. The END word must match the CREATE word, as in IDS.

import type { Token } from "../tokenizer.js";
import type { Param, ParamMode, ReturnValue, Routine } from "./ast.js";
import { TokenCursor } from "./cursor.js";
import { StatementParser } from "./parse-statements.js";
import { parseSplType } from "./parse-types.js";

/** A parsed routine and its source with SELECT ... INTO lists blanked. */
export interface ParsedRoutine {
  readonly routine: Routine;
  readonly source: string;
}

/**
 * [IN | OUT | INOUT] before a parameter's name. The word is a mode only when a name and a
 * type follow it: `f(out INT)` is a parameter named out.
 */
function paramMode(c: TokenCursor): ParamMode {
  const next = c.peek(2);
  if (!c.atWord("in", "out", "inout") || next === undefined || next.text === "," || next.text === ")") return "in";
  return c.next().value as ParamMode;
}

function params(c: TokenCursor): Param[] {
  c.op("(");
  const out: Param[] = [];
  if (c.optionalOp(")")) return out;
  for (;;) {
    const at = c.at;
    const mode = paramMode(c);
    const name = c.name();
    const type = parseSplType(c);
    const dflt = c.optionalWord("default") ? c.expr(new Set([")"])) : null;
    out.push({ name, mode, type, default: dflt, at });
    if (c.optionalOp(")")) return out;
    c.op(",");
  }
}

function returning(c: TokenCursor): ReturnValue[] {
  const out: ReturnValue[] = [];
  do {
    const type = parseSplType(c);
    const name = c.optionalWord("as") ? c.name() : null;
    out.push({ type, name });
  } while (c.optionalOp(","));
  return out;
}

/** Skips WITH (modifier, ...) and SPECIFIC name in any order. */
function modifiers(c: TokenCursor): void {
  for (;;) {
    if (c.optionalWord("specific")) {
      c.name();
      while (c.optionalOp(".")) c.name();
    } else if (c.atWord("with") && c.peek(1)?.text === "(") {
      c.i += 2;
      let depth = 1;
      while (depth > 0) {
        const t = c.next();
        if (t.text === "(") depth++;
        else if (t.text === ")") depth--;
      }
    } else return;
  }
}

export function parseRoutine(source: string, tokens: readonly Token[]): ParsedRoutine {
  const c = new TokenCursor(tokens, source.length);
  const at = c.word("create").start;
  const dba = c.optionalWord("dba");
  const kind = c.word("procedure", "function").value as "procedure" | "function";
  const ifNotExists = c.optionalIfNotExists();
  let name = c.name();
  while (c.optionalOp(".") || c.optionalOp(":")) name = c.name();
  const ps = params(c);
  modifiers(c);
  const returns = c.optionalWord("returning", "returns") ? returning(c) : [];
  modifiers(c);
  c.optionalOp(";");
  const stmts = new StatementParser(c, source);
  const body = stmts.block();
  c.word("end");
  c.word(kind);
  let document: string | null = null;
  if (c.optionalWord("document")) {
    const parts: string[] = [];
    do {
      const t = c.next();
      if (t.kind !== "string" && t.kind !== "quoted") throw c.error();
      parts.push(t.value);
    } while (c.optionalOp(","));
    document = parts.join("\n");
  }
  if (c.optionalWord("with")) {
    c.word("listing");
    c.word("in");
    c.next();
  }
  while (c.optionalOp(";"));
  if (c.peek() !== undefined) throw c.error();
  const routine: Routine = {
    kind,
    name,
    dba,
    ifNotExists,
    params: ps,
    returns,
    body,
    iterator: stmts.iterator,
    document,
    at,
  };
  return { routine, source: stmts.source };
}
