// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Any other opaque or user-defined type: UDTVAR (40) or UDTFIXED (41) whose extended id and
// name no codec claims (a DataBlade type, an LVARCHAR-based opaque type, ...).
// Tuple: the opaque envelope (u8 null flag + i32 length + bytes), as for LVARCHAR, BOOLEAN
// and the smart-LOB locators, which all use it on IDS 12.10/15 (informix-driver's notes).
// JS value: `{ typeName, bytes }` — never an error, so one unknown column does not make the
// whole row unreadable. Bind: the bytes travel as the type's LVARCHAR text [inferred].

import { SQLVCHAR } from "../constants/type-codes.js";
import type { TypeCodec } from "./codec.js";
import { readBindTextOrOpaque, writeBindText } from "./text-field.js";
import { TypeCodecError } from "./type-codec-error.js";
import { ENVELOPE_HEADER, envelopeSize, isEnvelopeNull, writeEnvelope } from "./udt-envelope.js";

/** The value of an opaque type no codec knows: its raw payload and its extended type name. */
export interface OpaqueValue {
  readonly typeName: string;
  readonly bytes: Uint8Array;
}

function payload(value: OpaqueValue | Uint8Array): Uint8Array {
  if (value instanceof Uint8Array) return value;
  if (value !== null && typeof value === "object" && value.bytes instanceof Uint8Array) return value.bytes;
  throw new TypeCodecError("INVALID_VALUE", `expected { typeName, bytes } or a Uint8Array, got ${typeof value}`);
}

/** Fallback codec of opaque types 40/41 (registry.ts picks it when nothing else fits). */
export const opaqueCodec: TypeCodec<OpaqueValue | Uint8Array> = {
  name: "OPAQUE",
  baseTypes: [],
  usesView: false,
  tupleSize: (_column, bytes, offset) => envelopeSize(bytes, offset),
  decode(bytes, _view, offset, size, column) {
    if (isEnvelopeNull(bytes, offset)) return null;
    return { typeName: column.extendedName ?? "", bytes: bytes.slice(offset + ENVELOPE_HEADER, offset + size) };
  },
  encode(value, _column, out) {
    writeEnvelope(value === null ? null : payload(value), out);
  },
  bindSlot: (value) => ({ type: SQLVCHAR, precision: payload(value).length }),
  encodeBind(value, _slot, out) {
    writeBindText(payload(value), out);
  },
  readBind: (reader, slot) => readBindTextOrOpaque(reader, slot.type),
  decodeBind: (bytes, _slot) => bytes,
};
