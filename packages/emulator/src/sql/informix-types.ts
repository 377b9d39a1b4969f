// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Informix data types as written in DDL and casts: what PostgreSQL type stores them,
// and the declared type the engine reports in DESCRIBE and syscolumns (type code,
// encoded length, extended type). Encoded lengths follow syscolumns.collength:
// DECIMAL/MONEY (p << 8) | s with s = 255 for floating DECIMAL(p), VARCHAR (r << 8) | m,
// DATETIME/INTERVAL the qualifier (see qualifier.ts), TEXT/BYTE 56 (the blob descriptor).

import { InformixSqlError } from "../engine/informix-sql-error.js";
import { parseCompositeType } from "./composite-types.js";
import { pgIdent } from "./context.js";
import { isTimeQualifier } from "./datetime-values.js";
import { encodeDatetime, encodeInterval, fractionDigits, parseQualifier } from "./qualifier.js";
import { isOp, isWord, type Token } from "./tokenizer.js";
import {
  SQLBIGSERIAL,
  SQLBOOL,
  SQLBYTES,
  SQLCHAR,
  SQLDATE,
  SQLDECIMAL,
  SQLDTIME,
  SQLFLOAT,
  SQLINFXBIGINT,
  SQLINT,
  SQLINT8,
  SQLINTERVAL,
  SQLLVARCHAR,
  SQLMONEY,
  SQLNCHAR,
  SQLNVCHAR,
  SQLSERIAL,
  SQLSERIAL8,
  SQLSMFLOAT,
  SQLSMINT,
  SQLTEXT,
  SQLUDTFIXED,
  SQLUDTVAR,
  SQLVCHAR,
  XID_BLOB,
  XID_BOOLEAN,
  XID_CLOB,
  XID_LVARCHAR,
} from "./type-codes.js";

/** INT8 and SERIAL8 are 10 bytes (sign word + two 32-bit halves); BIGINT is 8. */
const INT8_LENGTH = 10;

export type SerialKind = "serial" | "serial8" | "bigserial";

/** A column type as declared in Informix DDL. */
export interface DeclaredType {
  /** Base type code (sqltypes.h), without the NOT NULL flag. */
  readonly code: number;
  readonly encodedLength: number;
  readonly xid: number;
  readonly xname: string;
  /** The PostgreSQL type that stores it. */
  readonly pg: string;
  readonly serial?: { readonly kind: SerialKind; readonly start: number };
  /** PostgreSQL statements that must run before the DDL using it (ROW composite types). */
  readonly setup?: readonly string[];
  /**
   * A named ROW or DISTINCT type (CREATE ROW/DISTINCT TYPE): its name, lower case. The code,
   * length and extended id come from the side catalog when the DDL runs (engine/user-types.ts).
   */
  readonly userType?: string;
}

/** encodedLength of BSON columns [emulator choice, as for JSON]. */
const BSON_LENGTH = 4096;
/** Words that end a column definition or a cast and are never a type name. */
const RESERVED_NOT_TYPES = new Set([
  "not",
  "null",
  "default",
  "primary",
  "unique",
  "references",
  "check",
  "constraint",
]);

/** Length of a DECIMAL whose precision is floating (DECIMAL(p) and plain DECIMAL). */
export const FLOATING_SCALE = 255;
export const DEFAULT_LVARCHAR = 2048;
export const BLOB_DESCRIPTOR_LENGTH = 56;
/** A BLOB/CLOB column holds the LO handle (locator). */
export const SMART_LOB_LOCATOR_LENGTH = 72;

function simple(code: number, encodedLength: number, pg: string, xid = 0, xname = ""): DeclaredType {
  return { code, encodedLength, xid, xname, pg };
}

/** Reads `(a)` or `(a, b)` of numbers at `j`; returns the numbers and the index after. */
function readNumbers(tokens: readonly Token[], j: number): { nums: number[]; next: number } {
  if (!isOp(tokens[j], "(")) return { nums: [], next: j };
  const nums: number[] = [];
  let k = j + 1;
  while (tokens[k]?.kind === "number") {
    nums.push(Number(tokens[k]!.text));
    k++;
    if (isOp(tokens[k], ",")) k++;
  }
  if (!isOp(tokens[k], ")")) throw new InformixSqlError(-201, 0, "", (tokens[k] ?? tokens[j]!).start + 1);
  return { nums, next: k + 1 };
}

function decimal(code: number, nums: number[], money: boolean): DeclaredType {
  const p = nums[0] ?? 16;
  const s = nums[1] ?? (money ? 2 : undefined);
  if (p < 1 || p > 32 || (s !== undefined && (s < 0 || s > p))) throw new InformixSqlError(-1226);
  if (s === undefined) return simple(code, (p << 8) | FLOATING_SCALE, "numeric");
  return simple(code, (p << 8) | s, `numeric(${p},${s})`);
}

/** Skips BYTE/TEXT's `IN TABLE` or `IN <blobspace>`: every blob goes to the one blobspace. */
function skipBlobStorage(tokens: readonly Token[], j: number): number {
  return isWord(tokens[j], "in") && tokens[j + 1]?.kind === "word" ? j + 2 : j;
}

