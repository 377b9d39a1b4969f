// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// SMALLINT (type 1). Tuple: i16 big-endian, NULL = 80 00 (so the range is ±32767).
// Bind: type 1, precision 0, i16 payload (the INTEGER form at 2 bytes) [inferred].
// JS value: number.

import { SQLSMINT } from "../constants/type-codes.js";
import { readInt16 } from "./big-endian.js";
import type { TypeCodec } from "./codec.js";
import { checkInteger } from "./integer-range.js";

/** Tuple width and NULL sentinel of SMALLINT. */
export const SMALLINT_WIDTH = 2;
export const SMALLINT_NULL = -0x8000;
export const SMALLINT_MAX = 0x7fff;

/** SMALLINT codec; values are numbers in -32767..32767. */
export const smallintCodec: TypeCodec<number> = {
  name: "SMALLINT",
  baseTypes: [SQLSMINT],
  usesView: false,
  tupleSize: () => SMALLINT_WIDTH,
  decode(bytes, _view, offset) {
    const v = readInt16(bytes, offset);
    return v === SMALLINT_NULL ? null : v;
  },
  encode(value, _column, out) {
    if (value !== null) checkInteger("SMALLINT", value, SMALLINT_MAX);
    out.i16(value ?? SMALLINT_NULL);
  },
  bindSlot: () => ({ type: SQLSMINT, precision: 0 }),
  encodeBind(value, _slot, out) {
    checkInteger("SMALLINT", value, SMALLINT_MAX);
    out.i16(value);
  },
  readBind: (reader) => reader.bytes(SMALLINT_WIDTH),
  decodeBind: (payload) => new DataView(payload.buffer, payload.byteOffset, payload.byteLength).getInt16(0),
};
