// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// A small connection pool: min/max connections, acquire timeout, idle timeout. release()
// rolls back a transaction left open, and a broken or closed connection is destroyed
// instead of being handed out again.
//
// Recovery (issue 7): a failed connection attempt is retried with backoff while callers
// wait (each waiter gives up only at its own acquireTimeout, with the last connect error
// as cause; an error that retrying cannot fix rejects them at once). Idle connections
// learn at once when their server closes them (transport onClose), and acquire() drops
// every dead idle connection in one sweep, then opens replacements in parallel.

import { type ConnectOptions, parseConnectionString, resolveConfig } from "../connection/config.js";
import { Connection } from "../connection/connection.js";
import type { Transaction } from "../connection/transaction.js";
import { captureCallSite, DriverError, TimeoutError, withCallSite } from "../errors.js";
import type { QueryResult } from "../result/result.js";
import type { QueryOptions } from "../statement/executor.js";

export interface PoolOptions extends ConnectOptions {
  /** Connections kept open even when idle (default 0). */
  readonly min?: number;
  /** Most connections at once (default 10). */
  readonly max?: number;
  /** Milliseconds acquire() waits for a free connection (default 30000; 0 = forever). */
  readonly acquireTimeout?: number;
  /** Milliseconds an idle connection above `min` stays open (default 30000; 0 = forever). */
  readonly idleTimeout?: number;
}

/** Backoff between failed connection attempts while callers wait: 50 ms doubling to 2 s, with jitter. */
const MIN_BACKOFF_MS = 50;
const MAX_BACKOFF_MS = 2000;

interface Idle {
  readonly conn: Connection;
  timer: ReturnType<typeof setTimeout> | undefined;
}

interface Waiter {
  resolve(conn: Connection): void;
  reject(error: unknown): void;
  timer: ReturnType<typeof setTimeout> | undefined;
}

export class Pool {
  readonly #options: ConnectOptions;
  readonly #min: number;
  readonly #max: number;
  readonly #acquireTimeout: number;
  readonly #idleTimeout: number;
  readonly #idle: Idle[] = [];
  readonly #waiters: Waiter[] = [];
  readonly #leased = new Set<Connection>();
  #opening = 0;
  #closed = false;
  #lastError: unknown;
  #backoff = 0;
  #retry: ReturnType<typeof setTimeout> | undefined;

  constructor(options: PoolOptions) {
    const { min = 0, max = 10, acquireTimeout = 30_000, idleTimeout = 30_000, ...connect } = options;
    if (!Number.isInteger(max) || max < 1 || !Number.isInteger(min) || min < 0 || min > max) {
      throw new DriverError("INVALID_ARGUMENT", `pool needs 0 <= min <= max and max >= 1 (min ${min}, max ${max})`);
    }
    resolveConfig(connect);
    this.#options = connect;
    this.#min = min;
    this.#max = max;
    this.#acquireTimeout = acquireTimeout;
    this.#idleTimeout = idleTimeout;
    for (let i = 0; i < min; i++) this.#grow();
  }

  /** Open connections: idle + in use + being opened. */
  get size(): number {
    return this.#idle.length + this.#leased.size + this.#opening;
  }

  get idleCount(): number {
    return this.#idle.length;
  }

  /** Callers waiting for a connection. */
  get waitingCount(): number {
    return this.#waiters.length;
  }

