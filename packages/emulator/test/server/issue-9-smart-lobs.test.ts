// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 9: smart LOBs in the emulator. The smart-LOB functions are taken out of the
// statement before the engine sees it (hidden `?` for FILETOBLOB/FILETOCLOB, the locator
// for LOTOFILE/IFX_LO_OPEN/LOCOPY), and the sbspace hands out locators that only it
// resolves. The wire exchange itself (SQ_FILE, the fast path) is proven end to end by
// informix-driver's own suite (conformance/python-suite: test_smart_lob*.py, test_fastpath.py).

import assert from "node:assert/strict";
import { test } from "node:test";
import { SMART_LOB_LOCATOR_BYTES } from "@informix-db/protocol";
import { InformixSqlError } from "../../src/engine/informix-sql-error.js";
import { Sbspace, SQLCODE_SMART_LOB } from "../../src/server/sbspace.js";
import { planLobSql } from "../../src/server/smart-lob-sql.js";

test("issue 9: FILETOBLOB becomes a hidden parameter at its place among the client's", () => {
  const p = planLobSql("UPDATE t SET a = ?, data = FILETOBLOB('/tmp/x', 'client') WHERE id = ?");
  assert.ok(p);
  assert.equal(p.sql, "UPDATE t SET a = ?, data = ? WHERE id = ?");
  assert.deepEqual(p.inputs, [{ param: 1, kind: "blob", name: "/tmp/x", client: true }]);
  const c = planLobSql("INSERT INTO t VALUES (1, filetoclob('in.txt', 'server'))");
  assert.deepEqual(c?.inputs, [{ param: 0, kind: "clob", name: "in.txt", client: false }]);
});

test("issue 9: LOTOFILE and IFX_LO_OPEN in the select list name their column", () => {
  const p = planLobSql("SELECT id, lotofile(data, '/tmp/o', 'client'), ifx_lo_open(data, 4) FROM t WHERE id = ?");
  assert.ok(p);
  assert.equal(p.sql, "SELECT id, data, data FROM t WHERE id = ?");
  assert.deepEqual(p.outputs, [
    { fn: "lotofile", column: 1, name: "/tmp/o", client: true },
    { fn: "open", column: 2, mode: 4 },
  ]);
});

test("issue 9: statements without smart-LOB functions are left alone; misuse is -9810", () => {
  assert.equal(planLobSql("SELECT 'lotofile(' FROM t"), undefined);
  assert.equal(planLobSql("SELECT id FROM t"), undefined);
  const code = (sql: string) => {
    try {
      planLobSql(sql);
    } catch (e) {
      return e instanceof InformixSqlError ? e.sqlcode : 0;
    }
    return 0;
  };
  assert.equal(code("SELECT id FROM t WHERE lotofile(data, '/x', 'client') = 'a'"), SQLCODE_SMART_LOB);
  assert.equal(code("INSERT INTO t VALUES (filetoblob(?, 'client'))"), SQLCODE_SMART_LOB);
  assert.equal(code("INSERT INTO t VALUES (filetoblob('/x', 'elsewhere'))"), SQLCODE_SMART_LOB);
});

test("issue 9: the sbspace resolves its own locators only; writes grow the LOB", () => {
  const space = new Sbspace();
  const { lob, locator } = space.create("blob", Uint8Array.of(1, 2, 3));
  assert.equal(locator.length, SMART_LOB_LOCATOR_BYTES);
  assert.equal(space.get(locator), lob);
  space.write(lob, 5, Uint8Array.of(9));
  assert.deepEqual([...space.bytes(lob)], [1, 2, 3, 0, 0, 9]);
  const copy = space.copy(locator);
  assert.notDeepEqual(copy, locator);
  assert.deepEqual([...space.bytes(space.get(copy))], [1, 2, 3, 0, 0, 9]);
  const other = new Sbspace();
  assert.throws(
    () => other.get(locator),
    (e: unknown) => e instanceof InformixSqlError && e.sqlcode === -9810,
  );
  assert.throws(() => space.get(new Uint8Array(10)), InformixSqlError);
});
