// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Driver ⇄ emulator over TCP: login, types, parameters, errors, cache, streams, prepare.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type RunningEmulator, startEmulator } from "@informix-db/emulator";
import {
  type Connection,
  ConnectionError,
  connect,
  DriverError,
  InformixDate,
  InformixDateTime,
  InformixError,
  InformixInterval,
  Param,
} from "informix-db";

let emu: RunningEmulator;
let conn: Connection;
const opts = () => ({ host: emu.host, port: emu.port, user: "informix", password: "in4mix", server: "informix" });

before(async () => {
  emu = await startEmulator({ port: 0 });
  conn = await connect(opts());
  await conn.query("CREATE DATABASE qdb WITH LOG");
  await conn.selectDatabase("qdb");
});

after(async () => {
  await conn?.close();
  await emu?.close();
});

test("login: server info, database info, both URL forms", async () => {
  assert.match(conn.serverInfo.version, /Informix/);
  assert.equal(conn.serverInfo.serverName, "informix");
  assert.deepEqual(conn.databaseInfo, { name: "qdb", logged: true, ansi: false, buffered: true, readOnly: false });
  const byUrl = await connect(`informix://informix:in4mix@${emu.host}:${emu.port}/qdb?server=informix`);
  assert.equal(byUrl.databaseInfo?.name, "qdb");
  await byUrl.close();
  await using byJdbc = await connect(
    `jdbc:informix-sqli://${emu.host}:${emu.port}/qdb:INFORMIXSERVER=informix;user=informix;password=in4mix;DBDATE=Y4MD-`,
  );
  assert.equal(byJdbc.state, "idle");
});

test("ping is one round trip that leaves no statement behind; it fails on a dead connection", async () => {
  await using c = await connect({ ...opts(), database: "qdb" });
  const mine = () => emu.sessionResources().sort((a, b) => b.id - a.id)[0];
  const before = mine();
  await c.ping();
  await c.ping({ timeout: 1000 });
  assert.deepEqual(mine(), before, "no statement or cursor was left on the server");
  assert.equal(c.state, "idle");
  await using other = await connect({ ...opts(), database: "qdb" });
  await other.close();
  await assert.rejects(other.ping(), (e) => e instanceof ConnectionError);
});

test("login failures: -951, -761 with the real server name, -329, unreachable port", async () => {
  await assert.rejects(connect({ ...opts(), password: "wrong" }), { name: "InformixError", sqlcode: -951 });
  await assert.rejects(connect({ ...opts(), server: "ol_other" }), (e: unknown) => {
    assert.ok(e instanceof InformixError);
    assert.equal(e.sqlcode, -761);
    assert.match(e.message, /"informix"/);
    return true;
  });
  await assert.rejects(connect({ ...opts(), database: "nosuchdb" }), { name: "InformixError", sqlcode: -329 });
  await assert.rejects(connect({ ...opts(), port: 1 }), (e: unknown) => {
    assert.ok(e instanceof ConnectionError);
    assert.equal(e.sqlcode, -908);
    assert.equal(e.code, "CONNECTION_FAILED");
    return true;
  });
  // A host name that cannot resolve (.invalid is reserved, RFC 6761) is -930, not -908.
  await assert.rejects(connect({ ...opts(), host: "no-such-host.invalid", connectTimeout: 10_000 }), (e: unknown) => {
    assert.ok(e instanceof ConnectionError);
    assert.equal(e.sqlcode, -930);
    return true;
  });
});

