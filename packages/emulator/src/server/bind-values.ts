// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// SQ_BIND values → engine values, with the checks IDS makes when it converts a client's
// value to the type of the column it is bound to. Every bad value gets IDS's SQLCODE
// (docs/emulator-sql.md, Errors), never a JavaScript error:
//
// - Fixed-width values are read with the type's tuple decoder, because the bind payload
//   is the same bytes as the tuple form, NULL sentinel included: INTEGER/SERIAL/DATE
//   80 00 00 00, SMALLINT 80 00, BIGINT 80 00 … 00 and INT8 with sign 0 are NULL on IDS
//   (ESQL/C's risnull() reads the same bytes), so they are bound as NULL.
// - A NaN or infinite FLOAT/SMALLFLOAT cannot be stored in a DECIMAL, MONEY, FLOAT or
//   SMALLFLOAT column (-1226) nor in an integer column (-1215); "NaN"/"Infinity" text
//   is not a number to Informix (-1213).
// - Integers outside the target's range: -1214 SMALLINT, -1215 INTEGER and INT8/BIGINT.
// - A DATE day number outside 0001-01-01..9999-12-31: -1204 (invalid year); DATE text
//   with a month outside 1..12 -1205, a day not in its month -1206.
// - Text longer than a CHAR/VARCHAR/NCHAR/NVARCHAR column is cut to the column in a
//   database that is not ANSI, as IDS does; an ANSI database refuses it with -1279.
// - A BYTE column takes only a BYTE or TEXT value (a blob descriptor): any other bound type,
//   text included, is -617 (a blob data type must be supplied).

import {
  type BindMessage,
  type BindParameter,
  bindFraming,
  codecForColumn,
  decodeBindPayload,
  decodeRowSendRecvBind,
  InformixDate,
  InformixDateTime,
  InformixInterval,
  type ProtocolContext,
  typeCodes as T,
  type TextCodec,
  TypeCodecError,
} from "@informix-db/protocol";
import { bsonToJson } from "../engine/bson-values.js";
import { SQL } from "../engine/error-codes.js";
import { InformixSqlError } from "../engine/informix-sql-error.js";
import type { EngineColumn, EngineValue } from "../engine/types.js";
import { type Century, expandYear } from "../sql/date-format.js";
import { type DateOrder, DEFAULT_DATE_ORDER } from "../sql/date-order.js";

/** Value too large to fit in a SMALLINT (IDS message -1214). */
const SMALLINT_OVERFLOW = -1214;
/** Invalid year, month, day in date (IDS messages -1204, -1205, -1206). */
const DATE_YEAR = -1204;
const DATE_MONTH = -1205;
const DATE_DAY = -1206;
/** Date text: year first (Y4MD, always understood), else in the session's DBDATE order (MDY4 or DMY4). */
const DATE_TEXT = /^\s*(\d{1,5})[-/.](\d{1,2})[-/.](\d{1,5})\s*$/;
/** Invalid DATETIME or INTERVAL qualifier (IDS message -1261). */
const BAD_QUALIFIER = -1261;

const INT_TYPES = new Set([T.SQLINT, T.SQLSERIAL]);
const INT8_TYPES = new Set([T.SQLINT8, T.SQLSERIAL8, T.SQLINFXBIGINT, T.SQLBIGSERIAL]);
const EXACT_TYPES = new Set([T.SQLDECIMAL, T.SQLMONEY]);
const FLOAT_TYPES = new Set([T.SQLFLOAT, T.SQLSMFLOAT]);
const TEXT_TYPES = new Set([T.SQLCHAR, T.SQLNCHAR, T.SQLVCHAR, T.SQLNVCHAR]);
const INT8_MAX = 9223372036854775807n;
const NOT_A_NUMBER_TEXT = /^\s*[+-]?(nan|inf|infinity)\s*$/i;

/** A codec value as the engine wants it: temporal values become their literal text. */
function toEngineValue(value: unknown): EngineValue {
  if (value instanceof InformixDate || value instanceof InformixDateTime || value instanceof InformixInterval) {
    return value.toString();
  }
  return value as EngineValue;
}

