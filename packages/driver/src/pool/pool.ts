// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The connection pool (issue 11). Never more than `max` connections open or opening;
// idle ones are reused last-in first-out (the warmest socket, and the rest age out);
// callers beyond `max` wait first-in first-out and fail with POOL_TIMEOUT naming `max`.
// release() rolls back a transaction left open, so one borrower's uncommitted work is
// never seen or committed by the next; a broken, closed, retired or evicted connection is
// closed instead of being handed out again.
//
// Dead idle connections: a connection learns at once when its server closes it
// (transport onClose) and acquire() drops every such one in one sweep; one idle longer
// than `validateAfterIdle` is also probed with a round trip before it is handed out,
// because a server that vanished without a FIN (a restart behind NAT, a pulled cable)
// leaves a socket that looks alive. Failed connection attempts are retried with backoff
// while callers wait (issue 7). Members (one per connection) live in member.ts.

import { parseConnectionString, resolveConfig } from "../connection/config.js";
import type { Connection } from "../connection/connection.js";
import { openFirstHealthy } from "../connection/failover.js";
import type { Transaction } from "../connection/transaction.js";
import {
  AbortError,
  type CallSite,
  ConnectionError,
  captureCallSite,
  captureStackNow,
  DriverError,
  TimeoutError,
  withCallSite,
} from "../errors.js";
import type { QueryResult } from "../result/result.js";
import type { QueryOptions } from "../statement/executor.js";
import { traceAcquire } from "../transport/diagnostics.js";
import { evicts } from "./eviction.js";
import { Member, probe, warnLeak } from "./member.js";
import {
  type AcquireOptions,
  checkDuration,
  DEFAULT_POOL_CLOSE_TIMEOUT,
  type PoolCloseOptions,
  type PoolOptions,
  type PoolSettings,
  type PoolStats,
  poolSettings,
  type ReleaseOptions,
} from "./pool-options.js";

/** Backoff between failed connection attempts while callers wait: 50 ms doubling to 2 s, with jitter. */
const MIN_BACKOFF_MS = 50;
const MAX_BACKOFF_MS = 2000;

interface Waiter {
  resolve(member: Member): void;
  reject(error: unknown): void;
  cleanup(): void;
}

export class Pool {
  readonly #connect: PoolOptions;
  readonly #s: PoolSettings;
  /** Idle members, most recently released last (acquire pops: LIFO). */
  readonly #idle: Member[] = [];
  readonly #waiters: Waiter[] = [];
  readonly #leased = new Map<Connection, Member>();
  /** Every connection this pool ever made (to tell a second release from a foreign connection). */
  readonly #known = new WeakSet<Connection>();
  readonly #opening = new Set<Promise<void>>();
  /** Connections still saying goodbye (close() waits for them). */
  readonly #disposing = new Set<Promise<void>>();
  #closing: Promise<void> | undefined;
  #drained: (() => void) | undefined;
  #lastError: unknown;
  #backoff = 0;
  #retry: ReturnType<typeof setTimeout> | undefined;
  readonly #counts = { acquired: 0, created: 0, closed: 0, acquireTimeouts: 0, validationFailures: 0, leaks: 0 };

  constructor(options: PoolOptions) {
    const { settings, connect } = poolSettings(options);
    resolveConfig(connect);
    this.#connect = connect;
    this.#s = settings;
    for (let i = 0; i < settings.min; i++) this.#grow();
  }

  /** Open connections: idle + in use + being opened. */
  get size(): number {
    return this.#idle.length + this.#leased.size + this.#opening.size;
  }

  get idleCount(): number {
    return this.#idle.length;
  }

  /** Callers waiting for a connection. */
  get waitingCount(): number {
    return this.#waiters.length;
  }

  stats(): PoolStats {
    const c = this.#counts;
    return {
      min: this.#s.min,
      max: this.#s.max,
      size: this.size,
      idle: this.#idle.length,
      inUse: this.#leased.size,
      opening: this.#opening.size,
      waiting: this.#waiters.length,
      acquired: c.acquired,
      created: c.created,
      closed: c.closed,
      acquireTimeouts: c.acquireTimeouts,
      validationFailures: c.validationFailures,
      leaksDetected: c.leaks,
    };
  }

