// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { PgliteEngine } from "../../src/engine/pglite-engine.js";
import type { EngineSession } from "../../src/engine/types.js";
import { exec, query, rejects } from "./helpers.js";

describe("catalog and the demo database", () => {
  let engine: PgliteEngine;
  let s: EngineSession;
  before(async () => {
    engine = await PgliteEngine.create({ demo: true, serverName: "ol_emu", hostName: "emuhost" });
    s = engine.openSession("informix");
    await s.openDatabase("stores_demo", false);
  });
  after(async () => {
    await s.close();
    await engine.close();
  });

  it("stores_demo is logged and filled", async () => {
    assert.equal(s.database?.logged, true);
    assert.ok((await engine.listDatabases()).includes("stores_demo"));
    const counts: Record<string, unknown> = {};
    for (const t of ["customer", "orders", "items", "stock", "manufact", "state", "call_type", "cust_calls"]) {
      // COUNT is DECIMAL(15,0), an exact string (issue 6).
      counts[t] = (await query(s, `select count(*) from ${t}`)).rows[0]?.[0];
    }
    assert.deepEqual(counts, {
      customer: "28",
      orders: "23",
      items: "67",
      stock: "73",
      manufact: "9",
      state: "52",
      call_type: "5",
      cust_calls: "7",
    });
    const c = await query(s, "select fname, lname from customer where customer_num = 101");
    assert.deepEqual(c.rows, [["Ludwig         ", "Pauli          "]]);
  });

  it("systables lists user tables with tabid >= 100 and catalog tables below", async () => {
    const { rows } = await query(
      s,
      "select tabname, tabtype from 'informix'.systables where tabid >= 100 and tabtype = 'T' order by tabname",
    );
    assert.deepEqual(
      rows.map((r) => r[0]),
      ["call_type", "cust_calls", "customer", "items", "manufact", "orders", "state", "stock"],
    );
    const sys = await query(s, 'select tabname from "informix".systables where tabid = 1');
    assert.deepEqual(sys.rows, [["systables"]]);
  });

  it("syscolumns carries Informix coltype (+256 NOT NULL) and collength", async () => {
    const { rows } = await query(
      s,
      `select c.colname, c.coltype, c.collength from stores_demo:syscolumns c, stores_demo:systables t
       where c.tabid = t.tabid and t.tabname = 'orders' order by c.colno`,
    );
    assert.deepEqual(rows, [
      ["order_num", 262, 4],
      ["order_date", 7, 4],
      ["customer_num", 258, 4],
      ["ship_instruct", 0, 40],
      ["backlog", 0, 1],
      ["po_num", 0, 10],
      ["ship_date", 7, 4],
      ["ship_weight", 5, (8 << 8) | 2],
      ["ship_charge", 8, (6 << 8) | 2],
      ["paid_date", 7, 4],
    ]);
  });

  it("sysindexes and sysconstraints describe keys", async () => {
    const idx = await query(
      s,
      "select idxname, idxtype, part1, part2 from sysindexes i, systables t where i.tabid = t.tabid and t.tabname = 'stock' order by idxname",
    );
    // stock's foreign key (manu_code, column 2) has the index IDS gives every foreign key,
    // system-named " <tabid>_<constrid>" and joined from sysconstraints.idxname.
    assert.equal(idx.rows.length, 2);
    const [fk, pk] = idx.rows as [string, string, number, number][];
    assert.match(fk[0], /^ \d+_\d+$/);
    assert.deepEqual(fk.slice(1), ["D", 2, 0]);
    assert.deepEqual(pk, ["stock_pkey", "U", 1, 2]);
    const via = await query(
      s,
      "select i.part1 from sysconstraints c, sysindexes i, systables t where c.tabid = t.tabid and t.tabname = 'stock' and c.constrtype = 'R' and i.idxname = c.idxname and i.tabid = c.tabid",
    );
    assert.deepEqual(via.rows, [[2]]);
    const cons = await query(
      s,
      "select constrtype from sysconstraints c, systables t where c.tabid = t.tabid and t.tabname = 'items' and constrtype <> 'N' order by constrtype",
    );
    assert.deepEqual(
      cons.rows.map((r) => r[0]),
      ["C", "P", "R", "R"],
    );
  });

  it("issue 6: LIKE ignores CHAR trailing blanks; ':' in a DATETIME literal is no placeholder", async () => {
    const like = await query(s, "select count(*) from systables where tabname = 'stock' and owner like 'informix'");
    assert.deepEqual(like.rows, [["1"]]);
    const notLike = await query(
      s,
      "select count(*) from systables where tabname = 'stock' and owner not like 'informix'",
    );
    assert.deepEqual(notLike.rows, [["0"]]);
    const dt = await query(
      s,
      "select count(*) from systables where tabname = 'stock' and DATETIME(2030-01-01 10:30:00) YEAR TO SECOND > DATETIME(2029-12-31 23:59:59) YEAR TO SECOND",
    );
    assert.deepEqual(dt.rows, [["1"]]);
  });

  it("answers a JDBC getColumns-like join and nmap's table query", async () => {
    const { rows } = await query(
      s,
      `select t.tabname, c.colname, c.coltype, c.collength from systables t, outer syscolumns c
       where t.tabid = c.tabid and t.tabname matches 'cust*' and t.tabtype = 'T' order by t.tabname, c.colno`,
    );
    assert.equal(rows.length, 17);
    const nmap = await query(
      s,
      "select first 2 tabname, dbinfo('dbhostname'), dbinfo('version','full') from systables where tabid >= 100 order by tabname",
    );
    assert.equal(nmap.rows[0]?.[1], "emuhost");
  });

  it("old outer join, MATCHES, DECODE, units and date functions on demo data", async () => {
    const outer = await query(
      s,
      `select c.customer_num, o.order_num from customer c, outer orders o
       where c.customer_num = o.customer_num and c.customer_num in (101, 102) order by 1, 2`,
    );
    assert.ok(outer.rows.some((r) => r[1] === null));
    const m = await query(s, "select count(*) from state where sname matches 'N*'");
    assert.deepEqual(m.rows, [["8"]]);
    const d = await query(
      s,
      "select decode(code, 'CA', 'home', 'away'), mdy(2, 29, 2024) + 1 units day, year(today) - year(today) from state where code = 'CA'",
    );
    assert.deepEqual(d.rows[0]?.slice(0, 1), ["home"]);
    assert.equal(d.rows[0]?.[2], 0);
  });

  it("CREATE VIEW and DROP TABLE keep the side catalog in step", async () => {
    await exec(s, "create view ca_customers as select customer_num, fname from customer where state = 'CA'");
    const v = await query(s, "select * from ca_customers where customer_num = 101");
    assert.deepEqual(
      v.columns.map((c) => [c.name, c.type, c.encodedLength]),
      [
        ["customer_num", 6, 4],
        ["fname", 0, 15],
      ],
    );
    const tab = await query(s, "select tabtype from systables where tabname = 'ca_customers'");
    assert.deepEqual(tab.rows, [["V"]]);
    await exec(s, "drop view ca_customers");
    const gone = await query(s, "select count(*) from systables where tabname = 'ca_customers'");
    assert.deepEqual(gone.rows, [["0"]]);
  });

  it("character subscripts, INSTR, HEX, NVL2 and the month functions, named (expression) as IDS names them", async () => {
    const sub = await query(s, "select lname[1,3], c.lname[2], fname from customer c where customer_num = 101");
    assert.deepEqual(sub.rows, [["Pau", "a", "Ludwig         "]]);
    assert.deepEqual(
      sub.columns.map((c) => c.name),
      ["(expression)", "(expression)", "fname"],
    );
    const where = await query(s, "select count(*) from customer where lname[1,1] = 'P'");
    const like = await query(s, "select count(*) from customer where lname like 'P%'");
    assert.deepEqual(where.rows, like.rows);
    assert.notDeepEqual(where.rows, [["0"]]);
    await rejects(query(s, "select lname[3,1] from customer"), -201);
    const f = await query(
      s,
      `select instr('hello world', 'o'), instr('hello world', 'o', 6), instr('hello world', 'o', 1, 2),
              instr('abc', 'z'), hex(255), hex(-1), nvl2(null, 1, 2), nvl2('x', 3, 4), upper('a') as up
         from systables where tabid = 1`,
    );
    assert.deepEqual(f.rows, [[5, 8, 8, 0, "0x000000FF", "0xFFFFFFFF", 2, 3, "A"]]);
    assert.deepEqual(
      f.columns.map((c) => c.name),
      [...Array(8).fill("(expression)"), "up"],
    );
    const m = await query(
      s,
      `select add_months(mdy(1, 31, 2026), 1), last_day(mdy(2, 10, 2024)),
              months_between(mdy(3, 31, 2026), mdy(1, 31, 2026)), months_between(mdy(1, 16, 2026), mdy(1, 1, 2026))
         from systables where tabid = 1`,
    );
    assert.equal(String(m.rows[0]?.[0]), "2026-02-28");
    assert.equal(String(m.rows[0]?.[1]), "2024-02-29");
    assert.equal(Number(m.rows[0]?.[2]), 2);
    assert.equal(Number(m.rows[0]?.[3]).toFixed(4), (15 / 31).toFixed(4));
  });

  it("CREATE TABLE IF NOT EXISTS leaves an existing table, its SERIAL counter and its catalog rows alone", async () => {
    await exec(s, "create table ine (id serial, v int)");
    await exec(s, "insert into ine (v) values (1)");
    const coltypes =
      "select colname, coltype from syscolumns c, systables t where c.tabid = t.tabid and t.tabname = 'ine' order by colno";
    const before = (await query(s, coltypes)).rows;
    // The same name with other columns: IDS does nothing, so neither may the side catalog.
    await exec(s, "create table if not exists ine (id integer, v int, w char(3))");
    assert.deepEqual((await query(s, coltypes)).rows, before);
    assert.equal((await exec(s, "insert into ine (v) values (2)")).serial, 2);
    await exec(s, "create table if not exists ine_new (id serial)");
    assert.equal((await exec(s, "insert into ine_new values (0)")).serial, 1);
    await exec(s, "drop table ine");
    await exec(s, "drop table ine_new");
  });
});
