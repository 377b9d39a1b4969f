// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Small pieces of the replies to cursor and statement messages (statement-handler.ts): how
// many rows an NFETCH reads from the engine, which row an SQ_SFETCH asks for, SQ_DONE and
// SQ_COST.

import {
  type ServerMessage,
  SFETCH_ABSOLUTE,
  SFETCH_CURRENT,
  SFETCH_FIRST,
  SFETCH_LAST,
  SFETCH_NEXT,
  SFETCH_PRIOR,
  SFETCH_RELATIVE,
} from "@informix-db/protocol";

/** Tuples per NFETCH are limited by the client's buffer; this is the per-tuple overhead in it. */
export const TUPLE_OVERHEAD = 6;
/** Rows taken from the engine cursor at a time, whatever the client's buffer. */
export const MAX_ROWS_PER_READ = 1000;

/**
 * Rows to take from the engine for an NFETCH of `bufferSize` bytes: those of a few such
 * fetches (rows of 16 bytes or more), so that a client with a small buffer (JDBC's 4 KiB, a
 * fetchSize of 100) costs one engine read per several NFETCHes rather than one or more each.
 */
export function rowsPerRead(bufferSize: number): number {
  return Math.min(MAX_ROWS_PER_READ, Math.max(64, Math.ceil(bufferSize / 4)));
}

/** The 1-based row an SQ_SFETCH asks for (SFETCH_* scroll types 1–7); undefined for another type. */
export function scrollTarget(scrollType: number, row: number, position: number, count: number): number | undefined {
  switch (scrollType) {
    case SFETCH_NEXT:
      return position + 1;
    case SFETCH_PRIOR:
      return position - 1;
    case SFETCH_FIRST:
      return 1;
    case SFETCH_LAST:
      return count;
    case SFETCH_CURRENT:
      return position;
    case SFETCH_ABSOLUTE:
      return row;
    case SFETCH_RELATIVE:
      return position + row;
    default:
      return undefined;
  }
}

export function done(rows: number, warnings = 0, serial = 0): ServerMessage {
  return { kind: "done", warnings, rows, rowId: 0, serial };
}

export function cost(): ServerMessage {
  return { kind: "cost", estimatedRows: 1, estimatedCost: 1 };
}
