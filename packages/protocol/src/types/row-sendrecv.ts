// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The binary-with-schema form of a ROW value: what IBM JDBC asks for with SQ_RETTYPE type 44
// (SENDRECV) on a ROW column, and what its setObject(Struct) binds (composite-types.md,
// "ROW values for IBM JDBC"; IBM JDBC 15.0.0.1.1):
//   tuple       i32 length + the form (no NULL indicator byte: JDBC steps over a SENDRECV ROW
//               column by the i32 at its start)
//   form        132 zero bytes, i32 entry count, i16 1, entries (414 bytes each), data (both ways)
//   entry       i16 ×3 (0 for the ROW itself, 1 for a field), name (128 bytes, blank padded),
//               i16 field number (0 for the ROW), i16 type code, i16 length (DECIMAL (p<<8)|s),
//               8 zero bytes, 128 blanks, i16 0, 128 blanks, 6 zero bytes, i16 next entry
//               number (entries count from 1; 0 after the last)
//   data        i16 0, i32 data length (the bytes after the flags), i32 flags (1; 0x80000000
//               for a NULL ROW, then with length 0 and nothing after), each field's
//               value in its tuple form (VARCHAR u8 length + bytes, INTEGER 4 bytes, NULL
//               sentinels), i32 -1, then the fields' offsets (from the first value), last first.
// Only ROWs of scalar fields in FIELD_CODECS are written (others: undefined).

import * as T from "../constants/type-codes.js";
import { ByteWriter } from "../io/byte-writer.js";
import type { TextCodec } from "../text/code-pages.js";
import { bigintCodec } from "./bigint.js";
import { booleanCodec } from "./boolean.js";
import { charCodec } from "./char.js";
import type { ColumnType, TypeCodec } from "./codec.js";
import type { TypeShape } from "./composite-shape.js";
import type { CompositeLiteral } from "./composite-text.js";
import { dateCodec } from "./date.js";
import { datetimeCodec } from "./datetime.js";
import { decimalCodec, moneyCodec } from "./decimal.js";
import { floatCodec } from "./float.js";
import { int8Codec } from "./int8.js";
import { integerCodec } from "./integer.js";
import { parseQualifier } from "./qualifier.js";
import { smallfloatCodec } from "./smallfloat.js";
import { smallintCodec } from "./smallint.js";
import { TypeCodecError } from "./type-codec-error.js";
import { InformixDate } from "./values/informix-date.js";
import { InformixDateTime } from "./values/informix-datetime.js";
import { varcharCodec } from "./varchar.js";

export const PREFIX = 132;
export const HEADER = PREFIX + 6;
const FORM_VERSION = 1;
export const NAME = 128;
export const ENTRY = 414;
const BLANK = 0x20;
export const FLAG_VALUE = 1;
export const FLAG_NULL = 0x80000000;

/** A ROW field's type as the binary form carries it. */
export interface SendRecvField {
  readonly name: string;
  readonly column: ColumnType;
}

/** The field codecs by type code (the types {@link sendRecvFields} accepts). */
const FIELD_CODECS = new Map<number, TypeCodec<unknown>>([
  [T.SQLCHAR, charCodec as TypeCodec<unknown>],
  [T.SQLNCHAR, charCodec as TypeCodec<unknown>],
  [T.SQLVCHAR, varcharCodec as TypeCodec<unknown>],
  [T.SQLNVCHAR, varcharCodec as TypeCodec<unknown>],
  [T.SQLSMINT, smallintCodec as TypeCodec<unknown>],
  [T.SQLINT, integerCodec as TypeCodec<unknown>],
  [T.SQLFLOAT, floatCodec as TypeCodec<unknown>],
  [T.SQLSMFLOAT, smallfloatCodec as TypeCodec<unknown>],
  [T.SQLDECIMAL, decimalCodec as TypeCodec<unknown>],
  [T.SQLMONEY, moneyCodec as TypeCodec<unknown>],
  [T.SQLDATE, dateCodec as TypeCodec<unknown>],
  // INT8 fields take INT8's 10-byte form (i16 sign, two u32 halves), BIGINT fields 8 bytes [jdbc
  // reads them so; its bind form writes a BIGINT in 10 bytes, a NULL one in 8].
  [T.SQLINT8, int8Codec as TypeCodec<unknown>],
  [T.SQLINFXBIGINT, bigintCodec as TypeCodec<unknown>],
  // DATETIME: type 10, qualifier as length, packed tuple form; BOOLEAN: type 45, length 1, the
  // envelope u8 0, i32 1, 01/00 [jdbc: its bind form; its getObject reads them]. LVARCHAR is not.
  [T.SQLDTIME, datetimeCodec as TypeCodec<unknown>],
  [T.SQLBOOL, booleanCodec as TypeCodec<unknown>],
]);

