// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The Informix type of each result column. A plain column reference (RowDescription
// names its table oid and attnum) gets the type declared in DDL, from the side catalog
// ifx.columns; an expression gets a type derived from its PostgreSQL type:
//   int2 SMALLINT · int4 INTEGER · int8 INT8 (so COUNT(*) is INT8) · float4 SMALLFLOAT ·
//   float8 FLOAT · numeric(p,s) DECIMAL(p,s), numeric DECIMAL(32) floating · bpchar(n)
//   CHAR(n), bpchar without a length LVARCHAR · varchar(n) VARCHAR(n) up to 255, else LVARCHAR(n) · text and unknown
//   LVARCHAR(2048) · date DATE · timestamp(n) DATETIME YEAR TO FRACTION(n) (n = 0:
//   YEAR TO SECOND; no typmod: FRACTION(5)) · time(n) HOUR TO SECOND/FRACTION(n) ·
//   interval INTERVAL DAY(9) TO FRACTION(5) · bool BOOLEAN · bytea BYTE.

import { encodeDatetime, encodeInterval } from "../sql/qualifier.js";
import * as codes from "../sql/type-codes.js";
import type { PgClient, PgField } from "./pg-client.js";
import type { EngineColumn } from "./types.js";

/** What DESCRIBE and the value converter need to know about a column. */
export interface ColumnType {
  readonly code: number;
  readonly encodedLength: number;
  readonly xid: number;
  readonly xname: string;
  /** A type that is or holds a named ROW/DISTINCT type: its definition, user types expanded (engine/user-types.ts). */
  readonly definition?: string;
}

export const PG = {
  BOOL: 16,
  BYTEA: 17,
  NAME: 19,
  INT8: 20,
  INT2: 21,
  INT4: 23,
  TEXT: 25,
  OID: 26,
  FLOAT4: 700,
  FLOAT8: 701,
  BPCHAR: 1042,
  VARCHAR: 1043,
  DATE: 1082,
  TIME: 1083,
  TIMESTAMP: 1114,
  TIMESTAMPTZ: 1184,
  INTERVAL: 1186,
  NUMERIC: 1700,
  JSON: 114,
  JSONB: 3802,
} as const;

const VARCHAR_MAX = 255;
/** INT8's length in DESCRIBE and syscolumns. */
const INT8_LENGTH = 10;
const DEFAULT_LVARCHAR = 2048;

function t(code: number, encodedLength: number, xid = 0, xname = ""): ColumnType {
  return { code, encodedLength, xid, xname };
}

function lvarchar(n: number): ColumnType {
  return t(codes.SQLLVARCHAR, n, codes.XID_LVARCHAR, "lvarchar");
}

/** The Informix type of a PostgreSQL value type (see the table above). */
export function informixTypeOf(oid: number, typmod: number): ColumnType {
  switch (oid) {
    case PG.INT2:
      return t(codes.SQLSMINT, 2);
    case PG.INT4:
    case PG.OID:
      return t(codes.SQLINT, 4);
    case PG.INT8:
      return t(codes.SQLINT8, INT8_LENGTH);
    case PG.FLOAT4:
      return t(codes.SQLSMFLOAT, 4);
    case PG.FLOAT8:
      return t(codes.SQLFLOAT, 8);
    case PG.NUMERIC: {
      if (typmod < 4) return t(codes.SQLDECIMAL, (32 << 8) | 255);
      const m = typmod - 4;
      return t(codes.SQLDECIMAL, (((m >> 16) & 0xff) << 8) | (m & 0xffff));
    }
    case PG.BPCHAR:
      // bpchar without a length (a UNION or CASE of CHARs of different lengths) has any length.
      return typmod > 4 ? t(codes.SQLCHAR, typmod - 4) : lvarchar(DEFAULT_LVARCHAR);
    case PG.VARCHAR:
      if (typmod > 4 && typmod - 4 <= VARCHAR_MAX) return t(codes.SQLVCHAR, typmod - 4);
      return lvarchar(typmod > 4 ? typmod - 4 : DEFAULT_LVARCHAR);
    case PG.NAME:
      return t(codes.SQLVCHAR, 128);
    case PG.DATE:
      return t(codes.SQLDATE, 4);
    case PG.TIMESTAMP:
    case PG.TIMESTAMPTZ: {
      const n = typmod < 0 ? 5 : Math.min(typmod, 5);
      return t(codes.SQLDTIME, encodeDatetime({ start: 0, end: n === 0 ? 10 : 10 + n, lead: 4 }));
    }
    case PG.TIME: {
      const n = typmod < 0 ? 5 : Math.min(typmod, 5);
      return t(codes.SQLDTIME, encodeDatetime({ start: 6, end: n === 0 ? 10 : 10 + n, lead: 2 }));
    }
    case PG.INTERVAL:
      return t(codes.SQLINTERVAL, encodeInterval({ start: 4, end: 15, lead: 9 }));
    case PG.BOOL:
      return t(codes.SQLBOOL, 1, codes.XID_BOOLEAN, "boolean");
    case PG.BYTEA:
      return t(codes.SQLBYTES, 56);
    case PG.JSON:
      return t(codes.SQLUDTVAR, DEFAULT_LVARCHAR, 0, "json");
    case PG.JSONB:
      return t(codes.SQLUDTVAR, 4096, 0, "bson");
    default:
      return lvarchar(DEFAULT_LVARCHAR);
  }
}

interface TableColumns {
  readonly relname: string;
  readonly byAttnum: Map<number, { type: ColumnType; notNull: boolean; name: string }>;
}

/** A relation a name resolved to. */
export interface ResolvedRelation {
  readonly oid: number;
  readonly relname: string;
}

