// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 10 §3: executeMany() against the emulator: counts and serials per row, many rows
// per round trip, a failing row (its index, the rows applied before it, nothing after it),
// transactions, UPDATE/DELETE, the wire shape, and rows refused before anything is sent.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type RunningEmulator, startEmulator } from "@informix-db/emulator";
import { type Connection, connect, DriverError, InformixError } from "informix-db";

let emu: RunningEmulator;
/** Client message kinds per session, in order, from the emulator's trace. */
const sent: string[] = [];
const opts = (database?: string) => ({
  host: emu.host,
  port: emu.port,
  user: "informix",
  password: "in4mix",
  server: "informix",
  ...(database ? { database } : {}),
});
const ids = async (c: Connection, table: string) =>
  (await c.query<{ id: number }>(`SELECT id FROM ${table} ORDER BY id`)).rows.map((r) => r.id);

before(async () => {
  emu = await startEmulator({
    port: 0,
    trace: (_session, direction, what) => {
      const kind = (what as { kind?: unknown }).kind;
      if (direction === "c>s" && typeof kind === "string" && kind !== "bytes") sent.push(kind);
    },
  });
  await using admin = await connect(opts());
  await admin.query("CREATE DATABASE bat WITH LOG");
  await admin.query("CREATE DATABASE batnolog");
  await admin.query("CREATE DATABASE batansi WITH LOG MODE ANSI");
  for (const db of ["bat", "batnolog", "batansi"]) {
    await admin.selectDatabase(db);
    await admin.query("CREATE TABLE k (id INTEGER PRIMARY KEY, v VARCHAR(20))");
  }
  await admin.selectDatabase("bat");
  await admin.query("CREATE TABLE s (id SERIAL, v VARCHAR(20))");
  await admin.query("CREATE TABLE s8 (id SERIAL8, v VARCHAR(20))");
  await admin.query("CREATE TABLE bs (id BIGSERIAL, v VARCHAR(20))");
});

after(async () => {
  await emu?.close();
});

test("5,000 rows in a few round trips: counts, serials of SERIAL, SERIAL8 and BIGSERIAL", async () => {
  await using conn = await connect(opts("bat"));
  const rows = Array.from({ length: 5000 }, (_, i) => [`v${i}`]);
  const r = await conn.executeMany("INSERT INTO s (v) VALUES (?)", rows);
  assert.equal(r.rowCount, 5000);
  assert.equal(r.rowCounts.length, 5000);
  assert.ok(r.rowCounts.every((c) => c === 1));
  assert.deepEqual(r.insertIds.slice(0, 3), [1, 2, 3]);
  assert.equal(r.insertIds[4999], 5000);
  const back = await conn.query<{ id: number; v: string }>("SELECT id, v FROM s WHERE id IN (1, 5000) ORDER BY id");
  assert.deepEqual(back.rows, [
    { id: 1, v: "v0" },
    { id: 5000, v: "v4999" },
  ]);
  const r8 = await conn.executeMany("INSERT INTO s8 (v) VALUES (?)", [["a"], ["b"]]);
  assert.deepEqual(r8.insertIds, [1n, 2n]);
  const rb = await conn.executeMany("INSERT INTO bs (v) VALUES (?)", [["a"], ["b"]]);
  assert.deepEqual(rb.insertIds, [1n, 2n]);
  // Small groups: one row per round trip still gives the same answers.
  const small = await conn.executeMany("INSERT INTO s (v) VALUES (?)", [["x"], ["y"], ["z"]], { maxGroupBytes: 1 });
  assert.deepEqual(small.insertIds, [5001, 5002, 5003]);
});

test("the wire shape is IBM JDBC executeBatch's: one group of SQ_ID, then SQ_BIND SQ_EXECUTE per row", async () => {
  await using conn = await connect(opts("bat"));
  await conn.query("DELETE FROM k");
  await using stmt = await conn.prepare("INSERT INTO k VALUES (?, ?)");
  sent.length = 0;
  await stmt.executeMany([
    [1, "a"],
    [2, "b"],
    [3, "c"],
  ]);
  assert.deepEqual(sent, ["id", "bind", "execute", "bind", "execute", "bind", "execute", "eot"]);
  await conn.query("DELETE FROM k");
});

test("UPDATE and DELETE counts per row; a prepared statement's executeMany", async () => {
  await using conn = await connect(opts("bat"));
  await conn.query("DELETE FROM k");
  await conn.executeMany(
    "INSERT INTO k VALUES (?, ?)",
    Array.from({ length: 10 }, (_, i) => [i, i % 2 === 0 ? "even" : "odd"]),
  );
  const up = await conn.executeMany("UPDATE k SET v = ? WHERE v = ?", [
    ["EVEN", "even"],
    ["ODD", "odd"],
    ["none", "missing"],
  ]);
  assert.deepEqual(up.rowCounts, [5, 5, 0]);
  assert.equal(up.rowCount, 10);
  assert.deepEqual(up.insertIds, [undefined, undefined, undefined]);
  await using stmt = await conn.prepare("DELETE FROM k WHERE id < ?");
  const del = await stmt.executeMany([[2], [4], [4]]);
  assert.deepEqual(del.rowCounts, [2, 2, 0]);
  assert.deepEqual(await ids(conn, "k"), [4, 5, 6, 7, 8, 9]);
  const none = await stmt.executeMany([]);
  assert.deepEqual(none, { rowCounts: [], insertIds: [], rowCount: 0 });
});

