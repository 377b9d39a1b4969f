// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The public Connection: queries, streams, prepared statements, transactions, close.
// Every public method captures its caller's stack, checks its arguments, then queues
// one task on the scheduler (scheduler.ts); the statement flows live in statement/.

import {
  type BlobLocator,
  type ClobLocator,
  DEFAULT_CONTEXT,
  type SmartLobLocator,
  typeCodes as T,
  type TextCodec,
} from "@informix-db/protocol";
import {
  AbortError,
  ConnectionError,
  captureCallSite,
  DriverError,
  InformixError,
  TimeoutError,
  withCallSite,
} from "../errors.js";
import type { BatchResult, QueryResult } from "../result/result.js";
import { type BatchOptions, bindRows, runBatch } from "../statement/batch.js";
import {
  type ConnectionCore,
  callOptions,
  ignoreSqlError,
  type QueryOptions,
  runQuery,
  sourceOf,
  streamRows,
} from "../statement/executor.js";
import { bindParameters } from "../statement/parameters.js";
import { orderParameters, planPlaceholders } from "../statement/placeholders.js";
import { PreparedStatement } from "../statement/prepared-statement.js";
import { openScrollCursor, type ScrollCursor } from "../statement/scroll-cursor.js";
import { rememberLobTargets } from "../statement/smart-lob-bind.js";
import { StatementCache } from "../statement/statement-cache.js";
import { describeInput, prepareStatement, releaseStatement, type StatementHandle } from "../statement/statement-ops.js";
import { traceQuery } from "../transport/diagnostics.js";
import { openSocketTransport } from "../transport/tcp.js";
import type { Transport } from "../transport/transport.js";
import * as BlobColumns from "./blob-columns.js";
import type { CallOptions } from "./cancel.js";
import { closeSession } from "./closing.js";
import type { ResolvedConfig } from "./config.js";
import { callRoutine, type RoutineCache } from "./fast-path.js";
import { type DatabaseInfo, login, negotiate, openDatabase, type ServerInfo } from "./handshake.js";
import { LobHandle } from "./lob-handle.js";
import { LobReader } from "./lob-reader.js";
import { type ConnectionState, Scheduler } from "./scheduler.js";
import { Session } from "./session.js";
import { type IsolationLevel, isolationSql, lockModeSql } from "./settings.js";
import { checkLocator, chunkSizeOf, type OpenLobOptions, readWholeLob } from "./smart-lob-io.js";
import { requireLogged, runTransaction, savepoint, type Transaction } from "./transaction.js";

const CURSOR_PREFIX = "_ifxc";
/** Statements that close the current database (DATABASE, CREATE/DROP/START DATABASE, CLOSE DATABASE). */
const DATABASE_SWITCHES: ReadonlySet<number> = new Set([
  T.SQ_DATABASE,
  T.SQ_CREADB,
  T.SQ_DROPDB,
  T.SQ_CLSDB,
  T.SQ_STARTDB,
]);
const CURSOR_DIGITS = 13;
const INSPECT = Symbol.for("nodejs.util.inspect.custom");

export type { IsolationLevel };

export class Connection implements ConnectionCore {
  readonly scheduler: Scheduler;
  readonly cache: StatementCache;
  #serverInfo: ServerInfo = { version: "", serverName: "", serial: "" };
  #database: DatabaseInfo | undefined;
  #inTransaction = false;
  #cursorSeq = 0;
  /** Fast-path routines resolved on this connection (fast-path.ts). */
  readonly #routines: RoutineCache = new Map();
  #closing: Promise<void> | undefined;
  #session: Session | undefined;
  readonly #config: ResolvedConfig;
  /**
   * @internal Set by the pool that lent this connection: disposal (`await using`) gives it
   * back instead of closing it. `null` while pooled but not lent: disposal does nothing.
   */
  poolReturn: (() => Promise<void>) | null | undefined;

  private constructor(config: ResolvedConfig) {
    this.#config = config;
    this.scheduler = new Scheduler(config.queryTimeout);
    this.cache = new StatementCache(config.statementCacheSize);
  }

  /** The resolved options (the password is not enumerable and prints as "[redacted]"). */
  get config(): ResolvedConfig {
    return this.#config;
  }

  /** What console.log and JSON.stringify show: where it is connected and its state, never a secret. */
  toJSON(): Record<string, unknown> {
    const c = this.#config;
    return { state: this.state, host: c.host, port: c.port, server: c.server, database: c.database, user: c.user };
  }

