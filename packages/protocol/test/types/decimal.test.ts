// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// DECIMAL/NUMERIC/MONEY beyond the real-server fixtures: rendering rules, rounding,
// precision and exponent limits, 32-digit values, bind payloads, random round trips.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { SQLDECIMAL, SQLMONEY } from "../../src/constants/type-codes.js";
import type { ColumnType } from "../../src/types/codec.js";
import { decimalCodec, decimalEncodedLength, decimalTupleWidth, moneyCodec } from "../../src/types/decimal.js";
import { FLOATING_SCALE, parseDecimalText } from "../../src/types/decimal-text.js";
import { TypeCodecError } from "../../src/types/type-codec-error.js";
import { bindRoundTrip, decodeValue, encodeValue } from "./support.js";

const dec = (p: number, s: number = FLOATING_SCALE): ColumnType => ({
  type: SQLDECIMAL,
  encodedLength: decimalEncodedLength(p, s),
});
const outOfRange = (e: unknown): boolean => e instanceof TypeCodecError && e.code === "VALUE_OUT_OF_RANGE";
const roundTrip = (value: string, column: ColumnType): string | null =>
  decodeValue(decimalCodec, encodeValue(decimalCodec, value, column), column);

describe("DECIMAL widths", () => {
  test("DECLEN = (p + (s & 1) + 3) >> 1", () => {
    assert.equal(decimalTupleWidth(decimalEncodedLength(8, 4)), 5);
    assert.equal(decimalTupleWidth(decimalEncodedLength(10, 3)), 7);
    assert.equal(decimalTupleWidth(decimalEncodedLength(32)), 18);
    assert.equal(decimalTupleWidth(decimalEncodedLength(32, 32)), 17);
    assert.equal(decimalTupleWidth(decimalEncodedLength(1, 1)), 2);
  });
});

describe("fixed-scale rendering", () => {
  for (const [text, p, s, expected] of [
    ["123.45", 8, 4, "123.4500"],
    ["0", 8, 4, "0.0000"],
    ["-0.5", 5, 1, "-0.5"],
    ["7", 5, 0, "7"],
    ["-98765.43", 12, 2, "-98765.43"],
    ["0.001", 3, 3, "0.001"],
    ["1E-32", 32, 32, "0.00000000000000000000000000000001"],
    ["12345678901234567890123456789012", 32, 0, "12345678901234567890123456789012"],
    ["-12345678901234567890123456789012", 32, 0, "-12345678901234567890123456789012"],
    ["-1234567890123456.7890123456789012", 32, 16, "-1234567890123456.7890123456789012"],
    ["999999999999999.99", 17, 2, "999999999999999.99"],
  ] as const) {
    test(`${text} in DECIMAL(${p},${s}) → ${expected}`, () => {
      assert.equal(roundTrip(text, dec(p, s)), expected);
    });
  }
  test("rounds half away from zero to the column scale", () => {
    assert.equal(roundTrip("1.005", dec(5, 2)), "1.01");
    assert.equal(roundTrip("-1.005", dec(5, 2)), "-1.01");
    assert.equal(roundTrip("1.004", dec(5, 2)), "1.00");
    assert.equal(roundTrip("99.995", dec(5, 2)), "100.00");
    assert.equal(roundTrip("-0.004", dec(5, 2)), "0.00");
  });
  test("rejects values with too many integer digits", () => {
    assert.throws(() => encodeValue(decimalCodec, "1000", dec(5, 2)), outOfRange);
    assert.throws(() => encodeValue(decimalCodec, "999.995", dec(5, 2)), outOfRange);
    assert.throws(() => encodeValue(decimalCodec, "12x", dec(5, 2)), /not a decimal/);
  });
  test("NULL is all zero bytes; -1E+125's leading 00 is not NULL", () => {
    assert.equal(encodeValue(decimalCodec, null, dec(8, 4)), "0000000000");
    assert.equal(decodeValue(decimalCodec, "0000000000", dec(8, 4)), null);
    assert.equal(decodeValue(decimalCodec, "005a" + "00".repeat(16), dec(32)), "-1E+125");
  });
});