test("EXECUTE PROCEDURE runs once per row; a RAISE EXCEPTION in row k is batchIndex k", async () => {
  await using conn = await connect(opts("bat"));
  await conn.query("DELETE FROM k");
  await conn.query(`CREATE PROCEDURE put_k(i INTEGER, v VARCHAR(20))
      IF i < 0 THEN RAISE EXCEPTION -746, 0, 'negative id'; END IF;
      INSERT INTO k VALUES (i, v);
    END PROCEDURE`);
  const r = await conn.executeMany("EXECUTE PROCEDURE put_k(?, ?)", [
    [1, "a"],
    [2, "b"],
    [3, "c"],
  ]);
  assert.equal(r.rowCounts.length, 3);
  assert.deepEqual(await ids(conn, "k"), [1, 2, 3]);
  const error = await conn
    .executeMany("EXECUTE PROCEDURE put_k(?, ?)", [
      [4, "d"],
      [-1, "bad"],
      [5, "e"],
    ])
    .then(
      () => assert.fail("the RAISE EXCEPTION must fail the batch"),
      (e: unknown) => e,
    );
  assert.ok(error instanceof InformixError);
  assert.equal(error.batchIndex, 1);
  assert.equal(error.sqlcode, -746);
  assert.match(error.message, /negative id/);
  assert.deepEqual(await ids(conn, "k"), [1, 2, 3, 4], "row 0 applied, row 2 never ran");
  await conn.query("DROP PROCEDURE put_k");
  await conn.query("DELETE FROM k");
});

test("BYTE and TEXT values: such a row goes alone with its bytes, the rows around it in groups; a failing stream is batchIndex k", async () => {
  await using conn = await connect(opts("bat"));
  await conn.query("CREATE TABLE bt (id INTEGER, b BYTE, t TEXT)");
  const big = new Uint8Array(70_000).map((_, i) => i % 251);
  sent.length = 0;
  const r = await conn.executeMany("INSERT INTO bt VALUES (?, ?, ?)", [
    [1, null, null],
    [2, new Uint8Array([1, 2, 3]), "two"],
    [3, big, "x".repeat(5000)],
    [4, null, "four"],
    [5, null, null],
  ]);
  assert.deepEqual(r.rowCounts, [1, 1, 1, 1, 1]);
  const wire = sent.filter((k) => k !== "bytes" && k !== "blob").join(" ");
  assert.equal(
    wire,
    "prepare ndescribe wantdone eot id bind execute eot id bind bbind execute eot id bind bbind execute eot id bind execute bind execute eot",
  );
  const rows = (
    await conn.query<{ id: number; b: Uint8Array | null; t: string | null }>("SELECT id, b, t FROM bt ORDER BY id")
  ).rows;
  assert.deepEqual(
    rows.map((x) => [x.id, x.b === null ? null : x.b.length, x.t === null ? null : x.t.length]),
    [
      [1, null, null],
      [2, 3, 3],
      [3, 70_000, 5000],
      [4, null, 4],
      [5, null, null],
    ],
  );
  assert.deepEqual(rows[2]!.b, big);
  async function* failing() {
    yield new Uint8Array([9]);
    throw new Error("disk gone");
  }
  const error = await conn
    .executeMany("INSERT INTO bt VALUES (?, ?, ?)", [
      [6, new Uint8Array([6]), "six"],
      [7, failing(), "seven"],
      [8, null, "eight"],
    ])
    .then(
      () => assert.fail("the failing stream must reject"),
      (e: unknown) => e,
    );
  assert.ok(error instanceof DriverError);
  assert.equal(error.code, "INVALID_ARGUMENT");
  assert.equal(error.batchIndex, 1);
  assert.deepEqual(
    (await conn.query<{ id: number }>("SELECT id FROM bt WHERE id > 5 ORDER BY id")).rows.map((x) => x.id),
    [6],
  );
  await conn.query("DROP TABLE bt");
});

