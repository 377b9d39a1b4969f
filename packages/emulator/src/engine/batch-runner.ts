// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// A run of executions of one prepared INSERT, UPDATE or DELETE (a client's BIND+EXECUTE
// pairs for one statement in one request group: JDBC's executeBatch, informix-db's
// executeMany) in ONE PostgreSQL request: the named statement's Bind + Execute per row and
// a single Sync. Inside a transaction the run sits under one savepoint (SAVEPOINT … RELEASE
// in the same request); outside one the rows form PostgreSQL's implicit transaction of the
// request, which a failure rolls back whole at the Sync.
//
// Per row the results are the same as runSql's (row count, SERIAL values from RETURNING).
// Any failure leaves nothing applied (ROLLBACK TO the run's savepoint, or the implicit
// transaction's rollback), and the caller runs the rows again one by one through the
// per-row path, which applies the rows before the failing one (each committed on its own
// in autocommit, as IDS does), reports that row's error as it always did and stops there.
// SERIAL values the abandoned attempt drew are a gap, as IDS's serials may have.
//
// Not run this way (the per-row path keeps them): statements whose rewrite depends on the
// previous statement (DBINFO('sqlca…')), WHERE CURRENT OF, DDL, temp tables, queries.

import type { PgStep } from "./pg-client.js";
import type { PgliteSession } from "./pglite-session.js";
import type { PreparedStatement } from "./statement.js";
import { executionOf, REUSABLE, resultOf, STATEMENT_SAVEPOINT } from "./statement-runner.js";
import type { EngineValue, ExecResult } from "./types.js";

/** Whether a statement's runs may go as one request (see the header). */
export function batchable(stmt: PreparedStatement): boolean {
  const plan = stmt.plan;
  return (
    plan.kind === "sql" &&
    REUSABLE.has(plan.statementType) &&
    !plan.isQuery &&
    !plan.dynamic &&
    !plan.ddl &&
    plan.currentOf === undefined &&
    plan.alters === undefined &&
    plan.intoTemp === undefined &&
    plan.table?.temp !== true
  );
}

/**
 * Runs the leading rows of `paramSets` in one request and returns their results; the rows
 * from the first one whose values do not convert, and all of them when the request fails
 * (nothing applied then), are left to the caller's per-row path. What fails before the
 * request (-710, a lock wait) is thrown: it is the first row's error, as in runSql.
 */
export async function runBatch(
  session: PgliteSession,
  stmt: PreparedStatement,
  paramSets: readonly (readonly EngineValue[])[],
): Promise<ExecResult[]> {
  if (!batchable(stmt) || stmt.plan.kind !== "sql") return [];
  const plan = stmt.plan;
  const rows: (string | null)[][] = [];
  for (const params of paramSets) {
    try {
      rows.push(executionOf(session, stmt, params).values);
    } catch {
      break; // this row's error comes from the per-row path, after the rows before it
    }
  }
  if (rows.length < 2) return [];
  const { pg, namedStatements } = session;
  // A run is worth a named statement at once (runSql names a statement from its second run).
  const named = namedStatements.of(stmt) ?? namedStatements.of(stmt);
  if (named === undefined) return [];
  const results = await session.serve(plan.statementType, async () => {
    session.shared.versions.check(stmt.dependencies);
    await session.implicitBegin();
    const savepoint = session.inTransaction;
    const steps: PgStep[] = [];
    if (savepoint) steps.push({ sql: STATEMENT_SAVEPOINT.before });
    const first = steps.length;
    for (const [i, values] of rows.entries()) {
      const parse = i === 0 && !named.parsed;
      steps.push({
        sql: stmt.sql,
        params: values,
        statement: { name: named.name, parse, close: parse && named.stale },
      });
    }
    if (savepoint) steps.push({ sql: STATEMENT_SAVEPOINT.after });
    let reply: Awaited<ReturnType<typeof pg.steps>>;
    try {
      reply = await pg.steps(steps);
    } catch {
      if (!named.parsed) Object.assign(named, { parsed: false, stale: true });
      if (savepoint) await pg.exec("ROLLBACK TO SAVEPOINT ifx_stmt; RELEASE SAVEPOINT ifx_stmt");
      return null;
    }
    Object.assign(named, { parsed: true, stale: false });
    return rows.map((_, i) => {
      const at = first + i;
      const from = at === 0 ? 0 : (reply.rowEnds[at - 1] ?? 0);
      const res = { rows: reply.rows.slice(from, reply.rowEnds[at]), command: reply.commands[at] ?? "" };
      return resultOf(res, stmt, false);
    });
  });
  return results ?? [];
}
