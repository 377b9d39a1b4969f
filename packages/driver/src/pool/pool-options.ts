// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The pool's options, their defaults and checks, and the figures stats() reports.

import type { ConnectOptions } from "../connection/config.js";
import { DriverError } from "../errors.js";

export interface PoolOptions extends ConnectOptions {
  /** Connections opened at creation and kept open even when idle (default 0). */
  readonly min?: number;
  /** Most connections open or being opened at once (default 10). */
  readonly max?: number;
  /** Milliseconds acquire() waits for a free connection (default 30000; 0 = forever). */
  readonly acquireTimeout?: number;
  /** Milliseconds an idle connection above `min` stays open (default 30000; 0 = forever). */
  readonly idleTimeout?: number;
  /**
   * Milliseconds a connection lives before it is recycled (default 1800000; 0 = forever).
   * Each connection gets up to 10% less, so a pool opened at once is not recycled at once.
   */
  readonly maxLifetime?: number;
  /**
   * An idle connection unused for this many milliseconds is checked with a round trip
   * before acquire() hands it out, and silently replaced when dead (default 1000; 0 = always).
   */
  readonly validateAfterIdle?: number;
  /**
   * Warn (process warning `InformixPoolLeakWarning`, with the acquirer's stack) when a
   * connection stays checked out longer than this many milliseconds (default 0 = off).
   */
  readonly leakDetectionTimeout?: number;
}

/** Options of {@link Pool.acquire} and the pool's convenience methods. */
export interface AcquireOptions {
  /** Milliseconds to wait for a free connection; overrides `acquireTimeout` (0 = forever). */
  readonly timeout?: number;
  /** Aborts the wait with an AbortError. */
  readonly signal?: AbortSignal;
}

/** Options of {@link Pool.release}. */
export interface ReleaseOptions {
  /** The connection must not be reused: it is closed and its slot freed. */
  readonly broken?: boolean;
}

/** Options of {@link Pool.close}. */
export interface PoolCloseOptions {
  /** Milliseconds to wait for checked-out connections before closing them by force (default 10000). */
  readonly timeout?: number;
}

/** A snapshot of the pool (`pool.stats()`). */
export interface PoolStats {
  readonly min: number;
  readonly max: number;
  /** Open or being opened: idle + inUse + opening. */
  readonly size: number;
  readonly idle: number;
  readonly inUse: number;
  readonly opening: number;
  readonly waiting: number;
  /** Totals since creation. */
  readonly acquired: number;
  readonly created: number;
  readonly closed: number;
  readonly acquireTimeouts: number;
  readonly validationFailures: number;
  readonly leaksDetected: number;
}

export interface PoolSettings {
  readonly min: number;
  readonly max: number;
  readonly acquireTimeout: number;
  readonly idleTimeout: number;
  readonly maxLifetime: number;
  readonly validateAfterIdle: number;
  readonly leakDetectionTimeout: number;
}

export const DEFAULT_POOL_CLOSE_TIMEOUT = 10_000;

/** Splits pool settings from connect options and checks them. */
export function poolSettings(options: PoolOptions): { settings: PoolSettings; connect: ConnectOptions } {
  const {
    min = 0,
    max = 10,
    acquireTimeout = 30_000,
    idleTimeout = 30_000,
    maxLifetime = 1_800_000,
    validateAfterIdle = 1000,
    leakDetectionTimeout = 0,
    ...connect
  } = options;
  if (!Number.isInteger(max) || max < 1 || !Number.isInteger(min) || min < 0 || min > max) {
    throw new DriverError("INVALID_ARGUMENT", `pool needs 0 <= min <= max and max >= 1 (min ${min}, max ${max})`);
  }
  const durations = { acquireTimeout, idleTimeout, maxLifetime, validateAfterIdle, leakDetectionTimeout };
  for (const [name, value] of Object.entries(durations)) checkDuration(name, value);
  return { settings: { min, max, ...durations }, connect };
}

/** A number of milliseconds: finite and >= 0. */
export function checkDuration(name: string, value: unknown): void {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new DriverError("INVALID_ARGUMENT", `${name} must be a number of milliseconds >= 0 (got ${String(value)})`);
  }
}
