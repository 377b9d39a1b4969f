// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Many Informix sessions share one PGlite connection, and PostgreSQL has one transaction
// per connection. So the multiplexer runs one statement at a time (a FIFO mutex) and,
// while a session owns an open transaction, serves only that session: a statement of
// another session waits according to its SET LOCK MODE (NOT WAIT: fail at once, WAIT n:
// up to n seconds, WAIT: forever), as if every row of the database were locked. This is
// coarser than IDS row locks, and documented as such.

export type LockErrorFactory = (timedOut: boolean) => Error;

export class Multiplexer {
  private tail: Promise<void> = Promise.resolve();
  private owner: object | null = null;
  private readonly waiters = new Set<() => void>();

  /** The session that owns the open PostgreSQL transaction, if any. */
  get transactionOwner(): object | null {
    return this.owner;
  }

  setOwner(who: object | null): void {
    this.owner = who;
    if (who === null) {
      for (const wake of this.waiters) wake();
      this.waiters.clear();
    }
  }

  /** Runs `fn` alone on the connection, regardless of who owns the transaction. */
  async exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const release = await this.lock();
    try {
      return await fn();
    } finally {
      release();
    }
  }

  /**
   * Runs `fn` alone on the connection once no other session owns a transaction.
   * `waitSeconds`: 0 fail at once, n > 0 wait up to n seconds, < 0 wait forever.
   */
  async run<T>(who: object, waitSeconds: number, lockError: LockErrorFactory, fn: () => Promise<T>): Promise<T> {
    const deadline = waitSeconds < 0 ? Number.POSITIVE_INFINITY : Date.now() + waitSeconds * 1000;
    for (;;) {
      const release = await this.lock();
      if (this.owner === null || this.owner === who) {
        try {
          return await fn();
        } finally {
          release();
        }
      }
      release();
      if (waitSeconds === 0) throw lockError(false);
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw lockError(true);
      await this.ownerReleased(remaining);
    }
  }

  private ownerReleased(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve();
      };
      const timer = Number.isFinite(ms) ? setTimeout(wake, ms) : undefined;
      this.waiters.add(wake);
    });
  }

  private lock(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => {
      release = resolve;
    });
    const prev = this.tail;
    this.tail = prev.then(() => next);
    return prev.then(() => release);
  }
}
