// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// A ROW bound in its binary-with-schema form (IBM JDBC's setObject of a Struct: SQ_BIND type
// 44 named `row(…)`), read by the emulator into ROW text. The layout is in row-sendrecv.ts;
// JDBC's own writer pads a VARCHAR to its maximum (length byte = the maximum), writes a BIGINT
// in INT8's 10 bytes and NULLs in sizes of its own (VARCHAR 01 00, CHAR 00…, FLOAT ff…, BIGINT
// 8 bytes), so each field's bytes are taken from the form's offset list.

import * as T from "../constants/type-codes.js";
import type { TextCodec } from "../text/code-pages.js";
import type { ColumnType } from "./codec.js";
import { INT8_WIDTH, int8Codec } from "./int8.js";
import { ENTRY, FLAG_NULL, fieldCodec, HEADER, NAME, PREFIX } from "./row-sendrecv.js";
import { TypeCodecError } from "./type-codec-error.js";

function bad(why: string): TypeCodecError {
  return new TypeCodecError("INVALID_VALUE", `malformed ROW/collection binary form: ${why}`);
}

function quote(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

const KINDS = new Map<number, string>([
  [T.SQLROW, "ROW"],
  [T.SQLSET, "SET"],
  [T.SQLMULTISET, "MULTISET"],
  [T.SQLLIST, "LIST"],
]);

/**
 * The elements' texts of a collection's data: fixed-size elements back to back; variable ones
 * (VARCHAR u8 length + bytes, LVARCHAR u8 + i32 length + bytes) followed by -1 and their offsets.
 */
function elements(
  bytes: Uint8Array,
  view: DataView,
  start: number,
  end: number,
  column: ColumnType,
  text?: TextCodec,
): string[] {
  const out: string[] = [];
  const lvarchar = column.type === T.SQLLVARCHAR;
  const variable = lvarchar || column.type === T.SQLVCHAR || column.type === T.SQLNVCHAR;
  let at = start;
  while (at < end) {
    if (variable && end - at === 4 * (out.length + 1) && view.getInt32(at) === -1) return out;
    if (lvarchar) {
      if (at + 5 > end) throw bad("element past the end");
      const n = view.getInt32(at + 1);
      if (n < 0 || at + 5 + n > end) throw bad("element past the end");
      const body = bytes.subarray(at + 5, at + 5 + n);
      out.push(quote(text ? text.decode(body) : String.fromCharCode(...body)));
      at += 5 + n;
      continue;
    }
    const size = fieldCodec(column).tupleSize(column, bytes, at);
    if (size <= 0 || at + size > end) throw bad("element past the end");
    out.push(literalText(fieldValue(bytes, view, at, size, column, text), column));
    at += size;
  }
  if (variable) throw bad("no element offsets");
  return out;
}

/**
 * The ROW text (`ROW('Ann',40)`) or collection text (`MULTISET{1,2}`) of a bound binary form
 * (IBM JDBC's setObject of a Struct, a java.util.Set or List), null for a NULL value, or
 * undefined when `bytes` is not one (it does not start with the 132 zero bytes).
 */
export function decodeRowSendRecvBind(bytes: Uint8Array, text?: TextCodec): string | null | undefined {
  if (bytes.length < HEADER + ENTRY || bytes.subarray(0, PREFIX).some((b) => b !== 0)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = view.getInt32(PREFIX);
  let at = HEADER;
  if (n < 1 || at + n * ENTRY + 10 > bytes.length) throw bad(`${n} entries in ${bytes.length} bytes`);
  const columns: ColumnType[] = [];
  let kind: string | undefined;
  for (let k = 0; k < n; k++, at += ENTRY) {
    const type = view.getInt16(at + 6 + NAME + 2);
    const encodedLength = view.getUint16(at + 6 + NAME + 4);
    if (k === 0) kind = KINDS.get(type & T.SQLTYPE_MASK);
    if (k === 0 && kind === undefined) throw bad(`first entry of type ${type}`);
    if (k > 0) columns.push({ type: type & T.SQLTYPE_MASK, encodedLength });
  }
  const length = view.getInt32(at + 2);
  if ((view.getUint32(at + 6) & FLAG_NULL) !== 0) return null;
  const start = at + 10;
  const end = start + length;
  if (length < 0 || end > bytes.length) throw bad(`data of ${length} bytes`);
  if (kind !== "ROW") {
    if (columns.length !== 1) throw bad(`a collection of ${columns.length} element types`);
    return `${kind}{${elements(bytes, view, start, end, columns[0]!, text).join(",")}}`;
  }
  // Each field's bytes: from the offsets after the -1 marker (last field first). IBM JDBC pads
  // a VARCHAR to its maximum and writes NULLs in sizes of its own, so the sizes come from there.
  const marker = end - 4 * (columns.length + 1);
  if (marker < start || view.getInt32(marker) !== -1) throw bad("no field offsets");
  const bounds = columns.map((_, i) => start + view.getInt32(end - 4 * (i + 1)));
  bounds.push(marker);
  const items = columns.map((column, i) => {
    const from = bounds[i]!;
    const to = bounds[i + 1]!;
    if (from > to || to > marker) throw bad(`field ${i + 1} at ${from}..${to}`);
    return literalText(fieldValue(bytes, view, from, to - from, column, text), column);
  });
  return `ROW(${items.join(",")})`;
}

/** One field's value from its bytes; NULL forms as IBM JDBC writes them. */
function fieldValue(
  bytes: Uint8Array,
  view: DataView,
  at: number,
  size: number,
  column: ColumnType,
  text?: TextCodec,
): unknown {
  const base = column.type & T.SQLTYPE_MASK;
  const field = bytes.subarray(at, at + size);
  if (size === 0) return null;
  if ((base === T.SQLCHAR || base === T.SQLNCHAR) && field[0] === 0) return null;
  if ((base === T.SQLFLOAT || base === T.SQLSMFLOAT) && field.every((b) => b === 0xff)) return null;
  if ((base === T.SQLVCHAR || base === T.SQLNVCHAR) && field[0] === 1 && field[1] === 0) return null;
  if (base === T.SQLINFXBIGINT && size === INT8_WIDTH) return int8Codec.decode(bytes, view, at, size, column);
  if (base === T.SQLINFXBIGINT) {
    const v = view.getBigInt64(at);
    return v === -(1n << 63n) ? null : v;
  }
  return fieldCodec(column).decode(bytes, view, at, size, column, text);
}

function literalText(v: unknown, column: ColumnType): string {
  if (v === null || v === undefined) return "NULL";
  switch (column.type & T.SQLTYPE_MASK) {
    case T.SQLSMINT:
    case T.SQLINT:
    case T.SQLFLOAT:
    case T.SQLSMFLOAT:
    case T.SQLDECIMAL:
    case T.SQLMONEY:
    case T.SQLINT8:
    case T.SQLINFXBIGINT:
      return String(v);
    default:
      return quote(String(v));
  }
}
