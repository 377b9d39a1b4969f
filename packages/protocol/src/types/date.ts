// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// DATE (type 7). Tuple and bind payload are the same: i32 days since 1899-12-31
// (day 0 = 1899-12-31, 1970-01-01 = 00 00 63 E0, 0001-01-01 = FF F5 6A A6, 9999-12-31 =
// 00 2D 24 80); NULL = 80 00 00 00 [live-verified, libsqli]. Bind: type 7, precision 0.
// JS value: InformixDate (a calendar day; toDate() gives UTC midnight).

import { SQLDATE } from "../constants/type-codes.js";
import { readInt32 } from "./big-endian.js";
import type { TypeCodec } from "./codec.js";
import { TypeCodecError } from "./type-codec-error.js";
import { InformixDate } from "./values/informix-date.js";

/** Tuple width and NULL sentinel of DATE. */
export const DATE_WIDTH = 4;
export const DATE_NULL = -0x80000000;

function checkDate(value: InformixDate): number {
  if (!(value instanceof InformixDate)) throw new TypeCodecError("INVALID_VALUE", "expected an InformixDate");
  return value.days;
}

/** DATE codec; values are InformixDate. */
export const dateCodec: TypeCodec<InformixDate> = {
  name: "DATE",
  baseTypes: [SQLDATE],
  usesView: false,
  tupleSize: () => DATE_WIDTH,
  decode(bytes, _view, offset) {
    const days = readInt32(bytes, offset);
    return days === DATE_NULL ? null : InformixDate.fromDays(days);
  },
  encode(value, _column, out) {
    out.i32(value === null ? DATE_NULL : checkDate(value));
  },
  bindSlot: () => ({ type: SQLDATE, precision: 0 }),
  encodeBind(value, _slot, out) {
    out.i32(checkDate(value));
  },
  readBind: (reader) => reader.bytes(DATE_WIDTH),
  decodeBind: (payload) =>
    InformixDate.fromDays(new DataView(payload.buffer, payload.byteOffset, payload.byteLength).getInt32(0)),
};
