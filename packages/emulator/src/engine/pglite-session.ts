// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// One Informix session on the shared PGlite: the open database, the transaction rules
// of its logging mode, lock mode, temp tables and statements.
//
// Transaction rules (IDS): an unlogged database has no transactions (-256); in a logged
// database BEGIN WORK opens one (-535 when one is open), COMMIT/ROLLBACK outside one is
// -255, and statements outside autocommit; in an ANSI database the first statement opens
// a transaction that lasts until COMMIT/ROLLBACK. Inside a transaction each statement
// runs under a PostgreSQL savepoint, so a failing statement is undone alone and the
// transaction goes on, as in IDS.
//
// The Informix transaction is logical; its PostgreSQL transaction starts at the session's
// first statement inside it. While it has only read, another session's statement
// suspends it (see multiplexer.ts) and the next statement starts a new one, savepoints
// included. Once it has written (PostgreSQL assigned it a transaction id), it owns the
// connection until COMMIT/ROLLBACK.

import type { RewriteContext } from "../sql/context.js";
import { pgIdent, pgString } from "../sql/context.js";
import type { Plan } from "../sql/plan.js";
import { rewrite } from "../sql/rewriter.js";
import * as codes from "../sql/type-codes.js";
import { ISAM, SQL } from "./error-codes.js";
import { InformixSqlError } from "./informix-sql-error.js";
import type { TransactionHolder } from "./multiplexer.js";
import type { EngineShared } from "./shared.js";
import { MaterialisedCursor, PreparedStatement } from "./statement.js";
import { describePlan, runSql } from "./statement-runner.js";
import type {
  DatabaseInfo,
  EngineCursor,
  EngineSession,
  EngineStatement,
  EngineValue,
  ExecResult,
  SessionOptions,
} from "./types.js";

const NO_RESULT: ExecResult = { rowCount: 0, serial: 0, serial8: 0n, bigserial: 0n };

export class PgliteSession implements EngineSession, TransactionHolder {
  database: DatabaseInfo | null = null;
  inTransaction = false;
  /** SET LOCK MODE: 0 NOT WAIT, n seconds, -1 WAIT. */
  lockWait = 0;
  tempCreated = false;
  readonly tempSchema: string;
  private savepoints: { name: string; unique: boolean }[] = [];
  /** Tables altered, dropped or renamed in the open transaction: a rollback changes them back. */
  private altered = new Set<number>();
  private last: ExecResult = NO_RESULT;
  private closed = false;

  constructor(
    readonly shared: EngineShared,
    readonly id: number,
    readonly user: string,
    private readonly options: SessionOptions = {},
  ) {
    this.tempSchema = `ifx_tmp_${id}`;
  }

  /** 1 while a transaction is open, else 0 (for SQ_XACTSTAT, see types.ts). */
  get transactionLevel(): number {
    return this.inTransaction ? 1 : 0;
  }

  rewriteContext(): RewriteContext {
    return {
      user: this.user,
      database: this.database?.name ?? null,
      tempSchema: this.tempSchema,
      serverName: this.shared.serverName,
      hostName: this.shared.hostName,
      sessionId: this.id,
      lastSerial: this.last.serial,
      lastRowCount: this.last.rowCount,
      lastSerial8: this.last.serial8,
      lastBigserial: this.last.bigserial,
    };
  }

  /** Sets search_path for this session (inside the multiplexer). */
  async enter(): Promise<void> {
    const { shared } = this;
    if (shared.mux.transactionHolder === null && shared.deferred.length > 0) {
      const sql = shared.deferred.splice(0).join(";");
      await shared.pg.exec(sql);
    }
    // Schema informix last: IDS resolves built-in routines (owner informix) unqualified.
    const path = this.database
      ? `${pgIdent(this.database.name)}, ${pgIdent(this.tempSchema)}, informix`
      : `${pgIdent(this.tempSchema)}, informix`;
    if (shared.searchPath !== path) {
      // The path names this session's temp schema, so it changes with the session: the same
      // exec records who is on the connection, for sysmaster:syssessions.
      await shared.pg.exec(
        `SET search_path TO ${path}; SELECT set_config('ifx.sid', '${this.id}', false), set_config('ifx.user', ${pgString(this.user)}, false)`,
      );
      shared.searchPath = path;
    }
  }

