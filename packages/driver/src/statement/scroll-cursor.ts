// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// A scroll cursor (DECLARE … SCROLL CURSOR): opened with SQ_SCROLL before SQ_OPEN, then
// moved with one SQ_SFETCH per call. Like IBM JDBC and the Python driver, the position is
// kept here and every move is sent as ABSOLUTE with the target row (LAST when the row
// count is needed), so the result never depends on where the server thinks it is after
// a fetch past either end. A move whose target is known to be outside the rows (before
// row 1, or past a row count already learned) answers undefined without a round trip.
//
// The cursor holds its statement (and the connection's queue between calls, never across
// them): other calls on the connection run between two moves, as on IDS, where a session
// may have many cursors open.

import { type BindParameter, SFETCH_ABSOLUTE, SFETCH_LAST } from "@informix-db/protocol";
import { ConnectionError, DriverError, InformixError } from "../errors.js";
import { RowDecoder } from "../result/row-decoder.js";
import { forgetAbandoned, watchAbandoned } from "./abandoned.js";
import {
  type ConnectionCore,
  callOptions,
  cursorNameFor,
  ignoreSqlError,
  type Lease,
  type QueryOptions,
  rowOptions,
  type StatementSource,
  unlease,
  withLease,
} from "./executor.js";
import { closeCursor, commandName, fetchBuffer, openCursor, type ScrollRow, scrollFetch } from "./statement-ops.js";

/** The largest row number SQ_SFETCH can carry (i32). */
const MAX_ROW = 0x7fffffff;

/** Opens a scroll cursor over `src` (one scheduler task). */
export async function openScrollCursor<R>(
  core: ConnectionCore,
  src: StatementSource,
  params: readonly BindParameter[],
  options: QueryOptions,
): Promise<ScrollCursor<R>> {
  const lease = await core.scheduler.run(
    (session) =>
      withLease(core, session, src, async (lease) => {
        const h = lease.handle;
        if (!h.isQuery) {
          throw new DriverError(
            "INVALID_ARGUMENT",
            `a scroll cursor needs a query, not ${commandName(h.statementType)}`,
          );
        }
        try {
          await openCursor(session, h, cursorNameFor(core, options), params, 0, core.text(), {
            scroll: true,
            hold: options.hold === true,
          });
        } catch (error) {
          if (error instanceof InformixError) await closeCursor(session, h, false).catch(ignoreSqlError);
          throw error;
        }
        return lease;
      }),
    callOptions(options),
  );
  return new ScrollCursor<R>(core, lease, options);
}

/** A scroll cursor from `Connection.scroll()`: move with first/last/prior/next/absolute/relative. */
export class ScrollCursor<R = Record<string, unknown>> {
  readonly #core: ConnectionCore;
  readonly #lease: Lease;
  readonly #decoder: RowDecoder;
  readonly #options: QueryOptions;
  readonly #buffer: number;
  /** 0 before the first row, n on row n, Infinity after the last row while the count is unknown. */
  #position = 0;
  #count: number | undefined;
  /** The highest row known to exist. */
  #seen = 0;
  #current: Uint8Array | undefined;
  #closed = false;
  /** Moves run one after another, each from the position the previous one left. */
  #queue: Promise<unknown> = Promise.resolve();
  /** Token of the abandoned-cursor cleanup, forgotten on close(). */
  readonly #abandoned: object;

