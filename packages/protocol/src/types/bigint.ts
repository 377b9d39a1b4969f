// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// BIGINT (type 52) and BIGSERIAL (type 53). Tuple: i64 big-endian, NULL =
// 80 00 00 00 00 00 00 00 (range ±9223372036854775807). Bind: type 52, precision 0,
// i64 payload [impl libsqli]. JS value: bigint (never number: 2^53 is too small).

import { SQLBIGSERIAL, SQLINFXBIGINT } from "../constants/type-codes.js";
import type { TypeCodec } from "./codec.js";
import { checkBigInteger } from "./integer-range.js";

/** Tuple width and NULL sentinel of BIGINT/BIGSERIAL. */
export const BIGINT_WIDTH = 8;
export const BIGINT_NULL = -(2n ** 63n);
export const BIGINT_MAX = 2n ** 63n - 1n;

/** BIGINT and BIGSERIAL codec; values are bigints. */
export const bigintCodec: TypeCodec<bigint> = {
  name: "BIGINT",
  baseTypes: [SQLINFXBIGINT, SQLBIGSERIAL],
  usesView: true,
  tupleSize: () => BIGINT_WIDTH,
  decode(_bytes, view, offset) {
    const v = view.getBigInt64(offset);
    return v === BIGINT_NULL ? null : v;
  },
  encode(value, _column, out) {
    if (value !== null) checkBigInteger("BIGINT", value, BIGINT_MAX);
    out.i64(value ?? BIGINT_NULL);
  },
  bindSlot: () => ({ type: SQLINFXBIGINT, precision: 0 }),
  encodeBind(value, _slot, out) {
    checkBigInteger("BIGINT", value, BIGINT_MAX);
    out.i64(value);
  },
  readBind: (reader) => reader.bytes(BIGINT_WIDTH),
  decodeBind: (payload) => new DataView(payload.buffer, payload.byteOffset, payload.byteLength).getBigInt64(0),
};