  [INSPECT](): string {
    return `Connection ${JSON.stringify(this.toJSON())}`;
  }

  /** Connects and logs in (use {@link connect}). */
  static async open(
    config: ResolvedConfig,
    signal?: AbortSignal,
    phases?: Record<string, number>,
  ): Promise<Connection> {
    let mark = Date.now();
    const phase = (name: string) => {
      if (phases === undefined) return;
      const now = Date.now();
      phases[name] = now - mark;
      mark = now;
    };
    if (signal?.aborted) throw new AbortError("connect aborted", { cause: signal.reason });
    const conn = new Connection(config);
    let transport: Transport | undefined;
    let expired: Error | undefined;
    const timer =
      config.connectTimeout > 0
        ? setTimeout(() => {
            expired = new TimeoutError(`connect timed out after ${config.connectTimeout} ms`, { fatal: true });
            transport?.destroy();
          }, config.connectTimeout)
        : undefined;
    const onAbort = () => {
      expired = new AbortError("connect aborted", { fatal: true, cause: signal?.reason });
      transport?.destroy();
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    try {
      const factory = config.transport ?? openSocketTransport;
      transport = await factory({
        host: config.host,
        port: config.port,
        tls: config.tls,
        connectTimeout: config.connectTimeout,
        ...(signal ? { signal } : {}),
      });
      if (expired) throw expired;
      phase("transport");
      const session = new Session(transport, DEFAULT_CONTEXT, config.maxMessageBytes);
      conn.#session = session;
      conn.scheduler.state = "handshaking";
      conn.#serverInfo = await login(session, config);
      phase("login");
      await negotiate(session, config);
      phase("negotiate");
      if (config.database !== undefined) conn.#database = await openDatabase(session, config.database);
      phase("database");
      conn.scheduler.state = "idle";
      conn.scheduler.attach(session);
      // An idle connection whose server went away is broken now, not at its next use.
      transport.onClose?.(() => {
        if (conn.scheduler.state === "idle" && !conn.scheduler.closeRequested) {
          // Nothing was in flight, so the work a caller brings next is safe to retry elsewhere.
          const lost = "the server closed the connection while it was idle";
          conn.scheduler.break(new ConnectionError("CONNECTION_LOST", lost, { retryable: true }));
        }
      });
      return conn;
    } catch (error) {
      transport?.destroy();
      conn.scheduler.state = "closed";
      throw expired ?? error;
    } finally {
      if (timer) clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
    }
  }

  /** connecting → handshaking → idle ⇄ busy → closing → closed, or broken. */
  get state(): ConnectionState {
    return this.scheduler.state;
  }

  /** Version text and DBSERVERNAME from the login reply. */
  get serverInfo(): ServerInfo {
    return this.#serverInfo;
  }

  /** The open database (from the DBOPEN reply), or undefined. */
  get databaseInfo(): DatabaseInfo | undefined {
    return this.#database;
  }

  /** True between begin() and commit()/rollback(). */
  get inTransaction(): boolean {
    return this.#inTransaction;
  }

  text(): TextCodec {
    return this.#session?.ctx.codec ?? DEFAULT_CONTEXT.codec;
  }

  nextCursorName(): string {
    return CURSOR_PREFIX + String(this.#cursorSeq++).padStart(CURSOR_DIGITS, "0");
  }

  async afterStatement(session: Session, h: StatementHandle): Promise<void> {
    // Another database: statements prepared in the last one no longer apply.
    if (DATABASE_SWITCHES.has(h.statementType))
      for (const old of this.cache.clear()) await releaseStatement(session, old).catch(ignoreSqlError);
    if (h.statementType === T.SQ_BEGWORK) this.#inTransaction = true;
    else if (h.statementType === T.SQ_COMMIT || h.statementType === T.SQ_ROLLBACK) this.#inTransaction = false;
    else if (this.#database?.ansi && !this.#inTransaction) await this.#commitWork(session);
  }

  /** True when the server commits a statement as it executes it (no transaction open, not ANSI). */
  commitsOnExecute(statementType: number): boolean {
    return statementType === T.SQ_COMMIT || (!this.#inTransaction && !this.#database?.ansi);
  }

  async #commitWork(session: Session): Promise<void> {
    const reply = await session.exchangeCommitting([{ kind: "cmmtwork" }]);
    if (reply.error) throw new InformixError(reply.error);
  }

  #prepareCall(sql: string, params: readonly unknown[]) {
    const { plan, src } = sourceOf(sql, this.cache.capacity);
    if (!Array.isArray(params)) throw new DriverError("INVALID_ARGUMENT", "params must be an array");
    return { src, binds: this.bindValues(orderParameters(plan, params)) };
  }

  /** @internal SQ_BIND parameters of values in placeholder order. */
  bindValues(values: readonly unknown[]) {
    return bindParameters(values, this.text(), this.#config.exposeParameterValues);
  }

  /** Runs one statement; `?` or `:1` placeholders are bound server-side, never spliced. */
  async query<R = Record<string, unknown>>(
    sql: string,
    params: readonly unknown[] = [],
    options: QueryOptions = {},
  ): Promise<QueryResult<R>> {
    const site = captureCallSite(this.query);
    try {
      const { src, binds } = this.#prepareCall(sql, params);
      const run = () => this.scheduler.run((s) => runQuery<R>(this, s, src, binds, options), callOptions(options));
      return await traceQuery(() => this.#traceContext(src.sql, src.paramCount), run);
    } catch (error) {
      throw withCallSite(error, site);
    }
  }

  #traceContext(sql: string, paramCount: number) {
    const c = this.#config;
    return { sql, paramCount, host: c.host, port: c.port, database: this.#database?.name };
  }

  /** Streams the rows of a query: one SQ_NFETCH round trip per batch, only when you ask for more. */
  stream<R = Record<string, unknown>>(
    sql: string,
    params: readonly unknown[] = [],
    options: QueryOptions = {},
  ): AsyncGenerator<R, void, undefined> {
    const { src, binds } = this.#prepareCall(sql, params);
    return streamRows<R>(this, src, binds, options);
  }

  /** Opens a scroll cursor (SQ_SCROLL); move it with first/last/prior/next/absolute/relative, then close() it. */
  async scroll<R = Record<string, unknown>>(
    sql: string,
    params: readonly unknown[] = [],
    options: QueryOptions = {},
  ): Promise<ScrollCursor<R>> {
    const site = captureCallSite(this.scroll);
    try {
      const { src, binds } = this.#prepareCall(sql, params);
      return await openScrollCursor<R>(this, src, binds, options);
    } catch (error) {
      throw withCallSite(error, site);
    }
  }

  /**
   * Runs `sql` once per row of `rows`, many rows per round trip; resolves to each row's
   * count and generated serial. A failing row rejects with `batchIndex` and `batchApplied`.
   */
  async executeMany(
    sql: string,
    rows: readonly (readonly unknown[])[],
    options: BatchOptions = {},
  ): Promise<BatchResult> {
    const site = captureCallSite(this.executeMany);
    try {
      const { plan, src } = sourceOf(sql, this.cache.capacity);
      const binds = bindRows(rows, plan.count, (row) => this.bindValues(orderParameters(plan, row)));
      return await this.scheduler.run((s) => runBatch(this, s, src, binds, options), callOptions(options));
    } catch (error) {
      throw withCallSite(error, site);
    }
  }

  /** Prepares a statement for repeated use; close() it when done. */
  async prepare(sql: string, options: CallOptions = {}): Promise<PreparedStatement> {
    const site = captureCallSite(this.prepare);
    try {
      const plan = planPlaceholders(sql);
      const { h, params } = await this.scheduler.run(async (s) => {
        const h = await prepareStatement(s, plan.sql, plan.count, this.text());
        return { h, params: plan.count > 0 ? rememberLobTargets(h, await describeInput(s, h)) : [] };
      }, options);
      return new PreparedStatement(this, plan, h, params);
    } catch (error) {
      throw withCallSite(error, site);
    }
  }

  async #control(
    fn: (s: Session) => Promise<void>,
    site: { stack?: string },
    options: CallOptions = {},
  ): Promise<void> {
    try {
      await this.scheduler.run(fn, options);
    } catch (error) {
      throw withCallSite(error, site);
    }
  }

  /** Starts a transaction (SQ_BEGIN; nothing is sent on ANSI databases, whose transactions are implicit). */
  async begin(options: CallOptions = {}): Promise<void> {
    const site = captureCallSite(this.begin);
    await this.#control(
      async (s) => {
        requireLogged(this.#database, "begin");
        if (this.#inTransaction) throw new InformixError({ sqlcode: -535 }, { code: "INVALID_STATE" });
        if (!this.#database!.ansi) {
          const reply = await s.exchange([{ kind: "begin" }]);
          if (reply.error) throw new InformixError(reply.error);
        }
        this.#inTransaction = true;
      },
      site,
      options,
    );
  }

  /** Commits the open transaction (SQ_CMMTWORK); does nothing when none is open. */
  async commit(options: CallOptions = {}): Promise<void> {
    const site = captureCallSite(this.commit);
    await this.#control(
      async (s) => {
        requireLogged(this.#database, "commit");
        if (!this.#inTransaction) return;
        await this.#commitWork(s);
        this.#inTransaction = false;
      },
      site,
      options,
    );
  }

  /** Rolls the open transaction back (SQ_RBWORK); does nothing when none is open. */
  async rollback(options: CallOptions = {}): Promise<void> {
    const site = captureCallSite(this.rollback);
    await this.#control(
      async (s) => {
        requireLogged(this.#database, "rollback");
        if (!this.#inTransaction) return;
        const reply = await s.exchange([{ kind: "rbwork", savepoint: 0 }]);
        this.#inTransaction = false;
        if (reply.error) throw new InformixError(reply.error);
      },
      site,
      options,
    );
  }

  /**
   * Calls a server routine through the fast path, e.g.
   * `callFunction("function informix.ifx_lo_close(integer)", [fd])`: the routine is resolved
   * once per connection, then each call is one round trip. Returns the routine's values.
   */
  async callFunction(signature: string, args: readonly unknown[] = [], options: CallOptions = {}): Promise<unknown[]> {
    const site = captureCallSite(this.callFunction);
    let values: unknown[] = [];
    await this.#control(
      async (s) => {
        values = await callRoutine(s, this.#routines, signature, args);
      },
      site,
      options,
    );
    return values;
  }

  /**
   * The whole value of a BLOB (a `Uint8Array`) or CLOB (a `string`, decoded with the connection's
   * code set) from its locator: ifx_lo_open, SQ_LODATA reads until a short one, ifx_lo_close.
   */
  readLob(locator: BlobLocator, options?: CallOptions): Promise<Uint8Array>;
  readLob(locator: ClobLocator, options?: CallOptions): Promise<string>;
  readLob(locator: SmartLobLocator, options?: CallOptions): Promise<Uint8Array | string>;
  async readLob(locator: SmartLobLocator, options: CallOptions = {}): Promise<Uint8Array | string> {
    const site = captureCallSite(this.readLob);
    const lob = checkLocator(locator);
    let value: Uint8Array | string = "";
    await this.#control(
      async (s) => {
        value = await readWholeLob(s, this.#routines, lob);
      },
      site,
      options,
    );
    return value;
  }

  /**
   * A BLOB or CLOB value read chunk by chunk (`for await (const chunk of conn.openLob(loc))`); the
   * LO descriptor is opened on the first pull and closed at the end or when the loop stops early.
   * With `{ mode: "w" }` or `{ mode: "rw" }`: a {@link LobHandle} that writes (write, seek, size, close).
   */
  openLob(locator: SmartLobLocator, options?: OpenLobOptions & { readonly mode?: "r" }): LobReader;
  openLob(locator: SmartLobLocator, options: OpenLobOptions & { readonly mode: "w" | "rw" }): LobHandle;
  openLob(locator: SmartLobLocator, options: OpenLobOptions = {}): LobReader | LobHandle {
    const lob = checkLocator(locator);
    const chunkSize = chunkSizeOf(options);
    const run = this.#lobRunner(captureCallSite(this.openLob));
    if (options.mode === "w" || options.mode === "rw") return new LobHandle(run, this.#routines, lob, options.mode);
    return new LobReader(run, this.#routines, lob, chunkSize);
  }

  /**
   * A new, empty BLOB or CLOB open for reading and writing (ifx_lo_create): write it, close it,
   * then bind `handle.locator` to store it in a row.
   */
  createLob(lobType: "blob" | "clob", options: CallOptions = {}): Promise<LobHandle> {
    const site = captureCallSite(this.createLob);
    return LobHandle.create(this.#lobRunner(site, options), this.#lobRunner(site), this.#routines, lobType);
  }

  #lobRunner(site: { stack?: string }, options: CallOptions = {}) {
    return async <T>(fn: (s: Session) => Promise<T>): Promise<T> => {
      let out: T | undefined;
      await this.#control(
        async (s) => {
          out = await fn(s);
        },
        site,
        options,
      );
      return out as T;
    };
  }

  /** LOTOFILE(col, BLOB_PLACEHOLDER, 'client'): the value's bytes for the one row returned, or null (blob-columns.ts). */
  async readBlobColumn(
    sql: string,
    params: readonly unknown[] = [],
    options: CallOptions = {},
  ): Promise<Uint8Array | null> {
    const site = captureCallSite(this.readBlobColumn);
    try {
      return await BlobColumns.readBlobColumn(this, sql, params, options);
    } catch (error) {
      throw error instanceof DriverError ? withCallSite(error, site) : error;
    }
  }

  /** FILETOBLOB/FILETOCLOB(BLOB_PLACEHOLDER, 'client') with `data` as the client file (blob-columns.ts). */
  async writeBlobColumn(sql: string, options: BlobColumns.WriteBlobOptions): Promise<QueryResult> {
    const site = captureCallSite(this.writeBlobColumn);
    try {
      return await BlobColumns.writeBlobColumn(this, sql, options);
    } catch (error) {
      throw error instanceof DriverError ? withCallSite(error, site) : error;
    }
  }

  /** Runs `fn` in a transaction: commit when it resolves, rollback when it throws. */
  transaction<T>(fn: (tx: Transaction) => Promise<T>, options: CallOptions = {}): Promise<T> {
    return runTransaction(this, fn, options);
  }

  /** Savepoint messages 137 (set), 139 (rollback to), 138 (release). */
  savepointCommand(
    kind: "setsavepoint" | "rollbacksavepoint" | "releasesavepoint",
    name: string,
    site: { stack?: string },
  ): Promise<void> {
    return savepoint(this, kind, name, site);
  }

  /** SET ISOLATION TO … */
  async setIsolation(level: IsolationLevel, options: CallOptions = {}): Promise<void> {
    await this.query(isolationSql(level), [], options);
  }

  /** SET LOCK MODE TO WAIT [seconds] | NOT WAIT. `true` waits forever. */
  async setLockMode(wait: boolean | number, options: CallOptions = {}): Promise<void> {
    await this.query(lockModeSql(wait), [], options);
  }

  /** Closes the current database (if any) and opens `name` (SQ_DBOPEN). */
  /**
   * One round trip that proves the session answers (SQ_VERSION, what IBM JDBC's isValid()
   * sends): no statement, no transaction effect. Rejects when the server does not answer.
   */
  async ping(options: CallOptions = {}): Promise<void> {
    const site = captureCallSite(this.ping);
    try {
      await this.scheduler.run(async (s) => {
        const reply = await s.exchange([{ kind: "version" }], ["version"]);
        if (reply.error) throw new InformixError(reply.error);
      }, options);
    } catch (error) {
      throw withCallSite(error, site);
    }
  }

  async selectDatabase(name: string, options: CallOptions = {}): Promise<DatabaseInfo> {
    const site = captureCallSite(this.selectDatabase);
    if (!/^[A-Za-z_][A-Za-z0-9_$@:]*$/.test(name))
      throw new DriverError("INVALID_ARGUMENT", `bad database name "${name}"`);
    try {
      return await this.scheduler.run(async (s) => {
        for (const h of this.cache.clear()) await releaseStatement(s, h).catch(ignoreSqlError);
        if (this.#database !== undefined) {
          const reply = await s.exchange([{ kind: "dbclose" }]);
          if (reply.error) throw new InformixError(reply.error);
          this.#database = undefined;
          this.#inTransaction = false;
        }
        this.#database = await openDatabase(s, name);
        return this.#database;
      }, options);
    } catch (error) {
      throw withCallSite(error, site);
    }
  }

  /**
   * Sends SQ_EXIT after the queued calls and closes the socket. Idempotent. Settles within
   * `closeTimeout` ms: calls still running then are abandoned and the socket torn down.
   */
  close(): Promise<void> {
    if (this.#closing) return this.#closing;
    const session = this.#session;
    if (session === undefined || this.scheduler.state === "broken" || this.scheduler.state === "closed") {
      session?.transport.destroy();
      this.scheduler.closed();
      this.#closing = Promise.resolve();
      return this.#closing;
    }
    this.#closing = closeSession(this.scheduler, session, this.#config.closeTimeout);
    this.scheduler.closeRequested = true;
    return this.#closing;
  }

  /** `await using`: closes the connection, or gives it back to the pool that lent it. */
  async [Symbol.asyncDispose](): Promise<void> {
    if (this.poolReturn === undefined) await this.close();
    else await this.poolReturn?.();
  }
}
