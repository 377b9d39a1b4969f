// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 8 §1: SELECT ... FOR UPDATE and UPDATE/DELETE ... WHERE CURRENT OF cursor, with the
// cursor named by stream()'s `cursorName` (SQ_CURNAME). The current row is the row the
// stream yielded last; IDS's errors -259, -266, -277, -290, -365; on the PostgreSQL engine
// the rows are locked (postgres-engine/issue-8-current-of.test.ts runs this file there).

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type RunningEmulator, startEmulator } from "@informix-db/emulator";
import { connect, DriverError } from "informix-db";

let emu: RunningEmulator;
const opts = (database?: string) => ({
  host: emu.host,
  port: emu.port,
  user: "informix",
  password: "in4mix",
  server: "informix",
  ...(database ? { database } : {}),
});
type R = { n: number; s: string };
const onPostgres = process.env["INFORMIX_EMULATOR_ENGINE"] === "postgres";

before(async () => {
  emu = await startEmulator({ port: 0 });
  await using admin = await connect(opts());
  await admin.query("CREATE DATABASE curof WITH LOG");
});

after(async () => {
  await emu?.close();
});

async function fresh(conn: Awaited<ReturnType<typeof connect>>, table: string): Promise<void> {
  await conn.query(`CREATE TABLE ${table} (n INTEGER, s VARCHAR(20))`);
  await conn.executeMany(
    `INSERT INTO ${table} VALUES (?, ?)`,
    [1, 2, 3, 4, 5].map((i) => [i, `row ${i}`]),
  );
}

test("issue 8: UPDATE ... WHERE CURRENT OF changes the row the stream yielded last", async () => {
  await using conn = await connect(opts("curof"));
  await fresh(conn, "u1");
  await conn.query("BEGIN WORK");
  const seen: number[] = [];
  for await (const row of conn.stream<R>("SELECT n, s FROM u1 WHERE n > 1 FOR UPDATE", [], { cursorName: "cur1" })) {
    assert.deepEqual(Object.keys(row), ["n", "s"], "the row identity is not a column");
    seen.push(row.n);
    const r = await conn.query("UPDATE u1 SET s = ? WHERE CURRENT OF cur1", [`new ${row.n}`]);
    assert.equal(r.rowCount, 1);
    if (row.n === 3) {
      // The same row again: the cursor follows the row's new version.
      assert.equal((await conn.query("UPDATE u1 SET s = s || '!' WHERE CURRENT OF CUR1")).rowCount, 1);
    }
  }
  await conn.query("COMMIT WORK");
  assert.deepEqual(seen, [2, 3, 4, 5]);
  const rows = (await conn.query<R>("SELECT n, s FROM u1 ORDER BY n")).rows;
  assert.deepEqual(
    rows.map((r) => r.s),
    ["row 1", "new 2", "new 3!", "new 4", "new 5"],
  );
});

test("issue 8: DELETE ... WHERE CURRENT OF, and -266 once the current row is gone", async () => {
  await using conn = await connect(opts("curof"));
  await fresh(conn, "d1");
  await conn.query("BEGIN WORK");
  const it = conn.stream<R>("SELECT * FROM d1 FOR UPDATE OF s", [], { cursorName: "del_cur" })[Symbol.asyncIterator]();
  assert.equal((await it.next()).value?.n, 1);
  assert.equal((await it.next()).value?.n, 2);
  assert.equal((await conn.query("DELETE FROM d1 WHERE CURRENT OF del_cur")).rowCount, 1);
  await assert.rejects(conn.query("DELETE FROM d1 WHERE CURRENT OF del_cur"), { sqlcode: -266 });
  await assert.rejects(conn.query("UPDATE d1 SET s = 'x' WHERE CURRENT OF del_cur"), { sqlcode: -266 });
  assert.equal((await it.next()).value?.n, 3, "the cursor goes on after the deleted row");
  assert.equal((await conn.query("DELETE FROM d1 WHERE CURRENT OF del_cur")).rowCount, 1);
  await it.return(undefined);
  await conn.query("COMMIT WORK");
  const left = (await conn.query<R>("SELECT n FROM d1 ORDER BY n")).rows.map((r) => r.n);
  assert.deepEqual(left, [1, 4, 5]);
});

