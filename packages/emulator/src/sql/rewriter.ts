// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Entry point of the Informix → PostgreSQL rewriter: classifies one statement (its
// SQ_DESCRIBE statement type) and either returns PostgreSQL text with its source-offset
// map, or a command the engine executes itself. Passes, in order: table names
// (rewrite-names), query shape (rewrite-select), DDL (rewrite-ddl), expressions
// (rewrite-expr). Anything not recognised is -201 at the offending token.

import { InformixSqlError } from "../engine/informix-sql-error.js";
import { engineCommand, head, nameOf, syntax } from "./commands.js";
import { pgIdent, type RewriteContext } from "./context.js";
import { isDynamicDbinfo } from "./dbinfo.js";
import type { Plan, SelectType, SqlPlan } from "./plan.js";
import { render } from "./render.js";
import { quoteReservedAliases } from "./rewrite-aliases.js";
import { rewriteCollectionTables } from "./rewrite-collections.js";
import { rewriteComposites } from "./rewrite-composites.js";
import { currentOfCondition, cutCurrentOf, rewriteForUpdate } from "./rewrite-current-of.js";
import {
  rewriteAlterTable,
  rewriteCreateIndex,
  rewriteCreateTable,
  rewriteSequenceOptions,
  splitQualified,
} from "./rewrite-ddl.js";
import { rewriteExpr } from "./rewrite-expr.js";
import { unqualifySetTargets } from "./rewrite-merge.js";
import { readTableName, rewriteTableNames } from "./rewrite-names.js";
import { extractIntoTemp, rewriteFirstSkip, rewriteOuterJoins } from "./rewrite-select.js";
import { rewriteSelectLists } from "./rewrite-select-list.js";
import { rewriteUserType, USER_TYPE_STATEMENTS } from "./rewrite-user-types.js";
import { routineStatement } from "./spl/routine-statement.js";
import { normaliseStatement } from "./statement-forms.js";
import { countParams, isOp, isWord, raw, type Token, tokenize } from "./tokenizer.js";
import { triggerStatement } from "./triggers/trigger-statement.js";
import * as codes from "./type-codes.js";

/** Rewrites one Informix statement. */
export function rewrite(sql: string, ctx: RewriteContext): Plan {
  let tokens = tokenize(sql);
  while (tokens.length > 0 && isOp(tokens[tokens.length - 1], ";")) tokens = tokens.slice(0, -1);
  if (tokens.length === 0) throw new InformixSqlError(-201, 0, "", 1);
  // CREATE PROCEDURE/FUNCTION bodies hold `;`-separated SPL statements: parsed in spl/.
  const routine = routineStatement(sql, tokens, ctx, (text) => rewrite(text, ctx));
  if (routine) return routine;
  const trigger = triggerStatement(sql, tokens, ctx, (text) => rewrite(text, ctx));
  if (trigger) return trigger;
  const semi = tokens.findIndex((t) => isOp(t, ";"));
  if (semi >= 0) throw syntax(tokens[semi]);
  const cmd = engineCommand(tokens);
  if (cmd) return cmd;
  return sqlPlan(normaliseStatement(tokens), ctx);
}

