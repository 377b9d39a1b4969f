// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { PgliteEngine } from "../../src/engine/pglite-engine.js";
import { exec, query, rejects } from "./helpers.js";

describe("databases and transactions", () => {
  let engine: PgliteEngine;
  before(async () => {
    engine = await PgliteEngine.create({});
  });
  after(async () => {
    await engine.close();
  });

  it("creates, lists, opens, closes and drops databases", async () => {
    const s = engine.openSession("informix");
    await exec(s, "create database tx_plain");
    assert.equal(s.database?.name, "tx_plain");
    assert.equal(s.database?.logged, false);
    assert.ok((await engine.listDatabases()).includes("tx_plain"));
    await rejects(exec(s, "create database tx_plain"), -330, -100);
    await exec(s, "close database");
    assert.equal(s.database, null);
    await rejects(s.openDatabase("nosuchdb", false), -329, -111, "nosuchdb");
    const info = await s.openDatabase("tx_plain", false);
    assert.equal(info.name, "tx_plain");
    await rejects(exec(s, "drop database tx_plain"), -425);
    await s.closeDatabase();
    await exec(s, "drop database tx_plain");
    await rejects(exec(s, "drop database tx_plain"), -329, -111);
    await rejects(exec(s, "database tx_plain"), -329);
    const { rows } = await query(
      await (async () => {
        await s.openDatabase("sysmaster", false);
        return s;
      })(),
      "select count(*) from sysdual",
    );
    assert.deepEqual(rows, [["1"]]);
    await s.close();
  });

  it("reports logging kinds in sysmaster:sysdatabases", async () => {
    const s = engine.openSession("informix");
    await exec(s, "create database tx_log with log");
    await exec(s, "create database tx_buf with buffered log");
    await exec(s, "create database tx_ansi with log mode ansi");
    const { rows } = await query(
      s,
      "select name, is_logging, is_buff_log, is_ansi from sysmaster:sysdatabases where name matches 'tx_*' order by name",
    );
    assert.deepEqual(rows, [
      ["tx_ansi", 1, 0, 1],
      ["tx_buf", 1, 1, 0],
      ["tx_log", 1, 0, 0],
    ]);
    await s.close();
  });

  it("unlogged database: no transactions (-256)", async () => {
    const s = engine.openSession("informix");
    await exec(s, "create database tx_nolog");
    await rejects(exec(s, "begin work"), -256);
    await rejects(s.commit(), -256);
    await rejects(s.rollback(), -256);
    await exec(s, "create table t (a int)");
    await exec(s, "insert into t values (1)");
    assert.equal(s.inTransaction, false);
    await s.close();
  });

  it("logged database: BEGIN/COMMIT/ROLLBACK rules (-255, -535) and autocommit", async () => {
    const s = engine.openSession("informix");
    await s.openDatabase("tx_log", false);
    await exec(s, "create table t (a int)");
    await rejects(exec(s, "commit work"), -255);
    await rejects(exec(s, "rollback work"), -255);
    await exec(s, "begin work");
    assert.equal(s.inTransaction, true);
    await rejects(exec(s, "begin work"), -535);
    await exec(s, "insert into t values (1)");
    await exec(s, "rollback work");
    assert.equal(s.inTransaction, false);
    assert.deepEqual((await query(s, "select count(*) from t")).rows, [["0"]]);
    await exec(s, "insert into t values (2)");
    await exec(s, "begin");
    await exec(s, "insert into t values (3)");
    await exec(s, "commit");
    assert.deepEqual((await query(s, "select a from t order by a")).rows, [[2], [3]]);
    await s.close();
  });

  it("a failing statement inside a transaction is undone alone", async () => {
    const s = engine.openSession("informix");
    await s.openDatabase("tx_log", false);
    await exec(s, "create table u (a int primary key)");
    await exec(s, "begin work");
    await exec(s, "insert into u values (1)");
    await rejects(exec(s, "insert into u values (1)"), -268, -100);
    await exec(s, "insert into u values (2)");
    await exec(s, "commit work");
    assert.deepEqual((await query(s, "select a from u order by a")).rows, [[1], [2]]);
    await s.close();
  });

  it("savepoints only inside transactions", async () => {
    const s = engine.openSession("informix");
    await s.openDatabase("tx_log", false);
    await exec(s, "create table sp (a int)");
    await rejects(exec(s, "savepoint s1"), -255);
    await exec(s, "begin work");
    await exec(s, "insert into sp values (1)");
    await exec(s, "savepoint s1 unique");
    await rejects(exec(s, "savepoint s1"), -8304);
    await exec(s, "insert into sp values (2)");
    await exec(s, "rollback work to savepoint s1");
    await rejects(exec(s, "release savepoint nope"), -8303);
    await exec(s, "release savepoint s1");
    await exec(s, "commit work");
    assert.deepEqual((await query(s, "select a from sp")).rows, [[1]]);
    await s.close();
  });

  it("ANSI database: the first statement opens a transaction", async () => {
    const s = engine.openSession("informix");
    await s.openDatabase("tx_ansi", false);
    await exec(s, "create table a (x int)");
    assert.equal(s.inTransaction, true);
    await exec(s, "commit work");
    assert.equal(s.inTransaction, false);
    await exec(s, "commit work");
    await exec(s, "insert into a values (1)");
    assert.equal(s.inTransaction, true);
    await exec(s, "rollback work");
    assert.deepEqual((await query(s, "select count(*) from a")).rows, [["0"]]);
    await exec(s, "commit");
    await s.close();
  });

  it("session close rolls back an open transaction", async () => {
    const s = engine.openSession("informix");
    await s.openDatabase("tx_log", false);
    await exec(s, "create table cl (a int)");
    await exec(s, "begin work");
    await exec(s, "insert into cl values (1)");
    await s.close();
    const t = engine.openSession("informix");
    await t.openDatabase("tx_log", false);
    assert.deepEqual((await query(t, "select count(*) from cl")).rows, [["0"]]);
    await t.close();
  });

  it("transactionLevel follows the transaction state, for SQ_XACTSTAT", async () => {
    const s = engine.openSession("informix");
    assert.equal(s.transactionLevel, 0);
    await exec(s, "create database tx_lvl with log");
    await exec(s, "create table lv (a int)");
    assert.equal(s.transactionLevel, 0);
    await s.begin();
    assert.equal(s.transactionLevel, 1);
    await rejects(exec(s, "insert into lv values ('x')"), -1213);
    assert.equal(s.transactionLevel, 1, "a failing statement leaves the transaction open");
    await exec(s, "savepoint sv");
    assert.equal(s.transactionLevel, 1, "savepoints do not change the level");
    await s.rollbackToSavepoint("sv");
    await exec(s, "commit work");
    assert.equal(s.transactionLevel, 0);
    await exec(s, "begin work");
    assert.equal(s.transactionLevel, 1);
    await s.rollback();
    assert.equal(s.transactionLevel, 0);
    await exec(s, "insert into lv values (1)");
    assert.equal(s.transactionLevel, 0, "autocommit statements open no transaction");

    await exec(s, "create database tx_lvl_ansi with log mode ansi");
    assert.equal(s.transactionLevel, 0);
    await exec(s, "create table la (a int)");
    assert.equal(s.transactionLevel, 1, "the first statement opens the ANSI transaction");
    await s.commit();
    assert.equal(s.transactionLevel, 0);
    const insert = await s.prepare("insert into la values (?)");
    assert.equal(s.transactionLevel, 0, "PREPARE opens no transaction");
    await rejects(s.execute(insert, ["x"]), -1213);
    assert.equal(s.transactionLevel, 1, "even when it fails");
    await s.close();
    assert.equal(s.transactionLevel, 0, "close rolls back");

    const u = engine.openSession("informix");
    await exec(u, "create database tx_lvl_plain");
    await exec(u, "create table lp (a int)");
    await rejects(u.begin(), -256);
    assert.equal(u.transactionLevel, 0, "an unlogged database never has a transaction");
    await u.close();
  });
});
