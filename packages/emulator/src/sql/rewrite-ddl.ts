// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// DDL with Informix types and constraint syntax: CREATE TABLE and ALTER TABLE map each
// column type through informix-types.ts and remember the declared type for the side
// catalog; the Informix `<constraint> CONSTRAINT name` order becomes PostgreSQL's
// `CONSTRAINT name <constraint>`; storage clauses (IN dbspace, EXTENT SIZE, LOCK MODE,
// WITH NO LOG, FRAGMENT BY) are dropped. CREATE INDEX loses CLUSTER and storage clauses.

import { InformixSqlError } from "../engine/informix-sql-error.js";
import { pgIdent, type RewriteContext } from "./context.js";
import { type DeclaredType, parseColumnType } from "./informix-types.js";
import { rewriteExpr } from "./rewrite-expr.js";
import { isOp, isWord, matchParen, raw, splitTopLevel, type Token } from "./tokenizer.js";

export interface CreatedColumn {
  readonly name: string;
  readonly type: DeclaredType;
}

/** Where a created or altered table lives, and the declared types of its new columns. */
export interface TablePlan {
  readonly schema: string;
  readonly table: string;
  readonly columns: readonly CreatedColumn[];
  readonly temp: boolean;
  /** CREATE TABLE IF NOT EXISTS: an existing table is left as it is, catalog included. */
  readonly ifNotExists?: boolean;
}

const SEGMENT_START = new Set([
  "default",
  "not",
  "null",
  "unique",
  "distinct",
  "primary",
  "references",
  "check",
  "foreign",
]);

function syntax(t: Token | undefined): InformixSqlError {
  return new InformixSqlError(-201, 0, "", t ? t.start + 1 : 0);
}

/** Splits `"db".t` / `t` / `"T"` (names-pass output) into schema and table. */
export function splitQualified(t: Token, defaultSchema: string): { schema: string; table: string } {
  const m = /^"((?:[^"]|"")*)"\.(.+)$/.exec(t.text);
  const unquote = (s: string): string => (s.startsWith('"') ? s.slice(1, -1).replace(/""/g, '"') : s.toLowerCase());
  if (m) return { schema: m[1]!.replace(/""/g, '"'), table: unquote(m[2]!) };
  return { schema: defaultSchema, table: unquote(t.text) };
}

/** Rewrites the constraint/default clauses that follow a column type or form a table constraint. */
function rewriteConstraints(tokens: readonly Token[], ctx: RewriteContext): Token[] {
  const segments: { name: Token[]; body: Token[] }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (isWord(t, "constraint") && tokens[i + 1]) {
      const target = segments[segments.length - 1];
      const name = [raw("CONSTRAINT", t.start), tokens[i + 1]!];
      // Informix puts the name after the constraint; a leading name (PostgreSQL order) is kept.
      if (target && target.name.length === 0 && !isWord(target.body[0], "default")) target.name = name;
      else segments.push({ name, body: [] });
      i++;
      continue;
    }
    const last = segments[segments.length - 1];
    // REFERENCES continues a table-level FOREIGN KEY (...): the name goes after the whole clause.
    const continuesForeignKey = isWord(t, "references") && isWord(last?.body[0], "foreign");
    const startsNew =
      t.kind === "word" &&
      SEGMENT_START.has(t.value) &&
      !(isWord(t, "null") && isWord(tokens[i - 1], "not")) &&
      !continuesForeignKey;
    if (startsNew && !(last && last.body.length === 0)) segments.push({ name: [], body: [] });
    if (segments.length === 0) segments.push({ name: [], body: [] });
    segments[segments.length - 1]!.body.push(isWord(t, "distinct") ? raw("UNIQUE", t.start) : t);
  }
  const out: Token[] = [];
  for (const s of segments) {
    out.push(...s.name);
    if (isWord(s.body[0], "default") || isWord(s.body[0], "check")) {
      out.push(s.body[0]!, ...rewriteExpr(s.body.slice(1), ctx));
    } else out.push(...s.body);
  }
  return out;
}

