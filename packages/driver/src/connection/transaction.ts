// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The handle transaction(fn) passes to `fn`: the connection's statement methods plus
// savepoints (SQ_SQLISETSVPT 137, SQ_SQLIRBACKSVPT 139, SQ_SQLIRELSVPT 138).

import { captureCallSite, DriverError } from "../errors.js";
import type { QueryResult } from "../result/result.js";
import type { QueryOptions } from "../statement/executor.js";
import type { PreparedStatement } from "../statement/prepared-statement.js";
import type { Connection } from "./connection.js";

export class Transaction {
  #active = true;

  constructor(private readonly connection: Connection) {}

  /** @internal Ends the handle when transaction(fn) settles. */
  end(): void {
    this.#active = false;
  }

  private check(): Connection {
    if (!this.#active) throw new DriverError("INVALID_STATE", "the transaction is over");
    return this.connection;
  }

  query<R = Record<string, unknown>>(
    sql: string,
    params: readonly unknown[] = [],
    options: QueryOptions = {},
  ): Promise<QueryResult<R>> {
    return this.check().query<R>(sql, params, options);
  }

  stream<R = Record<string, unknown>>(sql: string, params: readonly unknown[] = [], options: QueryOptions = {}) {
    return this.check().stream<R>(sql, params, options);
  }

  prepare(sql: string): Promise<PreparedStatement> {
    return this.check().prepare(sql);
  }

  /** SAVEPOINT name. */
  savepoint(name: string): Promise<void> {
    return this.check().savepointCommand("setsavepoint", name, captureCallSite(this.savepoint));
  }

  /** ROLLBACK TO SAVEPOINT name. */
  rollbackTo(name: string): Promise<void> {
    return this.check().savepointCommand("rollbacksavepoint", name, captureCallSite(this.rollbackTo));
  }

  /** RELEASE SAVEPOINT name. */
  release(name: string): Promise<void> {
    return this.check().savepointCommand("releasesavepoint", name, captureCallSite(this.release));
  }
}
