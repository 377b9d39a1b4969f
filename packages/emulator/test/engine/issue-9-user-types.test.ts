// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 9: named ROW types, DISTINCT types and BSON columns in the engine — stored (as
// PostgreSQL domains and jsonb), listed in sysxtdtypes/sysattrtypes, described with IDS's
// type codes (ROW | 0x1000, source | 0x800), the type's extended id and name and the source's
// extended id (IBM JDBC reads it so: udt_* scenarios), and sent
// as IDS sends them (ROW text, the source type's value, BSON document bytes).

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { BsonObjectId, decodeBson, encodeBson } from "@informix-db/protocol";
import { bsonToJson, jsonToBson } from "../../src/engine/bson-values.js";
import { PgliteEngine } from "../../src/engine/pglite-engine.js";
import type { EngineSession } from "../../src/engine/types.js";
import type { SqlPlan } from "../../src/sql/plan.js";
import { rewrite } from "../../src/sql/rewriter.js";
import { exec, query, rejects } from "./helpers.js";

const ctx = {
  user: "informix",
  database: "udt",
  tempSchema: "ifx_tmp_1",
  serverName: "ol_test",
  hostName: "testhost",
  sessionId: 7,
  lastSerial: 0,
  lastRowCount: 0,
  lastSerial8: 0n,
  lastBigserial: 0n,
};

describe("issue 9: type DDL in the rewriter", () => {
  it("CREATE ROW TYPE / CREATE DISTINCT TYPE / DROP TYPE: statement types and PostgreSQL domains", () => {
    const row = rewrite("CREATE ROW TYPE IF NOT EXISTS person_t (name VARCHAR(30), age INT)", ctx) as SqlPlan;
    assert.equal(row.statementType, 90);
    assert.match(row.sql, /CREATE DOMAIN "udt"\."person_t" AS ifx\.r_[0-9a-f]{8}; EXCEPTION WHEN duplicate_object/);
    assert.equal(row.userType?.mode, "R");
    assert.equal(row.userType?.type.xname, "ROW(name varchar(30), age integer)");
    const d = rewrite("create distinct type dollars as decimal(10, 2)", ctx) as SqlPlan;
    assert.equal(d.statementType, 92);
    assert.equal(d.sql, 'CREATE DOMAIN "udt"."dollars" AS numeric(10,2)');
    assert.equal(d.userType?.spelling, "decimal(10,2)");
    const drop = rewrite("DROP TYPE dollars RESTRICT", ctx) as SqlPlan;
    assert.equal(drop.statementType, 96);
    assert.equal(drop.sql, 'DROP DOMAIN "udt"."dollars" RESTRICT');
    assert.equal((rewrite("DROP ROW TYPE person_t RESTRICT", ctx) as SqlPlan).statementType, 91);
    assert.throws(
      () => rewrite("DROP TYPE dollars", ctx),
      (e: unknown) => (e as { sqlcode?: number }).sqlcode === -201,
    );
    const table = rewrite("CREATE TABLE t (p person_t, l LIST(person_t NOT NULL))", ctx) as SqlPlan;
    assert.equal(table.table?.columns[0]?.type.userType, "person_t");
    assert.equal(table.table?.columns[1]?.type.xname, "LIST(person_t not null)");
  });
});

describe("issue 9: BSON values between jsonb and BSON bytes", () => {
  it("keeps int32, int64, double, string, bool, null, nesting, dates, ObjectIds and binary", () => {
    const doc = {
      i: 7,
      big: 12345678901234567n,
      f: 1.5,
      s: 'x"y',
      b: false,
      n: null,
      o: { a: [1, "two", { z: -3 }] },
      at: new Date("2026-12-06T01:02:03.004Z"),
      id: BsonObjectId.fromHex("0123456789abcdef01234567"),
      bin: Uint8Array.of(0, 1, 254),
    };
    const json = bsonToJson(encodeBson(doc));
    assert.equal(
      json,
      '{"i":7,"big":12345678901234567,"f":1.5,"s":"x\\"y","b":false,"n":null,"o":{"a":[1,"two",{"z":-3}]},' +
        '"at":{"$date":"2026-12-06T01:02:03.004Z"},"id":{"$oid":"0123456789abcdef01234567"},' +
        '"bin":{"$binary":{"base64":"AAH+","subType":"00"}}}',
    );
    assert.deepEqual(decodeBson(jsonToBson(json)), doc);
    // jsonb reorders keys and spaces them: the kinds still come from the digits.
    assert.deepEqual(decodeBson(jsonToBson('{"a": 2147483648, "b": -2147483648, "c": 1e3}')), {
      a: 2147483648n,
      b: -2147483648,
      c: 1000,
    });
  });
});

