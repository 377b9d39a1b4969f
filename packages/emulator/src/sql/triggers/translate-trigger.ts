// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// A parsed CREATE TRIGGER → one PL/pgSQL trigger function plus the PostgreSQL triggers that run
// it, created together by one DO block (one statement, so the engine runs it like any DDL):
//
//   function  <db>.ifx_trg_<name>() RETURNS trigger: its body starts with the marker lines the
//             systriggers / systrigbody views read (name, owner, event, correlation names and
//             the CREATE text, split where the action clause starts), then
//               IF TG_LEVEL = 'STATEMENT' AND TG_WHEN = 'BEFORE' → the BEFORE actions
//               IF TG_LEVEL = 'STATEMENT'                        → the AFTER actions
//               otherwise                                        → the FOR EACH ROW actions
//             with REFERENCING names as ALIAS FOR NEW / OLD, WHEN (c) as IF c THEN ... END IF;
//   triggers  ifx_<name>_b  BEFORE <event> FOR EACH STATEMENT
//             ifx_<name>_r  AFTER <event> FOR EACH ROW (INSTEAD OF ... on a view); an
//                           EXECUTE FUNCTION ... INTO col action makes it ~ifx_<name>_r BEFORE
//                           ROW (SELECT * INTO NEW.col FROM f(...)), after the SERIAL trigger
//             ifx_<name>_a  AFTER <event> FOR EACH STATEMENT
//             ifx_<name>_s  a SELECT trigger: recorded (catalog, DROP TABLE), never fired
//
// FOR EACH ROW runs AFTER ROW: the actions see the row as written (a SERIAL filled in), and an
// action that fails fails the triggering statement, which PostgreSQL undoes, as IDS does. IDS
// stops cascading triggers 61 levels deep (-748); so does the function, by pg_trigger_depth().
// Action statements and conditions go through the SQL rewriter (spl/translate-sql.ts).

import { typeCodes } from "@informix-db/protocol";
import { InformixSqlError } from "../../engine/informix-sql-error.js";
import { pgIdent, pgString, type RewriteContext } from "../context.js";
import type { Plan, SqlPlan } from "../plan.js";
import { SPL_RAISE_SQLSTATE } from "../spl/runtime-sql.js";
import { SqlTranslator } from "../spl/translate-sql.js";
import type { Token } from "../tokenizer.js";
import type { Trigger, TriggeredAction } from "./ast.js";

/** First line of prosrc of every trigger function; catalog-trigger-sql.ts matches it. */
export const TRIGGER_MARKER = "-- informix-trigger";

const TABLE_NOT_FOUND = -206;
const NOT_FOUND = -111;
const ROUTINE_NOT_FOUND = -674;
const CASCADE_DELETE = -742;
/** -743 Object already exists in database. */
const OBJECT_EXISTS = -743;
/** -748 Exceeded limit on maximum number of cascaded triggers (61). */
const CASCADE_LIMIT = -748;
const MAX_CASCADE = 61;

const EVENT_CODES = { insert: "I", delete: "D", update: "U", select: "S" } as const;

/** The trigger function's name (in the database's schema). */
export function triggerFunction(name: string): string {
  return `ifx_trg_${name}`;
}

/** The regnamespace of the open database. */
export function schemaOf(ctx: RewriteContext): string {
  return `CAST(${pgString(pgIdent(ctx.database ?? ""))} AS regnamespace)`;
}

/** RAISE of an Informix error (mapped back by engine/pg-errors.ts, as SPL's RAISE EXCEPTION). */
export function raiseInformix(code: number, text: string, isam = 0): string {
  return `RAISE EXCEPTION USING ERRCODE = '${SPL_RAISE_SQLSTATE}', MESSAGE = ${pgString(text)}, DETAIL = '${code}:${isam}';`;
}

/**
 * PL/pgSQL that drops the functions of triggers PostgreSQL dropped with their table (DROP
 * TABLE drops an IDS table's triggers): needs `ifx_f regprocedure` declared.
 */
export function dropOrphansSql(ctx: RewriteContext): string {
  return `FOR ifx_f IN SELECT CAST(p.oid AS regprocedure) FROM pg_proc p WHERE p.pronamespace = ${schemaOf(ctx)}
    AND p.prosrc ~ ${pgString(`^\\s*${TRIGGER_MARKER}\\n`)} AND NOT EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgfoid = p.oid)
  LOOP EXECUTE 'DROP FUNCTION ' || CAST(ifx_f AS text); END LOOP;`;
}

