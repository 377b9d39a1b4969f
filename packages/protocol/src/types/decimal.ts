// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// DECIMAL(p,s) / NUMERIC (type 5) and MONEY(p,s) (type 8): packed base-100 (packed-base100.ts).
// Descriptor encoded length = (p << 8) | s, s = 0xFF for floating DECIMAL(p).
// Tuple:  DECLEN(p,s) = (p + (s & 1) + 3) >> 1 bytes, zero-filled; NULL = 00 00 …
//         e.g. 123.4500 in DECIMAL(8,4) = C2 01 17 2D 00, -123.4500 = 3D 62 4C 37 00 (live).
// Bind:   type 5 (MONEY too), precision slot 00 SS (the scale, FF floating), then
//         i16 n + n packed bytes with trailing zero pairs dropped (≥ 1) + pad to even:
//         12.34 → 00 03 C1 0C 22 00.
// JS value: an exact decimal string (decimal-text.ts has the rendering rules); never a number.

import { SQLDECIMAL, SQLMONEY } from "../constants/type-codes.js";
import type { ByteReader } from "../io/byte-reader.js";
import type { ByteWriter } from "../io/byte-writer.js";
import type { BindSlot, ColumnType, TypeCodec } from "./codec.js";
import {
  type DecimalDigits,
  digitsToPairs,
  FLOATING_SCALE,
  formatPackedDecimal,
  MAX_PRECISION,
  parseDecimalText,
  roundDigits,
} from "./decimal-text.js";
import { isPackedNull, writePacked } from "./packed-base100.js";
import { TypeCodecError } from "./type-codec-error.js";

const SCALE_MASK = 0xff;
const PRECISION_SHIFT = 8;
const DECLEN_BIAS = 3;
/** Precision of a DECIMAL column declared without one (DECIMAL = DECIMAL(16)). */
export const DEFAULT_DECIMAL_PRECISION = 16;

/** DECLEN(p, s): tuple bytes of a DECIMAL/MONEY of encoded length (p << 8) | s. */
export function decimalTupleWidth(encodedLength: number): number {
  const p = (encodedLength >> PRECISION_SHIFT) & SCALE_MASK;
  const s = encodedLength & SCALE_MASK;
  return (p + (s & 1) + DECLEN_BIAS) >> 1;
}

/** The encoded length (p << 8) | s of DECIMAL(p, s); omit `scale` for floating DECIMAL(p). */
export function decimalEncodedLength(precision: number, scale: number = FLOATING_SCALE): number {
  return (precision << PRECISION_SHIFT) | scale;
}

/** Rounds parsed digits to the column (half away from zero) and checks its precision. */
function fitColumn(d: DecimalDigits, precision: number, scale: number, text: string): DecimalDigits {
  const rounded = scale === FLOATING_SCALE ? roundDigits(d, precision) : roundDigits(d, d.point + scale);
  const fixed = scale !== FLOATING_SCALE;
  if (fixed && rounded.digits.length > 0 && Math.max(rounded.point, 0) > precision - scale) {
    throw new TypeCodecError("VALUE_OUT_OF_RANGE", `${text} does not fit DECIMAL(${precision},${scale})`);
  }
  return rounded;
}

function writeDecimal(out: ByteWriter, value: string, precision: number, scale: number, width: number): number {
  const d = fitColumn(parseDecimalText(value), precision, scale, value);
  const { exponent, pairs } = digitsToPairs(d);
  return writePacked(out, d.negative, exponent, pairs, pairs.length, width);
}

function makeDecimalCodec(name: string, baseType: number): TypeCodec<string> {
  return {
    name,
    baseTypes: [baseType],
    usesView: false,
    tupleSize: (column) => decimalTupleWidth(column.encodedLength),
    decode(bytes, _view, offset, size, column) {
      if (isPackedNull(bytes, offset, size)) return null;
      return formatPackedDecimal(bytes, offset, size, column.encodedLength & SCALE_MASK);
    },
    encode(value, column, out) {
      const width = decimalTupleWidth(column.encodedLength);
      if (value === null) out.zeros(width);
      else
        writeDecimal(
          out,
          value,
          (column.encodedLength >> PRECISION_SHIFT) & SCALE_MASK,
          column.encodedLength & SCALE_MASK,
          width,
        );
    },
    bindSlot(value: string, column?: ColumnType): BindSlot {
      if (column !== undefined) return { type: SQLDECIMAL, precision: column.encodedLength & SCALE_MASK };
      const d = parseDecimalText(value);
      const scale = Math.max(d.digits.length - d.point, 0);
      return {
        type: SQLDECIMAL,
        precision: scale <= MAX_PRECISION && d.point <= MAX_PRECISION ? scale : FLOATING_SCALE,
      };
    },
    encodeBind(value: string, slot: BindSlot, out: ByteWriter) {
      const at = out.length;
      out.u16(0);
      const n = writeDecimal(out, value, MAX_PRECISION, slot.precision & SCALE_MASK, -1);
      out.patchU16(at, n).padTo2(n);
    },
    readBind: (reader: ByteReader) => reader.char(),
    decodeBind(payload: Uint8Array, slot: BindSlot): string {
      if (payload.length === 0) throw new TypeCodecError("INVALID_ENCODING", "empty DECIMAL bind payload");
      return formatPackedDecimal(payload, 0, payload.length, slot.precision & SCALE_MASK);
    },
  };
}

/** DECIMAL(p,s) and NUMERIC (wire type 5). Values are exact decimal strings. */
export const decimalCodec: TypeCodec<string> = makeDecimalCodec("DECIMAL", SQLDECIMAL);
/** MONEY(p,s) (wire type 8): the DECIMAL format; the currency symbol is client formatting. */
export const moneyCodec: TypeCodec<string> = makeDecimalCodec("MONEY", SQLMONEY);
