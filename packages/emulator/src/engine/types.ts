// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The boundary between the wire side of the emulator (server/: sessions, SQLI messages)
// and the SQL engine (engine/: Informix semantics on PGlite). The wire side never sees
// PostgreSQL; the engine never sees bytes.
//
// Values cross this boundary in one plain form, EngineValue:
//   SMALLINT, INTEGER, SERIAL, SMALLFLOAT, FLOAT          number
//   INT8, SERIAL8, BIGINT, BIGSERIAL                      bigint
//   DECIMAL, MONEY                                        exact decimal string ("-123.45")
//   CHAR, NCHAR, VARCHAR, NVARCHAR, LVARCHAR              string (CHAR blank-padded to its length)
//   BOOLEAN                                               boolean
//   DATE                                                  "YYYY-MM-DD"
//   DATETIME q1 TO q2                                     Informix literal of exactly that qualifier,
//                                                         e.g. "2026-06-20 12:34:56.12345", "12:34"
//   INTERVAL q1 TO q2                                     Informix literal, e.g. "-3 03:27:01.12345", "-3-02"
//   BYTE, TEXT                                            Uint8Array (the wire side keeps the blob
//                                                         descriptor there: server/blobspace.ts)
//   NULL                                                  null

import type { Century, MoneyFormat } from "../sql/date-format.js";
import type { DateOrder } from "../sql/date-order.js";

/** One value crossing the wire/engine boundary (see the table above). */
export type EngineValue = null | number | bigint | string | boolean | Uint8Array;

/** An output (or DML target) column as DESCRIBE reports it. */
export interface EngineColumn {
  /** Column name or alias as the client sees it (lower case unless delimited). */
  readonly name: string;
  /** Type word: base type code | SQLNONULL when declared NOT NULL. */
  readonly type: number;
  /** Length, (p << 8) | s, or the DATETIME/INTERVAL qualifier, as declared. */
  readonly encodedLength: number;
  /** Extended type id and name for opaque types (BOOLEAN: 5 "boolean"; LVARCHAR: 1 "lvarchar"). */
  readonly extendedId: number;
  readonly extendedOwner: string;
  readonly extendedName: string;
  /** DISTINCT types: the source's extended id, 0 for a built-in source (SQ_DESCRIBE's source type field). */
  readonly sourceType?: number;
  /** A named ROW column: its definition with user types expanded (`ROW(name varchar(30), age integer)`). */
  readonly definition?: string;
  /** Table the column comes from, when it is a plain column reference. */
  readonly tableName?: string;
}

export interface DatabaseInfo {
  readonly name: string;
  /** Created WITH LOG, WITH BUFFERED LOG or WITH LOG MODE ANSI. */
  readonly logged: boolean;
  readonly buffered: boolean;
  readonly ansi: boolean;
  /**
   * DB_LOCALE the database was created with (e.g. "en_US.8859-1", "en_US.utf8"): its
   * character data travels in that code set. Absent means IDS's default, en_US.8859-1.
   */
  readonly locale?: string;
  /** The server plays a read-only secondary (engine/read-only-secondary.ts): sqlwarn6 at open. */
  readonly readOnlySecondary?: boolean;
}

/** What a session knows from the login environment. */
export interface SessionOptions {
  /** The client's DB_LOCALE: the locale of databases it creates (IDS's default when absent). */
  readonly dbLocale?: string;
  /** Order of day, month and year in date text (DBDATE / GL_DATE); MDY when absent, as IDS. */
  readonly dateOrder?: DateOrder;
  /** to_char template of DATE text written by the engine (DBDATE / GL_DATE); MDY4/ when absent. */
  readonly dateFormat?: string;
  /** DBCENTURY: how a two-digit year becomes four digits; R when absent. */
  readonly century?: Century;
  /** to_char template of whole-DATETIME text (GL_DATETIME); IDS's default when absent or "". */
  readonly datetimeFormat?: string;
  /** DBMONEY: MONEY and number text; '$' and '.' when absent. */
  readonly money?: MoneyFormat;
}

/** A prepared statement, as the engine understands it. */
export interface EngineStatement {
  /** SQ_DESCRIBE statement type (sqlstype.h code, e.g. 2 SELECT, 6 INSERT, 14 CREATE TABLE). */
  readonly statementType: number;
  /** True when executing it yields rows through a cursor (SELECT, EXECUTE FUNCTION). */
  readonly isQuery: boolean;
  /** Output columns of a query; target columns of an INSERT (all) or UPDATE (SET targets). */
  readonly columns: readonly EngineColumn[];
  /** Number of `?` / `:n` placeholders. */
  readonly paramCount: number;
  /** The type of each placeholder, in order, for SQ_IDESCRIBE ("describe input"). */
  readonly params: readonly EngineColumn[];
  /** A SELECT ... FOR UPDATE: IDS refuses to open it as a scroll cursor (-526). */
  readonly forUpdate?: boolean;
  /**
   * UPDATE/DELETE ... WHERE CURRENT OF: the cursor named and the table changed. Its EXECUTE
   * takes one parameter more than `paramCount`: the row identity of that cursor's current
   * row (PositionedRows.current).
   */
  readonly currentOf?: { readonly cursor: string; readonly table: string } | undefined;
}

