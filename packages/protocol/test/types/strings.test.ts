// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// CHAR/NCHAR, VARCHAR/NVARCHAR, LVARCHAR and BOOLEAN: padding, length prefixes, envelopes,
// NULL forms, code sets (ASCII fast path and the TextCodec fallback), string bind form.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { DEFAULT_CONTEXT } from "../../src/constants/capabilities.js";
import { SQLCHAR, SQLLVARCHAR, SQLNVCHAR, SQLUDTFIXED, SQLVCHAR, XID_BOOLEAN } from "../../src/constants/type-codes.js";
import { ClientItemDecoder } from "../../src/streams/client-item-decoder.js";
import { latin1, utf8 } from "../../src/text/code-pages.js";
import { booleanCodec } from "../../src/types/boolean.js";
import { charCodec } from "../../src/types/char.js";
import type { ColumnType } from "../../src/types/codec.js";
import { lvarcharCodec } from "../../src/types/lvarchar.js";
import { TypeCodecError } from "../../src/types/type-codec-error.js";
import { varcharCodec } from "../../src/types/varchar.js";
import { bindRoundTrip, decodeValue, encodeValue, fromHex } from "./support.js";

const CHAR5: ColumnType = { type: SQLCHAR, encodedLength: 5 };
const VARCHAR: ColumnType = { type: SQLVCHAR, encodedLength: 255 };
const LVARCHAR: ColumnType = { type: SQLLVARCHAR, encodedLength: 2048 };
const BOOLEAN: ColumnType = { type: SQLUDTFIXED, encodedLength: 1, extendedId: XID_BOOLEAN };
const codeOf = (code: string) => (e: unknown) => e instanceof TypeCodecError && e.code === code;

describe("CHAR", () => {
  test("blank-padded to the column width; padding kept on decode", () => {
    assert.equal(encodeValue(charCodec, "ab", CHAR5), "6162202020");
    assert.equal(decodeValue(charCodec, "6162202020", CHAR5), "ab   ");
    assert.equal(encodeValue(charCodec, "", CHAR5), "2020202020");
    assert.throws(() => encodeValue(charCodec, "abcdef", CHAR5), codeOf("VALUE_OUT_OF_RANGE"));
  });
  test("NULL is a leading NUL, then blanks (docs/protocol/types.md, Python driver capture)", () => {
    assert.equal(encodeValue(charCodec, null, CHAR5), "0020202020");
    assert.equal(decodeValue(charCodec, "0020202020", CHAR5), null);
    assert.equal(decodeValue(charCodec, "0000000000", CHAR5), null);
  });
  test("code sets: UTF-8 and Latin-1 bytes", () => {
    assert.equal(encodeValue(charCodec, "é", CHAR5, utf8), "c3a9202020");
    assert.equal(decodeValue(charCodec, "c3a9202020", CHAR5, utf8), "é   ");
    assert.equal(decodeValue(charCodec, "e920202020", CHAR5, latin1), "é    ");
  });
});

describe("VARCHAR", () => {
  for (const [value, hex] of [
    ["", "00"],
    ["abc", "03616263"],
    [null, "0100"],
  ] as const) {
    test(`${JSON.stringify(value)} ⇄ ${hex}`, () => {
      assert.equal(encodeValue(varcharCodec, value, VARCHAR), hex);
      assert.equal(decodeValue(varcharCodec, hex, VARCHAR), value);
    });
  }
  test("255 bytes fit, 256 do not; long and non-ASCII strings leave the fast path", () => {
    const long = "x".repeat(255);
    assert.equal(decodeValue(varcharCodec, encodeValue(varcharCodec, long, VARCHAR), VARCHAR), long);
    assert.throws(() => encodeValue(varcharCodec, "x".repeat(256), VARCHAR), codeOf("VALUE_OUT_OF_RANGE"));
    for (const s of ["abcdefghijklmnopq", "ab", "a", "héllo wörld", "日本語テキスト"]) {
      const nv: ColumnType = { type: SQLNVCHAR, encodedLength: 255 };
      assert.equal(decodeValue(varcharCodec, encodeValue(varcharCodec, s, nv, utf8), nv, utf8), s);
    }
  });
  test("bind: type 13, precision = byte length, i16 length + bytes + pad (notes §4.2)", () => {
    const r = bindRoundTrip(varcharCodec, "alpha");
    assert.deepEqual(r.slot, { type: SQLVCHAR, precision: 5 });
    assert.equal(r.hex, "0005616c70686100");
    assert.equal(r.value, "alpha");
    assert.equal(bindRoundTrip(varcharCodec, "ü", undefined, utf8).hex, "0002c3bc");
  });
});

