// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// A tiny Engine for wire-level session tests: one table of fixed rows and a few
// statements, so the tests exercise the session's SQLI handling and nothing else.

import { typeCodes as T } from "@informix-db/protocol";
import { InformixSqlError } from "../../src/engine/informix-sql-error.js";
import type {
  DatabaseInfo,
  Engine,
  EngineColumn,
  EngineCursor,
  EngineSession,
  EngineStatement,
  EngineValue,
} from "../../src/engine/types.js";

const column = (name: string, type: number, encodedLength: number): EngineColumn => ({
  name,
  type,
  encodedLength,
  extendedId: 0,
  extendedOwner: "",
  extendedName: "",
});

export const ROWS: EngineValue[][] = Array.from({ length: 50 }, (_, i) => [
  i + 1,
  `name ${i + 1}`,
  "12.50",
  "2024-02-29",
]);
export const COLUMNS = [
  column("id", T.SQLINT | T.SQLNONULL, 4),
  column("name", T.SQLVCHAR, 20),
  column("price", T.SQLDECIMAL, (8 << 8) | 2),
  column("born", T.SQLDATE, 4),
];

const DATABASES: Record<string, DatabaseInfo> = {
  plain: { name: "plain", logged: false, buffered: false, ansi: false },
  logged: { name: "logged", logged: true, buffered: false, ansi: false },
  ansi: { name: "ansi", logged: true, buffered: false, ansi: true },
};

class MemorySession implements EngineSession {
  database: DatabaseInfo | null = null;
  inTransaction = false;

  async openDatabase(name: string): Promise<DatabaseInfo> {
    const db = DATABASES[name];
    if (!db) throw new InformixSqlError(-329, -111, name);
    this.database = db;
    return db;
  }
  async closeDatabase(): Promise<void> {
    this.database = null;
  }
  async prepare(sql: string): Promise<EngineStatement> {
    const text = sql.trim().toLowerCase();
    if (text.startsWith("select * from t")) {
      const paramCount = text.split("?").length - 1;
      const params = Array.from({ length: paramCount }, () => COLUMNS[0]!);
      return { statementType: T.SQ_SELECT, isQuery: true, columns: COLUMNS, paramCount, params };
    }
    if (text.startsWith("insert")) {
      return { statementType: T.SQ_INSERT, isQuery: false, columns: [], paramCount: 0, params: [] };
    }
    if (text.startsWith("select")) throw new InformixSqlError(-206, -111, "nosuch", 15);
    throw new InformixSqlError(-201, 0, "", 1);
  }
  async execute(): Promise<{ rowCount: number; serial: number; serial8: bigint; bigserial: bigint }> {
    return { rowCount: 1, serial: 7, serial8: 0n, bigserial: 0n };
  }
  async openCursor(_s: EngineStatement, params: readonly EngineValue[]): Promise<EngineCursor> {
    const limit = typeof params[0] === "number" ? params[0] : ROWS.length;
    let at = 0;
    return {
      fetch: async (max) => {
        const rows = ROWS.slice(at, Math.min(limit, at + max));
        at += rows.length;
        return rows;
      },
      close: async () => undefined,
    };
  }
  async begin(): Promise<void> {
    if (!this.database?.logged) throw new InformixSqlError(-256);
    this.inTransaction = true;
  }
  async commit(): Promise<void> {
    this.inTransaction = false;
  }
  async rollback(): Promise<void> {
    this.inTransaction = false;
  }
  async savepoint(): Promise<void> {}
  async rollbackToSavepoint(): Promise<void> {}
  async releaseSavepoint(): Promise<void> {}
  async close(): Promise<void> {}
}

export const memoryEngine: Engine = {
  openSession: () => new MemorySession(),
  listDatabases: async () => Object.keys(DATABASES),
  close: async () => undefined,
};
