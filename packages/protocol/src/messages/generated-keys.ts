// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Opcode 134, client -> server (called SQ_GENKEYS here; IBM's name is not public).
//
//   u16 134, i16 flag
//
// IBM JDBC 15.0.0.1.1 puts it between SQ_PREPARE's text and SQ_NDESCRIBE when the statement is
// prepared with Statement.RETURN_GENERATED_KEYS (Hibernate's IDENTITY inserts), flag 1
// [jdbc-observed]. No reply item of its own: the group is answered as a plain PREPARE.

import { SQ_GENKEYS } from "../constants/opcodes.js";
import type { ByteReader } from "../io/byte-reader.js";
import type { ByteWriter } from "../io/byte-writer.js";

export interface GenKeysMessage {
  readonly kind: "genkeys";
  readonly flag: number;
}

export function encodeGenKeys(msg: GenKeysMessage, w: ByteWriter): void {
  w.u16(SQ_GENKEYS).i16(msg.flag);
}

export function decodeGenKeys(r: ByteReader): GenKeysMessage {
  return { kind: "genkeys", flag: r.i16() };
}