describe("LVARCHAR", () => {
  test("envelope: flag + i32 length + bytes", () => {
    assert.equal(encodeValue(lvarcharCodec, "hello", LVARCHAR), "000000000568656c6c6f");
    assert.equal(decodeValue(lvarcharCodec, "000000000568656c6c6f", LVARCHAR), "hello");
    assert.equal(encodeValue(lvarcharCodec, null, LVARCHAR), "0100000000");
  });
  test("lengths of 65536 and more use the full i32", () => {
    const big = "z".repeat(70000);
    const hex = encodeValue(lvarcharCodec, big, LVARCHAR);
    assert.equal(hex.slice(0, 10), "0000011170");
    assert.equal(decodeValue(lvarcharCodec, hex, LVARCHAR), big);
  });
  test("binds in the string form", () => {
    assert.equal(bindRoundTrip(lvarcharCodec, "hello").value, "hello");
    assert.throws(() => lvarcharCodec.bindSlot("x".repeat(40000)), codeOf("VALUE_OUT_OF_RANGE"));
  });
});

describe("BOOLEAN", () => {
  test("'t'/'f' payload in the envelope; 01/00 accepted", () => {
    assert.equal(encodeValue(booleanCodec, true, BOOLEAN), "000000000174");
    assert.equal(encodeValue(booleanCodec, false, BOOLEAN), "000000000166");
    assert.equal(decodeValue(booleanCodec, "000000000101", BOOLEAN), true);
    assert.equal(decodeValue(booleanCodec, "000000000100", BOOLEAN), false);
    assert.equal(encodeValue(booleanCodec, null, BOOLEAN), "0100000000");
    assert.throws(() => decodeValue(booleanCodec, "000000000178", BOOLEAN), codeOf("INVALID_ENCODING"));
    assert.throws(() => decodeValue(booleanCodec, "00000000027474", BOOLEAN), codeOf("INVALID_ENCODING"));
  });
  test("binds as VARCHAR 't'/'f' like libsqli", () => {
    const r = bindRoundTrip(booleanCodec, true);
    assert.deepEqual(r.slot, { type: SQLVCHAR, precision: 1 });
    assert.equal(r.hex, "00017400");
    assert.equal(r.value, true);
    assert.equal(bindRoundTrip(booleanCodec, false).hex, "00016600");
  });
});

describe("IBM JDBC's binds of LVARCHAR and BOOLEAN (captured)", () => {
  test("typed 43/45 with owner and name, an i32 length, and BOOLEAN as 01", () => {
    // SQ_BIND with 2 parameters: LVARCHAR 'xy' and BOOLEAN true, as JDBC 15 sends them.
    const bytes = fromHex(
      "0005 0002 002b 0000 0000 0000 0000 00000002 7879 002d 0008 696e666f726d6978 0007 626f6f6c65616e00 0000 0001 00000001 0100 000c",
    );
    const decoder = new ClientItemDecoder(() => DEFAULT_CONTEXT);
    decoder.push(bytes);
    const bind = decoder.next();
    assert.ok(typeof bind === "object" && "kind" in bind && bind.kind === "bind");
    const [lv, bool] = bind.parameters;
    assert.equal(lv?.type, 43);
    assert.equal(lvarcharCodec.decodeBind(lv.payload!, { type: 43, precision: 0 }), "xy");
    assert.equal(bool?.typeName, "boolean");
    assert.equal(booleanCodec.decodeBind(bool.payload!, { type: 45, precision: 1 }), true);
  });
});
