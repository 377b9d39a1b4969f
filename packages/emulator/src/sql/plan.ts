// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// What the rewriter makes of one Informix statement: either PostgreSQL SQL to run, or
// a command the engine carries out itself (databases, transactions, lock mode).

import type { TablePlan } from "./rewrite-ddl.js";
import type { UserTypePlan } from "./rewrite-user-types.js";

export type LogMode = "none" | "log" | "buffered" | "ansi";

/**
 * How IDS types a select-list expression that PostgreSQL types differently: a DATETIME or
 * INTERVAL literal keeps its qualifier (PostgreSQL has only timestamp and interval).
 * Settled by informix-driver's own suite against IDS 15 (test_datetime, test_interval).
 */
export interface SelectType {
  readonly code: number;
  readonly encodedLength: number;
}

interface PlanBase {
  /** SQ_DESCRIBE statement type. */
  readonly statementType: number;
  readonly isQuery: boolean;
}

export interface SqlPlan extends PlanBase {
  readonly kind: "sql";
  readonly sql: string;
  readonly sourceOffset: (pgPosition: number) => number;
  readonly paramCount: number;
  /** Per column of the first select list: the IDS type of an expression PostgreSQL types otherwise. */
  readonly selectTypes?: readonly (SelectType | null)[];
  /** A SELECT ... FOR UPDATE [OF ...]. */
  readonly forUpdate?: boolean;
  /**
   * A FOR UPDATE query on one table: its SQL selects the row's ctid as a hidden last column
   * (sql/rewrite-current-of.ts), for UPDATE/DELETE ... WHERE CURRENT OF.
   */
  readonly rowIdentity?: {
    readonly table: string;
    /** The SQL without the ctid: a view or synonym has none (engine/row-identity.ts). */
    readonly plainSql: string;
  };
  /**
   * UPDATE/DELETE ... WHERE CURRENT OF cursor: the SQL takes the current row's ctid as one
   * more placeholder ($paramCount+1), bound at EXECUTE; an UPDATE returns the new ctid.
   */
  readonly currentOf?: { readonly cursor: string; readonly table: string };
  /** SQL to DESCRIBE when it differs from `sql` (the SELECT of an INTO TEMP). */
  readonly describeSql?: string;
  /** Uses DBINFO values of the previous statement: rewrite again before each execution. */
  readonly dynamic: boolean;
  /** Changes the schema: the engine drops its cached declared types afterwards. */
  readonly ddl: boolean;
  /**
   * INSERT/UPDATE target, for DESCRIBE and SERIAL handling. `params` (UPDATE): per placeholder,
   * the SET column it is the whole value of (`col = ?`), else null.
   */
  readonly target?: {
    readonly table: string;
    readonly columns: readonly string[] | null;
    readonly params?: readonly (string | null)[];
  };
  /** CREATE/ALTER TABLE: declared column types and SERIAL columns to set up. */
  readonly table?: TablePlan;
  /** CREATE ROW/DISTINCT TYPE: the type to record in the side catalog. */
  readonly userType?: UserTypePlan;
  /** SELECT ... INTO TEMP t: the temp table created (in the session's temp schema). */
  readonly intoTemp?: string;
  /** CREATE VIEW / CREATE SYNONYM: the object whose columns to record. */
  readonly view?: string;
  /** DROP TABLE / DROP VIEW: the catalog rows to remove. */
  readonly dropped?: string;
  /**
   * Tables (PostgreSQL text of their names) a query or DML statement references: their
   * schema versions are recorded at PREPARE and checked at execution (-710).
   */
  readonly tables?: readonly string[];
  /** ALTER/DROP/RENAME TABLE or VIEW, DROP SYNONYM, RENAME COLUMN: the table whose schema version it bumps. */
  readonly alters?: string;
}

/** SET ISOLATION / SET TRANSACTION ISOLATION LEVEL (sql/isolation.ts). */
export type IsolationLevel = "dirtyRead" | "committedRead" | "lastCommitted" | "cursorStability" | "repeatableRead";

export type CommandPlan = PlanBase &
  (
    | { readonly kind: "createDatabase"; readonly name: string; readonly log: LogMode }
    | { readonly kind: "database"; readonly name: string; readonly exclusive: boolean }
    | { readonly kind: "closeDatabase" }
    | { readonly kind: "dropDatabase"; readonly name: string }
    | { readonly kind: "begin" }
    | { readonly kind: "commit" }
    | { readonly kind: "rollback" }
    | { readonly kind: "savepoint"; readonly name: string; readonly unique: boolean }
    | { readonly kind: "rollbackToSavepoint"; readonly name: string }
    | { readonly kind: "releaseSavepoint"; readonly name: string }
    /** Seconds to wait for a lock: 0 NOT WAIT, -1 WAIT forever. */
    | { readonly kind: "lockMode"; readonly wait: number }
    | { readonly kind: "isolation"; readonly level: IsolationLevel }
    | { readonly kind: "noop" }
  );

export type Plan = SqlPlan | CommandPlan;
