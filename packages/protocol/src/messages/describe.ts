// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// SQ_DESCRIBE (8), server -> client, the answer to SQ_NDESCRIBE after a PREPARE:
//
//   00 08
//   i16 statement type            sqlstype.h code (2 SELECT, 6 INSERT, ...)
//   i16 statement id              used with SQ_ID from now on
//   i32 estimated cost
//   i32 tuple size (feature 69) | i16 tuple size
//   i16 field count
//   i32 name table size (feature 50) | i16
//   per field:
//     i32 field index (feature 50) | i16     byte offset of the column name in the name table
//     i32 start position          offset of the column in a fixed-layout tuple
//     i16 type                    base type | SQLNONULL and other flags
//     i32 extended id             xid of opaque types (1 lvarchar, 5 boolean, ...)
//     char owner, char type name  extended type owner and name ("informix", "boolean")
//     i16 reference  i16 alignment  i32 source type
//     i32 encoded length          length, (p << 8) | s, or qualifier
//   name table: NUL-terminated names, padded to even
// Counts, sizes and name offsets are checked before use: a negative count or size, or
// a name offset outside the name table, is malformed (a hostile offset once made the
// name scan run from -2^31 upward, issue 7).
// For DML the fields describe the target columns, not the input parameters.
//
// SQ_IDESCRIBE (125) answers SQ_CIDESCRIBE (124, bodiless, "describe input"); see
// input-describe.ts.

import type { ProtocolContext } from "../constants/capabilities.js";
import { SQ_DESCRIBE } from "../constants/opcodes.js";
import type { ByteReader } from "../io/byte-reader.js";
import type { ByteWriter } from "../io/byte-writer.js";

export interface DescribeField {
  readonly name: string;
  readonly startPosition: number;
  readonly type: number;
  readonly extendedId: number;
  readonly extendedOwner: string;
  readonly extendedName: string;
  readonly reference: number;
  readonly alignment: number;
  readonly sourceType: number;
  readonly encodedLength: number;
}

export interface DescribeMessage {
  readonly kind: "describe";
  readonly statementType: number;
  readonly statementId: number;
  readonly estimatedCost: number;
  readonly tupleSize: number;
  readonly fields: readonly DescribeField[];
}

export function encodeDescribe(msg: DescribeMessage, ctx: ProtocolContext, w: ByteWriter): void {
  w.u16(SQ_DESCRIBE);
  encodeDescribeBody(msg, ctx, w);
}

/** The body of an SQ_DESCRIBE (everything after the opcode); SQ_SGKDESCRIBE shares it (genkeys-reply.ts). */
export function encodeDescribeBody(msg: Omit<DescribeMessage, "kind">, ctx: ProtocolContext, w: ByteWriter): void {
  const names = msg.fields.map((f) => ctx.codec.encode(f.name));
  const tableSize = names.reduce((n, b) => n + b.length + 1, 0);
  w.i16(msg.statementType).i16(msg.statementId).i32(msg.estimatedCost);
  if (ctx.largeTuple) w.i32(msg.tupleSize);
  else w.i16(msg.tupleSize);
  w.i16(msg.fields.length);
  if (ctx.fourByteOffset) w.i32(tableSize);
  else w.i16(tableSize);
  let nameOffset = 0;
  msg.fields.forEach((f, i) => {
    if (ctx.fourByteOffset) w.i32(nameOffset);
    else w.i16(nameOffset);
    w.i32(f.startPosition).u16(f.type).i32(f.extendedId);
    w.char(ctx.codec.encode(f.extendedOwner)).char(ctx.codec.encode(f.extendedName));
    w.i16(f.reference).i16(f.alignment).i32(f.sourceType).i32(f.encodedLength);
    nameOffset += names[i]!.length + 1;
  });
  for (const name of names) w.bytes(name).u8(0);
  w.padTo2(tableSize);
}

export function decodeDescribe(
  r: ByteReader,
  ctx: ProtocolContext,
  kind: DescribeMessage["kind"] = "describe",
): DescribeMessage {
  const statementType = r.i16();
  const statementId = r.i16();
  const estimatedCost = r.i32();
  const tupleSize = ctx.largeTuple ? r.i32() : r.u16();
  const count = r.i16();
  if (count < 0) throw new RangeError(`SQ_DESCRIBE with negative field count ${count}`);
  const tableSize = r.checkLength(ctx.fourByteOffset ? r.i32() : r.u16(), "SQ_DESCRIBE name table size");
  const raw: Array<Omit<DescribeField, "name"> & { nameOffset: number }> = [];
  for (let i = 0; i < count; i++) {
    const nameOffset = ctx.fourByteOffset ? r.i32() : r.u16();
    if (nameOffset < 0 || nameOffset > tableSize) {
      throw new RangeError(
        `SQ_DESCRIBE field ${i}: name offset ${nameOffset} outside the ${tableSize}-byte name table`,
      );
    }
    const startPosition = r.i32();
    const type = r.u16();
    const extendedId = r.i32();
    const extendedOwner = ctx.codec.decode(r.char());
    const extendedName = ctx.codec.decode(r.char());
    const reference = r.i16();
    const alignment = r.i16();
    const sourceType = r.i32();
    const encodedLength = r.i32();
    raw.push({
      nameOffset,
      startPosition,
      type,
      extendedId,
      extendedOwner,
      extendedName,
      reference,
      alignment,
      sourceType,
      encodedLength,
    });
  }
  const table = r.bytes(tableSize);
  r.padTo2(tableSize);
  const fields = raw.map(({ nameOffset, ...rest }) => {
    const nul = table.indexOf(0, nameOffset);
    const end = nul === -1 ? table.length : nul;
    return { name: ctx.codec.decode(table.subarray(nameOffset, end)), ...rest };
  });
  return { kind: "describe", statementType, statementId, estimatedCost, tupleSize, fields };
}
