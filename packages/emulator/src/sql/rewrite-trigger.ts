// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// CREATE TRIGGER / DROP TRIGGER (IDS Guide to SQL: Syntax, "CREATE TRIGGER"):
//
//   CREATE TRIGGER name {INSERT | DELETE | UPDATE [OF col, …]} ON table
//     [REFERENCING {OLD | NEW} [AS] alias …]
//     [BEFORE action-list] [FOR EACH ROW action-list] [AFTER action-list]
//   action-list: [WHEN (condition)] (statement [, statement …]) [, …]
//
// becomes one PL/pgSQL trigger function per timing, in the database's schema
// (ifx_trg_<name>_before / _row / _after), and PostgreSQL triggers: BEFORE and AFTER run once
// per statement, FOR EACH ROW after each row (AFTER … FOR EACH ROW). The REFERENCING aliases
// are PL/pgSQL aliases of NEW and OLD, so `post.quantity` reads the new row. The statements
// (INSERT, UPDATE, DELETE, EXECUTE PROCEDURE/FUNCTION) go through the rewriter like any other;
// EXECUTE PROCEDURE becomes PERFORM. Not supported (-201): SELECT triggers, INSTEAD OF triggers,
// the DISABLED/ENABLED modes. DROP TRIGGER drops the triggers of that name and their functions.

import { InformixSqlError } from "../engine/informix-sql-error.js";
import { pgIdent, pgString, type RewriteContext } from "./context.js";
import type { Plan, SqlPlan } from "./plan.js";
import { render } from "./render.js";
import { rewriteExpr } from "./rewrite-expr.js";
import { readTableName } from "./rewrite-names.js";
import { isOp, isWord, matchParen, splitTopLevel, type Token } from "./tokenizer.js";
import * as codes from "./type-codes.js";

const TIMINGS = ["before", "row", "after"] as const;
type Timing = (typeof TIMINGS)[number];

interface Action {
  readonly when: Token[] | null;
  readonly statements: Token[][];
}

function syntax(t: Token | undefined): InformixSqlError {
  return new InformixSqlError(-201, 0, "", t ? t.start + 1 : 1);
}

function plan(statementType: number, sql: string): SqlPlan {
  return {
    kind: "sql",
    statementType,
    isQuery: false,
    sql,
    sourceOffset: () => 0,
    paramCount: 0,
    dynamic: false,
    ddl: true,
  };
}

/** Reads `[WHEN (cond)] (stmt, …) [, …]` from `i`; returns the actions and the index after them. */
function actionList(tokens: readonly Token[], i: number): { actions: Action[]; next: number } {
  const actions: Action[] = [];
  for (;;) {
    let when: Token[] | null = null;
    if (isWord(tokens[i], "when")) {
      const close = matchParen(tokens, i + 1);
      if (!isOp(tokens[i + 1], "(") || close < 0) throw syntax(tokens[i + 1] ?? tokens[i]);
      when = tokens.slice(i + 2, close);
      i = close + 1;
    }
    const close = isOp(tokens[i], "(") ? matchParen(tokens, i) : -1;
    if (close < 0) throw syntax(tokens[i]);
    actions.push({ when, statements: splitTopLevel(tokens.slice(i + 1, close)) });
    i = close + 1;
    if (!isOp(tokens[i], ",") || !(isWord(tokens[i + 1], "when") || isOp(tokens[i + 1], "(")))
      return { actions, next: i };
    i++;
  }
}

/** The PL/pgSQL text of one triggered statement. */
function statementSql(stmt: readonly Token[], sql: string, rewriteOne: (text: string) => Plan): string {
  const first = stmt[0];
  const last = stmt[stmt.length - 1];
  if (first === undefined || last === undefined) throw syntax(first);
  if (!isWord(first, "insert", "update", "delete", "execute")) throw syntax(first);
  const text = sql.slice(first.start, last.start + last.text.length);
  const p = rewriteOne(text);
  if (p.kind !== "sql" || p.paramCount > 0) throw syntax(first);
  return isWord(first, "execute") ? p.sql.replace(/^SELECT\s+\*\s+FROM/i, "PERFORM * FROM") : p.sql;
}

