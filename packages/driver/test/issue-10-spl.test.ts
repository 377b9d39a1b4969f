// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 10 §1 through the driver: SPL routines created with query(), EXECUTE FUNCTION /
// EXECUTE PROCEDURE returning the routine's rows (one or many) through query() and stream(),
// a procedure without RETURNING as a plain command, and RAISE EXCEPTION as an InformixError.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type RunningEmulator, startEmulator } from "@informix-db/emulator";
import { type Connection, connect, InformixError } from "informix-db";

let emu: RunningEmulator;
let conn: Connection;

before(async () => {
  emu = await startEmulator({ port: 0 });
  conn = await connect({ host: emu.host, port: emu.port, user: "informix", password: "in4mix", server: "informix" });
  await conn.query("CREATE DATABASE spldb WITH LOG");
  await conn.selectDatabase("spldb");
  await conn.query("CREATE TABLE item (id INT, label VARCHAR(20))");
  await conn.query(`CREATE PROCEDURE add_item(i INT, l VARCHAR(20))
    INSERT INTO item VALUES (i, l);
  END PROCEDURE`);
  await conn.query("CREATE FUNCTION dbl(n INT) RETURNING INT; RETURN n * 2; END FUNCTION");
  await conn.query(`CREATE FUNCTION items_from(lo INT) RETURNING INT AS id, VARCHAR(20) AS label
    DEFINE i INT; DEFINE l VARCHAR(20);
    FOREACH SELECT id, label INTO i, l FROM item WHERE id >= lo ORDER BY id
      RETURN i, l WITH RESUME;
    END FOREACH
  END FUNCTION`);
  await conn.query(`CREATE PROCEDURE must_be_positive(n INT)
    IF n <= 0 THEN RAISE EXCEPTION -746, 0, 'not positive: ' || n; END IF
  END PROCEDURE`);
});

after(async () => {
  await conn?.close();
  await emu?.close();
});

test("issue 10: EXECUTE PROCEDURE of a procedure without RETURNING is a command", async () => {
  for (let i = 1; i <= 5; i++) {
    const r = await conn.query("EXECUTE PROCEDURE add_item(?, ?)", [i, `item ${i}`]);
    assert.deepEqual(r.rows, []);
  }
  assert.equal(Number((await conn.query("SELECT COUNT(*) AS n FROM item")).rows[0]?.["n"]), 5);
});

test("issue 10: EXECUTE FUNCTION returns the value through query(), with and without parameters", async () => {
  assert.deepEqual((await conn.query("EXECUTE FUNCTION dbl(21)", [], { rowMode: "array" })).rows, [[42]]);
  const r = await conn.query("EXECUTE FUNCTION dbl(?)", [50]);
  assert.deepEqual(r.rows, [{ "(expression)": 100 }]);
  assert.equal(r.columns[0]?.type, "INTEGER");
  assert.deepEqual((await conn.query("SELECT dbl(id) AS d FROM item WHERE dbl(id) > 8")).rows, [{ d: 10 }]);
});

test("issue 10: a routine returning many rows, through query() and stream()", async () => {
  const r = await conn.query("EXECUTE FUNCTION items_from(?)", [3]);
  assert.deepEqual(r.rows, [
    { id: 3, label: "item 3" },
    { id: 4, label: "item 4" },
    { id: 5, label: "item 5" },
  ]);
  const seen: number[] = [];
  for await (const row of conn.stream<{ id: number }>("EXECUTE FUNCTION items_from(?)", [1], { fetchSize: 2 })) {
    seen.push(row.id);
  }
  assert.deepEqual(seen, [1, 2, 3, 4, 5]);
  const first: number[] = [];
  for await (const row of conn.stream<{ id: number }>("EXECUTE PROCEDURE items_from(2)")) {
    first.push(row.id);
    if (first.length === 2) break;
  }
  assert.deepEqual(first, [2, 3]);
  assert.equal(conn.state, "idle");
});

test("issue 10: RAISE EXCEPTION is an InformixError with its code and text; the connection goes on", async () => {
  await assert.rejects(conn.query("EXECUTE PROCEDURE must_be_positive(?)", [-3]), (e: unknown) => {
    assert.ok(e instanceof InformixError);
    assert.equal(e.sqlcode, -746);
    assert.match(e.message, /not positive: -3/);
    return true;
  });
  await conn.query("EXECUTE PROCEDURE must_be_positive(3)");
  await assert.rejects(conn.query("CREATE PROCEDURE broken() LET x = ; END PROCEDURE"), { sqlcode: -201 });
  assert.deepEqual((await conn.query("EXECUTE FUNCTION dbl(1)", [], { rowMode: "array" })).rows, [[2]]);
});

test("issue 10: a function with an OUT parameter: EXECUTE FUNCTION gives its RETURNING value; an argument for the OUT parameter is -9752", async () => {
  await conn.query(
    "CREATE FUNCTION split_out(a INT, OUT b INT) RETURNING INT; LET b = a * 10; RETURN a + 1; END FUNCTION",
  );
  assert.deepEqual((await conn.query("EXECUTE FUNCTION split_out(?)", [4], { rowMode: "array" })).rows, [[5]]);
  await assert.rejects(conn.query("EXECUTE FUNCTION split_out(?, ?)", [4, null]), (e: unknown) => {
    assert.ok(e instanceof InformixError);
    assert.equal(e.sqlcode, -9752);
    assert.match(e.parameter, /^split_out:\d+:$/);
    return true;
  });
  assert.deepEqual((await conn.query("EXECUTE FUNCTION split_out(6)", [], { rowMode: "array" })).rows, [[7]]);
});
