// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// INT8 (type 17) and SERIAL8 (type 18), 10 bytes in a tuple:
//   SS SS        i16 sign: 1 positive (and zero), -1 negative, 0 = NULL
//   LL LL LL LL  u32 low 32 bits of the magnitude
//   HH HH HH HH  u32 high 32 bits of the magnitude
// e.g. -7 = FF FF 00 00 00 07 00 00 00 00; NULL = 00 × 10 (statements-and-types.md §6.2).
// Bind: sent as BIGINT (type 52, i64), the form libsqli uses live; `readBind` also accepts the
// 10-byte INT8 form under type 17/18 for clients that send it. JS value: bigint.

import { SQLINFXBIGINT, SQLINT8, SQLSERIAL8, SQLTYPE_MASK } from "../constants/type-codes.js";
import type { BindSlot, TypeCodec } from "./codec.js";
import { checkBigInteger } from "./integer-range.js";

/** Tuple width of INT8/SERIAL8. */
export const INT8_WIDTH = 10;
/** Sign word values. */
export const INT8_SIGN_NULL = 0;
export const INT8_SIGN_POSITIVE = 1;
export const INT8_SIGN_NEGATIVE = -1;
/** INT8 holds magnitudes up to 2^63 - 1. */
export const INT8_MAX = 2n ** 63n - 1n;
const SIGN_WIDTH = 2;
const WORD_WIDTH = 4;
const BIGINT_BIND_WIDTH = 8;
const WORD_BITS = 32n;
const WORD_MASK = 0xffffffffn;

function readInt8(view: DataView, offset: number): bigint | null {
  const sign = view.getInt16(offset);
  if (sign === INT8_SIGN_NULL) return null;
  const low = view.getUint32(offset + SIGN_WIDTH);
  const high = view.getUint32(offset + SIGN_WIDTH + WORD_WIDTH);
  const magnitude = high === 0 ? BigInt(low) : (BigInt(high) << WORD_BITS) | BigInt(low);
  return sign < 0 ? -magnitude : magnitude;
}

function isInt8Slot(slot: BindSlot): boolean {
  const base = slot.type & SQLTYPE_MASK;
  return base === SQLINT8 || base === SQLSERIAL8;
}

/** INT8 and SERIAL8 codec; values are bigints in ±(2^63 - 1). */
export const int8Codec: TypeCodec<bigint> = {
  name: "INT8",
  baseTypes: [SQLINT8, SQLSERIAL8],
  usesView: true,
  tupleSize: () => INT8_WIDTH,
  decode: (_bytes, view, offset) => readInt8(view, offset),
  encode(value, _column, out) {
    if (value === null) {
      out.zeros(INT8_WIDTH);
      return;
    }
    checkBigInteger("INT8", value, INT8_MAX);
    const magnitude = value < 0n ? -value : value;
    out.i16(value < 0n ? INT8_SIGN_NEGATIVE : INT8_SIGN_POSITIVE);
    out.u32(Number(magnitude & WORD_MASK));
    out.u32(Number(magnitude >> WORD_BITS));
  },
  bindSlot: () => ({ type: SQLINFXBIGINT, precision: 0 }),
  encodeBind(value, slot, out) {
    if (isInt8Slot(slot)) {
      int8Codec.encode(value, { type: slot.type, encodedLength: INT8_WIDTH }, out);
      return;
    }
    checkBigInteger("INT8", value, INT8_MAX);
    out.i64(value);
  },
  readBind: (reader, slot) => reader.bytes(isInt8Slot(slot) ? INT8_WIDTH : BIGINT_BIND_WIDTH),
  decodeBind(payload, slot) {
    const view = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
    if (!isInt8Slot(slot)) return view.getBigInt64(0);
    return readInt8(view, 0) ?? 0n;
  },
};
