// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Row layouts (tuple.ts) and the registry: the real-server multi-column tuples, fixed and
// variable layouts, rows inside a shared batch buffer, short/long tuples, opaque type
// lookup, and bind payloads read the way the emulator reads them.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import * as t from "../../src/constants/type-codes.js";
import { ByteReader } from "../../src/io/byte-reader.js";
import { ByteWriter } from "../../src/io/byte-writer.js";
import { utf8 } from "../../src/text/code-pages.js";
import type { ColumnType } from "../../src/types/codec.js";
import { decimalEncodedLength } from "../../src/types/decimal.js";
import {
  codecForBaseType,
  codecForColumn,
  decodeBindPayload,
  readBindPayload,
  TYPE_CODECS,
} from "../../src/types/registry.js";
import { compileRowLayout } from "../../src/types/tuple.js";
import { TypeCodecError } from "../../src/types/type-codec-error.js";
import { InformixDate } from "../../src/types/values/informix-date.js";
import { InformixDateTime } from "../../src/types/values/informix-datetime.js";
import { InformixInterval } from "../../src/types/values/informix-interval.js";
import { fromHex, loadValueFixtures, toHex } from "./support.js";

const codeOf = (code: string) => (e: unknown) => e instanceof TypeCodecError && e.code === code;
const INT: ColumnType = { type: t.SQLINT, encodedLength: 4 };
const SMALLINT: ColumnType = { type: t.SQLSMINT, encodedLength: 2 };
const BIGINT: ColumnType = { type: t.SQLINFXBIGINT, encodedLength: 8 };
const LVARCHAR: ColumnType = { type: t.SQLUDTVAR, encodedLength: 2048, extendedId: 1, extendedName: "lvarchar" };

/** Every column kind with a non-NULL sample value. */
const MIXED: [ColumnType, unknown][] = [
  [INT, -42],
  [{ type: t.SQLVCHAR, encodedLength: 20 }, "héllo"],
  [{ type: t.SQLDECIMAL, encodedLength: decimalEncodedLength(10, 2) }, "-12345.67"],
  [{ type: t.SQLDATE, encodedLength: 4 }, InformixDate.parse("2024-02-29")],
  [
    { type: t.SQLDTIME | t.SQLNONULL, encodedLength: 0x130f },
    InformixDateTime.parse("2026-07-19 12:34:56.12345", 0x130f),
  ],
  [{ type: t.SQLINTERVAL, encodedLength: 0x0e4f }, InformixInterval.parse("-3 03:27:01.12345", 0x0e4f)],
  [{ type: t.SQLCHAR, encodedLength: 3 }, "ab "],
  [LVARCHAR, "long text ".repeat(5)],
  [{ type: t.SQLUDTFIXED, encodedLength: 1, extendedName: "informix.boolean" }, true],
  [BIGINT, 2n ** 62n],
  [{ type: t.SQLINT8, encodedLength: 10 }, -(2n ** 40n)],
  [{ type: t.SQLFLOAT, encodedLength: 8 }, -1.5],
  [{ type: t.SQLSMFLOAT, encodedLength: 4 }, 0.25],
  [SMALLINT, 7],
  [{ type: t.SQLMONEY, encodedLength: decimalEncodedLength(8, 2) }, "123.45"],
];

function normalize(values: unknown[]): unknown[] {
  return values.map((v) => (v !== null && typeof v === "object" ? String(v) : v));
}

describe("row layouts", () => {
  test("real-server tuples decode column by column", () => {
    const byId = new Map(loadValueFixtures().map((f) => [f.id, f.tuple_hex]));
    const lv = compileRowLayout([LVARCHAR, { type: t.SQLCHAR, encodedLength: 3 }, SMALLINT]);
    assert.deepEqual(lv.decodeRow(fromHex(byId.get("libsqli-types:dt_013_lvarchar_empty")!)), ["", "   ", 1]);
    const iv = compileRowLayout([
      { type: t.SQLINTERVAL, encodedLength: 0x0e4f },
      { type: t.SQLINTERVAL, encodedLength: 0x0502 },
    ]);
    assert.deepEqual(normalize(iv.decodeRow(fromHex(byId.get("libsqli-types:interval_year3_to_month")!))), [
      "3 03:27:01.12345",
      "3-02",
    ]);
    const nl = compileRowLayout([LVARCHAR, BIGINT]);
    assert.deepEqual(nl.decodeRow(fromHex(byId.get("libsqli-types:dt_012_lvarchar_null")!)), [null, 111n]);
  });

  test("fixed layout: DECIMAL(8,4) then the INTEGER sentinel 2468 (notes §7)", () => {
    const layout = compileRowLayout([{ type: t.SQLDECIMAL, encodedLength: 0x0804 }, INT]);
    assert.equal(layout.fixedWidth, 9);
    assert.deepEqual(layout.decodeRow(fromHex("c201172d00000009a4")), ["123.4500", 2468]);
    const w = new ByteWriter();
    layout.encodeRow(["123.45", 2468], w);
    assert.equal(toHex(w.take()), "c201172d00000009a4");
  });

  test("mixed fixed and variable columns round-trip, with and without NULLs", () => {
    const columns = MIXED.map(([c]) => c);
    const layout = compileRowLayout(columns, utf8);
    assert.equal(layout.fixedWidth, undefined);
    const rows = [MIXED.map(([, v]) => v), MIXED.map(() => null), MIXED.map(([, v], i) => (i % 2 ? null : v))];
    const w = new ByteWriter();
    const bounds: number[] = [];
    for (const row of rows) {
      bounds.push(w.length);
      layout.encodeRow(row, w);
    }
    bounds.push(w.length);
    const batch = w.take();
    for (let r = 0; r < rows.length; r++) {
      const expected = normalize(rows[r]!);
      const slice = batch.subarray(bounds[r], bounds[r + 1]);
      assert.deepEqual(normalize(layout.decodeRow(slice)), expected, `row ${r} as a subarray`);
      assert.deepEqual(normalize(layout.decodeRow(slice.slice())), expected, `row ${r} as its own buffer`);
      assert.deepEqual(normalize(layout.decodeRow(batch, bounds[r], bounds[r + 1])), expected, `row ${r} by range`);
    }
  });

  test("byte-only layouts (no DataView) decode subarrays at any offset", () => {
    const layout = compileRowLayout([INT, SMALLINT, { type: t.SQLVCHAR, encodedLength: 9 }]);
    const w = new ByteWriter();
    w.u8(0xee);
    layout.encodeRow([-2147483647, -32767, "ok"], w);
    const bytes = w.take();
    assert.deepEqual(layout.decodeRow(bytes.subarray(1)), [-2147483647, -32767, "ok"]);
  });

  test("a tuple shorter than its descriptor is TUPLE_TOO_SHORT at every cut; extra bytes are TUPLE_TOO_LONG", () => {
    const layout = compileRowLayout(MIXED.map(([c]) => c));
    const w = new ByteWriter();
    layout.encodeRow(
      MIXED.map(([, v]) => v),
      w,
    );
    const full = w.take();
    for (let cut = 0; cut < full.length; cut++) {
      assert.throws(() => layout.decodeRow(full.subarray(0, cut)), codeOf("TUPLE_TOO_SHORT"), `cut ${cut}`);
    }
    const longer = new Uint8Array(full.length + 1);
    longer.set(full);
    assert.throws(() => layout.decodeRow(longer), codeOf("TUPLE_TOO_LONG"));
    assert.throws(() => layout.encodeRow([1], new ByteWriter()), codeOf("INVALID_VALUE"));
  });
});

