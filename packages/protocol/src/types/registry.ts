// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// THE list of type codecs (STYLE R4: no second registry). Lookups go by base type (the low
// byte of the type word); opaque types 40/41 go by extended id or name (5.3 of the notes):
// 40 + xid 1 / "lvarchar" → LVARCHAR, 41 + xid 5 / "boolean" → BOOLEAN.

import {
  SQLBOOL,
  SQLCOLLECTION,
  SQLDISTINCT,
  SQLLIST,
  SQLLVARCHAR,
  SQLMULTISET,
  SQLNVCHAR,
  SQLROW,
  SQLSENDRECV,
  SQLSET,
  SQLTYPE_MASK,
  SQLUDTFIXED,
  SQLUDTVAR,
  SQLVCHAR,
  XID_BLOB,
  XID_BOOLEAN,
  XID_CLOB,
  XID_LVARCHAR,
} from "../constants/type-codes.js";
import type { ByteReader } from "../io/byte-reader.js";
import type { TextCodec } from "../text/code-pages.js";
import { bigintCodec } from "./bigint.js";
import { booleanCodec } from "./boolean.js";
import { BSON_EXTENDED_NAME, bsonCodec } from "./bson.js";
import { byteTextCodec } from "./byte-text.js";
import { charCodec } from "./char.js";
import type { BindSlot, ColumnType, TypeCodec } from "./codec.js";
import { collectionCodec } from "./collection.js";
import { dateCodec } from "./date.js";
import { datetimeCodec } from "./datetime.js";
import { decimalCodec, moneyCodec } from "./decimal.js";
import { floatCodec } from "./float.js";
import { int8Codec } from "./int8.js";
import { integerCodec } from "./integer.js";
import { intervalCodec } from "./interval.js";
import { JSON_EXTENDED_NAME, jsonCodec } from "./json.js";
import { lvarcharCodec } from "./lvarchar.js";
import { opaqueCodec } from "./opaque.js";
import { rowCodec } from "./row.js";
import { sendRecvRowCodec } from "./row-sendrecv.js";
import { smallfloatCodec } from "./smallfloat.js";
import { smallintCodec } from "./smallint.js";
import { smartLobCodec } from "./smart-lob.js";
import { readBindOpaque } from "./text-field.js";
import { TypeCodecError } from "./type-codec-error.js";
import { varcharCodec } from "./varchar.js";

/** Every codec, each listed once. Opaque types 40/41 are resolved by {@link codecForColumn}. */
export const TYPE_CODECS: readonly TypeCodec<unknown>[] = Object.freeze([
  charCodec,
  smallintCodec,
  integerCodec,
  floatCodec,
  smallfloatCodec,
  decimalCodec,
  dateCodec,
  moneyCodec,
  datetimeCodec,
  varcharCodec,
  intervalCodec,
  int8Codec,
  lvarcharCodec,
  booleanCodec,
  bigintCodec,
  byteTextCodec,
  collectionCodec,
  rowCodec,
  jsonCodec,
  bsonCodec as TypeCodec<unknown>,
  opaqueCodec,
  smartLobCodec,
] as TypeCodec<unknown>[]);

const OPAQUE_TYPES = new Set([SQLUDTVAR, SQLUDTFIXED]);
/** Opaque in SQ_BIND: also SENDRECV (44), IBM JDBC's type for an ifx_lo_spec fast-path argument. */
const BIND_OPAQUE_TYPES = new Set([SQLUDTVAR, SQLUDTFIXED, SQLSENDRECV]);
/** Types whose tuple width depends on the bytes (the "variable layout" types of §7). */
const VARIABLE_TYPES = new Set([
  SQLVCHAR,
  SQLNVCHAR,
  SQLUDTVAR,
  SQLSENDRECV,
  SQLUDTFIXED,
  SQLLVARCHAR,
  SQLBOOL,
  SQLSET,
  SQLMULTISET,
  SQLLIST,
  SQLROW,
  SQLCOLLECTION,
]);
const BY_BASE_TYPE = new Map<number, TypeCodec<unknown>>();
for (const codec of TYPE_CODECS) {
  for (const base of codec.baseTypes) if (!OPAQUE_TYPES.has(base)) BY_BASE_TYPE.set(base, codec);
}
const BY_EXTENDED_ID = new Map<number, TypeCodec<unknown>>([
  [XID_LVARCHAR, lvarcharCodec as TypeCodec<unknown>],
  [XID_BOOLEAN, booleanCodec as TypeCodec<unknown>],
  [XID_BLOB, smartLobCodec as TypeCodec<unknown>],
  [XID_CLOB, smartLobCodec as TypeCodec<unknown>],
]);
const BY_EXTENDED_NAME = new Map<string, TypeCodec<unknown>>([
  ["lvarchar", lvarcharCodec as TypeCodec<unknown>],
  ["boolean", booleanCodec as TypeCodec<unknown>],
  [JSON_EXTENDED_NAME, jsonCodec],
  [BSON_EXTENDED_NAME, bsonCodec as TypeCodec<unknown>],
  ["blob", smartLobCodec as TypeCodec<unknown>],
  ["clob", smartLobCodec as TypeCodec<unknown>],
]);

