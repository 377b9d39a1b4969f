// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Prepare and run the PostgreSQL side of a statement for a session: DESCRIBE from
// RowDescription plus the side catalog, parameter conversion, the savepoint (inside a
// transaction) or transaction (multi-step DDL outside one) around each statement, the
// side-catalog and SERIAL work after DDL, and error mapping.

import { pgIdent } from "../sql/context.js";
import type { SelectType, SqlPlan } from "../sql/plan.js";
import { rewrite } from "../sql/rewriter.js";
import * as codes from "../sql/type-codes.js";
import { pruneCatalog, recordViewText, registerTable, setupSerial } from "./catalog-ops.js";
import { type ColumnType, engineColumn } from "./declared-types.js";
import { SQL } from "./error-codes.js";
import { InformixSqlError } from "./informix-sql-error.js";
import { isOutColumn, outArgumentError, withoutOutColumns } from "./out-parameters.js";
import type { PgClient, PgResult, PgStep } from "./pg-client.js";
import { PgError } from "./pg-client.js";
import { mapPgError } from "./pg-errors.js";
import type { PgliteSession } from "./pglite-session.js";
import { deadlockError, lockError } from "./row-errors.js";
import { checkRowIdentity, sameRowIdentity } from "./row-identity.js";
import { PreparedStatement } from "./statement.js";
import { StreamingCursor } from "./streaming-cursor.js";
import { TableVersions } from "./table-versions.js";
import type { EngineColumn, EngineValue, ExecResult } from "./types.js";
import { registerUserType } from "./user-types.js";
import { toPgParam } from "./values.js";

/** pg_type oid of void (the result of a routine without RETURNING). */
const PG_VOID = 2278;

/** Rows a streaming cursor's OPEN fetches with its DECLARE (see declareCursor). */
const PREFETCH_ROWS = 128;

/** SAVEPOINT before and RELEASE after a statement, in its round trip (pg-client.ts run). */
export const STATEMENT_SAVEPOINT = { before: "SAVEPOINT ifx_stmt", after: "RELEASE SAVEPOINT ifx_stmt" };

const SERIAL_CODES = new Set<number>([codes.SQLSERIAL, codes.SQLSERIAL8, codes.SQLBIGSERIAL]);

/**
 * Statements whose PostgreSQL form is kept as a named prepared statement from their second
 * run on (Bind + Execute, no Parse: PostgreSQL neither parses nor, once its plan cache
 * settles, plans them again). DDL and statements that make temp tables are parsed each time.
 */
export const REUSABLE = new Set<number>([
  codes.SQ_INSERT,
  codes.SQ_UPDATE,
  codes.SQ_DELETE,
  codes.SQ_UPDALL,
  codes.SQ_DELALL,
]);

export async function mapError(session: PgliteSession, err: unknown, plan: SqlPlan): Promise<InformixSqlError> {
  if (err instanceof PgError) {
    // Lock conflicts exist only on a dedicated connection (PostgreSQL engine): lock_timeout
    // (SET LOCK MODE) expired, or a REPEATABLE READ transaction met a newer row version,
    // which IDS would have met as a lock held by the other transaction.
    if (err.code === "55P03" || err.code === "40001") {
      return lockError(plan.statementType)(session.lockWait !== 0 && err.code === "55P03");
    }
    if (err.code === "40P01") return deadlockError(plan.statementType);
  }
  let isConstraint: ((name: string) => boolean) | undefined;
  if (err instanceof PgError && err.code === "23505") {
    const name = err.fields["constraint"] ?? "";
    const rows = await session.pg.rows("SELECT 1 FROM pg_constraint WHERE conname = $1", [name]);
    isConstraint = () => rows.length > 0;
  }
  return mapPgError(err, {
    sourceOffset: plan.sourceOffset,
    creatingIndex: plan.statementType === codes.SQ_CREIDX,
    ...(isConstraint ? { isConstraint } : {}),
  });
}

const AGGREGATES = new Set(["count", "sum", "avg", "min", "max"]);

