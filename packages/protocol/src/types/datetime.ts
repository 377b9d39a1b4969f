// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// DATETIME (type 10). The descriptor's encoded length is the qualifier (qualifier.ts).
// Tuple: packed base-100 with the point after SECOND (temporal-packing.ts), qualifier width,
// NULL = 00 × width. 2026-06-20 12:34:56 YEAR TO SECOND (0x0E0A) = C7 14 1A 06 14 0C 22 38;
// 23:59 HOUR TO MINUTE (0x0468) = C3 17 3B; .00001 FRACTION TO FRACTION(5) = BE 0A 00 00.
// Bind: type 10, precision slot = the value's qualifier, i16 n + packed bytes without
// trailing zero pairs + pad: 00 0A 00 00 0E 0A 00 08 C7 14 1A 06 14 0C 22 38 [live LSN].
// JS value: InformixDateTime (fields kept exactly, no time zone).

import { SQLDTIME, TU_DAY, TU_HOUR, TU_MINUTE, TU_MONTH, TU_YEAR } from "../constants/type-codes.js";
import type { ByteReader } from "../io/byte-reader.js";
import type { ByteWriter } from "../io/byte-writer.js";
import type { BindSlot, TypeCodec } from "./codec.js";
import { EXPONENT_BIAS, isPackedNull, PAIR_BASE, SIGN_POSITIVE } from "./packed-base100.js";
import { decodeQualifier, type Qualifier } from "./qualifier.js";
import { packTemporal } from "./temporal-packing.js";
import { TypeCodecError } from "./type-codec-error.js";
import { InformixDateTime } from "./values/informix-datetime.js";

const BIND_WIDTH = -1;
const UNIT_STEP = 2;
const DECIMAL_BASE = 10;
/** 10^-5 s units of the first and second fraction pair (.dd → dd × 1000, .__dd → dd × 10). */
const FRACTION_UNITS_PAIR0 = 1000;
const FRACTION_UNITS_PAIR1 = 10;

/** The byte at `index` when it lies inside (lo, hi), else 0 (an omitted leading or trailing pair). */
function pairOrZero(bytes: Uint8Array, index: number, lo: number, hi: number): number {
  return index > lo && index < hi ? bytes[index]! : 0;
}

/**
 * Decodes a non-NULL packed DATETIME of qualifier `q`. Pairs are read straight into fields:
 * layout pair j (0 = first pair of the leading field) sits at byte 1 + j - shift, where
 * shift = leading zero pairs the encoder stripped (the exponent tells how many).
 */
export function decodeDateTime(bytes: Uint8Array, offset: number, size: number, q: Qualifier): InformixDateTime {
  const b0 = bytes[offset]!;
  const shift = q.fullScaleExponent - (b0 - SIGN_POSITIVE - EXPONENT_BIAS);
  if (b0 < SIGN_POSITIVE || shift < 0) {
    throw new TypeCodecError(
      "INVALID_ENCODING",
      `DATETIME exponent byte 0x${b0.toString(16)} does not fit its qualifier`,
    );
  }
  const end = offset + size;
  let j = offset + 1 - shift;
  let lead = 0;
  for (let p = 0; p < q.leadingPairs; p++, j++) lead = lead * PAIR_BASE + pairOrZero(bytes, j, offset, end);
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  let second = 0;
  for (let u = q.start; u <= q.integralEnd; u += UNIT_STEP) {
    const v = u === q.start ? lead : pairOrZero(bytes, j++, offset, end);
    if (u === TU_YEAR) year = v;
    else if (u === TU_MONTH) month = v;
    else if (u === TU_DAY) day = v;
    else if (u === TU_HOUR) hour = v;
    else if (u === TU_MINUTE) minute = v;
    else second = v;
  }
  let fraction = 0;
  if (q.fractionPairs > 0) {
    const f0 = pairOrZero(bytes, j, offset, end);
    const f1 = pairOrZero(bytes, j + 1, offset, end);
    const f2 = pairOrZero(bytes, j + 2, offset, end);
    fraction = f0 * FRACTION_UNITS_PAIR0 + f1 * FRACTION_UNITS_PAIR1 + (f2 - (f2 % DECIMAL_BASE)) / DECIMAL_BASE;
  }
  return InformixDateTime.fromWireFields(q, year, month, day, hour, minute, second, fraction);
}

/** The decoded qualifier of a column, memoised for the common case of one qualifier per column run. */
let lastQualifier: Qualifier | undefined;
function qualifierOf(encoded: number): Qualifier {
  if (lastQualifier === undefined || lastQualifier.encoded !== encoded) lastQualifier = decodeQualifier(encoded);
  return lastQualifier;
}

function checkDateTime(value: InformixDateTime): InformixDateTime {
  if (!(value instanceof InformixDateTime)) throw new TypeCodecError("INVALID_VALUE", "expected an InformixDateTime");
  return value;
}

/** DATETIME codec; values are InformixDateTime. */
export const datetimeCodec: TypeCodec<InformixDateTime> = {
  name: "DATETIME",
  baseTypes: [SQLDTIME],
  usesView: false,
  tupleSize: (column) => decodeQualifier(column.encodedLength).tupleWidth,
  decode(bytes, _view, offset, size, column) {
    if (isPackedNull(bytes, offset, size)) return null;
    return decodeDateTime(bytes, offset, size, qualifierOf(column.encodedLength));
  },
  encode(value, column, out) {
    const q = decodeQualifier(column.encodedLength);
    if (value === null) {
      out.zeros(q.tupleWidth);
      return;
    }
    if (checkDateTime(value).qualifier !== q.encoded) {
      throw new TypeCodecError(
        "INVALID_VALUE",
        `DATETIME of qualifier 0x${value.qualifier.toString(16)} in a 0x${q.encoded.toString(16)} column`,
      );
    }
    packTemporal(out, q, false, value.fields(), q.tupleWidth);
  },
  bindSlot: (value) => ({ type: SQLDTIME, precision: checkDateTime(value).qualifier }),
  encodeBind(value: InformixDateTime, _slot: BindSlot, out: ByteWriter) {
    const at = out.length;
    out.u16(0);
    const n = packTemporal(out, checkDateTime(value).qualifierInfo, false, value.fields(), BIND_WIDTH);
    out.patchU16(at, n).padTo2(n);
  },
  readBind: (reader: ByteReader) => reader.char(),
  decodeBind: (payload, slot) => decodeDateTime(payload, 0, payload.length, decodeQualifier(slot.precision & 0xffff)),
};
