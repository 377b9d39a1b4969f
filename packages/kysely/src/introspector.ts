// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Kysely's DatabaseIntrospector over the Informix system catalog: user tables and views are the
// systables rows with tabid >= 100 (tabtype 'T' or 'V'); columns come from syscolumns, whose
// coltype holds the type code in its low byte and NOT NULL as bit 0x100; defaults from sysdefaults.

import type {
  DatabaseIntrospector,
  DatabaseMetadata,
  DatabaseMetadataOptions,
  Kysely,
  SchemaMetadata,
  TableMetadata,
} from "kysely";
import { DEFAULT_MIGRATION_LOCK_TABLE, DEFAULT_MIGRATION_TABLE, sql } from "kysely";

/** The first tabid of a user table: 1–99 are the catalog's own. */
const FIRST_USER_TABID = 100;
/** syscolumns.coltype: the NOT NULL flag above the type code. */
const NOT_NULL = 0x100;

/** Informix type codes (syscolumns.coltype & 0xff) → type names. */
const TYPE_NAMES: Readonly<Record<number, string>> = {
  0: "char",
  1: "smallint",
  2: "integer",
  3: "float",
  4: "smallfloat",
  5: "decimal",
  6: "serial",
  7: "date",
  8: "money",
  9: "null",
  10: "datetime",
  11: "byte",
  12: "text",
  13: "varchar",
  14: "interval",
  15: "nchar",
  16: "nvarchar",
  17: "int8",
  18: "serial8",
  19: "set",
  20: "multiset",
  21: "list",
  22: "row",
  23: "collection",
  40: "lvarchar",
  41: "udt",
  43: "lvarchar",
  45: "boolean",
  52: "bigint",
  53: "bigserial",
};
const SERIALS = new Set([6, 18, 53]);

interface CatalogRow {
  tabid: number;
  tabname: string;
  tabtype: string;
  owner: string;
  colname: string | null;
  coltype: number | null;
  hasdefault: number | string | bigint | null;
}

/** Reads tables, views and columns from systables, syscolumns and sysdefaults. */
export class InformixIntrospector implements DatabaseIntrospector {
  // biome-ignore lint/suspicious/noExplicitAny: Kysely's own DatabaseIntrospector signature
  readonly #db: Kysely<any>;

  // biome-ignore lint/suspicious/noExplicitAny: Kysely's own DatabaseIntrospector signature
  constructor(db: Kysely<any>) {
    this.#db = db;
  }

  /** Informix has owners rather than schemas: one entry per owner of a user table. */
  async getSchemas(): Promise<SchemaMetadata[]> {
    const { rows } = await sql<{ owner: string }>`select distinct owner from systables where tabid >= ${sql.lit(
      FIRST_USER_TABID,
    )} order by owner`.execute(this.#db);
    return rows.map((r) => ({ name: r.owner.trimEnd() }));
  }

  async getTables(options: DatabaseMetadataOptions = { withInternalKyselyTables: false }): Promise<TableMetadata[]> {
    const { rows } = await sql<CatalogRow>`select t.tabid, t.tabname, t.tabtype, t.owner, c.colname, c.coltype, c.colno,
        (select count(*) from sysdefaults d where d.tabid = c.tabid and d.colno = c.colno) as hasdefault
      from systables t left outer join syscolumns c on c.tabid = t.tabid
      where t.tabid >= ${sql.lit(FIRST_USER_TABID)} and t.tabtype in ('T', 'V')
      order by t.tabname, c.colno`.execute(this.#db);
    const internal = new Set([DEFAULT_MIGRATION_TABLE, DEFAULT_MIGRATION_LOCK_TABLE]);
    const tables = new Map<number, TableMetadata>();
    for (const row of rows) {
      if (!options.withInternalKyselyTables && internal.has(row.tabname)) continue;
      let table = tables.get(row.tabid);
      if (table === undefined) {
        table = { name: row.tabname, schema: row.owner.trimEnd(), isView: row.tabtype === "V", columns: [] };
        tables.set(row.tabid, table);
      }
      if (row.colname === null || row.coltype === null) continue;
      const code = row.coltype & 0xff;
      table.columns.push({
        name: row.colname,
        dataType: TYPE_NAMES[code] ?? `type ${code}`,
        isNullable: (row.coltype & NOT_NULL) === 0,
        isAutoIncrementing: SERIALS.has(code),
        hasDefaultValue: Number(row.hasdefault) > 0 || SERIALS.has(code),
      });
    }
    return [...tables.values()];
  }

  async getMetadata(options?: DatabaseMetadataOptions): Promise<DatabaseMetadata> {
    return { tables: await this.getTables(options) };
  }
}
