// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// BOOLEAN: opaque type 41 with extended id 5 / name "boolean" (and type 45 in a variable
// layout). Tuple: the opaque envelope with a 1-byte payload, ASCII 't' or 'f':
// false = 00 00 00 00 01 66, NULL = 01 00 00 00 00 [captured, libsqli]. lakeflow's decoder
// also accepts payload 01/00; so do we. Bind: VARCHAR 't'/'f' (type 13), as libsqli sends.
// JS value: boolean.

import { SQLBOOL, SQLTYPE_MASK, SQLUDTFIXED, SQLVCHAR, XID_BOOLEAN } from "../constants/type-codes.js";
import type { TypeCodec } from "./codec.js";
import { readBindTextOrOpaque, writeBindText } from "./text-field.js";
import { TypeCodecError } from "./type-codec-error.js";
import { ENVELOPE_HEADER, envelopeSize, isEnvelopeNull, writeEnvelope } from "./udt-envelope.js";

/** Extended type name and id of BOOLEAN. */
export const BOOLEAN_EXTENDED_NAME = "boolean";
export const BOOLEAN_EXTENDED_ID = XID_BOOLEAN;
const TRUE_CHAR = 0x74; // 't'
const FALSE_CHAR = 0x66; // 'f'
const TRUE_BYTE = 1;
const FALSE_BYTE = 0;
const TRUE_PAYLOAD = Uint8Array.of(TRUE_CHAR);
const FALSE_PAYLOAD = Uint8Array.of(FALSE_CHAR);
const TRUE_BINARY = Uint8Array.of(TRUE_BYTE);
const FALSE_BINARY = Uint8Array.of(FALSE_BYTE);

function readFlag(byte: number | undefined): boolean {
  if (byte === TRUE_CHAR || byte === TRUE_BYTE) return true;
  if (byte === FALSE_CHAR || byte === FALSE_BYTE) return false;
  throw new TypeCodecError("INVALID_ENCODING", `BOOLEAN payload byte ${String(byte)} is not 't', 'f', 1 or 0`);
}

function checkBoolean(value: boolean): boolean {
  if (typeof value !== "boolean") throw new TypeCodecError("INVALID_VALUE", `expected a boolean, got ${typeof value}`);
  return value;
}

/** BOOLEAN codec; values are booleans. */
export const booleanCodec: TypeCodec<boolean> = {
  name: "BOOLEAN",
  baseTypes: [SQLBOOL, SQLUDTFIXED],
  usesView: false,
  tupleSize: (_column, bytes, offset) => envelopeSize(bytes, offset),
  decode(bytes, _view, offset, size) {
    if (isEnvelopeNull(bytes, offset)) return null;
    if (size !== ENVELOPE_HEADER + 1)
      throw new TypeCodecError("INVALID_ENCODING", `BOOLEAN payload of ${size - ENVELOPE_HEADER} bytes`);
    return readFlag(bytes[offset + ENVELOPE_HEADER]);
  },
  encode(value, column, out) {
    // Described as the opaque type (41) the payload is 't'/'f'; a client that asked for the
    // column as its own BOOLEAN (45) in SQ_RET_TYPE, as IBM JDBC does, gets 1/0.
    const binary = (column.type & SQLTYPE_MASK) === SQLBOOL;
    const payload = checkBoolean(value ?? false)
      ? binary
        ? TRUE_BINARY
        : TRUE_PAYLOAD
      : binary
        ? FALSE_BINARY
        : FALSE_PAYLOAD;
    writeEnvelope(value === null ? null : payload, out);
  },
  bindSlot: () => ({ type: SQLVCHAR, precision: 1 }),
  encodeBind(value, _slot, out) {
    writeBindText(checkBoolean(value) ? TRUE_PAYLOAD : FALSE_PAYLOAD, out);
  },
  // Sent by us as VARCHAR (char-framed); IBM JDBC types them 43/45, i32-framed.
  readBind: (reader, slot) => readBindTextOrOpaque(reader, slot.type),
  decodeBind(payload) {
    if (payload.length !== 1) throw new TypeCodecError("INVALID_ENCODING", `BOOLEAN bind of ${payload.length} bytes`);
    return readFlag(payload[0]);
  },
};
