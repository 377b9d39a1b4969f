// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Kysely's Driver and DatabaseConnection over an informix-db Pool: one pooled Connection per
// Kysely connection, `?` parameters bound server-side, the SERIAL an INSERT generated passed on
// as InsertResult.insertId, rows streamed one SQ_NFETCH batch at a time.

import type { Connection, IsolationLevel, Pool } from "informix-db";
import type {
  CompiledQuery,
  DatabaseConnection,
  Driver,
  IsolationLevel as KyselyIsolationLevel,
  QueryResult,
  TransactionSettings,
} from "kysely";

/** A pool, or a function that makes one on first use. */
export type PoolSource = Pool | (() => Pool | Promise<Pool>);

/** Kysely's isolation levels as IDS spells them (REPEATABLE READ is IDS's serializable level). */
const ISOLATION: Readonly<Record<KyselyIsolationLevel, IsolationLevel | undefined>> = {
  "read uncommitted": "DIRTY READ",
  "read committed": "COMMITTED READ",
  "repeatable read": "REPEATABLE READ",
  serializable: "REPEATABLE READ",
  snapshot: undefined,
};

/** One Kysely connection: a Connection borrowed from the pool until Kysely releases it. */
export class InformixConnection implements DatabaseConnection {
  /** The informix-db connection underneath, for what Kysely does not cover. */
  readonly connection: Connection;

  constructor(connection: Connection) {
    this.connection = connection;
  }

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.connection.query<R>(compiledQuery.sql, compiledQuery.parameters);
    const changes = result.command === "INSERT" || result.command === "UPDATE" || result.command === "DELETE";
    return {
      rows: result.rows,
      ...(changes ? { numAffectedRows: BigInt(result.rowCount) } : {}),
      ...(result.insertId !== undefined ? { insertId: BigInt(result.insertId) } : {}),
    };
  }

  async *streamQuery<R>(compiledQuery: CompiledQuery, chunkSize = 100): AsyncIterableIterator<QueryResult<R>> {
    if (!Number.isSafeInteger(chunkSize) || chunkSize < 1) throw new Error("chunkSize must be a positive integer");
    let rows: R[] = [];
    for await (const row of this.connection.stream<R>(compiledQuery.sql, compiledQuery.parameters, {
      fetchSize: chunkSize,
    })) {
      rows.push(row);
      if (rows.length >= chunkSize) {
        yield { rows };
        rows = [];
      }
    }
    if (rows.length > 0) yield { rows };
  }
}

/** Kysely's Driver for Informix. */
export class InformixDriver implements Driver {
  readonly #source: PoolSource;
  #pool: Pool | undefined;
  readonly #connections = new WeakMap<Connection, InformixConnection>();

  constructor(pool: PoolSource) {
    this.#source = pool;
  }

  async init(): Promise<void> {
    this.#pool = typeof this.#source === "function" ? await this.#source() : this.#source;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    if (this.#pool === undefined) throw new Error("the Informix dialect's driver was destroyed or never initialised");
    const conn = await this.#pool.acquire();
    let wrapper = this.#connections.get(conn);
    if (wrapper === undefined) {
      wrapper = new InformixConnection(conn);
      this.#connections.set(conn, wrapper);
    }
    return wrapper;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const conn = (connection as InformixConnection).connection;
    if (settings.accessMode !== undefined) {
      throw new Error(`Informix has no transaction access mode "${settings.accessMode}"`);
    }
    if (settings.isolationLevel !== undefined) {
      const level = ISOLATION[settings.isolationLevel];
      if (level === undefined) throw new Error(`Informix has no isolation level "${settings.isolationLevel}"`);
      await conn.setIsolation(level);
    }
    await conn.begin();
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as InformixConnection).connection.commit();
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as InformixConnection).connection.rollback();
  }

  async savepoint(connection: DatabaseConnection, savepointName: string): Promise<void> {
    await (connection as InformixConnection).connection.savepointCommand("setsavepoint", savepointName, {});
  }

  async rollbackToSavepoint(connection: DatabaseConnection, savepointName: string): Promise<void> {
    await (connection as InformixConnection).connection.savepointCommand("rollbacksavepoint", savepointName, {});
  }

  async releaseSavepoint(connection: DatabaseConnection, savepointName: string): Promise<void> {
    await (connection as InformixConnection).connection.savepointCommand("releasesavepoint", savepointName, {});
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    if (this.#pool === undefined) return;
    await this.#pool.release((connection as InformixConnection).connection);
  }

  /** Closes the pool (Kysely's `db.destroy()`). */
  async destroy(): Promise<void> {
    const pool = this.#pool;
    this.#pool = undefined;
    await pool?.close();
  }
}
