// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// IBM JDBC's CallableStatement on a routine with OUT parameters. When the reply to the PREPARE
// of `execute function f(...)` is SQLCODE -9752 (an argument stands for an OUT parameter), JDBC
// reads the number between the first two colons of the message parameter as the routine's id
// and asks for the routine's parameters by it; execute() then calls the routine through the
// fast path by that id (fast-path.ts, SQ_GETROUTINE by id) with one more client message after
// the SQ_BIND. IBM's names for these codes are not public: SQ_GETIFPDESC and SQ_FPOUT are ours,
// SQ_IFPDESCRIBE follows JDBC's `receiveIFPDescribe`. All established black-box against IBM
// JDBC 15.0.0.1.1 (docs/protocol/jdbc-observed.md, "OUT parameters").
//
// Client -> server, SQ_GETIFPDESC (131), then SQ_EOT:
//   00 83, u8 flag (1 seen), char routine name as called (00 02 "pf"), i32 routine id
//
// Server -> client, SQ_IFPDESCRIBE (132), then SQ_EOT:
//   00 84, i16 count, count x { i16 lead, 22-byte record as in SQ_IDESCRIBE (input-describe.ts) }
//   count is the routine's arguments (IN, INOUT, OUT), which JDBC then takes setXXX and
//   registerOutParameter for. lead 0 is accepted; a 1 in the first record makes JDBC read
//   further (its meaning is not known). JDBC sends one more empty group (SQ_EOT) after it.
//
// Client -> server, SQ_FPOUT (104), after the SQ_BIND of SQ_EXFPROUTINE with fparam flag 1:
//   00 68, i16 1, 12 bytes 0, u8 1 (seen the same for one and for two OUT parameters).
// JDBC reads the fast-path reply only after a server SQ_FPOUT: 39 bytes when all are 0 (bytes
// 32..35 nonzero make it read more), without which it fails reading SQ_FPROUTINE. Its layout is
// not known, so the emulator answers the call -999.

import type { ProtocolContext } from "../constants/capabilities.js";
import { SQ_FPOUT, SQ_GETIFPDESC, SQ_IFPDESCRIBE } from "../constants/opcodes.js";
import type { ByteReader } from "../io/byte-reader.js";
import type { ByteWriter } from "../io/byte-writer.js";
import { decodeParameterRecord, encodeParameterRecord, type InputParameter } from "./input-describe.js";

export interface GetIfpDescMessage {
  readonly kind: "getifpdesc";
  readonly flag: number;
  readonly routine: string;
  readonly number: number;
}

/** SQ_FPOUT from the client; its fields' meanings are not known. */
export interface FpOutMessage {
  readonly kind: "fpout";
  readonly count: number;
  readonly body: Uint8Array;
  readonly flag: number;
}

export function encodeFpOut(msg: FpOutMessage, w: ByteWriter): void {
  w.u16(SQ_FPOUT).i16(msg.count).bytes(msg.body).u8(msg.flag);
}

export function decodeFpOut(r: ByteReader): FpOutMessage {
  const count = r.i16();
  const body = r.bytes(12).slice();
  return { kind: "fpout", count, body, flag: r.u8() };
}

/** A routine argument in SQ_IFPDESCRIBE; `lead` is the i16 before its record (0). */
export interface IfpParameter extends InputParameter {
  readonly lead: number;
}

export interface IfpDescribeMessage {
  readonly kind: "ifpdescribe";
  readonly parameters: readonly IfpParameter[];
}

export function encodeGetIfpDesc(msg: GetIfpDescMessage, ctx: ProtocolContext, w: ByteWriter): void {
  w.u16(SQ_GETIFPDESC).u8(msg.flag).char(ctx.codec.encode(msg.routine)).i32(msg.number);
}

export function decodeGetIfpDesc(r: ByteReader, ctx: ProtocolContext): GetIfpDescMessage {
  const flag = r.u8();
  const routine = ctx.codec.decode(r.char());
  return { kind: "getifpdesc", flag, routine, number: r.i32() };
}

export function encodeIfpDescribe(msg: IfpDescribeMessage, ctx: ProtocolContext, w: ByteWriter): void {
  w.u16(SQ_IFPDESCRIBE);
  w.i16(msg.parameters.length);
  for (const p of msg.parameters) {
    w.i16(p.lead);
    encodeParameterRecord(p, ctx, w);
  }
}

export function decodeIfpDescribe(r: ByteReader, ctx: ProtocolContext): IfpDescribeMessage {
  const count = r.i16();
  if (count < 0) throw new RangeError(`SQ_IFPDESCRIBE with negative count ${count}`);
  const parameters: IfpParameter[] = [];
  for (let i = 0; i < count; i++) {
    const lead = r.i16();
    parameters.push({ lead, ...decodeParameterRecord(r, ctx) });
  }
  return { kind: "ifpdescribe", parameters };
}
