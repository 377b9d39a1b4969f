// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// A statement the user prepared explicitly. It owns its server statement (not the
// cache's); close() sends SQ_RELEASE. Concurrent use (a stream still open while query()
// runs) falls back to a temporary statement, since a statement has one cursor.

import { captureCallSite, DriverError, withCallSite } from "../errors.js";
import type { ColumnInfo } from "../result/columns.js";
import type { BatchResult, QueryResult } from "../result/result.js";
import { forgetAbandoned, watchAbandoned } from "./abandoned.js";
import { type BatchOptions, bindRows, runBatch } from "./batch.js";
import {
  type ConnectionCore,
  callOptions,
  ignoreSqlError,
  type QueryOptions,
  runQuery,
  type StatementSource,
  streamRows,
} from "./executor.js";
import { bindParameters } from "./parameters.js";
import { orderParameters, type PlaceholderPlan } from "./placeholders.js";
import { commandName, releaseStatement, type StatementHandle } from "./statement-ops.js";

export class PreparedStatement {
  readonly #core: ConnectionCore;
  readonly #plan: PlaceholderPlan;
  readonly #source: StatementSource;
  readonly #params: readonly ColumnInfo[];
  #closed = false;
  readonly #abandoned: object;

  /** @internal Use Connection.prepare(). */
  constructor(core: ConnectionCore, plan: PlaceholderPlan, handle: StatementHandle, params: readonly ColumnInfo[]) {
    this.#core = core;
    this.#plan = plan;
    this.#params = params;
    const source: StatementSource = { sql: plan.sql, paramCount: plan.count, useCache: false, own: handle };
    this.#source = source;
    // Dropped without close(): SQ_RELEASE before the connection's next exchange (issue 11).
    this.#abandoned = watchAbandoned(this, core.scheduler.cleanups, async (s) => {
      const h = source.own;
      if (h === undefined || h.released) return;
      if (h.busy) h.releaseWhenIdle = true;
      else await releaseStatement(s, h).catch(ignoreSqlError);
    });
  }

  /** SQL as sent to the server (`:n` rewritten to `?`). */
  get sql(): string {
    return this.#plan.sql;
  }

  /** Number of parameter markers. */
  get paramCount(): number {
    return this.#plan.count;
  }

  /**
   * The parameters' types as the server describes them (SQ_IDESCRIBE), one per `?` of
   * `sql`, in order, named "1", "2", …
   */
  get params(): readonly ColumnInfo[] {
    return this.#params;
  }

  /** Result columns (empty unless the statement returns rows). */
  get columns(): readonly ColumnInfo[] {
    return this.#source.own!.columns;
  }

  /** Statement kind from the server's description, e.g. "SELECT", "INSERT". */
  get command(): string {
    return commandName(this.#source.own!.statementType);
  }

  #binds(params: readonly unknown[]) {
    if (this.#closed) throw new DriverError("INVALID_STATE", "the prepared statement is closed");
    return bindParameters(
      orderParameters(this.#plan, params),
      this.#core.text(),
      this.#core.config.exposeParameterValues,
    );
  }

  async query<R = Record<string, unknown>>(
    params: readonly unknown[] = [],
    options: QueryOptions = {},
  ): Promise<QueryResult<R>> {
    const site = captureCallSite(this.query);
    try {
      const binds = this.#binds(params);
      return await this.#core.scheduler.run(
        (s) => runQuery<R>(this.#core, s, this.#source, binds, options),
        callOptions(options),
      );
    } catch (error) {
      throw withCallSite(error, site);
    }
  }

  stream<R = Record<string, unknown>>(
    params: readonly unknown[] = [],
    options: QueryOptions = {},
  ): AsyncGenerator<R, void, undefined> {
    return streamRows<R>(this.#core, this.#source, this.#binds(params), options);
  }

  /**
   * Runs the statement once per row, many rows per round trip (see Connection.executeMany):
   * each row's count and generated serial, or a rejection carrying `batchIndex`.
   */
  async executeMany(rows: readonly (readonly unknown[])[], options: BatchOptions = {}): Promise<BatchResult> {
    const site = captureCallSite(this.executeMany);
    try {
      if (this.#closed) throw new DriverError("INVALID_STATE", "the prepared statement is closed");
      const binds = bindRows(rows, this.#plan.count, (row) => this.#binds(row));
      return await this.#core.scheduler.run(
        (s) => runBatch(this.#core, s, this.#source, binds, options),
        callOptions(options),
      );
    } catch (error) {
      throw withCallSite(error, site);
    }
  }

  /** Releases the server statement (SQ_RELEASE). Idempotent. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    forgetAbandoned(this.#abandoned);
    const h = this.#source.own!;
    if (h.released || this.#core.scheduler.refusal() !== undefined) return;
    if (h.busy) {
      h.releaseWhenIdle = true;
      return;
    }
    await this.#core.scheduler.run((s) => releaseStatement(s, h).catch(ignoreSqlError));
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}
