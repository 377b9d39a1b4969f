// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Hierarchical queries (IDS Guide to SQL: Syntax, "Hierarchical Clause"): START WITH … CONNECT BY
// [NOCYCLE] PRIOR …, LEVEL, CONNECT_BY_ISLEAF, CONNECT_BY_ROOT, SYS_CONNECT_BY_PATH and ORDER
// SIBLINGS BY over the guide's employee table shape.

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { PgliteEngine } from "../../src/engine/pglite-engine.js";
import type { EngineSession } from "../../src/engine/types.js";
import { exec, query } from "../engine/helpers.js";

describe("START WITH … CONNECT BY", () => {
  let engine: PgliteEngine;
  let s: EngineSession;
  before(async () => {
    engine = await PgliteEngine.create({});
    s = engine.openSession("informix");
    await exec(s, "create database tree_db with log");
    await exec(s, "create table employee (empid int, name varchar(10), mgrid int)");
    for (const [id, name, mgr] of [
      [1, "Goyal", "NULL"],
      [2, "Zander", 1],
      [3, "McKeough", 2],
      [4, "Barnes", 2],
      [5, "Henry", 1],
    ] as const) {
      await exec(s, `insert into employee values (${id}, '${name}', ${mgr})`);
    }
  });
  after(async () => {
    await s.close();
    await engine.close();
  });

  it("walks down from the START WITH rows; LEVEL counts from 1", async () => {
    const { rows, columns } = await query(
      s,
      "select empid, name, level from employee start with name = 'Goyal' connect by prior empid = mgrid order by 3, 1",
    );
    assert.deepEqual(
      columns.map((c) => c.name),
      ["empid", "name", "level"],
    );
    assert.deepEqual(rows, [
      [1, "Goyal", 1],
      [2, "Zander", 2],
      [5, "Henry", 2],
      [3, "McKeough", 3],
      [4, "Barnes", 3],
    ]);
  });

  it("ORDER SIBLINGS BY: depth first, siblings sorted; the path, leaf flag, root and parent", async () => {
    const { rows } = await query(
      s,
      `select name, sys_connect_by_path(name, '/'), connect_by_isleaf, connect_by_root name, prior name
       from employee start with mgrid is null connect by prior empid = mgrid order siblings by name`,
    );
    assert.deepEqual(rows, [
      ["Goyal", "/Goyal", 0, "Goyal", null],
      ["Henry", "/Goyal/Henry", 1, "Goyal", "Goyal"],
      ["Zander", "/Goyal/Zander", 0, "Goyal", "Goyal"],
      ["Barnes", "/Goyal/Zander/Barnes", 1, "Goyal", "Zander"],
      ["McKeough", "/Goyal/Zander/McKeough", 1, "Goyal", "Zander"],
    ]);
  });

  it("WHERE filters after the walk; CONNECT BY may come first and PRIOR on either side; aliases", async () => {
    const where = await query(
      s,
      "select e.name from employee e where level > 2 start with e.empid = 1 connect by prior e.empid = e.mgrid order by 1",
    );
    assert.deepEqual(where.rows, [["Barnes"], ["McKeough"]]);
    const swapped = await query(
      s,
      "select * from employee connect by mgrid = prior empid start with empid = 2 order by 1",
    );
    assert.deepEqual(swapped.rows, [
      [2, "Zander", 1],
      [3, "McKeough", 2],
      [4, "Barnes", 2],
    ]);
  });

  it("NOCYCLE stops at a row already on the path; aggregates over the hierarchy", async () => {
    await exec(s, "begin work");
    await exec(s, "update employee set mgrid = 3 where empid = 1");
    const { rows } = await query(
      s,
      "select count(*), max(level) from employee start with empid = 1 connect by nocycle prior empid = mgrid",
    );
    assert.deepEqual(rows, [["5", 3]]);
    await exec(s, "rollback work");
  });
});
