// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// BSON: IDS's built-in opaque type for binary JSON (12.10+), UDTVAR (40) with extended name
// "bson" (owner "informix").
// Tuple: the opaque envelope (u8 null flag + i32 length + bytes, udt-envelope.ts) around the
// BSON document bytes (bson-document.ts): IBM JDBC reads a bson column so (getString prints
// the document as JSON; conformance/jdbc udt_* scenarios); IDS itself not captured.
// NULL = 01 00 00 00 00.
// Bind: type 40 with owner "informix" and name "bson", i32 length + document bytes
// ({@link bsonBindParameter}; messages/bind.ts) [INFERRED from the other named opaque types].
// JS value: the decoded document as a plain object; a plain object binds.

import { SQLUDTVAR } from "../constants/type-codes.js";
import { decodeBson } from "./bson-document.js";
import { encodeBson } from "./bson-encode.js";
import type { TypeCodec } from "./codec.js";
import { readBindOpaque } from "./text-field.js";
import { TypeCodecError } from "./type-codec-error.js";
import { ENVELOPE_HEADER, envelopeSize, isEnvelopeNull, writeEnvelope } from "./udt-envelope.js";

export const BSON_EXTENDED_NAME = "bson";
export const BSON_OWNER = "informix";

/** A BSON value as the codec takes it: a plain object, or document bytes already encoded. */
export type BsonInput = Readonly<Record<string, unknown>> | Uint8Array;

function documentBytes(value: BsonInput): Uint8Array {
  if (value instanceof Uint8Array) {
    decodeBson(value); // validates
    return value;
  }
  return encodeBson(value);
}

/** The SQ_BIND parameter of a BSON value (type 40 named informix.bson, the document bytes). */
export function bsonBindParameter(value: BsonInput): {
  type: number;
  owner: string;
  typeName: string;
  indicator: number;
  precision: number;
  payload: Uint8Array;
} {
  const payload = documentBytes(value);
  return { type: SQLUDTVAR, owner: BSON_OWNER, typeName: BSON_EXTENDED_NAME, indicator: 0, precision: 0, payload };
}

/** BSON codec; values are plain objects. */
export const bsonCodec: TypeCodec<BsonInput> = {
  name: "BSON",
  baseTypes: [],
  usesView: false,
  tupleSize: (_column, bytes, offset) => envelopeSize(bytes, offset),
  decode(bytes, _view, offset, size) {
    if (isEnvelopeNull(bytes, offset)) return null;
    return decodeBson(bytes, offset + ENVELOPE_HEADER, offset + size);
  },
  encode(value, _column, out) {
    writeEnvelope(value === null ? null : documentBytes(value), out);
  },
  bindSlot: () => ({ type: SQLUDTVAR, precision: 0 }),
  encodeBind(value, _slot, out) {
    const bytes = documentBytes(value);
    out
      .i32(bytes.length)
      .bytes(bytes)
      .padTo2(4 + bytes.length);
  },
  readBind: (reader) => readBindOpaque(reader),
  decodeBind(payload) {
    if (payload.length === 0) throw new TypeCodecError("INVALID_ENCODING", "empty BSON value");
    return decodeBson(payload);
  },
};
