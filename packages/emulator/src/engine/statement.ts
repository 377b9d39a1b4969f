// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// A prepared statement and a cursor over materialised rows, for queries that do not
// stream (EXECUTE FUNCTION, SELECT ... FOR UPDATE; plain SELECTs use streaming-cursor.ts):
// their rows are read in full when the cursor opens; fetch() hands them out in pages and
// converts each page to EngineValues only then.

import type { Plan } from "../sql/plan.js";
import { SQ_INSERT } from "../sql/type-codes.js";
import { type ColumnType, engineColumn, informixTypeOf } from "./declared-types.js";
import type { TableDependency } from "./table-versions.js";
import type { EngineColumn, EngineCursor, EngineStatement, EngineValue } from "./types.js";
import { toEngineValue } from "./values.js";

/**
 * A PostgreSQL prepared statement kept for an Informix statement that runs again
 * (statement-runner.ts runSql): its name, and whether the connection has it now.
 */
export interface NamedStatement {
  readonly name: string;
  /** Parsed on the connection; false before the first run and after a failed one. */
  parsed: boolean;
  /** A failed run may have left it half made: Close it before the next Parse. */
  stale: boolean;
}

/** The named PostgreSQL statements of one session's Informix statements (statement-runner.ts runSql). */
export class NamedStatements {
  private readonly names = new Set<string>();
  private count = 0;

  constructor(
    /** Name prefix unique to the session (PGlite's connection is shared). */
    private readonly prefix: string,
    private readonly pg: { dropStatement(name: string): void },
  ) {}

  /** The named statement of `stmt` from its second run on (a statement run once is not worth keeping). */
  of(stmt: PreparedStatement): NamedStatement | undefined {
    if (stmt.named !== undefined) return stmt.named;
    if (++stmt.runs < 2) return undefined;
    stmt.named = { name: `${this.prefix}${++this.count}`, parsed: false, stale: false };
    this.names.add(stmt.named.name);
    return stmt.named;
  }

  /** The client released the statement: its named statement is closed with the next request. */
  release(statement: EngineStatement): void {
    if (!(statement instanceof PreparedStatement) || statement.named === undefined) return;
    this.names.delete(statement.named.name);
    this.pg.dropStatement(statement.named.name);
    statement.named = undefined;
  }

  /** The session ends: a connection that outlives it (PGlite's) closes them with its next request. */
  dropAll(): void {
    for (const name of this.names) this.pg.dropStatement(name);
    this.names.clear();
  }
}

export class PreparedStatement implements EngineStatement {
  /** Times its SQL has run; the second run makes it a named PostgreSQL statement. */
  runs = 0;
  named: NamedStatement | undefined;

  constructor(
    readonly source: string,
    readonly plan: Plan,
    readonly columns: readonly EngineColumn[],
    /** Types of the result columns (queries) for value conversion. */
    readonly columnTypes: readonly ColumnType[],
    /** PostgreSQL's inferred parameter types. */
    readonly paramTypes: readonly number[],
    /** SQL actually sent (with RETURNING for SERIAL columns). */
    readonly sql: string,
    /** Type codes of the SERIAL columns an INSERT returns. */
    readonly serialCodes: readonly number[],
    /** Tables referenced, with their schema versions at PREPARE (checked for -710). */
    readonly dependencies: readonly TableDependency[] = [],
  ) {}

  get statementType(): number {
    return this.plan.statementType;
  }

  get isQuery(): boolean {
    return this.plan.isQuery;
  }

  get forUpdate(): boolean {
    return this.plan.kind === "sql" && this.plan.forUpdate === true;
  }

  get currentOf(): { readonly cursor: string; readonly table: string } | undefined {
    return this.plan.kind === "sql" ? this.plan.currentOf : undefined;
  }

  get paramCount(): number {
    return this.plan.kind === "sql" ? this.plan.paramCount : 0;
  }

  /**
   * Placeholder types. An INSERT with one placeholder per target column takes the
   * declared column types (what IDS reports); anything else takes PostgreSQL's
   * inferred parameter types.
   */
  get params(): readonly EngineColumn[] {
    const n = this.paramCount;
    if (this.plan.statementType === SQ_INSERT && this.columns.length === n) return this.columns;
    // An UPDATE's `col = ?` takes the column's declared type (a BLOB/CLOB is not bytea's BYTE).
    const targets = this.plan.kind === "sql" ? this.plan.target?.params : undefined;
    return Array.from({ length: n }, (_, i) => {
      const name = targets?.[i];
      const column = name ? this.columns.find((c) => c.name === name.toLowerCase()) : undefined;
      return column ?? engineColumn(`p${i + 1}`, informixTypeOf(this.paramTypes[i] ?? 0, -1), false, undefined);
    });
  }
}

export class MaterialisedCursor implements EngineCursor {
  private next = 0;
  private closed = false;

  constructor(
    private readonly rows: (string | null)[][],
    private readonly types: readonly ColumnType[],
  ) {}

  async fetch(maxRows: number): Promise<EngineValue[][]> {
    if (this.closed) return [];
    const page = this.rows.slice(this.next, this.next + Math.max(1, maxRows));
    this.next += page.length;
    return page.map((row) => row.map((v, i) => toEngineValue(v, this.types[i]!)));
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}