/** The rows of a FOR UPDATE cursor on one table, addressable by UPDATE/DELETE ... WHERE CURRENT OF. */
export interface PositionedRows {
  /** The table the cursor reads, lowercased. */
  readonly table: string;
  /** The identity of the row fetched last; null before the first fetch, past the end, or after DELETE. */
  current(): string | null;
  /** After UPDATE (the row's new identity) or DELETE (null) WHERE CURRENT OF. */
  replace(rowId: string | null): void;
}

export interface ExecResult {
  /** Rows inserted, updated or deleted (0 for DDL). */
  readonly rowCount: number;
  /** SERIAL value generated by an INSERT, else 0. */
  readonly serial: number;
  /** SERIAL8 / BIGSERIAL values generated by an INSERT, else 0n. */
  readonly serial8: bigint;
  readonly bigserial: bigint;
  /** UPDATE ... WHERE CURRENT OF: the updated row's new identity. */
  readonly rowId?: string;
}

/** What EngineSession.executeMany did: one result per row applied, then the failing row's error. */
export interface BatchResult {
  readonly results: readonly ExecResult[];
  readonly error?: unknown;
}

export interface EngineCursor {
  /** Up to `maxRows` rows; an empty array means the cursor is exhausted. */
  fetch(maxRows: number): Promise<EngineValue[][]>;
  close(): Promise<void>;
  /** A FOR UPDATE cursor on one table: its current row, for WHERE CURRENT OF. */
  readonly positioned?: PositionedRows;
}

export interface EngineSession {
  /** The open database, or null. */
  readonly database: DatabaseInfo | null;
  /** True between BEGIN WORK (or an ANSI implicit start) and COMMIT/ROLLBACK. */
  readonly inTransaction: boolean;
  /**
   * Transaction nesting level for SQ_XACTSTAT: 1 while a transaction is open, else 0.
   * It changes on BEGIN WORK, COMMIT/ROLLBACK (statements and messages), the implicit
   * start of an ANSI transaction (the first statement, even one that fails) and
   * close(). The wire side reads it before and after each request and, in a logged
   * database, sends SQ_XACTSTAT (event, new level, old level) when it differs.
   * Optional so that other implementations of this interface stay valid; absent means
   * "derive it from inTransaction".
   */
  readonly transactionLevel?: number;

  /** SQ_DBOPEN / DATABASE x. Throws -329 for an unknown database. */
  openDatabase(name: string, exclusive: boolean): Promise<DatabaseInfo>;
  /** SQ_DBCLOSE / CLOSE DATABASE. */
  closeDatabase(): Promise<void>;

  /** Parses and checks a statement. Throws InformixSqlError (e.g. -201 with offset, -206, -217). */
  prepare(sql: string): Promise<EngineStatement>;
  /** Environment variables sent after login (SQ_INFO): the text formats they set from now on. */
  setTextFormats?(formats: Pick<SessionOptions, "datetimeFormat" | "money">): void;
  /** Runs a non-query statement. */
  execute(statement: EngineStatement, params: readonly EngineValue[]): Promise<ExecResult>;
  /**
   * Runs a non-query statement once per parameter set, in order, as that many execute()
   * calls would (the rows of a client's batch: server/batch-group.ts), possibly in fewer
   * engine requests. Stops at the first row that fails: `results` holds the rows applied
   * before it, `error` what execute() would have thrown for it. Optional: the wire side
   * calls execute() per row without it.
   */
  executeMany?(statement: EngineStatement, paramSets: readonly (readonly EngineValue[])[]): Promise<BatchResult>;
  /** Runs a query and returns its cursor. */
  openCursor(statement: EngineStatement, params: readonly EngineValue[]): Promise<EngineCursor>;
  /**
   * The client released the statement (SQ_RELEASE): what the engine keeps for it may go.
   * Optional: an engine that keeps nothing per statement need not have it.
   */
  release?(statement: EngineStatement): void;

  /** SQ_BEGIN / SQ_CMMTWORK / SQ_RBWORK and the savepoint messages; same rules as the SQL forms. */
  begin(): Promise<void>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  savepoint(name: string, unique: boolean): Promise<void>;
  rollbackToSavepoint(name: string): Promise<void>;
  releaseSavepoint(name: string): Promise<void>;

  /** Session end: rolls back an open transaction, drops temp tables, frees the engine. */
  close(): Promise<void>;
}

export interface Engine {
  /** A new session for a logged-in user. */
  openSession(user: string, options?: SessionOptions): EngineSession;
  /** Names of all databases (for SQ_DBLIST). */
  listDatabases(): Promise<string[]>;
  close(): Promise<void>;
}

export interface EngineOptions {
  /** Creates and fills the stores_demo database. */
  readonly demo?: boolean;
  /** Server name reported by DBINFO('dbservername'). */
  readonly serverName?: string;
  /** Host name reported by DBINFO('dbhostname'). */
  readonly hostName?: string;
  /**
   * PGlite only: how long a statement under SET LOCK MODE TO NOT WAIT waits for another
   * session's transaction (which holds the whole engine) before failing, in ms (default 2000).
   */
  readonly lockGraceMs?: number;
}