describe("registry", () => {
  test("each base type has exactly one codec", () => {
    const seen = new Map<number, string>();
    for (const codec of TYPE_CODECS) {
      for (const base of codec.baseTypes) {
        assert.ok(!seen.has(base) || base === t.SQLUDTVAR || base === t.SQLUDTFIXED, `${base} twice`);
        seen.set(base, codec.name);
      }
    }
    assert.equal(codecForBaseType(t.SQLSERIAL | t.SQLNONULL)?.name, "INTEGER");
    assert.equal(codecForBaseType(t.SQLNCHAR)?.name, "CHAR");
    assert.equal(codecForBaseType(t.SQLBIGSERIAL)?.name, "BIGINT");
  });
  test("opaque types resolve by extended id, then by name", () => {
    assert.equal(codecForColumn({ type: t.SQLUDTVAR, encodedLength: 0, extendedId: 1 }).name, "LVARCHAR");
    assert.equal(
      codecForColumn({ type: t.SQLUDTVAR, encodedLength: 0, extendedName: "informix.lvarchar" }).name,
      "LVARCHAR",
    );
    assert.equal(codecForColumn({ type: t.SQLUDTFIXED, encodedLength: 1, extendedId: 5 }).name, "BOOLEAN");
    assert.equal(codecForColumn({ type: t.SQLUDTFIXED, encodedLength: 1, extendedName: "BOOLEAN" }).name, "BOOLEAN");
    // Issue 9: BLOB (10) and CLOB (11) are smart-LOB locators (types/smart-lob.ts).
    assert.equal(codecForColumn({ type: t.SQLUDTFIXED, encodedLength: 72, extendedId: 10 }).name, "SMARTLOB");
    assert.equal(codecForColumn({ type: t.SQLUDTFIXED, encodedLength: 72, extendedName: "clob" }).name, "SMARTLOB");
    // An opaque type no codec claims comes back as raw bytes with its name (issue 9), never an error.
    assert.equal(codecForColumn({ type: t.SQLUDTFIXED, encodedLength: 72, extendedId: 99 }).name, "OPAQUE");
    assert.equal(codecForColumn({ type: t.SQLROW, encodedLength: 0 }).name, "ROW");
    assert.throws(() => compileRowLayout([{ type: 24 /* ROWREF */, encodedLength: 0 }]), codeOf("UNSUPPORTED_TYPE"));
  });
  test("readBindPayload + decodeBindPayload read what each codec's encodeBind wrote", () => {
    const values: [ColumnType, unknown][] = MIXED.filter(([c]) => (c.type & 0xff) !== t.SQLCHAR);
    for (const [column, value] of values) {
      const codec = codecForColumn(column);
      const slot = codec.bindSlot(value, column, utf8);
      const w = new ByteWriter();
      codec.encodeBind(value, slot, w, utf8);
      w.u16(0xbeef); // the next parameter's type word must stay unread
      const reader = new ByteReader();
      reader.push(w.take());
      const payload = readBindPayload(reader, slot);
      assert.equal(reader.u16(), 0xbeef, `${codec.name} consumed exactly its payload`);
      const decoded = decodeBindPayload(payload, slot, utf8);
      const expected = typeof value === "boolean" ? (value ? "t" : "f") : value;
      assert.deepEqual(normalize([decoded]), normalize([expected]), codec.name);
    }
    assert.throws(
      () => readBindPayload(new ByteReader(), { type: 24 /* ROWREF */, precision: 0 }),
      codeOf("UNSUPPORTED_TYPE"),
    );
  });
});
