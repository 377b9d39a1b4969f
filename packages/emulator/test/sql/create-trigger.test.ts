// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// CREATE TRIGGER / DROP TRIGGER as the IDS Guide to SQL (Tutorial: "Create and use triggers";
// Syntax: CREATE TRIGGER) writes them: UPDATE OF with REFERENCING OLD/NEW and a WHEN condition,
// BEFORE and AFTER statement actions, EXECUTE PROCEDURE in a FOR EACH ROW action; systriggers.

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { PgliteEngine } from "../../src/engine/pglite-engine.js";
import type { EngineSession } from "../../src/engine/types.js";
import { exec, query } from "../engine/helpers.js";

const SQ_CRETRIG = 70;
const SQ_DRPTRIG = 71;

describe("CREATE TRIGGER", () => {
  let engine: PgliteEngine;
  let s: EngineSession;
  before(async () => {
    engine = await PgliteEngine.create({});
    s = engine.openSession("informix");
    await exec(s, "create database trig_db with log");
    await exec(s, "create table items (item_num int, quantity smallint)");
    await exec(s, "create table qty_log (item_num int, old_qty smallint, new_qty smallint, who char(10))");
    await exec(s, "create table stmt_log (what char(10), n int)");
    await exec(s, "insert into items values (1, 5)");
    await exec(s, "insert into items values (2, 7)");
  });
  after(async () => {
    await s.close();
    await engine.close();
  });

  it("FOR EACH ROW with REFERENCING and WHEN: the action sees the old and new rows", async () => {
    const st = await s.prepare(
      `create trigger upqty update of quantity on items referencing old as pre new as post
       for each row when (post.quantity > pre.quantity)
       (insert into qty_log values (pre.item_num, pre.quantity, post.quantity, user))`,
    );
    assert.equal(st.statementType, SQ_CRETRIG);
    await s.execute(st, []);
    await exec(s, "update items set quantity = quantity + 1 where item_num = 1");
    await exec(s, "update items set quantity = quantity - 1 where item_num = 2");
    assert.deepEqual((await query(s, "select * from qty_log")).rows, [[1, 5, 6, "informix  "]]);
  });

  it("BEFORE and AFTER run once per statement; EXECUTE PROCEDURE runs per row", async () => {
    await exec(
      s,
      `create trigger del_items delete on items
       before (insert into stmt_log values ('before', (select count(*) from items)))
       after (insert into stmt_log values ('after', (select count(*) from items)))`,
    );
    await exec(s, "create procedure note_it(n int) insert into stmt_log values ('proc', n); end procedure");
    await exec(
      s,
      "create trigger ins_items insert on items referencing new as n for each row (execute procedure note_it(n.item_num))",
    );
    await exec(s, "insert into items values (3, 1)");
    await exec(s, "delete from items where item_num > 1");
    assert.deepEqual((await query(s, "select what, n from stmt_log order by 1")).rows, [
      ["after     ", 1],
      ["before    ", 3],
      ["proc      ", 3],
    ]);
    const { rows } = await query(s, "select trigname, event from systriggers order by 1");
    assert.deepEqual(rows, [
      ["del_items", "D"],
      ["ins_items", "I"],
      ["upqty", "U"],
    ]);
  });

  it("DROP TRIGGER removes it; the table's other triggers stay", async () => {
    const st = await s.prepare("drop trigger upqty");
    assert.equal(st.statementType, SQ_DRPTRIG);
    await s.execute(st, []);
    await exec(s, "update items set quantity = quantity + 1");
    assert.equal((await query(s, "select count(*) from qty_log")).rows[0]![0], "1");
    assert.deepEqual((await query(s, "select trigname from systriggers order by 1")).rows, [
      ["del_items"],
      ["ins_items"],
    ]);
  });
});
