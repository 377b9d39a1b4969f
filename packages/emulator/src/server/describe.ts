// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Builds the SQ_DESCRIBE of a prepared statement from the engine's column list:
// start positions of a fixed-layout tuple and the maximum tuple size, which clients
// use to size their fetch buffers.

import {
  type DescribeField,
  type DescribeMessage,
  type InputDescribeMessage,
  typeCodes as T,
} from "@informix-db/protocol";
import type { EngineColumn, EngineStatement } from "../engine/types.js";

const FIXED: Readonly<Record<number, number>> = {
  [T.SQLSMINT]: 2,
  [T.SQLINT]: 4,
  [T.SQLSERIAL]: 4,
  [T.SQLDATE]: 4,
  [T.SQLSMFLOAT]: 4,
  [T.SQLFLOAT]: 8,
  [T.SQLINT8]: 10,
  [T.SQLSERIAL8]: 10,
  [T.SQLINFXBIGINT]: 8,
  [T.SQLBIGSERIAL]: 8,
  [T.SQLBYTES]: 56,
  [T.SQLTEXT]: 56,
};

/** DECLEN: bytes of a packed base-100 value whose encoded length is (digits << 8) | low. */
export function packedWidth(encodedLength: number): number {
  const high = (encodedLength >> 8) & 0xff;
  const low = encodedLength & 0xff;
  return (high + (low & 1) + 3) >> 1;
}

/** UDT envelope: 1-byte NULL flag + int32 length. */
const ENVELOPE = 5;

/** The most bytes a value of this column can take in a tuple. */
export function maxTupleWidth(column: Pick<EngineColumn, "type" | "encodedLength">): number {
  const base = column.type & T.SQLTYPE_MASK;
  const fixed = FIXED[base];
  if (fixed !== undefined) return fixed;
  switch (base) {
    case T.SQLCHAR:
    case T.SQLNCHAR:
      return column.encodedLength;
    case T.SQLVCHAR:
    case T.SQLNVCHAR:
      return 1 + (column.encodedLength & 0xff);
    case T.SQLDECIMAL:
    case T.SQLMONEY:
    case T.SQLDTIME:
    case T.SQLINTERVAL:
      return packedWidth(column.encodedLength);
    default:
      return ENVELOPE + column.encodedLength;
  }
}

/** True when every column has a fixed width, so start positions are meaningful. */
export function isFixedLayout(columns: readonly EngineColumn[]): boolean {
  return columns.every((c) => {
    const base = c.type & T.SQLTYPE_MASK;
    return (
      base !== T.SQLVCHAR &&
      base !== T.SQLNVCHAR &&
      base !== T.SQLUDTVAR &&
      base !== T.SQLUDTFIXED &&
      base !== T.SQLLVARCHAR &&
      base !== T.SQLBOOL
    );
  });
}

export function describeStatement(statement: EngineStatement, statementId: number): DescribeMessage {
  let position = 0;
  const fields: DescribeField[] = statement.columns.map((c) => {
    const field: DescribeField = {
      name: c.name,
      startPosition: position,
      type: c.type,
      extendedId: c.extendedId,
      extendedOwner: c.extendedOwner,
      extendedName: c.extendedName,
      reference: 0,
      alignment: 0,
      sourceType: 0,
      encodedLength: c.encodedLength,
    };
    position += maxTupleWidth(c);
    return field;
  });
  return {
    kind: "describe",
    statementType: statement.statementType,
    statementId,
    estimatedCost: 0,
    tupleSize: position,
    fields,
  };
}

/** SQ_IDESCRIBE: the types of the `?` parameters. */
export function describeInput(statement: EngineStatement): InputDescribeMessage {
  return {
    kind: "idescribe",
    parameters: statement.params.map((c) => ({
      type: c.type,
      extendedId: c.extendedId,
      extendedOwner: c.extendedOwner,
      extendedName: c.extendedName,
      encodedLength: c.encodedLength,
    })),
  };
}
