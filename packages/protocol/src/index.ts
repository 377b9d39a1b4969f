// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Public barrel of @informix-db/protocol. Every export is listed by name; a change
// here is an API change.

import * as opcodes from "./constants/opcodes.js";
import * as typeCodes from "./constants/type-codes.js";

export { opcodes, typeCodes };
export { opcodeName } from "./constants/opcodes.js";
export { ByteReader } from "./io/byte-reader.js";
export { ByteWriter } from "./io/byte-writer.js";
export { isNeedMoreData, NEED_MORE_DATA, type NeedMoreData } from "./io/need-more-data.js";
export { ascii, codecForLocale, latin1, type TextCodec, utf8 } from "./text/code-pages.js";
export type { BindSlot, ColumnType, TypeCodec } from "./types/codec.js";
