// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Per-connection LRU of prepared statements, keyed by the SQL sent to the server.
// Eviction hands the statement back so the caller can SQ_RELEASE it (later, if a cursor
// still uses it).

import type { StatementHandle } from "./statement-ops.js";

export class StatementCache {
  private readonly entries = new Map<string, StatementHandle>();
  /** The most recently used entry: get() of it needs no reordering (the common repeated call). */
  private newest: StatementHandle | undefined;

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.entries.size;
  }

  /** The cached statement (marked most recently used), or undefined. */
  get(sql: string): StatementHandle | undefined {
    const h = this.entries.get(sql);
    if (h === undefined || h === this.newest) return h;
    this.entries.delete(sql);
    this.entries.set(sql, h);
    this.newest = h;
    return h;
  }

  /** Caches `h`; returns the statements evicted to make room. */
  put(h: StatementHandle): StatementHandle[] {
    if (this.capacity <= 0) return [h];
    const evicted: StatementHandle[] = [];
    const old = this.entries.get(h.sql);
    if (old !== undefined && old !== h) evicted.push(old);
    this.entries.delete(h.sql);
    this.entries.set(h.sql, h);
    this.newest = h;
    while (this.entries.size > this.capacity) {
      const [key, oldest] = this.entries.entries().next().value as [string, StatementHandle];
      this.entries.delete(key);
      evicted.push(oldest);
    }
    return evicted;
  }

  /** Forgets `h` (it must be prepared again). */
  delete(h: StatementHandle): void {
    if (this.entries.get(h.sql) === h) this.entries.delete(h.sql);
    if (this.newest === h) this.newest = undefined;
  }

  has(h: StatementHandle): boolean {
    return this.entries.get(h.sql) === h;
  }

  /** Empties the cache and returns every statement in it. */
  clear(): StatementHandle[] {
    const all = [...this.entries.values()];
    this.entries.clear();
    this.newest = undefined;
    return all;
  }
}