  /**
   * A connection for your exclusive use. Give it back with release(), or let
   * `await using conn = await pool.acquire()` give it back at the end of the scope.
   */
  async acquire(options: AcquireOptions = {}): Promise<Connection> {
    const site = this.#s.leakDetectionTimeout > 0 ? captureStackNow(this.acquire) : captureCallSite(this.acquire);
    try {
      const timeout = options.timeout ?? this.#s.acquireTimeout;
      checkDuration("timeout", timeout);
      return this.#lend(await this.#traced(timeout, options.signal), site).conn;
    } catch (error) {
      throw withCallSite(error, site);
    }
  }

  /**
   * Gives a connection back. An open transaction is rolled back first; a connection that
   * is broken, closed, past `maxLifetime`, or released with `{ broken: true }` is closed
   * and its slot freed. Releasing twice is harmless; a connection of another pool is refused.
   */
  async release(conn: Connection, options: ReleaseOptions = {}): Promise<void> {
    const member = this.#leased.get(conn);
    if (member === undefined) {
      if (this.#known.has(conn)) return;
      throw new DriverError("INVALID_ARGUMENT", "release() got a connection this pool did not lend");
    }
    await this.#giveBack(member, member.lease, options.broken === true);
  }

  /** Runs `fn` with a connection; connection-class errors evict it, any other error returns it. */
  async withConnection<T>(fn: (conn: Connection) => Promise<T>, options: AcquireOptions = {}): Promise<T> {
    const site =
      this.#s.leakDetectionTimeout > 0 ? captureStackNow(this.withConnection) : captureCallSite(this.withConnection);
    let member: Member;
    try {
      const timeout = options.timeout ?? this.#s.acquireTimeout;
      checkDuration("timeout", timeout);
      member = this.#lend(await this.#traced(timeout, options.signal), site);
    } catch (error) {
      throw withCallSite(error, site);
    }
    const lease = member.lease;
    let result: T;
    try {
      result = await fn(member.conn);
    } catch (error) {
      await this.#giveBack(member, lease, evicts(error));
      throw error;
    }
    await this.#giveBack(member, lease, false);
    return result;
  }

  /** Runs `fn` in a transaction on a pooled connection: commit when it resolves, rollback when it throws. */
  transaction<T>(fn: (tx: Transaction) => Promise<T>, options: AcquireOptions = {}): Promise<T> {
    return this.withConnection(
      (conn) => conn.transaction(fn, options.signal ? { signal: options.signal } : {}),
      options,
    );
  }

  /** Runs one statement on a pooled connection (acquire, query, release). */
  query<R = Record<string, unknown>>(
    sql: string,
    params: readonly unknown[] = [],
    options: QueryOptions = {},
  ): Promise<QueryResult<R>> {
    return this.withConnection(
      (conn) => conn.query<R>(sql, params, options),
      options.signal ? { signal: options.signal } : {},
    );
  }

  /**
   * Refuses new acquires (POOL_CLOSED), closes idle connections, waits up to `timeout` ms
   * for checked-out ones to come back, then closes those by force. Idempotent.
   */
  close(options: PoolCloseOptions = {}): Promise<void> {
    const timeout = options.timeout ?? DEFAULT_POOL_CLOSE_TIMEOUT;
    checkDuration("timeout", timeout);
    this.#closing ??= this.#shutdown(timeout);
    return this.#closing;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  /** What inspect and JSON show: the figures, never the options (they hold the password). */
  toJSON(): PoolStats {
    return this.stats();
  }

  /** #take, traced on `informix-db:pool:acquire`. */
  #traced(timeout: number, signal: AbortSignal | undefined): Promise<Member> {
    return traceAcquire(
      () => ({ size: this.size, idle: this.#idle.length, waiting: this.#waiters.length, max: this.#s.max }),
      () => this.#take(timeout, signal),
    );
  }

  /** An idle member (validated when it sat long enough), or a wait for one. */
  async #take(timeout: number, signal: AbortSignal | undefined): Promise<Member> {
    for (;;) {
      if (this.#closing) throw closedError();
      if (signal?.aborted) throw new AbortError("acquire() was aborted", { cause: signal.reason });
      this.#sweep();
      const member = this.#idle.pop();
      if (member === undefined) return this.#wait(timeout, signal);
      member.leave();
      this.#leased.set(member.conn, member);
      if (Date.now() - member.idleSince < this.#s.validateAfterIdle) return member;
      const alive = await probe(member.conn, this.#probeTimeout());
      if (alive && !this.#closing) return member;
      if (alive) {
        this.#leased.delete(member.conn);
        void this.#dispose(member, false);
        if (this.#leased.size === 0) this.#drained?.();
        throw closedError();
      }
      this.#counts.validationFailures++;
      this.#leased.delete(member.conn);
      void this.#dispose(member, true);
    }
  }

  #probeTimeout(): number {
    return resolveConfig(this.#connect).connectTimeout || 5000;
  }

  #wait(timeout: number, signal: AbortSignal | undefined): Promise<Member> {
    return new Promise<Member>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const fail = (error: unknown) => {
        const at = this.#waiters.indexOf(waiter);
        if (at !== -1) this.#waiters.splice(at, 1);
        waiter.cleanup();
        reject(error);
      };
      const onAbort = () => fail(new AbortError("acquire() was aborted while waiting", { cause: signal?.reason }));
      const waiter: Waiter = {
        resolve,
        reject,
        cleanup: () => {
          if (timer) clearTimeout(timer);
          signal?.removeEventListener("abort", onAbort);
        },
      };
      if (timeout > 0) {
        timer = setTimeout(() => {
          this.#counts.acquireTimeouts++;
          fail(this.#timeoutError(timeout));
        }, timeout);
      }
      signal?.addEventListener("abort", onAbort, { once: true });
      this.#waiters.push(waiter);
      if (this.size < this.#s.max && this.#retry === undefined) this.#grow();
    });
  }

  #timeoutError(timeout: number): TimeoutError {
    const last = this.#lastError;
    const busy = `${this.#leased.size} of max=${this.#s.max} connections in use, ${this.#waiters.length} waiting`;
    const reason = last instanceof Error ? `; the last connect attempt failed: ${last.message}` : "";
    return new TimeoutError(`no pool connection became free within ${timeout} ms (${busy})${reason}`, {
      code: "POOL_TIMEOUT",
      ...(last === undefined ? {} : { cause: last }),
    });
  }

  #lend(member: Member, site: CallSite): Member {
    this.#counts.acquired++;
    member.lend((lease) => this.#giveBack(member, lease, false));
    const leakAfter = this.#s.leakDetectionTimeout;
    if (leakAfter > 0) {
      // The acquirer's stack only when someone asked for it (capturing costs microseconds).
      member.leakTimer = setTimeout(() => {
        this.#counts.leaks++;
        warnLeak(leakAfter, site.stack);
      }, leakAfter);
      member.leakTimer.unref?.();
    }
    return member;
  }

  /** Ends lease `lease` of `member` (a stale lease, already given back, does nothing). */
  async #giveBack(member: Member, lease: number, broken: boolean): Promise<void> {
    if (member.lease !== lease || member.returning || this.#leased.get(member.conn) !== member) return;
    member.returning = true;
    member.endLease();
    const conn = member.conn;
    if (!broken && conn.inTransaction && conn.state === "idle") await conn.rollback().catch(() => undefined);
    this.#leased.delete(conn);
    member.returning = false;
    if (broken || this.#closing || conn.state !== "idle" || member.retired || member.expired()) {
      const closed = this.#dispose(member, broken || conn.state !== "idle");
      // A lost connection usually means its siblings are gone too (a server restart).
      this.#sweep();
      this.#refill();
      if (this.#leased.size === 0) this.#drained?.();
      await closed;
      return;
    }
    this.#handOut(member);
    if (this.#leased.size === 0) this.#drained?.();
  }

  /** Gives a usable member to the first waiter, else makes it idle. */
  #handOut(member: Member): void {
    const waiter = this.#waiters.shift();
    if (waiter) {
      waiter.cleanup();
      this.#leased.set(member.conn, member);
      waiter.resolve(member);
      return;
    }
    member.rest(this.#s.idleTimeout, () => {
      if (this.size <= this.#s.min) return false;
      this.#removeIdle(member);
      return true;
    });
    this.#idle.push(member);
  }

  #removeIdle(member: Member): void {
    const at = this.#idle.indexOf(member);
    if (at === -1) return;
    this.#idle.splice(at, 1);
    member.leave();
    void this.#dispose(member, false);
  }

  /** Closes a member's connection: torn down at once when `now` (broken, evicted), else with a goodbye. */
  #dispose(member: Member, now: boolean): Promise<void> {
    this.#counts.closed++;
    member.stop();
    if (now && member.conn.state !== "closed") {
      member.conn.scheduler.break(new ConnectionError("CONNECTION_CLOSED", "evicted from the pool"));
    }
    const closing = member.conn.close();
    this.#disposing.add(closing);
    void closing.finally(() => this.#disposing.delete(closing));
    return closing;
  }

  /** A member reached maxLifetime: recycled now when idle, at release when in use. */
  #expire(member: Member): void {
    member.retired = true;
    if (!this.#idle.includes(member)) return;
    this.#removeIdle(member);
    this.#refill();
  }

  /** Drops every idle connection that is no longer usable, all at once. */
  #sweep(): void {
    for (let i = this.#idle.length - 1; i >= 0; i--) {
      const member = this.#idle[i]!;
      if (member.conn.state === "idle") continue;
      this.#idle.splice(i, 1);
      member.leave();
      void this.#dispose(member, true);
    }
  }

  #refill(): void {
    if (this.#closing || this.#retry !== undefined) return;
    const wanted = Math.max(this.#waiters.length - this.#opening.size, this.#s.min - this.size);
    for (let i = 0; i < wanted && this.size < this.#s.max; i++) this.#grow();
  }

  /** After a failed attempt: reject the waiters if retrying cannot help, else try again later. */
  #connectFailed(error: unknown): void {
    this.#lastError = error;
    const hopeless = error instanceof DriverError && !error.retryable && error.code !== "CONNECTION_LOST";
    if (hopeless) {
      for (const w of this.#waiters.splice(0)) {
        w.cleanup();
        w.reject(error);
      }
      return;
    }
    if ((this.#waiters.length === 0 && this.size >= this.#s.min) || this.#retry !== undefined) return;
    this.#backoff = Math.min(MAX_BACKOFF_MS, this.#backoff === 0 ? MIN_BACKOFF_MS : this.#backoff * 2);
    const delay = this.#backoff / 2 + Math.random() * (this.#backoff / 2);
    this.#retry = setTimeout(() => {
      this.#retry = undefined;
      this.#refill();
    }, delay);
    if (this.#waiters.length === 0) this.#retry.unref?.();
  }

  #grow(): void {
    const opening: Promise<void> = openFirstHealthy(resolveConfig(this.#connect), this.#connect.signal).then(
      (conn) => {
        this.#opening.delete(opening);
        this.#backoff = 0;
        this.#lastError = undefined;
        this.#counts.created++;
        this.#known.add(conn);
        const member = new Member(conn, this.#s.maxLifetime, (m) => this.#expire(m));
        if (this.#closing) void this.#dispose(member, false);
        else this.#handOut(member);
      },
      (error: unknown) => {
        this.#opening.delete(opening);
        if (!this.#closing) this.#connectFailed(error);
      },
    );
    this.#opening.add(opening);
  }

  async #shutdown(timeout: number): Promise<void> {
    if (this.#retry) clearTimeout(this.#retry);
    this.#retry = undefined;
    for (const w of this.#waiters.splice(0)) {
      w.cleanup();
      w.reject(closedError());
    }
    for (const member of this.#idle.splice(0)) {
      member.leave();
      void this.#dispose(member, false);
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const waitOrForce = new Promise<void>((resolve) => {
      this.#drained = resolve;
      if (this.#leased.size === 0) resolve();
      timer = setTimeout(resolve, timeout);
    });
    await Promise.all([waitOrForce, Promise.allSettled([...this.#opening])]);
    clearTimeout(timer);
    for (const member of [...this.#leased.values()]) {
      member.endLease();
      this.#leased.delete(member.conn);
      void this.#dispose(member, true);
    }
    await Promise.all([...this.#disposing]);
  }
}

function closedError(): DriverError {
  return new DriverError("POOL_CLOSED", "the pool is closed");
}

/** Creates a pool from options or a connection string (plus pool options). */
export function createPool(target: string | PoolOptions, options: PoolOptions = {}): Pool {
  const base = typeof target === "string" ? parseConnectionString(target) : target;
  return new Pool({ ...base, ...options });
}
