// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// A run of executions of one prepared INSERT, UPDATE or DELETE (a client's BIND+EXECUTE
// pairs for one statement in one request group: JDBC's executeBatch, informix-db's
// executeMany) in as few PostgreSQL requests as possible:
// - an INSERT … VALUES of plain values becomes ONE multi-row INSERT fed by unnest() of one
//   array per parameter (batch-unnest.ts), kept only if it inserted one row per
//   execution; its RELEASE/COMMIT follows in a second request;
// - any other DML goes as the named statement's Bind + Execute per row and a single Sync.
// Inside a transaction the run sits under one savepoint; outside one it is one transaction
// (explicit for the multi-row INSERT, PostgreSQL's implicit one of the request otherwise).
//
// Per row the results are the same as runSql's (row count, SERIAL values from RETURNING).
// Any failure leaves nothing applied (ROLLBACK TO the run's savepoint, or ROLLBACK), and
// the caller runs the rows again one by one through the per-row path, which applies the
// rows before the failing one (each committed on its own in autocommit, as IDS does),
// reports that row's error as it always did and stops there. SERIAL values the abandoned
// attempt drew are a gap, as IDS's serials may have. One difference remains outside a
// transaction: the rows of a run share one PostgreSQL transaction, so CURRENT (now()) is
// the same for all of them, where each row alone would read the clock again.
//
// Not run this way (the per-row path keeps them): statements whose rewrite depends on the
// previous statement (DBINFO('sqlca…')), WHERE CURRENT OF, DDL, temp tables, queries.

import * as codes from "../sql/type-codes.js";
import { arrayLiteral, unnestInsert } from "./batch-unnest.js";
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
  const multiRow = plan.statementType === codes.SQ_INSERT ? unnestFormOf(stmt) : null;
  const results = await session.serve(plan.statementType, async () => {
    session.shared.versions.check(stmt.dependencies);
    await session.implicitBegin();
    return multiRow === null ? pipelined(session, stmt, rows) : unnested(session, stmt, multiRow, rows);
  });
  return results ?? [];
}

/** The unnest() form of an INSERT (batch-unnest.ts), made once per statement. */
const unnestForms = new WeakMap<PreparedStatement, string | null>();
function unnestFormOf(stmt: PreparedStatement): string | null {
  let form = unnestForms.get(stmt);
  if (form === undefined) {
    form = unnestInsert(stmt.sql, stmt.paramTypes);
    unnestForms.set(stmt, form);
  }
  return form;
}

/**
 * One statement for the run, in a savepoint (in a transaction) or a transaction of its own.
 * It is kept only if it inserted one row per execution (a trigger could skip rows); the
 * RELEASE or COMMIT goes in a second request once that is checked. Null: nothing applied.
 */
async function unnested(
  session: PgliteSession,
  stmt: PreparedStatement,
  sql: string,
  rows: readonly (string | null)[][],
): Promise<ExecResult[] | null> {
  const { pg } = session;
  const savepoint = session.inTransaction;
  const columns = stmt.paramTypes.map((_, i) => arrayLiteral(rows.map((r) => r[i] ?? null)));
  const start = savepoint ? STATEMENT_SAVEPOINT.before : session.beginSql();
  const undo = savepoint ? "ROLLBACK TO SAVEPOINT ifx_stmt; RELEASE SAVEPOINT ifx_stmt" : "ROLLBACK";
  let reply: Awaited<ReturnType<typeof pg.steps>>;
  try {
    reply = await pg.steps([{ sql: start }, { sql, params: columns }]);
  } catch {
    await pg.exec(undo);
    return null;
  }
  const serials = stmt.serialCodes.length > 0;
  if (reply.commands[1] !== `INSERT 0 ${rows.length}` || (serials && reply.rows.length !== rows.length)) {
    await pg.exec(undo);
    return null;
  }
  await pg.exec(savepoint ? STATEMENT_SAVEPOINT.after : "COMMIT");
  return rows.map((_, i) => resultOf({ rows: serials ? [reply.rows[i]!] : [], command: "INSERT 0 1" }, stmt, false));
}

/** The named statement's Bind + Execute per row and one Sync. Null: nothing applied. */
async function pipelined(
  session: PgliteSession,
  stmt: PreparedStatement,
  rows: readonly (string | null)[][],
): Promise<ExecResult[] | null> {
  const { pg, namedStatements } = session;
  // A run is worth a named statement at once (runSql names a statement from its second run).
  const named = namedStatements.of(stmt) ?? namedStatements.of(stmt);
  if (named === undefined) return null;
  const savepoint = session.inTransaction;
  const steps: PgStep[] = [];
  if (savepoint) steps.push({ sql: STATEMENT_SAVEPOINT.before });
  const first = steps.length;
  for (const [i, values] of rows.entries()) {
    const parse = i === 0 && !named.parsed;
    steps.push({ sql: stmt.sql, params: values, statement: { name: named.name, parse, close: parse && named.stale } });
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
}
