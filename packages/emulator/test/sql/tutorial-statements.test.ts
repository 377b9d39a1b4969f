// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Statement forms from the IDS Guide to SQL (Tutorial: "Create advanced joins", "Modify data";
// Syntax: SELECT, DELETE, UPDATE): the OUTER keyword over a parenthesised group of tables
// (nested or not), MINUS, DELETE without FROM and UPDATE with an alias that qualifies the
// SET targets.

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { PgliteEngine } from "../../src/engine/pglite-engine.js";
import type { EngineSession } from "../../src/engine/types.js";
import { exec, query, rejects } from "../engine/helpers.js";

describe("Informix statement forms", () => {
  let engine: PgliteEngine;
  let s: EngineSession;
  before(async () => {
    engine = await PgliteEngine.create({});
    s = engine.openSession("informix");
    await exec(s, "create database forms_db with log");
    await exec(s, "create table customer (customer_num int, lname char(10))");
    await exec(s, "create table orders (order_num int, customer_num int)");
    await exec(s, "create table items (item_num int, order_num int)");
    for (const sql of [
      "insert into customer values (101, 'Pauli')",
      "insert into customer values (102, 'Sadler')",
      "insert into customer values (103, 'Currie')",
      "insert into orders values (1001, 101)",
      "insert into orders values (1002, 102)",
      "insert into items values (1, 1001)",
      "insert into items values (2, 1001)",
    ]) {
      await exec(s, sql);
    }
  });
  after(async () => {
    await s.close();
    await engine.close();
  });

  it("OUTER (o, i): the group is joined inside and outer-joined to the dominant table", async () => {
    // Tutorial: every customer; orders with their items where both exist, else NULLs.
    const { rows, columns } = await query(
      s,
      `select c.customer_num, o.order_num, i.item_num from customer c, outer (orders o, items i)
       where c.customer_num = o.customer_num and o.order_num = i.order_num order by 1, 3`,
    );
    assert.deepEqual(
      columns.map((c) => c.name),
      ["customer_num", "order_num", "item_num"],
    );
    assert.deepEqual(rows, [
      [101, 1001, 1],
      [101, 1001, 2],
      [102, null, null],
      [103, null, null],
    ]);
  });

  it("OUTER (o, OUTER i) nests: an order without items keeps its row", async () => {
    const { rows } = await query(
      s,
      `select c.customer_num, o.order_num, i.item_num from customer c, outer (orders o, outer items i)
       where c.customer_num = o.customer_num and o.order_num = i.order_num order by 1, 3`,
    );
    assert.deepEqual(rows, [
      [101, 1001, 1],
      [101, 1001, 2],
      [102, 1002, null],
      [103, null, null],
    ]);
  });

  it("TABLE(MULTISET(SELECT …)) is a derived table of the subquery's rows", async () => {
    const { rows } = await query(
      s,
      "select * from table(multiset(select customer_num from customer where customer_num < 103)) order by 1",
    );
    assert.deepEqual(rows, [[101], [102]]);
    const aliased = await query(
      s,
      "select count(*) from table(multiset(select order_num from orders)) o where o.order_num > 1001",
    );
    assert.deepEqual(aliased.rows, [["1"]]);
  });

  it("a CHAR value against a number converts the text, as IDS does (-1213 when it is not a number)", async () => {
    await exec(s, "create table zips (zip char(5), city char(10))");
    await exec(s, "insert into zips values ('94086', 'Sunnyvale')");
    await exec(s, "insert into zips values ('10001', 'New York')");
    assert.deepEqual((await query(s, "select city from zips where zip = 94086")).rows, [["Sunnyvale "]]);
    assert.deepEqual((await query(s, "select zip + 1 from zips where zip between 10000 and 20000")).rows, [["10002"]]);
    // A quoted string still compares as text.
    assert.deepEqual((await query(s, "select city from zips where zip = '9408x'")).rows, []);
    await rejects(query(s, "select zip from zips where city = 5"), -1213);
  });

  it("MINUS is EXCEPT", async () => {
    const { rows } = await query(
      s,
      "select customer_num from customer minus select customer_num from orders order by 1",
    );
    assert.deepEqual(rows, [[103]]);
  });

  it("UPDATE t alias SET alias.col = … and DELETE without FROM", async () => {
    await exec(s, "begin work");
    const up = await exec(
      s,
      "update customer c set c.lname = 'X', c.customer_num = c.customer_num + 100 where c.customer_num = 103",
    );
    assert.equal(up.rowCount, 1);
    assert.deepEqual((await query(s, "select lname from customer where customer_num = 203")).rows, [["X         "]]);
    const del = await exec(s, "delete customer where customer_num = 203");
    assert.equal(del.rowCount, 1);
    assert.deepEqual((await query(s, "select count(*) from customer")).rows, [["2"]]);
    await exec(s, "rollback work");
  });

  it("storage clauses change nothing: MODIFY NEXT SIZE / EXTENT SIZE, TYPE (…), CREATE/DROP INDEX … ONLINE", async () => {
    await exec(s, "alter table items modify next size 32");
    await exec(s, "alter table items modify extent size 16");
    await exec(s, "alter table items type (standard)");
    await exec(s, "create index items_ix on items (order_num) online");
    await exec(s, "drop index items_ix online");
    assert.deepEqual((await query(s, "select count(*) from sysindexes where idxname = 'items_ix'")).rows, [["0"]]);
    assert.deepEqual((await query(s, "select count(*) from items")).rows, [["2"]]);
  });
});
