// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// SQ_PREPARE (2) and SQ_COMMAND (1) share one body, client -> server:
//
//   00 02 | 00 01
//   i16 numqmarks                 number of `?` markers (0 for SQ_COMMAND)
//   i32 len (feature 62) | i16 len
//   SQL bytes, pad to even
//
// PREPARE is followed in the same group by SQ_NDESCRIBE (22) and SQ_WANTDONE (49);
// COMMAND by SQ_NDESCRIBE, SQ_EXECUTE, SQ_RELEASE. Those carry no body.

import type { ProtocolContext } from "../constants/capabilities.js";
import { SQ_COMMAND, SQ_PREPARE } from "../constants/opcodes.js";
import type { ByteReader } from "../io/byte-reader.js";
import type { ByteWriter } from "../io/byte-writer.js";

export interface PrepareMessage {
  readonly kind: "prepare";
  readonly paramCount: number;
  readonly sql: string;
}

export interface CommandMessage {
  readonly kind: "command";
  readonly sql: string;
}

function writeSql(sql: string, ctx: ProtocolContext, w: ByteWriter): void {
  const bytes = ctx.codec.encode(sql);
  if (ctx.longSqlText) w.char4(bytes);
  else w.char(bytes);
}

function readSql(r: ByteReader, ctx: ProtocolContext): string {
  return ctx.codec.decode(ctx.longSqlText ? r.char4() : r.char());
}

export function encodePrepare(msg: PrepareMessage, ctx: ProtocolContext, w: ByteWriter): void {
  w.u16(SQ_PREPARE).i16(msg.paramCount);
  writeSql(msg.sql, ctx, w);
}

export function decodePrepare(r: ByteReader, ctx: ProtocolContext): PrepareMessage {
  const paramCount = r.i16();
  return { kind: "prepare", paramCount, sql: readSql(r, ctx) };
}

export function encodeCommand(msg: CommandMessage, ctx: ProtocolContext, w: ByteWriter): void {
  w.u16(SQ_COMMAND).i16(0);
  writeSql(msg.sql, ctx, w);
}

export function decodeCommand(r: ByteReader, ctx: ProtocolContext): CommandMessage {
  r.i16();
  return { kind: "command", sql: readSql(r, ctx) };
}
