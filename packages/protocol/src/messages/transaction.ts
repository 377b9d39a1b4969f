// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Transaction messages, client -> server:
//
// SQ_BEGIN (35), SQ_CMMTWORK (19)   no body
// SQ_RBWORK (20)                    i16 savepoint (0 = the whole transaction); a server
//                                   waits for these two bytes, so they are not optional
// SQ_SQLISETSVPT (137)              char name, i16 unique flag
// SQ_SQLIRELSVPT (138)              char name
// SQ_SQLIRBACKSVPT (139)            char name
// Replies: SQ_XACTSTAT (logged databases), SQ_DONE, SQ_EOT; or SQ_ERR.

import type { ProtocolContext } from "../constants/capabilities.js";
import { SQ_RBWORK, SQ_SQLIRBACKSVPT, SQ_SQLIRELSVPT, SQ_SQLISETSVPT } from "../constants/opcodes.js";
import type { ByteReader } from "../io/byte-reader.js";
import type { ByteWriter } from "../io/byte-writer.js";

export interface RollbackWorkMessage {
  readonly kind: "rbwork";
  readonly savepoint: number;
}

export interface SavepointMessage {
  readonly kind: "setsavepoint" | "releasesavepoint" | "rollbacksavepoint";
  readonly name: string;
  /** SET only: SAVEPOINT name UNIQUE. */
  readonly unique: boolean;
}

const SAVEPOINT_CODES = {
  setsavepoint: SQ_SQLISETSVPT,
  releasesavepoint: SQ_SQLIRELSVPT,
  rollbacksavepoint: SQ_SQLIRBACKSVPT,
} as const;

export function encodeRollbackWork(msg: RollbackWorkMessage, w: ByteWriter): void {
  w.u16(SQ_RBWORK).i16(msg.savepoint);
}

export function decodeRollbackWork(r: ByteReader): RollbackWorkMessage {
  return { kind: "rbwork", savepoint: r.i16() };
}

export function encodeSavepoint(msg: SavepointMessage, ctx: ProtocolContext, w: ByteWriter): void {
  w.u16(SAVEPOINT_CODES[msg.kind]).char(ctx.codec.encode(msg.name));
  if (msg.kind === "setsavepoint") w.i16(msg.unique ? 1 : 0);
}

export function decodeSavepoint(kind: SavepointMessage["kind"], r: ByteReader, ctx: ProtocolContext): SavepointMessage {
  const name = ctx.codec.decode(r.char());
  const unique = kind === "setsavepoint" ? r.i16() !== 0 : false;
  return { kind, name, unique };
}
