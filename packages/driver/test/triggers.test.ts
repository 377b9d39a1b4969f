// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Informix triggers through the driver against the emulator: an INSERT fires an SPL procedure
// through a FOR EACH ROW trigger (with the new row's values, a parameter bound by the client),
// a RAISE EXCEPTION in that procedure fails the INSERT with its code and leaves no row, and the
// trigger shows in systriggers.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type RunningEmulator, startEmulator } from "@informix-db/emulator";
import { type Connection, connect, InformixError } from "informix-db";

let emu: RunningEmulator;
let conn: Connection;

before(async () => {
  emu = await startEmulator({ port: 0 });
  conn = await connect({ host: emu.host, port: emu.port, user: "informix", password: "in4mix", server: "informix" });
  await conn.query("CREATE DATABASE trgdb WITH LOG");
  await conn.selectDatabase("trgdb");
  await conn.query("CREATE TABLE orders (id SERIAL PRIMARY KEY, qty INT)");
  await conn.query("CREATE TABLE order_log (order_id INT, qty INT, total INT)");
  await conn.query(`CREATE PROCEDURE log_order(i INT, q INT)
    DEFINE t INT;
    IF q <= 0 THEN RAISE EXCEPTION -746, 0, 'bad quantity: ' || q; END IF
    SELECT SUM(qty) INTO t FROM orders;
    INSERT INTO order_log VALUES (i, q, t);
  END PROCEDURE`);
  await conn.query(`CREATE TRIGGER orders_ins INSERT ON orders REFERENCING NEW AS n
    FOR EACH ROW (EXECUTE PROCEDURE log_order(n.id, n.qty))`);
});

after(async () => {
  await conn?.close();
  await emu?.close();
});

test("an INSERT fires an SPL procedure through a trigger, with the new row", async () => {
  await conn.query("INSERT INTO orders (qty) VALUES (?)", [3]);
  await conn.query("INSERT INTO orders (qty) VALUES (?)", [4]);
  const r = await conn.query("SELECT order_id, qty, total FROM order_log ORDER BY order_id", [], { rowMode: "array" });
  assert.deepEqual(r.rows, [
    [1, 3, 3],
    [2, 4, 7],
  ]);
});

test("the procedure's RAISE EXCEPTION fails the INSERT, which leaves no row", async () => {
  await assert.rejects(conn.query("INSERT INTO orders (qty) VALUES (?)", [0]), (e: unknown) => {
    assert.ok(e instanceof InformixError);
    assert.equal(e.sqlcode, -746);
    assert.match(e.message, /bad quantity: 0/);
    return true;
  });
  const n = await conn.query("SELECT COUNT(*) AS n FROM orders WHERE qty = 0");
  assert.equal(Number(n.rows[0]?.["n"]), 0);
  const t = await conn.query("SELECT trigname, event, new FROM systriggers", [], { rowMode: "array" });
  assert.deepEqual(t.rows, [["orders_ins", "I", "n"]]);
});
