// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Describing the `?` parameters of a prepared statement ("describe input").
// Client -> server: SQ_ID n, SQ_CIDESCRIBE (124, no body), SQ_EOT. IBM JDBC sends it
// after preparing an INSERT/UPDATE with parameters. Server -> client:
//
//   00 7D                         SQ_IDESCRIBE (125)
//   i16 parameter count           JDBC: "Number of input values does not match number of
//                                 question marks" when it differs from the `?` count
//   [i16 0]                       only when the count is not 0: unknown flag; JDBC reads
//                                 more bytes when it is 1, and with a count of 0 it reads
//                                 these bytes as the next message code (-408)
//   per parameter (22 bytes with empty names):
//     i16 type (| SQLNONULL)      JDBC ParameterMetaData type and isNullable
//     i32 extended id, char owner, char name,
//     i16 reference, i16 alignment, i32 source type, i32 encoded length
// Layout established black-box against IBM JDBC 15.0.0.1.1 (docs/protocol/jdbc-observed.md).

import type { ProtocolContext } from "../constants/capabilities.js";
import { SQ_IDESCRIBE } from "../constants/opcodes.js";
import type { ByteReader } from "../io/byte-reader.js";
import type { ByteWriter } from "../io/byte-writer.js";

export interface InputParameter {
  readonly type: number;
  readonly extendedId: number;
  readonly extendedOwner: string;
  readonly extendedName: string;
  readonly encodedLength: number;
}

export interface InputDescribeMessage {
  readonly kind: "idescribe";
  readonly parameters: readonly InputParameter[];
}

export function encodeInputDescribe(msg: InputDescribeMessage, ctx: ProtocolContext, w: ByteWriter): void {
  w.u16(SQ_IDESCRIBE);
  encodeParameterList(msg.parameters, ctx, w);
}

/** The count, flag word and records of SQ_IDESCRIBE (also SQ_IFPDESCRIBE's body). */
export function encodeParameterList(parameters: readonly InputParameter[], ctx: ProtocolContext, w: ByteWriter): void {
  w.i16(parameters.length);
  if (parameters.length > 0) w.i16(0);
  for (const p of parameters) encodeParameterRecord(p, ctx, w);
}

/** One parameter's 22 bytes (with empty names): type, extended id, owner, name, 0, 0, 0, length. */
export function encodeParameterRecord(p: InputParameter, ctx: ProtocolContext, w: ByteWriter): void {
  w.u16(p.type).i32(p.extendedId);
  w.char(ctx.codec.encode(p.extendedOwner)).char(ctx.codec.encode(p.extendedName));
  w.i16(0).i16(0).i32(0).i32(p.encodedLength);
}

export function decodeParameterRecord(r: ByteReader, ctx: ProtocolContext): InputParameter {
  const type = r.u16();
  const extendedId = r.i32();
  const extendedOwner = ctx.codec.decode(r.char());
  const extendedName = ctx.codec.decode(r.char());
  r.i16();
  r.i16();
  r.i32();
  return { type, extendedId, extendedOwner, extendedName, encodedLength: r.i32() };
}

export function decodeInputDescribe(r: ByteReader, ctx: ProtocolContext): InputDescribeMessage {
  return { kind: "idescribe", parameters: decodeParameterList(r, ctx, "SQ_IDESCRIBE") };
}

export function decodeParameterList(r: ByteReader, ctx: ProtocolContext, what: string): InputParameter[] {
  const count = r.i16();
  if (count < 0) throw new RangeError(`${what} with negative count ${count}`);
  if (count > 0) r.i16();
  const parameters: InputParameter[] = [];
  for (let i = 0; i < count; i++) parameters.push(decodeParameterRecord(r, ctx));
  return parameters;
}