function columnDef(el: readonly Token[], ctx: RewriteContext, columns: CreatedColumn[]): Token[] {
  const nameTok = el[0];
  if (nameTok === undefined) throw syntax(nameTok);
  const parsed = parseColumnType(el, 1);
  if (parsed === null) throw syntax(el[1] ?? nameTok);
  const name = nameTok.kind === "quoted" ? nameTok.value : nameTok.value.toLowerCase();
  columns.push({ name, type: parsed.type });
  let rest = el.slice(parsed.next);
  const before = rest.findIndex((t) => isWord(t, "before"));
  if (before >= 0) rest = [...rest.slice(0, before), ...rest.slice(before + 2)];
  return [raw(pgIdent(name), nameTok.start), raw(parsed.type.pg, el[1]!.start), ...rewriteConstraints(rest, ctx)];
}

function isTableConstraint(el: readonly Token[]): boolean {
  return isWord(el[0], "primary", "unique", "distinct", "foreign", "check", "constraint");
}

/** CREATE [TEMP] TABLE: PostgreSQL DDL plus the plan for the side catalog and SERIAL columns. */
export function rewriteCreateTable(
  tokens: readonly Token[],
  ctx: RewriteContext,
): { tokens: Token[]; plan: TablePlan } {
  let k = 1;
  const temp = isWord(tokens[k], "temp", "scratch");
  if (isWord(tokens[k], "temp", "scratch", "raw", "standard")) k++;
  if (!isWord(tokens[k], "table")) throw syntax(tokens[k]);
  k++;
  let ifNotExists = false;
  if (isWord(tokens[k], "if") && isWord(tokens[k + 1], "not") && isWord(tokens[k + 2], "exists")) {
    ifNotExists = true;
    k += 3;
  }
  const nameTok = tokens[k];
  if (nameTok === undefined || !isOp(tokens[k + 1], "(")) throw syntax(tokens[k + 1] ?? nameTok);
  const close = matchParen(tokens, k + 1);
  if (close < 0) throw syntax(tokens[k + 1]);
  const { schema, table } = splitQualified(nameTok, temp ? ctx.tempSchema : (ctx.database ?? ""));
  const columns: CreatedColumn[] = [];
  const defs = splitTopLevel(tokens.slice(k + 2, close)).map((el) =>
    isTableConstraint(el) ? rewriteConstraints(el, ctx) : columnDef(el, ctx, columns),
  );
  const at = tokens[0]!.start;
  const out: Token[] = [raw(`CREATE TABLE${ifNotExists ? " IF NOT EXISTS" : ""}`, at)];
  out.push(raw(`${pgIdent(schema)}.${pgIdent(table)}`, nameTok.start), raw("(", at));
  defs.forEach((d, n) => {
    if (n > 0) out.push(raw(",", at));
    out.push(...d);
  });
  out.push(raw(")", at));
  return { tokens: out, plan: { schema, table, columns, temp, ifNotExists } };
}

