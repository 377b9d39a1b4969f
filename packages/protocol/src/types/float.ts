// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// FLOAT / DOUBLE PRECISION (type 3). Tuple: IEEE-754 binary64 big-endian; NULL = FF × 8
// (only that exact NaN pattern is NULL). 1.0 = 3F F0 00 00 00 00 00 00.
// Bind: type 3, precision 0, the same 8 bytes [impl libsqli]. JS value: number.

import { SQLFLOAT } from "../constants/type-codes.js";
import type { TypeCodec } from "./codec.js";

/** Tuple width of FLOAT. */
export const FLOAT_WIDTH = 8;
const ALL_ONES = 0xffffffff;
const WORD = 4;

/** FLOAT codec; values are numbers. */
export const floatCodec: TypeCodec<number> = {
  name: "FLOAT",
  baseTypes: [SQLFLOAT],
  usesView: true,
  tupleSize: () => FLOAT_WIDTH,
  decode(_bytes, view, offset) {
    if (view.getUint32(offset) === ALL_ONES && view.getUint32(offset + WORD) === ALL_ONES) return null;
    return view.getFloat64(offset);
  },
  encode(value, _column, out) {
    if (value === null) out.u32(ALL_ONES).u32(ALL_ONES);
    else out.f64(value);
  },
  bindSlot: () => ({ type: SQLFLOAT, precision: 0 }),
  encodeBind(value, _slot, out) {
    out.f64(value);
  },
  readBind: (reader) => reader.bytes(FLOAT_WIDTH),
  decodeBind: (payload) => new DataView(payload.buffer, payload.byteOffset, payload.byteLength).getFloat64(0),
};
