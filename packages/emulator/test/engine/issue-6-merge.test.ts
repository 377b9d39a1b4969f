// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// MERGE as IDS has it (UPDATE, DELETE and INSERT clauses, SET targets qualified or not), run as
// PostgreSQL's MERGE; the rows merged are the statement's row count (sqlerrd[2]) and its
// statement type is SQ_MERGE (128).

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { PgliteEngine } from "../../src/engine/pglite-engine.js";
import type { EngineSession } from "../../src/engine/types.js";
import { exec, query, rejects } from "./helpers.js";

const SQ_MERGE = 128;

describe("MERGE INTO … USING … ON … WHEN [NOT] MATCHED", () => {
  let engine: PgliteEngine;
  let s: EngineSession;
  before(async () => {
    engine = await PgliteEngine.create({});
    s = engine.openSession("informix");
    await exec(s, "create database merge_db with log");
    await exec(s, "create table stock (id serial, sku char(8) not null unique, qty integer)");
    await exec(s, "create table delivery (sku char(8), qty integer)");
    await exec(s, "insert into stock (sku, qty) values ('a', 1)");
    await exec(s, "insert into stock (sku, qty) values ('b', 2)");
    await exec(s, "insert into delivery values ('a', 10)");
    await exec(s, "insert into delivery values ('c', 5)");
  });
  after(async () => {
    await s.close();
    await engine.close();
  });

  it("updates matched rows and inserts the others; the row count is the rows merged", async () => {
    const st = await s.prepare(
      `merge into stock t using delivery d on (t.sku = d.sku)
       when matched then update set t.qty = t.qty + d.qty
       when not matched then insert (sku, qty) values (d.sku, d.qty)`,
    );
    assert.equal(st.statementType, SQ_MERGE);
    assert.equal(st.isQuery, false);
    const r = await s.execute(st, []);
    assert.equal(r.rowCount, 2);
    const { rows } = await query(s, "select sku, qty, id from stock order by sku");
    assert.deepEqual(rows, [
      ["a       ", 11, 1],
      ["b       ", 2, 2],
      ["c       ", 5, 3],
    ]);
  });

  it("deletes matched rows, with a subquery source, an AS alias and parameters", async () => {
    const r = await exec(
      s,
      `merge into stock as t using (select sku from delivery where qty > ?) as d on t.sku = d.sku
       when matched then delete`,
      [6],
    );
    assert.equal(r.rowCount, 1);
    const { rows } = await query(s, "select sku from stock order by sku");
    assert.deepEqual(rows, [["b       "], ["c       "]]);
  });

  it("a MERGE into a table that is not there is -206", async () => {
    await rejects(exec(s, "merge into nowhere t using delivery d on t.sku = d.sku when matched then delete"), -206);
  });
});
