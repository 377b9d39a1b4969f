// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Values between PostgreSQL text and EngineValue (the table in types.ts): DECIMAL and
// MONEY stay exact strings with the column's scale, 64-bit integers become bigint,
// DATETIME and INTERVAL become the Informix literal of exactly the declared qualifier.

import { datetimeParamToPg, intervalToPg, pgToDatetime, pgToInterval } from "../sql/datetime-values.js";
import { decodeQualifier } from "../sql/qualifier.js";
import * as codes from "../sql/type-codes.js";
import { jsonToBson } from "./bson-values.js";
import { compositeParamToPg, pgToCompositeText } from "./composite-values.js";
import type { ColumnType } from "./declared-types.js";
import { PG } from "./declared-types.js";
import type { EngineValue } from "./types.js";

function hexToBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** Numeric text (SMALLINT, INTEGER, SERIAL, FLOAT, SMALLFLOAT) → number; NULL stays null. */
const toNumber = (text: string | null): EngineValue => (text === null ? null : Number(text));
const asText = (text: string | null): EngineValue => text;

/**
 * The converter of one result column, chosen once per cursor: the row loop then makes one
 * call per value instead of a switch on the type code.
 */
export function engineValueConverter(type: ColumnType): (text: string | null) => EngineValue {
  switch (type.code & codes.SQLTYPE_MASK) {
    case codes.SQLSMINT:
    case codes.SQLINT:
    case codes.SQLSERIAL:
    case codes.SQLFLOAT:
    case codes.SQLSMFLOAT:
      return toNumber;
    case codes.SQLCHAR:
    case codes.SQLVCHAR:
    case codes.SQLNCHAR:
    case codes.SQLNVCHAR:
    case codes.SQLDECIMAL:
    case codes.SQLMONEY:
    case codes.SQLDATE:
      return asText;
    default:
      return (text) => toEngineValue(text, type);
  }
}

/**
 * Rows of text as EngineValues, converted in place (the arrays are the caller's to give up,
 * as rows read by pg-wire.ts are).
 */
export function toEngineRows(
  rows: (string | null)[][],
  converters: readonly ((text: string | null) => EngineValue)[],
): EngineValue[][] {
  const n = converters.length;
  for (const row of rows) {
    const values = row as EngineValue[];
    for (let i = 0; i < n; i++) values[i] = converters[i]!(row[i] as string | null);
  }
  return rows as EngineValue[][];
}

/** A PostgreSQL text value → the EngineValue of an Informix column type. */
export function toEngineValue(text: string | null, type: ColumnType): EngineValue {
  if (text === null) return null;
  switch (type.code & codes.SQLTYPE_MASK) {
    case codes.SQLSMINT:
    case codes.SQLINT:
    case codes.SQLSERIAL:
    case codes.SQLFLOAT:
    case codes.SQLSMFLOAT:
      return Number(text);
    case codes.SQLINT8:
    case codes.SQLSERIAL8:
    case codes.SQLINFXBIGINT:
    case codes.SQLBIGSERIAL:
      return BigInt(text);
    case codes.SQLBOOL:
      return text === "t" || text === "true";
    case codes.SQLDTIME:
      return pgToDatetime(text, decodeQualifier(type.encodedLength, false));
    case codes.SQLINTERVAL:
      return pgToInterval(text, decodeQualifier(type.encodedLength, true));
    case codes.SQLBYTES:
    case codes.SQLTEXT: // both hold the blob descriptor (server/blobspace.ts)
      return hexToBytes(text.startsWith("\\x") ? text.slice(2) : text);
    case codes.SQLSET:
    case codes.SQLMULTISET:
    case codes.SQLLIST:
    case codes.SQLROW:
      return pgToCompositeText(text, type.definition ?? type.xname);
    case codes.SQLUDTVAR:
      return type.xname === "bson" ? jsonToBson(text) : text;
    case codes.SQLUDTFIXED: // BLOB/CLOB hold the smart LOB's locator (server/sbspace.ts)
      return type.xid === codes.XID_BLOB || type.xid === codes.XID_CLOB
        ? hexToBytes(text.startsWith("\\x") ? text.slice(2) : text)
        : text;
    default:
      return text;
  }
}

function bytesToHex(bytes: Uint8Array): string {
  let s = "\\x";
  for (const b of bytes) s += b.toString(16).padStart(2, "0");
  return s;
}

/** An EngineValue → PostgreSQL text for a parameter whose type PostgreSQL inferred. */
export function toPgParam(value: EngineValue, pgType: number | undefined): string | null {
  if (value === null) return null;
  if (typeof value === "boolean") return value ? "t" : "f";
  if (value instanceof Uint8Array) return bytesToHex(value);
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  switch (pgType) {
    case PG.TIMESTAMP:
    case PG.TIMESTAMPTZ:
      return datetimeParamToPg(value, false);
    case PG.INTERVAL:
      return intervalParam(value);
    case PG.BOOL:
      return value === "t" || value === "1" || value.toLowerCase() === "true" ? "t" : "f";
    case PG.TEXT:
    case PG.VARCHAR:
    case PG.BPCHAR:
      return value;
    default:
      return compositeParamToPg(value);
  }
}

/** An Informix INTERVAL literal ("-3 03:27:01.5", "-3-02") as PostgreSQL interval text. */
function intervalParam(text: string): string {
  const t = text.trim();
  if (/^-?\d+-\d+$/.test(t)) return intervalToPg(t, { start: 0, end: 2, lead: 9 });
  const m = /^(-?)(\d+) (\d+):(\d+)(?::(\d+)(?:\.(\d+))?)?$/.exec(t);
  if (m) return intervalToPg(t, { start: 4, end: m[6] ? 10 + m[6].length : m[5] ? 10 : 8, lead: 9 });
  const hms = /^(-?)(\d+):(\d+)(?::(\d+)(?:\.(\d+))?)?$/.exec(t);
  if (hms) return intervalToPg(t, { start: 6, end: hms[5] ? 10 + hms[5].length : hms[4] ? 10 : 8, lead: 9 });
  return t;
}