/** Statement type and query-ness from the leading words. */
function classify(tokens: readonly Token[]): { type: number; isQuery: boolean } {
  const h = head(tokens, 4);
  const hasWhere = tokens.some((t) => isWord(t, "where"));
  if (/^(select|with|\()/.test(h)) return { type: codes.SQ_SELECT, isQuery: true };
  if (h.startsWith("insert")) return { type: codes.SQ_INSERT, isQuery: false };
  if (h.startsWith("update")) return { type: hasWhere ? codes.SQ_UPDATE : codes.SQ_UPDALL, isQuery: false };
  if (h.startsWith("delete")) return { type: hasWhere ? codes.SQ_DELETE : codes.SQ_DELALL, isQuery: false };
  if (h.startsWith("merge into")) return { type: codes.SQ_MERGE, isQuery: false };
  if (h.startsWith("execute function")) return { type: codes.SQ_EXECPROC, isQuery: true };
  if (h.startsWith("execute procedure")) return { type: codes.SQ_EXECPROC, isQuery: false };
  if (/^create (temp|scratch) table/.test(h)) return { type: codes.SQ_CTEMP, isQuery: false };
  if (/^create ((raw|standard) )?table/.test(h)) return { type: codes.SQ_CRETAB, isQuery: false };
  if (/^create ((unique|distinct|cluster) )*index/.test(h)) return { type: codes.SQ_CREIDX, isQuery: false };
  const table: Record<string, number> = {
    "drop table": codes.SQ_DRPTAB,
    "drop index": codes.SQ_DRPIDX,
    "create view": codes.SQ_CREVIEW,
    "drop view": codes.SQ_DROPVIEW,
    "create synonym": codes.SQ_CREASYN,
    "create public": codes.SQ_CREASYN,
    "create private": codes.SQ_CREASYN,
    "drop synonym": codes.SQ_DROPSYN,
    "create sequence": codes.SQ_CRESEQ,
    "drop sequence": codes.SQ_DRPSEQ,
    "alter sequence": codes.SQ_ALTER,
    "alter table": codes.SQ_ALTER,
    "rename table": codes.SQ_RENTAB,
    "rename column": codes.SQ_RENCOL,
    truncate: codes.SQ_TRUNCATE,
    ...USER_TYPE_STATEMENTS,
  };
  for (const [words, type] of Object.entries(table)) {
    if (h.startsWith(words)) return { type, isQuery: false };
  }
  throw syntax(tokens[0]);
}

function updateTargets(tokens: readonly Token[]): string[] {
  const set = tokens.findIndex((t) => isWord(t, "set"));
  const cols: string[] = [];
  let depth = 0;
  for (let i = set + 1; i < tokens.length && set >= 0; i++) {
    const t = tokens[i]!;
    if (isOp(t, "(")) depth++;
    else if (isOp(t, ")")) depth--;
    else if (depth === 0 && isWord(t, "where")) break;
    else if (isOp(tokens[i + 1], "=") && depth <= 1 && (t.kind === "word" || t.kind === "quoted")) {
      cols.push(t.kind === "quoted" ? t.value : t.value);
    } else if (
      depth === 1 &&
      isOp(tokens[i + 1], ",") &&
      t.kind === "word" &&
      tokens.slice(set, i).every((x) => !isOp(x, "="))
    ) {
      cols.push(t.value);
    } else if (depth === 1 && isOp(tokens[i + 1], ")") && isOp(tokens[i + 2], "=") && t.kind === "word")
      cols.push(t.value);
  }
  return cols;
}

/**
 * Per placeholder of an UPDATE, the SET column whose whole value it is (`SET a = ?, b = ?`),
 * else null (`b = b || ?`, the WHERE clause): DESCRIBE gives such a placeholder the column's
 * declared type, as IDS does, so a client binds a BLOB/CLOB or DATETIME value as one.
 */
function updateParams(tokens: readonly Token[]): (string | null)[] {
  const set = tokens.findIndex((t) => isWord(t, "set"));
  const targets: (string | null)[] = [];
  let depth = 0;
  let inSet = set >= 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (isOp(t, "(")) depth++;
    else if (isOp(t, ")")) depth--;
    else if (depth === 0 && isWord(t, "where")) inSet = false;
    if (t.kind !== "param") continue;
    const col = tokens[i - 2];
    const before = tokens[i - 3];
    const after = tokens[i + 1];
    const whole =
      inSet &&
      i > set &&
      depth === 0 &&
      isOp(tokens[i - 1], "=") &&
      (col?.kind === "word" || col?.kind === "quoted") &&
      (isWord(before, "set") || isOp(before, ",")) &&
      (after === undefined || isOp(after, ",") || isWord(after, "where"));
    targets[t.param - 1] = whole ? col!.value : null;
  }
  return targets;
}

function insertTarget(tokens: readonly Token[]): { table: string; columns: string[] | null } {
  const name = readTableName(tokens, 2);
  if (name === null) throw syntax(tokens[2]);
  const open = name.next;
  if (!isOp(tokens[open], "(")) return { table: name.out[0]!.text, columns: null };
  const cols: string[] = [];
  for (let i = open + 1; i < tokens.length && !isOp(tokens[i], ")"); i++) {
    const t = tokens[i]!;
    if (t.kind === "word" || t.kind === "quoted") cols.push(t.value);
  }
  return { table: name.out[0]!.text, columns: cols };
}

/**
 * The DML statements: their prepared form depends on the schema of the tables they reference,
 * and rewrite-composites.ts maps their ROW/collection literals and field references.
 */
const DML_TYPES = new Set<number>([
  codes.SQ_SELECT,
  codes.SQ_INSERT,
  codes.SQ_UPDATE,
  codes.SQ_UPDALL,
  codes.SQ_DELETE,
  codes.SQ_DELALL,
  codes.SQ_MERGE,
]);

/**
 * DDL that invalidates statements prepared on a table (-710). CREATE/DROP INDEX does
 * not: IDS re-prepares transparently after index changes (AUTO_REPREPARE, on by default).
 */
