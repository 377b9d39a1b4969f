// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 9: named ROW types, DISTINCT types and BSON end to end against the emulator. Named
// ROW values decode to objects keyed by field (the driver reads the type from sysxtdtypes and
// sysattrtypes), also inside collections; DISTINCT values decode as their source type and the
// column description names the distinct type; BSON documents round-trip with their kinds
// (int32, int64 as bigint, double, string, boolean, null, nesting, Date, ObjectId, binary).

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type RunningEmulator, startEmulator } from "@informix-db/emulator";
import { BsonObjectId, type Connection, connect, DriverError, InformixError, Param } from "informix-db";

let emu: RunningEmulator;
let conn: Connection;

before(async () => {
  emu = await startEmulator({ host: "127.0.0.1", port: 0 });
  const opts = { host: emu.host, port: emu.port, user: "informix", password: "in4mix", server: "informix" };
  const admin = await connect(opts);
  await admin.query("CREATE DATABASE udt WITH LOG");
  await admin.close();
  conn = await connect({ ...opts, database: "udt" });
  await conn.query("CREATE ROW TYPE person_t (name VARCHAR(30), age INT)");
  await conn.query("CREATE ROW TYPE IF NOT EXISTS person_t (name VARCHAR(30), age INT)");
  await conn.query("CREATE ROW TYPE team_t (lead person_t, size SMALLINT)");
  await conn.query("CREATE DISTINCT TYPE dollars AS DECIMAL(10,2)");
  await conn.query("CREATE DISTINCT TYPE code_t AS INTEGER");
  await conn.query("CREATE DISTINCT TYPE tag_t AS VARCHAR(20)");
  await conn.query("CREATE DISTINCT TYPE memo_t AS LVARCHAR(500)");
  await conn.query("CREATE DISTINCT TYPE flag_t AS BOOLEAN");
  await conn.query(
    "CREATE TABLE people (id INT, p person_t, team team_t, crowd LIST(person_t NOT NULL), " +
      "price dollars, code code_t, tag tag_t, memo memo_t, flag flag_t, doc BSON)",
  );
});

after(async () => {
  await conn?.close();
  await emu?.close();
});

test("named ROW columns decode to objects keyed by field, nested and in collections", async () => {
  await conn.query("DELETE FROM people");
  await conn.query(
    "INSERT INTO people (id, p, team, crowd) VALUES (1, ROW('Ann', 40)::person_t, " +
      "ROW(ROW('Bo', 31)::person_t, 4)::team_t, LIST{ROW('Cy', 7)::person_t, ROW('Di', 8)::person_t})",
  );
  await conn.query("INSERT INTO people (id) VALUES (2)");
  const res = await conn.query("SELECT id, p, team, crowd FROM people ORDER BY id");
  assert.deepEqual(res.rows[0], {
    id: 1,
    p: { name: "Ann", age: 40 },
    team: { lead: { name: "Bo", age: 31 }, size: 4 },
    crowd: [
      { name: "Cy", age: 7 },
      { name: "Di", age: 8 },
    ],
  });
  assert.deepEqual(res.rows[1], { id: 2, p: null, team: null, crowd: null });
  const p = res.columns.find((c) => c.name === "p");
  assert.deepEqual([p?.type, p?.typeCode, p?.extendedName], ["ROW", 22, "person_t"]);
  const fields = await conn.query("SELECT p.name, p.age FROM people WHERE id = 1", [], { rowMode: "array" });
  assert.deepEqual(fields.rows, [["Ann", 40]]);
});

