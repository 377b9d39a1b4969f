// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 9 item 2, the column's storage spec: which "table.column" a BLOB/CLOB parameter of an
// INSERT names in ifx_lo_col_sbinfo (IBM JDBC's step 2, docs/protocol/smart-lobs.md §4.4).
// The table is read from `INSERT INTO <table>` as the SQL spells it (after comments, which IBM
// JDBC gets wrong); the column from the INSERT's DESCRIBE; anything unclear keeps the default spec.

import assert from "node:assert/strict";
import { test } from "node:test";
import { typeCodes as T } from "@informix-db/protocol";
import { insertTable, lobColumnNames } from "../src/statement/lob-columns.js";
import type { StatementHandle } from "../src/statement/statement-ops.js";

test("insertTable reads the table of INSERT INTO as written, after comments", () => {
  const cases: [string, string | undefined][] = [
    ["INSERT INTO t VALUES (?, ?)", "t"],
    ["insert into informix.tq (c, id, b) values (?, ?, ?)", "informix.tq"],
    ["INSERT INTO cf_j_sbinfo:tq (id, b) VALUES (1 + ?, ?)", "cf_j_sbinfo:tq"],
    ["INSERT INTO db@srv:owner.t(id) VALUES (?)", "db@srv:owner.t"],
    ['  /* x */ INSERT INTO "informix".tq(id,b,c) VALUES(?,?,?)', '"informix".tq'],
    ["-- note\n{ old style }\nINSERT\n  INTO\tt2\n(id) VALUES (?)", "t2"],
    ["UPDATE t SET b = ?", undefined],
    ["INSERTS INTO t VALUES (?)", undefined],
    ["INSERT INTO", undefined],
    ["INSERT INTO t; DROP TABLE x", undefined],
    ["/* unterminated INSERT INTO t", undefined],
  ];
  for (const [sql, table] of cases) assert.equal(insertTable(sql), table, sql);
});

const field = (name: string, type: number, extendedName = "") => ({
  name,
  startPosition: 0,
  type,
  extendedId: 0,
  extendedOwner: "",
  extendedName,
  reference: 0,
  alignment: 0,
  sourceType: 0,
  encodedLength: 0,
});
const handle = (sql: string, statementType: number, fields: ReturnType<typeof field>[]) =>
  ({ sql, statementType, fields }) as unknown as StatementHandle;
const cols = [field("c", T.SQLUDTFIXED, "clob"), field("id", T.SQLINT), field("b", T.SQLUDTFIXED, "blob")];

test("lobColumnNames pairs the BLOB/CLOB parameters with the DESCRIBE's BLOB/CLOB columns in order", () => {
  const h = handle("insert into informix.tq (c, id, b) values (?, ?, ?)", T.SQ_INSERT, cols);
  assert.deepEqual(lobColumnNames(h, ["clob", undefined, "blob"]), ["informix.tq.c", undefined, "informix.tq.b"]);
});

test("lobColumnNames gives up when anything is unclear", () => {
  const sql = "INSERT INTO tq (c, id, b) VALUES (?, ?, ?)";
  // one LOB parameter for two LOB columns (the other filled by an expression)
  assert.equal(lobColumnNames(handle(sql, T.SQ_INSERT, cols), [undefined, undefined, "blob"]), null);
  // kinds out of order
  assert.equal(lobColumnNames(handle(sql, T.SQ_INSERT, cols), ["blob", undefined, "clob"]), null);
  // an UPDATE (no DESCRIBE columns), a statement that is not INSERT INTO <name>
  assert.equal(lobColumnNames(handle("UPDATE tq SET b = ?", T.SQ_UPDATE, []), ["blob"]), null);
  assert.equal(lobColumnNames(handle("EXECUTE PROCEDURE p(?)", T.SQ_INSERT, cols.slice(2)), ["blob"]), null);
});