test("every supported type round-trips through parameters", async () => {
  await conn.query(
    "CREATE TABLE ty (s SMALLINT, i INTEGER, i8 INT8, bi BIGINT, f FLOAT, sf SMALLFLOAT, d DECIMAL(10,2), " +
      "m MONEY(8,2), c CHAR(5), v VARCHAR(20), lv LVARCHAR(500), b BOOLEAN, dt DATE, ts DATETIME YEAR TO SECOND, " +
      "tf DATETIME YEAR TO FRACTION(3), iv INTERVAL DAY TO SECOND)",
  );
  const when = new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 678));
  const r = await conn.query("INSERT INTO ty VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", [
    1,
    2,
    3n,
    -4n,
    1.5,
    2.5,
    Param.decimal("12.34"),
    { type: "MONEY", value: "9.99" },
    "ab",
    "hello",
    "x".repeat(300),
    true,
    InformixDate.of(2024, 1, 2),
    Param.datetime("2024-01-02 03:04:05", "YEAR TO SECOND"),
    when,
    InformixInterval.parse("1 02:03:04", "DAY TO SECOND"),
  ]);
  assert.equal(r.rowCount, 1);
  const { rows, columns } = await conn.query("SELECT * FROM ty");
  const row = rows[0]!;
  assert.equal(row["s"], 1);
  assert.equal(row["i8"], 3n);
  assert.equal(row["bi"], -4n);
  assert.equal(row["f"], 1.5);
  assert.equal(row["d"], "12.34");
  assert.equal(row["m"], "9.99");
  assert.equal(row["c"], "ab   ");
  assert.equal(row["lv"], "x".repeat(300));
  assert.equal(row["b"], true);
  assert.ok(row["dt"] instanceof InformixDate);
  assert.equal(String(row["dt"]), "2024-01-02");
  assert.ok(row["tf"] instanceof InformixDateTime);
  assert.equal(String(row["tf"]), "2024-01-02 03:04:05.678");
  assert.equal((row["tf"] as InformixDateTime).toDate().getTime(), when.getTime());
  assert.equal(String(row["iv"]), "1 02:03:04");
  assert.deepEqual(
    columns.map((c) => c.type),
    ["SMALLINT", "INTEGER", "INT8", "BIGINT", "FLOAT", "SMALLFLOAT", "DECIMAL", "MONEY", "CHAR", "VARCHAR"].concat([
      "LVARCHAR",
      "BOOLEAN",
      "DATE",
      "DATETIME",
      "DATETIME",
      "INTERVAL",
    ]),
  );
  assert.deepEqual(
    { p: columns[6]!.precision, s: columns[6]!.scale, q: columns[14]!.qualifier },
    { p: 10, s: 2, q: "YEAR TO FRACTION(3)" },
  );
  const nulls = await conn.query("SELECT s, b, dt FROM ty WHERE i = ?", [null]);
  assert.equal(nulls.rowCount, 0);
  await conn.query("INSERT INTO ty (i) VALUES (?)", [null]);
  assert.deepEqual((await conn.query("SELECT s, b, dt FROM ty WHERE i IS NULL")).rows, [
    { s: null, b: null, dt: null },
  ]);
});

test("rowMode, per-query and per-connection parsers, raw bytes", async () => {
  await conn.query("CREATE TABLE pm (id INT, d DECIMAL(6,2))");
  await conn.query("INSERT INTO pm VALUES (7, 1.25)");
  assert.deepEqual((await conn.query("SELECT id, d FROM pm", [], { rowMode: "array" })).rows, [[7, "1.25"]]);
  const parsed = await conn.query("SELECT id, d FROM pm", [], { types: { DECIMAL: (v) => Number(v) } });
  assert.deepEqual(parsed.rows, [{ id: 7, d: 1.25 }]);
  const raw = await conn.query("SELECT id FROM pm", [], { raw: true, rowMode: "array" });
  assert.deepEqual(raw.rows, [[Uint8Array.of(0, 0, 0, 7)]]);
  await using c2 = await connect({ ...opts(), database: "qdb", rowMode: "array", types: { INTEGER: (v) => `#${v}` } });
  assert.deepEqual((await c2.query("SELECT id FROM pm")).rows, [["#7"]]);
});

test("insertId from SERIAL, SERIAL8 and BIGSERIAL; rowCount of UPDATE/DELETE", async () => {
  await conn.query("CREATE TABLE s4 (id SERIAL, x INT)");
  await conn.query("CREATE TABLE s8 (id SERIAL8, x INT)");
  await conn.query("CREATE TABLE sb (id BIGSERIAL, x INT)");
  assert.equal((await conn.query("INSERT INTO s4 (x) VALUES (?)", [1])).insertId, 1);
  assert.equal((await conn.query("INSERT INTO s4 (x) VALUES (?)", [2])).insertId, 2);
  assert.equal((await conn.query("INSERT INTO s8 (x) VALUES (1)")).insertId, 1n);
  assert.equal((await conn.query("INSERT INTO sb (x) VALUES (:1)", [1])).insertId, 1n);
  const u = await conn.query("UPDATE s4 SET x = x + 1 WHERE id >= ?", [1]);
  assert.equal(u.rowCount, 2);
  assert.equal(u.command, "UPDATE");
  assert.equal((await conn.query("DELETE FROM s4")).rowCount, 2);
});