  /** Starts the implicit transaction of an ANSI database (inside the multiplexer). */
  async implicitBegin(): Promise<void> {
    if (this.database?.ansi && !this.inTransaction) await this.startTransaction();
  }

  private async startTransaction(): Promise<void> {
    await this.shared.pg.exec("BEGIN");
    this.shared.mux.setHolder(this);
    this.inTransaction = true;
  }

  /** Whether this session's PostgreSQL transaction is open on the connection. */
  private get physical(): boolean {
    return this.shared.mux.transactionHolder === this;
  }

  /** Starts the PostgreSQL side of an open Informix transaction that has none (inside the multiplexer). */
  private async resume(): Promise<void> {
    if (!this.inTransaction || this.physical) return;
    const sql = ["BEGIN", ...this.savepoints.map((s) => `SAVEPOINT ${pgIdent(s.name)}`)].join(";");
    await this.shared.pg.exec(sql);
    this.shared.mux.setHolder(this);
  }

  /** The multiplexer ends a read-only PostgreSQL transaction for another session; ours stays open. */
  async suspend(): Promise<void> {
    await this.shared.pg.exec("COMMIT");
  }

  /** After a statement inside a transaction: once it has written, the session owns the connection. */
  private async noteWrites(): Promise<void> {
    const { mux, pg } = this.shared;
    if (!this.inTransaction || !this.physical || mux.transactionOwner === this) return;
    let wrote = true;
    try {
      const rows = await pg.rows("SELECT pg_current_xact_id_if_assigned() IS NOT NULL");
      wrote = rows[0]?.[0] !== "f";
    } catch {
      // An unusable transaction is kept as it is: as if it had written.
    }
    if (wrote) mux.setOwner(this);
  }

  /** ALTER/DROP/RENAME of a table: statements prepared on it fail with -710 from now on. */
  tableAltered(oid: number): void {
    this.shared.versions.bump(oid);
    if (this.inTransaction) this.altered.add(oid);
  }

  /** A rollback undid the transaction's DDL: the tables changed again. */
  private undoAlters(): void {
    for (const oid of this.altered) this.shared.versions.bump(oid);
  }

  private endTransaction(): void {
    this.altered.clear();
    this.inTransaction = false;
    this.savepoints = [];
    if (this.physical) this.shared.mux.setHolder(null);
  }

  lockError(statementType: number): (timedOut: boolean) => InformixSqlError {
    const sqlcode =
      statementType === codes.SQ_INSERT
        ? SQL.INSERT_FAILED
        : statementType === codes.SQ_UPDATE || statementType === codes.SQ_UPDALL
          ? SQL.UPDATE_FAILED
          : statementType === codes.SQ_DELETE || statementType === codes.SQ_DELALL
            ? SQL.DELETE_FAILED
            : SQL.READ_LOCKED;
    return (timedOut) => new InformixSqlError(sqlcode, timedOut ? ISAM.LOCK_TIMEOUT : ISAM.LOCKED);
  }

  /** Runs `fn` under the multiplexer with this session's lock mode. */
  serve<T>(statementType: number, fn: () => Promise<T>): Promise<T> {
    return this.shared.mux.run(this, this.lockWait, this.lockError(statementType), async () => {
      await this.enter();
      await this.resume();
      try {
        return await fn();
      } finally {
        await this.noteWrites();
      }
    });
  }

  private requireOpen(): void {
    if (this.closed) throw new InformixSqlError(SQL.DATABASE_NOT_SELECTED);
  }

  async openDatabase(name: string, exclusive: boolean): Promise<DatabaseInfo> {
    this.requireOpen();
    if (this.inTransaction) throw new InformixSqlError(SQL.ALREADY_IN_TRANSACTION);
    const info = this.shared.databases.attach(name, this, exclusive);
    if (this.database && this.database.name !== info.name) this.shared.databases.detach(this.database.name, this);
    this.database = info;
    return info;
  }

