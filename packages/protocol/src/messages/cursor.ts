// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Statement and cursor addressing, client -> server:
//
// SQ_ID (4)        i16 statement id (from SQ_DESCRIBE); the following messages act on it.
//                  (Some clients write `00 04 00 00 00 0N`, reading it as SQ_ID + an int
//                  "action"; the bytes are the same for statement 0.)
// SQ_CURNAME (3)   char cursor name, e.g. "_ifxc0000000000000"
// SQ_NFETCH (9)    i32 buffer size (feature 63) | i16 buffer size; then i16 0
//                  (bytes of tuples the server may send; nmap sends `10 00 00 00`)
// SQ_SFETCH (23)   i16 scroll type (1 next, 4 last, 6 absolute), i32 row, buffer size as NFETCH
// SQ_RET_TYPE(100) i16 1, i16 n, n x (i16 type, [char owner, char name], i32 length)
//
// Bodiless: SQ_OPEN 6, SQ_EXECUTE 7, SQ_CLOSE 10, SQ_RELEASE 11, SQ_NDESCRIBE 22,
// SQ_SCROLL 24, SQ_HOLD 43, SQ_WANTDONE 49, SQ_AUTOFREE 108 (see bare.ts).

import type { ProtocolContext } from "../constants/capabilities.js";
import { SQ_CURNAME, SQ_ID, SQ_NFETCH, SQ_RET_TYPE, SQ_SFETCH } from "../constants/opcodes.js";
import { SQLBOOL, SQLLVARCHAR, SQLSENDRECV, SQLTYPE_MASK, SQLUDTFIXED, SQLUDTVAR } from "../constants/type-codes.js";
import type { ByteReader } from "../io/byte-reader.js";
import type { ByteWriter } from "../io/byte-writer.js";
import { latin1 } from "../text/code-pages.js";

export const SFETCH_NEXT = 1;
export const SFETCH_PRIOR = 2;
export const SFETCH_FIRST = 3;
export const SFETCH_LAST = 4;
export const SFETCH_CURRENT = 5;
export const SFETCH_ABSOLUTE = 6;
export const SFETCH_RELATIVE = 7;

export interface IdMessage {
  readonly kind: "id";
  readonly statementId: number;
}

export interface CurNameMessage {
  readonly kind: "curname";
  readonly name: string;
}

export interface NFetchMessage {
  readonly kind: "nfetch";
  readonly bufferSize: number;
  readonly arraySize: number;
}

export interface SFetchMessage {
  readonly kind: "sfetch";
  readonly scrollType: number;
  readonly row: number;
  readonly bufferSize: number;
}

export interface RetTypeColumn {
  readonly type: number;
  readonly owner?: string;
  readonly name?: string;
  readonly encodedLength: number;
}

export interface RetTypeMessage {
  readonly kind: "rettype";
  readonly columns: readonly RetTypeColumn[];
}

export function encodeId(msg: IdMessage, w: ByteWriter): void {
  w.u16(SQ_ID).i16(msg.statementId);
}

export function decodeId(r: ByteReader): IdMessage {
  return { kind: "id", statementId: r.i16() };
}

export function encodeCurName(msg: CurNameMessage, w: ByteWriter): void {
  w.u16(SQ_CURNAME).char(latin1.encode(msg.name));
}

export function decodeCurName(r: ByteReader): CurNameMessage {
  return { kind: "curname", name: latin1.decode(r.char()) };
}

function writeBufferSize(size: number, ctx: ProtocolContext, w: ByteWriter): void {
  if (ctx.longFetchBuffer) w.i32(size);
  else w.u16(Math.min(size, 0xffff));
}

function readBufferSize(r: ByteReader, ctx: ProtocolContext): number {
  return ctx.longFetchBuffer ? r.i32() : r.u16();
}

export function encodeNFetch(msg: NFetchMessage, ctx: ProtocolContext, w: ByteWriter): void {
  w.u16(SQ_NFETCH);
  writeBufferSize(msg.bufferSize, ctx, w);
  w.i16(msg.arraySize);
}

export function decodeNFetch(r: ByteReader, ctx: ProtocolContext): NFetchMessage {
  const bufferSize = readBufferSize(r, ctx);
  return { kind: "nfetch", bufferSize, arraySize: r.i16() };
}

export function encodeSFetch(msg: SFetchMessage, ctx: ProtocolContext, w: ByteWriter): void {
  w.u16(SQ_SFETCH).i16(msg.scrollType).i32(msg.row);
  writeBufferSize(msg.bufferSize, ctx, w);
}

export function decodeSFetch(r: ByteReader, ctx: ProtocolContext): SFetchMessage {
  const scrollType = r.i16();
  const row = r.i32();
  return { kind: "sfetch", scrollType, row, bufferSize: readBufferSize(r, ctx) };
}

const RET_TYPE_DIRECTION = 1;
/**
 * Which column types carry owner and name in SQ_RET_TYPE: the opaque types and their
 * client-side forms. IBM JDBC returns a column described as UDTVAR "lvarchar" as type 43
 * with owner "informix" and name "lvarchar" (observed).
 */
const EXTENDED_NAME_TYPES = new Set([SQLUDTVAR, SQLUDTFIXED, SQLLVARCHAR, SQLSENDRECV, SQLBOOL]);
const hasExtendedName = (type: number) => EXTENDED_NAME_TYPES.has(type & SQLTYPE_MASK);

export function encodeRetType(msg: RetTypeMessage, w: ByteWriter): void {
  w.u16(SQ_RET_TYPE).i16(RET_TYPE_DIRECTION).i16(msg.columns.length);
  for (const c of msg.columns) {
    w.u16(c.type);
    if (hasExtendedName(c.type)) w.char(latin1.encode(c.owner ?? "")).char(latin1.encode(c.name ?? ""));
    w.i32(c.encodedLength);
  }
}

export function decodeRetType(r: ByteReader): RetTypeMessage {
  r.i16();
  const count = r.i16();
  if (count < 0) throw new RangeError(`SQ_RET_TYPE with negative count ${count}`);
  const columns: RetTypeColumn[] = [];
  for (let i = 0; i < count; i++) {
    const type = r.u16();
    if (hasExtendedName(type)) {
      const owner = latin1.decode(r.char());
      const name = latin1.decode(r.char());
      columns.push({ type, owner, name, encodedLength: r.i32() });
    } else {
      columns.push({ type, encodedLength: r.i32() });
    }
  }
  return { kind: "rettype", columns };
}