const ALTERING_TYPES = new Set<number>([
  codes.SQ_ALTER,
  codes.SQ_DRPTAB,
  codes.SQ_RENTAB,
  codes.SQ_RENCOL,
  codes.SQ_DROPVIEW,
  codes.SQ_DROPSYN,
]);

function sqlPlan(source: readonly Token[], ctx: RewriteContext): SqlPlan {
  const { type, isQuery: query } = classify(source);
  if (ctx.database === null) throw new InformixSqlError(-349);
  let isQuery = query;
  const referenced: string[] = [];
  let tokens = rewriteTableNames(source, referenced);
  if (DML_TYPES.has(type)) tokens = rewriteComposites(tokens);
  const dynamic = source.some(
    (t, i) => isWord(t, "dbinfo") && isDynamicDbinfo((source[i + 2]?.value ?? "").toLowerCase()),
  );
  const extra: { -readonly [K in keyof SqlPlan]?: SqlPlan[K] } = {};
  const at = source[0]!.start;
  const h = head(source, 3);
  if (type === codes.SQ_SELECT) {
    const into = extractIntoTemp(tokens);
    tokens = quoteReservedAliases(rewriteOuterJoins(rewriteFirstSkip(into ? into.tokens : tokens)));
    const selectTypes: (SelectType | null)[] = [];
    tokens = rewriteSelectLists(tokens, selectTypes);
    if (selectTypes.some((x) => x !== null)) extra.selectTypes = selectTypes;
    if (source.some((t, i) => isWord(t, "for") && isWord(source[i + 1], "update"))) extra.forUpdate = true;
    tokens = rewriteCollectionTables(tokens);
    tokens = rewriteExpr(tokens, ctx);
    if (extra.forUpdate) {
      const forUpdate = rewriteForUpdate(source, tokens);
      tokens = forUpdate.tokens;
      if (forUpdate.table !== null) {
        extra.rowIdentity = { table: forUpdate.table, plainSql: render(forUpdate.plain).sql };
      }
    }
    if (into) {
      isQuery = false;
      extra.describeSql = render(tokens).sql;
      tokens = [raw(`CREATE TABLE ${pgIdent(ctx.tempSchema)}.${pgIdent(into.name)} AS`, at), ...tokens];
      extra.intoTemp = into.name;
      extra.ddl = true;
    }
  } else if (type === codes.SQ_CTEMP || type === codes.SQ_CRETAB) {
    const created = rewriteCreateTable(tokens, ctx);
    tokens = created.tokens;
    extra.table = created.plan;
    extra.ddl = true;
  } else if (type === codes.SQ_ALTER && h.startsWith("alter table")) {
    const altered = rewriteAlterTable(tokens, ctx);
    tokens = altered.tokens;
    extra.table = altered.plan;
    extra.ddl = true;
  } else if (Object.values(USER_TYPE_STATEMENTS).includes(type)) {
    const u = rewriteUserType(source, type, ctx);
    tokens = u.tokens;
    if (u.plan) extra.userType = u.plan;
    if (u.dropped) extra.dropped = u.dropped;
    extra.ddl = true;
  } else if (type === codes.SQ_CREIDX) {
    tokens = rewriteCreateIndex(tokens);
    extra.ddl = true;
  } else if (type === codes.SQ_CREASYN) {
    const s = source.findIndex((t) => isWord(t, "synonym"));
    const f = source.findIndex((t) => isWord(t, "for"));
    const target = readTableName(rewriteTableNames(source.slice(f + 1)), 0);
    if (s < 0 || f < 0 || target === null) throw syntax(source[f + 1]);
    const name = nameOf(source[s + 1]);
    tokens = [raw(`CREATE VIEW ${pgIdent(name)} AS SELECT * FROM ${target.out[0]!.text}`, at)];
    extra.view = name;
    extra.ddl = true;
  } else if (type === codes.SQ_DROPSYN) {
    tokens = [raw("DROP VIEW", at), ...tokens.slice(2)];
    extra.ddl = true;
  } else if (type === codes.SQ_RENTAB) {
    tokens = [raw("ALTER TABLE", at), tokens[2]!, raw("RENAME TO", at), ...tokens.slice(4)];
    extra.ddl = true;
  } else if (type === codes.SQ_RENCOL) {
    if (!isOp(source[3], ".") || !isWord(source[5], "to")) throw syntax(source[3]);
    tokens = [
      raw("ALTER TABLE", at),
      source[2]!,
      raw("RENAME COLUMN", at),
      source[4]!,
      raw("TO", at),
      ...source.slice(6),
    ];
    extra.ddl = true;
  } else if (type === codes.SQ_CRESEQ || type === codes.SQ_DRPSEQ || h.startsWith("alter sequence")) {
    tokens = rewriteSequenceOptions(tokens);
    extra.ddl = true;
  } else if (type === codes.SQ_EXECPROC) {
    // FROM: a routine's RETURNING values are columns (OUT parameters), one row or many.
    tokens = [raw("SELECT * FROM", at), ...rewriteExpr(tokens.slice(2), ctx)];
  } else {
    if (type === codes.SQ_INSERT) extra.target = insertTarget(tokens);
    if (type === codes.SQ_UPDATE || type === codes.SQ_UPDALL) {
      const name = readTableName(tokens, 1);
      extra.target = { table: name?.out[0]?.text ?? "", columns: updateTargets(source), params: updateParams(source) };
    }
    if (type === codes.SQ_MERGE) tokens = unqualifySetTargets(tokens);
    if (type === codes.SQ_TRUNCATE && !isWord(tokens[1], "table"))
      tokens = [tokens[0]!, raw("TABLE", at), ...tokens.slice(1)];
    if (
      type === codes.SQ_DRPTAB ||
      type === codes.SQ_DROPVIEW ||
      type === codes.SQ_CREVIEW ||
      type === codes.SQ_DRPIDX
    ) {
      extra.ddl = true;
      const nameTok = tokens[2];
      if (nameTok && type === codes.SQ_CREVIEW) extra.view = splitQualified(nameTok, "").table;
      if (nameTok && type !== codes.SQ_CREVIEW) extra.dropped = nameTok.text;
    }
    // WHERE CURRENT OF: cut off before rewriteExpr (CURRENT is a DATETIME there), then the row by ctid.
    const currentOf = type === codes.SQ_UPDATE || type === codes.SQ_DELETE ? cutCurrentOf(tokens, source) : null;
    if (currentOf) tokens = currentOf.tokens;
    tokens = rewriteExpr(rewriteOuterJoins(rewriteFirstSkip(tokens)), ctx);
    if (currentOf) {
      const param = countParams(source) + 1;
      tokens = [...tokens, ...currentOfCondition(param, type === codes.SQ_UPDATE, at)];
      extra.currentOf = { cursor: currentOf.cursor, table: currentOf.table };
    }
    // IDS's DROP TABLE / DROP VIEW default to CASCADE: the referential constraints of other
    // tables that point at the table, and the views on it, go too (Flyway's clean drops tables
    // in any order). PostgreSQL defaults to RESTRICT.
    if (
      (type === codes.SQ_DRPTAB || type === codes.SQ_DROPVIEW) &&
      !isWord(tokens[tokens.length - 1], "restrict", "cascade")
    )
      tokens = [...tokens, raw("CASCADE", at)];
  }
  if (DML_TYPES.has(type)) extra.tables = [...new Set(referenced)];
  else if (ALTERING_TYPES.has(type) && !h.startsWith("alter sequence")) {
    // RENAME COLUMN t.c: `t` alone (readTableName would read `t.c` as owner.table).
    const name =
      type === codes.SQ_RENCOL
        ? readTableName(source.slice(2, 3), 0)?.out[0]?.text
        : type === codes.SQ_DROPSYN
          ? readTableName(source, 2)?.out[0]?.text
          : referenced[0];
    if (name !== undefined) extra.alters = name;
  }
  const rendered = render(tokens);
  return {
    kind: "sql",
    statementType: type,
    isQuery,
    sql: rendered.sql,
    sourceOffset: rendered.sourceOffset,
    paramCount: countParams(source),
    dynamic,
    ddl: extra.ddl ?? false,
    ...(extra.describeSql ? { describeSql: extra.describeSql } : {}),
    ...(extra.selectTypes ? { selectTypes: extra.selectTypes } : {}),
    ...(extra.forUpdate ? { forUpdate: true } : {}),
    ...(extra.rowIdentity ? { rowIdentity: extra.rowIdentity } : {}),
    ...(extra.currentOf ? { currentOf: extra.currentOf } : {}),
    ...(extra.target ? { target: extra.target } : {}),
    ...(extra.table ? { table: extra.table } : {}),
    ...(extra.userType ? { userType: extra.userType } : {}),
    ...(extra.intoTemp ? { intoTemp: extra.intoTemp } : {}),
    ...(extra.view ? { view: extra.view } : {}),
    ...(extra.dropped ? { dropped: extra.dropped } : {}),
    ...(extra.tables ? { tables: extra.tables } : {}),
    ...(extra.alters ? { alters: extra.alters } : {}),
  };
}
