// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Fast-path routine calls, client -> server [py `_fastpath.py`, `_messages.py`]:
//
// SQ_GETROUTINE (101)   u8 by-id flag (0: by signature)
//                       i32 len (feature 62) | i16 len, signature text, pad to even
//                       i16 fparam flag
// SQ_EXFPROUTINE (102)  char database name, i32 routine handle, i16 parameter count,
//                       i16 fparam flag; the values follow as an ordinary SQ_BIND message
//
// The server answers GETROUTINE with SQ_GETROUTINE (char database, i32 handle) and
// EXFPROUTINE with SQ_FPROUTINE; the emulator has no fast path and answers SQ_ERR.

import type { ProtocolContext } from "../constants/capabilities.js";
import { SQ_EXFPROUTINE, SQ_GETROUTINE } from "../constants/opcodes.js";
import type { ByteReader } from "../io/byte-reader.js";
import type { ByteWriter } from "../io/byte-writer.js";

export interface GetRoutineMessage {
  readonly kind: "getroutine";
  readonly byId: number;
  readonly signature: string;
  readonly fparamFlag: number;
}

export interface ExFpRoutineMessage {
  readonly kind: "exfproutine";
  readonly database: string;
  readonly handle: number;
  readonly paramCount: number;
  readonly fparamFlag: number;
}

export function encodeGetRoutine(msg: GetRoutineMessage, ctx: ProtocolContext, w: ByteWriter): void {
  w.u16(SQ_GETROUTINE).u8(msg.byId);
  const text = ctx.codec.encode(msg.signature);
  if (ctx.longSqlText) w.char4(text);
  else w.char(text);
  w.i16(msg.fparamFlag);
}

export function decodeGetRoutine(r: ByteReader, ctx: ProtocolContext): GetRoutineMessage {
  const byId = r.u8();
  const signature = ctx.codec.decode(ctx.longSqlText ? r.char4() : r.char());
  return { kind: "getroutine", byId, signature, fparamFlag: r.i16() };
}

export function encodeExFpRoutine(msg: ExFpRoutineMessage, ctx: ProtocolContext, w: ByteWriter): void {
  w.u16(SQ_EXFPROUTINE).char(ctx.codec.encode(msg.database)).i32(msg.handle).i16(msg.paramCount).i16(msg.fparamFlag);
}

export function decodeExFpRoutine(r: ByteReader, ctx: ProtocolContext): ExFpRoutineMessage {
  const database = ctx.codec.decode(r.char());
  const handle = r.i32();
  const paramCount = r.i16();
  return { kind: "exfproutine", database, handle, paramCount, fparamFlag: r.i16() };
}
