// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The rewriter's entry for routine DDL: CREATE [DBA] PROCEDURE|FUNCTION (parsed as SPL,
// translated to a PL/pgSQL function) and DROP PROCEDURE|FUNCTION|ROUTINE [IF EXISTS]
// name [(types)] / DROP SPECIFIC ... (a DROP FUNCTION in the database's schema; an
// unknown routine is -674, as in IDS). Returns null for any other statement.

import { InformixSqlError } from "../../engine/informix-sql-error.js";
import { pgIdent, type RewriteContext } from "../context.js";
import type { Plan, SqlPlan } from "../plan.js";
import { isWord, type Token } from "../tokenizer.js";
import { SQ_DRPPROC, SQ_STRPROC } from "../type-codes.js";
import { TokenCursor } from "./cursor.js";
import { parseRoutine } from "./parse-routine.js";
import { parseSplType } from "./parse-types.js";
import { translateRoutine } from "./translate-routine.js";

const ROUTINE_WORDS = ["procedure", "function", "routine"];

function isCreate(tokens: readonly Token[]): boolean {
  if (!isWord(tokens[0], "create")) return false;
  const k = isWord(tokens[1], "dba") ? 2 : 1;
  return isWord(tokens[k], "procedure", "function");
}

function isDrop(tokens: readonly Token[]): boolean {
  if (!isWord(tokens[0], "drop")) return false;
  const k = isWord(tokens[1], "specific") ? 2 : 1;
  return isWord(tokens[k], ...ROUTINE_WORDS);
}

function ddlPlan(statementType: number, sql: string, sourceOffset: (p: number) => number): SqlPlan {
  return { kind: "sql", statementType, isQuery: false, sql, sourceOffset, paramCount: 0, dynamic: false, ddl: true };
}

function dropPlan(sql: string, tokens: readonly Token[], ctx: RewriteContext): SqlPlan {
  const c = new TokenCursor(tokens, sql.length);
  c.word("drop");
  c.optionalWord("specific");
  c.word(...ROUTINE_WORDS);
  const ifExists = c.optionalIfExists();
  let name = c.name();
  while (c.optionalOp(".") || c.optionalOp(":")) name = c.name();
  let types: string | null = null;
  if (c.optionalOp("(")) {
    const list: string[] = [];
    while (!c.optionalOp(")")) {
      if (list.length > 0) c.op(",");
      list.push(parseSplType(c).pg);
    }
    types = list.join(", ");
  }
  while (c.optionalOp(";"));
  if (c.peek() !== undefined) throw c.error();
  const target = `${pgIdent(ctx.database ?? "")}.${pgIdent(name)}${types !== null ? `(${types})` : ""}`;
  return ddlPlan(SQ_DRPPROC, `DROP FUNCTION ${ifExists ? "IF EXISTS " : ""}${target}`, () => 0);
}

/** The plan of a CREATE/DROP PROCEDURE|FUNCTION|ROUTINE, or null for other statements. */
export function routineStatement(
  sql: string,
  tokens: readonly Token[],
  ctx: RewriteContext,
  rewrite: (sql: string) => Plan,
): Plan | null {
  const create = isCreate(tokens);
  if (!create && !isDrop(tokens)) return null;
  if (ctx.database === null) throw new InformixSqlError(-349);
  if (!create) return dropPlan(sql, tokens, ctx);
  const { routine, source } = parseRoutine(sql, tokens);
  const translated = translateRoutine(routine, sql, source, ctx, rewrite);
  return ddlPlan(SQ_STRPROC, translated.sql, translated.sourceOffset);
}