describe("issue 9: named ROW, DISTINCT and BSON columns", () => {
  let engine: PgliteEngine;
  let s: EngineSession;
  before(async () => {
    engine = await PgliteEngine.create({});
    s = engine.openSession("informix");
    await exec(s, "create database udt with log");
    await exec(s, "create row type person_t (name varchar(30), age int)");
    await exec(s, "create distinct type dollars as decimal(10,2)");
    await exec(s, "create distinct type code_t as integer");
    await exec(s, "create distinct type memo_t as lvarchar(500)");
    await exec(
      s,
      "create table t (id int, p person_t, d dollars, c code_t, m memo_t, ps list(person_t not null), b bson)",
    );
  });
  after(async () => {
    await s.close();
    await engine.close();
  });

  it("lists the types in sysxtdtypes and the fields in sysattrtypes, as IDS does", async () => {
    const x = await query(s, "select extended_id, mode, name, type, source from sysxtdtypes order by extended_id");
    assert.deepEqual(x.rows, [
      [2049, "R", "person_t", 4118, 0],
      [2050, "D", "dollars", 0x800 | 5, 0],
      [2051, "D", "code_t", 0x800 | 2, 0],
      [2052, "D", "memo_t", 0x800 | 43, 0],
    ]);
    const a = await query(
      s,
      "select seqno, levelno, parent_no, fieldname, fieldno, type, length from sysattrtypes where extended_id = 2049 order by seqno",
    );
    assert.deepEqual(a.rows, [
      [1, 0, 0, null, 0, 4118, 34],
      [2, 1, 1, "name", 1, 13, 30],
      [3, 1, 1, "age", 2, 2, 4],
    ]);
    const c = await query(
      s,
      "select colname, coltype, extended_id from syscolumns where tabid = (select tabid from systables where tabname = 't') order by colno",
    );
    assert.deepEqual(c.rows.slice(1, 5), [
      ["p", 4118, 2049],
      ["d", 0x800 | 5, 2050],
      ["c", 0x800 | 2, 2051],
      ["m", 0x800 | 43, 2052],
    ]);
  });

  it("describes and sends the values as IDS does", async () => {
    await exec(s, "delete from t");
    await exec(
      s,
      "insert into t values (1, row('Ann', 40)::person_t, 12.5::dollars, 7::code_t, 'memo'::memo_t, " +
        "list{row('B', 1)::person_t}, '{\"a\":1,\"big\":12345678901}'::json::bson)",
    );
    const { rows, columns } = await query(s, "select p, d, c, m, ps, b from t");
    assert.deepEqual(
      columns.map((x) => [x.type, x.extendedId, x.extendedName, x.sourceType ?? 0]),
      [
        [4118, 2049, "person_t", 0],
        [0x800 | 5, 2050, "dollars", 0],
        [0x800 | 2, 2051, "code_t", 0],
        [0x800 | 40, 2052, "memo_t", 1],
        [21, 0, "LIST(person_t not null)", 0],
        [40, 0, "bson", 0],
      ],
    );
    const [p, d, c, m, ps, b] = rows[0]!;
    assert.deepEqual([p, d, c, m, ps], ["ROW('Ann',40)", "12.50", 7, "memo", "LIST{ROW('B',1)}"]);
    assert.deepEqual(decodeBson(b as Uint8Array), { a: 1, big: 12345678901n });
  });

  it("casts, BSON accessors and BSON as JSON text", async () => {
    const { rows, columns } = await query(
      s,
      "select bson_value_int(b, 'a'), bson_value_bigint(b, 'big'), b::json, (p).name from t",
    );
    assert.deepEqual(rows[0]?.slice(0, 2), [1, 12345678901n]);
    assert.deepEqual(JSON.parse(String(rows[0]?.[2])), { a: 1, big: 12345678901 });
    assert.equal(columns[2]?.extendedName, "json");
  });

  it("a BSON parameter (bound as its JSON text) is stored and read back", async () => {
    await exec(s, "update t set b = ? where id = 1", [bsonToJson(encodeBson({ k: [true, null, 2.5] }))]);
    const { rows } = await query(s, "select b from t where id = 1");
    assert.deepEqual(decodeBson(rows[0]![0] as Uint8Array), { k: [true, null, 2.5] });
  });

  it("an unknown type is -9628; DROP TYPE of a type in use fails and the type stays", async () => {
    await rejects(exec(s, "create table bad (x no_such_type)"), -9628);
    await assert.rejects(exec(s, "drop type dollars restrict"));
    assert.equal(
      (await query(s, "select count(*) from sysxtdtypes where name = 'dollars'")).rows[0]?.[0]?.toString(),
      "1",
    );
    await exec(s, "create distinct type spare_t as varchar(10)");
    await exec(s, "create table t2 (c spare_t)");
    await exec(s, "drop table t2");
    await exec(s, "drop type spare_t restrict");
    await rejects(exec(s, "drop type spare_t restrict"), -9628);
    assert.equal(
      (await query(s, "select count(*) from sysxtdtypes where name = 'spare_t'")).rows[0]?.[0]?.toString(),
      "0",
    );
  });
});
