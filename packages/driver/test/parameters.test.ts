// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors

import assert from "node:assert/strict";
import { test } from "node:test";
import { InformixDate, InformixInterval, latin1, typeCodes as T } from "@informix-db/protocol";
import { Param } from "informix-db";
import { bindParameters } from "../src/statement/parameters.js";

const one = (v: unknown) => bindParameters([v], latin1)[0]!;
const hex = (b: Uint8Array | null) => (b === null ? null : Buffer.from(b).toString("hex"));

test("numbers: INTEGER in i32 range, BIGINT for other safe integers, FLOAT otherwise", () => {
  assert.equal(one(42).type, T.SQLINT);
  assert.equal(hex(one(42).payload), "0000002a");
  assert.equal(one(-2147483647).type, T.SQLINT);
  assert.equal(one(-2147483648).type, T.SQLINFXBIGINT);
  assert.equal(one(2 ** 40).type, T.SQLINFXBIGINT);
  assert.equal(one(1.5).type, T.SQLFLOAT);
  assert.equal(hex(one(1.5).payload), "3ff8000000000000");
  assert.equal(one(2 ** 60).type, T.SQLFLOAT);
});

test("bigint, string, boolean, null", () => {
  assert.equal(one(5n).type, T.SQLINFXBIGINT);
  const s = one("abc");
  assert.equal(s.type, T.SQLVCHAR);
  assert.equal(hex(s.payload), "616263");
  assert.equal(hex(one(true).payload), "74");
  assert.equal(hex(one(false).payload), "66");
  assert.deepEqual(one(null), { type: T.SQLCHAR, indicator: -1, precision: 0, payload: null });
  assert.equal(one(undefined).indicator, -1);
});

test("Date binds as DATETIME YEAR TO FRACTION(3) from its UTC fields", () => {
  const p = one(new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 678)));
  assert.equal(p.type, T.SQLDTIME);
  assert.equal(p.precision, 0x110d);
});

test("value classes bind as their own types", () => {
  assert.equal(one(InformixDate.of(2024, 1, 2)).type, T.SQLDATE);
  assert.equal(hex(one(InformixDate.of(2024, 1, 2)).payload), "0000b0ec");
  assert.equal(one(InformixInterval.parse("1 02:03:04", "DAY TO SECOND")).type, T.SQLINTERVAL);
});

test("typed parameters choose the exact type", () => {
  const d = one({ type: "DECIMAL", value: "123.45" });
  assert.equal(d.type, T.SQLDECIMAL);
  assert.equal(hex(d.payload), "c201172d");
  assert.equal(one(Param.money("9.99")).type, T.SQLMONEY);
  assert.equal(one(Param.char("x")).type, T.SQLCHAR);
  assert.equal(one(Param.lvarchar("x")).type, T.SQLLVARCHAR);
  assert.equal(one(Param.nvarchar("x")).type, T.SQLNVCHAR);
  assert.equal(one(Param.smallint(3)).type, T.SQLSMINT);
  assert.equal(one(Param.int8(3)).type, T.SQLINFXBIGINT);
  assert.equal(one(Param.smallfloat(1)).type, T.SQLSMFLOAT);
  assert.equal(one(Param.date("2024-01-02")).type, T.SQLDATE);
  const dt = one(Param.datetime("2024-01-02 03:04:05", "YEAR TO SECOND"));
  assert.equal(dt.type, T.SQLDTIME);
  assert.equal(dt.precision, 0x0e0a);
  assert.equal(one(Param.datetime("2024-01-02")).precision, 0x0804);
  assert.equal(one(Param.interval("5", "DAY TO DAY")).type, T.SQLINTERVAL);
});

test("bad values are INVALID_ARGUMENT naming the parameter; bytes bind as BYTE (issue 9)", () => {
  assert.throws(() => bindParameters([1, new Map()], latin1), { code: "INVALID_ARGUMENT", message: /parameter 2/ });
  // A plain object is a ROW since issue 9 items 3/4: it binds as its text.
  assert.equal(bindParameters([{ a: 1 }], latin1)[0]?.type, T.SQLVCHAR);
  assert.throws(() => bindParameters([Param.decimal("abc")], latin1), { code: "INVALID_ARGUMENT" });
  assert.throws(() => bindParameters([Param.interval("5")], latin1), { code: "INVALID_ARGUMENT" });
  assert.throws(() => bindParameters([2n ** 70n], latin1), { code: "INVALID_ARGUMENT" });
  const [b] = bindParameters([new Uint8Array(2)], latin1);
  assert.equal(b?.type, T.SQLBYTES);
  assert.equal(b?.payload?.length, 56, "the bind slot holds the blob descriptor; the bytes follow SQ_BBIND");
  assert.equal(bindParameters([Param.text("x")], latin1)[0]?.type, T.SQLTEXT);
  assert.equal(bindParameters(["x".repeat(40000)], latin1)[0]?.type, T.SQLTEXT, "too long for VARCHAR: TEXT");
  assert.equal(bindParameters(["x".repeat(30000)], latin1)[0]?.type, T.SQLVCHAR);
  assert.throws(() => bindParameters([Param.byte("x")], latin1), { code: "INVALID_ARGUMENT" });
});
