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
  return new TypeCodecError("INVALID_VALUE", `malformed ROW binary form: ${why}`);
}

function quote(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/**
 * The ROW text (`ROW('Ann',40)`) of a bound binary form (IBM JDBC's setObject of a Struct),
 * null for a NULL ROW, or undefined when `bytes` is not one (it does not start with the 132 zero bytes).
 */
export function decodeRowSendRecvBind(bytes: Uint8Array, text?: TextCodec): string | null | undefined {
  if (bytes.length < HEADER + ENTRY || bytes.subarray(0, PREFIX).some((b) => b !== 0)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = view.getInt32(PREFIX);
  let at = HEADER;
  if (n < 1 || at + n * ENTRY + 10 > bytes.length) throw bad(`${n} entries in ${bytes.length} bytes`);
  const columns: ColumnType[] = [];
  for (let k = 0; k < n; k++, at += ENTRY) {
    const type = view.getInt16(at + 6 + NAME + 2);
    const encodedLength = view.getUint16(at + 6 + NAME + 4);
    if (k === 0 && (type & T.SQLTYPE_MASK) !== T.SQLROW) throw bad(`first entry of type ${type}`);
    if (k > 0) columns.push({ type, encodedLength });
  }
  const length = view.getInt32(at + 2);
  if ((view.getUint32(at + 6) & FLAG_NULL) !== 0) return null;
  const start = at + 10;
  const end = start + length;
  if (length < 0 || end > bytes.length) throw bad(`data of ${length} bytes`);
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