  /** A connection for your exclusive use; give it back with release(). */
  async acquire(): Promise<Connection> {
    const site = captureCallSite(this.acquire);
    if (this.#closed) throw withCallSite(new DriverError("POOL_CLOSED", "the pool is closed"), site);
    this.#sweep();
    const idle = this.#idle.pop();
    if (idle !== undefined) {
      if (idle.timer) clearTimeout(idle.timer);
      this.#leased.add(idle.conn);
      return idle.conn;
    }
    return new Promise<Connection>((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, timer: undefined };
      if (this.#acquireTimeout > 0) {
        waiter.timer = setTimeout(() => {
          const at = this.#waiters.indexOf(waiter);
          if (at !== -1) this.#waiters.splice(at, 1);
          const last = this.#lastError;
          const reason = last instanceof Error ? `; the last connect attempt failed: ${last.message}` : "";
          reject(
            withCallSite(
              new TimeoutError(`no pool connection became free within ${this.#acquireTimeout} ms${reason}`, {
                code: "POOL_TIMEOUT",
                ...(last === undefined ? {} : { cause: last }),
              }),
              site,
            ),
          );
        }, this.#acquireTimeout);
      }
      this.#waiters.push(waiter);
      if (this.size < this.#max && this.#retry === undefined) this.#grow();
    });
  }

  /** Gives a connection back: an open transaction is rolled back; a broken one is dropped. */
  async release(conn: Connection): Promise<void> {
    if (!this.#leased.delete(conn)) return;
    if (conn.inTransaction && conn.state === "idle") await conn.rollback().catch(() => undefined);
    if (this.#closed || conn.state !== "idle") {
      await conn.close();
      // A lost connection usually means its siblings are gone too (a server restart).
      this.#sweep();
      this.#refill();
      return;
    }
    this.#handOut(conn);
  }

  /** Runs one query on a pooled connection. */
  async query<R = Record<string, unknown>>(
    sql: string,
    params: readonly unknown[] = [],
    options: QueryOptions = {},
  ): Promise<QueryResult<R>> {
    const conn = await this.acquire();
    try {
      return await conn.query<R>(sql, params, options);
    } finally {
      await this.release(conn);
    }
  }

  /** Runs `fn` in a transaction on a pooled connection. */
  async transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
    const conn = await this.acquire();
    try {
      return await conn.transaction(fn);
    } finally {
      await this.release(conn);
    }
  }

  /** Closes idle connections now and leased ones when they are released. */
  async close(): Promise<void> {
    this.#closed = true;
    if (this.#retry) clearTimeout(this.#retry);
    this.#retry = undefined;
    for (const w of this.#waiters.splice(0)) {
      if (w.timer) clearTimeout(w.timer);
      w.reject(new DriverError("POOL_CLOSED", "the pool is closed"));
    }
    const idle = this.#idle.splice(0);
    await Promise.all(
      idle.map((i) => {
        if (i.timer) clearTimeout(i.timer);
        return i.conn.close();
      }),
    );
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  #handOut(conn: Connection): void {
    const waiter = this.#waiters.shift();
    if (waiter) {
      if (waiter.timer) clearTimeout(waiter.timer);
      this.#leased.add(conn);
      waiter.resolve(conn);
      return;
    }
    const entry: Idle = { conn, timer: undefined };
    if (this.#idleTimeout > 0) {
      entry.timer = setTimeout(() => {
        if (this.size <= this.#min) return;
        const at = this.#idle.indexOf(entry);
        if (at === -1) return;
        this.#idle.splice(at, 1);
        void conn.close();
      }, this.#idleTimeout);
      entry.timer.unref?.();
    }
    this.#idle.push(entry);
  }

  /** Drops every idle connection that is no longer usable, all at once. */
  #sweep(): void {
    for (let i = this.#idle.length - 1; i >= 0; i--) {
      const entry = this.#idle[i]!;
      if (entry.conn.state === "idle") continue;
      this.#idle.splice(i, 1);
      if (entry.timer) clearTimeout(entry.timer);
      void entry.conn.close();
    }
  }

  #refill(): void {
    if (this.#closed || this.#retry !== undefined) return;
    const wanted = Math.max(this.#waiters.length - this.#opening, this.#min - this.size);
    for (let i = 0; i < wanted && this.size < this.#max; i++) this.#grow();
  }

  /** After a failed attempt: reject the waiters if retrying cannot help, else try again later. */
  #connectFailed(error: unknown): void {
    this.#lastError = error;
    const hopeless = error instanceof DriverError && !error.retryable && error.code !== "CONNECTION_LOST";
    if (hopeless) {
      for (const w of this.#waiters.splice(0)) {
        if (w.timer) clearTimeout(w.timer);
        w.reject(error);
      }
      return;
    }
    if (this.#waiters.length === 0 || this.#retry !== undefined) return;
    this.#backoff = Math.min(MAX_BACKOFF_MS, this.#backoff === 0 ? MIN_BACKOFF_MS : this.#backoff * 2);
    const delay = this.#backoff / 2 + Math.random() * (this.#backoff / 2);
    this.#retry = setTimeout(() => {
      this.#retry = undefined;
      this.#refill();
    }, delay);
  }

  #grow(): void {
    this.#opening++;
    Connection.open(resolveConfig(this.#options), this.#options.signal).then(
      (conn) => {
        this.#opening--;
        this.#backoff = 0;
        this.#lastError = undefined;
        if (this.#closed) {
          void conn.close();
          return;
        }
        this.#handOut(conn);
      },
      (error: unknown) => {
        this.#opening--;
        if (!this.#closed) this.#connectFailed(error);
      },
    );
  }
}

/** Creates a pool from options or a connection string (plus pool options). */
export function createPool(target: string | PoolOptions, options: PoolOptions = {}): Pool {
  const base = typeof target === "string" ? parseConnectionString(target) : target;
  return new Pool({ ...base, ...options });
}
