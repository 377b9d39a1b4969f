// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// PostgreSQL errors → the InformixSqlError IDS reports for the same condition.
// Choices where IDS has two codes: a duplicate key is -268 (unique constraint) when the
// index backs a PRIMARY KEY/UNIQUE constraint and -239 when it is a plain CREATE UNIQUE
// INDEX; both carry ISAM -100. A foreign-key failure is -691 on the child and -692 on the
// parent, both with ISAM -111. Errors PostgreSQL reports with a position keep it, mapped
// back to the Informix text, as the offset.

import { SPL_RAISE_SQLSTATE } from "../sql/spl/runtime-sql.js";
import { ISAM, SQL } from "./error-codes.js";
import { InformixSqlError } from "./informix-sql-error.js";
import { PgError } from "./pg-client.js";

export interface ErrorContext {
  /** Maps a PostgreSQL position to the Informix offset. */
  readonly sourceOffset?: (pgPosition: number) => number;
  /** Is the statement a CREATE INDEX (for "already exists")? */
  readonly creatingIndex?: boolean;
  /** Resolves whether a name is a constraint (unique key errors). */
  readonly isConstraint?: (name: string) => boolean;
}

function quoted(message: string): string {
  return /"([^"]*)"/.exec(message)?.[1] ?? "";
}

function convertError(message: string): number {
  if (/type (date)\b/.test(message)) return SQL.STRING_TO_DATE;
  if (/type (timestamp|time|interval)/.test(message)) return SQL.DATETIME_CHARACTER;
  if (/type boolean/.test(message)) return SQL.STRING_TO_NUMBER;
  return SQL.STRING_TO_NUMBER;
}

/** Maps any error thrown while running a statement; InformixSqlErrors pass through. */
export function mapPgError(err: unknown, ctx: ErrorContext = {}): InformixSqlError {
  if (err instanceof InformixSqlError) return err;
  if (!(err instanceof PgError)) throw err;
  const f = err.fields;
  const offset = err.position > 0 && ctx.sourceOffset ? ctx.sourceOffset(err.position) : 0;
  const msg = err.message;
  switch (err.code) {
    case SPL_RAISE_SQLSTATE: {
      // RAISE EXCEPTION sqlcode, isam, text in an SPL routine (sql/spl/translate-body.ts).
      const [sqlcode, isam] = (f["detail"] ?? "").split(":").map(Number);
      return new InformixSqlError(sqlcode || SQL.SYNTAX, isam || 0, msg);
    }
    case "42723":
      return new InformixSqlError(SQL.ROUTINE_EXISTS, 0, /function ([\w.]+)/.exec(msg)?.[1] ?? "", offset);
    case "42601":
      if (/INSERT has (more|fewer)/.test(msg)) return new InformixSqlError(SQL.INSERT_COLUMN_COUNT, 0, "", offset);
      return new InformixSqlError(SQL.SYNTAX, 0, "", offset);
    case "42P01":
      return new InformixSqlError(SQL.TABLE_NOT_FOUND, ISAM.NOT_FOUND, quoted(msg), offset);
    case "42703":
      return new InformixSqlError(SQL.COLUMN_NOT_FOUND, ISAM.NOT_FOUND, quoted(msg).split(".").pop() ?? "", offset);
    case "42P07":
      if (ctx.creatingIndex) return new InformixSqlError(SQL.INDEX_EXISTS, 0, quoted(msg), offset);
      return new InformixSqlError(SQL.TABLE_EXISTS, ISAM.NOT_FOUND, quoted(msg), offset);
    case "42701":
      return new InformixSqlError(SQL.COLUMN_EXISTS, 0, quoted(msg), offset);
    case "42704":
      // A named ROW/DISTINCT type is a domain: "type "udt.x" does not exist".
      if (/^type "/.test(msg))
        return new InformixSqlError(SQL.TYPE_NOT_FOUND, 0, quoted(msg).replace(/^.*\./, ""), offset);
      return new InformixSqlError(SQL.INDEX_NOT_FOUND, 0, quoted(msg), offset);
    case "42883":
      return new InformixSqlError(SQL.ROUTINE_NOT_FOUND, 0, /function ([\w.]+)/.exec(msg)?.[1] ?? "", offset);
    case "42804":
    case "42846":
    case "42725":
      return new InformixSqlError(SQL.TYPE_MISMATCH, 0, "", offset);
    case "23505": {
      const name = f["constraint"] ?? "";
      if (ctx.isConstraint?.(name) === false) return new InformixSqlError(SQL.INDEX_DUPLICATE, ISAM.DUPLICATE);
      return new InformixSqlError(SQL.UNIQUE_CONSTRAINT, ISAM.DUPLICATE, name);
    }
    case "23502":
      return new InformixSqlError(SQL.NULL_INTO_NOT_NULL, 0, `${f["table"] ?? ""}.${f["column"] ?? ""}`);
    case "23503":
      if (/still referenced|update or delete/.test(msg) || /is still referenced/.test(f["detail"] ?? "")) {
        return new InformixSqlError(SQL.KEY_STILL_REFERENCED, ISAM.NOT_FOUND, f["constraint"] ?? "");
      }
      return new InformixSqlError(SQL.MISSING_PARENT_KEY, ISAM.NOT_FOUND, f["constraint"] ?? "");
    case "23514":
      return new InformixSqlError(SQL.CHECK_CONSTRAINT, 0, f["constraint"] ?? "");
    case "22012":
      return new InformixSqlError(SQL.DIVISION_BY_ZERO);
    case "22P02":
    case "22007":
      return new InformixSqlError(convertError(msg), 0, "", offset);
    case "22008":
    case "22015":
      return new InformixSqlError(/date/.test(msg) && !/time/.test(msg) ? SQL.STRING_TO_DATE : SQL.DATETIME_FIELD);
    case "22003":
      if (/integer|smallint|bigint/.test(msg)) return new InformixSqlError(SQL.INTEGER_OVERFLOW);
      return new InformixSqlError(SQL.DECIMAL_OVERFLOW);
    case "22001":
      return new InformixSqlError(SQL.STRING_TOO_LONG);
    case "21000":
      return new InformixSqlError(SQL.SUBQUERY_ROWS);
    case "3B001":
      return new InformixSqlError(SQL.SAVEPOINT_NOT_FOUND, 0, quoted(msg));
    case "42P18":
      return new InformixSqlError(SQL.SYNTAX, 0, "", offset);
    case "54001":
      // stack depth limit exceeded: a routine that calls itself for ever (engine/pglite-engine.ts
      // keeps PGlite's limit below what its WebAssembly stack holds, so this is an error, not a hang).
      return new InformixSqlError(SQL.MEMORY_EXHAUSTED);
    default:
      return new InformixSqlError(SQL.SYNTAX, 0, `${err.code}: ${msg}`, offset);
  }
}
