// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Session settings sent as messages, client -> server:
//
// SQ_ISOLEVEL (47)   i16 isolation level
// SQ_LOCKWAIT (48)   i16 lock wait (seconds; -1 wait forever, 0 do not wait)
// (SQ_GENKEYS, 134, which IBM JDBC sends in a PREPARE group, is in genkeys.ts.)
//
// [inferred] ISOLEVEL and LOCKWAIT are in libsqli's list but no client we can read sends
// them (clients use SET ISOLATION / SET LOCK MODE text); one i16 body each is our reading.

import { SQ_ISOLEVEL, SQ_LOCKWAIT } from "../constants/opcodes.js";
import type { ByteReader } from "../io/byte-reader.js";
import type { ByteWriter } from "../io/byte-writer.js";

export interface SessionOptionMessage {
  readonly kind: "isolevel" | "lockwait";
  readonly value: number;
}

const CODES = { isolevel: SQ_ISOLEVEL, lockwait: SQ_LOCKWAIT } as const;

export function encodeSessionOption(msg: SessionOptionMessage, w: ByteWriter): void {
  w.u16(CODES[msg.kind]).i16(msg.value);
}

export function decodeSessionOption(kind: SessionOptionMessage["kind"], r: ByteReader): SessionOptionMessage {
  return { kind, value: r.i16() };
}
