// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Fast-path routine calls, client -> server [py `_fastpath.py`, `_messages.py`]:
//
// SQ_GETROUTINE (101)   u8 by-id flag (0: by signature, 1: by routine id)
//                       i32 len (feature 62) | i16 len, signature text, pad to even
//                         (by id: the routine's name as called)
//                       [i32 routine id (sysprocedures.procid), by id only]
//                       i16 fparam flag
//                       By id: IBM JDBC 15.0.0.1.1 executing a CallableStatement whose routine
//                       has OUT parameters, the id from the -9752 message parameter
//                       (docs/protocol/jdbc-observed.md).
// SQ_EXFPROUTINE (102)  char database name, i32 routine handle, i16 parameter count,
//                       i16 fparam flag; the values follow as an ordinary SQ_BIND message
//
// The server answers GETROUTINE with SQ_GETROUTINE (char database, i32 handle) and
// EXFPROUTINE with SQ_FPROUTINE (below).

import type { ProtocolContext } from "../constants/capabilities.js";
import { SQ_EXFPROUTINE, SQ_FPROUTINE, SQ_GETROUTINE } from "../constants/opcodes.js";
import { SQLSENDRECV, SQLUDTFIXED, SQLUDTVAR } from "../constants/type-codes.js";
import type { ByteReader } from "../io/byte-reader.js";
import type { ByteWriter } from "../io/byte-writer.js";

/** SQ_GETROUTINE's flag when the routine is named by its id. */
export const GETROUTINE_BY_ID = 1;

export interface GetRoutineMessage {
  readonly kind: "getroutine";
  readonly byId: number;
  readonly signature: string;
  /** The routine id when `byId` is 1. */
  readonly routineId?: number;
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
  if (msg.byId === GETROUTINE_BY_ID) w.i32(msg.routineId ?? 0);
  w.i16(msg.fparamFlag);
}

export function decodeGetRoutine(r: ByteReader, ctx: ProtocolContext): GetRoutineMessage {
  const byId = r.u8();
  const signature = ctx.codec.decode(ctx.longSqlText ? r.char4() : r.char());
  if (byId === GETROUTINE_BY_ID) {
    const routineId = r.i32();
    return { kind: "getroutine", byId, signature, routineId, fparamFlag: r.i16() };
  }
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

// Server -> client answers [py `_fastpath.py`]:
//
// SQ_GETROUTINE (101)  char database name, i32 routine handle (then SQ_EOT)
// SQ_FPROUTINE (103)   i16 number of return values, per value:
//                        i16 type, [char owner, char name when the base type is above 18 and
//                        not BIGINT/BIGSERIAL (52, 53)], i16 indicator (-1 NULL), i16 precision,
//                        the value in its bind form (fixed width, i32 length + bytes for the
//                        opaque types 40, 41, 44, else i16 length + bytes), pad to even
//                      then SQ_DONE, SQ_COST, SQ_EOT as after SQ_EXECUTE.

/** One value a fast-path routine returned; `payload` is the bind-form bytes, without pad. */
export interface FpReturnValue {
  readonly type: number;
  readonly owner?: string;
  readonly typeName?: string;
  readonly indicator: number;
  readonly precision: number;
  readonly payload: Uint8Array | null;
}

export interface GetRoutineReplyMessage {
  readonly kind: "getroutinereply";
  readonly database: string;
  readonly handle: number;
}

export interface FpRoutineMessage {
  readonly kind: "fproutine";
  readonly values: readonly FpReturnValue[];
}

/** Base types whose value carries an owner and a type name [py `_fastpath.py`]. */
const NAMED_TYPE_MIN = 18;
const SQLINFXBIGINT = 52;
const SQLBIGSERIAL = 53;
const hasTypeName = (type: number) => {
  const base = type & 0xff;
  return base >= NAMED_TYPE_MIN && base !== SQLINFXBIGINT && base !== SQLBIGSERIAL;
};

export function encodeGetRoutineReply(msg: GetRoutineReplyMessage, ctx: ProtocolContext, w: ByteWriter): void {
  w.u16(SQ_GETROUTINE).char(ctx.codec.encode(msg.database)).i32(msg.handle);
}

export function decodeGetRoutineReply(r: ByteReader, ctx: ProtocolContext): GetRoutineReplyMessage {
  const database = ctx.codec.decode(r.char());
  return { kind: "getroutinereply", database, handle: r.i32() };
}

/**
 * Opaque types whose value is framed by an i32 length, as in SQ_BIND: ifx_lo_create's locator
 * (41), ifx_lo_stat's and ifx_lo_col_sbinfo's structures (44) [IBM JDBC reads them so].
 */
const OPAQUE_RETURN = new Set([SQLUDTVAR, SQLUDTFIXED, SQLSENDRECV]);

export function encodeFpRoutine(msg: FpRoutineMessage, ctx: ProtocolContext, w: ByteWriter): void {
  w.u16(SQ_FPROUTINE).i16(msg.values.length);
  for (const v of msg.values) {
    w.i16(v.type);
    if (hasTypeName(v.type)) w.char(ctx.codec.encode(v.owner ?? "")).char(ctx.codec.encode(v.typeName ?? ""));
    w.i16(v.indicator).i16(v.precision);
    if (v.payload === null) continue;
    // Opaque values: `payload` is the value, the i32 length is written here (as decoded).
    if (OPAQUE_RETURN.has(v.type & 0xff)) w.i32(v.payload.length);
    w.bytes(v.payload).padTo2(v.payload.length);
  }
}

const FIXED_BIND_WIDTHS: Readonly<Record<number, number>> = {
  1: 2, // SMALLINT
  2: 4, // INTEGER
  6: 4, // SERIAL
  7: 4, // DATE
  4: 4, // SMALLFLOAT
  3: 8, // FLOAT
  52: 8, // BIGINT
  53: 8, // BIGSERIAL
  17: 10, // INT8
  18: 10, // SERIAL8
};

/** Bytes of a fixed-width value in bind form, or undefined for a type framed by an i16 length. */
export function fixedBindWidth(type: number): number | undefined {
  return FIXED_BIND_WIDTHS[type & 0xff];
}

/**
 * Decodes SQ_FPROUTINE after its opcode. `width(type, precision)` gives the byte count of a
 * value of a fixed-width type, or undefined for a type framed by an i16 length.
 */
export function decodeFpRoutine(
  r: ByteReader,
  ctx: ProtocolContext,
  width: (type: number, precision: number) => number | undefined = fixedBindWidth,
): FpRoutineMessage {
  const n = r.i16();
  const values: FpReturnValue[] = [];
  for (let i = 0; i < n; i++) {
    const type = r.i16();
    const named = hasTypeName(type);
    const owner = named ? ctx.codec.decode(r.char()) : undefined;
    const typeName = named ? ctx.codec.decode(r.char()) : undefined;
    const indicator = r.i16();
    const precision = r.i16();
    let payload: Uint8Array | null = null;
    if (indicator !== -1) {
      const w = width(type, precision);
      const len = w ?? (OPAQUE_RETURN.has(type & 0xff) ? r.i32() : r.u16());
      payload = r.bytes(len).slice();
      r.padTo2(w === undefined ? len : w);
    }
    values.push({
      type,
      ...(owner !== undefined ? { owner } : {}),
      ...(typeName !== undefined ? { typeName } : {}),
      indicator,
      precision,
      payload,
    });
  }
  return { kind: "fproutine", values };
}
