// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// JS value → SQ_BIND parameter. The type is chosen from the JS value (the server converts
// to the column type, as it does for JDBC and the Python driver), and the bytes come from
// the protocol's type codecs; the driver never writes value bytes itself.
//
//   null/undefined → NULL             number → INTEGER (i32) | BIGINT (other safe integers) | FLOAT
//   bigint → BIGINT                   string → VARCHAR              boolean → BOOLEAN ('t'/'f')
//   Date → DATETIME YEAR TO FRACTION(3) (UTC fields)               InformixDate → DATE
//   InformixDateTime → DATETIME       InformixInterval → INTERVAL
//   Uint8Array/Buffer, ReadableStream, Node Readable, AsyncIterable<Uint8Array> → BYTE
//   a string longer than VARCHAR's bind limit (32767 bytes in the code set) → TEXT
//   BlobLocator/ClobLocator → the locator (type 41 "blob"/"clob"; a routine argument such as
//   ifx_lo_open's)
//   array → LIST text, Set → SET text, plain object → ROW text (collection.ts; IDS casts them)
//   Param.bson(object) → the BSON document, type 40 named informix.bson (protocol types/bson.ts)
//   { type, value[, qualifier] } / Param.xxx() → that exact type (DECIMAL, MONEY, CHAR, LVARCHAR,
//   BYTE, TEXT, …); Param.text(string | bytes | stream) is how a TEXT column gets a value
// BYTE/TEXT values travel after SQ_BIND (blob-io.ts); a stream is read as it is sent.

import {
  type BindParameter,
  type BindSlot,
  type BsonInput,
  ByteReader,
  ByteWriter,
  bigintCodec,
  booleanCodec,
  bsonBindParameter,
  collectionCodec,
  dateCodec,
  datetimeCodec,
  decimalCodec,
  floatCodec,
  formatComposite,
  InformixDate,
  InformixDateTime,
  InformixInterval,
  integerCodec,
  intervalCodec,
  jsonCodec,
  type OpaqueValue,
  opaqueCodec,
  parseTypeShape,
  SmartLobLocator,
  smallfloatCodec,
  smallintCodec,
  smartLobBindParameter,
  typeCodes as T,
  type TextCodec,
  type TypeCodec,
  TypeCodecError,
  utf8,
  varcharCodec,
} from "@informix-db/protocol";
import { DriverError } from "../errors.js";
import { type BlobSource, blobParameter } from "./blob-io.js";

/** Type names accepted by typed parameters. */
export type ParamType =
  | "CHAR"
  | "NCHAR"
  | "VARCHAR"
  | "NVARCHAR"
  | "LVARCHAR"
  | "SMALLINT"
  | "INTEGER"
  | "BIGINT"
  | "INT8"
  | "FLOAT"
  | "SMALLFLOAT"
  | "DECIMAL"
  | "MONEY"
  | "DATE"
  | "DATETIME"
  | "INTERVAL"
  | "BOOLEAN"
  | "BYTE"
  | "TEXT"
  | "SET"
  | "MULTISET"
  | "LIST"
  | "ROW"
  | "JSON"
  | "BSON";

/** A parameter with an explicit Informix type, e.g. `{ type: "DECIMAL", value: "12.34" }`. */
export interface TypedParameter {
  readonly type: ParamType;
  readonly value: unknown;
  /**
   * DATETIME/INTERVAL qualifier for string values, e.g. "YEAR TO SECOND", "DAY(3) TO SECOND";
   * for SET/MULTISET/LIST/ROW the full type name, e.g. "ROW(name varchar(50), age integer)".
   */
  readonly qualifier?: string;
}

/** Builds a typed parameter and validates it at once: a bad value throws DriverError INVALID_ARGUMENT. */
const typed = (type: ParamType) => (value: unknown, qualifier?: string) =>
  checked((qualifier === undefined ? { type, value } : { type, value, qualifier }) as TypedParameter);

