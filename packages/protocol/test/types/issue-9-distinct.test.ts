// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 9: DISTINCT types and named ROW types in the registry. A DISTINCT column's type word
// is its source's code with 0x800; an opaque source (LVARCHAR, BOOLEAN) is described as
// UDTVAR/UDTFIXED named by the distinct type, with the source's extended id in SQ_DESCRIBE's
// source type field (IBM JDBC reads it so; docs/protocol/composite-types.md). A named ROW is
// 22 | 0x1000 and decodes by the ROW(...) spelling the driver puts in its extended name.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import * as t from "../../src/constants/type-codes.js";
import { booleanCodec } from "../../src/types/boolean.js";
import type { ColumnType } from "../../src/types/codec.js";
import { decimalCodec } from "../../src/types/decimal.js";
import { lvarcharCodec } from "../../src/types/lvarchar.js";
import { opaqueCodec } from "../../src/types/opaque.js";
import { codecForColumn } from "../../src/types/registry.js";
import { compileRowLayout } from "../../src/types/tuple.js";
import { fromHex } from "./support.js";

const distinct = (type: number, sourceType: number, name: string): ColumnType => ({
  type: type | t.SQLDISTINCT,
  encodedLength: 500,
  extendedId: 2050,
  extendedName: name,
  sourceType,
});

describe("issue 9: DISTINCT and named ROW columns", () => {
  test("a built-in source keeps its codec; an opaque source is found by its extended id", () => {
    assert.equal(codecForColumn({ type: t.SQLDECIMAL | t.SQLDISTINCT, encodedLength: (10 << 8) | 2 }), decimalCodec);
    assert.equal(codecForColumn(distinct(t.SQLUDTVAR, t.XID_LVARCHAR, "memo_t")), lvarcharCodec);
    assert.equal(codecForColumn(distinct(t.SQLUDTFIXED, t.XID_BOOLEAN, "flag_t")), booleanCodec);
    // No source id, or no DISTINCT flag: an unknown opaque type stays { typeName, bytes }.
    assert.equal(codecForColumn(distinct(t.SQLUDTVAR, 0, "memo_t")), opaqueCodec);
    assert.equal(codecForColumn({ ...distinct(t.SQLUDTVAR, t.XID_LVARCHAR, "x"), type: t.SQLUDTVAR }), opaqueCodec);
  });

  test("tuples: DISTINCT of INTEGER, of LVARCHAR (envelope) and a named ROW", () => {
    const layout = compileRowLayout([
      { type: t.SQLINT | t.SQLDISTINCT, encodedLength: 4, extendedId: 2051, extendedName: "code_t" },
      distinct(t.SQLUDTVAR, t.XID_LVARCHAR, "memo_t"),
      {
        type: t.SQLROW | t.SQLNAMED,
        encodedLength: 34,
        extendedId: 2049,
        extendedName: "ROW(name varchar(30), age integer)",
      },
    ]);
    // 42 | 00 00000002 "hi" | 00 0000000d "ROW('Ann',40)"
    const bytes = fromHex("0000002a 00 00000002 6869 00 0000000d 524f572827416e6e272c343029");
    assert.deepEqual(layout.decodeRow(bytes), [42, "hi", { name: "Ann", age: 40 }]);
  });
});
