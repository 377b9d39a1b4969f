// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors

import assert from "node:assert/strict";
import { test } from "node:test";
import { orderParameters, planPlaceholders } from "../src/statement/placeholders.js";

test("? markers are counted and left alone", () => {
  const p = planPlaceholders("SELECT * FROM t WHERE a = ? AND b = ?");
  assert.equal(p.sql, "SELECT * FROM t WHERE a = ? AND b = ?");
  assert.equal(p.count, 2);
  assert.equal(p.order, undefined);
});

test(":n markers become ? with their parameter order", () => {
  const p = planPlaceholders("UPDATE t SET a = :2 WHERE id = :1 OR id = :1");
  assert.equal(p.sql, "UPDATE t SET a = ? WHERE id = ? OR id = ?");
  assert.equal(p.count, 3);
  assert.deepEqual(orderParameters(p, ["x", "y"]), ["y", "x", "x"]);
});

test("markers inside literals, quoted names and comments are not touched", () => {
  const sql = "SELECT ':1', \"a?\", 'it''s ?' -- :1 ?\n, x /* ? :2 */ {?} FROM t WHERE c = :1";
  const p = planPlaceholders(sql);
  assert.equal(p.count, 1);
  assert.equal(p.sql, sql.replace(/:1$/, "?"));
});

test(":: casts, host:port-like words and DATETIME literals are not markers", () => {
  const p = planPlaceholders("SELECT '1'::INTEGER, abc:12x, EXTEND(c, HOUR TO MINUTE) FROM t WHERE t = '10:30'");
  assert.equal(p.count, 0);
});

test("mixing ? and :n is rejected, wrong counts too", () => {
  assert.throws(() => planPlaceholders("SELECT ? , :1 FROM t"), { code: "INVALID_ARGUMENT" });
  assert.throws(() => orderParameters(planPlaceholders("SELECT ? FROM t"), []), { code: "INVALID_ARGUMENT" });
  assert.throws(() => orderParameters(planPlaceholders("SELECT :2 FROM t"), [1]), { code: "INVALID_ARGUMENT" });
});
