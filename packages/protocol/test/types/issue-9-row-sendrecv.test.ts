// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 9: a ROW in its binary-with-schema form (SQ_RETTYPE / SQ_BIND type 44, IBM JDBC).
// The bind fixtures are IBM JDBC 15.0.0.1.1's own setObject(Struct) payloads
// (test/fixtures/jdbc-row-binds.json); the read form is the one IBM JDBC's getObject reads
// (docs/protocol/composite-types.md, "ROW values for IBM JDBC").

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import * as t from "../../src/constants/type-codes.js";
import { ByteWriter } from "../../src/io/byte-writer.js";
import {
  encodeCollectionSendRecv,
  sendRecvCollection,
  unreadableSendRecvForm,
} from "../../src/types/collection-sendrecv.js";
import { parseTypeShape } from "../../src/types/composite-shape.js";
import { parseCompositeLiteral } from "../../src/types/composite-text.js";
import { codecForColumn } from "../../src/types/registry.js";
import { encodeRowSendRecv, sendRecvFields, sendRecvRowCodec } from "../../src/types/row-sendrecv.js";
import { decodeRowSendRecvBind } from "../../src/types/row-sendrecv-bind.js";
import { TypeCodecError } from "../../src/types/type-codec-error.js";
import { fromHex, toHex } from "./support.js";

interface Capture {
  readonly typeName: string;
  readonly hex: string;
}
const captures = (
  JSON.parse(readFileSync(new URL("../../../test/fixtures/jdbc-row-binds.json", import.meta.url), "utf8")) as {
    captures: Capture[];
  }
).captures;

const fieldsOf = (name: string) => {
  const f = sendRecvFields(parseTypeShape(name));
  assert.ok(f);
  return f;
};

