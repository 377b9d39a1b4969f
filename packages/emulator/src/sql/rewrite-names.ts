// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Table names in table positions (FROM lists, JOIN, INSERT INTO, UPDATE, DDL):
// `db:table`, `db@server:owner.table`, `owner.table` and `"owner".table`. Each Informix
// database is a PostgreSQL schema of the same name, so `db:` becomes `"db".`; the owner
// is dropped because PostgreSQL has no per-owner namespaces inside a schema.

import { pgIdent } from "./context.js";
import { isOp, isWord, raw, type Token } from "./tokenizer.js";

const CLAUSE_END = new Set([
  "where",
  "group",
  "order",
  "having",
  "union",
  "intersect",
  "except",
  "into",
  "limit",
  "for",
  "set",
  "values",
  "select",
]);

function isNamePart(t: Token | undefined): boolean {
  return t !== undefined && (t.kind === "word" || t.kind === "quoted" || t.kind === "raw");
}

function identText(t: Token): string {
  return t.kind === "quoted" ? pgIdent(t.value) : t.text;
}

/**
 * Reads a table name at `i`. Returns the tokens that replace it and the index after it,
 * or null when no name starts at `i` (for example a subquery).
 */
export function readTableName(
  tokens: readonly Token[],
  i: number,
): { out: Token[]; next: number; table: string; owner?: string } | null {
  const first = tokens[i];
  if (first?.kind === "string" && isOp(tokens[i + 1], ".")) {
    // 'owner'.table
  } else if (!isNamePart(first) || isWord(first, "select", "table", "outer", "only", "lateral")) return null;
  let j = i;
  let db: Token | undefined;
  if (isOp(tokens[j + 1], "@") && isNamePart(tokens[j + 2]) && isOp(tokens[j + 3], ":")) {
    db = tokens[j];
    j += 4;
  } else if (isOp(tokens[j + 1], ":") && isNamePart(tokens[j + 2])) {
    db = tokens[j];
    j += 2;
  }
  let name = tokens[j]!;
  // JDBC writes the owner as a string: 'informix'.systables.
  if (name.kind === "string" && !(isOp(tokens[j + 1], ".") && isNamePart(tokens[j + 2]))) return null;
  let owner: string | undefined;
  if (isOp(tokens[j + 1], ".") && isNamePart(tokens[j + 2])) {
    owner = name.value;
    name = tokens[j + 2]!;
    j += 2;
  }
  const text = db ? `${pgIdent(db.value)}.${identText(name)}` : identText(name);
  return { out: [raw(text, first!.start)], next: j + 1, table: name.value, ...(owner === undefined ? {} : { owner }) };
}

/**
 * Rewrites every table name in a table position. `found`, when given, receives the
 * PostgreSQL text of each name (the tables a statement references, for -710).
 */
export function rewriteTableNames(tokens: readonly Token[], found?: string[]): Token[] {
  const out: Token[] = [];
  // Per parenthesis depth: true while inside a FROM list of a query at that depth.
  const fromList: boolean[] = [false];
  const queryDepth: boolean[] = [true];
  /** "owner table" of each owner-qualified table name, for owner.table.column references. */
  const owned = new Set<string>();
  let expectName = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const d = fromList.length - 1;
    if (isOp(t, "(")) {
      fromList.push(false);
      queryDepth.push(isWord(tokens[i + 1], "select", "with"));
      out.push(t);
      expectName = false;
      continue;
    }
    if (isOp(t, ")")) {
      if (fromList.length > 1) {
        fromList.pop();
        queryDepth.pop();
      }
      out.push(t);
      continue;
    }
    if (expectName) {
      expectName = false;
      const name = readTableName(tokens, i);
      if (name) {
        found?.push(name.out[0]!.text);
        if (name.owner !== undefined) owned.add(`${name.owner} ${name.table}`);
        out.push(...name.out);
        i = name.next - 1;
        continue;
      }
    }
    if (t.kind === "word") {
      const prev = tokens[i - 1];
      if (t.value === "from" && queryDepth[d]) {
        fromList[d] = true;
        expectName = true;
      } else if (fromList[d] && CLAUSE_END.has(t.value)) fromList[d] = false;
      else if (fromList[d] && (t.value === "join" || t.value === "outer")) expectName = true;
      else if (t.value === "into" && isWord(prev, "insert", "merge")) expectName = true;
      else if (t.value === "using" && isWord(tokens[0], "merge") && d === 0) expectName = true;
      else if (t.value === "update" && (i === 0 || isWord(prev, "for"))) expectName = i === 0;
      else if (t.value === "table" && !isWord(tokens[i + 1], "if")) expectName = true;
      else if (t.value === "references" || t.value === "view" || (t.value === "truncate" && i === 0)) expectName = true;
      else if (t.value === "on" && isWord(tokens[0], "create") && !fromList[d] && d === 0) expectName = true;
      else if (t.value === "exists" && isWord(prev, "if")) expectName = true;
    } else if (isOp(t, ",") && fromList[d]) expectName = true;
    const routine = routineQualifier(tokens, i);
    if (routine > 0) {
      i += routine - 1;
      continue;
    }
    out.push(t);
  }
  return owned.size === 0 ? out : dropColumnOwners(out, owned);
}

/**
 * The number of tokens of a routine name's qualifier at `i` (`db:`, `db:owner.`,
 * `db@server:owner.`), or 0. IBM JDBC calls `stores_demo:ifx_param_types(…)`. Routines are
 * found through the session's search path (the database's schema, then the built-ins), so
 * the qualifier is dropped; a routine of another database is not reachable this way.
 */
function routineQualifier(tokens: readonly Token[], i: number): number {
  let j = i;
  if (!isNamePart(tokens[j]) || isOp(tokens[j - 1], ".") || isOp(tokens[j - 1], ":")) return 0;
  if (isOp(tokens[j + 1], "@") && isNamePart(tokens[j + 2])) j += 2;
  if (!isOp(tokens[j + 1], ":") || !isNamePart(tokens[j + 2])) return 0;
  j += 2;
  if (isOp(tokens[j + 1], ".") && isNamePart(tokens[j + 2])) j += 2;
  return isOp(tokens[j + 1], "(") ? j - i : 0;
}

/**
 * `owner.table.column` (IBM JDBC writes `informix.syscolumns.tabid`) becomes `table.column`
 * when `owner.table` is a table of the statement, as the owner was dropped from its name.
 * Any other three-part name (a ROW field, `alias.column.field`) is left alone.
 */
function dropColumnOwners(tokens: readonly Token[], owned: ReadonlySet<string>): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = tokens[i - 1];
    if (
      isNamePart(t) &&
      !isOp(prev, ".") &&
      isOp(tokens[i + 1], ".") &&
      isNamePart(tokens[i + 2]) &&
      isOp(tokens[i + 3], ".") &&
      isNamePart(tokens[i + 4]) &&
      owned.has(`${t.value} ${tokens[i + 2]!.value}`)
    ) {
      i++;
      continue;
    }
    out.push(t);
  }
  return out;
}
