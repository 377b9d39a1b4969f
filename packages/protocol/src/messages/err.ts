// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// SQ_ERR (13), server -> client:
//
//   00 0D
//   i16 sqlcode                   e.g. -206; 100 = no more rows
//   i16 isam code                 secondary error (sqlerrd[1])
//   i32 offset (feature 62) | i16 offset     1-based position in the SQL text, 0 if none
//   char parameter                the %s of the message text (a table or column name),
//                                 not the message itself; absent for sqlcode -368
// The server still ends the group with SQ_EOT and the session stays usable.

import type { ProtocolContext } from "../constants/capabilities.js";
import { SQ_ERR } from "../constants/opcodes.js";
import type { ByteReader } from "../io/byte-reader.js";
import type { ByteWriter } from "../io/byte-writer.js";

/** "Incompatible sqlexec module": the one error sent without its parameter. */
export const SQLCODE_INCOMPATIBLE_SQLEXEC = -368;

export interface ErrMessage {
  readonly kind: "err";
  readonly sqlcode: number;
  readonly isamCode: number;
  readonly offset: number;
  readonly parameter: string;
}

export function encodeErr(msg: ErrMessage, ctx: ProtocolContext, w: ByteWriter): void {
  w.u16(SQ_ERR).i16(msg.sqlcode).i16(msg.isamCode);
  if (ctx.longSqlText) w.i32(msg.offset);
  else w.i16(msg.offset);
  if (msg.sqlcode !== SQLCODE_INCOMPATIBLE_SQLEXEC) w.char(ctx.codec.encode(msg.parameter));
}

export function decodeErr(r: ByteReader, ctx: ProtocolContext): ErrMessage {
  const sqlcode = r.i16();
  const isamCode = r.i16();
  const offset = ctx.longSqlText ? r.i32() : r.i16();
  const parameter = sqlcode === SQLCODE_INCOMPATIBLE_SQLEXEC ? "" : ctx.codec.decode(r.char()).replace(/\0+$/, "");
  return { kind: "err", sqlcode, isamCode, offset, parameter };
}
