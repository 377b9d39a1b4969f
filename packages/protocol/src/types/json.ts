// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// JSON: opaque type UDTVAR (40) with extended name "json" (IDS 12.10+).
// Tuple: the opaque envelope around the document's JSON text [inferred: the type's output
// function gives text; no capture yet]. NULL = 01 00 00 00 00.
// Bind: the JSON text as VARCHAR (type 13); IDS casts text to json.
// JS value: the parsed document (object, array, string, number, boolean); objects bind.

import { SQLVCHAR } from "../constants/type-codes.js";
import type { TypeCodec } from "./codec.js";
import { bindTextBytes, decodeTextRange, encodeText, readBindTextOrOpaque, writeBindText } from "./text-field.js";
import { TypeCodecError } from "./type-codec-error.js";
import { ENVELOPE_HEADER, envelopeSize, isEnvelopeNull, writeEnvelope } from "./udt-envelope.js";

export const JSON_EXTENDED_NAME = "json";

/** The JSON text of a value (a string is taken to be JSON text already). */
export function jsonText(value: unknown): string {
  if (typeof value === "string") return value;
  const s = JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
  if (s === undefined) throw new TypeCodecError("INVALID_VALUE", `${typeof value} has no JSON form`);
  return s;
}

/** JSON codec; values are parsed documents. */
export const jsonCodec: TypeCodec<unknown> = {
  name: "JSON",
  baseTypes: [],
  usesView: false,
  tupleSize: (_column, bytes, offset) => envelopeSize(bytes, offset),
  decode(bytes, _view, offset, size, _column, text) {
    if (isEnvelopeNull(bytes, offset)) return null;
    const s = decodeTextRange(bytes, offset + ENVELOPE_HEADER, offset + size, text);
    try {
      return JSON.parse(s) as unknown;
    } catch (e) {
      throw new TypeCodecError("INVALID_ENCODING", "json value is not valid JSON text", { cause: e });
    }
  },
  encode(value, _column, out, text) {
    writeEnvelope(value === null ? null : encodeText(jsonText(value), text), out);
  },
  bindSlot: (value, _column, text) => ({ type: SQLVCHAR, precision: bindTextBytes(jsonText(value), text).length }),
  encodeBind(value, _slot, out, text) {
    writeBindText(bindTextBytes(jsonText(value), text), out);
  },
  readBind: (reader, slot) => readBindTextOrOpaque(reader, slot.type),
  decodeBind: (payload, _slot, text) => JSON.parse(decodeTextRange(payload, 0, payload.length, text)) as unknown,
};
