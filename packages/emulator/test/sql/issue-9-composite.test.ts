// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 9 items 3 and 4: ROW and collection types in the rewriter (DDL, literals, casts,
// field access) and between PostgreSQL text and IDS's text form.

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { compositeParamToPg, pgToCompositeText } from "../../src/engine/composite-values.js";
import type { RewriteContext } from "../../src/sql/context.js";
import type { SqlPlan } from "../../src/sql/plan.js";
import { rewrite } from "../../src/sql/rewriter.js";

const ctx: RewriteContext = {
  user: "informix",
  database: "stores",
  tempSchema: "ifx_tmp_1",
  serverName: "ol_test",
  hostName: "testhost",
  sessionId: 7,
  lastSerial: 0,
  lastRowCount: 0,
  lastSerial8: 0n,
  lastBigserial: 0n,
};

const sql = (text: string): SqlPlan => rewrite(text, ctx) as SqlPlan;

describe("issue 9: ROW and collection types in the emulator", () => {
  it("DDL keeps IDS's codes and extended names; ROW types are created first", () => {
    const p = sql(
      "CREATE TABLE t (id INT, r ROW(name VARCHAR(50), age INT), s SET(INT NOT NULL), l LIST(SET(CHAR(2)) NOT NULL))",
    );
    const [, r, s, l] = p.table!.columns;
    assert.equal(r!.type.code, 22);
    assert.equal(r!.type.xname, "ROW(name varchar(50), age integer)");
    assert.match(
      (r.type.setup ?? [])[0] ?? "",
      /CREATE TYPE ifx\.r_[0-9a-f]{8} AS \("name" varchar\(50\), "age" integer\)/,
    );
    assert.equal(s!.type.code, 19);
    assert.equal(s!.type.xname, "SET(integer not null)");
    assert.equal(s!.type.pg, "integer[]");
    assert.equal(l!.type.code, 21);
    assert.equal(l!.type.xname, "LIST(SET(char(2)) not null)");
    assert.match(l!.type.pg, /^ifx\.c_[0-9a-f]{8}\[\]$/);
    assert.match(p.sql, /"r" ifx\.r_[0-9a-f]{8}, "s" integer\[\]/);
  });

  it("constant literals become PostgreSQL text; casts to ROW types go; expressions use ARRAY/ROW", () => {
    assert.equal(
      sql("INSERT INTO t VALUES (1, ROW('Al''s', 30)::ROW(name VARCHAR(50), age INT), SET{1,2}, LIST{})").sql,
      `INSERT INTO t VALUES (1, '("Al''s","30")', '{"1","2"}', '{}')`,
    );
    assert.equal(sql("INSERT INTO t VALUES (?, LIST{?, 2})").sql, "INSERT INTO t VALUES ($1, ARRAY[ $2, 2 ])");
    assert.match(sql("SELECT dbinfo('version','full') FROM table(set{1})").sql, /VALUES \(1\)/);
  });

  it("r.f is a ROW field unless r names a table or alias", () => {
    assert.equal(sql("SELECT id, r.name FROM t WHERE r.age > 1").sql, "SELECT id, (r).name FROM t WHERE (r).age > 1");
    assert.equal(sql("SELECT x.id, t.r FROM t x, t").sql, "SELECT x.id, t.r FROM t x, t");
    assert.equal(sql("SELECT s.nextval FROM t").sql.includes("(s)"), false);
  });

  it("PostgreSQL text ↔ IDS text, nested both ways", () => {
    assert.equal(pgToCompositeText("{1,2}", "SET(integer not null)"), "SET{1,2}");
    assert.equal(pgToCompositeText("(Alice,30)", "ROW(name varchar(50), age integer)"), "ROW('Alice',30)");
    assert.equal(pgToCompositeText('("a,b",)', "ROW(name varchar(50), age integer)"), "ROW('a,b',NULL)");
    assert.equal(pgToCompositeText('{"(\\"{ab}\\")",NULL}', "LIST(SET(char(2)) not null)"), "LIST{SET{'ab'},NULL}");
    assert.equal(
      pgToCompositeText('{"(1,\\"{x,\\"\\"y z\\"\\"}\\")"}', "LIST(ROW(a int, b SET(varchar(5))))"),
      "LIST{ROW(1,SET{'x','y z'})}",
    );
    assert.equal(compositeParamToPg("SET{'a',NULL}"), '{"a",NULL}');
    assert.equal(compositeParamToPg("plain text"), "plain text");
  });
});
