// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The binary-with-schema form of a SET, MULTISET or LIST value, what IBM JDBC asks for with
// SQ_RETTYPE type 44 on a collection column (docs/protocol/composite-types.md). The framing is
// the ROW's (row-sendrecv.ts); established from IBM JDBC 15.0.0.1.1's own setObject of a
// java.util.Set/List (`multiset(int not null)`: 984 bytes) and what its getObject reads:
//   form     132 zero bytes, i32 2 (entries), i16 1, the collection's entry (i16 0,0,0, blank
//            name, field number 0, type 19/20/21, length 0, next 2), the element's entry
//            (i16 1,1,0, blank name, field number 0, type word | 0x100 NOT NULL, length, next 0)
//   data     i16 0, i32 length, i32 flags (1; 0x80000000 NULL), the elements' tuple forms back
//            to back; for a variable-size element type then i32 -1 and each element's offset,
//            last first (fixed-size elements have no offsets).

import * as T from "../constants/type-codes.js";
import { ByteWriter } from "../io/byte-writer.js";
import type { TextCodec } from "../text/code-pages.js";
import type { ColumnType } from "./codec.js";
import type { TypeShape } from "./composite-shape.js";
import type { CompositeLiteral } from "./composite-text.js";
import {
  FLAG_NULL,
  FLAG_VALUE,
  fieldCodec,
  HEADER,
  jsValue,
  PREFIX,
  scalarColumn,
  writeEntry,
} from "./row-sendrecv.js";
import { TypeCodecError } from "./type-codec-error.js";

const FORM_VERSION = 1;
const ENTRIES = 2;
const KIND_CODES: Readonly<Record<string, number>> = { set: T.SQLSET, multiset: T.SQLMULTISET, list: T.SQLLIST };

/** A collection's kind code and element type, or undefined when the element is not a supported scalar. */
export function sendRecvCollection(shape: TypeShape): { kind: number; element: ColumnType } | undefined {
  if (shape.kind !== "set" && shape.kind !== "multiset" && shape.kind !== "list") return undefined;
  const element = scalarColumn(shape.element);
  // DATETIME and BOOLEAN elements: their collection form is not established (ROW fields only).
  if (element === undefined || element.type === T.SQLDTIME || element.type === T.SQLBOOL) return undefined;
  return { kind: KIND_CODES[shape.kind]!, element: { ...element, type: element.type | T.SQLNONULL } };
}

const VARIABLE = new Set([T.SQLVCHAR, T.SQLNVCHAR, T.SQLLVARCHAR]);
const isVariable = (column: ColumnType) => VARIABLE.has(column.type & T.SQLTYPE_MASK);

/** The read form of a collection value (null: a NULL collection). */
export function encodeCollectionSendRecv(
  kind: number,
  element: ColumnType,
  value: CompositeLiteral,
  text?: TextCodec,
): Uint8Array {
  if (value !== null && (!("kind" in value) || value.kind === "row"))
    throw new TypeCodecError("INVALID_VALUE", "not a collection value");
  const out = new ByteWriter(PREFIX + 6 + 2 * 414 + 64);
  out.zeros(PREFIX).i32(ENTRIES).i16(FORM_VERSION);
  writeEntry(out, 0, "", 0, { type: kind, encodedLength: 0 }, 2);
  writeEntry(out, 1, "", 0, element, 0, 0);
  if (value === null) return out.i16(0).i32(0).u32(FLAG_NULL).take();
  const values = new ByteWriter(64);
  const offsets: number[] = [];
  const base = { ...element, type: element.type & T.SQLTYPE_MASK };
  for (const item of value.items) {
    offsets.push(values.length);
    fieldCodec(base).encode(jsValue(item, base), base, values, text);
  }
  const data = values.take();
  const trailer = isVariable(element) ? 4 + 4 * offsets.length : 0;
  out
    .i16(0)
    .i32(data.length + trailer)
    .u32(FLAG_VALUE)
    .bytes(data);
  if (trailer > 0) {
    out.i32(-1);
    for (let i = offsets.length - 1; i >= 0; i--) out.i32(offsets[i]!);
  }
  return out.take();
}

/**
 * The form sent for a ROW or collection whose fields the binary form cannot carry here
 * (LVARCHAR, INTERVAL, nested ROW/collection, …): the header with no entries.
 * IBM JDBC steps over it by its length, so the row's other columns stay readable, and its
 * getObject fails with -79716 "System or internal error", also for a NULL value [jdbc; the text
 * form instead made rs.next() fail and lost the whole row; flags 0x80000000 after the empty
 * header did not make a NULL readable].
 */
export function unreadableSendRecvForm(): Uint8Array {
  return new ByteWriter(HEADER).zeros(PREFIX).i32(0).i16(FORM_VERSION).take();
}
