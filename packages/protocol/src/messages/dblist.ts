// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// SQ_DBLIST (26). Client -> server: bodiless (bare.ts), works before any SQ_DBOPEN.
// Server -> client:
//
//   00 1A  { char database name }*  00 00
// then SQ_EOT (nmap's informix-tables reads exactly this).

import type { ProtocolContext } from "../constants/capabilities.js";
import { SQ_DBLIST } from "../constants/opcodes.js";
import type { ByteReader } from "../io/byte-reader.js";
import type { ByteWriter } from "../io/byte-writer.js";

export interface DbListMessage {
  readonly kind: "dblist";
  readonly databases: readonly string[];
}

export function encodeDbList(msg: DbListMessage, ctx: ProtocolContext, w: ByteWriter): void {
  w.u16(SQ_DBLIST);
  for (const name of msg.databases) w.char(ctx.codec.encode(name));
  w.u16(0);
}

export function decodeDbList(r: ByteReader, ctx: ProtocolContext): DbListMessage {
  const databases: string[] = [];
  for (let name = r.char(); name.length > 0; name = r.char()) databases.push(ctx.codec.decode(name));
  return { kind: "dblist", databases };
}
