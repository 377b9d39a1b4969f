// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 9: IDS's BSON type. Document fixtures are bsonspec.org's two published examples
// (provenance: the BSON specification) plus synthetic ones for each element kind; the tuple
// form is the opaque envelope around the document [INFERRED, docs/protocol/composite-types.md].

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import * as t from "../../src/constants/type-codes.js";
import { bsonBindParameter, bsonCodec } from "../../src/types/bson.js";
import { BsonObjectId, decodeBson } from "../../src/types/bson-document.js";
import { encodeBson } from "../../src/types/bson-encode.js";
import type { ColumnType } from "../../src/types/codec.js";
import { codecForColumn } from "../../src/types/registry.js";
import { compileRowLayout } from "../../src/types/tuple.js";
import { TypeCodecError } from "../../src/types/type-codec-error.js";
import { bindRoundTrip, decodeValue, encodeValue, fromHex, toHex } from "./support.js";

const bsonColumn: ColumnType = { type: t.SQLUDTVAR, encodedLength: 4096, extendedId: 0, extendedName: "bson" };
const int: ColumnType = { type: t.SQLINT, encodedLength: 4 };

// bsonspec.org: {"hello": "world"}
const HELLO = "16000000 02 68656c6c6f00 06000000 776f726c6400 00";
// bsonspec.org: {"BSON": ["awesome", 5.05, 1986]}
const AWESOME =
  "31000000 04 42534f4e00 26000000 02 3000 08000000 617765736f6d6500 01 3100 333333333333 1440 10 3200 c2070000 00 00";

describe("issue 9: BSON documents", () => {
  test("bsonspec.org examples decode and encode byte for byte", () => {
    assert.deepEqual(decodeBson(fromHex(HELLO)), { hello: "world" });
    assert.equal(toHex(encodeBson({ hello: "world" })), toHex(fromHex(HELLO)));
    assert.deepEqual(decodeBson(fromHex(AWESOME)), { BSON: ["awesome", 5.05, 1986] });
    assert.equal(toHex(encodeBson({ BSON: ["awesome", 5.05, 1986] })), toHex(fromHex(AWESOME)));
  });

  test("every supported element kind: bytes and JS values", () => {
    const oid = BsonObjectId.fromHex("5f43a1b2c3d4e5f601020304");
    const doc = {
      i: -7,
      l: 9007199254740993n,
      d: 0.5,
      b: true,
      n: null,
      o: { x: [1, "two"] },
      bin: Uint8Array.of(1, 2, 255),
      at: new Date(Date.UTC(2026, 11, 6, 3, 4, 5, 678)),
      id: oid,
    };
    const bytes = encodeBson(doc);
    const hex = toHex(bytes);
    assert.ok(hex.includes("106900f9ffffff"), "int32 -7 is kind 10, little-endian");
    assert.ok(hex.includes("126c00" + "0100000000002000"), "int64 2^53+1 is kind 12");
    assert.ok(hex.includes("0562696e00 03000000 00 0102ff".replace(/ /g, "")), "binary: length, subtype 00, bytes");
    assert.ok(hex.includes("07696400" + "5f43a1b2c3d4e5f601020304"), "ObjectId: 12 bytes");
    const back = decodeBson(bytes);
    assert.deepEqual(back, doc);
    assert.equal(String(back.id), "5f43a1b2c3d4e5f601020304");
    assert.equal((back.at as Date).toISOString(), "2026-12-06T03:04:05.678Z");
  });

  test("numbers: int32 range stays int32, larger or fractional numbers are doubles, -0 is a double", () => {
    assert.equal(toHex(encodeBson({ a: 2147483647 })).slice(8, 14), "106100");
    assert.equal(toHex(encodeBson({ a: 2147483648 })).slice(8, 14), "016100");
    assert.equal(toHex(encodeBson({ a: -0 })).slice(8, 14), "016100");
    assert.ok(Object.is(decodeBson(encodeBson({ a: -0 })).a, -0));
  });

  test("undefined members are left out; bad values are INVALID_VALUE", () => {
    assert.deepEqual(decodeBson(encodeBson({ a: undefined, b: 1 })), { b: 1 });
    assert.throws(
      () => encodeBson({ f: () => 1 }),
      (e: unknown) => e instanceof TypeCodecError && e.code === "INVALID_VALUE",
    );
    assert.throws(() => encodeBson({ big: 2n ** 63n }), TypeCodecError);
    assert.throws(() => encodeBson({ "a\0b": 1 }), TypeCodecError);
    assert.throws(() => encodeBson([1] as unknown as Record<string, unknown>), TypeCodecError);
  });

  test("malformed documents are TypeCodecErrors, never a wrong value or a RangeError", () => {
    const good = fromHex(AWESOME);
    for (let cut = 0; cut < good.length; cut++) {
      assert.throws(() => decodeBson(good.slice(0, cut)), TypeCodecError, `cut at ${cut}`);
    }
    assert.throws(() => decodeBson(fromHex("05000000 01")), TypeCodecError); // no terminator
    assert.throws(
      () => decodeBson(fromHex("0c000000 13 6100 00000000 00")),
      (e: unknown) => e instanceof TypeCodecError && e.code === "UNSUPPORTED_TYPE",
    );
    assert.throws(() => decodeBson(fromHex("0e000000 02 6100 ffffffff 00 00")), TypeCodecError); // negative string length
    let seed = 9;
    for (let n = 0; n < 500; n++) {
      const junk = Uint8Array.from({ length: 3 + (n % 40) }, () => {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        return seed & 0xff;
      });
      try {
        decodeBson(junk);
      } catch (e) {
        assert.ok(e instanceof TypeCodecError, String(e));
      }
    }
  });
});

describe("issue 9: BSON type codec", () => {
  test("the registry picks it by extended name; tuple = envelope around the document", () => {
    assert.equal(codecForColumn(bsonColumn), bsonCodec);
    assert.equal(codecForColumn({ ...bsonColumn, extendedName: "informix.bson" }), bsonCodec);
    assert.equal(encodeValue(bsonCodec, { hello: "world" }, bsonColumn), `00 00000016 ${HELLO}`.replace(/ /g, ""));
    assert.deepEqual(decodeValue(bsonCodec, `0000000016${HELLO}`, bsonColumn), { hello: "world" });
    assert.equal(encodeValue(bsonCodec, null, bsonColumn), "0100000000");
    assert.equal(decodeValue(bsonCodec, "0100000000", bsonColumn), null);
  });

  test("a row with BSON between two INTEGERs decodes at every chunk boundary", () => {
    const layout = compileRowLayout([int, bsonColumn, int]);
    const bytes = fromHex(`00000001 00 00000016 ${HELLO} 00000002`);
    assert.deepEqual(layout.decodeRow(bytes), [1, { hello: "world" }, 2]);
    assert.deepEqual(layout.decodeRow(fromHex("00000001 01 00000000 00000002")), [1, null, 2]);
  });

  test("bind: type 40 named informix.bson, i32-framed document, padded", () => {
    const p = bsonBindParameter({ hello: "world" });
    assert.deepEqual([p.type, p.owner, p.typeName], [t.SQLUDTVAR, "informix", "bson"]);
    assert.equal(toHex(p.payload), toHex(fromHex(HELLO)));
    const round = bindRoundTrip(bsonCodec, { hello: "world" });
    assert.equal(round.hex, `00000016${HELLO}`.replace(/ /g, ""));
    assert.deepEqual(round.value, { hello: "world" });
  });
});
