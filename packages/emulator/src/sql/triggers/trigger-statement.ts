// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The rewriter's entry for trigger statements: CREATE TRIGGER (parse-trigger.ts,
// translate-trigger.ts), DROP TRIGGER [IF EXISTS] name and SET TRIGGERS {name, ... | FOR table}
// {ENABLED | DISABLED} (the Database Object Mode statement). A trigger is its function in the
// database's schema plus the PostgreSQL triggers that run it; an unknown trigger is -634
// Object does not exist, as in IDS. Returns null for any other statement.

import { typeCodes } from "@informix-db/protocol";
import { InformixSqlError } from "../../engine/informix-sql-error.js";
import { pgIdent, pgString, type RewriteContext } from "../context.js";
import type { Plan } from "../plan.js";
import { TokenCursor } from "../spl/cursor.js";
import { isWord, type Token } from "../tokenizer.js";
import { parseTrigger } from "./parse-trigger.js";
import {
  ddlPlan,
  dropOrphansSql,
  raiseInformix,
  schemaOf,
  TRIGGER_MARKER,
  translateTrigger,
  triggerFunction,
} from "./translate-trigger.js";

/** -634 Object does not exist. */
const OBJECT_NOT_FOUND = -634;

/** The trigger function of `name` that still has PostgreSQL triggers (its table exists). */
function liveFunction(name: string, ctx: RewriteContext): string {
  return `SELECT p.oid FROM pg_proc p WHERE p.proname = ${pgString(triggerFunction(name))}
    AND p.pronamespace = ${schemaOf(ctx)} AND p.prosrc ~ ${pgString(`^\\s*${TRIGGER_MARKER}\\n`)}
    AND EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgfoid = p.oid)`;
}

function doBlock(lines: readonly string[]): string {
  return ["DO $ifx_do$ DECLARE ifx_f regprocedure; ifx_t record; BEGIN", ...lines, "END $ifx_do$"].join("\n");
}

function dropPlan(c: TokenCursor, ctx: RewriteContext): Plan {
  c.word("drop");
  c.word("trigger");
  const ifExists = c.optionalIfExists();
  let name = c.name();
  while (c.optionalOp(".")) name = c.name();
  while (c.optionalOp(";"));
  if (c.peek() !== undefined) throw c.error();
  const fn = `${pgIdent(ctx.database ?? "")}.${pgIdent(triggerFunction(name))}`;
  const sql = doBlock([
    dropOrphansSql(ctx),
    `IF NOT EXISTS (${liveFunction(name, ctx)}) THEN ${ifExists ? "RETURN;" : raiseInformix(OBJECT_NOT_FOUND, name)} END IF;`,
    `EXECUTE ${pgString(`DROP FUNCTION ${fn}() CASCADE`)};`,
  ]);
  return ddlPlan(typeCodes.SQ_DRPTRIG, sql);
}

/** ALTER TABLE ... ENABLE|DISABLE TRIGGER for every PostgreSQL trigger of the functions `fns` selects. */
function setMode(fns: string, enable: boolean): string {
  return `FOR ifx_t IN SELECT CAST(g.tgrelid AS regclass) AS rel, g.tgname FROM pg_trigger g WHERE g.tgfoid IN (${fns})
  LOOP EXECUTE format('ALTER TABLE %s ${enable ? "ENABLE" : "DISABLE"} TRIGGER %I', ifx_t.rel, ifx_t.tgname); END LOOP;`;
}

function setPlan(c: TokenCursor, ctx: RewriteContext): Plan {
  c.word("set");
  c.word("triggers");
  const lines: string[] = [dropOrphansSql(ctx)];
  let fns: string;
  if (c.optionalWord("for")) {
    let table = c.name();
    while (c.optionalOp(".")) table = c.name();
    fns = `SELECT p.oid FROM pg_proc p JOIN pg_trigger g ON g.tgfoid = p.oid
      WHERE g.tgrelid = CAST(${pgString(pgIdent(table))} AS regclass) AND p.prosrc ~ ${pgString(`^\\s*${TRIGGER_MARKER}\\n`)}`;
  } else {
    const names = c.names();
    for (const n of names)
      lines.push(`IF NOT EXISTS (${liveFunction(n, ctx)}) THEN ${raiseInformix(OBJECT_NOT_FOUND, n)} END IF;`);
    fns = names.map((n) => liveFunction(n, ctx)).join(" UNION ALL ");
  }
  const enable = c.word("enabled", "disabled").value === "enabled";
  while (c.optionalOp(";"));
  if (c.peek() !== undefined) throw c.error();
  lines.push(setMode(fns, enable));
  return ddlPlan(typeCodes.SQ_SETENV, doBlock(lines));
}

/** The plan of CREATE/DROP TRIGGER or SET TRIGGERS, or null for other statements. */
export function triggerStatement(
  sql: string,
  tokens: readonly Token[],
  ctx: RewriteContext,
  rewrite: (sql: string) => Plan,
): Plan | null {
  const create = isWord(tokens[0], "create") && isWord(tokens[1], "trigger");
  const drop = isWord(tokens[0], "drop") && isWord(tokens[1], "trigger");
  const set = isWord(tokens[0], "set") && isWord(tokens[1], "triggers");
  if (!create && !drop && !set) return null;
  if (ctx.database === null) throw new InformixSqlError(-349);
  const c = new TokenCursor(tokens, sql.length);
  if (drop) return dropPlan(c, ctx);
  if (set) return setPlan(c, ctx);
  return translateTrigger(parseTrigger(sql, tokens), sql, ctx, rewrite);
}