/** ALTER TABLE t ADD (...) | DROP (...) | MODIFY (...) | ADD CONSTRAINT ... | DROP CONSTRAINT ... */
export function rewriteAlterTable(tokens: readonly Token[], ctx: RewriteContext): { tokens: Token[]; plan: TablePlan } {
  const nameTok = tokens[2];
  if (nameTok === undefined) throw syntax(tokens[1]);
  const { schema, table } = splitQualified(nameTok, ctx.database ?? "");
  const columns: CreatedColumn[] = [];
  const actions: Token[][] = [];
  const unwrap = (ts: Token[]): Token[][] =>
    isOp(ts[0], "(") && matchParen(ts, 0) === ts.length - 1 ? splitTopLevel(ts.slice(1, -1)) : [ts];
  for (const clause of splitTopLevel(tokens.slice(3))) {
    const verb = clause[0];
    const at = verb?.start ?? 0;
    if (isWord(verb, "add") && isWord(clause[1], "constraint")) {
      for (const c of unwrap(clause.slice(2))) actions.push([raw("ADD", at), ...rewriteConstraints(c, ctx)]);
    } else if (isWord(verb, "add")) {
      for (const c of unwrap(clause.slice(1))) actions.push([raw("ADD COLUMN", at), ...columnDef(c, ctx, columns)]);
    } else if (isWord(verb, "drop") && isWord(clause[1], "constraint")) {
      for (const c of unwrap(clause.slice(2))) actions.push([raw("DROP CONSTRAINT", at), ...c]);
    } else if (isWord(verb, "drop")) {
      for (const c of unwrap(clause.slice(1))) actions.push([raw("DROP COLUMN", at), ...c]);
    } else if (isWord(verb, "modify") && isWord(clause[1], "next", "extent") && isWord(clause[2], "size")) {
      // MODIFY NEXT SIZE n / MODIFY EXTENT SIZE n: storage only.
    } else if (isWord(verb, "modify")) {
      for (const c of unwrap(clause.slice(1))) {
        columnDef(c, ctx, columns);
        const col = columns[columns.length - 1]!;
        const id = pgIdent(col.name);
        const notNull = c.some((t, n) => isWord(t, "not") && isWord(c[n + 1], "null"));
        actions.push([raw(`ALTER COLUMN ${id} TYPE ${col.type.pg} USING CAST(${id} AS ${col.type.pg})`, at)]);
        actions.push([raw(`ALTER COLUMN ${id} ${notNull ? "SET" : "DROP"} NOT NULL`, at)]);
      }
    } else if (isWord(verb, "lock") || isWord(verb, "type")) {
      // LOCK MODE (ROW|PAGE), TYPE (RAW|STANDARD): storage and logging only.
    } else throw syntax(verb);
  }
  const out: Token[] = [];
  if (actions.length > 0) {
    out.push(raw(`ALTER TABLE ${pgIdent(schema)}.${pgIdent(table)}`, tokens[0]!.start));
    actions.forEach((a, n) => {
      if (n > 0) out.push(raw(",", a[0]!.start));
      out.push(...a);
    });
  }
  return { tokens: out, plan: { schema, table, columns, temp: false } };
}

/** CREATE [UNIQUE|DISTINCT] [CLUSTER] INDEX name ON t (cols) [storage] → PostgreSQL. */
export function rewriteCreateIndex(tokens: readonly Token[]): Token[] {
  const at = tokens[0]!.start;
  let k = 1;
  let unique = false;
  while (isWord(tokens[k], "unique", "distinct", "cluster")) {
    if (!isWord(tokens[k], "cluster")) unique = true;
    k++;
  }
  if (!isWord(tokens[k], "index")) throw syntax(tokens[k]);
  k++;
  let ifNot = "";
  if (isWord(tokens[k], "if") && isWord(tokens[k + 2], "exists")) {
    ifNot = " IF NOT EXISTS";
    k += 3;
  }
  // The index name may be qualified as the table is: db:name, owner.name, db:owner.name (the
  // owner is not checked; Liquibase writes "db:null.name"). The index goes in the table's schema.
  if (isOp(tokens[k + 1], ":")) k += 2;
  if (isOp(tokens[k + 1], ".")) k += 2;
  const name = tokens[k];
  if (!isWord(tokens[k + 1], "on") || name === undefined) throw syntax(tokens[k + 1] ?? name);
  const table = tokens[k + 2];
  const open = k + 3;
  if (table === undefined || !isOp(tokens[open], "(")) throw syntax(tokens[open] ?? table);
  const close = matchParen(tokens, open);
  return [
    raw(`CREATE ${unique ? "UNIQUE " : ""}INDEX${ifNot}`, at),
    name,
    raw("ON", at),
    table,
    ...tokens.slice(open, close + 1),
  ];
}

/** CREATE SEQUENCE options spelled the Informix way (NOMAXVALUE, NOCYCLE, NOCACHE, ORDER). */
export function rewriteSequenceOptions(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (isWord(t, "nomaxvalue", "nominvalue", "nocycle"))
      out.push(raw(`NO ${t.value.slice(2).toUpperCase()}`, t.start));
    else if (isWord(t, "nocache", "order", "noorder")) continue;
    else out.push(t);
  }
  return out;
}