test("issue 8: WHERE CURRENT OF errors: -259, -290, -365, -277", async () => {
  await using conn = await connect(opts("curof"));
  await fresh(conn, "e1");
  await fresh(conn, "e2");
  await conn.query("BEGIN WORK");
  await assert.rejects(conn.query("UPDATE e1 SET s = 'x' WHERE CURRENT OF nosuch"), { sqlcode: -259 });

  const plain = conn.stream<R>("SELECT n FROM e1", [], { cursorName: "ro" })[Symbol.asyncIterator]();
  await plain.next();
  await assert.rejects(conn.query("UPDATE e1 SET s = 'x' WHERE CURRENT OF ro"), { sqlcode: -290 });
  await plain.return(undefined);

  const join = conn.stream<R>("SELECT e1.n FROM e1, e2 WHERE e1.n = e2.n FOR UPDATE", [], { cursorName: "j" });
  const j = join[Symbol.asyncIterator]();
  await j.next();
  await assert.rejects(conn.query("UPDATE e1 SET s = 'x' WHERE CURRENT OF j"), { sqlcode: -365 });
  await j.return(undefined);

  // A synonym (or view) has no row identity: the FOR UPDATE query runs, WHERE CURRENT OF is -365.
  await conn.query("CREATE SYNONYM e1syn FOR e1");
  const viaSynonym = conn
    .stream<R>("SELECT n FROM e1syn FOR UPDATE", [], { cursorName: "syn" })
    [Symbol.asyncIterator]();
  assert.equal((await viaSynonym.next()).value?.n, 1);
  await assert.rejects(conn.query("UPDATE e1 SET s = 'x' WHERE CURRENT OF syn"), { sqlcode: -365 });
  await viaSynonym.return(undefined);

  const other = conn.stream<R>("SELECT n FROM e1 FOR UPDATE", [], { cursorName: "c2" })[Symbol.asyncIterator]();
  await other.next();
  await assert.rejects(conn.query("UPDATE e2 SET s = 'x' WHERE CURRENT OF c2"), { sqlcode: -277 });
  await other.return(undefined);
  // Closed: the name no longer refers to an open cursor.
  await assert.rejects(conn.query("DELETE FROM e1 WHERE CURRENT OF c2"), { sqlcode: -259 });
  await conn.query("ROLLBACK WORK");
  assert.equal((await conn.query("SELECT n FROM e1 WHERE s = 'x'")).rowCount, 0);
});

test("issue 8: the cursor has no current row after its last row", async () => {
  await using conn = await connect(opts("curof"));
  await fresh(conn, "x1");
  await conn.query("BEGIN WORK");
  const it = conn.stream<R>("SELECT n FROM x1 WHERE n = 5 FOR UPDATE", [], { cursorName: "last", hold: true });
  const rows = it[Symbol.asyncIterator]();
  assert.equal((await rows.next()).value?.n, 5);
  assert.equal((await rows.next()).done, true);
  // The stream closed its cursor at the end.
  await assert.rejects(conn.query("UPDATE x1 SET s = 'x' WHERE CURRENT OF last"), { sqlcode: -259 });
  await conn.query("ROLLBACK WORK");
});

test("issue 8: cursorName must be an identifier", async () => {
  await using conn = await connect(opts("curof"));
  await assert.rejects(
    async () => {
      for await (const _ of conn.stream("SELECT 1 FROM systables WHERE tabid = 1", [], { cursorName: "a b" })) break;
    },
    (e: unknown) => e instanceof DriverError && e.code === "INVALID_ARGUMENT",
  );
  assert.equal((await conn.query("SELECT 1 FROM systables WHERE tabid = 1")).rowCount, 1, "connection usable");
});

// Row locks another session meets exist on the PostgreSQL engine only (one connection per session).
if (onPostgres)
  test("issue 8: SELECT ... FOR UPDATE in a transaction locks the rows (PostgreSQL engine)", async () => {
    await using a = await connect(opts("curof"));
    await using b = await connect(opts("curof"));
    await fresh(a, "l1");
    await b.query("SET LOCK MODE TO NOT WAIT");
    await a.query("BEGIN WORK");
    const it = a.stream<R>("SELECT n FROM l1 WHERE n = 2 FOR UPDATE", [], { cursorName: "lk" })[Symbol.asyncIterator]();
    assert.equal((await it.next()).value?.n, 2);
    await assert.rejects(
      b.query("UPDATE l1 SET s = 'b' WHERE n = 2"),
      (e: { sqlcode?: number }) => (e.sqlcode ?? 0) < 0,
    );
    assert.equal((await b.query("UPDATE l1 SET s = 'b' WHERE n = 3")).rowCount, 1, "other rows are free");
    assert.equal((await a.query("UPDATE l1 SET s = 'a' WHERE CURRENT OF lk")).rowCount, 1);
    await it.return(undefined);
    await a.query("COMMIT WORK");
    assert.equal((await b.query("UPDATE l1 SET s = 'b' WHERE n = 2")).rowCount, 1, "free after COMMIT");
  });

test("issue 8: a positioned UPDATE that fails is undone alone; the cursor stays on its row", async () => {
  await using conn = await connect(opts("curof"));
  await conn.query("CREATE TABLE a1 (n INTEGER, s VARCHAR(20) NOT NULL)");
  await conn.executeMany("INSERT INTO a1 VALUES (?, ?)", [
    [1, "one"],
    [2, "two"],
  ]);
  await conn.query("BEGIN WORK");
  const it = conn.stream<R>("SELECT n, s FROM a1 FOR UPDATE", [], { cursorName: "at" })[Symbol.asyncIterator]();
  assert.equal((await it.next()).value?.n, 1);
  assert.equal((await conn.query("UPDATE a1 SET s = 'uno' WHERE CURRENT OF at")).rowCount, 1);
  await assert.rejects(conn.query("UPDATE a1 SET s = NULL WHERE CURRENT OF at"), { sqlcode: -391 });
  assert.equal((await conn.query("UPDATE a1 SET s = s || '!' WHERE CURRENT OF at")).rowCount, 1);
  await it.return(undefined);
  await conn.query("COMMIT WORK");
  const rows = (await conn.query<R>("SELECT n, s FROM a1 ORDER BY n")).rows;
  assert.deepEqual(
    rows.map((r) => `${r.n}=${r.s}`),
    ["1=uno!", "2=two"],
  );
});