/** Helpers that build typed parameters: `Param.decimal("12.34")`, `Param.datetime(d, "YEAR TO SECOND")`. */
export const Param = {
  char: typed("CHAR"),
  nchar: typed("NCHAR"),
  varchar: typed("VARCHAR"),
  nvarchar: typed("NVARCHAR"),
  lvarchar: typed("LVARCHAR"),
  smallint: typed("SMALLINT"),
  integer: typed("INTEGER"),
  bigint: typed("BIGINT"),
  int8: typed("INT8"),
  float: typed("FLOAT"),
  smallfloat: typed("SMALLFLOAT"),
  decimal: typed("DECIMAL"),
  money: typed("MONEY"),
  date: typed("DATE"),
  datetime: typed("DATETIME"),
  interval: typed("INTERVAL"),
  boolean: typed("BOOLEAN"),
  /** BYTE from a Uint8Array/Buffer or a stream of them. */
  byte: typed("BYTE"),
  /** TEXT from a string (encoded in the connection's code set), bytes, or a stream of either. */
  text: typed("TEXT"),
  /** SET from an array or Set; `typeName` ("SET(integer not null)") types the elements. */
  set: typed("SET"),
  multiset: typed("MULTISET"),
  list: typed("LIST"),
  /** ROW from an object (or array, by position); `typeName` orders and types the fields. */
  row: typed("ROW"),
  /** JSON from any JSON-able value (a string is taken as JSON text). */
  json: typed("JSON"),
  /** BSON from a plain object (numbers → int32/double, bigint → int64, Date, Uint8Array, BsonObjectId). */
  bson: typed("BSON"),
} as const;

/** The text of a ROW/collection parameter (protocol composite-text.ts). */
function compositeParamText(kind: "SET" | "MULTISET" | "LIST" | "ROW", value: unknown, typeName?: string): string {
  if (typeof value === "string") return value;
  if (typeName !== undefined) return formatComposite(value, parseTypeShape(typeName));
  if (kind === "ROW") {
    if (value === null || typeof value !== "object" || value instanceof Set)
      throw new ValueKindError("Param.row needs an object or an array");
    return `ROW(${Object.values(value)
      .map((v) => formatComposite(v))
      .join(",")})`;
  }
  const items = value instanceof Set ? [...value] : value;
  if (!Array.isArray(items)) throw new ValueKindError(`Param.${kind.toLowerCase()} needs an array or a Set`);
  return `${kind}{${items.map((v) => formatComposite(v)).join(",")}}`;
}

/** A value of a kind the driver cannot bind; its message never quotes the value. */
class ValueKindError extends TypeError {}

/** -2147483648 is INTEGER's NULL sentinel, so it binds as BIGINT. */
const I32_MIN = -2147483647;
const I32_MAX = 2147483647;
const NULL_PARAMETER: BindParameter = { type: T.SQLCHAR, indicator: -1, precision: 0, payload: null };

/** A parameter whose payload is read back once the whole row is encoded (BindScratch.finish). */
type PendingParameter = { -readonly [K in keyof BindParameter]: BindParameter[K] };

/**
 * The values of one bind, encoded by their codecs into one writer (not module-level); then
 * the row's bytes are copied once and each payload is read back from that copy. A value
 * costs its codec's work, not a writer, a reader and two copies of its own.
 */
class BindScratch {
  private readonly writer = new ByteWriter(64);
  private readonly pending: { codec: TypeCodec<unknown>; slot: BindSlot; parameter: PendingParameter }[] = [];

  add<V>(codec: TypeCodec<V>, value: V, text: TextCodec, type?: number): BindParameter {
    const slot = codec.bindSlot(value, undefined, text);
    codec.encodeBind(value, slot, this.writer, text);
    const parameter: PendingParameter = {
      type: type ?? slot.type,
      indicator: 0,
      precision: slot.precision,
      payload: null,
    };
    this.pending.push({ codec: codec as TypeCodec<unknown>, slot, parameter });
    return parameter;
  }

  /** Reads each payload back from one copy of the row's bytes (each is a view of that copy). */
  finish(): void {
    if (this.pending.length === 0) return;
    const reader = new ByteReader();
    reader.push(this.writer.take());
    for (const { codec, slot, parameter } of this.pending) parameter.payload = codec.readBind(reader, slot);
    this.pending.length = 0;
  }
}

function viaCodec<V>(
  codec: TypeCodec<V>,
  value: V,
  text: TextCodec,
  scratch: BindScratch,
  type?: number,
): BindParameter {
  return scratch.add(codec, value, text, type);
}

function isTyped(value: object): value is TypedParameter {
  return typeof (value as { type?: unknown }).type === "string" && "value" in value;
}

function guessDateTimeQualifier(text: string): string {
  const dot = text.indexOf(".");
  if (dot !== -1) return `YEAR TO FRACTION(${Math.min(5, Math.max(1, text.length - dot - 1))})`;
  if (text.length <= 10) return "YEAR TO DAY";
  if (text.length <= 16) return "YEAR TO MINUTE";
  return "YEAR TO SECOND";
}

function toDateTime(value: unknown, qualifier: string | undefined): InformixDateTime {
  if (value instanceof InformixDateTime) return value;
  if (value instanceof Date) return InformixDateTime.fromDate(value, qualifier ?? "YEAR TO FRACTION(3)");
  if (typeof value === "string") return InformixDateTime.parse(value, qualifier ?? guessDateTimeQualifier(value));
  throw new ValueKindError("DATETIME wants an InformixDateTime, a Date or a string");
}

