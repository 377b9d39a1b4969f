// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// VARCHAR(m) (type 13) and NVARCHAR(m) (type 16). Tuple: u8 length + bytes (max 255);
// empty string = 00; NULL = 01 00 (length 1, one NUL byte), which makes a one-character
// string "\0" indistinguishable from NULL — it decodes as NULL [impl lakeflow, libsqli].
// Bind: type 13, precision = byte length, i16 length + bytes + pad (text-field.ts).
// JS value: string.

import { SQLNVCHAR, SQLVCHAR } from "../constants/type-codes.js";
import type { TypeCodec } from "./codec.js";
import { bindTextBytes, decodeTextRange, encodeText, readBindText, writeBindText } from "./text-field.js";
import { TypeCodecError } from "./type-codec-error.js";

/** Bytes of the length prefix. */
export const VARCHAR_LENGTH_WIDTH = 1;
/** Longest VARCHAR value in bytes. */
export const VARCHAR_MAX_BYTES = 255;
const NULL_LENGTH = 1;
const NUL = 0;

/** VARCHAR and NVARCHAR codec; values are strings. */
export const varcharCodec: TypeCodec<string> = {
  name: "VARCHAR",
  baseTypes: [SQLVCHAR, SQLNVCHAR],
  usesView: false,
  tupleSize: (_column, bytes, offset) => VARCHAR_LENGTH_WIDTH + bytes[offset]!,
  decode(bytes, _view, offset, size, _column, text) {
    if (size === VARCHAR_LENGTH_WIDTH + NULL_LENGTH && bytes[offset + 1] === NUL) return null;
    return decodeTextRange(bytes, offset + VARCHAR_LENGTH_WIDTH, offset + size, text);
  },
  encode(value, _column, out, text) {
    if (value === null) {
      out.u8(NULL_LENGTH).u8(NUL);
      return;
    }
    const bytes = encodeText(value, text);
    if (bytes.length > VARCHAR_MAX_BYTES) {
      throw new TypeCodecError("VALUE_OUT_OF_RANGE", `${bytes.length} bytes exceed VARCHAR's ${VARCHAR_MAX_BYTES}`);
    }
    out.u8(bytes.length).bytes(bytes);
  },
  bindSlot: (value, _column, text) => ({ type: SQLVCHAR, precision: bindTextBytes(value, text).length }),
  encodeBind(value, _slot, out, text) {
    writeBindText(bindTextBytes(value, text), out);
  },
  readBind: (reader) => readBindText(reader),
  decodeBind: (payload, _slot, text) => decodeTextRange(payload, 0, payload.length, text),
};
