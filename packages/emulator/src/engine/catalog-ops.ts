// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Writes to the side catalog after DDL: which tables exist for systables (owner,
// creation date), the declared Informix type of each column, and the sequence plus
// trigger that give a SERIAL column its Informix semantics.

import { pgIdent, pgString } from "../sql/context.js";
import type { SerialKind } from "../sql/informix-types.js";
import { type ColumnType, type DeclaredTypes, informixTypeOf } from "./declared-types.js";
import type { PgClient } from "./pg-client.js";
import { PRUNE_USER_TYPES_SQL, resolveColumnType } from "./user-types.js";

async function relationOid(pg: PgClient, schema: string, table: string): Promise<number | null> {
  const rows = await pg.rows(
    "SELECT CAST(c.oid AS integer) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relname = $2",
    [schema, table],
  );
  return rows[0]?.[0] ? Number(rows[0][0]) : null;
}

/**
 * Records a table or view and its columns. `declared` gives types by column name (DDL)
 * or by position (INTO TEMP); other columns get the type their PostgreSQL type maps to,
 * or, for a view, the declared type of the column it selects.
 */
export async function registerTable(
  pg: PgClient,
  types: DeclaredTypes,
  schema: string,
  table: string,
  owner: string,
  declared: ReadonlyMap<string, ColumnType> | readonly ColumnType[],
): Promise<void> {
  const oid = await relationOid(pg, schema, table);
  if (oid === null) return;
  await pg.run("INSERT INTO ifx.tables VALUES ($1, $2, CURRENT_DATE) ON CONFLICT DO NOTHING", [String(oid), owner]);
  const attrs = await pg.rows(
    "SELECT attnum, attname, atttypid, atttypmod FROM pg_attribute WHERE attrelid = $1 AND attnum > 0 AND NOT attisdropped ORDER BY attnum",
    [String(oid)],
  );
  const kind = await pg.rows("SELECT relkind FROM pg_class WHERE oid = $1", [String(oid)]);
  const viewTypes: ColumnType[] = [];
  if (kind[0]?.[0] === "v") {
    // The view's own query names the base columns, so their declared types carry over.
    const def = await pg.rows("SELECT pg_get_viewdef(CAST($1 AS oid))", [String(oid)]);
    const desc = await pg.describe(def[0]?.[0] ?? `SELECT * FROM ${pgIdent(schema)}.${pgIdent(table)}`);
    for (const f of desc.fields) viewTypes.push((await types.column(pg, f)).type);
  }
  for (const [index, a] of attrs.entries()) {
    const explicit = Array.isArray(declared)
      ? (declared as readonly ColumnType[])[index]
      : (declared as ReadonlyMap<string, ColumnType>).get(a[1]!);
    const type = explicit
      ? await resolveColumnType(pg, schema, explicit)
      : (viewTypes[index] ?? informixTypeOf(Number(a[2]), Number(a[3])));
    const conflict = explicit
      ? "DO UPDATE SET coltype = EXCLUDED.coltype, collength = EXCLUDED.collength, xid = EXCLUDED.xid, xname = EXCLUDED.xname, xdef = EXCLUDED.xdef"
      : "DO NOTHING";
    await pg.run(
      `INSERT INTO ifx.columns VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (reloid, attnum) ${conflict}`,
      [
        String(oid),
        a[0]!,
        String(type.code),
        String(type.encodedLength),
        String(type.xid),
        type.xname,
        type.definition ?? null,
      ],
    );
  }
  types.invalidate();
}

/** Sequence + trigger for one SERIAL, SERIAL8 or BIGSERIAL column. */
export async function setupSerial(
  pg: PgClient,
  schema: string,
  table: string,
  column: string,
  serial: { readonly kind: SerialKind; readonly start: number },
): Promise<void> {
  const seq = `${pgIdent(schema)}.${pgIdent(`${table}_${column}_seq`)}`;
  const max = serial.kind === "serial" ? 2147483647 : "9223372036854775807";
  await pg.exec(
    `CREATE SEQUENCE ${seq} AS bigint START WITH ${serial.start} MINVALUE 1 MAXVALUE ${max} ` +
      `OWNED BY ${pgIdent(schema)}.${pgIdent(table)}.${pgIdent(column)};` +
      `CREATE TRIGGER ${pgIdent(`${table}_${column}_serial`)} BEFORE INSERT ON ${pgIdent(schema)}.${pgIdent(table)} ` +
      `FOR EACH ROW EXECUTE FUNCTION ifx.serial_fill(${pgString(column)}, ${pgString(seq)})`,
  );
}

/**
 * Keeps the Informix text of a CREATE VIEW or CREATE SYNONYM as its view's comment: sysviews
 * shows it, and it marks a synonym (catalog-objects-sql.ts).
 */
export async function recordViewText(pg: PgClient, schema: string, view: string, source: string): Promise<void> {
  const oid = await relationOid(pg, schema, view);
  if (oid === null) return;
  await pg.run(`COMMENT ON VIEW ${pgIdent(schema)}.${pgIdent(view)} IS ${pgString(source.trim())}`);
}

/** Removes side-catalog rows of dropped tables. */
export async function pruneCatalog(pg: PgClient): Promise<void> {
  await pg.exec(
    "DELETE FROM ifx.columns WHERE reloid NOT IN (SELECT oid FROM pg_class);" +
      "DELETE FROM ifx.tables WHERE reloid NOT IN (SELECT oid FROM pg_class);" +
      PRUNE_USER_TYPES_SQL,
  );
}
