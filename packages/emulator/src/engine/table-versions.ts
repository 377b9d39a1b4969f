// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Schema versions of tables, for IDS's -710 ("Table %s has been dropped, altered, or
// renamed"): ALTER/DROP/RENAME bump the version of the table (keyed by its PostgreSQL
// oid, shared by every session of the engine); a prepared query or DML statement keeps
// the versions of the tables it referenced at PREPARE and fails with -710 at its next
// execution or OPEN when one of them changed. Re-preparing records the new versions.

import type { ResolvedRelation } from "./declared-types.js";
import { SQL } from "./error-codes.js";
import { InformixSqlError } from "./informix-sql-error.js";
import type { PgClient } from "./pg-client.js";

/** A table a prepared statement depends on, with its version at PREPARE. */
export interface TableDependency {
  readonly oid: number;
  /** The table name IDS reports as the -710 parameter. */
  readonly name: string;
  readonly version: number;
}

export class TableVersions {
  private readonly versions = new Map<number, number>();
  private next = 1;

  version(oid: number): number {
    return this.versions.get(oid) ?? 0;
  }

  bump(oid: number): void {
    this.versions.set(oid, this.next++);
  }

  /** The current versions of the tables a statement names (as DeclaredTypes.resolve found them). */
  dependencies(relations: readonly ResolvedRelation[]): TableDependency[] {
    return relations.map(({ oid, relname }) => ({ oid, name: relname, version: this.version(oid) }));
  }

  /** Throws -710 when a table changed since the statement was prepared. */
  check(dependencies: readonly TableDependency[]): void {
    for (const d of dependencies) {
      if (this.version(d.oid) !== d.version) throw new InformixSqlError(SQL.TABLE_CHANGED, 0, d.name);
    }
  }

  /** The oid of a table about to be altered, or 0. */
  static async oidOf(pg: PgClient, name: string): Promise<number> {
    const rows = await pg.rows("SELECT CAST(CAST(to_regclass($1) AS oid) AS integer)", [name]);
    return Number(rows[0]?.[0] ?? 0);
  }
}
