// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Column descriptions for users, built from SQ_DESCRIBE fields: type name, nullability,
// precision/scale of DECIMAL/MONEY, qualifier text of DATETIME/INTERVAL, lengths.

import { type DescribeField, qualifierToText, typeCodes as T } from "@informix-db/protocol";

/** One result column. */
export interface ColumnInfo {
  readonly name: string;
  /** Informix type name: "INTEGER", "DECIMAL", "DATETIME", "BOOLEAN", … */
  readonly type: string;
  /** Base type code (low byte of the type word; 40/41 for opaque types). */
  readonly typeCode: number;
  readonly nullable: boolean;
  /** Declared length of character and binary types; undefined otherwise. */
  readonly length?: number;
  /** DECIMAL/MONEY precision; DATETIME/INTERVAL total digits. */
  readonly precision?: number;
  /** DECIMAL/MONEY scale (undefined for floating DECIMAL(p)). */
  readonly scale?: number;
  /** DATETIME/INTERVAL qualifier, e.g. "YEAR TO FRACTION(3)". */
  readonly qualifier?: string;
  /** Extended (opaque) type name, e.g. "lvarchar", "boolean". */
  readonly extendedName?: string;
}

const TYPE_NAMES: Readonly<Record<number, string>> = {
  [T.SQLCHAR]: "CHAR",
  [T.SQLSMINT]: "SMALLINT",
  [T.SQLINT]: "INTEGER",
  [T.SQLFLOAT]: "FLOAT",
  [T.SQLSMFLOAT]: "SMALLFLOAT",
  [T.SQLDECIMAL]: "DECIMAL",
  [T.SQLSERIAL]: "SERIAL",
  [T.SQLDATE]: "DATE",
  [T.SQLMONEY]: "MONEY",
  [T.SQLNULL]: "NULL",
  [T.SQLDTIME]: "DATETIME",
  [T.SQLBYTES]: "BYTE",
  [T.SQLTEXT]: "TEXT",
  [T.SQLVCHAR]: "VARCHAR",
  [T.SQLINTERVAL]: "INTERVAL",
  [T.SQLNCHAR]: "NCHAR",
  [T.SQLNVCHAR]: "NVARCHAR",
  [T.SQLINT8]: "INT8",
  [T.SQLSERIAL8]: "SERIAL8",
  [T.SQLSET]: "SET",
  [T.SQLMULTISET]: "MULTISET",
  [T.SQLLIST]: "LIST",
  [T.SQLROW]: "ROW",
  [T.SQLCOLLECTION]: "COLLECTION",
  [T.SQLLVARCHAR]: "LVARCHAR",
  [T.SQLBOOL]: "BOOLEAN",
  [T.SQLINFXBIGINT]: "BIGINT",
  [T.SQLBIGSERIAL]: "BIGSERIAL",
};

const FLOATING_SCALE = 0xff;
const CHARACTER_TYPES = new Set([T.SQLCHAR, T.SQLVCHAR, T.SQLNCHAR, T.SQLNVCHAR, T.SQLLVARCHAR]);

/** The Informix type name of a described column. */
export function typeName(
  field: Pick<DescribeField, "type" | "extendedId" | "extendedName"> & { readonly sourceType?: number },
): string {
  const base = field.type & T.SQLTYPE_MASK;
  if (base === T.SQLUDTVAR || base === T.SQLUDTFIXED) {
    // A DISTINCT type of an opaque source is named by its source (source type = its extended id).
    const source = (field.type & T.SQLDISTINCT) !== 0 ? field.sourceType : undefined;
    if (source === T.XID_BOOLEAN) return "BOOLEAN";
    if (source === T.XID_LVARCHAR) return "LVARCHAR";
    if (field.extendedId === T.XID_BOOLEAN) return "BOOLEAN";
    if (field.extendedId === T.XID_LVARCHAR) return "LVARCHAR";
    if (field.extendedId === T.XID_BLOB) return "BLOB";
    if (field.extendedId === T.XID_CLOB) return "CLOB";
    const name = field.extendedName.replace(/^.*\./, "").toUpperCase();
    return name === "" ? (base === T.SQLUDTVAR ? "UDTVAR" : "UDTFIXED") : name;
  }
  return TYPE_NAMES[base] ?? `TYPE${base}`;
}

export function describeColumn(field: DescribeField): ColumnInfo {
  const base = field.type & T.SQLTYPE_MASK;
  const info: {
    name: string;
    type: string;
    typeCode: number;
    nullable: boolean;
    length?: number;
    precision?: number;
    scale?: number;
    qualifier?: string;
    extendedName?: string;
  } = {
    name: field.name,
    type: typeName(field),
    typeCode: base,
    nullable: (field.type & T.SQLNONULL) === 0,
  };
  const len = field.encodedLength;
  if (base === T.SQLDECIMAL || base === T.SQLMONEY) {
    info.precision = (len >> 8) & 0xff;
    if ((len & 0xff) !== FLOATING_SCALE) info.scale = len & 0xff;
  } else if (base === T.SQLDTIME || base === T.SQLINTERVAL) {
    info.precision = (len >> 8) & 0xff;
    try {
      info.qualifier = qualifierToText(len, base === T.SQLDTIME ? "datetime" : "interval");
    } catch {
      // An undecodable qualifier is left out; the value codec reports it if a row uses it.
    }
  } else if (CHARACTER_TYPES.has(base) || base === T.SQLBYTES || base === T.SQLTEXT || info.type === "LVARCHAR") {
    // LVARCHAR is also described as an opaque type (UDTVAR, extended id XID_LVARCHAR).
    info.length = base === T.SQLVCHAR || base === T.SQLNVCHAR ? len & 0xff : len;
  }
  if (field.extendedName !== "") info.extendedName = field.extendedName;
  return info;
}
