// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Many Informix sessions share one PGlite connection, and PostgreSQL has one transaction
// per connection. So the multiplexer runs one statement at a time (a FIFO mutex) and keeps
// track of two sessions:
//
// - the holder: the session whose PostgreSQL transaction is open on the connection;
// - the owner: the holder once its transaction has written something.
//
// A holder that has only read is suspended when another session needs the connection: its
// PostgreSQL transaction is committed (it changed nothing) while its Informix transaction
// stays open, and it starts a new one at its next statement. An owner is never suspended:
// until it commits or rolls back, a statement of another session waits according to its
// SET LOCK MODE (WAIT n: up to n seconds, WAIT: forever), as if every row of the database
// were locked. This is coarser than IDS row locks, and documented as such. Under NOT WAIT,
// where IDS fails only on a row that is really locked, the statement waits a grace period
// (graceMs) before failing: most of the statements that wait here would have met no lock on
// IDS, and an owner that commits within the grace lets them run instead of failing.

export type LockErrorFactory = (timedOut: boolean) => Error;

/** A session that can hold the connection's PostgreSQL transaction. */
export interface TransactionHolder {
  /** Ends its read-only PostgreSQL transaction; its Informix transaction stays open. */
  suspend(): Promise<void>;
}

/** How long a NOT WAIT statement waits for another session's transaction by default, in ms. */
export const DEFAULT_LOCK_GRACE_MS = 2000;

export class Multiplexer {
  /** graceMs: how long a NOT WAIT statement waits before failing (0: fail at once). */
  constructor(private readonly graceMs = DEFAULT_LOCK_GRACE_MS) {}

  private tail: Promise<void> = Promise.resolve();
  private owner: TransactionHolder | null = null;
  private holder: TransactionHolder | null = null;
  private readonly waiters = new Set<() => void>();

  /** The session whose open PostgreSQL transaction has written, if any. */
  get transactionOwner(): TransactionHolder | null {
    return this.owner;
  }

  /** The session whose PostgreSQL transaction is open, if any (the owner, or a reader). */
  get transactionHolder(): TransactionHolder | null {
    return this.holder;
  }

  /** Records who has the PostgreSQL transaction open (call inside the mutex). */
  setHolder(who: TransactionHolder | null): void {
    this.holder = who;
    if (who === null) this.setOwner(null);
  }

  /** Marks the holder as having written (`who`), or the transaction as ended (null). */
  setOwner(who: TransactionHolder | null): void {
    this.owner = who;
    if (who === null) {
      for (const wake of this.waiters) wake();
      this.waiters.clear();
    }
  }

  /** Runs `fn` alone on the connection, regardless of who holds the transaction. */
  async exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const release = await this.lock();
    try {
      return await fn();
    } finally {
      release();
    }
  }

  /**
   * Runs `fn` alone on the connection once no other session owns a transaction, after
   * suspending another session's read-only transaction.
   * `waitSeconds`: 0 (NOT WAIT) wait up to the grace period, then fail as NOT WAIT does
   * (lockError(false)); n > 0 wait up to n seconds, then lockError(true); < 0 wait forever.
   */
  async run<T>(
    who: TransactionHolder,
    waitSeconds: number,
    lockError: LockErrorFactory,
    fn: () => Promise<T>,
  ): Promise<T> {
    const waitMs = waitSeconds === 0 ? this.graceMs : waitSeconds * 1000;
    const deadline = waitSeconds < 0 ? Number.POSITIVE_INFINITY : Date.now() + waitMs;
    for (;;) {
      const release = await this.lock();
      if (this.owner === null || this.owner === who) {
        try {
          const reader = this.holder;
          if (reader !== null && reader !== who) {
            this.holder = null;
            await reader.suspend();
          }
          return await fn();
        } finally {
          release();
        }
      }
      release();
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw lockError(waitSeconds !== 0);
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
