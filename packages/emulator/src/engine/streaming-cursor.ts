// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// A cursor whose rows stay in PostgreSQL until fetched: a SQL cursor (DECLARE ... NO
// SCROLL CURSOR WITH HOLD) read with FETCH FORWARD n as the client's NFETCH asks. Used for
// plain SELECTs on both engines; other queries (EXECUTE FUNCTION, FOR UPDATE, INTO TEMP)
// keep the materialised cursor of statement.ts.
//
// Where the cursor lives (see pglite-session.ts):
// - inside an Informix transaction, in its PostgreSQL transaction;
// - outside one, in a "cursor transaction" the session opens for it, read-only, which
//   ends (COMMIT) when its last cursor closes, when the session runs another statement,
//   or, on PGlite, when another session needs the shared connection. Being WITH HOLD,
//   the cursor survives that COMMIT: PostgreSQL then keeps its remaining rows itself (its
//   holdable-cursor store, spilling to temp files), never the emulator.
// A PostgreSQL ROLLBACK destroys the cursors declared in that transaction. The emulator
// keeps a WITH HOLD cursor open across ROLLBACK WORK, so before an Informix ROLLBACK the
// remaining rows of such cursors are read into memory (the one case where a streaming
// cursor materialises); after a ROLLBACK the emulator did not plan (an aborted cursor
// transaction) the cursor answers -400.

import type { ColumnType } from "./declared-types.js";
import type { EngineCursor, EngineValue } from "./types.js";
import { engineValueConverter, toEngineRows } from "./values.js";

/** What the session does for a streaming cursor (pglite-session.ts). */
export interface CursorHost {
  fetchCursor(cursor: StreamingCursor, maxRows: number): Promise<(string | null)[][]>;
  closeCursor(cursor: StreamingCursor): Promise<void>;
}

export class StreamingCursor implements EngineCursor {
  /** Serial of the PostgreSQL transaction it was declared in; -1 once that committed. */
  tx: number;
  /** Destroyed by a PostgreSQL ROLLBACK. */
  dead = false;
  /** Rows read ahead because the cursor's transaction rolled back (see pglite-session.ts rollback). */
  rescued: (string | null)[][] | null = null;

  /**
   * Before a ROLLBACK destroys the PostgreSQL cursor: what it had left (null when that could
   * not be read), after the rows already fetched ahead.
   */
  rescue(rest: (string | null)[][] | null): void {
    this.rescued = rest === null ? null : this.ahead.concat(rest);
    this.ahead = [];
  }
  /** Rows fetched with the DECLARE (statement-runner.ts), handed out before PostgreSQL is asked again. */
  private ahead: (string | null)[][] = [];
  /** The rows fetched ahead reached the end: PostgreSQL has no more. */
  private aheadToEnd = false;
  private exhausted = false;
  private closed = false;
  private converters: ((text: string | null) => EngineValue)[] | undefined;
  /** A FETCH that failed after rows read ahead were handed out: thrown by the next fetch. */
  private failure: unknown;

  constructor(
    private readonly host: CursorHost,
    readonly name: string,
    tx: number,
    private readonly types: readonly ColumnType[],
  ) {
    this.tx = tx;
  }

  /** The first rows, fetched in the DECLARE's round trip; `asked` is how many were asked for. */
  readAhead(rows: (string | null)[][], asked: number): void {
    this.ahead = rows;
    this.aheadToEnd = rows.length < asked;
  }

  /** True once PostgreSQL has said it has no more rows (the cursor's FETCH came back short). */
  get drained(): boolean {
    return this.exhausted || (this.aheadToEnd && this.ahead.length === 0);
  }

  async fetch(maxRows: number): Promise<EngineValue[][]> {
    if (this.closed || this.exhausted) return [];
    const want = Math.max(1, maxRows);
    let rows: (string | null)[][];
    if (this.rescued) rows = this.rescued.splice(0, want);
    else if (this.ahead.length > 0 || this.aheadToEnd) {
      rows = this.ahead.length <= want ? this.ahead : this.ahead.slice(0, want);
      this.ahead = rows === this.ahead ? [] : this.ahead.slice(want);
      if (rows.length < want && !this.aheadToEnd) {
        try {
          for (const row of await this.host.fetchCursor(this, want - rows.length)) rows.push(row);
        } catch (e) {
          // The rows read ahead come first; the error comes with the next fetch.
          if (rows.length === 0) throw e;
          this.failure = e;
          return this.convert(rows);
        }
      }
    } else if (this.failure !== undefined) {
      const failure = this.failure;
      this.failure = undefined;
      throw failure;
    } else rows = await this.host.fetchCursor(this, want);
    if (rows.length < want) this.exhausted = true;
    return this.convert(rows);
  }

  private convert(rows: (string | null)[][]): EngineValue[][] {
    this.converters ??= this.types.map(engineValueConverter);
    return toEngineRows(rows, this.converters);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.host.closeCursor(this);
  }
}
