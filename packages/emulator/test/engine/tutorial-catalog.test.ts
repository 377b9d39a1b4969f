// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The catalog tables systables lists answer a SELECT with the columns the IDS Guide to SQL:
// Reference gives them: sysviews, syschecks, sysdepend, syssequences, sysusers, sysindices,
// syssynonyms and syscoldepend.

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { PgliteEngine } from "../../src/engine/pglite-engine.js";
import type { EngineSession } from "../../src/engine/types.js";
import { exec, query } from "./helpers.js";

describe("more catalog tables", () => {
  let engine: PgliteEngine;
  let s: EngineSession;
  before(async () => {
    engine = await PgliteEngine.create({});
    s = engine.openSession("informix");
    await exec(s, "create database cat_db with log");
    await exec(s, "create table items (item_num int, quantity smallint check (quantity >= 1) constraint ck_qty)");
    await exec(s, "create view big_items as select item_num from items where quantity > 10");
    await exec(s, "create sequence ord_seq start with 10 increment by 5");
    await exec(s, "create index qty_ix on items (quantity)");
  });
  after(async () => {
    await s.close();
    await engine.close();
  });

  const tabid = async (name: string) =>
    (await query(s, "select tabid from systables where tabname = ?", [name])).rows[0]![0];

  it("sysviews holds the view's text in CHAR(64) pieces; sysdepend links it to its table", async () => {
    const view = await tabid("big_items");
    const { rows, columns } = await query(s, "select tabid, seqno, viewtext from sysviews order by seqno");
    assert.deepEqual(
      columns.map((c) => c.name),
      ["tabid", "seqno", "viewtext"],
    );
    assert.ok(rows.every((r) => r[0] === view && String(r[2]).length === 64));
    assert.match(
      rows.map((r) => r[2]).join(""),
      /^create view big_items as select item_num from items where quantity > 10 *$/,
    );
    assert.deepEqual((await query(s, "select btabid, btype, dtabid, dtype from sysdepend")).rows, [
      [await tabid("items"), "T", view, "V"],
    ]);
  });

  it("syschecks has the check's text; sysindices lists the indexes", async () => {
    const { rows } = await query(
      s,
      "select k.type, k.seqno, k.checktext from syschecks k, sysconstraints c where k.constrid = c.constrid and c.constrname = 'ck_qty'",
    );
    assert.equal(rows.length, 1);
    assert.equal(rows[0]![0], "T");
    assert.match(String(rows[0]![2]), /quantity >= 1/);
    const idx = await query(s, "select idxname, idxtype from sysindices where tabid = ?", [await tabid("items")]);
    assert.deepEqual(idx.rows, [["qty_ix", "D"]]);
  });

  it("syssequences, sysusers, syssynonyms and syscoldepend", async () => {
    assert.deepEqual((await query(s, "select start_val, inc_val, cycle from syssequences")).rows, [[10n, 5n, "0"]]);
    assert.deepEqual((await query(s, "select trim(username), usertype from sysusers order by 2 desc")).rows, [
      ["informix", "D"],
      ["public", "C"],
    ]);
    assert.deepEqual((await query(s, "select * from syssynonyms")).rows, []); // no synonym made here
    assert.deepEqual((await query(s, "select * from syscoldepend")).rows, []);
  });
});
