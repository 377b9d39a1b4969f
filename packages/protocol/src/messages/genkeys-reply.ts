// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The server's side of generated keys (the request is SQ_GENKEYS, 134, genkeys.ts). Found by
// black-box probing of IBM JDBC 15.0.0.1.1 (docs/protocol/jdbc-observed.md, "RETURN_GENERATED_KEYS");
// IBM's names for the codes are not public, SQ_SGKDESCRIBE / SQ_SGKTUPLE are ours ("SGK": server
// generated keys, as in JDBC's `receiveSGKTuple` and IDS's `sq_sgkprepare`).
//
// SQ_SGKDESCRIBE (135), server -> client, in the reply to the PREPARE group that carried
// SQ_GENKEYS: the key columns, laid out exactly as an SQ_DESCRIBE body (describe.ts):
//
//   00 87
//   i16 statement type, i16 statement id, i32 estimated cost, tuple size, i16 field count,
//   name table size, per field (name offset, start, type, xid, owner, name, reference,
//   alignment, source type, encoded length), name table
//
// JDBC builds getGeneratedKeys()'s metadata from it; it may come before or after the
// statement's SQ_DESCRIBE, or after SQ_DONE.
//
// SQ_SGKTUPLE (136), server -> client, in an EXECUTE reply (before or after SQ_DONE): one row
// of keys, laid out as SQ_TUPLE (tuple.ts), one message per row:
//
//   00 88
//   i16 warnings     any value is accepted
//   i32 size, size bytes of key values in the SQ_SGKDESCRIBE's layout, pad to even
//
// Without an SQ_SGKDESCRIBE first, JDBC fails an SQ_SGKTUPLE with -79716.

import type { ProtocolContext } from "../constants/capabilities.js";
import { SQ_SGKDESCRIBE, SQ_SGKTUPLE } from "../constants/opcodes.js";
import type { ByteReader } from "../io/byte-reader.js";
import type { ByteWriter } from "../io/byte-writer.js";
import { type DescribeMessage, decodeDescribe, encodeDescribeBody } from "./describe.js";

export interface SgkDescribeMessage extends Omit<DescribeMessage, "kind"> {
  readonly kind: "sgkdescribe";
}

export interface SgkTupleMessage {
  readonly kind: "sgktuple";
  readonly warnings: number;
  /** The key values, back to back (a view; copy it to keep it past the next read). */
  readonly data: Uint8Array;
}

export function encodeSgkDescribe(msg: SgkDescribeMessage, ctx: ProtocolContext, w: ByteWriter): void {
  w.u16(SQ_SGKDESCRIBE);
  encodeDescribeBody(msg, ctx, w);
}

export function decodeSgkDescribe(r: ByteReader, ctx: ProtocolContext): SgkDescribeMessage {
  const { kind: _, ...body } = decodeDescribe(r, ctx);
  return { kind: "sgkdescribe", ...body };
}

export function encodeSgkTuple(msg: SgkTupleMessage, w: ByteWriter): void {
  w.u16(SQ_SGKTUPLE).i16(msg.warnings).i32(msg.data.length).bytes(msg.data).padTo2(msg.data.length);
}

export function decodeSgkTuple(r: ByteReader): SgkTupleMessage {
  const warnings = r.i16();
  const size = r.checkLength(r.i32(), "SQ_SGKTUPLE size");
  const data = r.bytes(size);
  r.padTo2(size);
  return { kind: "sgktuple", warnings, data };
}
