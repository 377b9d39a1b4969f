// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Informix triggers on the engine: CREATE TRIGGER of each kind (BEFORE / FOR EACH ROW / AFTER,
// WHEN conditions, REFERENCING, UPDATE OF, INSTEAD OF on a view, SELECT), every action kind,
// DISABLED / SET TRIGGERS, DROP TRIGGER, DROP TABLE, the systriggers / systrigbody catalog and
// the errors IDS gives (-206, -674, -743, -634, -744, -748, -201, a failing action undoing its statement).

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createEngine } from "../../src/engine/create-engine.js";
import type { Engine, EngineSession } from "../../src/engine/types.js";
import { exec, query, rejects } from "../engine/helpers.js";

describe("triggers (pglite)", () => {
  let engine: Engine;
  let s: EngineSession;
  before(async () => {
    engine = await createEngine("pglite", {});
    s = engine.openSession("informix");
    await exec(s, "CREATE DATABASE trg WITH LOG");
    await exec(s, "CREATE TABLE item (id SERIAL PRIMARY KEY, name VARCHAR(20), qty INT, price DECIMAL(8,2))");
    await exec(
      s,
      "CREATE TABLE audit (id SERIAL, kind CHAR(1), item_id INT, old_qty INT, new_qty INT, note VARCHAR(40))",
    );
  });
  after(async () => {
    await s.close();
    await engine.close();
  });

  async function audit(): Promise<unknown[][]> {
    const rows = (await query(s, "SELECT kind, item_id, old_qty, new_qty, note FROM audit ORDER BY id")).rows;
    await exec(s, "DELETE FROM audit");
    return rows;
  }

  it("FOR EACH ROW INSERT trigger sees the new row, SERIAL filled in", async () => {
    await exec(
      s,
      `CREATE TRIGGER item_ins INSERT ON item REFERENCING NEW AS n
       FOR EACH ROW (INSERT INTO audit (kind, item_id, new_qty, note) VALUES ('I', n.id, n.qty, n.name))`,
    );
    await exec(s, "INSERT INTO item (name, qty, price) VALUES ('bolt', 10, 1.50)");
    await exec(s, "INSERT INTO item (name, qty, price) VALUES ('nut', 20, 0.25)");
    assert.deepEqual(await audit(), [
      ["I", 1, null, 10, "bolt"],
      ["I", 2, null, 20, "nut"],
    ]);
  });

  it("BEFORE and AFTER run once per statement, FOR EACH ROW per row; UPDATE OF, OLD and NEW, WHEN lists", async () => {
    await exec(
      s,
      `CREATE TRIGGER item_upd UPDATE OF qty ON item REFERENCING OLD AS o NEW AS n
       BEFORE (INSERT INTO audit (kind, note) VALUES ('B', 'before'))
       FOR EACH ROW WHEN (n.qty > o.qty) (INSERT INTO audit (kind, item_id, old_qty, new_qty, note) VALUES ('U', o.id, o.qty, n.qty, 'up')),
                    WHEN (n.qty < o.qty) (INSERT INTO audit (kind, item_id, old_qty, new_qty, note) VALUES ('U', o.id, o.qty, n.qty, 'down'),
                                          UPDATE audit SET note = 'seen', kind = 'S' WHERE kind = 'B')
       AFTER (INSERT INTO audit (kind, note) VALUES ('A', 'after'))`,
    );
    await exec(s, "UPDATE item SET qty = qty + 5 WHERE id = 1");
    assert.deepEqual(await audit(), [
      ["B", null, null, null, "before"],
      ["U", 1, 10, 15, "up"],
      ["A", null, null, null, "after"],
    ]);
    await exec(s, "UPDATE item SET qty = qty - 1");
    const rows = await audit();
    // The row actions run in the order the rows are updated, which no ORDER BY fixes.
    rows.splice(1, 2, ...rows.slice(1, 3).sort((a, b) => Number(a[1]) - Number(b[1])));
    assert.deepEqual(rows, [
      ["S", null, null, null, "seen"],
      ["U", 1, 15, 14, "down"],
      ["U", 2, 20, 19, "down"],
      ["A", null, null, null, "after"],
    ]);
    // Not a triggering column: no action at all.
    await exec(s, "UPDATE item SET price = 2 WHERE id = 1");
    assert.deepEqual(await audit(), []);
    // BEFORE / AFTER run even when no row qualifies.
    await exec(s, "UPDATE item SET qty = 0 WHERE id = 99");
    assert.deepEqual(await audit(), [
      ["B", null, null, null, "before"],
      ["A", null, null, null, "after"],
    ]);
  });

  it("MERGE fires the UPDATE trigger of the rows it updates", async () => {
    await audit();
    await exec(
      s,
      `MERGE INTO item t USING (SELECT 1 AS k, 50 AS q FROM systables WHERE tabid = 1) AS m ON t.id = m.k
       WHEN MATCHED THEN UPDATE SET qty = m.q`,
    );
    assert.deepEqual(await audit(), [
      ["B", null, null, null, "before"],
      ["U", 1, 14, 50, "up"],
      ["A", null, null, null, "after"],
    ]);
  });

  it("EXECUTE PROCEDURE runs an SPL routine with the old row's values (DELETE trigger)", async () => {
    await exec(
      s,
      `CREATE PROCEDURE log_delete(i INT, q INT)
         INSERT INTO audit (kind, item_id, old_qty, note) VALUES ('D', i, q, 'proc');
       END PROCEDURE`,
    );
    await exec(s, "CREATE PROCEDURE stamp() INSERT INTO audit (kind, note) VALUES ('X', 'stamp'); END PROCEDURE");
    await exec(
      s,
      `CREATE TRIGGER item_del DELETE ON item REFERENCING OLD AS gone
       FOR EACH ROW (EXECUTE PROCEDURE log_delete(gone.id, gone.qty))
       AFTER (EXECUTE PROCEDURE stamp)`,
    );
    await exec(s, "INSERT INTO item (name, qty) VALUES ('tmp', 7)");
    await audit();
    await exec(s, "DELETE FROM item WHERE name = 'tmp'");
    assert.deepEqual(await audit(), [
      ["D", 3, 7, null, "proc"],
      ["X", null, null, null, "stamp"],
    ]);
  });

  it("a failing action fails the triggering statement with the action's error and undoes it", async () => {
    await exec(s, "CREATE TABLE uniq (k INT PRIMARY KEY)");
    await exec(s, "INSERT INTO uniq VALUES (1)");
    await exec(s, "CREATE TABLE src (k INT)");
    await exec(
      s,
      "CREATE TRIGGER src_ins INSERT ON src REFERENCING NEW AS n FOR EACH ROW (INSERT INTO uniq VALUES (n.k))",
    );
    await exec(s, "INSERT INTO src VALUES (2)");
    await rejects(exec(s, "INSERT INTO src VALUES (1)"), -268);
    assert.deepEqual((await query(s, "SELECT k FROM src ORDER BY k")).rows, [[2]]);
    await exec(s, "BEGIN WORK");
    await exec(s, "INSERT INTO src VALUES (3)");
    await rejects(exec(s, "INSERT INTO src VALUES (1)"), -268);
    await exec(s, "COMMIT WORK");
    assert.deepEqual((await query(s, "SELECT k FROM src ORDER BY k")).rows, [[2], [3]]);
    // RAISE EXCEPTION -745 in a procedure the trigger calls: the statement fails with it.
    await exec(s, "CREATE PROCEDURE refuse(k INT) IF k < 0 THEN RAISE EXCEPTION -745; END IF; END PROCEDURE");
    await exec(
      s,
      "CREATE TRIGGER src_chk INSERT ON src REFERENCING NEW AS n FOR EACH ROW (EXECUTE PROCEDURE refuse(n.k))",
    );
    await rejects(exec(s, "INSERT INTO src VALUES (-5)"), -745);
    assert.deepEqual((await query(s, "SELECT COUNT(*) FROM src WHERE k = -5")).rows, [["0"]]);
  });

  it("EXECUTE FUNCTION ... INTO sets columns of the new row", async () => {
    await exec(s, "CREATE TABLE line (id SERIAL, qty INT, price DECIMAL(8,2), total DECIMAL(10,2), tag VARCHAR(10))");
    await exec(
      s,
      "CREATE FUNCTION line_total(q INT, p DECIMAL(8,2)) RETURNING DECIMAL(10,2), VARCHAR(10); RETURN q * p, 'calc'; END FUNCTION",
    );
    await exec(
      s,
      `CREATE TRIGGER line_calc INSERT ON line REFERENCING NEW AS n
       FOR EACH ROW (EXECUTE FUNCTION line_total(n.qty, n.price) INTO total, tag,
                     INSERT INTO audit (kind, item_id) VALUES ('L', n.id))`,
    );
    await audit();
    await exec(s, "INSERT INTO line (qty, price) VALUES (3, 2.50)");
    assert.deepEqual((await query(s, "SELECT id, total, tag FROM line")).rows, [[1, "7.50", "calc"]]);
    assert.deepEqual(await audit(), [["L", 1, null, null, null]]);
    // INTO only in FOR EACH ROW of INSERT and UPDATE triggers.
    await rejects(
      exec(s, "CREATE TRIGGER line_bad DELETE ON line FOR EACH ROW (EXECUTE FUNCTION line_total(1, 1) INTO total)"),
      -201,
    );
    await rejects(
      exec(s, "CREATE TRIGGER line_bad2 INSERT ON line AFTER (EXECUTE FUNCTION line_total(1, 1) INTO total)"),
      -201,
    );
  });

  it("INSTEAD OF triggers make a view writable", async () => {
    await exec(s, "CREATE TABLE base (k INT, v VARCHAR(10))");
    await exec(s, "CREATE VIEW vbase AS SELECT k, v FROM base");
    await exec(
      s,
      `CREATE TRIGGER vbase_ins INSTEAD OF INSERT ON vbase REFERENCING NEW AS n
       FOR EACH ROW (INSERT INTO base VALUES (n.k * 10, n.v))`,
    );
    await exec(
      s,
      `CREATE TRIGGER vbase_del INSTEAD OF DELETE ON vbase REFERENCING OLD AS o
       FOR EACH ROW (DELETE FROM base WHERE k = o.k)`,
    );
    const r = await exec(s, "INSERT INTO vbase VALUES (1, 'one')");
    assert.equal(r.rowCount, 1);
    await exec(s, "INSERT INTO vbase VALUES (2, 'two')");
    await exec(s, "DELETE FROM vbase WHERE v = 'one'");
    assert.deepEqual((await query(s, "SELECT k, v FROM base")).rows, [[20, "two"]]);
    const cat = await query(
      s,
      "SELECT event FROM systriggers WHERE trigname IN ('vbase_ins', 'vbase_del') ORDER BY event",
    );
    assert.deepEqual(cat.rows, [["d"], ["i"]]);
  });

  it("DISABLED triggers do not fire; SET TRIGGERS enables and disables them (sysobjstate)", async () => {
    await exec(s, "CREATE TABLE quiet (k INT)");
    await exec(
      s,
      "CREATE TRIGGER quiet_ins INSERT ON quiet REFERENCING NEW AS n FOR EACH ROW (INSERT INTO audit (kind, item_id) VALUES ('Q', n.k)) DISABLED",
    );
    await audit();
    await exec(s, "INSERT INTO quiet VALUES (1)");
    assert.deepEqual(await audit(), []);
    const state = "SELECT state FROM sysobjstate WHERE objtype = 'T' AND name = 'quiet_ins'";
    assert.deepEqual((await query(s, state)).rows, [["D"]]);
    await exec(s, "SET TRIGGERS quiet_ins ENABLED");
    await exec(s, "INSERT INTO quiet VALUES (2)");
    assert.deepEqual(await audit(), [["Q", 2, null, null, null]]);
    assert.deepEqual((await query(s, state)).rows, [["E"]]);
    await exec(s, "SET TRIGGERS FOR quiet DISABLED");
    await exec(s, "INSERT INTO quiet VALUES (3)");
    assert.deepEqual(await audit(), []);
    await rejects(exec(s, "SET TRIGGERS nosuch ENABLED"), -634);
  });

  it("systriggers and systrigbody as DBeaver reads them", async () => {
    const names = await query(
      s,
      "SELECT T1.trigname FROM informix.systriggers AS T1, informix.systables AS T2 WHERE T2.tabid = T1.tabid AND T2.tabname = ? ORDER BY 1",
      ["item"],
    );
    assert.deepEqual(names.rows, [["item_del"], ["item_ins"], ["item_upd"]]);
    const row = await query(s, "SELECT owner, event, old, new, mode FROM systriggers WHERE trigname = 'item_upd'");
    assert.deepEqual(row.rows, [["informix", "U", "o", "n", null]]);
    const body = await query(
      s,
      `select tb.data from systables ta join systriggers tr on tr.tabid = ta.tabid join systrigbody tb on tb.trigid = tr.trigid
       where ta.tabname = 'item' and ta.tabtype='T' and tb.datakey IN ('A', 'D') order by tr.trigname, datakey desc, seqno`,
    );
    const text = body.rows.map((r) => String(r[0]).trimEnd()).join(" ");
    assert.match(
      text,
      /^CREATE TRIGGER item_del DELETE ON item REFERENCING OLD AS gone FOR EACH ROW \(EXECUTE PROCEDURE/,
    );
    assert.match(text, /CREATE TRIGGER item_ins INSERT ON item REFERENCING NEW AS n FOR EACH ROW \(INSERT INTO audit/);
    const keys = await query(s, "SELECT DISTINCT datakey FROM systrigbody ORDER BY 1");
    assert.deepEqual(keys.rows, [["A"], ["D"]]);
    // Long text comes in 256-character pieces.
    const long = await query(
      s,
      "SELECT b.seqno, LENGTH(b.data) FROM systrigbody b, systriggers t WHERE b.trigid = t.trigid AND t.trigname = 'item_upd' AND b.datakey = 'A' ORDER BY 1",
    );
    assert.ok(long.rows.length >= 2, `pieces: ${JSON.stringify(long.rows)}`);
    assert.equal(long.rows[0]?.[1], 256);
  });

  it("errors: missing table -206 (trigger's or action's), missing routine -674, ON DELETE CASCADE -742, duplicate name -743, unknown trigger -634, transaction statement -744, syntax -201", async () => {
    await rejects(exec(s, "CREATE TRIGGER t_missing INSERT ON nosuch FOR EACH ROW (DELETE FROM audit)"), -206);
    await rejects(exec(s, "CREATE TRIGGER item_ins DELETE ON audit FOR EACH ROW (DELETE FROM uniq)"), -743);
    // What the actions name must exist, as in IDS.
    await rejects(
      exec(s, "CREATE TRIGGER t_tab INSERT ON src FOR EACH ROW (DELETE FROM nosuch)"),
      -206,
      -111,
      "nosuch",
    );
    await rejects(exec(s, "CREATE TRIGGER t_proc INSERT ON src AFTER (EXECUTE PROCEDURE nosuch_proc)"), -674);
    await exec(s, "CREATE TRIGGER IF NOT EXISTS item_ins DELETE ON audit FOR EACH ROW (DELETE FROM uniq)");
    await exec(s, "CREATE TABLE child (k INT REFERENCES uniq (k) ON DELETE CASCADE)");
    await rejects(exec(s, "CREATE TRIGGER t_casc DELETE ON child FOR EACH ROW (DELETE FROM audit)"), -742);
    await rejects(exec(s, "DROP TRIGGER nosuch"), -634);
    await exec(s, "DROP TRIGGER IF EXISTS nosuch");
    await rejects(exec(s, "CREATE TRIGGER t_tx INSERT ON src FOR EACH ROW (BEGIN WORK)"), -744);
    await rejects(
      exec(s, "CREATE TRIGGER t_ref INSERT ON src REFERENCING OLD AS o FOR EACH ROW (DELETE FROM uniq)"),
      -201,
    );
    await rejects(exec(s, "CREATE TRIGGER t_norow INSERT ON src REFERENCING NEW AS n AFTER (DELETE FROM uniq)"), -201);
    await rejects(exec(s, "CREATE TRIGGER t_empty INSERT ON src"), -201);
    await rejects(exec(s, "CREATE TRIGGER t_sel INSERT ON src FOR EACH ROW (SELECT 1 FROM uniq)"), -201);
    // The session is still usable.
    assert.deepEqual((await query(s, "SELECT COUNT(*) FROM systriggers WHERE trigname LIKE 't\\_%'")).rows, [["0"]]);
  });

  it("DROP TRIGGER removes it; DROP TABLE drops the table's triggers", async () => {
    await exec(s, "DROP TRIGGER src_chk");
    await exec(s, "INSERT INTO src VALUES (-6)");
    await exec(s, "CREATE TRIGGER sel_trg SELECT ON src FOR EACH ROW (INSERT INTO audit (kind) VALUES ('S'))");
    assert.deepEqual((await query(s, "SELECT event FROM systriggers WHERE trigname = 'sel_trg'")).rows, [["S"]]);
    await exec(s, "DROP TABLE src");
    const left = await query(s, "SELECT trigname FROM systriggers WHERE trigname IN ('src_ins', 'sel_trg')");
    assert.deepEqual(left.rows, []);
    await rejects(exec(s, "DROP TRIGGER src_ins"), -634);
    // The name is free again.
    await exec(s, "CREATE TABLE src (k INT)");
    await exec(s, "CREATE TRIGGER src_ins INSERT ON src FOR EACH ROW (INSERT INTO audit (kind) VALUES ('N'))");
    await audit();
    await exec(s, "INSERT INTO src VALUES (1)");
    assert.deepEqual(await audit(), [["N", null, null, null, null]]);
  });

  it("cascading triggers stop at IDS's limit (-748)", async () => {
    await exec(s, "CREATE TABLE ping (k INT)");
    await exec(s, "CREATE TABLE pong (k INT)");
    await exec(
      s,
      "CREATE TRIGGER ping_ins INSERT ON ping REFERENCING NEW AS n FOR EACH ROW (INSERT INTO pong VALUES (n.k + 1))",
    );
    await exec(
      s,
      "CREATE TRIGGER pong_ins INSERT ON pong REFERENCING NEW AS n FOR EACH ROW (INSERT INTO ping VALUES (n.k + 1))",
    );
    await rejects(exec(s, "INSERT INTO ping VALUES (0)"), -748);
    assert.deepEqual((await query(s, "SELECT COUNT(*) FROM ping")).rows, [["0"]]);
  });
});