test("server errors keep the connection in sync", async () => {
  await assert.rejects(conn.query("SELECT * FROM nosuch"), { name: "InformixError", sqlcode: -206, isamCode: -111 });
  await assert.rejects(conn.query("SELEC 1"), { sqlcode: -201 });
  await conn.query("CREATE TABLE uq (id INT PRIMARY KEY)");
  await conn.query("INSERT INTO uq VALUES (?)", [1]);
  await assert.rejects(conn.query("INSERT INTO uq VALUES (?)", [1]), (e: unknown) => {
    assert.ok(e instanceof InformixError);
    assert.equal(e.sqlcode, -268);
    assert.equal(e.sqlstate, "23000");
    assert.equal(e.fatal, false);
    return true;
  });
  assert.equal(conn.state, "idle");
  assert.equal((await conn.query("SELECT id FROM uq")).rowCount, 1);
});

test("statements with parameters are cached and reused", async () => {
  const before = conn.cache.size;
  await conn.query("SELECT id FROM uq WHERE id = ?", [1]);
  await conn.query("SELECT id FROM uq WHERE id = ?", [2]);
  assert.equal(conn.cache.size, before + 1);
  await using small = await connect({ ...opts(), database: "qdb", statementCacheSize: 2 });
  for (let i = 0; i < 5; i++) await small.query(`SELECT id FROM uq WHERE id = ? AND ${i} = ${i}`, [1]);
  assert.equal(small.cache.size, 2);
  assert.equal((await small.query("SELECT COUNT(*) AS n FROM uq WHERE id > ?", [0])).rows.length, 1);
});

test("many callers on one connection run one at a time", async () => {
  const results = await Promise.all(
    Array.from({ length: 20 }, (_, i) => conn.query("SELECT id + ? AS v FROM uq", [i]).then((r) => r.rows[0]!["v"])),
  );
  assert.deepEqual(
    results,
    Array.from({ length: 20 }, (_, i) => i + 1),
  );
  assert.equal(conn.state, "idle");
});

test("stream pulls batches on demand; break closes the cursor", async () => {
  await conn.query("CREATE TABLE big (n INT, pad VARCHAR(40))");
  const stmt = await conn.prepare("INSERT INTO big VALUES (?, ?)");
  assert.equal(stmt.paramCount, 2);
  await conn.transaction(async () => {
    for (let i = 0; i < 500; i++) await stmt.query([i, `row ${i}`]);
  });
  await stmt.close();
  let count = 0;
  let sum = 0;
  for await (const row of conn.stream<{ n: number }>("SELECT n, pad FROM big ORDER BY n", [], { fetchSize: 7 })) {
    count++;
    sum += row.n;
  }
  assert.equal(count, 500);
  assert.equal(sum, (499 * 500) / 2);
  const seen: number[] = [];
  for await (const row of conn.stream<{ n: number }>("SELECT n FROM big WHERE n >= ? ORDER BY n", [10])) {
    seen.push(row.n);
    if (seen.length === 3) break;
  }
  assert.deepEqual(seen, [10, 11, 12]);
  assert.equal(conn.state, "idle");
  // Two streams interleaved on one connection, on the same cached statement.
  const a = conn.stream<{ n: number }>("SELECT n FROM big WHERE n < ? ORDER BY n", [3]);
  const b = conn.stream<{ n: number }>("SELECT n FROM big WHERE n < ? ORDER BY n", [3]);
  const [a1, b1, a2, b2] = [await a.next(), await b.next(), await a.next(), await b.next()];
  assert.deepEqual([a1.value, b1.value, a2.value, b2.value], [{ n: 0 }, { n: 0 }, { n: 1 }, { n: 1 }]);
  await a.return();
  await b.return();
  assert.equal((await conn.query("SELECT COUNT(*) AS n FROM big")).rowCount, 1);
});

test("prepared statements: columns, query, stream, close", async () => {
  const stmt = await conn.prepare("SELECT n, pad FROM big WHERE n BETWEEN :1 AND :2 ORDER BY n");
  assert.equal(stmt.command, "SELECT");
  assert.deepEqual(
    stmt.columns.map((c) => [c.name, c.type]),
    [
      ["n", "INTEGER"],
      ["pad", "VARCHAR"],
    ],
  );
  assert.deepEqual((await stmt.query([1, 2])).rows, [
    { n: 1, pad: "row 1" },
    { n: 2, pad: "row 2" },
  ]);
  const streamed: number[] = [];
  for await (const r of stmt.stream<{ n: number }>([5, 8])) streamed.push(r.n);
  assert.deepEqual(streamed, [5, 6, 7, 8]);
  await stmt.close();
  await stmt.close();
  assert.throws(() => stmt.stream([1, 2]), { code: "INVALID_STATE" });
});