  async closeDatabase(): Promise<void> {
    if (this.inTransaction) throw new InformixSqlError(SQL.ALREADY_IN_TRANSACTION);
    if (this.database === null) throw new InformixSqlError(SQL.DATABASE_NOT_SELECTED);
    this.shared.databases.detach(this.database.name, this);
    this.database = null;
  }

  async prepare(sql: string): Promise<EngineStatement> {
    this.requireOpen();
    const plan = rewrite(sql, this.rewriteContext());
    if (plan.kind !== "sql") return new PreparedStatement(sql, plan, [], [], [], "", []);
    return this.shared.mux.exclusive(async () => {
      await this.enter();
      // PREPARE may run inside any session's open transaction: a failing DESCRIBE must not abort it.
      const { pg, mux } = this.shared;
      if (mux.transactionHolder === null) return describePlan(this, sql, plan);
      await pg.exec("SAVEPOINT ifx_describe");
      try {
        const described = await describePlan(this, sql, plan);
        await pg.exec("RELEASE SAVEPOINT ifx_describe");
        return described;
      } catch (e) {
        await pg.exec("ROLLBACK TO SAVEPOINT ifx_describe; RELEASE SAVEPOINT ifx_describe");
        throw e;
      }
    });
  }

  private statementOf(statement: EngineStatement): PreparedStatement {
    if (!(statement instanceof PreparedStatement)) throw new InformixSqlError(SQL.SYNTAX);
    return statement;
  }

  async execute(statement: EngineStatement, params: readonly EngineValue[]): Promise<ExecResult> {
    this.requireOpen();
    const stmt = this.statementOf(statement);
    if (stmt.plan.kind !== "sql") {
      await this.command(stmt.plan);
      this.last = NO_RESULT;
      return NO_RESULT;
    }
    const { result } = await runSql(this, stmt, params);
    this.last = result;
    return result;
  }

  async openCursor(statement: EngineStatement, params: readonly EngineValue[]): Promise<EngineCursor> {
    this.requireOpen();
    const stmt = this.statementOf(statement);
    if (stmt.plan.kind !== "sql") throw new InformixSqlError(SQL.SYNTAX);
    const { rows, result } = await runSql(this, stmt, params);
    this.last = result;
    return new MaterialisedCursor(rows, stmt.columnTypes);
  }

  /** Statements the engine carries out itself. */
  private async command(plan: Exclude<Plan, { kind: "sql" }>): Promise<void> {
    switch (plan.kind) {
      case "createDatabase": {
        if (this.inTransaction) throw new InformixSqlError(SQL.ALREADY_IN_TRANSACTION);
        await this.serve(plan.statementType, () =>
          this.shared.databases.create(plan.name, plan.log, this.user, this.options.dbLocale),
        );
        await this.openDatabase(plan.name, false);
        return;
      }
      case "database":
        await this.openDatabase(plan.name, plan.exclusive);
        return;
      case "closeDatabase":
        return this.closeDatabase();
      case "dropDatabase":
        if (this.inTransaction) throw new InformixSqlError(SQL.ALREADY_IN_TRANSACTION);
        await this.serve(plan.statementType, () => this.shared.databases.drop(plan.name));
        return;
      case "begin":
        return this.begin();
      case "commit":
        return this.commit();
      case "rollback":
        return this.rollback();
      case "savepoint":
        return this.savepoint(plan.name, plan.unique);
      case "rollbackToSavepoint":
        return this.rollbackToSavepoint(plan.name);
      case "releaseSavepoint":
        return this.releaseSavepoint(plan.name);
      case "lockMode":
        this.lockWait = plan.wait;
        return;
      case "noop":
        return;
    }
  }

  /** The database, checked to have a transaction log. */
  private logged(): DatabaseInfo {
    if (this.database === null) throw new InformixSqlError(SQL.DATABASE_NOT_SELECTED);
    if (!this.database.logged) throw new InformixSqlError(SQL.TRANSACTION_NOT_AVAILABLE);
    return this.database;
  }

  /** BEGIN WORK opens the Informix transaction; PostgreSQL's starts with the next statement. */
  async begin(): Promise<void> {
    this.logged();
    if (this.inTransaction) throw new InformixSqlError(SQL.ALREADY_IN_TRANSACTION);
    this.inTransaction = true;
  }

