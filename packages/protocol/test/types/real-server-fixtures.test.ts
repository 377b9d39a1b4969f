// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Every `kind: "value"` real-server fixture (test/fixtures/README.md): hex → value and
// value → hex through the codec the registry picks for the fixture's descriptor.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  SQLCHAR,
  SQLDATE,
  SQLDECIMAL,
  SQLDTIME,
  SQLINTERVAL,
  SQLLVARCHAR,
  SQLMONEY,
  SQLSERIAL8,
  SQLUDTFIXED,
  XID_BOOLEAN,
} from "../../src/constants/type-codes.js";
import type { ColumnType } from "../../src/types/codec.js";
import { parseDecimalText } from "../../src/types/decimal-text.js";
import { codecForColumn } from "../../src/types/registry.js";
import { InformixDate } from "../../src/types/values/informix-date.js";
import { InformixDateTime } from "../../src/types/values/informix-datetime.js";
import { InformixInterval } from "../../src/types/values/informix-interval.js";
import { decodeValue, encodeValue, loadValueFixtures, type ValueFixture } from "./support.js";

function columnOf(f: ValueFixture): ColumnType {
  const encodedLength = f.qualifier_encoded ?? Number.parseInt(f.encoded_length ?? "0", 16);
  switch (f.type) {
    case "DATE":
      return { type: SQLDATE, encodedLength: 4 };
    case "DATETIME":
      return { type: SQLDTIME, encodedLength };
    case "INTERVAL":
      return { type: SQLINTERVAL, encodedLength };
    case "DECIMAL":
      return { type: SQLDECIMAL, encodedLength };
    case "MONEY":
      return { type: SQLMONEY, encodedLength };
    case "CHAR":
      return { type: SQLCHAR, encodedLength };
    case "LVARCHAR":
      return { type: SQLLVARCHAR, encodedLength: 2048 };
    case "BOOLEAN":
      return { type: SQLUDTFIXED, encodedLength: 1, extendedId: XID_BOOLEAN, extendedName: "boolean" };
    case "SERIAL8":
      return { type: SQLSERIAL8, encodedLength: 10 };
    default:
      throw new Error(`fixture type ${f.type} has no column mapping`);
  }
}

/** The fixture's text as the codec's JS value. */
function fixtureValue(f: ValueFixture, column: ColumnType): unknown {
  const v = f.value;
  if (v === null) return null;
  switch (f.type) {
    case "DATE":
      return InformixDate.parse(v);
    case "DATETIME":
      return InformixDateTime.parse(v, column.encodedLength);
    case "INTERVAL":
      return InformixInterval.parse(v, column.encodedLength);
    case "BOOLEAN":
      return v === "t";
    case "SERIAL8":
      return BigInt(v);
    default:
      return v;
  }
}

/** Compares decoded and expected values; decimals compare exactly unless the source wrote an exponent. */
function assertSame(f: ValueFixture, got: unknown, expected: unknown): void {
  if (expected === null || got === null) {
    assert.equal(got, expected);
    return;
  }
  if (f.type === "DECIMAL" || f.type === "MONEY") {
    const fixedScale = f.floating_scale !== true;
    if (fixedScale && /e/i.test(String(expected))) {
      assert.deepEqual(parseDecimalText(String(got)), parseDecimalText(String(expected)));
      return;
    }
    assert.equal(got, expected);
    return;
  }
  if (typeof expected === "object") {
    assert.equal(String(got), f.value, "Informix literal text");
    assert.ok((got as { equals(o: unknown): boolean }).equals(expected), "equals the parsed fixture value");
    return;
  }
  assert.equal(got, expected);
}

describe("real-server value fixtures", () => {
  const fixtures = loadValueFixtures();

  test("the copy holds every value fixture of the shared file", () => {
    assert.equal(fixtures.length, 51);
  });

  for (const f of fixtures) {
    test(`${f.id} (${f.evidence}) decodes`, () => {
      const column = columnOf(f);
      const got = decodeValue(codecForColumn(column), f.hex, column);
      assertSame(f, got, fixtureValue(f, column));
      assert.equal(got === null, f.is_null);
    });

    test(`${f.id} (${f.evidence}) encodes`, () => {
      const column = columnOf(f);
      assert.equal(encodeValue(codecForColumn(column), fixtureValue(f, column), column), f.hex);
    });
  }
});
