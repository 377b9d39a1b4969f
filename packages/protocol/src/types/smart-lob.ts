// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// BLOB and CLOB (smart large objects): opaque type 41 with extended id 10 "blob" / 11
// "clob". DESCRIBE gives encoded length 72, the size of the LO handle ("locator"), but in a
// tuple the value is the opaque envelope around the locator written as 144 hexadecimal
// ASCII characters: a populated column takes 149 bytes, a NULL one 5 (01 00 00 00 00)
// [py `_resultset.py`, measured by informix-driver on IDS 15]. The locator itself is opaque
// to clients; the row never holds the data. Bind: not sent by clients as a value of its own
// (the emulator and our driver create smart LOBs through FILETOBLOB/FILETOCLOB).
// JS value: BlobLocator or ClobLocator, the two concrete SmartLobLocators (the 72 bytes and
// whether it is a BLOB or a CLOB).

import { SQLSENDRECV, SQLTYPE_MASK, SQLUDTFIXED, XID_BLOB, XID_CLOB } from "../constants/type-codes.js";
import type { TypeCodec } from "./codec.js";
import { TypeCodecError } from "./type-codec-error.js";
import { ENVELOPE_HEADER, envelopeSize, isEnvelopeNull, writeEnvelope } from "./udt-envelope.js";

/** Bytes of an LO handle (locator). */
export const SMART_LOB_LOCATOR_BYTES = 72;
/** Its size in a tuple payload: two hex digits a byte. */
const HEX_PAYLOAD = SMART_LOB_LOCATOR_BYTES * 2;

/** A smart-LOB locator: an opaque reference to a BLOB or CLOB held by the server. */
export class SmartLobLocator {
  constructor(
    /** "blob" (extended id 10) or "clob" (11). */
    readonly lobType: "blob" | "clob",
    /** The 72-byte LO handle, as the server sent it. */
    readonly raw: Uint8Array,
  ) {
    if (raw.length !== SMART_LOB_LOCATOR_BYTES)
      throw new TypeCodecError("INVALID_VALUE", `a smart-LOB locator has 72 bytes, got ${raw.length}`);
  }

  /** The concrete locator of `lobType`: a {@link BlobLocator} or a {@link ClobLocator}. */
  static of(lobType: "blob" | "clob", raw: Uint8Array): BlobLocator | ClobLocator {
    return lobType === "clob" ? new ClobLocator(raw) : new BlobLocator(raw);
  }
}

/** The locator of a BLOB value (binary data; `conn.readLob` gives a Uint8Array). */
export class BlobLocator extends SmartLobLocator {
  declare readonly lobType: "blob";
  constructor(raw: Uint8Array) {
    super("blob", raw);
  }
}

/** The locator of a CLOB value (text in the database code set; `conn.readLob` gives a string). */
export class ClobLocator extends SmartLobLocator {
  declare readonly lobType: "clob";
  constructor(raw: Uint8Array) {
    super("clob", raw);
  }
}

const HEX = "0123456789abcdef";

/** The 144 ASCII hex digits of a locator (the tuple payload). */
export function locatorToHexPayload(raw: Uint8Array): Uint8Array {
  const out = new Uint8Array(raw.length * 2);
  for (let i = 0; i < raw.length; i++) {
    out[i * 2] = HEX.charCodeAt(raw[i]! >> 4);
    out[i * 2 + 1] = HEX.charCodeAt(raw[i]! & 15);
  }
  return out;
}

function nibble(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  throw new TypeCodecError("INVALID_ENCODING", `smart-LOB locator payload byte ${c} is not a hex digit`);
}

/** The locator of a tuple payload: 144 hex digits, or the 72 raw bytes. */
export function locatorFromPayload(payload: Uint8Array): Uint8Array {
  if (payload.length === SMART_LOB_LOCATOR_BYTES) return payload.slice();
  if (payload.length !== HEX_PAYLOAD)
    throw new TypeCodecError("INVALID_ENCODING", `smart-LOB payload of ${payload.length} bytes (144 expected)`);
  const out = new Uint8Array(SMART_LOB_LOCATOR_BYTES);
  for (let i = 0; i < out.length; i++) out[i] = (nibble(payload[i * 2]!) << 4) | nibble(payload[i * 2 + 1]!);
  return out;
}

/** Owner of the built-in BLOB and CLOB types, sent with a locator bound as a parameter. */
const SMART_LOB_OWNER = "informix";

/**
 * A locator as a routine argument (the first argument of ifx_lo_open): SQ_BIND type 41
 * (UDTFIXED) named "informix"."blob" / "clob", precision 72, then i32 72 and the 72 raw bytes
 * (messages/bind.ts frames named types so) [inferred: no oracle has bound a locator yet].
 */
export function smartLobBindParameter(locator: SmartLobLocator): {
  type: number;
  owner: string;
  typeName: string;
  indicator: number;
  precision: number;
  payload: Uint8Array;
} {
  return {
    type: SQLUDTFIXED,
    owner: SMART_LOB_OWNER,
    typeName: locator.lobType,
    indicator: 0,
    precision: SMART_LOB_LOCATOR_BYTES,
    payload: locator.raw.slice(),
  };
}

function unsupportedBind(): never {
  throw new TypeCodecError("UNSUPPORTED_TYPE", "a smart-LOB locator is not bound as a value");
}

/** BLOB/CLOB codec; values are {@link SmartLobLocator}s. */
export const smartLobCodec: TypeCodec<SmartLobLocator> = {
  name: "SMARTLOB",
  // SENDRECV: a BLOB/CLOB column as IBM JDBC's SQ_RETTYPE asks for it (encode below).
  baseTypes: [SQLUDTFIXED, SQLSENDRECV],
  usesView: false,
  tupleSize: (_column, bytes, offset) => envelopeSize(bytes, offset),
  decode(bytes, _view, offset, size, column) {
    if (isEnvelopeNull(bytes, offset)) return null;
    const raw = locatorFromPayload(bytes.subarray(offset + ENVELOPE_HEADER, offset + size));
    return SmartLobLocator.of(column.extendedId === XID_CLOB ? "clob" : "blob", raw);
  },
  encode(value, column, out) {
    const base = column.type & SQLTYPE_MASK;
    if (base !== SQLUDTFIXED && base !== SQLSENDRECV)
      throw new TypeCodecError("UNSUPPORTED_TYPE", `smart LOB in a column of type ${base}`);
    if (value === null) return writeEnvelope(null, out);
    if (!(value instanceof SmartLobLocator))
      throw new TypeCodecError("INVALID_VALUE", "a BLOB/CLOB column value must be a SmartLobLocator");
    // SENDRECV (44), asked for by IBM JDBC's SQ_RETTYPE: the 72 raw bytes (JDBC hands the
    // first 72 payload bytes back to ifx_lo_open) [IBM JDBC getBytes, loopback capture].
    writeEnvelope(base === SQLSENDRECV ? value.raw : locatorToHexPayload(value.raw), out);
  },
  bindSlot: unsupportedBind,
  encodeBind: unsupportedBind,
  readBind: unsupportedBind,
  decodeBind: unsupportedBind,
};

/** Extended ids of the smart-LOB types. */
export const SMART_LOB_EXTENDED_IDS: readonly number[] = [XID_BLOB, XID_CLOB];