/** The codec of a base type code (type word & 0xFF), or undefined. Opaque 40/41 need {@link codecForColumn}. */
export function codecForBaseType(baseType: number): TypeCodec<unknown> | undefined {
  return BY_BASE_TYPE.get(baseType & SQLTYPE_MASK);
}

/** The codec of an opaque type by extended id, then by name (case-insensitive, owner prefix ignored). */
export function codecForExtendedType(extendedId?: number, extendedName?: string): TypeCodec<unknown> | undefined {
  const byId = extendedId === undefined ? undefined : BY_EXTENDED_ID.get(extendedId);
  if (byId !== undefined) return byId;
  const name = extendedName?.toLowerCase().replace(/^.*\./, "");
  return name === undefined ? undefined : BY_EXTENDED_NAME.get(name);
}

/**
 * The codec of a described column; throws UNSUPPORTED_TYPE when none fits. An opaque type
 * (40/41) no codec claims gets the raw-bytes codec (opaque.ts), never an error.
 */
export function codecForColumn(column: ColumnType): TypeCodec<unknown> {
  const base = column.type & SQLTYPE_MASK;
  // SENDRECV (44, what IBM JDBC's SQ_RETTYPE asks for): a BLOB/CLOB locator, else a ROW's binary form.
  if (base === SQLSENDRECV && column.extendedId !== XID_BLOB && column.extendedId !== XID_CLOB)
    return sendRecvRowCodec as TypeCodec<unknown>;
  const codec = OPAQUE_TYPES.has(base)
    ? (codecForExtendedType(column.extendedId, column.extendedName) ??
      distinctSourceCodec(column) ??
      (opaqueCodec as TypeCodec<unknown>))
    : BY_BASE_TYPE.get(base);
  if (codec === undefined) {
    const ext = OPAQUE_TYPES.has(base) ? ` (extended id ${column.extendedId}, name ${column.extendedName})` : "";
    throw new TypeCodecError("UNSUPPORTED_TYPE", `no codec for type ${base}${ext}`);
  }
  return codec;
}

/** A DISTINCT type of an opaque source: the source's codec, by its extended id (1 LVARCHAR, 5 BOOLEAN). */
function distinctSourceCodec(column: ColumnType): TypeCodec<unknown> | undefined {
  if ((column.type & SQLDISTINCT) === 0 || !column.sourceType) return undefined;
  return BY_EXTENDED_ID.get(column.sourceType);
}

function codecForSlot(slot: BindSlot): TypeCodec<unknown> {
  const codec = BY_BASE_TYPE.get(slot.type & SQLTYPE_MASK);
  if (codec === undefined)
    throw new TypeCodecError("UNSUPPORTED_TYPE", `no bind codec for type ${slot.type & SQLTYPE_MASK}`);
  return codec;
}

/**
 * Reads one SQ_BIND parameter payload (after its type, indicator and precision slot) for the
 * emulator. Throws NEED_MORE_DATA through the reader like every resumable read. An opaque
 * type (40/41, named by owner and name before the indicator) is i32-framed.
 */
export function readBindPayload(reader: ByteReader, slot: BindSlot): Uint8Array {
  if (BIND_OPAQUE_TYPES.has(slot.type & SQLTYPE_MASK)) return readBindOpaque(reader);
  return codecForSlot(slot).readBind(reader, slot);
}

/**
 * Decodes a payload returned by {@link readBindPayload} into its JS value. An opaque type's
 * value is its bytes (a smart-LOB locator's 72 bytes, for example): the slot does not name
 * the type.
 */
export function decodeBindPayload(payload: Uint8Array, slot: BindSlot, text?: TextCodec): unknown {
  if (BIND_OPAQUE_TYPES.has(slot.type & SQLTYPE_MASK)) return payload.slice();
  return codecForSlot(slot).decodeBind(payload, slot, text);
}

/** True for base types whose tuple width depends on the bytes (the "variable layout" types of §7). */
export function isVariableWidthType(baseType: number): boolean {
  const base = baseType & SQLTYPE_MASK;
  return VARIABLE_TYPES.has(base);
}