/**
 * Cache of declared column types per table oid, and of table names resolved on a search path,
 * so that a PREPARE asks PostgreSQL's catalog nothing it asked before; dropped after every DDL
 * statement and every rollback.
 */
export class DeclaredTypes {
  private readonly tables = new Map<number, TableColumns>();
  /** `search_path NUL name` → the relation (names that resolved to nothing are not kept). */
  private readonly relations = new Map<string, ResolvedRelation>();

  invalidate(): void {
    this.tables.clear();
    this.relations.clear();
  }

  /**
   * The relations that `names` (PostgreSQL names, resolved on the connection's search_path)
   * denote; names of no relation are left out. One catalog query for the names not cached.
   */
  async resolve(pg: PgClient, names: readonly string[]): Promise<ResolvedRelation[]> {
    const key = (name: string): string => `${pg.searchPath ?? ""}\0${name}`;
    const missing = [...new Set(names.filter((n) => !this.relations.has(key(n))))];
    if (missing.length > 0) {
      const values = missing.map((_, i) => `($${i + 1}::text)`).join(", ");
      const rows = await pg.rows(
        `SELECT v.n, CAST(c.oid AS integer), c.relname FROM (VALUES ${values}) AS v(n)
         JOIN pg_class c ON c.oid = to_regclass(v.n)`,
        missing,
      );
      // Only a known search path makes a key that another session cannot mistake.
      for (const r of rows) {
        if (pg.searchPath !== null) this.relations.set(key(r[0]!), { oid: Number(r[1]), relname: r[2] ?? "" });
      }
      if (pg.searchPath === null) {
        return rows.map((r) => ({ oid: Number(r[1]), relname: r[2] ?? "" }));
      }
    }
    const out = new Map<number, ResolvedRelation>();
    for (const n of names) {
      const r = this.relations.get(key(n));
      if (r) out.set(r.oid, r);
    }
    return [...out.values()];
  }

  /** `pg` is the asking session's connection: a table its open transaction created is visible only there. */
  async table(pg: PgClient, oid: number): Promise<TableColumns> {
    const cached = this.tables.get(oid);
    if (cached) return cached;
    const rows = await pg.rows(
      `SELECT a.attnum, a.attnotnull, c.relname, sc.coltype, sc.collength, sc.xid, sc.xname, a.atttypid, a.atttypmod, a.attname, sc.xdef
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
       LEFT JOIN ifx.columns sc ON sc.reloid = a.attrelid AND sc.attnum = a.attnum
       WHERE a.attrelid = $1 AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
      [String(oid)],
    );
    const byAttnum = new Map<number, { type: ColumnType; notNull: boolean; name: string }>();
    let relname = "";
    for (const r of rows) {
      relname = r[2]!;
      const declared = r[3] !== null ? t(Number(r[3]), Number(r[4]), Number(r[5]), r[6]!) : undefined;
      const type = declared
        ? r[10]
          ? { ...declared, definition: r[10] }
          : declared
        : informixTypeOf(Number(r[7]), Number(r[8]));
      byAttnum.set(Number(r[0]), { type, notNull: r[1] === "t", name: r[9]! });
    }
    const entry = { relname, byAttnum };
    this.tables.set(oid, entry);
    return entry;
  }

  /** DESCRIBE column of one RowDescription field. */
  async column(pg: PgClient, field: PgField): Promise<{ column: EngineColumn; type: ColumnType }> {
    if (field.tableID !== 0) {
      const table = await this.table(pg, field.tableID);
      const c = table.byAttnum.get(field.columnID);
      if (c) return { column: engineColumn(field.name, c.type, c.notNull, table.relname), type: c.type };
    }
    const type = informixTypeOf(field.dataTypeID, field.dataTypeModifier);
    return { column: engineColumn(field.name, type, false, undefined), type };
  }
}

/**
 * The type code DESCRIBE reports. The catalogue keeps LVARCHAR as 43 and BOOLEAN as
 * 45 (syscolumns.coltype), but IDS describes result columns of those types as the
 * built-in opaque types they are: UDTVAR (40) "lvarchar" and UDTFIXED (41) "boolean".
 */
function describedCode(code: number): number {
  const base = code & codes.SQLTYPE_MASK;
  const flags = code & ~codes.SQLTYPE_MASK;
  if (base === codes.SQLLVARCHAR) return codes.SQLUDTVAR | flags;
  if (base === codes.SQLBOOL) return codes.SQLUDTFIXED | flags;
  return code;
}

/** The extended id of a DISTINCT type's source: LVARCHAR and BOOLEAN are opaque types, others built in. */
function sourceXid(code: number): number {
  const base = code & codes.SQLTYPE_MASK;
  if (base === codes.SQLLVARCHAR) return codes.XID_LVARCHAR;
  if (base === codes.SQLBOOL) return codes.XID_BOOLEAN;
  return 0;
}

export function engineColumn(
  name: string,
  type: ColumnType,
  notNull: boolean,
  table: string | undefined,
): EngineColumn {
  return {
    name,
    type: describedCode(type.code) | (notNull ? codes.SQLNONULL : 0),
    encodedLength: type.encodedLength,
    extendedId: type.xid,
    extendedOwner: type.xid !== 0 ? "informix" : "",
    extendedName: type.xname,
    // A DISTINCT type's source as IBM JDBC reads SQ_DESCRIBE's source type field: the source's extended id
    // (1 LVARCHAR, 5 BOOLEAN), 0 for a built-in source (docs/protocol/composite-types.md).
    ...((type.code & codes.SQLDISTINCT) !== 0 ? { sourceType: sourceXid(type.code) } : {}),
    ...((type.code & 0xff) === codes.SQLROW && type.definition !== undefined ? { definition: type.definition } : {}),
    ...(table !== undefined ? { tableName: table } : {}),
  };
}
