// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// SQ_DBOPEN (36), client -> server:  00 24  char name  i16 flags
// flags is 0 from every known client (1 is presumably DATABASE ... EXCLUSIVE).
// Reply: SQ_DONE (warnings describe the database: see done.ts) SQ_COST SQ_EOT, or SQ_ERR.
// SQ_DBCLOSE (37) has no body.

import type { ProtocolContext } from "../constants/capabilities.js";
import { SQ_DBOPEN } from "../constants/opcodes.js";
import type { ByteReader } from "../io/byte-reader.js";
import type { ByteWriter } from "../io/byte-writer.js";

export const DBOPEN_EXCLUSIVE = 1;

export interface DbOpenMessage {
  readonly kind: "dbopen";
  readonly database: string;
  readonly flags: number;
}

export function encodeDbOpen(msg: DbOpenMessage, ctx: ProtocolContext, w: ByteWriter): void {
  w.u16(SQ_DBOPEN).char(ctx.codec.encode(msg.database)).i16(msg.flags);
}

export function decodeDbOpen(r: ByteReader, ctx: ProtocolContext): DbOpenMessage {
  const database = ctx.codec.decode(r.char());
  const flags = r.i16();
  return { kind: "dbopen", database, flags };
}