test("a named ROW with collection, unnamed ROW and named ROW fields decodes by its catalog rows", async () => {
  await conn.query(
    "CREATE ROW TYPE bag_t (tags SET(VARCHAR(10) NOT NULL), pt ROW(a INT, b DECIMAL(5,2)), who person_t)",
  );
  await conn.query("CREATE TABLE bags (id INT, b bag_t)");
  await conn.query("INSERT INTO bags VALUES (1, ?)", [
    Param.row(
      { tags: ["x", "y"], pt: { a: 1, b: "2.50" }, who: { name: "Zed", age: 9 } },
      "ROW(tags SET(varchar(10) not null), pt ROW(a integer, b decimal(5,2)), who ROW(name varchar(30), age integer))",
    ),
  ]);
  const res = await conn.query("SELECT b FROM bags");
  assert.deepEqual(res.rows, [{ b: { tags: ["x", "y"], pt: { a: 1, b: "2.50" }, who: { name: "Zed", age: 9 } } }]);
  const attrs = await conn.query(
    "SELECT a.seqno, a.levelno, a.parent_no, a.fieldname, a.type, a.xtd_type_id FROM sysattrtypes a, sysxtdtypes x " +
      "WHERE a.extended_id = x.extended_id AND x.name = 'bag_t' ORDER BY a.seqno",
    [],
    { rowMode: "array" },
  );
  const person = await conn.query("SELECT extended_id FROM sysxtdtypes WHERE name = 'person_t'", [], {
    rowMode: "array",
  });
  assert.deepEqual(attrs.rows, [
    [1, 0, 0, null, 4118, 0],
    [2, 1, 1, "tags", 19, 0],
    [3, 2, 2, null, 13, 0],
    [4, 1, 1, "pt", 22, 0],
    [5, 2, 4, "a", 2, 0],
    [6, 2, 4, "b", 5, 0],
    [7, 1, 1, "who", 4118, person.rows[0]?.[0]],
  ]);
});

test("named ROW values bind from objects (Param.row names the type's field order)", async () => {
  await conn.query("DELETE FROM people");
  await conn.query("INSERT INTO people (id, p, crowd) VALUES (?, ?, ?)", [
    3,
    Param.row({ name: "Eve", age: 22 }, "ROW(name varchar(30), age integer)"),
    Param.list([{ name: "It's", age: 1 }], "LIST(ROW(name varchar(30), age integer) not null)"),
  ]);
  await conn.query("INSERT INTO people (id, p) VALUES (?, ?::person_t)", [4, { name: "Fay", age: 5 }]);
  const res = await conn.query("SELECT id, p, crowd FROM people ORDER BY id");
  assert.deepEqual(res.rows, [
    { id: 3, p: { name: "Eve", age: 22 }, crowd: [{ name: "It's", age: 1 }] },
    { id: 4, p: { name: "Fay", age: 5 }, crowd: null },
  ]);
});

test("DISTINCT columns decode as their source type; the description names the distinct type", async () => {
  await conn.query("DELETE FROM people");
  await conn.query(
    "INSERT INTO people (id, price, code, tag, memo, flag) VALUES (5, 19.99::dollars, 42::code_t, 'red'::tag_t, 'long text'::memo_t, 't'::flag_t)",
  );
  await conn.query("INSERT INTO people (id, price, code, tag, memo, flag) VALUES (?, ?, ?, ?, ?, ?)", [
    6,
    Param.decimal("0.01"),
    -7,
    "blue",
    "memo",
    false,
  ]);
  const res = await conn.query("SELECT price, code, tag, memo, flag FROM people ORDER BY id");
  assert.deepEqual(res.rows, [
    { price: "19.99", code: 42, tag: "red", memo: "long text", flag: true },
    { price: "0.01", code: -7, tag: "blue", memo: "memo", flag: false },
  ]);
  assert.deepEqual(
    res.columns.map((c) => [c.name, c.type, c.extendedName]),
    [
      ["price", "DECIMAL", "dollars"],
      ["code", "INTEGER", "code_t"],
      ["tag", "VARCHAR", "tag_t"],
      ["memo", "LVARCHAR", "memo_t"],
      ["flag", "BOOLEAN", "flag_t"],
    ],
  );
  const cast = await conn.query("SELECT code + 1 AS next, CAST(price AS DECIMAL(10,2)) AS p FROM people WHERE id = 5");
  assert.deepEqual(cast.rows, [{ next: 43, p: "19.99" }]);
});