const SCALARS: readonly [RegExp, number, (m: RegExpExecArray) => number][] = [
  [/^(?:char|character)(?:\((\d+)\))?$/, T.SQLCHAR, (m) => Number(m[1] ?? 1)],
  [/^nchar(?:\((\d+)\))?$/, T.SQLNCHAR, (m) => Number(m[1] ?? 1)],
  [/^(?:varchar|character varying)\((\d+)(?:,\s*\d+)?\)$/, T.SQLVCHAR, (m) => Number(m[1])],
  [/^nvarchar\((\d+)(?:,\s*\d+)?\)$/, T.SQLNVCHAR, (m) => Number(m[1])],
  [/^smallint$/, T.SQLSMINT, () => 2],
  [/^(?:integer|int|serial)$/, T.SQLINT, () => 4],
  [/^(?:float|double precision)(?:\(\d+\))?$/, T.SQLFLOAT, () => 8],
  [/^(?:smallfloat|real)$/, T.SQLSMFLOAT, () => 4],
  [/^(?:decimal|numeric|dec)\((\d+)(?:,\s*(\d+))?\)$/, T.SQLDECIMAL, (m) => (Number(m[1]) << 8) | Number(m[2] ?? 0)],
  [/^money\((\d+)(?:,\s*(\d+))?\)$/, T.SQLMONEY, (m) => (Number(m[1]) << 8) | Number(m[2] ?? 2)],
  [/^date$/, T.SQLDATE, () => 4],
  [/^(?:int8|serial8)$/, T.SQLINT8, () => 10],
  [/^(?:bigint|bigserial)$/, T.SQLINFXBIGINT, () => 8],
  [/^datetime\s+(\w+(?:\(\d+\))?\s+to\s+\w+(?:\(\d+\))?)$/, T.SQLDTIME, (m) => parseQualifier(m[1]!, "datetime")],
  [/^boolean$/, T.SQLBOOL, () => 1],
];

/** The fields of a ROW shape with their type codes, or undefined when one is not a supported scalar. */
export function sendRecvFields(shape: TypeShape): SendRecvField[] | undefined {
  if (shape.kind !== "row") return undefined;
  const out: SendRecvField[] = [];
  for (const f of shape.fields) {
    const column = scalarColumn(f.type);
    if (column === undefined) return undefined;
    out.push({ name: f.name, column });
  }
  return out;
}

/** The type code and length of a scalar shape the form carries here, or undefined. */
export function scalarColumn(shape: TypeShape): ColumnType | undefined {
  if (shape.kind !== "scalar") return undefined;
  const name = shape.name;
  const hit = SCALARS.map(([re, type, len]) => [re.exec(name), type, len] as const).find(([m]) => m !== null);
  if (hit === undefined) return undefined;
  const [m, type, len] = hit;
  return { type, encodedLength: len(m!) };
}

/** The codec of a ROW field type (the types {@link sendRecvFields} accepts). */
export function fieldCodec(column: ColumnType): TypeCodec<unknown> {
  const c = FIELD_CODECS.get(column.type & T.SQLTYPE_MASK);
  if (c === undefined) throw new TypeCodecError("UNSUPPORTED_TYPE", `no codec for ROW field type ${column.type}`);
  return c;
}

/** A scalar literal as the JS value its field codec encodes. */
export function jsValue(lit: CompositeLiteral, column: ColumnType): unknown {
  if (lit === null) return null;
  if ("kind" in lit) throw new TypeCodecError("INVALID_VALUE", "nested value in a ROW field of a scalar type");
  const text = lit.text;
  switch (column.type & T.SQLTYPE_MASK) {
    case T.SQLSMINT:
    case T.SQLINT:
    case T.SQLFLOAT:
    case T.SQLSMFLOAT:
      return Number(text.trim());
    case T.SQLDECIMAL:
    case T.SQLMONEY:
      return text.trim();
    case T.SQLDATE:
      return InformixDate.parse(text.trim());
    case T.SQLINT8:
    case T.SQLINFXBIGINT:
      return BigInt(text.trim());
    case T.SQLDTIME:
      return InformixDateTime.parse(text.trim(), column.encodedLength);
    case T.SQLBOOL:
      return /^(?:t|true|1)$/i.test(text.trim());
    default:
      return text;
  }
}

