// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { ERROR_TEXTS } from "../../src/engine/error-codes.js";
import { InformixSqlError } from "../../src/engine/informix-sql-error.js";
import { PgliteEngine } from "../../src/engine/pglite-engine.js";
import type { EngineSession } from "../../src/engine/types.js";
import { exec, query, rejects } from "./helpers.js";

describe("error mapping", () => {
  let engine: PgliteEngine;
  let s: EngineSession;
  before(async () => {
    engine = await PgliteEngine.create({});
    s = engine.openSession("informix");
    await exec(s, "create database errs with log");
    await exec(
      s,
      "create table p (id int primary key, u char(3), n int not null, c int check (c > 0) constraint c_pos)",
    );
    await exec(s, "create unique index p_u on p (u)");
    await exec(s, "create table ch (id int, pid int references p (id) constraint fk_ch)");
    await exec(s, "insert into p values (1, 'a', 1, 1)");
    await exec(s, "insert into ch values (1, 1)");
  });
  after(async () => {
    await s.close();
    await engine.close();
  });

  it("-201 syntax error with the 1-based offset", async () => {
    await assert.rejects(s.prepare("select * fromm p"), (e: unknown) => {
      assert.ok(e instanceof InformixSqlError);
      assert.equal(e.sqlcode, -201);
      assert.equal(e.offset, 10);
      return true;
    });
    await rejects(s.prepare("select 'abc from p"), -201);
  });

  it("-206 / -217 / -310 / -316 / -236", async () => {
    await rejects(s.prepare("select * from nosuch"), -206, -111, "nosuch");
    await rejects(s.prepare("select nosuchcol from p"), -217, -111, "nosuchcol");
    await rejects(exec(s, "create table p (a int)"), -310, -111, "p");
    await rejects(exec(s, "create index p_u on p (n)"), -316);
    await rejects(s.prepare("insert into p (id) values (1, 2)"), -236);
  });

  it("-268 unique constraint, -239 unique index, both ISAM -100", async () => {
    await rejects(exec(s, "insert into p values (1, 'b', 1, 1)"), -268, -100, "p_pkey");
    await rejects(exec(s, "insert into p values (2, 'a', 1, 1)"), -239, -100);
  });

  it("-391 NULL into NOT NULL, -530 check, -691/-692 referential", async () => {
    await rejects(exec(s, "insert into p values (3, 'c', null, 1)"), -391, 0, "p.n");
    await rejects(exec(s, "insert into p values (3, 'c', 1, -1)"), -530, 0, "c_pos");
    await rejects(exec(s, "insert into ch values (2, 99)"), -691, -111, "fk_ch");
    await rejects(exec(s, "delete from p where id = 1"), -692, -111, "fk_ch");
  });

  it("conversion errors: -1202, -1213, -1218, -1262, -1226, -1215", async () => {
    await rejects(query(s, "select 1 / 0 from p"), -1202);
    await rejects(query(s, "select id from p where id = ?", ["abc"]), -1213);
    await rejects(query(s, "select ifx.date('notadate') from p"), -1218);
    await rejects(query(s, "select datetime(2024-xx-01) year to day from p"), -1262);
    await exec(s, "create table dec (d decimal(5,2), i smallint)");
    await rejects(exec(s, "insert into dec values (12345.6, 1)"), -1226);
    await rejects(exec(s, "insert into dec values (1, 70000)"), -1215);
  });

  it("-254 wrong number of parameters, -349 no database", async () => {
    await rejects(exec(s, "insert into dec values (?, ?)", [1]), -254);
    const t = engine.openSession("informix");
    await rejects(t.prepare("select * from p"), -349);
    await t.close();
  });

  it("every produced code has a catalogue text", () => {
    for (const code of [
      -201, -206, -217, -239, -244, -255, -256, -268, -310, -329, -330, -391, -535, -691, -692, -1202,
    ]) {
      assert.ok(ERROR_TEXTS[code], `text for ${code}`);
    }
  });
});