describe("issue 9: ROW binary form (IBM JDBC)", () => {
  test("JDBC's setObject(Struct) payloads decode to ROW text (VARCHAR padded by JDBC, BIGINT in 10 bytes)", () => {
    assert.equal(decodeRowSendRecvBind(fromHex(captures[0]!.hex)), "ROW(7,'xy        ')");
    assert.equal(
      decodeRowSendRecvBind(fromHex(captures[1]!.hex)),
      "ROW(7,'xy        ',3,12.34,'abc',2.5,'2024-02-29',-5)",
    );
    assert.equal(decodeRowSendRecvBind(fromHex(captures[2]!.hex)), "ROW(NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL)");
  });

  test("the read form has JDBC's bind layout: same header and entries as its own capture", () => {
    const jdbc = fromHex(captures[0]!.hex);
    const ours = encodeRowSendRecv(
      fieldsOf("ROW(a integer, b varchar(10))"),
      parseCompositeLiteral("ROW(7,'xy')"),
      t.SQLROW,
    );
    // Header (132 zeros, i32 3 entries, i16 1) and the three 414-byte entries are byte for byte JDBC's.
    const schema = 132 + 6 + 3 * 414;
    assert.equal(toHex(ours.subarray(0, schema)), toHex(jdbc.subarray(0, schema)));
    // Data: i16 0, i32 length, i32 flags 1, INTEGER 7, VARCHAR 'xy', -1, offsets 2 then 0... last first.
    assert.equal(
      toHex(ours.subarray(schema)),
      toHex(fromHex("0000 00000013 00000001 00000007 027879 ffffffff 00000004 00000000")),
    );
    assert.equal(decodeRowSendRecvBind(ours), "ROW(7,'xy')");
  });

  test("a NULL ROW is the schema with flags 0x80000000 and no data", () => {
    const ours = encodeRowSendRecv(fieldsOf("ROW(a integer, b varchar(10))"), null, t.SQLROW);
    assert.equal(ours.length, 132 + 6 + 3 * 414 + 10);
    assert.equal(toHex(ours.subarray(-10)), toHex(fromHex("0000 00000000 80000000")));
    assert.equal(decodeRowSendRecvBind(ours), null);
  });

  test("every supported field type round-trips through the form", () => {
    const name =
      "ROW(a smallint, b integer, c bigint, d int8, e float, f smallfloat, g decimal(8,2), h money(6,2), i date, j char(3), k nchar(2), l nvarchar(5), m varchar(4))";
    const text = "ROW(-3,7,-9007199254740993,12,2.5,-1.5,12.34,9.99,'2024-02-29','ab ','x ','é','')";
    const all = "ROW(NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL)";
    for (const v of [text, all]) {
      const form = encodeRowSendRecv(fieldsOf(name), parseCompositeLiteral(v), t.SQLROW);
      assert.equal(decodeRowSendRecvBind(form), v);
    }
  });

  test("DATETIME and BOOLEAN fields: JDBC's own bind payloads decode, and the read form has their entries and values", () => {
    const byName = (n: string) => fromHex(captures.find((c) => c.typeName === n)!.hex);
    assert.equal(
      decodeRowSendRecvBind(byName("row(a integer, d datetime year to second)")),
      "ROW(7,'2024-02-29 10:11:12')",
    );
    assert.equal(decodeRowSendRecvBind(byName("row(a integer, b boolean)")), "ROW(7,'true')");
    const schema = 132 + 6 + 3 * 414;
    const dt = encodeRowSendRecv(
      fieldsOf("ROW(a integer, d datetime year to second)"),
      parseCompositeLiteral("ROW(7,'2024-02-29 10:11:12')"),
      t.SQLROW,
    );
    const jdbcDt = byName("row(a integer, d datetime year to second)");
    assert.equal(toHex(dt.subarray(0, schema)), toHex(jdbcDt.subarray(0, schema)));
    // JDBC writes the DATETIME in 11 bytes (3 zero bytes after the packed value); the tuple form is 8.
    assert.equal(
      toHex(dt.subarray(schema)),
      toHex(fromHex("0000 00000018 00000001 00000007 c71418021d0a0b0c ffffffff 00000004 00000000")),
    );
    const b = encodeRowSendRecv(fieldsOf("ROW(a integer, b boolean)"), parseCompositeLiteral("ROW(7,'t')"), t.SQLROW);
    assert.equal(toHex(b), toHex(byName("row(a integer, b boolean)")));
    assert.equal(decodeRowSendRecvBind(dt), "ROW(7,'2024-02-29 10:11:12')");
  });

  test("the form for unreadable fields is the header with no entries", () => {
    assert.equal(toHex(unreadableSendRecvForm()), toHex(fromHex(`${"00".repeat(132)} 00000000 0001`)));
  });

  test("ROWs with a field type the form does not carry here are refused (they stay text)", () => {
    for (const n of [
      "ROW(a interval day to second)",
      "ROW(a SET(integer not null))",
      "ROW(a ROW(b int))",
      "ROW(a lvarchar(10))",
    ])
      assert.equal(sendRecvFields(parseTypeShape(n)), undefined);
  });

  test("tuples: SENDRECV ROW is i32 length + form (no indicator byte); BLOB/CLOB keep their codec", () => {
    const column = { type: t.SQLSENDRECV, encodedLength: 2048 };
    assert.equal(codecForColumn(column), sendRecvRowCodec);
    assert.notEqual(codecForColumn({ ...column, extendedId: t.XID_BLOB }), sendRecvRowCodec);
    const w = new ByteWriter(16);
    sendRecvRowCodec.encode(fromHex("0102 03"), column, w);
    const bytes = w.take();
    assert.equal(toHex(bytes), toHex(fromHex("00000003 010203")));
    assert.equal(sendRecvRowCodec.tupleSize(column, bytes, 0), 7);
  });

  test("malformed bind forms give a TypeCodecError, never a crash", () => {
    const good = fromHex(captures[0]!.hex);
    assert.equal(decodeRowSendRecvBind(good.subarray(0, 100)), undefined);
    const cut = good.slice(0, good.length - 20);
    assert.throws(() => decodeRowSendRecvBind(cut), TypeCodecError);
    const badCount = good.slice();
    badCount[135] = 0x7f;
    assert.throws(() => decodeRowSendRecvBind(badCount), TypeCodecError);
  });

  test("collection read form: JDBC's own layout (MULTISET(INT): no offsets; variable elements: -1 and offsets)", () => {
    const jdbc = fromHex(captures[3]!.hex);
    const shape = sendRecvCollection(parseTypeShape("MULTISET(integer not null)"));
    assert.ok(shape);
    const ours = encodeCollectionSendRecv(shape.kind, shape.element, parseCompositeLiteral("MULTISET{1,2}"));
    assert.equal(toHex(ours), toHex(jdbc));
    const list = sendRecvCollection(parseTypeShape("LIST(varchar(10) not null)"));
    assert.ok(list);
    const form = encodeCollectionSendRecv(list.kind, list.element, parseCompositeLiteral("LIST{'ab','c'}"));
    assert.equal(
      toHex(form.subarray(132 + 6 + 2 * 414)),
      toHex(fromHex("0000 00000011 00000001 026162 0163 ffffffff 00000003 00000000")),
    );
    const empty = encodeCollectionSendRecv(list.kind, list.element, null);
    assert.equal(toHex(empty.subarray(-10)), toHex(fromHex("0000 00000000 80000000")));
    assert.equal(sendRecvCollection(parseTypeShape("SET(ROW(a int) not null)")), undefined);
    // JDBC's own Set/List payloads decode to collection text; ours decode back too.
    assert.equal(decodeRowSendRecvBind(jdbc), "MULTISET{1,2}");
    assert.equal(decodeRowSendRecvBind(fromHex(captures[4]!.hex)), "LIST{'ab','c'}");
    assert.equal(decodeRowSendRecvBind(form), "LIST{'ab','c'}");
    assert.equal(decodeRowSendRecvBind(empty), null);
  });
});