  /** @internal Use Connection.scroll(). */
  constructor(core: ConnectionCore, lease: Lease, options: QueryOptions) {
    const h = lease.handle;
    this.#core = core;
    this.#lease = lease;
    this.#options = options;
    this.#decoder = new RowDecoder(h.layout!, h.fields, h.columns, rowOptions(core, options));
    this.#buffer = fetchBuffer(h, 1);
    // Dropped without close(): SQ_CLOSE (+ SQ_RELEASE) before the connection's next exchange.
    this.#abandoned = watchAbandoned(this, core.scheduler.cleanups, async (session) => {
      await closeCursor(session, h, lease.temporary).catch(ignoreSqlError);
      await unlease(session, lease);
    });
  }

  /** The number of rows, once known (after last(), a negative absolute(), or a move past the end). */
  get rowCount(): number | undefined {
    return this.#count;
  }

  /** The 1-based row the cursor is on; 0 before the first; rowCount + 1 (or Infinity) after the last. */
  get position(): number {
    return this.#position;
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Row 1, or undefined when there are no rows. */
  first(): Promise<R | undefined> {
    return this.#move(() => this.#absolute(1));
  }

  /** The last row, or undefined when there are no rows. */
  last(): Promise<R | undefined> {
    return this.#move(async () => {
      const count = await this.#learnCount();
      return count === 0 ? this.#past(0) : this.#absolute(count);
    });
  }

  /** The row after the current one, or undefined past the last. */
  next(): Promise<R | undefined> {
    return this.#move(() => this.#relative(1));
  }

  /** The row before the current one, or undefined before the first. */
  prior(): Promise<R | undefined> {
    return this.#move(() => this.#relative(-1));
  }

  /** Row `n` (1-based); negative counts from the end (-1 is the last row). 0 is an error. */
  absolute(n: number): Promise<R | undefined> {
    return this.#move(async () => {
      checkRow(n, "absolute", false);
      if (n > 0) return this.#absolute(n);
      const target = (await this.#learnCount()) + 1 + n;
      return target < 1 ? this.#past(0) : this.#absolute(target);
    });
  }

  /** The row `n` rows away from the current one; 0 re-reads the current row. */
  relative(n: number): Promise<R | undefined> {
    return this.#move(() => {
      checkRow(n, "relative", true);
      return this.#relative(n);
    });
  }

  /** The row the cursor is on (read again from the last fetch), or undefined off the rows. */
  current(): Promise<R | undefined> {
    return this.#move(async () => this.#current);
  }

  /** Closes the cursor (SQ_CLOSE) and frees its statement. Idempotent. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    forgetAbandoned(this.#abandoned);
    await this.#queue;
    this.#current = undefined;
    const scheduler = this.#core.scheduler;
    // A closed or broken connection has freed the cursor with the session.
    if (scheduler.refusal() !== undefined && !scheduler.closeRequested) return;
    const h = this.#lease.handle;
    await scheduler
      .run(
        async (session) => {
          try {
            await closeCursor(session, h, this.#lease.temporary).catch(ignoreSqlError);
          } finally {
            await unlease(session, this.#lease);
          }
          await this.#core.afterStatement(session, h);
        },
        {},
        true,
      )
      .catch((error: unknown) => {
        if (!(error instanceof ConnectionError)) throw error;
      });
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  #move(step: () => Promise<Uint8Array | undefined>): Promise<R | undefined> {
    const run = this.#queue.then(() => this.#step(step));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #step(step: () => Promise<Uint8Array | undefined>): Promise<R | undefined> {
    if (this.#closed) throw new DriverError("INVALID_STATE", "the scroll cursor is closed");
    const tuple = await step();
    if (tuple === undefined) return undefined;
    try {
      return this.#decoder.decode(tuple) as R;
    } catch (error) {
      // A row that does not match its description: the wire is out of sync (as in stream()).
      if (!(error instanceof DriverError) || error.fatal) this.#core.scheduler.break(error);
      throw error;
    }
  }

  #relative(n: number): Promise<Uint8Array | undefined> {
    if (this.#position === Infinity) {
      // After the last row of a result whose size is not known yet: find it first.
      return this.#learnCount().then((count) => this.#target(count + 1 + n));
    }
    if (n === 0) return Promise.resolve(this.#current);
    return this.#target(this.#position + n);
  }

  #target(row: number): Promise<Uint8Array | undefined> {
    return row < 1 ? this.#past(0) : this.#absolute(row);
  }

  /** Moves off the rows: before the first (0) or after the last. */
  async #past(where: 0 | "end"): Promise<undefined> {
    this.#current = undefined;
    this.#position = where === 0 ? 0 : (this.#count ?? Number.POSITIVE_INFINITY) + 1;
    return undefined;
  }

  async #absolute(row: number): Promise<Uint8Array | undefined> {
    if (row > MAX_ROW || (this.#count !== undefined && row > this.#count)) return this.#past("end");
    const got = await this.#fetch(SFETCH_ABSOLUTE, row);
    if (got === undefined) {
      // Past the end: when the row before it exists, the count is now known.
      if (row === this.#seen + 1) this.#count = this.#seen;
      return this.#past("end");
    }
    this.#position = got.position;
    this.#current = got.tuple;
    return got.tuple;
  }

  /** The row count, asking the server for the last row (SFETCH LAST) when not known yet. */
  async #learnCount(): Promise<number> {
    if (this.#count !== undefined) return this.#count;
    const got = await this.#fetch(SFETCH_LAST, 0);
    this.#count = got?.position ?? 0;
    // The server is on the last row now; the cursor's own position is unchanged.
    if (this.#position === Infinity) this.#position = this.#count + 1;
    return this.#count;
  }

  async #fetch(scrollType: number, row: number): Promise<ScrollRow | undefined> {
    const h = this.#lease.handle;
    const got = await this.#core.scheduler.run(
      (session) => scrollFetch(session, h, scrollType, row, this.#buffer),
      callOptions(this.#options),
    );
    if (got !== undefined && got.position > this.#seen) this.#seen = got.position;
    return got;
  }
}

function checkRow(n: number, what: string, zeroAllowed: boolean): void {
  if (!Number.isSafeInteger(n) || Math.abs(n) > MAX_ROW || (n === 0 && !zeroAllowed)) {
    throw new DriverError(
      "INVALID_ARGUMENT",
      `${what}(${String(n)}): the row must be an integer between -${MAX_ROW} and ${MAX_ROW}${zeroAllowed ? "" : ", not 0"}`,
    );
  }
}
