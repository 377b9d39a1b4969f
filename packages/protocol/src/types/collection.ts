// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// SET (19), MULTISET (20), LIST (21) and the unspecified COLLECTION (23).
// Tuple: the opaque envelope (udt-envelope.ts) around the value's text, e.g. `LIST{10,20,30}`;
// NULL = 01 00 00 00 00 — the i32 length is there even for NULL (informix-driver, IDS 15:
// `01 | 00 00 00 00` before the next column). The element type comes from DESCRIBE's
// extended type name, e.g. `SET(varchar(20) not null)` (composite-shape.ts).
// Bind: the text as VARCHAR (type 13), which IDS casts to the column's collection [inferred].
// JS value: an array (elements mapped by the element type; see composite-text.ts); a JS Set
// or array binds, as may the text itself.

import { SQLCOLLECTION, SQLLIST, SQLMULTISET, SQLSET, SQLVCHAR } from "../constants/type-codes.js";
import type { ColumnType, TypeCodec } from "./codec.js";
import { parseTypeShape } from "./composite-shape.js";
import { decodeCompositeText, formatComposite } from "./composite-text.js";
import { bindTextBytes, decodeTextRange, encodeText, readBindTextOrOpaque, writeBindText } from "./text-field.js";
import { ENVELOPE_HEADER, envelopeSize, isEnvelopeNull, writeEnvelope } from "./udt-envelope.js";

/** A composite value as the codecs take it: its text, or a JS value to format. */
export type CompositeInput = string | readonly unknown[] | ReadonlySet<unknown> | Readonly<Record<string, unknown>>;

/** The text of a composite value for a column (or for no column: inferred from the JS value). */
export function compositeText(value: CompositeInput, column?: ColumnType): string {
  if (typeof value === "string") return value;
  const name = column?.extendedName;
  return formatComposite(value, name ? parseTypeShape(name) : undefined);
}

/** Builds the envelope codec shared by collections and ROW. */
export function compositeCodec(name: string, baseTypes: readonly number[]): TypeCodec<unknown> {
  return {
    name,
    baseTypes,
    usesView: false,
    tupleSize: (_column, bytes, offset) => envelopeSize(bytes, offset),
    decode(bytes, _view, offset, size, column, text) {
      if (isEnvelopeNull(bytes, offset)) return null;
      return decodeCompositeText(
        decodeTextRange(bytes, offset + ENVELOPE_HEADER, offset + size, text),
        column.extendedName,
      );
    },
    encode(value, column, out, text) {
      writeEnvelope(value === null ? null : encodeText(compositeText(value as CompositeInput, column), text), out);
    },
    bindSlot: (value, column, text) => ({
      type: SQLVCHAR,
      precision: bindTextBytes(compositeText(value as CompositeInput, column), text).length,
    }),
    encodeBind(value, _slot, out, text) {
      writeBindText(bindTextBytes(compositeText(value as CompositeInput), text), out);
    },
    readBind: (reader, slot) => readBindTextOrOpaque(reader, slot.type),
    decodeBind: (payload, _slot, text) => decodeTextRange(payload, 0, payload.length, text),
  };
}

/** SET, MULTISET, LIST and COLLECTION codec; values are arrays. */
export const collectionCodec = compositeCodec("COLLECTION", [SQLSET, SQLMULTISET, SQLLIST, SQLCOLLECTION]);
