// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 9: ROW / SET / MULTISET / LIST, JSON and unknown opaque types. Tuple bytes are the
// opaque envelope around the value's text (informix-driver's notes, IDS 15); the
// `(INT, SET(INT), VARCHAR)` row with a NULL set is its captured example.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import * as t from "../../src/constants/type-codes.js";
import { ByteWriter } from "../../src/io/byte-writer.js";
import type { ColumnType } from "../../src/types/codec.js";
import { collectionCodec } from "../../src/types/collection.js";
import { formatTypeShape, parseTypeShape } from "../../src/types/composite-shape.js";
import { decodeCompositeText, formatComposite, parseCompositeLiteral } from "../../src/types/composite-text.js";
import { codecForColumn } from "../../src/types/registry.js";
import { compileRowLayout } from "../../src/types/tuple.js";
import { TypeCodecError } from "../../src/types/type-codec-error.js";
import { fromHex, toHex } from "./support.js";

const int: ColumnType = { type: t.SQLINT, encodedLength: 4 };
const vchar: ColumnType = { type: t.SQLVCHAR, encodedLength: 10 };
const setInt: ColumnType = { type: t.SQLSET, encodedLength: 2048, extendedName: "SET(integer not null)" };
const row: ColumnType = { type: t.SQLROW, encodedLength: 2048, extendedName: "ROW(name varchar(50), age integer)" };

describe("issue 9: composite codecs", () => {
  test("NULL SET keeps its 4 length bytes: the next column is not shifted (IDS 15 capture)", () => {
    const layout = compileRowLayout([int, setInt, vchar]);
    const bytes = fromHex("00000008 01 00000000 03 78797a");
    assert.deepEqual(layout.decodeRow(bytes), [8, null, "xyz"]);
    const w = new ByteWriter(32);
    layout.encodeRow([8, null, "xyz"], w);
    assert.equal(toHex(w.take()), toHex(bytes));
  });

  test("SET text decodes to an array typed by the element type; encode round-trips", () => {
    const layout = compileRowLayout([setInt, row]);
    const w = new ByteWriter(64);
    layout.encodeRow(["SET{1,2}", "ROW('Alice',30   )"], w);
    const bytes = w.take();
    assert.equal(toHex(bytes.subarray(0, 13)), toHex(fromHex("00 00000008 5345547b312c327d")));
    assert.deepEqual(layout.decodeRow(bytes), [[1, 2], { name: "Alice", age: 30 }]);
    const again = new ByteWriter(64);
    layout.encodeRow([[1, 2], { name: "Alice", age: 30 }], again);
    assert.deepEqual(layout.decodeRow(again.take()), [[1, 2], { name: "Alice", age: 30 }]);
  });

  test("nested both ways, with quotes, NULLs and 64-bit integers", () => {
    const name = "LIST(ROW(a int8, b SET(varchar(10) not null), c decimal(8,2)) not null)";
    const value = [
      { a: 12345678901234n, b: ["it's", "x"], c: "1.50" },
      { a: null, b: [], c: null },
    ];
    const text = formatComposite(value, parseTypeShape(name));
    assert.equal(text, "LIST{ROW(12345678901234,SET{'it''s','x'},1.50),ROW(NULL,SET{},NULL)}");
    assert.deepEqual(decodeCompositeText(text, name), value);
    assert.equal(
      formatTypeShape(parseTypeShape(name)),
      "LIST(ROW(a int8, b SET(varchar(10) not null), c decimal(8,2)) not null)",
    );
  });

  test("each collection kind keeps its keyword; a value of the wrong JS type is a typed error", () => {
    for (const kind of ["SET", "MULTISET", "LIST"]) {
      assert.equal(formatComposite([1], parseTypeShape(`${kind}(integer not null)`)), `${kind}{1}`);
    }
    assert.throws(() => formatComposite("nope" as unknown, parseTypeShape("SET(integer)")), TypeCodecError);
    assert.throws(() => formatComposite(["x"], parseTypeShape("SET(integer)")), TypeCodecError);
    assert.throws(() => formatComposite(5, parseTypeShape("ROW(a int)")), TypeCodecError);
    assert.throws(() => parseCompositeLiteral("SET{1,"), TypeCodecError);
    assert.throws(() => parseCompositeLiteral("ROW('a'"), TypeCodecError);
  });

  test("bind: the text travels as VARCHAR", () => {
    const slot = collectionCodec.bindSlot([1, 2], setInt);
    assert.equal(slot.type, t.SQLVCHAR);
    assert.equal(slot.precision, "SET{1,2}".length);
    assert.equal(collectionCodec.bindSlot([1, 2]).precision, "LIST{1,2}".length, "no column: an array is a LIST");
  });

  test("JSON decodes to a JS value; an unknown opaque type comes back as bytes with its name", () => {
    const json: ColumnType = { type: t.SQLUDTVAR, encodedLength: 0, extendedName: "json" };
    const mystery: ColumnType = { type: t.SQLUDTVAR, encodedLength: 0, extendedId: 2049, extendedName: "circle" };
    const layout = compileRowLayout([json, mystery, int]);
    const w = new ByteWriter(64);
    layout.encodeRow([{ a: [1, "b"] }, Uint8Array.of(1, 2, 3), 7], w);
    const decoded = layout.decodeRow(w.take());
    assert.deepEqual(decoded[0], { a: [1, "b"] });
    assert.deepEqual(decoded[1], { typeName: "circle", bytes: Uint8Array.of(1, 2, 3) });
    assert.equal(decoded[2], 7);
    assert.equal(codecForColumn(mystery).name, "OPAQUE");
  });

  test("every chunk of a truncated composite tuple is TUPLE_TOO_SHORT, never a wrong value", () => {
    const layout = compileRowLayout([setInt, int]);
    const w = new ByteWriter(32);
    layout.encodeRow(["SET{1}", 3], w);
    const bytes = w.take();
    for (let n = 0; n < bytes.length; n++) {
      assert.throws(
        () => layout.decodeRow(bytes.subarray(0, n)),
        (e: unknown) => e instanceof TypeCodecError,
      );
    }
  });

  test("a DISTINCT type (type word flag 0x0800) decodes as its base type; a named ROW (0x1000) as a ROW", () => {
    const distinct: ColumnType = { type: t.SQLINT | t.SQLDISTINCT, encodedLength: 4, extendedName: "dollars" };
    const distinctText: ColumnType = { type: t.SQLVCHAR | t.SQLDISTINCT, encodedLength: 20, extendedName: "code_t" };
    const named: ColumnType = { type: t.SQLROW | t.SQLNAMED, encodedLength: 0, extendedName: "ROW(x integer)" };
    const layout = compileRowLayout([distinct, distinctText, named]);
    const w = new ByteWriter(32);
    layout.encodeRow([12, "ab", "ROW(5)"], w);
    assert.deepEqual(layout.decodeRow(w.take()), [12, "ab", { x: 5 }]);
  });
});