/** The SQLCODE IDS gives for a payload the type's codec refuses. */
function codecErrorCode(base: number, error: TypeCodecError): number {
  if (error.code === "INVALID_QUALIFIER") return BAD_QUALIFIER;
  if (base === T.SQLDATE) return DATE_YEAR;
  if (base === T.SQLDTIME || base === T.SQLINTERVAL) return SQL.DATETIME_FIELD;
  if (base === T.SQLSMINT) return SMALLINT_OVERFLOW;
  if (INT_TYPES.has(base) || INT8_TYPES.has(base)) return SQL.INTEGER_OVERFLOW;
  if (TEXT_TYPES.has(base) || base === T.SQLLVARCHAR) return SQL.STRING_TOO_LONG;
  if (error.code === "VALUE_OUT_OF_RANGE") return SQL.DECIMAL_OVERFLOW;
  return SQL.STRING_TO_NUMBER;
}

function decodeOne(p: BindParameter, ctx: ProtocolContext): EngineValue {
  if (p.payload === null) return null;
  const base = p.type & T.SQLTYPE_MASK;
  try {
    // A BSON document (type 40 named bson) goes to its json column as JSON text.
    if (base === T.SQLUDTVAR && p.typeName?.replace(/^.*\./, "").toLowerCase() === "bson") return bsonToJson(p.payload);
    // A ROW or collection bound in its binary form (IBM JDBC's setObject of a Struct, Set or
    // List, type 44): its text.
    if (base === T.SQLSENDRECV && /^\s*(row|set|multiset|list)\s*\(/i.test(p.typeName ?? "")) {
      const text = decodeRowSendRecvBind(p.payload, ctx.codec);
      if (text !== undefined) return text;
    }
    if (bindFraming(p.type) === "fixed" && base !== T.SQLBYTES && base !== T.SQLTEXT) {
      const column = { type: base, encodedLength: p.payload.length };
      const view = new DataView(p.payload.buffer, p.payload.byteOffset, p.payload.byteLength);
      return toEngineValue(codecForColumn(column).decode(p.payload, view, 0, p.payload.length, column, ctx.codec));
    }
    return toEngineValue(decodeBindPayload(p.payload, { type: p.type, precision: p.precision }, ctx.codec));
  } catch (error) {
    if (error instanceof TypeCodecError) throw new InformixSqlError(codecErrorCode(base, error));
    throw error;
  }
}

/**
 * Checks the fields of DATE text the way IDS reports them and returns the text to bind: a
 * two-digit year is expanded by DBCENTURY (then the date goes to the engine as ISO text);
 * other text is left to the engine.
 */
function checkDateText(text: string, order: DateOrder, century: Century): string {
  const m = DATE_TEXT.exec(text);
  if (!m) return text;
  const [a, b, c] = [m[1]!, m[2]!, m[3]!];
  const yearFirst = a.length > 2 || order === "YMD";
  const dayFirst = !yearFirst && order === "DMY";
  const yearText = yearFirst ? a : c;
  const month = Number(yearFirst ? b : dayFirst ? b : a);
  const day = Number(yearFirst ? c : dayFirst ? a : b);
  const twoDigits = yearText.length <= 2;
  const year = twoDigits ? expandYear(Number(yearText), month, day, century, new Date()) : Number(yearText);
  if (year < 1 || year > 9999) throw new InformixSqlError(DATE_YEAR);
  if (month < 1 || month > 12) throw new InformixSqlError(DATE_MONTH);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  if (day < 1 || day > days) throw new InformixSqlError(DATE_DAY);
  if (!twoDigits) return text;
  const pad = (n: number, w: number): string => String(n).padStart(w, "0");
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** The most bytes a text column takes: CHAR(n) n, VARCHAR(m,r) m. */
function textLimit(column: EngineColumn): number {
  const base = column.type & T.SQLTYPE_MASK;
  return base === T.SQLVCHAR || base === T.SQLNVCHAR ? column.encodedLength & 0xff : column.encodedLength;
}

/** What fitting a value depends on besides its column. */
interface FitRules {
  /** ANSI database: a string longer than its column is an error, not cut. */
  readonly ansi: boolean;
  readonly codec: TextCodec;
  readonly dateOrder: DateOrder;
  readonly century: Century;
}

/** Checks (and for text, fits) one value, bound as `bindType`, against the column it is bound to. */
function fitToColumn(
  value: EngineValue,
  bindType: number,
  column: EngineColumn | undefined,
  rules: FitRules,
): EngineValue {
  const { ansi, codec } = rules;
  if (value === null || column === undefined) return value;
  const base = column.type & T.SQLTYPE_MASK;
  const bound = bindType & T.SQLTYPE_MASK;
  if (base === T.SQLBYTES && bound !== T.SQLBYTES && bound !== T.SQLTEXT) throw new InformixSqlError(SQL.BLOB_REQUIRED);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) {
      if (EXACT_TYPES.has(base) || FLOAT_TYPES.has(base)) throw new InformixSqlError(SQL.DECIMAL_OVERFLOW);
      if (base === T.SQLSMINT) throw new InformixSqlError(SMALLINT_OVERFLOW);
      if (INT_TYPES.has(base) || INT8_TYPES.has(base)) throw new InformixSqlError(SQL.INTEGER_OVERFLOW);
      return value;
    }
    if (base === T.SQLSMINT && Math.abs(value) > 32767) throw new InformixSqlError(SMALLINT_OVERFLOW);
    if (INT_TYPES.has(base) && Math.abs(value) > 2147483647) throw new InformixSqlError(SQL.INTEGER_OVERFLOW);
    if (INT8_TYPES.has(base)) {
      if (Math.abs(value) >= 2 ** 63) throw new InformixSqlError(SQL.INTEGER_OVERFLOW);
      if (Number.isInteger(value)) return BigInt(value);
    }
    return value;
  }
  if (typeof value === "bigint") {
    const abs = value < 0n ? -value : value;
    if (base === T.SQLSMINT && abs > 32767n) throw new InformixSqlError(SMALLINT_OVERFLOW);
    if (INT_TYPES.has(base) && abs > 2147483647n) throw new InformixSqlError(SQL.INTEGER_OVERFLOW);
    if (INT8_TYPES.has(base) && abs > INT8_MAX) throw new InformixSqlError(SQL.INTEGER_OVERFLOW);
    return value;
  }
  if (typeof value === "string") {
    if ((EXACT_TYPES.has(base) || FLOAT_TYPES.has(base)) && NOT_A_NUMBER_TEXT.test(value))
      throw new InformixSqlError(SQL.STRING_TO_NUMBER);
    if (base === T.SQLDATE) return checkDateText(value, rules.dateOrder, rules.century);
    if (TEXT_TYPES.has(base)) {
      const limit = textLimit(column);
      // Lengths are bytes of the database code set: in a UTF-8 database CHAR(4) holds "éé".
      if (limit > 0 && value.length > limit / codec.maxBytesPerChar) {
        const bytes = codec.encode(value);
        if (bytes.length > limit) {
          if (ansi) throw new InformixSqlError(SQL.STRING_TOO_LONG);
          return truncateToBytes(value, limit, codec);
        }
      }
    }
  }
  return value;
}

/** The longest prefix of `value`, whole characters only, that takes at most `limit` bytes. */
function truncateToBytes(value: string, limit: number, codec: TextCodec): string {
  if (codec.maxBytesPerChar === 1) return value.slice(0, limit);
  let out = "";
  let used = 0;
  for (const ch of value) {
    const n = codec.encode(ch).length;
    if (used + n > limit) break;
    out += ch;
    used += n;
  }
  return out;
}

/**
 * Decodes the values of an SQ_BIND and fits them to the statement's parameter types
 * (`params`, as SQ_IDESCRIBE reports them; an unknown type is passed through).
 */
export function decodeBindValues(
  message: BindMessage,
  ctx: ProtocolContext,
  params: readonly EngineColumn[] = [],
  ansi = false,
  dateOrder: DateOrder = DEFAULT_DATE_ORDER,
  century: Century = "R",
): EngineValue[] {
  const rules: FitRules = { ansi, codec: ctx.codec, dateOrder, century };
  return message.parameters.map((p, i) => fitToColumn(decodeOne(p, ctx), p.type, params[i], rules));
}
