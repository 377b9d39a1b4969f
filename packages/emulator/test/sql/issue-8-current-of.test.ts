// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 8 §1: the rewriter's part of positioned updates (sql/rewrite-current-of.ts): a FOR
// UPDATE query on one table selects the row's ctid as a hidden last column; Informix's
// FOR UPDATE OF names columns and is dropped; WHERE CURRENT OF becomes a ctid placeholder.

import assert from "node:assert/strict";
import { test } from "node:test";
import type { RewriteContext } from "../../src/sql/context.js";
import type { SqlPlan } from "../../src/sql/plan.js";
import { rewrite } from "../../src/sql/rewriter.js";

const ctx: RewriteContext = {
  user: "informix",
  database: "stores",
  tempSchema: "ifx_tmp_1",
  serverName: "ol_test",
  hostName: "testhost",
  sessionId: 7,
  lastSerial: 42,
  lastRowCount: 3,
  lastSerial8: 0n,
  lastBigserial: 0n,
};

function sql(text: string): SqlPlan {
  const p = rewrite(text, ctx);
  assert.equal(p.kind, "sql");
  return p as SqlPlan;
}

const squash = (s: string) => s.replace(/\s+/g, " ").trim();

test("issue 8: FOR UPDATE on one table carries the row's ctid last", () => {
  const p = sql("select customer_num, fname from customer c where customer_num = ? for update");
  assert.equal(p.rowIdentity?.table, "customer");
  assert.equal(p.forUpdate, true);
  assert.match(squash(p.sql), /fname , ctid::text AS ifx_rowid FROM customer c WHERE .* FOR UPDATE$/i);
  assert.equal(p.paramCount, 1);
});

test("issue 8: FOR UPDATE OF columns: PostgreSQL's OF names tables, so the column list goes", () => {
  const p = sql("SELECT * FROM informix.customer WHERE fname LIKE 'A%' FOR UPDATE OF fname, lname");
  assert.equal(p.rowIdentity?.table, "customer");
  assert.match(squash(p.sql), /FOR UPDATE$/);
  assert.doesNotMatch(p.sql, /lname/);
});

test("issue 8: a join, a comma list or a UNION has no row identity", () => {
  for (const text of [
    "SELECT a.n FROM a, b WHERE a.n = b.n FOR UPDATE",
    "SELECT a.n FROM a JOIN b ON a.n = b.n FOR UPDATE",
    "SELECT n FROM (SELECT n FROM a) x FOR UPDATE",
    "SELECT n FROM a UNION SELECT n FROM b FOR UPDATE",
  ]) {
    const p = sql(text);
    assert.equal(p.rowIdentity, undefined, text);
    assert.doesNotMatch(p.sql, /ctid/, text);
  }
  // A subquery elsewhere does not make the FROM list more than one table.
  const p = sql("SELECT n FROM a WHERE n IN (SELECT n FROM b) FOR UPDATE");
  assert.equal(p.rowIdentity?.table, "a");
  assert.doesNotMatch(p.rowIdentity?.plainSql ?? "", /ctid/, "the SQL for a view has no ctid");
  assert.match(squash(p.sql), /^SELECT n , ctid::text AS ifx_rowid FROM a WHERE/);
});

test("issue 8: UPDATE/DELETE ... WHERE CURRENT OF take the ctid as one placeholder more", () => {
  const u = sql("update customer set fname = ? where current of _ifxc000000000000v ;");
  assert.deepEqual(u.currentOf, { cursor: "_ifxc000000000000v", table: "customer" });
  assert.equal(u.paramCount, 1, "the client binds one value");
  assert.match(squash(u.sql), /SET fname = \$1 WHERE ctid = \$2::text::tid RETURNING ctid::text$/i);
  const d = sql("DELETE FROM stores:informix.orders WHERE CURRENT OF Cur1");
  assert.deepEqual(d.currentOf, { cursor: "cur1", table: "orders" });
  assert.match(squash(d.sql), /WHERE ctid = \$1::text::tid$/);
  // CURRENT elsewhere is still the DATETIME.
  const t = sql("UPDATE t SET d = CURRENT WHERE n = 1");
  assert.equal(t.currentOf, undefined);
});