  async commit(): Promise<void> {
    const db = this.logged();
    if (!this.inTransaction) {
      if (db.ansi) return;
      throw new InformixSqlError(SQL.NOT_IN_TRANSACTION);
    }
    await this.shared.mux.exclusive(async () => {
      if (this.physical) await this.shared.pg.exec("COMMIT");
      this.endTransaction();
    });
  }

  async rollback(): Promise<void> {
    const db = this.logged();
    if (!this.inTransaction) {
      if (db.ansi) return;
      throw new InformixSqlError(SQL.NOT_IN_TRANSACTION);
    }
    await this.shared.mux.exclusive(async () => {
      if (this.physical) {
        await this.shared.pg.exec("ROLLBACK");
        this.shared.searchPath = null;
        this.shared.types.invalidate();
      }
      this.undoAlters();
      this.endTransaction();
    });
  }

  private async inOpenTransaction(): Promise<void> {
    const db = this.logged();
    if (this.inTransaction) return;
    if (!db.ansi) throw new InformixSqlError(SQL.NOT_IN_TRANSACTION);
    this.inTransaction = true;
  }

  /**
   * Runs savepoint SQL in this session's PostgreSQL transaction when it is open. A
   * suspended transaction has written nothing: `resume()` recreates its savepoints.
   */
  private async onOwnTransaction(sql: string, after?: () => void): Promise<void> {
    await this.shared.mux.exclusive(async () => {
      if (!this.physical) return;
      await this.shared.pg.exec(sql);
      after?.();
    });
  }

  async savepoint(name: string, unique: boolean): Promise<void> {
    await this.inOpenTransaction();
    const lower = name.toLowerCase();
    if (this.savepoints.some((s) => s.name === lower && (s.unique || unique))) {
      throw new InformixSqlError(SQL.SAVEPOINT_EXISTS, 0, lower);
    }
    await this.onOwnTransaction(`SAVEPOINT ${pgIdent(lower)}`);
    this.savepoints.push({ name: lower, unique });
  }

  private savepointIndex(name: string): number {
    this.logged();
    if (!this.inTransaction) throw new InformixSqlError(SQL.NOT_IN_TRANSACTION);
    const lower = name.toLowerCase();
    const at = this.savepoints.map((s) => s.name).lastIndexOf(lower);
    if (at < 0) throw new InformixSqlError(SQL.SAVEPOINT_NOT_FOUND, 0, lower);
    return at;
  }

  async rollbackToSavepoint(name: string): Promise<void> {
    const at = this.savepointIndex(name);
    await this.onOwnTransaction(`ROLLBACK TO SAVEPOINT ${pgIdent(name.toLowerCase())}`, () => {
      this.shared.searchPath = null;
      this.shared.types.invalidate();
      this.undoAlters();
    });
    this.savepoints = this.savepoints.slice(0, at + 1);
  }

  async releaseSavepoint(name: string): Promise<void> {
    const at = this.savepointIndex(name);
    await this.onOwnTransaction(`RELEASE SAVEPOINT ${pgIdent(name.toLowerCase())}`);
    this.savepoints = this.savepoints.slice(0, at);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const { shared } = this;
    await shared.mux.exclusive(async () => {
      if (this.inTransaction) {
        if (this.physical) {
          await shared.pg.exec("ROLLBACK");
          shared.searchPath = null;
          shared.types.invalidate();
        }
        this.undoAlters();
        this.endTransaction();
      }
      if (this.tempCreated) {
        const drop =
          `DROP SCHEMA IF EXISTS ${pgIdent(this.tempSchema)} CASCADE;` +
          "DELETE FROM ifx.columns WHERE reloid NOT IN (SELECT oid FROM pg_class);" +
          "DELETE FROM ifx.tables WHERE reloid NOT IN (SELECT oid FROM pg_class)";
        if (shared.mux.transactionHolder === null) await shared.pg.exec(drop);
        else shared.deferred.push(drop);
      }
    });
    if (this.database) shared.databases.detach(this.database.name, this);
    this.database = null;
  }
}
