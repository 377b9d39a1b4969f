// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 8: SET ISOLATION and SET TRANSACTION ISOLATION LEVEL are planned as the level
// they name (the engine maps it onto PostgreSQL), and a level IDS does not have is -201.

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { InformixSqlError } from "../../src/engine/informix-sql-error.js";
import type { RewriteContext } from "../../src/sql/context.js";
import { rewrite } from "../../src/sql/rewriter.js";
import { SQ_SETISOL } from "../../src/sql/type-codes.js";

const ctx: RewriteContext = {
  user: "informix",
  database: "stores",
  tempSchema: "ifx_tmp_1",
  serverName: "ol_test",
  hostName: "testhost",
  sessionId: 7,
  lastSerial: 0,
  lastRowCount: 0,
  lastSerial8: 0n,
  lastBigserial: 0n,
};

function level(text: string): string | undefined {
  const plan = rewrite(text, ctx);
  assert.equal(plan.statementType, SQ_SETISOL, text);
  return plan.kind === "isolation" ? plan.level : plan.kind;
}

describe("issue 8: SET ISOLATION levels", () => {
  it("plans each Informix level, with and without TO and trailing options", () => {
    assert.equal(level("set isolation to dirty read"), "dirtyRead");
    assert.equal(level("SET ISOLATION TO DIRTY READ WITH WARNING"), "dirtyRead");
    assert.equal(level("set isolation to committed read"), "committedRead");
    assert.equal(level("set isolation committed read"), "committedRead");
    assert.equal(level("set isolation to committed read last committed"), "lastCommitted");
    assert.equal(level("set isolation to committed read retain update locks"), "committedRead");
    assert.equal(level("set isolation to cursor stability"), "cursorStability");
    assert.equal(level("set isolation to repeatable read"), "repeatableRead");
  });

  it("plans the ANSI form as IDS reads it", () => {
    assert.equal(level("set transaction isolation level read uncommitted"), "dirtyRead");
    assert.equal(level("set transaction isolation level read committed"), "committedRead");
    assert.equal(level("set transaction isolation level repeatable read"), "repeatableRead");
    assert.equal(level("set transaction isolation level serializable"), "repeatableRead");
    assert.equal(level("set transaction read only"), "noop");
  });

  it("refuses a level that does not exist with -201", () => {
    for (const text of ["set isolation to sloppy read", "set isolation to", "set transaction isolation level chaos"]) {
      assert.throws(
        () => rewrite(text, ctx),
        (e: unknown) => e instanceof InformixSqlError && e.sqlcode === -201,
        text,
      );
    }
  });
});