function writeName(out: ByteWriter, name: string): void {
  const bytes = new Uint8Array(NAME).fill(BLANK);
  for (let i = 0; i < Math.min(name.length, NAME); i++) bytes[i] = name.charCodeAt(i) & 0xff;
  out.bytes(bytes);
}

/** One 414-byte entry; `third` is 0 for a collection's element (1 for a ROW field). */
export function writeEntry(
  out: ByteWriter,
  level: number,
  name: string,
  no: number,
  column: ColumnType,
  next: number,
  third = level,
): void {
  out.i16(level).i16(level).i16(third);
  writeName(out, name);
  out.i16(no).i16(column.type).i16(column.encodedLength).zeros(8);
  writeName(out, "");
  out.i16(0);
  writeName(out, "");
  out.zeros(6).i16(next);
}

/**
 * The read form of a ROW value (the payload of {@link sendRecvRowCodec}; a NULL ROW is `null`). `rowType` is the ROW's type word (22, or 22 | 0x1000 for a named ROW).
 */
export function encodeRowSendRecv(
  fields: readonly SendRecvField[],
  value: CompositeLiteral,
  rowType: number,
  text?: TextCodec,
): Uint8Array {
  if (value !== null && (!("kind" in value) || value.kind !== "row" || value.items.length !== fields.length))
    throw new TypeCodecError("INVALID_VALUE", `not a ROW of ${fields.length} fields`);
  const values = new ByteWriter(64);
  const offsets: number[] = [];
  if (value !== null)
    fields.forEach((f, i) => {
      offsets.push(values.length);
      fieldCodec(f.column).encode(jsValue(value.items[i]!, f.column), f.column, values, text);
    });
  const data = values.take();
  const n = fields.length + 1;
  const out = new ByteWriter(PREFIX + 6 + n * ENTRY + 14 + data.length + 4 * n);
  out.zeros(PREFIX).i32(n).i16(FORM_VERSION);
  writeEntry(out, 0, "", 0, { type: rowType & 0xffff, encodedLength: 0 }, 2);
  fields.forEach((f, i) => {
    writeEntry(out, 1, f.name, i + 1, f.column, i + 1 < fields.length ? i + 3 : 0);
  });
  // A NULL ROW: the schema, no data, flags NULL [jdbc: IBM JDBC reads it as a null Struct; the
  // envelope's own NULL indicator makes it fail with -79716].
  if (value === null) return out.i16(0).i32(0).u32(FLAG_NULL).take();
  out
    .i16(0)
    .i32(data.length + 4 + 4 * fields.length)
    .u32(FLAG_VALUE)
    .bytes(data)
    .i32(-1);
  for (let i = offsets.length - 1; i >= 0; i--) out.i32(offsets[i]!);
  return out.take();
}

/**
 * A ROW column asked for as SENDRECV (44), in tuples: i32 length + the binary form. Values are
 * the form's bytes ({@link encodeRowSendRecv}); registry.ts picks it for a SENDRECV column that
 * is not a BLOB/CLOB. Bind: JDBC's form arrives through the opaque bind path (decodeRowSendRecvBind).
 */
export const sendRecvRowCodec: TypeCodec<Uint8Array> = {
  name: "SENDRECV",
  baseTypes: [],
  usesView: false,
  tupleSize(_column, bytes, offset) {
    if (offset + 4 > bytes.length) return 4;
    const length = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getInt32(offset);
    if (length < 0) throw new TypeCodecError("INVALID_ENCODING", `negative SENDRECV length ${length}`);
    return 4 + length;
  },
  decode: (bytes, _view, offset, size) => bytes.slice(offset + 4, offset + size),
  encode(value, _column, out) {
    const payload = value ?? new Uint8Array(0);
    out.i32(payload.length).bytes(payload);
  },
  bindSlot: () => {
    throw new TypeCodecError("UNSUPPORTED_TYPE", "a ROW's binary form is not bound by informix-db");
  },
  encodeBind: () => {
    throw new TypeCodecError("UNSUPPORTED_TYPE", "a ROW's binary form is not bound by informix-db");
  },
  readBind: () => {
    throw new TypeCodecError("UNSUPPORTED_TYPE", "a ROW's binary form is not bound by informix-db");
  },
  decodeBind: (payload) => payload,
};
