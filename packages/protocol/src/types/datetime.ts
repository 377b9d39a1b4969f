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

import { SQLDTIME } from "../constants/type-codes.js";
import type { ByteReader } from "../io/byte-reader.js";
import type { ByteWriter } from "../io/byte-writer.js";
import type { BindSlot, TypeCodec } from "./codec.js";
import { isPackedNull } from "./packed-base100.js";
import { decodeQualifier, type Qualifier } from "./qualifier.js";
import { packTemporal, unpackFraction, unpackIntegral } from "./temporal-packing.js";
import { TypeCodecError } from "./type-codec-error.js";
import { InformixDateTime } from "./values/informix-datetime.js";

const BIND_WIDTH = -1;

/** Decodes a non-NULL packed DATETIME of qualifier `q`. */
export function decodeDateTime(bytes: Uint8Array, offset: number, size: number, q: Qualifier): InformixDateTime {
  if (bytes[offset]! < 0x80) throw new TypeCodecError("INVALID_ENCODING", "negative DATETIME");
  const integral = unpackIntegral(bytes, offset, size, q);
  const fraction = q.fractionPairs === 0 ? 0 : unpackFraction(bytes, offset, size, q);
  return InformixDateTime.fromPacked(q, integral, fraction);
}

function checkDateTime(value: InformixDateTime): InformixDateTime {
  if (!(value instanceof InformixDateTime)) throw new TypeCodecError("INVALID_VALUE", "expected an InformixDateTime");
  return value;
}

/** DATETIME codec; values are InformixDateTime. */
export const datetimeCodec: TypeCodec<InformixDateTime> = {
  name: "DATETIME",
  baseTypes: [SQLDTIME],
  tupleSize: (column) => decodeQualifier(column.encodedLength).tupleWidth,
  decode(bytes, _view, offset, size, column) {
    if (isPackedNull(bytes, offset, size)) return null;
    return decodeDateTime(bytes, offset, size, decodeQualifier(column.encodedLength));
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