test("abort and timeouts", async () => {
  const ac = new AbortController();
  ac.abort();
  await assert.rejects(conn.query("SELECT n FROM big", [], { signal: ac.signal }), { name: "AbortError" });
  assert.equal(conn.state, "idle");
  await using victim = await connect({ ...opts(), database: "qdb" });
  await assert.rejects(victim.query("SELECT n FROM big", [], { timeout: 1, fetchSize: 1 }), { name: "TimeoutError" });
  if (victim.state === "broken") {
    await assert.rejects(victim.query("SELECT 1 FROM big"), { code: "CONNECTION_BROKEN" });
  }
});

test("close is idempotent and later calls fail with CONNECTION_CLOSED", async () => {
  const c = await connect(opts());
  await Promise.all([c.close(), c.close()]);
  assert.equal(c.state, "closed");
  await assert.rejects(c.query("SELECT 1 FROM systables"), { name: "ConnectionError", code: "CONNECTION_CLOSED" });
});

test("a throwing type parser is a typed, non-fatal error; the connection and the cached statement stay usable", async () => {
  const sql = "SELECT tabid FROM systables WHERE tabid < ? ORDER BY tabid";
  const boom = () => {
    throw new RangeError("boom");
  };
  const types = { SERIAL: boom, INTEGER: boom };
  const failed = (e: unknown) => {
    assert.ok(e instanceof DriverError, String(e));
    assert.equal(e.code, "INVALID_ARGUMENT");
    assert.equal(e.fatal, false);
    assert.match(e.message, /parser failed on column "tabid": boom/);
    assert.ok(e.cause instanceof RangeError);
    return true;
  };
  await assert.rejects(conn.query(sql, [10], { types }), failed);
  assert.equal(conn.state, "idle");
  await assert.rejects(async () => {
    for await (const _ of conn.stream(sql, [10], { types })) {
      // the first row throws
    }
  }, failed);
  assert.equal(conn.state, "idle");
  const again = await conn.query(sql, [4]);
  assert.deepEqual(
    again.rows.map((r) => r.tabid),
    [1, 2, 3],
  );
});

test("a cached statement is re-prepared transparently after the server's -710 (table altered)", async () => {
  await conn.query("CREATE TABLE alt (id INTEGER, v VARCHAR(10))");
  await conn.query("INSERT INTO alt VALUES (1, 'a')");
  const sql = "SELECT * FROM alt WHERE id = ?";
  assert.deepEqual((await conn.query(sql, [1])).rows, [{ id: 1, v: "a" }]);
  const cached = conn.cache.size;
  await conn.query("ALTER TABLE alt ADD w INTEGER");
  await conn.query("UPDATE alt SET w = 7");
  // The cached statement predates the ALTER: the server answers -710 and the driver prepares again.
  assert.deepEqual((await conn.query(sql, [1])).rows, [{ id: 1, v: "a", w: 7 }]);
  assert.equal(conn.cache.size, cached);
  // An explicit prepared statement recovers the same way, and describes the new shape.
  const stmt = await conn.prepare(sql);
  assert.deepEqual(
    stmt.columns.map((c) => c.name),
    ["id", "v", "w"],
  );
  await conn.query("ALTER TABLE alt DROP w");
  assert.deepEqual((await stmt.query([1])).rows, [{ id: 1, v: "a" }]);
  assert.deepEqual(
    stmt.columns.map((c) => c.name),
    ["id", "v"],
  );
  await stmt.close();
});

test("prepare() describes its parameters as the server infers them", async () => {
  await conn.query("CREATE TABLE pdesc (id INTEGER NOT NULL, amount DECIMAL(10,2), at DATETIME YEAR TO SECOND)");
  const stmt = await conn.prepare("INSERT INTO pdesc VALUES (?, ?, ?)");
  assert.deepEqual(
    stmt.params.map((p) => [p.name, p.type, p.nullable, p.precision, p.scale, p.qualifier]),
    [
      ["1", "INTEGER", false, undefined, undefined, undefined],
      ["2", "DECIMAL", true, 10, 2, undefined],
      ["3", "DATETIME", true, 14, undefined, "YEAR TO SECOND"],
    ],
  );
  await stmt.close();
  const none = await conn.prepare("SELECT COUNT(*) AS n FROM pdesc");
  assert.deepEqual(none.params, []);
  await none.close();
});
