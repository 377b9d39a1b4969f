// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// SMALLFLOAT / REAL (type 4). Tuple: IEEE-754 binary32 big-endian; NULL = FF FF FF FF
// (a NaN pattern: only that exact pattern is NULL, other NaNs stay NaN).
// Bind: type 4, precision 0, the same 4 bytes [inferred from FLOAT's form]. JS value: number.

import { SQLSMFLOAT } from "../constants/type-codes.js";
import type { TypeCodec } from "./codec.js";

/** Tuple width of SMALLFLOAT. */
export const SMALLFLOAT_WIDTH = 4;
/** The NULL bit pattern, read as an unsigned 32-bit word. */
export const SMALLFLOAT_NULL_BITS = 0xffffffff;

/** SMALLFLOAT codec; values are numbers (rounded to binary32 when encoded). */
export const smallfloatCodec: TypeCodec<number> = {
  name: "SMALLFLOAT",
  baseTypes: [SQLSMFLOAT],
  usesView: true,
  tupleSize: () => SMALLFLOAT_WIDTH,
  decode(_bytes, view, offset) {
    if (view.getUint32(offset) === SMALLFLOAT_NULL_BITS) return null;
    return view.getFloat32(offset);
  },
  encode(value, _column, out) {
    if (value === null) out.u32(SMALLFLOAT_NULL_BITS);
    else out.f32(value);
  },
  bindSlot: () => ({ type: SQLSMFLOAT, precision: 0 }),
  encodeBind(value, _slot, out) {
    out.f32(value);
  },
  readBind: (reader) => reader.bytes(SMALLFLOAT_WIDTH),
  decodeBind: (payload) => new DataView(payload.buffer, payload.byteOffset, payload.byteLength).getFloat32(0),
};
