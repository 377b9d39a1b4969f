// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// One Informix session, on either engine: the open database, the transaction rules of
// its logging mode, lock mode, isolation, temp tables and statements. It reaches
// PostgreSQL through an EngineLink (shared.ts): PGlite's one shared connection behind
// the multiplexer, or, on the PostgreSQL engine, a connection of its own.
//
// Transaction rules (IDS): an unlogged database has no transactions (-256); in a logged
// database BEGIN WORK opens one (-535 when one is open), COMMIT/ROLLBACK outside one is
// -255, and statements outside autocommit; in an ANSI database the first statement opens
// a transaction that lasts until COMMIT/ROLLBACK. Inside a transaction each statement
// runs under a PostgreSQL savepoint (sent in the statement's own round trip), so a failing
// statement is undone alone and the transaction goes on, as in IDS. Streaming cursors
// outside a transaction live in a "cursor transaction" (streaming-cursor.ts).
//
// The Informix transaction is logical; its PostgreSQL transaction starts at the session's
// first statement inside it. While it has only read, another session's statement
// suspends it (see multiplexer.ts) and the next statement starts a new one, savepoints
// included. Once it has written (PostgreSQL assigned it a transaction id), it owns the
// connection until COMMIT/ROLLBACK. On a dedicated connection (PostgreSQL engine) nothing
// is ever suspended: PostgreSQL's row locks decide who waits, under lock_timeout (SET LOCK
// MODE), and the transaction starts at the isolation level of SET ISOLATION.

import type { RewriteContext } from "../sql/context.js";
import { pgIdent } from "../sql/context.js";
import { DEFAULT_DATE_FORMAT, DEFAULT_MONEY } from "../sql/date-format.js";
import { DEFAULT_DATE_ORDER } from "../sql/date-order.js";
import type { IsolationLevel, Plan } from "../sql/plan.js";
import { rewrite } from "../sql/rewriter.js";
import { runBatch } from "./batch-runner.js";
import { closeCursor, fetchCursor } from "./cursor-runner.js";
import { SQL } from "./error-codes.js";
import { ForUpdateCursor } from "./for-update-cursor.js";
import { InformixSqlError } from "./informix-sql-error.js";
import type { Multiplexer, TransactionHolder } from "./multiplexer.js";
import type { PgClient } from "./pg-client.js";
import { withColumnTypes } from "./rewrite-columns.js";
import { lockError } from "./row-errors.js";
import {
  applySessionSettings,
  type CompiledSettings,
  compileSettings,
  lockTimeout,
  pgIsolation,
} from "./session-settings.js";
import type { EngineLink, EngineShared } from "./shared.js";
import { MaterialisedCursor, NamedStatements, PreparedStatement } from "./statement.js";
import { declareCursor, describePlan, runSql, streams } from "./statement-runner.js";
import type { CursorHost, StreamingCursor } from "./streaming-cursor.js";
import type {
  BatchResult,
  DatabaseInfo,
  EngineCursor,
  EngineSession,
  EngineStatement,
  EngineValue,
  ExecResult,
  SessionOptions,
} from "./types.js";

const NO_RESULT: ExecResult = { rowCount: 0, serial: 0, serial8: 0n, bigserial: 0n };

export class PgliteSession implements EngineSession, TransactionHolder, CursorHost {
  database: DatabaseInfo | null = null;
  inTransaction = false;
  /** SET LOCK MODE: 0 NOT WAIT, n seconds, -1 WAIT. */
  lockWait = 0;
  /** SET ISOLATION (IDS's default in a logged database is COMMITTED READ). */
  isolation: IsolationLevel = "committedRead";
  tempCreated = false;
  readonly tempSchema: string;
  private savepoints: { name: string; unique: boolean }[] = [];
  /** Tables altered, dropped or renamed in the open transaction: a rollback changes them back. */
  private altered = new Set<number>();
  private last: ExecResult = NO_RESULT;
  private closed = false;
  /** The open PostgreSQL transaction is a cursor transaction (streaming-cursor.ts), not an Informix one. */
  cursorTx = false;
  /** Serial of the current PostgreSQL transaction (streaming cursors die with its ROLLBACK). */
  txSerial = 0;
  /** Open streaming cursors, and the number of cursors declared so far (their names). */
  readonly cursors = new Set<StreamingCursor>();
  cursorCount = 0;
  readonly namedStatements: NamedStatements;
  private compiled: { key: string; settings: CompiledSettings } | undefined;