/** Parses an Informix type at `i`; returns null when no type name is there. */
export function parseType(tokens: readonly Token[], i: number): { type: DeclaredType; next: number } | null {
  const t = tokens[i];
  if (t?.kind !== "word") return null;
  let j = i + 1;
  const nums = (): number[] => {
    const r = readNumbers(tokens, j);
    j = r.next;
    return r.nums;
  };
  let type: DeclaredType;
  switch (t.value) {
    case "char":
    case "character":
    case "nchar": {
      if (isWord(tokens[j], "varying")) {
        j++;
        const n = nums()[0] ?? 1;
        type = simple(SQLVCHAR, n, `varchar(${n})`);
        break;
      }
      const n = nums()[0] ?? 1;
      type = simple(t.value === "nchar" ? SQLNCHAR : SQLCHAR, n, `char(${n})`);
      break;
    }
    case "varchar":
    case "nvarchar": {
      const [m = 1, r = 0] = nums();
      type = simple(t.value === "varchar" ? SQLVCHAR : SQLNVCHAR, (r << 8) | m, `varchar(${m})`);
      break;
    }
    case "lvarchar": {
      const n = nums()[0] ?? DEFAULT_LVARCHAR;
      type = simple(SQLLVARCHAR, n, `varchar(${n})`, XID_LVARCHAR, "lvarchar");
      break;
    }
    case "smallint":
      type = simple(SQLSMINT, 2, "smallint");
      break;
    case "int":
    case "integer":
      type = simple(SQLINT, 4, "integer");
      break;
    case "int8":
      type = simple(SQLINT8, INT8_LENGTH, "bigint");
      break;
    case "bigint":
      type = simple(SQLINFXBIGINT, 8, "bigint");
      break;
    case "serial":
    case "serial8":
    case "bigserial": {
      const start = nums()[0] ?? 1;
      const base =
        t.value === "serial"
          ? simple(SQLSERIAL, 4, "integer")
          : t.value === "serial8"
            ? simple(SQLSERIAL8, INT8_LENGTH, "bigint")
            : simple(SQLBIGSERIAL, 8, "bigint");
      type = { ...base, serial: { kind: t.value, start: Math.max(start, 1) } };
      break;
    }
    case "smallfloat":
    case "real":
      type = simple(SQLSMFLOAT, 4, "real");
      break;
    case "float":
      nums();
      type = simple(SQLFLOAT, 8, "double precision");
      break;
    case "double":
      if (isWord(tokens[j], "precision")) j++;
      type = simple(SQLFLOAT, 8, "double precision");
      break;
    case "decimal":
    case "dec":
    case "numeric":
      type = decimal(SQLDECIMAL, nums(), false);
      break;
    case "money":
      type = decimal(SQLMONEY, nums(), true);
      break;
    case "boolean":
      type = simple(SQLBOOL, 1, "boolean", XID_BOOLEAN, "boolean");
      break;
    case "date":
      type = simple(SQLDATE, 4, "date");
      break;
    case "datetime": {
      const parsed = parseQualifier(tokens, j) ?? { q: { start: 0, end: 13, lead: 4 }, next: j };
      j = parsed.next;
      const q = parsed.q;
      const digits = fractionDigits(q.end);
      const pg = isTimeQualifier(q) ? `time(${digits})` : `timestamp(${digits})`;
      type = simple(SQLDTIME, encodeDatetime(q), pg);
      break;
    }
    case "interval": {
      const parsed = parseQualifier(tokens, j);
      if (parsed === null) throw new InformixSqlError(-201, 0, "", t.start + 1);
      j = parsed.next;
      type = simple(SQLINTERVAL, encodeInterval(parsed.q), "interval");
      break;
    }
    case "text":
      // The row holds the blob descriptor; the bytes live in the blobspace (server/blobspace.ts).
      type = simple(SQLTEXT, BLOB_DESCRIPTOR_LENGTH, "bytea");
      j = skipBlobStorage(tokens, j);
      break;
    case "byte":
      type = simple(SQLBYTES, BLOB_DESCRIPTOR_LENGTH, "bytea");
      j = skipBlobStorage(tokens, j);
      break;
    case "json":
      // IDS's built-in opaque JSON type: described as UDTVAR (40) named "json" (protocol/composite-types.md).
      type = simple(SQLUDTVAR, DEFAULT_LVARCHAR, "json", 0, "json");
      break;
    case "bson":
      // IDS's built-in opaque BSON type: a json domain, so that `d::JSON` is an expression (engine/bson-values.ts).
      type = simple(SQLUDTVAR, BSON_LENGTH, "ifx.bson", 0, "bson");
      break;
    case "set":
    case "multiset":
    case "list":
    case "row":
      return parseCompositeType(tokens, i, parseColumnType);
    case "blob":
    case "clob":
      // Smart LOBs: the row holds the 72-byte LO handle; the bytes live in the sbspace (server/sbspace.ts).
      type =
        t.value === "blob"
          ? simple(SQLUDTFIXED, SMART_LOB_LOCATOR_LENGTH, "bytea", XID_BLOB, "blob")
          : simple(SQLUDTFIXED, SMART_LOB_LOCATOR_LENGTH, "bytea", XID_CLOB, "clob");
      break;
    default:
      return null;
  }
  return { type, next: j };
}

/**
 * A column or element type that names a named ROW or DISTINCT type (any other word), or null.
 * Its code, length and extended id are looked up when the DDL runs (engine/user-types.ts).
 */
export function parseUserType(tokens: readonly Token[], i: number): { type: DeclaredType; next: number } | null {
  const t = tokens[i];
  if ((t?.kind !== "word" && t?.kind !== "quoted") || RESERVED_NOT_TYPES.has(t.value)) return null;
  if (isOp(tokens[i + 1], "(")) return null;
  const name = t.value.toLowerCase();
  return {
    type: { code: SQLUDTVAR, encodedLength: 0, xid: 0, xname: name, pg: pgIdent(name), userType: name },
    next: i + 1,
  };
}

/** parseType, then a user-defined type name. */
export function parseColumnType(tokens: readonly Token[], i: number): { type: DeclaredType; next: number } | null {
  return parseType(tokens, i) ?? parseUserType(tokens, i);
}