function toDate(value: unknown): InformixDate {
  if (value instanceof InformixDate) return value;
  if (value instanceof Date) return InformixDate.fromDate(value);
  if (typeof value === "string") return InformixDate.parse(value);
  throw new ValueKindError("DATE wants an InformixDate, a Date or a string");
}

function toInterval(value: unknown, qualifier: string | undefined): InformixInterval {
  if (value instanceof InformixInterval) return value;
  if (typeof value === "string" && qualifier !== undefined) return InformixInterval.parse(value, qualifier);
  throw new ValueKindError("INTERVAL wants an InformixInterval, or a string with a qualifier");
}

function textOf(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") return String(value);
  throw new ValueKindError("a character type wants a string");
}

/** The largest string bound as VARCHAR: its length is an i16. */
const MAX_VARCHAR_BIND = 32767;

function isStream(value: object): value is BlobSource {
  return Symbol.asyncIterator in value || typeof (value as { getReader?: unknown }).getReader === "function";
}

/** A BYTE/TEXT parameter from bytes, a string (TEXT only) or a stream. */
function bindBlob(type: number, v: unknown, text: TextCodec, position: number): BindParameter {
  if (v instanceof Uint8Array) return blobParameter(type, v, v.length, position);
  if (typeof v === "string" && type === T.SQLTEXT) {
    const bytes = text.encode(v);
    return blobParameter(type, bytes, bytes.length, position);
  }
  if (typeof v === "object" && v !== null && isStream(v)) return blobParameter(type, v, undefined, position);
  throw new ValueKindError(
    type === T.SQLTEXT
      ? "TEXT wants a string, a Uint8Array or a stream of them"
      : "BYTE wants a Uint8Array/Buffer or a stream of them",
  );
}

function bindTyped(p: TypedParameter, text: TextCodec, scratch: BindScratch, position = 0): BindParameter {
  const v = p.value;
  switch (p.type) {
    case "CHAR":
      return viaCodec(varcharCodec, textOf(v), text, scratch, T.SQLCHAR);
    case "NCHAR":
      return viaCodec(varcharCodec, textOf(v), text, scratch, T.SQLNCHAR);
    case "VARCHAR":
      return viaCodec(varcharCodec, textOf(v), text, scratch, T.SQLVCHAR);
    case "NVARCHAR":
      return viaCodec(varcharCodec, textOf(v), text, scratch, T.SQLNVCHAR);
    case "LVARCHAR":
      return viaCodec(varcharCodec, textOf(v), text, scratch, T.SQLLVARCHAR);
    case "SMALLINT":
      return viaCodec(smallintCodec, Number(v), text, scratch);
    case "INTEGER":
      return viaCodec(integerCodec, Number(v), text, scratch);
    case "BIGINT":
    case "INT8":
      return viaCodec(bigintCodec, BigInt(v as bigint | number | string), text, scratch);
    case "FLOAT":
      return viaCodec(floatCodec, Number(v), text, scratch);
    case "SMALLFLOAT":
      return viaCodec(smallfloatCodec, Number(v), text, scratch);
    case "DECIMAL":
      return viaCodec(decimalCodec, textOf(v), text, scratch);
    case "MONEY":
      return viaCodec(decimalCodec, textOf(v), text, scratch, T.SQLMONEY);
    case "DATE":
      return viaCodec(dateCodec, toDate(v), text, scratch);
    case "DATETIME":
      return viaCodec(datetimeCodec, toDateTime(v, p.qualifier), text, scratch);
    case "INTERVAL":
      return viaCodec(intervalCodec, toInterval(v, p.qualifier), text, scratch);
    case "BOOLEAN":
      return viaCodec(booleanCodec, Boolean(v), text, scratch);
    case "BYTE":
      return bindBlob(T.SQLBYTES, v, text, position);
    case "TEXT":
      return bindBlob(T.SQLTEXT, v, text, position);
    case "SET":
    case "MULTISET":
    case "LIST":
    case "ROW":
      return viaCodec(collectionCodec, compositeParamText(p.type, v, p.qualifier), text, scratch);
    case "JSON":
      return viaCodec(jsonCodec, v, text, scratch);
    case "BSON":
      if (v === null || typeof v !== "object" || Array.isArray(v))
        throw new ValueKindError("BSON wants a plain object");
      return bsonBindParameter(v as BsonInput);
    default:
      throw new ValueKindError(`unknown parameter type "${String((p as { type: unknown }).type)}"`);
  }
}

