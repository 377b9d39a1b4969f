// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// One pooled connection and its timers: the lifetime (maxLifetime minus up to 10% of
// jitter, so connections opened together are not recycled together), the idle timer
// (idleTimeout) and the leak timer (leakDetectionTimeout). `lease` counts loans, so a
// give-back from an earlier loan (a late `await using`, a second release) is ignored.

import type { Connection } from "../connection/connection.js";
import { InformixError } from "../errors.js";

const LIFETIME_JITTER = 0.1;

export class Member {
  lease = 0;
  /** A give-back is rolling back the borrower's transaction. */
  returning = false;
  /** Past maxLifetime while lent: closed when given back. */
  retired = false;
  idleSince = Date.now();
  leakTimer: ReturnType<typeof setTimeout> | undefined;
  #idleTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #lifeTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #expiresAt: number;

  constructor(
    readonly conn: Connection,
    maxLifetime: number,
    onExpire: (member: Member) => void,
  ) {
    const life = maxLifetime * (1 - Math.random() * LIFETIME_JITTER);
    this.#expiresAt = maxLifetime > 0 ? Date.now() + life : Number.POSITIVE_INFINITY;
    if (maxLifetime > 0) {
      this.#lifeTimer = setTimeout(() => onExpire(this), life);
      this.#lifeTimer.unref?.();
    }
  }

  expired(): boolean {
    return Date.now() >= this.#expiresAt;
  }

  /** Starts a loan; `giveBack` is what `await using` on the connection calls. Returns the loan's number. */
  lend(giveBack: (lease: number) => Promise<void>): number {
    const lease = ++this.lease;
    this.conn.poolReturn = () => giveBack(lease);
    return lease;
  }

  /** Ends the current loan: disposal of the connection does nothing until the next one. */
  endLease(): void {
    if (this.leakTimer) clearTimeout(this.leakTimer);
    this.leakTimer = undefined;
    this.conn.poolReturn = null;
  }

  /** Enters the idle list; after `idleTimeout` ms `retire` may take it out (it returns false to keep it). */
  rest(idleTimeout: number, retire: () => boolean): void {
    this.idleSince = Date.now();
    if (idleTimeout <= 0) return;
    const arm = () => {
      this.#idleTimer = setTimeout(() => {
        if (!retire()) arm();
      }, idleTimeout);
      this.#idleTimer.unref?.();
    };
    arm();
  }

  /** Leaves the idle list. */
  leave(): void {
    if (this.#idleTimer) clearTimeout(this.#idleTimer);
    this.#idleTimer = undefined;
  }

  /** The connection is being closed: no timer may fire any more. */
  stop(): void {
    this.leave();
    this.endLease();
    if (this.#lifeTimer) clearTimeout(this.#lifeTimer);
  }
}

/**
 * True when `conn` answers a round trip (SQ_VERSION, conn.ping()) within `timeout` ms; any
 * answer, even an SQL error, proves the session alive.
 */
export async function probe(conn: Connection, timeout: number): Promise<boolean> {
  try {
    await conn.ping({ timeout });
    return true;
  } catch (error) {
    return error instanceof InformixError && !error.fatal && conn.state === "idle";
  }
}

/** The leak warning: a process warning where there is a process (Node, Bun, Deno), else the console. */
export function warnLeak(after: number, stack: string | undefined): void {
  const message = `a pooled connection has been checked out for more than ${after} ms (leakDetectionTimeout); it was acquired at:`;
  const frames = stack?.split("\n").slice(1).join("\n") ?? "  (stack unavailable)";
  const proc = (globalThis as { process?: { emitWarning?(w: string, o: { type: string; detail: string }): void } })
    .process;
  if (proc?.emitWarning) proc.emitWarning(message, { type: "InformixPoolLeakWarning", detail: frames });
  else console.warn(`${message}\n${frames}`);
}
