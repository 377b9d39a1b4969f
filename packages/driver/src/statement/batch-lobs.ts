// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// executeMany() with BLOB/CLOB parameters (docs/protocol/smart-lobs.md §4.2). A row whose
// values go to BLOB/CLOB parameters gets its smart LOBs (ifx_lo_create, SQ_LODATA,
// ifx_lo_close, each its own round trip, as for query()) just before its SQ_BIND joins the
// row group, so the binds of LOB rows still go many per round trip. Every row is checked
// first: a value of the wrong JS type is refused before anything is created or sent.
// A stream that fails midway in row k (or a server error writing its LOB) ends the batch
// there: the rows already in the group are sent (they run as executeMany documents), row k
// never runs (its half-written LOB is closed and no row refers to it), and the call rejects
// with batchIndex k. A batch whose statement has no BLOB/CLOB parameter, or whose rows bind
// none, pays nothing: no describe when the INSERT's own description rules it out, and no
// extra work per row.

import type { BindParameter } from "@informix-db/protocol";
import type { Session } from "../connection/session.js";
import { DriverError, InformixError } from "../errors.js";
import type { BatchResult } from "../result/result.js";
import { type LobWrite, lobWritesOf, smartLobTargets, writeLobs } from "./smart-lob-bind.js";
import type { StatementHandle } from "./statement-ops.js";

/** Row `index` could not get its smart LOBs: a failing stream, or the server refusing them. */
export interface RowLobFailure {
  readonly index: number;
  readonly error: DriverError | InformixError;
}

/** The smart LOBs of a batch, made row by row. */
export interface BatchLobs {
  /** Replaces `rows[index]` by its row with locators bound; a failure that leaves the connection usable is returned. */
  bind(rows: BindParameter[][], index: number): Promise<RowLobFailure | undefined>;
  /** A stream (not a Uint8Array or string) has been read: the batch cannot be run again from the start. */
  readonly readStream: boolean;
}

/** The plan of a batch's smart LOBs; undefined when no row binds one (the batch then runs as before). */
export async function planBatchLobs(
  session: Session,
  h: StatementHandle,
  rows: readonly (readonly BindParameter[])[],
): Promise<BatchLobs | undefined> {
  const targets = await smartLobTargets(session, h, rows);
  if (targets === null) return undefined;
  const writes: LobWrite[][] = [];
  for (const [i, row] of rows.entries()) {
    try {
      writes.push(lobWritesOf(h, targets, row));
    } catch (error) {
      if (!(error instanceof DriverError)) throw error;
      throw new DriverError(error.code, `row ${i}: ${error.message}`, { batchIndex: i, cause: error });
    }
  }
  if (writes.every((w) => w.length === 0)) return undefined;
  return new RowLobs(session, h, writes);
}

class RowLobs implements BatchLobs {
  readStream = false;

  constructor(
    private readonly session: Session,
    private readonly h: StatementHandle,
    private readonly writes: LobWrite[][],
  ) {}

  async bind(rows: BindParameter[][], index: number): Promise<RowLobFailure | undefined> {
    const writes = this.writes[index]!;
    if (writes.length === 0) return undefined;
    this.writes[index] = []; // made once, even when the row waits for the next group
    if (writes.some((w) => !(w.source instanceof Uint8Array))) this.readStream = true;
    try {
      rows[index] = await writeLobs(this.session, this.h, rows[index]!, writes);
      return undefined;
    } catch (error) {
      if (error instanceof InformixError || (error instanceof DriverError && !error.fatal)) return { index, error };
      throw error;
    }
  }
}

/** The rejection of a batch whose row `index` could not get its smart LOBs (not a server error). */
export function lobRowError(error: DriverError, index: number, applied: BatchResult): DriverError {
  return new DriverError(error.code, `row ${index}: ${error.message}`, {
    batchIndex: index,
    batchApplied: applied,
    cause: error.cause ?? error,
  });
}