function bindValue(value: unknown, text: TextCodec, scratch: BindScratch, position: number): BindParameter {
  if (value === null || value === undefined) return NULL_PARAMETER;
  switch (typeof value) {
    case "number":
      if (Number.isInteger(value)) {
        if (value >= I32_MIN && value <= I32_MAX) return viaCodec(integerCodec, value, text, scratch);
        if (Number.isSafeInteger(value)) return viaCodec(bigintCodec, BigInt(value), text, scratch);
      }
      return viaCodec(floatCodec, value, text, scratch);
    case "bigint":
      return viaCodec(bigintCodec, value, text, scratch);
    case "string": {
      // Only a string that may pass the limit is encoded here (at most 4 bytes a character).
      if (value.length > MAX_VARCHAR_BIND / 4) {
        const bytes = text.encode(value);
        if (bytes.length > MAX_VARCHAR_BIND) return blobParameter(T.SQLTEXT, bytes, bytes.length, position);
      }
      return viaCodec(varcharCodec, value, text, scratch);
    }
    case "boolean":
      return viaCodec(booleanCodec, value, text, scratch);
    case "object":
      if (value instanceof SmartLobLocator) return smartLobBindParameter(value);
      if (value instanceof Date) return viaCodec(datetimeCodec, toDateTime(value, undefined), text, scratch);
      if (value instanceof InformixDate) return viaCodec(dateCodec, value, text, scratch);
      if (value instanceof InformixDateTime) return viaCodec(datetimeCodec, value, text, scratch);
      if (value instanceof InformixInterval) return viaCodec(intervalCodec, value, text, scratch);
      if (value instanceof Uint8Array || isStream(value)) return bindBlob(T.SQLBYTES, value, text, position);
      if (isTyped(value)) return bindTyped(value, text, scratch, position);
      if (Array.isArray(value)) return viaCodec(collectionCodec, compositeParamText("LIST", value), text, scratch);
      if (value instanceof Set) return viaCodec(collectionCodec, compositeParamText("SET", value), text, scratch);
      // The value of an opaque type read back ({ typeName, bytes }): its bytes, as the type's text.
      if (isOpaqueValue(value)) return viaCodec(opaqueCodec, value, text, scratch);
      if (Object.getPrototypeOf(value) === Object.prototype)
        return viaCodec(collectionCodec, compositeParamText("ROW", value), text, scratch);
      break;
    default:
      break;
  }
  throw new ValueKindError(`cannot bind a value of type ${typeof value}`);
}

/** `{ typeName, bytes }` and nothing else: an opaque value as the driver decodes one (types/opaque.ts). */
function isOpaqueValue(value: object): value is OpaqueValue {
  const o = value as Partial<OpaqueValue>;
  return typeof o.typeName === "string" && o.bytes instanceof Uint8Array && Object.keys(value).length === 2;
}

/**
 * Builds the SQ_BIND parameters; errors name the parameter's 1-based position. The codec's
 * message (which may quote the value) and the cause are kept only with `exposeValues`
 * (the `exposeParameterValues` option): by default no value reaches an error (issue 7).
 */
export function bindParameters(values: readonly unknown[], text: TextCodec, exposeValues = false): BindParameter[] {
  const scratch = new BindScratch();
  const parameters = values.map((value, i) => {
    try {
      return bindValue(value, text, scratch, i + 1);
    } catch (cause) {
      if (cause instanceof DriverError) throw cause;
      if (cause instanceof TypeCodecError && cause.code === "UNMAPPABLE_CHARACTER") {
        // The character and its index, never the rest of the value.
        throw new DriverError("UNMAPPABLE_CHARACTER", `parameter ${i + 1}: ${cause.message}`, { cause });
      }
      if (exposeValues || cause instanceof ValueKindError) {
        throw new DriverError("INVALID_ARGUMENT", `parameter ${i + 1}: ${(cause as Error).message}`, { cause });
      }
      throw new DriverError(
        "INVALID_ARGUMENT",
        `parameter ${i + 1}: invalid ${describeValue(value)} (${cause instanceof TypeCodecError ? cause.code : (cause as Error).name}; set exposeParameterValues to see the value)`,
      );
    }
  });
  scratch.finish();
  return parameters;
}

function describeValue(value: unknown): string {
  if (typeof value === "object" && value !== null && isTyped(value)) return `${value.type} value`;
  if (value instanceof Date) return "Date";
  return typeof value === "object" && value !== null ? (value.constructor?.name ?? "object") : `${typeof value}`;
}

/** Checks a typed parameter now, so Param helpers fail at the call that made the mistake. */
function checked(p: TypedParameter): TypedParameter {
  try {
    const scratch = new BindScratch();
    bindTyped(p, utf8, scratch);
    scratch.finish();
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new DriverError("INVALID_ARGUMENT", `Param.${p.type.toLowerCase()}: ${reason}`, { cause });
  }
  return p;
}