/** Names PostgreSQL gives a cast (`?::INTEGER` is "int4"). */
const CAST_NAMES = new Set([
  "int2",
  "int4",
  "int8",
  "float4",
  "float8",
  "numeric",
  "bpchar",
  "varchar",
  "text",
  "bool",
  "date",
  "time",
  "timestamp",
  "interval",
  "bytea",
]);

/**
 * Names PostgreSQL gives calls the rewriter writes for Informix expressions with no call of that
 * name in the source (NVL → coalesce, MDY → make_date, s[m,n] → substr, TO_DATE → to_timestamp).
 */
const REWRITTEN_CALLS = new Set(["case", "coalesce", "make_date", "substr", "to_timestamp", "date_part", "ln"]);

/** True when the source names a column `name` with `AS name` (not the `AS type` of a CAST). */
function aliased(name: string, source: string): boolean {
  return new RegExp(`\\bas\\s+${escapeRegExp(name)}\\b(?!\\s*[()])`, "i").test(source);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * IDS names unnamed expression columns "(expression)" and aggregates "(count)",
 * "(sum)", ...; the rewriter names literals "(constant)" and COUNT(*) "(count(*))".
 */
function expressionName(pgName: string, source: string): string {
  if (pgName === "?column?") return "(expression)";
  if (CAST_NAMES.has(pgName) && !aliased(pgName, source)) return "(expression)";
  // A function call or CASE is an expression to IDS whatever PostgreSQL calls it (`UPPER(city)`
  // is "(expression)", not "upper"), unless the query names it.
  const called = REWRITTEN_CALLS.has(pgName) || new RegExp(`\\b${escapeRegExp(pgName)}\\s*\\(`, "i").test(source);
  if (called && !AGGREGATES.has(pgName) && !aliased(pgName, source)) return "(expression)";
  if (AGGREGATES.has(pgName) && !new RegExp(`\\bas\\s+${pgName}\\b`, "i").test(source)) return `(${pgName})`;
  return pgName;
}

/** DESCRIBE: result columns, INSERT/UPDATE targets, parameter types, SERIAL RETURNING. */
/** An expression column typed as IDS types it (plan.selectTypes: DATETIME/INTERVAL literals keep their qualifier). */
function hinted(
  c: { column: EngineColumn; type: ColumnType },
  hint: SelectType | null | undefined,
): { column: EngineColumn; type: ColumnType } {
  if (!hint) return c;
  const type: ColumnType = { code: hint.code, encodedLength: hint.encodedLength, xid: 0, xname: "" };
  return { column: engineColumn(c.column.name, type, false, undefined), type };
}

export async function describePlan(
  session: PgliteSession,
  source: string,
  described: SqlPlan,
): Promise<PreparedStatement> {
  const { pg } = session;
  // A FOR UPDATE query keeps its hidden ctid only on a table (row-identity.ts).
  let plan = described.rowIdentity ? await checkRowIdentity(pg, described) : described;
  const { types } = session.shared;
  let desc: Awaited<ReturnType<typeof pg.describe>>;
  try {
    desc = await pg.describe(plan.describeSql ?? plan.sql);
  } catch (e) {
    const outArgument = plan.statementType === codes.SQ_EXECPROC ? await outArgumentError(session, source, e) : null;
    throw outArgument ?? (await mapError(session, e, plan));
  }
  let columns: EngineColumn[] = [];
  const columnTypes: ColumnType[] = [];
  // EXECUTE PROCEDURE/FUNCTION: a routine without RETURNING yields one void column (no rows for
  // the client); RETURNING values are OUT parameters ifx_retN[_name] (sql/spl/translate-routine.ts),
  // named as in RETURNING ... AS name, else "(expression)" as in IDS.
  const execproc = plan.statementType === codes.SQ_EXECPROC;
  // An SPL routine's OUT parameters are columns too (ifx_out_<name>); IDS returns none of them.
  const returned = execproc ? desc.fields.filter((f) => f.dataTypeID !== PG_VOID && !isOutColumn(f.name)) : desc.fields;
  // A FOR UPDATE query's hidden row identity (sql/rewrite-current-of.ts) is not a column.
  const fields = plan.rowIdentity ? returned.slice(0, -1) : returned;
  for (const [k, f] of fields.entries()) {
    const c = hinted(await types.column(pg, f), f.tableID === 0 ? plan.selectTypes?.[k] : undefined);
    const out = execproc ? /^ifx_ret\d+(?:_(.+))?$/.exec(f.name) : null;
    const name = out ? (out[1] ?? "(expression)") : expressionName(f.name, source);
    columns.push(f.tableID === 0 ? { ...c.column, name } : c.column);
    columnTypes.push(c.type);
  }
  if (execproc && plan.isQuery !== columns.length > 0) plan = { ...plan, isQuery: columns.length > 0 };
  if (plan.intoTemp) columns = [];
  let sql = execproc ? withoutOutColumns(plan.sql, desc.fields, returned) : plan.sql;
  const serialCodes: number[] = [];
  if (plan.target) {
    const oid = (await types.resolve(pg, [plan.target.table]))[0]?.oid ?? 0;
    if (oid === 0) throw new InformixSqlError(SQL.TABLE_NOT_FOUND, -111, plan.target.table.replace(/"/g, ""));
    const table = await types.table(pg, oid);
    const all = [...table.byAttnum.values()];
    const wanted = plan.target.columns
      ? plan.target.columns.map((n) => all.find((c) => c.name === n.toLowerCase()))
      : all;
    columns = wanted.filter((c) => c !== undefined).map((c) => engineColumn(c.name, c.type, c.notNull, table.relname));
    if (plan.statementType === codes.SQ_INSERT) {
      const serials = all.filter((c) => SERIAL_CODES.has(c.type.code));
      if (serials.length > 0) {
        sql += ` RETURNING ${serials.map((c) => pgIdent(c.name)).join(", ")}`;
        serialCodes.push(...serials.map((c) => c.type.code));
      }
    }
  }
  const dependencies = session.shared.versions.dependencies(await types.resolve(pg, plan.tables ?? []));
  return new PreparedStatement(source, plan, columns, columnTypes, desc.paramTypes, sql, serialCodes, dependencies);
}

export function resultOf(res: PgResult, stmt: PreparedStatement, isQuery: boolean): ExecResult {
  const tagCount = /(\d+)$/.exec(res.command);
  const rowCount = isQuery ? res.rows.length : tagCount ? Number(tagCount[1]) : 0;
  let serial = 0;
  let serial8 = 0n;
  let bigserial = 0n;
  const last = res.rows[res.rows.length - 1];
  if (!isQuery && last && stmt.serialCodes.length > 0) {
    stmt.serialCodes.forEach((code, i) => {
      const v = last[i];
      if (v === null || v === undefined) return;
      if (code === codes.SQLSERIAL) serial = Number(v);
      else if (code === codes.SQLSERIAL8) serial8 = BigInt(v);
      else bigserial = BigInt(v);
    });
  }
  return { rowCount, serial, serial8, bigserial };
}

/** Whether schema.table exists (as a table, view or other relation). */
async function tableExists(pg: PgClient, schema: string, table: string): Promise<boolean> {
  const res = await pg.run("SELECT to_regclass($1) IS NOT NULL", [`${pgIdent(schema)}.${pgIdent(table)}`]);
  return res.rows[0]?.[0] === "t";
}

/** Catalog work after DDL, inside the statement's transaction or savepoint. */
async function afterDdl(session: PgliteSession, stmt: PreparedStatement, plan: SqlPlan): Promise<void> {
  const { pg } = session;
  const { types } = session.shared;
  if (plan.table) {
    const { schema, table, columns } = plan.table;
    for (const c of columns) if (c.type.serial) await setupSerial(pg, schema, table, c.name, c.type.serial);
    await registerTable(pg, types, schema, table, session.user, new Map(columns.map((c) => [c.name, c.type])));
  }
  if (plan.intoTemp) await registerTable(pg, types, session.tempSchema, plan.intoTemp, session.user, stmt.columnTypes);
  if (plan.view && session.database) {
    await registerTable(pg, types, session.database.name, plan.view, session.user, new Map());
    await recordViewText(pg, session.database.name, plan.view, stmt.source);
  }
  if (plan.userType) await registerUserType(pg, plan.userType, session.user);
  if (plan.dropped) await pruneCatalog(pg);
  types.invalidate();
}

/** Whether a query streams (streaming-cursor.ts): a plain SELECT, no FOR UPDATE, INTO TEMP or DDL. */
export function streams(plan: SqlPlan): boolean {
  return (
    plan.statementType === codes.SQ_SELECT &&
    plan.isQuery &&
    !plan.ddl &&
    plan.forUpdate !== true &&
    plan.intoTemp === undefined
  );
}

/**
 * What one execution runs: the plan (rewritten again when it reads the previous statement's
 * sqlca through DBINFO), its SQL and the parameters as PostgreSQL text.
 */
export function executionOf(
  session: PgliteSession,
  stmt: PreparedStatement,
  params: readonly EngineValue[],
): { plan: SqlPlan; sql: string; values: (string | null)[] } {
  const again =
    stmt.plan.kind === "sql" && stmt.plan.dynamic ? rewrite(stmt.source, session.rewriteContext()) : stmt.plan;
  if (again.kind !== "sql" || stmt.plan.kind !== "sql") throw new InformixSqlError(SQL.SYNTAX);
  const plan = again === stmt.plan ? again : sameRowIdentity(stmt.plan, again);
  if (params.length !== plan.paramCount + (plan.currentOf ? 1 : 0)) throw new InformixSqlError(SQL.PARAM_COUNT);
  const sql = plan === stmt.plan ? stmt.sql : plan.sql;
  return { plan, sql, values: params.map((v, i) => toPgParam(v, stmt.paramTypes[i])) };
}

/** OPEN of a streaming query: DECLARE its cursor, in the Informix transaction or a cursor transaction. */
export async function declareCursor(
  session: PgliteSession,
  stmt: PreparedStatement,
  params: readonly EngineValue[],
): Promise<StreamingCursor> {
  const { plan, sql, values } = executionOf(session, stmt, params);
  const { pg } = session;
  return session.serve(
    plan.statementType,
    async () => {
      session.shared.versions.check(stmt.dependencies);
      await session.implicitBegin();
      // A new cursor transaction may simply abort on error; an open transaction keeps going.
      // The BEGIN of a new cursor transaction goes with the DECLARE, and so does a FETCH of
      // the first rows (PREFETCH_ROWS): a small result needs no round trip of its own. Should
      // that request fail, the DECLARE is tried again alone, so that an error of the rows
      // (a division by zero, say) still comes with the fetch that reaches them, as before.
      const declare = async (prefetch: boolean): Promise<{ name: string; rows: (string | null)[][] | null }> => {
        let guard = true;
        const steps: PgStep[] = [];
        if (!session.inTransaction && session.mux.transactionHolder !== session) {
          steps.push({ sql: session.beginSql() });
          session.physicalBegun();
          session.cursorTx = true;
          guard = false;
        } else steps.push({ sql: STATEMENT_SAVEPOINT.before });
        const name = `ifx_c${session.id}_${++session.cursorCount}`;
        steps.push({ sql: `DECLARE ${name} NO SCROLL CURSOR WITH HOLD FOR ${sql}`, params: values });
        if (prefetch) steps.push({ sql: `FETCH FORWARD ${PREFETCH_ROWS} FROM ${name}` });
        if (guard) steps.push({ sql: STATEMENT_SAVEPOINT.after });
        try {
          const reply = await pg.steps(steps);
          return { name, rows: prefetch ? reply.rows : null };
        } catch (e) {
          if (guard) await pg.exec("ROLLBACK TO SAVEPOINT ifx_stmt; RELEASE SAVEPOINT ifx_stmt");
          else await session.abortCursorTransaction();
          throw e;
        }
      };
      let declared: { name: string; rows: (string | null)[][] | null };
      try {
        declared = await declare(true).catch(() => declare(false));
      } catch (e) {
        throw await mapError(session, e, plan);
      }
      const { name, rows } = declared;
      const cursor = new StreamingCursor(session, name, session.txSerial, stmt.columnTypes);
      if (rows !== null) cursor.readAhead(rows, PREFETCH_ROWS);
      session.cursors.add(cursor);
      return cursor;
    },
    true,
  );
}

/** Runs a statement's SQL for the session; returns the rows (queries) and the sqlca counts. */
export async function runSql(
  session: PgliteSession,
  stmt: PreparedStatement,
  params: readonly EngineValue[],
): Promise<{ rows: (string | null)[][]; result: ExecResult }> {
  const { plan, sql, values } = executionOf(session, stmt, params);
  const { pg } = session;
  const { versions } = session.shared;
  return session.serve(plan.statementType, async () => {
    versions.check(stmt.dependencies);
    await session.implicitBegin();
    const needsTemp = plan.intoTemp !== undefined || plan.table?.temp === true;
    const savepoint = session.inTransaction;
    const wrap = !savepoint && (plan.ddl || needsTemp);
    // A plain statement sends SAVEPOINT, itself and RELEASE in one round trip.
    const oneTrip = savepoint && !needsTemp && !plan.alters && !plan.ddl;
    if (savepoint && !oneTrip) await pg.exec("SAVEPOINT ifx_stmt");
    else if (wrap) await pg.exec("BEGIN");
    try {
      if (needsTemp) {
        await pg.exec(`CREATE SCHEMA IF NOT EXISTS ${pgIdent(session.tempSchema)}`);
        session.tempCreated = true;
      }
      if (plan.table?.ifNotExists && (await tableExists(pg, plan.table.schema, plan.table.table))) {
        // IDS does nothing at all: the table, its SERIAL counters and its catalog rows stay as they are.
        if (savepoint) await pg.exec("RELEASE SAVEPOINT ifx_stmt");
        else if (wrap) await pg.exec("COMMIT");
        return { rows: [], result: { rowCount: 0, serial: 0, serial8: 0n, bigserial: 0n } };
      }
      const altered = plan.alters ? await TableVersions.oidOf(pg, plan.alters) : 0;
      for (const c of plan.table?.columns ?? []) for (const setup of c.type.setup ?? []) await pg.exec(setup);
      for (const setup of plan.userType?.type.setup ?? []) await pg.exec(setup);
      const named =
        plan === stmt.plan && REUSABLE.has(plan.statementType) ? session.namedStatements.of(stmt) : undefined;
      const steps: PgStep[] = [];
      if (oneTrip) steps.push({ sql: STATEMENT_SAVEPOINT.before });
      if (named === undefined) steps.push({ sql, params: values });
      else
        steps.push({ sql, params: values, statement: { name: named.name, parse: !named.parsed, close: named.stale } });
      if (oneTrip) steps.push({ sql: STATEMENT_SAVEPOINT.after });
      let reply: { rows: (string | null)[][]; commands: string[] };
      try {
        reply = await pg.steps(steps);
      } catch (e) {
        if (named) Object.assign(named, { parsed: false, stale: true });
        throw e;
      }
      if (named) Object.assign(named, { parsed: true, stale: false });
      const res: PgResult = { rows: reply.rows, command: reply.commands[oneTrip ? 1 : 0] ?? "" };
      if (altered !== 0) session.tableAltered(altered);
      if (plan.ddl) await afterDdl(session, stmt, plan);
      // A routine may have run DDL of its own: what the catalog caches hold may be stale.
      else if (plan.statementType === codes.SQ_EXECPROC) session.shared.types.invalidate();
      if (savepoint && !oneTrip) await pg.exec("RELEASE SAVEPOINT ifx_stmt");
      else if (wrap) await pg.exec("COMMIT");
      const result = resultOf(res, stmt, plan.isQuery);
      const rowId = plan.currentOf ? res.rows[0]?.[0] : undefined;
      return { rows: res.rows, result: typeof rowId === "string" ? { ...result, rowId } : result };
    } catch (e) {
      if (savepoint) await pg.exec("ROLLBACK TO SAVEPOINT ifx_stmt; RELEASE SAVEPOINT ifx_stmt");
      else if (wrap) await pg.exec("ROLLBACK");
      if (plan.ddl) session.shared.types.invalidate();
      throw await mapError(session, e, plan);
    }
  });
}
