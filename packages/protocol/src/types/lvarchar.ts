// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// LVARCHAR: type 43, or opaque type 40 with extended id 1 / name "lvarchar".
// Tuple: the opaque envelope (udt-envelope.ts): u8 null flag + i32 length + bytes;
// "hello" = 00 00 00 00 05 68 65 6C 6C 6F, "" = 00 00 00 00 00, NULL = 01 00 00 00 00.
// Bind: the string bind form (type 13, text-field.ts); the server casts VARCHAR to
// LVARCHAR, so values are limited to 32767 bytes there [inferred]. JS value: string.

import { SQLLVARCHAR, SQLUDTVAR, SQLVCHAR, XID_LVARCHAR } from "../constants/type-codes.js";
import type { TypeCodec } from "./codec.js";
import { bindTextBytes, decodeTextRange, encodeText, readBindTextOrOpaque, writeBindText } from "./text-field.js";
import { ENVELOPE_HEADER, envelopeSize, isEnvelopeNull, writeEnvelope } from "./udt-envelope.js";

/** Extended type name and id of LVARCHAR as an opaque type. */
export const LVARCHAR_EXTENDED_NAME = "lvarchar";
export const LVARCHAR_EXTENDED_ID = XID_LVARCHAR;

/** LVARCHAR codec; values are strings. */
export const lvarcharCodec: TypeCodec<string> = {
  name: "LVARCHAR",
  baseTypes: [SQLLVARCHAR, SQLUDTVAR],
  usesView: false,
  tupleSize: (_column, bytes, offset) => envelopeSize(bytes, offset),
  decode(bytes, _view, offset, size, _column, text) {
    if (isEnvelopeNull(bytes, offset)) return null;
    return decodeTextRange(bytes, offset + ENVELOPE_HEADER, offset + size, text);
  },
  encode(value, _column, out, text) {
    writeEnvelope(value === null ? null : encodeText(value, text), out);
  },
  bindSlot: (value, _column, text) => ({ type: SQLVCHAR, precision: bindTextBytes(value, text).length }),
  encodeBind(value, _slot, out, text) {
    writeBindText(bindTextBytes(value, text), out);
  },
  // Sent by us as VARCHAR (char-framed); IBM JDBC types them 43/45, i32-framed.
  readBind: (reader, slot) => readBindTextOrOpaque(reader, slot.type),
  decodeBind: (payload, _slot, text) => decodeTextRange(payload, 0, payload.length, text),
};