/** CREATE TRIGGER or DROP TRIGGER as a plan, or null for any other statement. */
export function triggerStatement(
  sql: string,
  tokens: readonly Token[],
  ctx: RewriteContext,
  rewriteOne: (text: string) => Plan,
): Plan | null {
  const create = isWord(tokens[0], "create") && isWord(tokens[1], "trigger");
  const drop = isWord(tokens[0], "drop") && isWord(tokens[1], "trigger");
  if (!create && !drop) return null;
  if (ctx.database === null) throw new InformixSqlError(-349);
  let i = isOp(tokens[3], ".") ? 4 : 2; // owner.name: the owner is not kept
  const nameTok = tokens[i];
  if (nameTok?.kind !== "word" && nameTok?.kind !== "quoted") throw syntax(nameTok);
  const name = nameTok.value;
  const schema = pgIdent(ctx.database);
  const fn = (t: Timing): string => `${schema}.${pgIdent(`ifx_trg_${name}_${t}`)}`;
  if (drop) {
    const drops = TIMINGS.map((t) => `DROP FUNCTION IF EXISTS ${fn(t)}() CASCADE;`).join(" ");
    return plan(
      codes.SQ_DRPTRIG,
      `DO $ifx$ DECLARE r record; BEGIN
  FOR r IN SELECT t.tgname, t.tgrelid FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
    WHERE t.tgname IN (${[name, ...TIMINGS.map((t) => `${name}_${t}`)].map(pgString).join(", ")}) AND c.relnamespace = CAST(${pgString(ctx.database)} AS regnamespace) LOOP
    EXECUTE format('DROP TRIGGER %I ON %s', r.tgname, CAST(r.tgrelid AS regclass));
  END LOOP; ${drops} END $ifx$`,
    );
  }
  i++;
  const event = tokens[i];
  if (!isWord(event, "insert", "delete", "update")) throw syntax(event);
  let eventSql = event!.value.toUpperCase();
  i++;
  if (isWord(event, "update") && isWord(tokens[i], "of")) {
    const cols: string[] = [];
    for (i++; tokens[i]?.kind === "word" && !isWord(tokens[i], "on"); i += isOp(tokens[i + 1], ",") ? 2 : 1) {
      cols.push(pgIdent(tokens[i]!.value));
    }
    eventSql += ` OF ${cols.join(", ")}`;
  }
  if (!isWord(tokens[i], "on")) throw syntax(tokens[i]);
  const table = readTableName(tokens, i + 1);
  if (table === null) throw syntax(tokens[i + 1]);
  const tableSql = table.out.map((t) => t.text).join("");
  i = table.next;
  const aliases: string[] = [];
  if (isWord(tokens[i], "referencing")) {
    for (i++; isWord(tokens[i], "old", "new"); ) {
      const which = tokens[i]!.value.toUpperCase();
      i += isWord(tokens[i + 1], "as") ? 2 : 1;
      const alias = tokens[i];
      if (alias?.kind !== "word") throw syntax(alias);
      aliases.push(`${pgIdent(alias.value)} ALIAS FOR ${which};`);
      i++;
    }
  }
  const lists = new Map<Timing, Action[]>();
  while (i < tokens.length) {
    let timing: Timing;
    if (isWord(tokens[i], "before")) timing = "before";
    else if (isWord(tokens[i], "after")) timing = "after";
    else if (isWord(tokens[i], "for") && isWord(tokens[i + 1], "each") && isWord(tokens[i + 2], "row")) timing = "row";
    else throw syntax(tokens[i]);
    i += timing === "row" ? 3 : 1;
    const read = actionList(tokens, i);
    lists.set(timing, read.actions);
    i = read.next;
  }
  if (lists.size === 0) throw syntax(tokens[i - 1]);
  const steps: string[] = [];
  for (const [timing, actions] of lists) {
    const body = actions
      .map((a) => {
        const stmts = a.statements.map((st) => `${statementSql(st, sql, rewriteOne)};`).join("\n");
        if (a.when === null) return stmts;
        return `IF ${render(rewriteExpr(a.when, ctx)).sql} THEN\n${stmts}\nEND IF;`;
      })
      .join("\n");
    const declare = timing === "row" && aliases.length > 0 ? `DECLARE ${aliases.join(" ")}` : "";
    steps.push(
      `CREATE FUNCTION ${fn(timing)}() RETURNS trigger LANGUAGE plpgsql AS $ifx_body$ ${declare} BEGIN\n${body}\nRETURN NULL; END $ifx_body$`,
    );
    const when = timing === "before" ? "BEFORE" : "AFTER";
    const each = timing === "row" ? "ROW" : "STATEMENT";
    const trigger = lists.size === 1 ? name : `${name}_${timing}`;
    steps.push(
      `CREATE TRIGGER ${pgIdent(trigger)} ${when} ${eventSql} ON ${tableSql} FOR EACH ${each} EXECUTE FUNCTION ${fn(timing)}()`,
    );
  }
  return plan(codes.SQ_CRETRIG, `DO $ifx$ BEGIN ${steps.map((st) => `EXECUTE ${pgString(st)};`).join(" ")} END $ifx$`);
}
