// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// INTEGER (type 2) and SERIAL (type 6, an INTEGER in tuples). Tuple: i32 big-endian,
// NULL = 80 00 00 00 (range ±2147483647). Bind: type 2, precision 0, i32 payload
// (INT 42 → 00 02 00 00 00 00 00 00 00 2A with indicator and slot) [impl libsqli].
// JS value: number.

import { SQLINT, SQLSERIAL } from "../constants/type-codes.js";
import { readInt32 } from "./big-endian.js";
import type { TypeCodec } from "./codec.js";
import { checkInteger } from "./integer-range.js";

/** Tuple width and NULL sentinel of INTEGER/SERIAL. */
export const INTEGER_WIDTH = 4;
export const INTEGER_NULL = -0x80000000;
export const INTEGER_MAX = 0x7fffffff;

/** INTEGER and SERIAL codec; values are numbers in -2147483647..2147483647. */
export const integerCodec: TypeCodec<number> = {
  name: "INTEGER",
  baseTypes: [SQLINT, SQLSERIAL],
  usesView: false,
  tupleSize: () => INTEGER_WIDTH,
  decode(bytes, _view, offset) {
    const v = readInt32(bytes, offset);
    return v === INTEGER_NULL ? null : v;
  },
  encode(value, _column, out) {
    if (value !== null) checkInteger("INTEGER", value, INTEGER_MAX);
    out.i32(value ?? INTEGER_NULL);
  },
  bindSlot: () => ({ type: SQLINT, precision: 0 }),
  encodeBind(value, _slot, out) {
    checkInteger("INTEGER", value, INTEGER_MAX);
    out.i32(value);
  },
  readBind: (reader) => reader.bytes(INTEGER_WIDTH),
  decodeBind: (payload) => new DataView(payload.buffer, payload.byteOffset, payload.byteLength).getInt32(0),
};
