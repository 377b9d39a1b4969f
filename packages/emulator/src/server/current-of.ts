// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// UPDATE/DELETE ... WHERE CURRENT OF cursor, on the session's side: the cursor is found by
// the name the client gave it (SQ_CURNAME before its OPEN: IBM JDBC's `_ifxc…` names and
// Statement.setCursorName, this driver's `cursorName`), and its current row's identity
// becomes the statement's hidden last parameter (sql/rewrite-current-of.ts). IDS's errors:
//   -259 "Cursor not open": no open cursor has that name;
//   -290 "Cursor not declared with FOR UPDATE clause" (a database that is not ANSI);
//   -365 "Cursor must be on simple SELECT for FOR UPDATE": a join, UNION, subquery in FROM;
//   -277 "UPDATE table is not the same as the cursor table";
//   -266 "There is no current row for UPDATE/DELETE cursor": nothing fetched yet, fetched
//        past the end, or the row already deleted through the cursor.

import { InformixSqlError } from "../engine/informix-sql-error.js";
import type { EngineCursor, EngineStatement, EngineValue, ExecResult, PositionedRows } from "../engine/types.js";

export const SQLCODE_CURSOR_NOT_OPEN_259 = -259;
export const SQLCODE_NO_CURRENT_ROW = -266;
export const SQLCODE_NOT_SAME_TABLE = -277;
export const SQLCODE_NOT_FOR_UPDATE = -290;
export const SQLCODE_NOT_SIMPLE_SELECT = -365;

/** What the session knows of a prepared statement that may hold a named cursor. */
export interface NamedCursor {
  readonly cursorName: string;
  readonly cursor: EngineCursor | undefined;
  readonly statement: EngineStatement;
}

/** The rows a WHERE CURRENT OF addresses and the parameters to execute it with. */
export interface Positioned {
  readonly rows: PositionedRows;
  readonly params: EngineValue[];
}

/** Cursor names compare as IDS identifiers: without regard to case. */
function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** Resolves `statement`'s WHERE CURRENT OF against the session's open cursors; undefined when it has none. */
export function positionedParams(
  statement: EngineStatement,
  params: readonly EngineValue[],
  cursors: Iterable<NamedCursor>,
): Positioned | undefined {
  const target = statement.currentOf;
  if (target === undefined) return undefined;
  let named: NamedCursor | undefined;
  for (const c of cursors) if (c.cursor !== undefined && sameName(c.cursorName, target.cursor)) named = c;
  if (named?.cursor === undefined) throw new InformixSqlError(SQLCODE_CURSOR_NOT_OPEN_259);
  if (named.statement.forUpdate !== true) throw new InformixSqlError(SQLCODE_NOT_FOR_UPDATE);
  const rows = named.cursor.positioned;
  if (rows === undefined) throw new InformixSqlError(SQLCODE_NOT_SIMPLE_SELECT);
  if (target.table !== rows.table) throw new InformixSqlError(SQLCODE_NOT_SAME_TABLE);
  const rowId = rows.current();
  if (rowId === null) throw new InformixSqlError(SQLCODE_NO_CURRENT_ROW);
  return { rows, params: [...params, rowId] };
}

/** After the statement ran: an UPDATE moved the row to a new version, a DELETE removed it. */
export function afterPositioned(positioned: Positioned, statement: EngineStatement, result: ExecResult): void {
  if (result.rowCount === 0) return;
  positioned.rows.replace(statement.currentOf !== undefined && result.rowId !== undefined ? result.rowId : null);
}
