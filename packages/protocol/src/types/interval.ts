// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// INTERVAL (type 14). The descriptor's encoded length is the qualifier, whose len includes
// the leading precision (DAY(3) TO FRACTION(5) = 0x0E4F). Tuple: packed base-100 with the
// point after SECOND (temporal-packing.ts), one sign for the whole value (negative values
// are complemented as DECIMALs are), NULL = 00 × width [live-verified, libsqli]:
//   3 03:27:01.12345 DAY(3) TO FRACTION(5) = C4 03 03 1B 01 0C 22 32 00
//   -999.99 SECOND(3) TO FRACTION(2)       = 3D 5A 00 01
//   3-02 YEAR(3) TO MONTH                  = C6 03 02 00
// Bind: type 14, precision slot = qualifier, i16 n + packed bytes without trailing zero
// pairs + pad. JS value: InformixInterval.

import { SQLINTERVAL } from "../constants/type-codes.js";
import type { ByteReader } from "../io/byte-reader.js";
import type { ByteWriter } from "../io/byte-writer.js";
import type { BindSlot, TypeCodec } from "./codec.js";
import { isPackedNull } from "./packed-base100.js";
import { decodeQualifier, type Qualifier } from "./qualifier.js";
import { isNegativePacked, packTemporal, unpackFraction, unpackIntegral } from "./temporal-packing.js";
import { TypeCodecError } from "./type-codec-error.js";
import { InformixInterval } from "./values/informix-interval.js";

const BIND_WIDTH = -1;

/** Decodes a non-NULL packed INTERVAL of qualifier `q`. */
export function decodeInterval(bytes: Uint8Array, offset: number, size: number, q: Qualifier): InformixInterval {
  const integral = unpackIntegral(bytes, offset, size, q);
  const fraction = unpackFraction(bytes, offset, size, q);
  const negative = isNegativePacked(bytes, offset) && (integral !== 0 || fraction !== 0);
  return InformixInterval.fromPacked(q, negative, integral, fraction);
}

function checkInterval(value: InformixInterval): InformixInterval {
  if (!(value instanceof InformixInterval)) throw new TypeCodecError("INVALID_VALUE", "expected an InformixInterval");
  return value;
}

/** INTERVAL codec; values are InformixInterval. */
export const intervalCodec: TypeCodec<InformixInterval> = {
  name: "INTERVAL",
  baseTypes: [SQLINTERVAL],
  usesView: false,
  tupleSize: (column) => decodeQualifier(column.encodedLength).tupleWidth,
  decode(bytes, _view, offset, size, column) {
    if (isPackedNull(bytes, offset, size)) return null;
    return decodeInterval(bytes, offset, size, decodeQualifier(column.encodedLength));
  },
  encode(value, column, out) {
    const q = decodeQualifier(column.encodedLength);
    if (value === null) {
      out.zeros(q.tupleWidth);
      return;
    }
    if (checkInterval(value).qualifier !== q.encoded) {
      throw new TypeCodecError(
        "INVALID_VALUE",
        `INTERVAL of qualifier 0x${value.qualifier.toString(16)} in a 0x${q.encoded.toString(16)} column`,
      );
    }
    packTemporal(out, q, value.negative, value.fields(), q.tupleWidth);
  },
  bindSlot: (value) => ({ type: SQLINTERVAL, precision: checkInterval(value).qualifier }),
  encodeBind(value: InformixInterval, _slot: BindSlot, out: ByteWriter) {
    const at = out.length;
    out.u16(0);
    const n = packTemporal(out, checkInterval(value).qualifierInfo, value.negative, value.fields(), BIND_WIDTH);
    out.patchU16(at, n).padTo2(n);
  },
  readBind: (reader: ByteReader) => reader.char(),
  decodeBind: (payload, slot) => decodeInterval(payload, 0, payload.length, decodeQualifier(slot.precision & 0xffff)),
};