test("a failing row rejects with its index and the rows before it; nothing after it is applied", async () => {
  await using conn = await connect(opts("batnolog"));
  await conn.query("DELETE FROM k");
  await conn.query("INSERT INTO k VALUES (3, 'taken')");
  const rows = [1, 2, 3, 4, 5].map((i) => [i, `v${i}`]);
  const error = await conn.executeMany("INSERT INTO k VALUES (?, ?)", rows).then(
    () => assert.fail("the duplicate key must fail"),
    (e: unknown) => e,
  );
  assert.ok(error instanceof InformixError);
  assert.equal(error.batchIndex, 2);
  assert.ok([-239, -268].includes(error.sqlcode), `duplicate key, got ${error.sqlcode}`);
  assert.match(error.message, /row 2/);
  assert.deepEqual(error.batchApplied, { rowCounts: [1, 1], insertIds: [undefined, undefined], rowCount: 2 });
  assert.deepEqual(await ids(conn, "k"), [1, 2, 3], "rows 0 and 1 applied, 3 and 4 never ran");
  // Across group boundaries too: the failing row is in the third group of ~40-byte groups.
  await conn.query("DELETE FROM k");
  await conn.query("INSERT INTO k VALUES (7, 'taken')");
  const more = Array.from({ length: 10 }, (_, i) => [i, "x"]);
  await assert.rejects(conn.executeMany("INSERT INTO k VALUES (?, ?)", more, { maxGroupBytes: 80 }), {
    batchIndex: 7,
  });
  assert.deepEqual(await ids(conn, "k"), [0, 1, 2, 3, 4, 5, 6, 7]);
  // The connection goes on.
  assert.equal((await conn.executeMany("INSERT INTO k VALUES (?, ?)", [[100, "ok"]])).rowCount, 1);
});

test("inside a transaction nothing is lost or doubled, and the caller commits or rolls back", async () => {
  await using conn = await connect(opts("bat"));
  await using other = await connect(opts("bat"));
  await conn.query("DELETE FROM k");
  await conn.begin();
  await conn.query("INSERT INTO k VALUES (2, 'taken')");
  await assert.rejects(
    conn.executeMany("INSERT INTO k VALUES (?, ?)", [
      [0, "a"],
      [1, "b"],
      [2, "c"],
      [3, "d"],
    ]),
    (e: InformixError) => e.batchIndex === 2 && e.batchApplied?.rowCount === 2,
  );
  assert.equal(conn.inTransaction, true, "the failure does not end the transaction");
  assert.deepEqual(await ids(conn, "k"), [0, 1, 2]);
  await conn.executeMany("INSERT INTO k VALUES (?, ?)", [[3, "d"]]);
  await conn.commit();
  assert.deepEqual(await ids(other, "k"), [0, 1, 2, 3]);
  await conn.begin();
  await conn.executeMany("INSERT INTO k VALUES (?, ?)", [
    [10, "x"],
    [11, "y"],
  ]);
  await conn.rollback();
  assert.deepEqual(await ids(other, "k"), [0, 1, 2, 3]);
  await conn.transaction(async (tx) => {
    await tx.executeMany("INSERT INTO k VALUES (?, ?)", [[20, "t"]]);
  });
  assert.deepEqual(await ids(other, "k"), [0, 1, 2, 3, 20]);
});

test("ANSI database outside a transaction: the rows applied are committed, as a statement would be", async () => {
  await using conn = await connect(opts("batansi"));
  await using other = await connect(opts("batansi"));
  await conn.query("INSERT INTO k VALUES (5, 'taken')");
  await assert.rejects(
    conn.executeMany("INSERT INTO k VALUES (?, ?)", [
      [4, "a"],
      [5, "b"],
    ]),
    { batchIndex: 1 },
  );
  assert.deepEqual(await ids(other, "k"), [4, 5]);
});

test("rows of different lengths or kinds, bad values and queries are typed errors; nothing is sent", async () => {
  await using conn = await connect(opts("batnolog"));
  await conn.query("DELETE FROM k");
  const sql = "INSERT INTO k VALUES (?, ?)";
  await assert.rejects(conn.executeMany(sql, [[1, "a"], [2]]), (e: DriverError) => {
    assert.equal(e.code, "INVALID_ARGUMENT");
    assert.equal(e.batchIndex, 1);
    assert.match(e.message, /row 1: has 1 values where row 0 has 2/);
    return true;
  });
  await assert.rejects(conn.executeMany(sql, [[1], [2]]), { code: "INVALID_ARGUMENT", batchIndex: 0 });
  await assert.rejects(
    conn.executeMany(sql, [
      [1, "a"],
      [null, null],
      ["3", "c"],
    ]),
    (e: DriverError) => e.batchIndex === 2 && /parameter 1 is text where earlier rows have a number/.test(e.message),
  );
  await assert.rejects(conn.executeMany(sql, [[1, Symbol("x")]]), { code: "INVALID_ARGUMENT", batchIndex: 0 });
  await assert.rejects(conn.executeMany(sql, "nope" as never), { code: "INVALID_ARGUMENT" });
  await assert.rejects(conn.executeMany(sql, [{} as never]), { code: "INVALID_ARGUMENT", batchIndex: 0 });
  await assert.rejects(conn.executeMany("SELECT * FROM k WHERE id = ?", [[1]]), { code: "INVALID_ARGUMENT" });
  assert.deepEqual(await ids(conn, "k"), [], "nothing was applied");
  // NULLs and mixed integers/floats are fine.
  const ok = await conn.executeMany("INSERT INTO k VALUES (?, ?)", [
    [1, null],
    [2.0, "b"],
  ]);
  assert.equal(ok.rowCount, 2);
  await using stmt = await conn.prepare(sql);
  await stmt.close();
  await assert.rejects(stmt.executeMany([[1, "a"]]), { code: "INVALID_STATE" });
});
