// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The cursor of a SELECT ... FOR UPDATE on one table. Like MaterialisedCursor its rows are
// read (and, in a transaction on the PostgreSQL engine, locked) when it opens; each row
// carries its ctid as a hidden last column (sql/rewrite-current-of.ts), kept here and never
// handed out. The current row is the last one fetch() returned: the session fetches one
// row at a time from such a cursor (server/statement-handler.ts), so it is also the last
// row the client received, as in IDS.

import type { ColumnType } from "./declared-types.js";
import type { EngineCursor, EngineValue, PositionedRows } from "./types.js";
import { toEngineValue } from "./values.js";

export class ForUpdateCursor implements EngineCursor, PositionedRows {
  private next = 0;
  private closed = false;
  private rowId: string | null = null;

  constructor(
    private readonly rows: (string | null)[][],
    private readonly types: readonly ColumnType[],
    readonly table: string,
  ) {}

  get positioned(): PositionedRows {
    return this;
  }

  async fetch(maxRows: number): Promise<EngineValue[][]> {
    if (this.closed) return [];
    const page = this.rows.slice(this.next, this.next + Math.max(1, maxRows));
    this.next += page.length;
    const last = page[page.length - 1];
    this.rowId = last === undefined ? null : (last[last.length - 1] ?? null);
    return page.map((row) => this.types.map((type, i) => toEngineValue(row[i] ?? null, type)));
  }

  current(): string | null {
    return this.closed ? null : this.rowId;
  }

  replace(rowId: string | null): void {
    this.rowId = rowId;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.rowId = null;
  }
}
