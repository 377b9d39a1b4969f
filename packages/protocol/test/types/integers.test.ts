// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// SMALLINT, INTEGER/SERIAL, INT8/SERIAL8, BIGINT/BIGSERIAL, SMALLFLOAT and FLOAT: bounds,
// NULL sentinels, bind round trips. Bytes from statements-and-types.md §5.2, §6.1-§6.3.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { SQLINFXBIGINT, SQLINT8, SQLSERIAL, SQLSERIAL8 } from "../../src/constants/type-codes.js";
import { ByteWriter } from "../../src/io/byte-writer.js";
import { bigintCodec } from "../../src/types/bigint.js";
import type { ColumnType } from "../../src/types/codec.js";
import { floatCodec } from "../../src/types/float.js";
import { int8Codec } from "../../src/types/int8.js";
import { integerCodec } from "../../src/types/integer.js";
import { smallfloatCodec } from "../../src/types/smallfloat.js";
import { smallintCodec } from "../../src/types/smallint.js";
import { TypeCodecError } from "../../src/types/type-codec-error.js";
import { bindRoundTrip, decodeValue, encodeValue, toHex } from "./support.js";

const col = (type: number, encodedLength: number): ColumnType => ({ type, encodedLength });
const outOfRange = (e: unknown): boolean => e instanceof TypeCodecError && e.code === "VALUE_OUT_OF_RANGE";

describe("SMALLINT", () => {
  const c = col(1, 2);
  for (const [value, hex] of [
    [32767, "7fff"],
    [-32767, "8001"],
    [0, "0000"],
    [11, "000b"],
  ] as const) {
    test(`${value} ⇄ ${hex}`, () => {
      assert.equal(encodeValue(smallintCodec, value, c), hex);
      assert.equal(decodeValue(smallintCodec, hex, c), value);
      assert.equal(bindRoundTrip(smallintCodec, value).value, value);
    });
  }
  test("NULL is 80 00 and -32768 is not a value", () => {
    assert.equal(encodeValue(smallintCodec, null, c), "8000");
    assert.equal(decodeValue(smallintCodec, "8000", c), null);
    assert.throws(() => encodeValue(smallintCodec, -32768, c), outOfRange);
    assert.throws(() => encodeValue(smallintCodec, 1.5, c), outOfRange);
  });
});

describe("INTEGER and SERIAL", () => {
  for (const type of [2, SQLSERIAL]) {
    const c = col(type, 4);
    test(`type ${type}: bounds, NULL`, () => {
      assert.equal(encodeValue(integerCodec, 2147483647, c), "7fffffff");
      assert.equal(decodeValue(integerCodec, "80000001", c), -2147483647);
      assert.equal(decodeValue(integerCodec, "80000000", c), null);
      assert.equal(encodeValue(integerCodec, null, c), "80000000");
      assert.throws(() => encodeValue(integerCodec, -2147483648, c), outOfRange);
    });
  }
  test("bind payload of 42 is the i32 (libsqli INT bind)", () => {
    const r = bindRoundTrip(integerCodec, 42);
    assert.deepEqual(r.slot, { type: 2, precision: 0 });
    assert.equal(r.hex, "0000002a");
    assert.equal(r.value, 42);
  });
});

describe("INT8 and SERIAL8", () => {
  const max = 2n ** 63n - 1n;
  for (const type of [SQLINT8, SQLSERIAL8]) {
    const c = col(type, 10);
    for (const [value, hex] of [
      [-7n, "ffff0000000700000000"],
      [0n, "00010000000000000000"],
      [max, "0001ffffffff7fffffff"],
      [-max, "ffffffffffff7fffffff"],
      [4294967296n, "00010000000000000001"],
    ] as const) {
      test(`type ${type}: ${value} ⇄ ${hex}`, () => {
        assert.equal(encodeValue(int8Codec, value, c), hex);
        assert.equal(decodeValue(int8Codec, hex, c), value);
      });
    }
    test(`type ${type}: NULL is sign 0`, () => {
      assert.equal(encodeValue(int8Codec, null, c), "00000000000000000000");
      assert.equal(decodeValue(int8Codec, "00000000000000000000", c), null);
      assert.throws(() => encodeValue(int8Codec, max + 1n, c), outOfRange);
    });
  }
  test("binds as BIGINT (type 52) and reads the 10-byte INT8 form under type 17", () => {
    const r = bindRoundTrip(int8Codec, -7n);
    assert.deepEqual(r.slot, { type: SQLINFXBIGINT, precision: 0 });
    assert.equal(r.hex, "fffffffffffffff9");
    const slot = { type: SQLINT8, precision: 0 };
    const w = new ByteWriter();
    int8Codec.encodeBind(-7n, slot, w);
    const bytes = w.take();
    assert.equal(toHex(bytes), "ffff0000000700000000");
    assert.equal(int8Codec.decodeBind(bytes, slot), -7n);
  });
});

describe("BIGINT and BIGSERIAL", () => {
  const max = 2n ** 63n - 1n;
  for (const type of [52, 53]) {
    const c = col(type, 8);
    test(`type ${type}: bounds, NULL, bind`, () => {
      assert.equal(encodeValue(bigintCodec, max, c), "7fffffffffffffff");
      assert.equal(decodeValue(bigintCodec, "8000000000000001", c), -max);
      assert.equal(decodeValue(bigintCodec, "8000000000000000", c), null);
      assert.equal(encodeValue(bigintCodec, null, c), "8000000000000000");
      assert.throws(() => encodeValue(bigintCodec, -max - 1n, c), outOfRange);
      assert.equal(bindRoundTrip(bigintCodec, -max).value, -max);
      assert.equal(bindRoundTrip(bigintCodec, 111n).hex, "000000000000006f");
    });
  }
});

describe("FLOAT and SMALLFLOAT", () => {
  const f = col(3, 8);
  const r = col(4, 4);
  test("FLOAT 1.0 and 3.5, NULL all FF, other NaNs stay NaN", () => {
    assert.equal(encodeValue(floatCodec, 1, f), "3ff0000000000000");
    assert.equal(decodeValue(floatCodec, "400c000000000000", f), 3.5);
    assert.equal(encodeValue(floatCodec, null, f), "ffffffffffffffff");
    assert.equal(decodeValue(floatCodec, "ffffffffffffffff", f), null);
    assert.ok(Number.isNaN(decodeValue(floatCodec, "7ff8000000000000", f)));
    assert.equal(decodeValue(floatCodec, encodeValue(floatCodec, -Number.MAX_VALUE, f), f), -Number.MAX_VALUE);
    assert.equal(bindRoundTrip(floatCodec, Math.PI).value, Math.PI);
  });
  test("SMALLFLOAT rounds to binary32, NULL all FF", () => {
    assert.equal(encodeValue(smallfloatCodec, 1, r), "3f800000");
    assert.equal(decodeValue(smallfloatCodec, encodeValue(smallfloatCodec, 0.1, r), r), Math.fround(0.1));
    assert.equal(decodeValue(smallfloatCodec, "ffffffff", r), null);
    assert.equal(encodeValue(smallfloatCodec, null, r), "ffffffff");
    assert.equal(bindRoundTrip(smallfloatCodec, 2.5).value, 2.5);
  });
});
