// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// CHAR(n) (type 0) and NCHAR(n) (type 15). Tuple: exactly n bytes (the descriptor's encoded
// length), blank-padded, no length prefix: CHAR(3) "   " = 20 20 20 [captured, libsqli].
// NULL: a leading 00 byte, the rest blanks: CHAR(6) NULL = 00 20 20 20 20 20 (a capture quoted
// by the Python informix-driver, docs/protocol/types.md; also the CSDK rsetnull convention).
// A real CHAR value is blank-padded text and never starts with NUL.
// Bind: the string bind form (text-field.ts). JS value: string, trailing blanks kept.

import { SQLCHAR, SQLNCHAR, SQLVCHAR } from "../constants/type-codes.js";
import type { TypeCodec } from "./codec.js";
import { bindTextBytes, decodeTextRange, encodeText, readBindText, writeBindText } from "./text-field.js";
import { TypeCodecError } from "./type-codec-error.js";

const BLANK = 0x20;
const NUL = 0;

/** CHAR and NCHAR codec; values are strings with their padding blanks. */
export const charCodec: TypeCodec<string> = {
  name: "CHAR",
  baseTypes: [SQLCHAR, SQLNCHAR],
  usesView: false,
  tupleSize: (column) => column.encodedLength,
  decode(bytes, _view, offset, size, _column, text) {
    if (size > 0 && bytes[offset] === NUL) return null;
    return decodeTextRange(bytes, offset, offset + size, text);
  },
  encode(value, column, out, text) {
    const width = column.encodedLength;
    if (value === null) {
      if (width > 0) out.u8(NUL);
      for (let i = 1; i < width; i++) out.u8(BLANK);
      return;
    }
    let bytes = encodeText(value, text);
    if (bytes.length > width) {
      // Padding is not data: a value padded to n characters (PostgreSQL's char(n) in a
      // multi-byte code set) fits when what lies beyond n bytes is blanks.
      let end = bytes.length;
      while (end > width && bytes[end - 1] === BLANK) end--;
      if (end > width) throw new TypeCodecError("VALUE_OUT_OF_RANGE", `${end} bytes do not fit CHAR(${width})`);
      bytes = bytes.subarray(0, end);
    }
    out.bytes(bytes);
    for (let i = bytes.length; i < width; i++) out.u8(BLANK);
  },
  bindSlot: (value, _column, text) => ({ type: SQLVCHAR, precision: bindTextBytes(value, text).length }),
  encodeBind(value, _slot, out, text) {
    writeBindText(bindTextBytes(value, text), out);
  },
  readBind: (reader) => readBindText(reader),
  decodeBind: (payload, _slot, text) => decodeTextRange(payload, 0, payload.length, text),
};
