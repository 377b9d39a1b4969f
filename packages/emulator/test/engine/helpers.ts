// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Small helpers for engine tests: run a statement, collect rows, check an error code.

import assert from "node:assert/strict";
import { InformixSqlError } from "../../src/engine/informix-sql-error.js";
import type { EngineColumn, EngineSession, EngineValue, ExecResult } from "../../src/engine/types.js";

export async function exec(s: EngineSession, sql: string, params: EngineValue[] = []): Promise<ExecResult> {
  return s.execute(await s.prepare(sql), params);
}

export async function query(
  s: EngineSession,
  sql: string,
  params: EngineValue[] = [],
): Promise<{ rows: EngineValue[][]; columns: readonly EngineColumn[] }> {
  const st = await s.prepare(sql);
  const cursor = await s.openCursor(st, params);
  const rows: EngineValue[][] = [];
  for (;;) {
    const page = await cursor.fetch(10);
    if (page.length === 0) break;
    rows.push(...page);
  }
  await cursor.close();
  return { rows, columns: st.columns };
}

export async function rejects(p: Promise<unknown>, sqlcode: number, isam?: number, parameter?: string): Promise<void> {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof InformixSqlError, `not an InformixSqlError: ${String(e)}`);
    assert.equal(e.sqlcode, sqlcode, `sqlcode of ${e.message}`);
    if (isam !== undefined) assert.equal(e.isamCode, isam, `isam of ${e.message}`);
    if (parameter !== undefined) assert.equal(e.parameter, parameter);
    return true;
  });
}
