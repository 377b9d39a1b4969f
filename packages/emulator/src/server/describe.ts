// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Builds the SQ_DESCRIBE of a prepared statement from the engine's column list:
// start positions of a fixed-layout tuple and the maximum tuple size, which clients
// use to size their fetch buffers.

import {
  BLOB_DESCRIPTOR_BYTES,
  codecForColumn,
  type DescribeField,
  type DescribeMessage,
  type InputDescribeMessage,
  isVariableWidthType,
  typeCodes as T,
} from "@informix-db/protocol";
import type { EngineColumn, EngineStatement } from "../engine/types.js";

/** UDT envelope: 1-byte NULL flag + int32 length. */
const ENVELOPE = 5;
const NO_BYTES = new Uint8Array(0);

/**
 * The most bytes a value of this column can take in a tuple. BYTE/TEXT take their blob
 * descriptor, `blobBytes` long: 68 in a session with long row ids, else 56 (types/byte-text.ts).
 */
export function maxTupleWidth(
  column: Pick<EngineColumn, "type" | "encodedLength">,
  blobBytes = BLOB_DESCRIPTOR_BYTES,
): number {
  const base = column.type & T.SQLTYPE_MASK;
  if (base === T.SQLBYTES || base === T.SQLTEXT) return blobBytes;
  if (!isVariableWidthType(base)) return codecForColumn(column).tupleSize(column, NO_BYTES, 0);
  // Variable types: their length prefix plus the declared maximum.
  if (base === T.SQLVCHAR || base === T.SQLNVCHAR) return 1 + (column.encodedLength & 0xff);
  return ENVELOPE + column.encodedLength;
}

export function describeStatement(
  statement: EngineStatement,
  statementId: number,
  blobBytes = BLOB_DESCRIPTOR_BYTES,
): DescribeMessage {
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
      sourceType: c.sourceType ?? 0,
      encodedLength: c.encodedLength,
    };
    position += maxTupleWidth(c, blobBytes);
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
