// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The emulator playing a read-only secondary of a cluster (an HDR, RS or SD secondary with
// UPDATABLE_SECONDARY 0): reads are served, writes fail as IDS fails them there, and a
// DATABASE open says so in the DONE warnings (sqlwarn6). A decorator over any engine, so
// both engines and every statement path get the same rule. docs/production.md has the
// sources and what is inferred.

import { typeCodes as codes } from "@informix-db/protocol";
import { ISAM, SQL } from "./error-codes.js";
import { InformixSqlError } from "./informix-sql-error.js";
import { rowWriteError } from "./row-errors.js";
import type {
  DatabaseInfo,
  Engine,
  EngineCursor,
  EngineSession,
  EngineStatement,
  EngineValue,
  ExecResult,
  SessionOptions,
} from "./types.js";

/**
 * Statements that write the database or its catalog. Temporary tables (CREATE TEMP TABLE,
 * SELECT … INTO TEMP) are not here: a secondary allows non-logging temp tables. Routines
 * run (EXECUTE PROCEDURE): a write inside one is not detected.
 */
const OTHER_WRITES = new Set<number>([
  codes.SQ_MERGE,
  codes.SQ_CREADB,
  codes.SQ_DROPDB,
  codes.SQ_STARTDB,
  codes.SQ_CRETAB,
  codes.SQ_DRPTAB,
  codes.SQ_CREIDX,
  codes.SQ_DRPIDX,
  codes.SQ_GRANT,
  codes.SQ_REVOKE,
  codes.SQ_RENTAB,
  codes.SQ_RENCOL,
  codes.SQ_ALTER,
  codes.SQ_UPDSTATS,
  codes.SQ_CREVIEW,
  codes.SQ_DROPVIEW,
  codes.SQ_CREASYN,
  codes.SQ_DROPSYN,
  codes.SQ_STRPROC,
  codes.SQ_DRPPROC,
  codes.SQ_CRETRIG,
  codes.SQ_DRPTRIG,
  codes.SQ_TRUNCATE,
  codes.SQ_CRESEQ,
  codes.SQ_DRPSEQ,
]);

function refuseWrite(statementType: number): void {
  const rowError = rowWriteError(statementType);
  if (rowError !== undefined) throw new InformixSqlError(rowError, ISAM.DR_SECONDARY);
  if (OTHER_WRITES.has(statementType)) throw new InformixSqlError(SQL.NOT_ON_SECONDARY, ISAM.DR_SECONDARY);
}

class ReadOnlySecondarySession implements EngineSession {
  constructor(private readonly inner: EngineSession) {}

  get database(): DatabaseInfo | null {
    const db = this.inner.database;
    return db === null ? null : { ...db, readOnlySecondary: true };
  }
  get inTransaction(): boolean {
    return this.inner.inTransaction;
  }
  get transactionLevel(): number {
    return this.inner.transactionLevel ?? (this.inner.inTransaction ? 1 : 0);
  }

  async openDatabase(name: string, exclusive: boolean): Promise<DatabaseInfo> {
    return { ...(await this.inner.openDatabase(name, exclusive)), readOnlySecondary: true };
  }
  closeDatabase(): Promise<void> {
    return this.inner.closeDatabase();
  }
  prepare(sql: string): Promise<EngineStatement> {
    return this.inner.prepare(sql);
  }
  execute(statement: EngineStatement, params: readonly EngineValue[]): Promise<ExecResult> {
    refuseWrite(statement.statementType);
    return this.inner.execute(statement, params);
  }
  openCursor(statement: EngineStatement, params: readonly EngineValue[]): Promise<EngineCursor> {
    return this.inner.openCursor(statement, params);
  }
  begin(): Promise<void> {
    return this.inner.begin();
  }
  commit(): Promise<void> {
    return this.inner.commit();
  }
  rollback(): Promise<void> {
    return this.inner.rollback();
  }
  savepoint(name: string, unique: boolean): Promise<void> {
    return this.inner.savepoint(name, unique);
  }
  rollbackToSavepoint(name: string): Promise<void> {
    return this.inner.rollbackToSavepoint(name);
  }
  releaseSavepoint(name: string): Promise<void> {
    return this.inner.releaseSavepoint(name);
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}

/** The same engine, every session of it a read-only secondary's. */
export function readOnlySecondary(engine: Engine): Engine {
  return {
    openSession: (user: string, options?: SessionOptions) =>
      new ReadOnlySecondarySession(engine.openSession(user, options)),
    listDatabases: () => engine.listDatabases(),
    close: () => engine.close(),
  };
}
