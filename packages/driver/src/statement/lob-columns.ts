// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Which column a BLOB/CLOB parameter fills, so its smart LOB is made with the column's storage
// spec (its `PUT … IN (sbspace)`), as IBM JDBC does with ifx_lo_col_sbinfo("table.column",
// spec) before ifx_lo_create (docs/protocol/smart-lobs.md §4.1 step 2, §4.4).
//
// Only where it is unambiguous: an INSERT whose SQL starts (after comments) with
// `INSERT INTO <table>`, the table taken as the text spells it (`t`, `owner.t`, `"owner".t`,
// `db:t`, `db@server:owner.t`), and whose DESCRIBE lists its target columns; the k-th BLOB/CLOB
// parameter is the k-th BLOB/CLOB column when both lists have the same kinds in the same
// order. Anything else (an UPDATE, a LOB value inside an expression next to another LOB
// column, …) keeps the default spec, so the value goes to the default sbspace as before.

import { typeCodes as T } from "@informix-db/protocol";
import type { StatementHandle } from "./statement-ops.js";

type LobKind = "blob" | "clob";

const IDENT = `[A-Za-z_][A-Za-z0-9_$]*`;
const PART = `(?:"[^"]+"|${IDENT})`;
/** `[database[@server]:][owner.]table`, then a space, `(` or the end. */
const TABLE = new RegExp(String.raw`^(?:${IDENT}(?:@${IDENT})?:)?(?:${PART}\.)?${PART}(?=[\s(]|$)`);

/** Skips white space and comments (`--` to the end of the line, C-style blocks, `{ … }`) from `at`. */
function skip(sql: string, at: number): number {
  for (;;) {
    while (at < sql.length && /\s/.test(sql[at]!)) at++;
    if (sql.startsWith("--", at)) {
      const end = sql.indexOf("\n", at);
      at = end < 0 ? sql.length : end + 1;
    } else if (sql.startsWith("/*", at)) {
      const end = sql.indexOf("*/", at + 2);
      if (end < 0) return sql.length;
      at = end + 2;
    } else if (sql[at] === "{") {
      const end = sql.indexOf("}", at + 1);
      if (end < 0) return sql.length;
      at = end + 1;
    } else return at;
  }
}

/** The keyword at `at` (case-insensitive, a whole word), or -1. */
function keyword(sql: string, at: number, word: string): number {
  const end = at + word.length;
  if (sql.slice(at, end).toUpperCase() !== word) return -1;
  return /[A-Za-z0-9_$]/.test(sql[end] ?? "") ? -1 : end;
}

/** The table of `INSERT INTO <table>` as the SQL spells it; undefined for any other statement. */
export function insertTable(sql: string): string | undefined {
  let at = keyword(sql, skip(sql, 0), "INSERT");
  if (at < 0) return undefined;
  at = keyword(sql, skip(sql, at), "INTO");
  if (at < 0) return undefined;
  return TABLE.exec(sql.slice(skip(sql, at)))?.[0];
}

/**
 * Per parameter, the "table.column" ifx_lo_col_sbinfo takes, for each BLOB/CLOB parameter of
 * `h` it can be told for; null when none can.
 */
export function lobColumnNames(
  h: StatementHandle,
  targets: readonly (LobKind | undefined)[],
): (string | undefined)[] | null {
  if (h.statementType !== T.SQ_INSERT) return null;
  const columns = h.fields
    .filter((f) => (f.type & T.SQLTYPE_MASK) === T.SQLUDTFIXED && /^[bc]lob$/i.test(f.extendedName))
    .map((f) => ({ name: f.name, kind: f.extendedName.toLowerCase() }));
  const params = targets.flatMap((kind, index) => (kind === undefined ? [] : [{ index, kind }]));
  if (columns.length === 0 || columns.length !== params.length) return null;
  if (params.some((p, k) => columns[k]!.kind !== p.kind || columns[k]!.name === "")) return null;
  const table = insertTable(h.sql);
  if (table === undefined) return null;
  const names: (string | undefined)[] = targets.map(() => undefined);
  params.forEach((p, k) => {
    names[p.index] = `${table}.${columns[k]!.name}`;
  });
  return names;
}