describe("floating DECIMAL(p) rendering", () => {
  for (const [text, expected] of [
    ["123.45", "123.45"],
    ["0", "0"],
    ["-0.000001", "-0.000001"],
    ["0.0000001", "1E-7"],
    ["1.5e-9", "1.5E-9"],
    ["12345678901234567890123456789012", "12345678901234567890123456789012"],
    ["1E+32", "1E+32"],
    ["100", "100"],
    ["1E+125", "1E+125"],
    ["-1E-130", "-1E-130"],
    ["9.9999999999999999999999999999999E+125", "9.9999999999999999999999999999999E+125"],
  ] as const) {
    test(`${text} → ${expected}`, () => {
      assert.equal(roundTrip(text, dec(32)), expected);
    });
  }
  test("rounds to p significant digits", () => {
    assert.equal(roundTrip("123456789", dec(5)), "123460000");
    assert.equal(roundTrip("1.23456", dec(5)), "1.2346");
  });
  test("rejects exponents beyond ±1E-130 … 1E+126", () => {
    assert.throws(() => encodeValue(decimalCodec, "1E+126", dec(32)), outOfRange);
    assert.throws(() => encodeValue(decimalCodec, "1E-131", dec(32)), outOfRange);
  });
});

describe("DECIMAL bind", () => {
  test("12.34 with scale 2: 00 03 C1 0C 22 pad (notes §4.2)", () => {
    const r = bindRoundTrip(decimalCodec, "12.34", dec(8, 2));
    assert.deepEqual(r.slot, { type: SQLDECIMAL, precision: 2 });
    assert.equal(r.hex, "0003c10c2200");
    assert.equal(r.value, "12.34");
  });
  test("slot scale from the text without a column; exponent text goes floating", () => {
    assert.deepEqual(decimalCodec.bindSlot("-42.125"), { type: SQLDECIMAL, precision: 3 });
    assert.deepEqual(decimalCodec.bindSlot("1E-40"), { type: SQLDECIMAL, precision: FLOATING_SCALE });
    assert.equal(bindRoundTrip(decimalCodec, "1E-40").value, "1E-40");
    assert.equal(bindRoundTrip(decimalCodec, "0").hex, "00018000");
  });
  test("MONEY binds as DECIMAL (type 5) and decodes as type 8 in tuples", () => {
    const money: ColumnType = { type: SQLMONEY, encodedLength: decimalEncodedLength(12, 2) };
    assert.equal(moneyCodec.bindSlot("-98765.43", money).type, SQLDECIMAL);
    assert.equal(bindRoundTrip(moneyCodec, "-98765.43", money).value, "-98765.43");
    assert.equal(decodeValue(moneyCodec, "3c5a0c22390000", money), "-98765.43");
  });
});

describe("random round trips", () => {
  let seed = 12345;
  const next = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  test("1000 random DECIMAL(p,s) values decode to their exact text", () => {
    for (let i = 0; i < 1000; i++) {
      const p = 1 + next(32);
      const s = next(p + 1);
      let digits = "";
      for (let d = 0; d < p; d++) digits += String(next(10));
      const int = digits.slice(0, p - s).replace(/^0+(?=.)/, "") || "0";
      const frac = digits.slice(p - s);
      const sign = next(2) === 0 ? "-" : "";
      const text = sign + int + (s > 0 ? `.${frac}` : "");
      const expected = /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
      assert.equal(roundTrip(text, dec(p, s)), expected, `DECIMAL(${p},${s}) ${text}`);
      const floating = roundTrip(text, dec(32));
      assert.deepEqual(parseDecimalText(floating ?? ""), parseDecimalText(text), `DECIMAL(32) ${text}`);
      assert.deepEqual(parseDecimalText(bindRoundTrip(decimalCodec, text).value), parseDecimalText(text));
    }
  });
});