test("BSON: written as JSON cast to BSON, read as documents, as JSON text and by bson_value_*", async () => {
  await conn.query("DELETE FROM people");
  await conn.query(
    `INSERT INTO people (id, doc) VALUES (7, '{"a": 1, "big": 12345678901, "f": 2.5, "s": "x", "t": true, "n": null, "o": {"l": [1, "two"]}}'::JSON::BSON)`,
  );
  const res = await conn.query("SELECT doc, doc::JSON AS j, bson_value_int(doc, 'a') AS a FROM people");
  assert.deepEqual(res.rows[0]?.doc, {
    a: 1,
    big: 12345678901n,
    f: 2.5,
    s: "x",
    t: true,
    n: null,
    o: { l: [1, "two"] },
  });
  assert.deepEqual(res.rows[0]?.j, { a: 1, big: 12345678901, f: 2.5, s: "x", t: true, n: null, o: { l: [1, "two"] } });
  assert.equal(res.rows[0]?.a, 1);
  assert.deepEqual(
    res.columns.map((c) => [c.name, c.type, c.typeCode]),
    [
      ["doc", "BSON", 40],
      ["j", "JSON", 40],
      ["a", "INTEGER", 2],
    ],
  );
});

test("BSON: Param.bson round-trips every supported kind exactly", async () => {
  await conn.query("DELETE FROM people");
  const doc = {
    i: -5,
    l: 9007199254740993n,
    d: 0.1,
    s: "é ☃",
    b: false,
    n: null,
    nested: { arr: [1, [2, 3], { x: "y" }] },
    when: new Date("2026-12-06T03:04:05.678Z"),
    id: BsonObjectId.fromHex("65a1b2c3d4e5f60718293a4b"),
    bin: Uint8Array.of(0, 255, 16),
  };
  await conn.query("INSERT INTO people (id, doc) VALUES (?, ?)", [8, Param.bson(doc)]);
  await conn.query("INSERT INTO people (id, doc) VALUES (?, ?)", [9, null]);
  const res = await conn.query("SELECT doc FROM people ORDER BY id");
  assert.deepEqual(res.rows, [{ doc }, { doc: null }]);
  const value = await conn.query(
    "SELECT bson_value_bigint(doc, 'l') AS l, bson_value_lvarchar(doc, 'nested.arr') AS a FROM people WHERE id = 8",
  );
  assert.deepEqual(value.rows, [{ l: 9007199254740993n, a: '[1,[2,3],{"x":"y"}]' }]);
});

test("bad input is a typed error and the connection stays usable", async () => {
  assert.throws(() => Param.bson([1, 2]), DriverError);
  assert.throws(() => Param.bson({ f: () => 1 }), DriverError);
  await assert.rejects(
    conn.query("CREATE TABLE bad (x no_such_type)"),
    (e: unknown) => e instanceof InformixError && e.sqlcode === -9628,
  );
  await assert.rejects(
    conn.query("DROP TYPE person_t"),
    (e: unknown) => e instanceof InformixError && e.sqlcode === -201,
  );
  const ok = await conn.query("SELECT COUNT(*) AS n FROM people");
  assert.equal(ok.rows.length, 1);
});

test("DROP ROW TYPE: a re-created type with other fields decodes by its new definition", async () => {
  await conn.query("CREATE ROW TYPE pt_t (x INT, y INT)");
  await conn.query("CREATE TABLE pts (v pt_t)");
  await conn.query("INSERT INTO pts VALUES (ROW(1, 2)::pt_t)");
  assert.deepEqual((await conn.query("SELECT v FROM pts")).rows, [{ v: { x: 1, y: 2 } }]);
  await conn.query("DROP TABLE pts");
  await conn.query("DROP ROW TYPE pt_t RESTRICT");
  await conn.query("CREATE ROW TYPE pt_t (a VARCHAR(5), b INT)");
  await conn.query("CREATE TABLE pts (v pt_t)");
  await conn.query("INSERT INTO pts VALUES (ROW('q', 3)::pt_t)");
  assert.deepEqual((await conn.query("SELECT v FROM pts")).rows, [{ v: { a: "q", b: 3 } }]);
});

test("a catalog the session cannot read leaves named ROW values positional (arrays), not an error", async () => {
  // Runs last: it takes sysattrtypes away from this database.
  await conn.query("CREATE ROW TYPE late_t (u INT, v VARCHAR(5))");
  await conn.query("CREATE TABLE lates (l late_t)");
  await conn.query("INSERT INTO lates VALUES (ROW(1, 'w')::late_t)");
  await conn.query("DROP VIEW sysattrtypes");
  const res = await conn.query("SELECT l FROM lates");
  assert.deepEqual(res.rows, [{ l: [1, "w"] }]);
  assert.equal(res.columns[0]?.extendedName, "late_t");
});
