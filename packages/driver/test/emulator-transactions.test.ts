// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Transactions against the emulator on logged, unlogged and ANSI databases.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type RunningEmulator, startEmulator } from "@informix-db/emulator";
import { type Connection, connect, InformixError } from "informix-db";

let emu: RunningEmulator;
const opts = (database?: string) => ({
  host: emu.host,
  port: emu.port,
  user: "informix",
  password: "in4mix",
  server: "informix",
  ...(database ? { database } : {}),
});
const count = async (c: Connection, table: string) =>
  Number((await c.query(`SELECT COUNT(*) AS n FROM ${table}`)).rows[0]!["n"]);

before(async () => {
  emu = await startEmulator({ port: 0 });
  await using admin = await connect(opts());
  await admin.query("CREATE DATABASE tlog WITH LOG");
  await admin.query("CREATE DATABASE tnolog");
  await admin.query("CREATE DATABASE tansi WITH LOG MODE ANSI");
  for (const db of ["tlog", "tnolog", "tansi"]) {
    await admin.selectDatabase(db);
    await admin.query("CREATE TABLE t (id INT, v VARCHAR(10))");
  }
});

after(async () => {
  await emu?.close();
});

test("logged database: begin/commit/rollback and transaction(fn)", async () => {
  await using conn = await connect(opts("tlog"));
  await using other = await connect(opts("tlog"));
  assert.deepEqual(conn.databaseInfo, { name: "tlog", logged: true, ansi: false, buffered: true, readOnly: false });
  await conn.begin();
  assert.equal(conn.inTransaction, true);
  await conn.query("INSERT INTO t VALUES (?, ?)", [1, "a"]);
  await conn.rollback();
  assert.equal(conn.inTransaction, false);
  assert.equal(await count(conn, "t"), 0);
  await conn.begin();
  await assert.rejects(conn.begin(), { sqlcode: -535, code: "INVALID_STATE" });
  await conn.query("INSERT INTO t VALUES (?, ?)", [2, "b"]);
  await conn.commit();
  assert.equal(await count(other, "t"), 1);
  const value = await conn.transaction(async (tx) => {
    await tx.query("INSERT INTO t VALUES (?, ?)", [3, "c"]);
    return "ok";
  });
  assert.equal(value, "ok");
  assert.equal(await count(other, "t"), 2);
  await assert.rejects(
    conn.transaction(async (tx) => {
      await tx.query("INSERT INTO t VALUES (?, ?)", [4, "d"]);
      throw new Error("boom");
    }),
    /boom/,
  );
  assert.equal(conn.inTransaction, false);
  assert.equal(await count(conn, "t"), 2);
  // Autocommit outside transactions: another session sees each statement at once.
  await conn.query("INSERT INTO t VALUES (5, 'e')");
  assert.equal(await count(other, "t"), 3);
  await conn.commit();
});

test("savepoints: set, roll back to, release", async () => {
  await using conn = await connect(opts("tlog"));
  await conn.query("DELETE FROM t");
  await conn.transaction(async (tx) => {
    await tx.query("INSERT INTO t VALUES (10, 'x')");
    await tx.savepoint("sp1");
    await tx.query("INSERT INTO t VALUES (11, 'y')");
    await tx.rollbackTo("sp1");
    await tx.savepoint("sp2");
    await tx.release("sp2");
    await assert.rejects(tx.rollbackTo("nosuch"), (e: unknown) => e instanceof InformixError && e.sqlcode === -8303);
  });
  assert.deepEqual((await conn.query("SELECT id FROM t ORDER BY id")).rows, [{ id: 10 }]);
  await assert.rejects(conn.savepointCommand("setsavepoint", "x", {}), { code: "INVALID_STATE" });
});

test("unlogged database: begin is a typed error, statements work", async () => {
  await using conn = await connect(opts("tnolog"));
  assert.deepEqual(conn.databaseInfo, { name: "tnolog", logged: false, ansi: false, buffered: false, readOnly: false });
  await assert.rejects(conn.begin(), (e: unknown) => {
    assert.ok(e instanceof InformixError);
    assert.equal(e.code, "NOT_SUPPORTED");
    assert.equal(e.sqlcode, -256);
    assert.match(e.message, /Transactions are not supported/);
    return true;
  });
  await assert.rejects(
    conn.transaction(async () => 1),
    { code: "NOT_SUPPORTED" },
  );
  await conn.query("INSERT INTO t VALUES (?, ?)", [1, "a"]);
  assert.equal(await count(conn, "t"), 1);
  assert.equal(conn.state, "idle");
});

test("ANSI database: implicit transactions, autocommit outside explicit ones", async () => {
  await using conn = await connect(opts("tansi"));
  await using other = await connect(opts("tansi"));
  assert.deepEqual(conn.databaseInfo, { name: "tansi", logged: true, ansi: true, buffered: false, readOnly: false });
  await conn.query("INSERT INTO t VALUES (?, ?)", [1, "a"]);
  assert.equal(await count(other, "t"), 1, "committed after the statement");
  await conn.begin();
  await conn.query("INSERT INTO t VALUES (?, ?)", [2, "b"]);
  await conn.rollback();
  assert.equal(await count(conn, "t"), 1);
  await conn.transaction(async (tx) => {
    await tx.query("INSERT INTO t VALUES (3, 'c')");
  });
  assert.equal(await count(other, "t"), 2);
  const seen: number[] = [];
  for await (const r of conn.stream<{ id: number }>("SELECT id FROM t ORDER BY id")) seen.push(r.id);
  assert.deepEqual(seen, [1, 3]);
});

test("isolation and lock-mode helpers", async () => {
  await using conn = await connect(opts("tlog"));
  await conn.setIsolation("DIRTY READ");
  await conn.setIsolation("COMMITTED READ");
  await conn.setLockMode(5);
  await conn.setLockMode(false);
  await assert.rejects(conn.setIsolation("DIRTY; DROP" as "DIRTY READ"), { code: "INVALID_ARGUMENT" });
});

test("selectDatabase switches databases and forgets cached statements", async () => {
  await using conn = await connect(opts("tlog"));
  await conn.query("SELECT id FROM t WHERE id = ?", [1]);
  assert.equal(conn.cache.size, 1);
  const info = await conn.selectDatabase("tnolog");
  assert.equal(info.logged, false);
  assert.equal(conn.cache.size, 0);
  assert.equal(await count(conn, "t"), 1);
  await assert.rejects(conn.selectDatabase("nosuch"), { sqlcode: -329 });
  assert.equal(conn.state, "idle");
});
