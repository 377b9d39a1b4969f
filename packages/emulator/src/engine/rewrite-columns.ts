// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The rewriter's view of the catalog: a statement that converts values to text (`::CHAR`,
// CAST, `||`) is rewritten again with the declared types of its tables' columns, so that a
// DATETIME or INTERVAL column prints its qualifier, and a MONEY or number column DBMONEY's
// symbols, as IDS does (sql/value-text.ts).

import type { RewriteContext } from "../sql/context.js";
import type { Plan } from "../sql/plan.js";
import { rewrite } from "../sql/rewriter.js";
import * as codes from "../sql/type-codes.js";
import type { ColumnType, DeclaredTypes } from "./declared-types.js";
import type { PgClient } from "./pg-client.js";

const CONVERTS_TO_TEXT = /::|\|\||\bcast\s*\(/i;
/** Types whose text IDS spells otherwise than PostgreSQL (sql/value-text.ts); CHAR keeps its blanks in `||`. */
const TEXT_TYPES = new Set([
  codes.SQLCHAR,
  codes.SQLNCHAR,
  codes.SQLDTIME,
  codes.SQLINTERVAL,
  codes.SQLMONEY,
  codes.SQLDECIMAL,
  codes.SQLFLOAT,
  codes.SQLSMFLOAT,
]);

function sameType(a: ColumnType, b: ColumnType): boolean {
  return a.code === b.code && a.encodedLength === b.encodedLength;
}

/** `plan`, or the statement rewritten with its tables' column types when they matter to it. */
export async function withColumnTypes(
  pg: PgClient,
  types: DeclaredTypes,
  sql: string,
  plan: Plan,
  ctx: RewriteContext,
): Promise<Plan> {
  if (plan.kind !== "sql" || !plan.tables?.length || !CONVERTS_TO_TEXT.test(sql)) return plan;
  const byName = new Map<string, ColumnType | null>();
  for (const relation of await types.resolve(pg, plan.tables)) {
    for (const c of (await types.table(pg, relation.oid)).byAttnum.values()) {
      const seen = byName.get(c.name);
      byName.set(c.name, seen === undefined || (seen !== null && sameType(seen, c.type)) ? c.type : null);
    }
  }
  if (![...byName.values()].some((t) => t && TEXT_TYPES.has(t.code))) return plan;
  return rewrite(sql, { ...ctx, columnType: (name) => byName.get(name.toLowerCase()) ?? undefined });
}
