// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Whether a FOR UPDATE query keeps its hidden ctid (sql/rewrite-current-of.ts): only a
// table has one. On a view or a synonym (a view here) the query runs without it, as before
// positioned updates existed, and WHERE CURRENT OF on its cursor is -365.

import type { SqlPlan } from "../sql/plan.js";
import type { PgClient } from "./pg-client.js";

/** pg_class.relkind of an ordinary table. */
const ORDINARY_TABLE = "r";

/** The plan without its row identity. */
export function withoutRowIdentity(plan: SqlPlan): SqlPlan {
  if (!plan.rowIdentity) return plan;
  const { rowIdentity, ...rest } = plan;
  return { ...rest, sql: rowIdentity.plainSql };
}

/** At PREPARE: the plan as it runs, its row identity dropped unless it reads an ordinary table. */
export async function checkRowIdentity(pg: PgClient, plan: SqlPlan): Promise<SqlPlan> {
  const name = plan.tables?.[0];
  if (!plan.rowIdentity || name === undefined) return withoutRowIdentity(plan);
  const rows = await pg.rows("SELECT relkind FROM pg_class WHERE oid = to_regclass($1)", [name]);
  return rows[0]?.[0] === ORDINARY_TABLE ? plan : withoutRowIdentity(plan);
}

/** A plan rewritten again at execution (DBINFO) keeps PREPARE's decision. */
export function sameRowIdentity(prepared: SqlPlan, again: SqlPlan): SqlPlan {
  return prepared.rowIdentity ? again : withoutRowIdentity(again);
}
