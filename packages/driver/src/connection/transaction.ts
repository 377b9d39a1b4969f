// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The handle transaction(fn) passes to `fn`: the connection's statement methods plus
// savepoints (SQ_SQLISETSVPT 137, SQ_SQLIRBACKSVPT 139, SQ_SQLIRELSVPT 138).

import { captureCallSite, DriverError, InformixError, withCallSite } from "../errors.js";
import type { BatchResult, QueryResult } from "../result/result.js";
import type { BatchOptions } from "../statement/batch.js";
import type { QueryOptions } from "../statement/executor.js";
import type { PreparedStatement } from "../statement/prepared-statement.js";
import type { ScrollCursor } from "../statement/scroll-cursor.js";
import type { WriteBlobOptions } from "./blob-columns.js";
import type { CallOptions } from "./cancel.js";
import type { Connection } from "./connection.js";
import type { DatabaseInfo } from "./handshake.js";

/** -256 when the database has no transaction log (or none is open): begin/commit/rollback refuse. */
export function requireLogged(db: DatabaseInfo | undefined, what: string): void {
  if (db?.logged) return;
  throw new InformixError(
    { sqlcode: -256, parameter: db?.name ?? "" },
    {
      code: "NOT_SUPPORTED",
      message: `Transactions are not supported: ${db ? `database ${db.name} has no transaction log` : "no database is open"} (${what}).`,
    },
  );
}

/** Connection.transaction(): commit when `fn` resolves, rollback when it throws. */
export async function runTransaction<T>(
  conn: Connection,
  fn: (tx: Transaction) => Promise<T>,
  options: CallOptions,
): Promise<T> {
  await conn.begin(options);
  const tx = new Transaction(conn);
  let result: T;
  try {
    result = await fn(tx);
  } catch (error) {
    if (conn.inTransaction && conn.scheduler.refusal() === undefined) await conn.rollback().catch(() => undefined);
    throw error;
  } finally {
    tx.end();
  }
  await conn.commit(options);
  return result;
}

/** Savepoint messages 137 (set), 139 (rollback to), 138 (release). */
export async function savepoint(
  conn: Connection,
  kind: "setsavepoint" | "rollbacksavepoint" | "releasesavepoint",
  name: string,
  site: { stack?: string },
): Promise<void> {
  if (!/^[A-Za-z_][A-Za-z0-9_$]*$/.test(name))
    throw new DriverError("INVALID_ARGUMENT", `bad savepoint name "${name}"`);
  try {
    await conn.scheduler.run(async (s) => {
      if (!conn.inTransaction) throw new InformixError({ sqlcode: -255 }, { code: "INVALID_STATE" });
      const reply = await s.exchange([{ kind, name, unique: false }]);
      if (reply.error) throw new InformixError(reply.error);
    });
  } catch (error) {
    throw withCallSite(error, site);
  }
}

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

  scroll<R = Record<string, unknown>>(
    sql: string,
    params: readonly unknown[] = [],
    options: QueryOptions = {},
  ): Promise<ScrollCursor<R>> {
    return this.check().scroll<R>(sql, params, options);
  }

  executeMany(sql: string, rows: readonly (readonly unknown[])[], options: BatchOptions = {}): Promise<BatchResult> {
    return this.check().executeMany(sql, rows, options);
  }

  prepare(sql: string): Promise<PreparedStatement> {
    return this.check().prepare(sql);
  }

  /** {@link Connection.readBlobColumn} in the transaction. */
  readBlobColumn(sql: string, params: readonly unknown[] = []): Promise<Uint8Array | null> {
    return this.check().readBlobColumn(sql, params);
  }

  /** {@link Connection.writeBlobColumn} in the transaction. */
  writeBlobColumn(sql: string, options: WriteBlobOptions): Promise<QueryResult> {
    return this.check().writeBlobColumn(sql, options);
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