  /**
   * `tempTag` makes the temp schema's name unique among emulators sharing one
   * PostgreSQL database (empty on PGlite, whose database is the engine's own).
   */
  constructor(
    readonly shared: EngineShared,
    readonly id: number,
    readonly user: string,
    readonly link: EngineLink,
    private options: SessionOptions = {},
    tempTag = "",
  ) {
    this.tempSchema = `ifx_tmp_${tempTag}${id}`;
    this.namedStatements = new NamedStatements(`ifx_s${id}_`, link.pg);
  }

  /** This session's PostgreSQL connection. */
  get pg(): PgClient {
    return this.link.pg;
  }

  get mux(): Multiplexer {
    return this.link.mux;
  }

  /** After a rollback PostgreSQL has undone SETs made in the transaction: set them again. */
  private forgetSettings(): void {
    this.pg.searchPath = null;
    this.pg.settings.clear();
    this.shared.types.invalidate();
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

  /** Puts this session's settings on the connection (inside the multiplexer): session-settings.ts. */
  async enter(): Promise<void> {
    const { pg, link } = this;
    // Work left for the connection by sessions that ended (shared.ts), sent with the settings.
    const deferred = this.mux.transactionHolder === null && link.deferred.length > 0 ? link.deferred.splice(0) : [];
    await applySessionSettings(pg, deferred, this.settings());
  }

  /** The session's settings, made again only when the lock mode or the database changes. */
  private settings(): CompiledSettings {
    const key = `${this.lockWait}|${this.database?.name ?? ""}`;
    if (this.compiled?.key !== key) {
      const settings = compileSettings({
        ...(this.link.dedicated ? { lockTimeout: lockTimeout(this.lockWait) } : {}),
        dateOrder: this.options.dateOrder ?? DEFAULT_DATE_ORDER,
        dateFormat: this.options.dateFormat ?? DEFAULT_DATE_FORMAT,
        century: this.options.century ?? "R",
        datetimeFormat: this.options.datetimeFormat ?? "",
        money: this.options.money ?? DEFAULT_MONEY,
        ...(this.database ? { database: this.database.name } : {}),
        tempSchema: this.tempSchema,
        sessionId: this.id,
        user: this.user,
      });
      this.compiled = { key, settings };
    }
    return this.compiled.settings;
  }

  /** BEGIN, at SET ISOLATION's level on a dedicated connection. */
  beginSql(): string {
    return this.link.dedicated ? `BEGIN ISOLATION LEVEL ${pgIsolation(this.isolation)}` : "BEGIN";
  }

  /** Starts the implicit transaction of an ANSI database (inside the multiplexer). */
  async implicitBegin(): Promise<void> {
    if (this.database?.ansi && !this.inTransaction) await this.startTransaction();
  }

  private async startTransaction(): Promise<void> {
    await this.physicalBegin();
    this.inTransaction = true;
  }

  /** BEGIN on the connection (inside the multiplexer). */
  async physicalBegin(extra = ""): Promise<void> {
    await this.pg.exec(this.beginSql() + extra);
    this.physicalBegun();
  }

  /** Bookkeeping of a BEGIN sent on the connection (by physicalBegin or with another statement). */
  physicalBegun(): void {
    this.txSerial++;
    this.mux.setHolder(this);
  }

  /** After a PostgreSQL COMMIT or ROLLBACK: its WITH HOLD cursors survive a COMMIT only. */
  private physicalEnd(committed: boolean): void {
    for (const c of this.cursors) {
      if (c.tx !== this.txSerial) continue;
      if (committed) c.tx = -1;
      else c.dead = true;
    }
    this.cursorTx = false;
  }

  /** Ends a cursor transaction (COMMIT; its cursors go on, held by PostgreSQL). */
  async endCursorTransaction(before = ""): Promise<void> {
    if (!this.cursorTx || !this.physical) return;
    await this.pg.exec(`${before}COMMIT`);
    this.physicalEnd(true);
    this.mux.setHolder(null);
  }

  /** A statement failed in a cursor transaction: PostgreSQL aborted it. */
  async abortCursorTransaction(): Promise<void> {
    if (!this.cursorTx || !this.physical) return;
    await this.pg.exec("ROLLBACK");
    this.physicalEnd(false);
    this.forgetSettings();
    this.mux.setHolder(null);
  }

  /** Whether this session's PostgreSQL transaction is open on the connection. */
  private get physical(): boolean {
    return this.mux.transactionHolder === this;
  }

  /** Starts the PostgreSQL side of an open Informix transaction that has none (inside the multiplexer). */
  private async resume(): Promise<void> {
    if (!this.inTransaction || this.physical) return;
    await this.physicalBegin(this.savepoints.map((s) => `;SAVEPOINT ${pgIdent(s.name)}`).join(""));
  }

  /** The multiplexer ends a read-only PostgreSQL transaction for another session; ours stays open. */
  async suspend(): Promise<void> {
    await this.pg.exec("COMMIT");
    this.physicalEnd(true);
  }

  /** After a statement inside a transaction: once it has written, the session owns the connection. */
  private async noteWrites(): Promise<void> {
    const { mux, pg } = this;
    // On a dedicated connection no other session waits for the multiplexer: skip the round trip.
    if (this.link.dedicated || !this.inTransaction || !this.physical || mux.transactionOwner === this) return;
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
    if (this.physical) this.mux.setHolder(null);
  }

  /**
   * Runs `fn` under the multiplexer with this session's lock mode. Any statement but a
   * cursor's own (`cursorWork`) ends the session's cursor transaction first: outside an
   * Informix transaction each statement commits on its own.
   */
  serve<T>(statementType: number, fn: () => Promise<T>, cursorWork = false): Promise<T> {
    // On a dedicated connection PostgreSQL does the lock waiting: the multiplexer never makes it wait.
    return this.mux.run(this, this.lockWait, lockError(statementType), async () => {
      await this.enter();
      if (!cursorWork) await this.endCursorTransaction();
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

  setTextFormats(formats: Pick<SessionOptions, "datetimeFormat" | "money">): void {
    this.options = { ...this.options, ...formats };
    this.compiled = undefined;
  }

  async prepare(sql: string): Promise<EngineStatement> {
    this.requireOpen();
    const ctx = this.rewriteContext();
    const rewritten = rewrite(sql, ctx);
    if (rewritten.kind !== "sql") return new PreparedStatement(sql, rewritten, [], [], [], "", []);
    return this.mux.exclusive(async () => {
      await this.enter();
      const plan = await withColumnTypes(this.pg, this.shared.types, sql, rewritten, ctx);
      if (plan.kind !== "sql") throw new InformixSqlError(SQL.SYNTAX);
      // PREPARE may run inside any session's open transaction: a failing DESCRIBE must not abort it.
      const { pg, mux } = this;
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

  /** The client released the statement: its named PostgreSQL statement goes with the next request. */
  release(statement: EngineStatement): void {
    this.namedStatements.release(statement);
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

  /** A client's batch of one statement: its leading rows in one request (batch-runner.ts), the rest per row. */
  async executeMany(statement: EngineStatement, paramSets: readonly (readonly EngineValue[])[]): Promise<BatchResult> {
    this.requireOpen();
    const results: ExecResult[] = [];
    try {
      results.push(...(await runBatch(this, this.statementOf(statement), paramSets)));
      if (results.length > 0) this.last = results[results.length - 1]!;
      for (const params of paramSets.slice(results.length)) results.push(await this.execute(statement, params));
    } catch (error) {
      return { results, error };
    }
    return { results };
  }

  async openCursor(statement: EngineStatement, params: readonly EngineValue[]): Promise<EngineCursor> {
    this.requireOpen();
    const stmt = this.statementOf(statement);
    if (stmt.plan.kind !== "sql") throw new InformixSqlError(SQL.SYNTAX);
    if (streams(stmt.plan)) {
      // The cursor's DBINFO('sqlca.*') reads the previous statement's sqlca, so it is reset after.
      return declareCursor(this, stmt, params).finally(() => {
        this.last = NO_RESULT;
      });
    }
    const { rows, result } = await runSql(this, stmt, params);
    this.last = result;
    if (stmt.plan.rowIdentity) return new ForUpdateCursor(rows, stmt.columnTypes, stmt.plan.rowIdentity.table);
    return new MaterialisedCursor(rows, stmt.columnTypes);
  }

  fetchCursor(cursor: StreamingCursor, maxRows: number): Promise<(string | null)[][]> {
    return fetchCursor(this, cursor, maxRows);
  }

  closeCursor(cursor: StreamingCursor): Promise<void> {
    return closeCursor(this, cursor);
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
      case "isolation":
        // PostgreSQL fixes the level at a transaction's first statement: it applies from the next one.
        this.isolation = plan.level;
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
    // A cursor transaction must not become the Informix one (its ROLLBACK would destroy the cursors).
    if (this.cursorTx) await this.mux.exclusive(() => this.endCursorTransaction());
    this.inTransaction = true;
  }

  async commit(): Promise<void> {
    const db = this.logged();
    if (!this.inTransaction) {
      if (db.ansi) return;
      throw new InformixSqlError(SQL.NOT_IN_TRANSACTION);
    }
    await this.mux.exclusive(async () => {
      if (this.physical) {
        await this.pg.exec("COMMIT");
        this.physicalEnd(true);
      }
      this.endTransaction();
    });
  }

  async rollback(): Promise<void> {
    const db = this.logged();
    if (!this.inTransaction) {
      if (db.ansi) return;
      throw new InformixSqlError(SQL.NOT_IN_TRANSACTION);
    }
    await this.mux.exclusive(async () => {
      if (this.physical) {
        // Cursors declared in this transaction would die with it: read what they have left.
        for (const c of this.cursors) {
          if (c.tx === this.txSerial && !c.dead && c.rescued === null) {
            c.rescue(c.drained ? [] : await this.pg.rows(`FETCH ALL FROM ${c.name}`).catch(() => null));
          }
        }
        await this.pg.exec("ROLLBACK");
        this.physicalEnd(false);
        this.forgetSettings();
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
    await this.mux.exclusive(async () => {
      if (!this.physical) return;
      await this.pg.exec(sql);
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
      this.forgetSettings();
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
    const drop =
      `DROP SCHEMA IF EXISTS ${pgIdent(this.tempSchema)} CASCADE;` +
      "DELETE FROM ifx.columns WHERE reloid NOT IN (SELECT oid FROM pg_class);" +
      "DELETE FROM ifx.tables WHERE reloid NOT IN (SELECT oid FROM pg_class)";
    const { link, shared } = this;
    if (link.release) {
      // A dedicated connection ends at once, even in the middle of a lock wait: PostgreSQL
      // rolls its transaction back and frees its locks; the catalog connection drops the temp schema.
      await link.release();
      if (this.inTransaction) {
        this.undoAlters();
        shared.types.invalidate();
      }
      this.inTransaction = false;
      if (this.tempCreated) await shared.pg.exec(drop);
    } else {
      this.namedStatements.dropAll();
      await this.mux.exclusive(async () => {
        await this.abortCursorTransaction();
        if (this.inTransaction) {
          if (this.physical) {
            await this.pg.exec("ROLLBACK");
            this.forgetSettings();
          }
          this.undoAlters();
          this.endTransaction();
        }
        if (this.tempCreated) {
          if (this.mux.transactionHolder === null) await this.pg.exec(drop);
          else link.deferred.push(drop);
        }
      });
    }
    if (this.database) shared.databases.detach(this.database.name, this);
    this.database = null;
  }
}
