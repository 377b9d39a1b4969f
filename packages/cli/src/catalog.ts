// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The REPL's listing commands, as queries on the Informix system catalogue: \l databases
// (sysmaster:sysdatabases), \d tables and views of the current database (systables, user
// objects have tabid >= 100), \d NAME its columns (syscolumns; coltype's low byte is the type,
// 256 set means NOT NULL).

export interface ListingQuery {
  readonly sql: string;
  readonly params: readonly unknown[];
}

export function listDatabases(): ListingQuery {
  return { sql: "SELECT name FROM sysmaster:sysdatabases ORDER BY name", params: [] };
}

export function listTables(): ListingQuery {
  return {
    sql:
      "SELECT tabname AS name, CASE tabtype WHEN 'V' THEN 'view' WHEN 'S' THEN 'synonym' ELSE 'table' END AS kind, " +
      "owner FROM systables WHERE tabid >= 100 ORDER BY tabname",
    params: [],
  };
}

export function describeTable(name: string): ListingQuery {
  return {
    sql:
      "SELECT c.colno, c.colname AS name, c.coltype, c.collength FROM syscolumns c, systables t " +
      "WHERE c.tabid = t.tabid AND t.tabname = ? ORDER BY c.colno",
    params: [name.toLowerCase()],
  };
}

const TYPE_NAMES: Readonly<Record<number, string>> = {
  0: "CHAR",
  1: "SMALLINT",
  2: "INTEGER",
  3: "FLOAT",
  4: "SMALLFLOAT",
  5: "DECIMAL",
  6: "SERIAL",
  7: "DATE",
  8: "MONEY",
  10: "DATETIME",
  11: "BYTE",
  12: "TEXT",
  13: "VARCHAR",
  14: "INTERVAL",
  15: "NCHAR",
  16: "NVARCHAR",
  17: "INT8",
  18: "SERIAL8",
  40: "LVARCHAR",
  41: "BOOLEAN",
  43: "LVARCHAR",
  45: "BOOLEAN",
  52: "BIGINT",
  53: "BIGSERIAL",
};

/** The column's declared type as text, from syscolumns.coltype and collength. */
export function columnType(coltype: number, collength: number): string {
  const base = coltype & 0xff;
  const name = TYPE_NAMES[base] ?? `type ${base}`;
  let text = name;
  if (base === 0 || base === 15) text = `${name}(${collength})`;
  else if (base === 13 || base === 16) {
    const max = collength & 0xff;
    const min = collength >> 8;
    text = min > 0 ? `${name}(${max},${min})` : `${name}(${max})`;
  } else if (base === 5 || base === 8) {
    const p = collength >> 8;
    const s = collength & 0xff;
    text = s === 0xff ? `${name}(${p})` : `${name}(${p},${s})`;
  }
  return (coltype & 0x100) !== 0 ? `${text} NOT NULL` : text;
}