export function ddlPlan(statementType: number, sql: string): SqlPlan {
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

/**
 * IDS: no DELETE trigger on a table with an ON DELETE CASCADE referential constraint (-742
 * Trigger and cascading-delete referential constraint cannot coexist). Runs once the
 * PostgreSQL triggers exist, so that a missing table is -206 first.
 */
function cascadeCheck(table: string): string {
  return `IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = CAST(${pgString(pgIdent(table))} AS regclass)
    AND contype = 'f' AND confdeltype = 'c') THEN ${raiseInformix(CASCADE_DELETE, "")} END IF;`;
}

/** Whether a FOR EACH ROW action sets the new row (EXECUTE FUNCTION ... INTO): the row trigger runs BEFORE ROW. */
function setsRow(t: Trigger): boolean {
  return t.row.some((ta) => ta.actions.some((a) => a.kind === "call" && a.into.length > 0));
}

function dollarTag(text: string, base: string): string {
  let tag = `$${base}$`;
  for (let k = 1; text.includes(tag); k++) tag = `$${base}${k}$`;
  return tag;
}

function textLines(prefix: string, text: string): string[] {
  return text.split(/\r?\n/).map((l) => `${prefix}${l}`);
}

class TriggerTranslator {
  private readonly sql: SqlTranslator;
  /**
   * PL/pgSQL checks that what the actions name exists: IDS refuses a trigger whose action names a
   * missing table (-206) or routine (-674); PL/pgSQL would only find out when the action runs.
   */
  private readonly checks: string[] = [];

  constructor(
    private readonly t: Trigger,
    private readonly source: string,
    private readonly ctx: RewriteContext,
    private readonly rewrite: (sql: string) => Plan,
  ) {
    this.sql = new SqlTranslator(source, ctx, rewrite);
  }

  /** An action statement's PostgreSQL text (as SqlTranslator.sql), recording its tables for checks. */
  private statement(start: number, end: number, at: number): string {
    const plan = this.rewrite(" ".repeat(start) + this.source.slice(start, end));
    if (plan.kind !== "sql") throw new InformixSqlError(-201, 0, "", at + 1);
    for (const table of plan.tables ?? []) {
      const name = table.replace(/^.*\./, "").replace(/"/g, "");
      this.checks.push(
        `IF to_regclass(${pgString(table)}) IS NULL THEN ${raiseInformix(TABLE_NOT_FOUND, name, NOT_FOUND)} END IF;`,
      );
    }
    return plan.sql;
  }

  /** A called routine's PostgreSQL text, recording a check that the routine exists. */
  private call(tokens: readonly Token[], at: number): string {
    const open = tokens.findIndex((x) => x.text === "(");
    const name = tokens[open - 1]?.value ?? "";
    this.checks.push(`IF NOT EXISTS (SELECT 1 FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE p.proname = ${pgString(name)} AND n.nspname = ANY (current_schemas(true))) THEN ${raiseInformix(ROUTINE_NOT_FOUND, name)} END IF;`);
    return this.sql.call({ tokens, at });
  }

  private list(list: readonly TriggeredAction[]): string[] {
    const out: string[] = [];
    for (const ta of list) {
      const lines = ta.actions.map((a) => {
        if (a.kind === "sql") return `${this.statement(a.start, a.end, a.at)};`;
        const call = this.call(a.tokens, a.at);
        if (a.into.length === 0) return `PERFORM * FROM ${call};`;
        return `SELECT * INTO ${a.into.map((c) => `NEW.${pgIdent(c)}`).join(", ")} FROM ${call};`;
      });
      if (ta.when === null) out.push(...lines);
      else out.push(`IF ${this.sql.expr(ta.when)} THEN`, ...lines.map((l) => `  ${l}`), "END IF;");
    }
    return out;
  }

  private header(): string[] {
    const t = this.t;
    const event = t.insteadOf ? EVENT_CODES[t.event].toLowerCase() : EVENT_CODES[t.event];
    const head = this.source.slice(t.at, t.actionStart).trim();
    const body = this.source.slice(t.actionStart).replace(/[\s;]+$/, "");
    return [
      TRIGGER_MARKER,
      `--name ${t.name}`,
      `--owner ${this.ctx.user}`,
      `--event ${event}`,
      `--old ${t.old ?? ""}`,
      `--new ${t.new ?? ""}`,
      ...textLines("--D ", head),
      ...textLines("--A ", body),
      `${TRIGGER_MARKER} end`,
    ];
  }

  private functionSql(fn: string): string {
    const t = this.t;
    const aliases: string[] = [];
    if (t.new !== null) aliases.push(`${pgIdent(t.new)} ALIAS FOR NEW;`);
    if (t.old !== null) aliases.push(`${pgIdent(t.old)} ALIAS FOR OLD;`);
    const rowResult = t.insteadOf || setsRow(t) ? (t.event === "delete" ? "OLD" : "NEW") : "NULL";
    const indent = (lines: string[]): string[] => lines.map((l) => `    ${l}`);
    const lines = [
      ...this.header(),
      ...(aliases.length > 0 ? ["DECLARE", ...aliases.map((a) => `  ${a}`)] : []),
      "BEGIN",
      `  IF pg_trigger_depth() > ${MAX_CASCADE} THEN ${raiseInformix(CASCADE_LIMIT, "")} END IF;`,
      "  IF TG_LEVEL = 'STATEMENT' AND TG_WHEN = 'BEFORE' THEN",
      ...indent(this.list(t.before)),
      "    RETURN NULL;",
      "  END IF;",
      "  IF TG_LEVEL = 'STATEMENT' THEN",
      ...indent(this.list(t.after)),
      "    RETURN NULL;",
      "  END IF;",
      ...this.list(t.row).map((l) => `  ${l}`),
      `  RETURN ${rowResult};`,
      "END",
    ];
    const text = lines.join("\n");
    const tag = dollarTag(text, "ifx_trg");
    return `CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS ${tag}\n${text}\n${tag}`;
  }

  /** The PostgreSQL triggers and the statements that disable them. */
  private triggers(fn: string): string[] {
    const t = this.t;
    const table = pgIdent(t.table);
    const of = t.columns.length > 0 ? ` OF ${t.columns.map(pgIdent).join(", ")}` : "";
    const event = `${t.event.toUpperCase()}${t.event === "update" ? of : ""}`;
    const made: { name: string; sql: string }[] = [];
    const add = (suffix: string, timing: string, level: string): void => {
      // "~": BEFORE ROW triggers fire in name order, and the SERIAL one (<table>_<col>_serial) goes first.
      const name = pgIdent(suffix.startsWith("~") ? `~ifx_${t.name}_${suffix.slice(1)}` : `ifx_${t.name}_${suffix}`);
      made.push({
        name,
        sql: `CREATE TRIGGER ${name} ${timing} ON ${table} FOR EACH ${level} EXECUTE FUNCTION ${fn}()`,
      });
    };
    if (t.event === "select") add("s", "AFTER INSERT", "STATEMENT WHEN (false)");
    else {
      if (t.before.length > 0) add("b", `BEFORE ${event}`, "STATEMENT");
      if (t.row.length > 0 && setsRow(t)) add("~r", `BEFORE ${event}`, "ROW");
      else if (t.row.length > 0) add("r", `${t.insteadOf ? "INSTEAD OF" : "AFTER"} ${event}`, "ROW");
      if (t.after.length > 0) add("a", `AFTER ${event}`, "STATEMENT");
    }
    const out = made.map((m) => m.sql);
    if (!t.enabled) out.push(...made.map((m) => `ALTER TABLE ${table} DISABLE TRIGGER ${m.name}`));
    return out;
  }

  plan(): SqlPlan {
    const t = this.t;
    const fnName = triggerFunction(t.name);
    const fn = `${pgIdent(this.ctx.database ?? "")}.${pgIdent(fnName)}`;
    const steps = [this.functionSql(fn), ...this.triggers(fn)];
    const exists = `SELECT 1 FROM pg_proc WHERE proname = ${pgString(fnName)} AND pronamespace = ${schemaOf(this.ctx)}`;
    const body = [
      dropOrphansSql(this.ctx),
      `IF EXISTS (${exists}) THEN ${t.ifNotExists ? "RETURN;" : raiseInformix(OBJECT_EXISTS, t.name)} END IF;`,
      ...this.checks,
      ...steps.map((s) => `EXECUTE ${pgString(s)};`),
      ...(t.event === "delete" && !t.insteadOf ? [cascadeCheck(t.table)] : []),
    ].join("\n");
    const tag = dollarTag(body, "ifx_do");
    const sql = `DO ${tag} DECLARE ifx_f regprocedure; BEGIN\n${body}\nEND ${tag}`;
    return ddlPlan(typeCodes.SQ_CRETRIG, sql);
  }
}

export function translateTrigger(
  t: Trigger,
  source: string,
  ctx: RewriteContext,
  rewrite: (sql: string) => Plan,
): SqlPlan {
  return new TriggerTranslator(t, source, ctx, rewrite).plan();
}
