// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Generated keys (JDBC RETURN_GENERATED_KEYS): the client's SQ_GENKEYS in a PREPARE group
// names the key columns (mode 1: those the server chooses, 2: by 1-based position, 3: by
// name); the PREPARE reply then carries SQ_SGKDESCRIBE of those columns, and each EXECUTE
// reply one SQ_SGKTUPLE with their values (protocol messages/genkeys-reply.ts;
// docs/protocol/jdbc-observed.md, "RETURN_GENERATED_KEYS"). The keys are the table's SERIAL,
// SERIAL8 and BIGSERIAL columns: their values are the ones the INSERT reports in SQ_DONE /
// SQ_INSERTDONE.

import {
  GENKEYS_AUTO,
  GENKEYS_BY_INDEX,
  type GenKeysMessage,
  type ProtocolContext,
  type SgkDescribeMessage,
  type SgkTupleMessage,
  typeCodes as T,
} from "@informix-db/protocol";
import { SQL } from "../engine/error-codes.js";
import { InformixSqlError } from "../engine/informix-sql-error.js";
import type { EngineColumn, EngineSession, EngineStatement, EngineValue, ExecResult } from "../engine/types.js";
import { describeStatement } from "./describe.js";
import { RowEncoder } from "./values.js";

/** -999, as statement-handler.ts answers an unsupported request (kept here to avoid an import cycle). */
const SQLCODE_NOT_IMPLEMENTED = -999;

const SERIAL_TYPES: ReadonlySet<number> = new Set([T.SQLSERIAL, T.SQLSERIAL8, T.SQLBIGSERIAL]);

function isSerial(c: EngineColumn): boolean {
  return SERIAL_TYPES.has(c.type & T.SQLTYPE_MASK);
}

/** A table name as SQL text: bare when it is a plain lower-case identifier, else delimited. */
function tableRef(name: string): string {
  return /^[a-z_][a-z0-9_$]*(\.[a-z_][a-z0-9_$]*)?$/.test(name) ? name : `"${name.replaceAll('"', '""')}"`;
}

/**
 * The key columns SQ_GENKEYS asks for on `statement`, or [] when there are none (not an
 * INSERT, or mode 1 on a table without a serial column). Modes 2 and 3 name columns of the
 * INSERT's table: an unknown one is -217; one that is not a serial column is not supported.
 */
export async function keyColumns(
  engine: EngineSession,
  statement: EngineStatement,
  request: GenKeysMessage,
): Promise<readonly EngineColumn[]> {
  if (statement.statementType !== T.SQ_INSERT) return [];
  const table = statement.columns.find((c) => c.tableName !== undefined)?.tableName;
  if (table === undefined) return [];
  const columns = (await engine.prepare(`SELECT * FROM ${tableRef(table)}`)).columns;
  if (request.mode === GENKEYS_AUTO) return columns.filter(isSerial);
  const chosen =
    request.mode === GENKEYS_BY_INDEX
      ? request.indexes.map((i) => {
          const c = columns[i - 1];
          if (!c) throw new InformixSqlError(SQL.COLUMN_NOT_FOUND, 0, String(i));
          return c;
        })
      : request.names.map((n) => {
          const c = columns.find((col) => col.name.toLowerCase() === n.toLowerCase());
          if (!c) throw new InformixSqlError(SQL.COLUMN_NOT_FOUND, 0, n);
          return c;
        });
  if (!chosen.every(isSerial)) throw new InformixSqlError(SQLCODE_NOT_IMPLEMENTED);
  return chosen;
}

/** SQ_SGKDESCRIBE of the key columns, for the PREPARE reply. */
export function keysDescribe(
  columns: readonly EngineColumn[],
  statement: EngineStatement,
  id: number,
): SgkDescribeMessage {
  const { kind: _, ...body } = describeStatement({ ...statement, columns }, id);
  return { kind: "sgkdescribe", ...body };
}

/**
 * SQ_SGKTUPLE with the keys one INSERT generated, or undefined when it inserted no row. An
 * INSERT ... SELECT of several rows reports only its last serial values (SQ_DONE /
 * SQ_INSERTDONE), so it gets no keys either rather than wrong ones.
 */
export function keysTuple(
  columns: readonly EngineColumn[],
  result: ExecResult,
  ctx: ProtocolContext,
): SgkTupleMessage | undefined {
  if (columns.length === 0 || result.rowCount !== 1) return undefined;
  const row: EngineValue[] = columns.map((c) => {
    const base = c.type & T.SQLTYPE_MASK;
    if (base === T.SQLSERIAL) return result.serial;
    return base === T.SQLSERIAL8 ? result.serial8 : result.bigserial;
  });
  return { kind: "sgktuple", warnings: 0, data: new RowEncoder(columns, ctx).encode(row) };
}
