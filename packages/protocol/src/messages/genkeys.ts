// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// SQ_GENKEYS (134), client -> server: the statement being prepared is to return the keys
// its INSERT generates (JDBC Statement.RETURN_GENERATED_KEYS and its column-list forms).
// IBM JDBC sends it in the PREPARE group, between SQ_PREPARE and SQ_NDESCRIBE
// (docs/protocol/jdbc-observed.md, "RETURN_GENERATED_KEYS"):
//
//   00 86
//   i16 mode         1 = the keys the server chooses (RETURN_GENERATED_KEYS)
//                    2 = the columns at these 1-based positions (int[] columnIndexes)
//                    3 = the columns with these names (String[] columnNames)
//   mode 2:  i16 count, count x i16 position
//   mode 3:  i16 count, count x char name (i16 length, bytes, pad to even)
//
// Observed from IBM JDBC 15.0.0.1.1: `00 86 00 01`; `00 86 00 02 00 02 00 02 00 01` for
// {2, 1}; `00 86 00 03 00 02 00 03 "abc" 00 00 02 "de"` for {"abc", "de"}. IBM's own name
// for the code is not public; SQ_GENKEYS is ours (IDS's handler is `sq_sgkprepare`, "server
// generated keys", per the public description of CVE-2026-13361).

import type { ProtocolContext } from "../constants/capabilities.js";
import { SQ_GENKEYS } from "../constants/opcodes.js";
import type { ByteReader } from "../io/byte-reader.js";
import type { ByteWriter } from "../io/byte-writer.js";

export const GENKEYS_AUTO = 1;
export const GENKEYS_BY_INDEX = 2;
export const GENKEYS_BY_NAME = 3;

export type GenKeysMessage =
  | { readonly kind: "genkeys"; readonly mode: typeof GENKEYS_AUTO }
  | { readonly kind: "genkeys"; readonly mode: typeof GENKEYS_BY_INDEX; readonly indexes: readonly number[] }
  | { readonly kind: "genkeys"; readonly mode: typeof GENKEYS_BY_NAME; readonly names: readonly string[] };

export function encodeGenKeys(msg: GenKeysMessage, ctx: ProtocolContext, w: ByteWriter): void {
  w.u16(SQ_GENKEYS).i16(msg.mode);
  if (msg.mode === GENKEYS_BY_INDEX) {
    w.i16(msg.indexes.length);
    for (const i of msg.indexes) w.i16(i);
  } else if (msg.mode === GENKEYS_BY_NAME) {
    w.i16(msg.names.length);
    for (const n of msg.names) w.char(ctx.codec.encode(n));
  }
}

export function decodeGenKeys(r: ByteReader, ctx: ProtocolContext): GenKeysMessage {
  const mode = r.i16();
  if (mode === GENKEYS_AUTO) return { kind: "genkeys", mode };
  if (mode !== GENKEYS_BY_INDEX && mode !== GENKEYS_BY_NAME)
    throw new RangeError(`SQ_GENKEYS with unknown mode ${mode}`);
  const count = r.i16();
  if (count < 0) throw new RangeError(`SQ_GENKEYS with negative column count ${count}`);
  if (mode === GENKEYS_BY_INDEX) {
    const indexes: number[] = [];
    for (let i = 0; i < count; i++) indexes.push(r.i16());
    return { kind: "genkeys", mode, indexes };
  }
  const names: string[] = [];
  for (let i = 0; i < count; i++) names.push(ctx.codec.decode(r.char()));
  return { kind: "genkeys", mode, names };
}
