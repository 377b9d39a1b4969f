// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 9 items 3 and 4: ROW, SET, MULTISET and LIST end to end against the emulator —
// decoded to JS (ROW → object keyed by field, collections → arrays, the kind and the
// extended type name kept in the column description), nested both ways, bound from JS
// values and Param helpers; a value of the wrong JS type is a typed error and the
// connection stays usable.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type RunningEmulator, startEmulator } from "@informix-db/emulator";
import { type Connection, connect, DriverError, InformixError, Param } from "informix-db";

let emu: RunningEmulator;
let conn: Connection;

before(async () => {
  emu = await startEmulator({ host: "127.0.0.1", port: 0 });
  const opts = { host: emu.host, port: emu.port, user: "informix", password: "in4mix", server: "informix" };
  const admin = await connect(opts);
  await admin.query("CREATE DATABASE composite WITH LOG");
  await admin.close();
  conn = await connect({ ...opts, database: "composite" });
  await conn.query(
    "CREATE TABLE ct (id INT, r ROW(name VARCHAR(50), age INT), s SET(INT NOT NULL), " +
      "m MULTISET(VARCHAR(10) NOT NULL), l LIST(ROW(a INT8, b SET(CHAR(2) NOT NULL)) NOT NULL), tail VARCHAR(10))",
  );
});

after(async () => {
  await conn?.close();
  await emu?.close();
});

test("literals decode to JS; DESCRIBE keeps the kind and the extended type name", async () => {
  await conn.query("DELETE FROM ct");
  await conn.query(
    "INSERT INTO ct VALUES (1, ROW('Alice', 30)::ROW(name VARCHAR(50), age INT), SET{1,2}, " +
      "MULTISET{'x','x','it''s'}, LIST{ROW(12345678901234, SET{'ab'}), ROW(NULL, SET{})}, 'end')",
  );
  await conn.query("INSERT INTO ct VALUES (2, NULL, NULL, NULL, NULL, 'nulls')");
  const res = await conn.query("SELECT id, r, s, m, l, tail FROM ct ORDER BY id");
  assert.deepEqual(res.rows[0], {
    id: 1,
    r: { name: "Alice", age: 30 },
    s: [1, 2],
    m: ["x", "x", "it's"],
    l: [
      { a: 12345678901234n, b: ["ab"] },
      { a: null, b: [] },
    ],
    tail: "end",
  });
  assert.deepEqual(res.rows[1], { id: 2, r: null, s: null, m: null, l: null, tail: "nulls" });
  const byName = new Map(res.columns.map((c) => [c.name, c]));
  assert.equal(byName.get("r")?.type, "ROW");
  assert.equal(byName.get("r")?.extendedName, "ROW(name varchar(50), age integer)");
  assert.equal(byName.get("s")?.type, "SET");
  assert.equal(byName.get("s")?.extendedName, "SET(integer not null)");
  assert.equal(byName.get("m")?.type, "MULTISET");
  assert.equal(byName.get("l")?.type, "LIST");
  assert.equal(byName.get("l")?.extendedName, "LIST(ROW(a int8, b SET(char(2) not null)) not null)");
});

test("ROW fields project in SQL with their own types", async () => {
  await conn.query("DELETE FROM ct");
  await conn.query("INSERT INTO ct (id, r) VALUES (3, ROW('Bob', 25))");
  const res = await conn.query("SELECT id, r.name, r.age FROM ct WHERE r.age = 25", [], { rowMode: "array" });
  assert.deepEqual(res.rows, [[3, "Bob", 25]]);
});

test("JS values and Param helpers bind", async () => {
  await conn.query("DELETE FROM ct");
  await conn.query("INSERT INTO ct (id, r, s, m, l) VALUES (?, ?, ?, ?, ?)", [
    4,
    { name: "Carol", age: 41 },
    new Set([5, 6]),
    Param.multiset(["q", "q"]),
    Param.list([{ a: 7n, b: ["zz"] }], "LIST(ROW(a int8, b SET(char(2) not null)) not null)"),
  ]);
  const res = await conn.query("SELECT r, s, m, l FROM ct WHERE id = 4");
  assert.deepEqual(res.rows[0], {
    r: { name: "Carol", age: 41 },
    s: [5, 6],
    m: ["q", "q"],
    l: [{ a: 7n, b: ["zz"] }],
  });
});

test("a value of the wrong JS type is a typed error; the connection stays usable", async () => {
  await assert.rejects(
    conn.query("INSERT INTO ct (id, s) VALUES (?, ?)", [
      5,
      Param.set("not a set" as unknown as number[], "SET(integer)"),
    ]),
    (e: unknown) => e instanceof Error,
  );
  // Param helpers check at once (the call that made the mistake).
  assert.throws(
    () => Param.set(["x"], "SET(integer not null)"),
    (e: unknown) => e instanceof DriverError && e.code === "INVALID_ARGUMENT",
  );
  await assert.rejects(conn.query("INSERT INTO ct (id, s) VALUES (?, ?)", [5, ["x"]]));
  await assert.rejects(
    conn.query("INSERT INTO ct (id, s) VALUES (?, ?)", [5, "SET{1,"]),
    (e: unknown) => e instanceof InformixError,
  );
  const ok = await conn.query("SELECT COUNT(*) AS n FROM ct");
  assert.ok(ok.rows.length === 1);
});

test("JSON columns decode to JS values and bind from objects", async () => {
  await conn.query("CREATE TABLE jt (id INT, d JSON)");
  await conn.query("INSERT INTO jt VALUES (1, ?)", [Param.json({ a: [1, "two"], b: null })]);
  await conn.query(`INSERT INTO jt VALUES (2, '{"k": true}')`);
  await conn.query("INSERT INTO jt VALUES (3, NULL)");
  const res = await conn.query("SELECT id, d FROM jt ORDER BY id", [], { rowMode: "array" });
  assert.deepEqual(res.rows, [
    [1, { a: [1, "two"], b: null }],
    [2, { k: true }],
    [3, null],
  ]);
  assert.equal(res.columns[1]?.type, "JSON");
});
