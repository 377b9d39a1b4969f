// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 9 item 4: user opaque types (CREATE OPAQUE TYPE) end to end against the emulator. The
// emulator cannot run an opaque type's C support functions, so it keeps a value as the text it
// was given and sends those bytes; the column is described as UDTVAR (40) or UDTFIXED (41) with
// the type's extended id and name, as sysxtdtypes lists it. The driver has no codec for such a
// type, so a value comes back as `{ typeName, bytes }`, never as an error; a fixed-length
// type's value is its INTERNALLENGTH bytes, zero filled.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type RunningEmulator, startEmulator } from "@informix-db/emulator";
import { type Connection, connect, InformixError } from "informix-db";

let emu: RunningEmulator;
let conn: Connection;
const text = (v: unknown) => {
  const o = v as { typeName: string; bytes: Uint8Array } | null;
  return o === null ? null : { typeName: o.typeName, text: new TextDecoder().decode(o.bytes) };
};

before(async () => {
  emu = await startEmulator({ host: "127.0.0.1", port: 0 });
  const opts = { host: emu.host, port: emu.port, user: "informix", password: "in4mix", server: "informix" };
  const admin = await connect(opts);
  await admin.query("CREATE DATABASE opq WITH LOG");
  await admin.close();
  conn = await connect({ ...opts, database: "opq" });
  await conn.query("CREATE OPAQUE TYPE circle_t (INTERNALLENGTH = VARIABLE, MAXLEN = 200)");
  await conn.query("CREATE OPAQUE TYPE IF NOT EXISTS circle_t (INTERNALLENGTH = VARIABLE)");
  await conn.query("CREATE OPAQUE TYPE pt_t (INTERNALLENGTH = 16, ALIGNMENT = 8, CANNOTHASH)");
  await conn.query("CREATE TABLE shapes (id INT, c circle_t, p pt_t)");
});

after(async () => {
  await conn?.close();
  await emu?.close();
});

test("CREATE OPAQUE TYPE: sysxtdtypes rows (mode B; 40 + maxlen for VARIABLE, 41 + length for a fixed length)", async () => {
  const res = await conn.query(
    "SELECT name, mode, type, maxlen, length FROM sysxtdtypes WHERE name IN ('circle_t', 'pt_t') ORDER BY name",
    [],
    { rowMode: "array" },
  );
  assert.deepEqual(res.rows, [
    ["circle_t", "B", 40, 200, 0],
    ["pt_t", "B", 41, 0, 16],
  ]);
});

test("opaque columns are described as UDTVAR/UDTFIXED with the type's name and read as { typeName, bytes }", async () => {
  await conn.query("DELETE FROM shapes");
  await conn.query("INSERT INTO shapes VALUES (1, '(1,2,3)', 'x''y')");
  await conn.query("INSERT INTO shapes VALUES (2, NULL, NULL)");
  const res = await conn.query("SELECT id, c, p FROM shapes ORDER BY id");
  assert.deepEqual(
    res.rows.map((r) => ({ id: r.id, c: text(r.c), p: text(r.p) })),
    [
      { id: 1, c: { typeName: "circle_t", text: "(1,2,3)" }, p: { typeName: "pt_t", text: `x'y${"\0".repeat(13)}` } },
      { id: 2, c: null, p: null },
    ],
  );
  const [c, p] = [res.columns[1]!, res.columns[2]!];
  assert.deepEqual([c.typeCode, c.extendedName, p.typeCode, p.extendedName], [40, "circle_t", 41, "pt_t"]);
});

test("an opaque value binds back from { typeName, bytes } and a cast of its text works", async () => {
  await conn.query("DELETE FROM shapes");
  const read = (await conn.query("SELECT c FROM shapes WHERE 1 = 0")).rows;
  assert.deepEqual(read, []);
  await conn.query("INSERT INTO shapes (id, c) VALUES (?, ?)", [
    3,
    { typeName: "circle_t", bytes: new TextEncoder().encode("(4,5,6)") },
  ]);
  await conn.query("INSERT INTO shapes (id, c) VALUES (4, '(7,8,9)'::circle_t)");
  const res = await conn.query("SELECT id, c FROM shapes ORDER BY id");
  assert.deepEqual(
    res.rows.map((r) => text(r.c)?.text),
    ["(4,5,6)", "(7,8,9)"],
  );
});

test("a malformed CREATE OPAQUE TYPE is a syntax error (-201) and the session stays usable; DROP TYPE removes it", async () => {
  for (const sql of [
    "CREATE OPAQUE TYPE bad_t (MAXLEN = 5)",
    "CREATE OPAQUE TYPE bad_t (INTERNALLENGTH = 0)",
    "CREATE OPAQUE TYPE bad_t INTERNALLENGTH = 4",
  ]) {
    await assert.rejects(conn.query(sql), (e: unknown) => e instanceof InformixError && e.sqlcode === -201, sql);
  }
  await conn.query("CREATE OPAQUE TYPE tmp_t (INTERNALLENGTH = VARIABLE)");
  await conn.query("DROP TYPE tmp_t RESTRICT");
  const left = await conn.query("SELECT COUNT(*) AS n FROM sysxtdtypes WHERE name IN ('tmp_t', 'bad_t')");
  assert.equal(Number(left.rows[0]!.n), 0);
});
