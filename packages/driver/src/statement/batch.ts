// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// executeMany(): one prepared statement run once per row, many rows per round trip.
// Rows go out as `SQ_ID` then `SQ_BIND SQ_EXECUTE` per row inside ONE message group (one
// SQ_EOT), sized by bytes — the shape IBM JDBC's executeBatch sends (docs/protocol/
// jdbc-observed.md); the reply holds `[SQ_INSERTDONE] SQ_DONE SQ_COST` per row.
// A server error ends the group: the server skips the rest of it up to SQ_EOT (as it does
// for any group, docs/protocol/statements.md), so exactly the rows before the failing
// one were applied, and the next group is never sent. One group is in flight at a time
// for the same reason: a second group would run after the failure.
//
// A row that binds BYTE/TEXT values goes alone, its bytes streamed after its SQ_BIND
// (SQ_BBIND, blob-io.ts), as query() sends it; the rows around it keep their groups.
//
// The whole batch runs as one scheduler task: nothing else interleaves on the connection.
// Outside a transaction on a logged database each row commits as it executes (as the
// server does for single statements); inside one, the caller commits or rolls back.

import type { BindParameter, ClientMessage } from "@informix-db/protocol";
import { typeCodes as T } from "@informix-db/protocol";
import type { Session } from "../connection/session.js";
import { DriverError, errorText, InformixError } from "../errors.js";
import type { BatchResult } from "../result/result.js";
import { lobRowError, planBatchLobs, type RowLobFailure } from "./batch-lobs.js";
import { type BlobBindParameter, exchangeWithBlobs, isBlobParameter, withSessionDescriptors } from "./blob-io.js";
import { type ConnectionCore, type StatementSource, unlease, withLease } from "./executor.js";
import { commandName, REPREPARE_CODES, type StatementHandle, sqlError } from "./statement-ops.js";

/** Options of executeMany(). */
export interface BatchOptions {
  readonly signal?: AbortSignal;
  readonly timeout?: number;
  /** Request bytes per round trip (default 128 KiB); at least one row goes in each. */
  readonly maxGroupBytes?: number;
}

export const DEFAULT_GROUP_BYTES = 128 * 1024;
/** SQ_BIND + count, SQ_EXECUTE: the fixed bytes of one row in a group. */
const ROW_OVERHEAD = 6;
/** One SQ_EXECUTE message for every row (messages are plain readonly data). */
const EXECUTE: ClientMessage = { kind: "execute" };
/** Type, indicator and precision slot, plus a length prefix and pad. */
const PARAMETER_OVERHEAD = 10;

/** Checks every row before anything is sent; returns their SQ_BIND parameters. */
export function bindRows(
  rows: unknown,
  paramCount: number,
  bind: (row: readonly unknown[]) => BindParameter[],
): BindParameter[][] {
  // `bind` checks each row against the placeholders; rows of different lengths are refused
  // here first, so the message names the mismatch even where `:n` markers repeat.
  if (!Array.isArray(rows)) throw new DriverError("INVALID_ARGUMENT", "rows must be an array of parameter arrays");
  const out: BindParameter[][] = [];
  const kinds: (string | undefined)[] = new Array(paramCount).fill(undefined);
  for (let i = 0; i < rows.length; i++) {
    const row: unknown = rows[i];
    const fail = (message: string, cause?: unknown) =>
      new DriverError("INVALID_ARGUMENT", `row ${i}: ${message}`, {
        batchIndex: i,
        ...(cause === undefined ? {} : { cause }),
      });
    if (!Array.isArray(row)) throw fail("a row must be an array of parameter values");
    const width = (rows[0] as unknown[]).length;
    if (row.length !== width) throw fail(`has ${row.length} values where row 0 has ${width}`);
    let params: BindParameter[];
    try {
      params = bind(row);
    } catch (error) {
      throw fail(error instanceof Error ? error.message : String(error), error);
    }
    params.forEach((p, j) => {
      const kind = kindOf(p);
      if (kind === undefined) return;
      const first = kinds[j];
      if (first === undefined) kinds[j] = kind;
      else if (first !== kind) throw fail(`parameter ${j + 1} is ${kind} where earlier rows have ${first}`);
    });
    out.push(params);
  }
  return out;
}

/** The family a bound value belongs to; rows may not mix families in one column. */
function kindOf(p: BindParameter): string | undefined {
  // Bytes and streams may go with strings: a CLOB takes both (smart-lob-bind.ts).
  if (p.indicator === -1 || isBlobParameter(p)) return undefined;
  switch (p.type & T.SQLTYPE_MASK) {
    case T.SQLCHAR:
    case T.SQLNCHAR:
    case T.SQLVCHAR:
    case T.SQLNVCHAR:
    case T.SQLLVARCHAR:
      return "text";
    case T.SQLDATE:
      return "a DATE";
    case T.SQLDTIME:
      return "a DATETIME";
    case T.SQLINTERVAL:
      return "an INTERVAL";
    case T.SQLBOOL:
      return "a BOOLEAN";
    default:
      return "a number";
  }
}

/** Runs the batch on the connection (inside one scheduler task). */
export async function runBatch(
  core: ConnectionCore,
  session: Session,
  src: StatementSource,
  rows: readonly BindParameter[][],
  options: BatchOptions,
): Promise<BatchResult> {
  const rowCounts: number[] = [];
  const insertIds: (number | bigint | undefined)[] = [];
  if (rows.length === 0) return { rowCounts, insertIds, rowCount: 0 };
  const limit = Math.max(1, options.maxGroupBytes ?? DEFAULT_GROUP_BYTES);
  const outcome = await withLease(core, session, src, async (lease) => {
    const h = lease.handle;
    if (h.isQuery) {
      throw new DriverError(
        "INVALID_ARGUMENT",
        `executeMany runs statements without rows, not ${commandName(h.statementType)}`,
      );
    }
    // BLOB/CLOB values become smart LOBs row by row, just before their row joins a group
    // (batch-lobs.ts); a batch that binds none sends exactly what it did before.
    const lobs = await planBatchLobs(session, h, rows);
    const ready = rows.slice();
    let failure: InformixError | undefined;
    let lobFailure: RowLobFailure | undefined;
    let lobsBound = 0;
    let streamed = false; // a BYTE/TEXT stream was read: the batch cannot run again from the start
    try {
      for (let start = 0; start < rows.length && failure === undefined && lobFailure === undefined; ) {
        const group: ClientMessage[] = [{ kind: "id", statementId: h.id }];
        let bytes = 0;
        let end = start;
        let sentAlone = false;
        for (; end < rows.length; end++) {
          if (lobs !== undefined && end >= lobsBound) {
            lobFailure = await lobs.bind(ready, end);
            lobsBound = end + 1; // a row's smart LOBs are made once, even when it waits for the next group
            if (lobFailure !== undefined) break;
          }
          // BYTE/TEXT values left once BLOB/CLOB values became locators.
          const alone = ready[end]!.some(isBlobParameter);
          if (alone && end > start) break; // its own exchange, after this group
          const params = ready[end]!;
          if (alone) {
            streamed ||= params.some((p) => isBlobParameter(p) && !(p.blob.source instanceof Uint8Array));
            const sent = await sendBlobRow(core, session, h, params, end, rowCounts, insertIds);
            if (sent instanceof InformixError) failure = sent;
            else lobFailure = sent;
            sentAlone = true;
            end++;
            break;
          }
          const size = rowBytes(params);
          if (end > start && bytes + size > limit) break;
          bytes += size;
          if (params.length > 0) group.push({ kind: "bind", parameters: params });
          group.push(EXECUTE);
        }
        if (end > start && !sentAlone) failure = await sendGroup(core, session, h, group, rowCounts, insertIds);
        start = end;
      }
    } finally {
      await unlease(session, lease);
    }
    // A stale statement (-710/-721) on the first row, before anything was applied, is
    // prepared again by withLease (not once a stream was read into a smart LOB: it cannot
    // be read twice); after a row was applied the batch is never re-run.
    const again = (lobs === undefined || !lobs.readStream) && !streamed;
    if (failure !== undefined && rowCounts.length === 0 && again && REPREPARE_CODES.has(failure.sqlcode)) throw failure;
    // ANSI outside a transaction: the rows applied are committed, as a single statement's would be.
    await core.afterStatement(session, h);
    return failure ?? lobFailure;
  });
  const rowCount = rowCounts.reduce((a, b) => a + b, 0);
  const applied = { rowCounts, insertIds, rowCount };
  if (outcome instanceof InformixError) throw withBatch(outcome, rowCounts.length, applied);
  if (outcome !== undefined) {
    const { index, error } = outcome;
    throw error instanceof InformixError ? withBatch(error, index, applied) : lobRowError(error, index, applied);
  }
  return { rowCounts, insertIds, rowCount };
}

function rowBytes(params: readonly BindParameter[]): number {
  let n = ROW_OVERHEAD;
  for (const p of params)
    n += PARAMETER_OVERHEAD + (p.payload?.length ?? 0) + (p.typeName?.length ?? 0) + (p.owner?.length ?? 0);
  return n;
}

/** Sends one group; appends a count and serial per row done; returns the server's error, if any. */
async function sendGroup(
  core: ConnectionCore,
  session: Session,
  h: StatementHandle,
  group: readonly ClientMessage[],
  rowCounts: number[],
  insertIds: (number | bigint | undefined)[],
): Promise<InformixError | undefined> {
  const send = core.commitsOnExecute(h.statementType)
    ? session.exchangeCommitting.bind(session)
    : session.exchange.bind(session);
  return collect(await send(group, ["insertdone"]), h, rowCounts, insertIds);
}

/**
 * Sends row `index`, which binds BYTE/TEXT values, in its own group with their bytes; returns
 * the server's error, or the failure of a BYTE/TEXT stream (nothing executed), if any.
 */
async function sendBlobRow(
  core: ConnectionCore,
  session: Session,
  h: StatementHandle,
  params: readonly BindParameter[],
  index: number,
  rowCounts: number[],
  insertIds: (number | bigint | undefined)[],
): Promise<InformixError | RowLobFailure | undefined> {
  const blobs = params.filter(isBlobParameter) as BlobBindParameter[];
  const head: ClientMessage[] = [
    { kind: "id", statementId: h.id },
    { kind: "bind", parameters: withSessionDescriptors(session, params) },
  ];
  try {
    const reply = await exchangeWithBlobs(session, head, blobs, [EXECUTE], core.text(), ["insertdone"]);
    return collect(reply, h, rowCounts, insertIds);
  } catch (error) {
    if (error instanceof DriverError && error.code === "INVALID_ARGUMENT") return { index, error };
    throw error;
  }
}

/** Appends a count and serial per row the reply reports done; returns the server's error, if any. */
function collect(
  reply: Awaited<ReturnType<Session["exchange"]>>,
  h: StatementHandle,
  rowCounts: number[],
  insertIds: (number | bigint | undefined)[],
): InformixError | undefined {
  let insertId: number | bigint | undefined;
  for (const m of reply.messages) {
    if (m.kind === "insertdone") {
      insertId = m.bigserial !== 0n ? m.bigserial : m.serial8 !== 0n ? m.serial8 : undefined;
    } else if (m.kind === "done") {
      rowCounts.push(m.rows);
      insertIds.push(insertId ?? (m.serial !== 0 ? m.serial : undefined));
      insertId = undefined;
    } else if (m.kind === "err") {
      break;
    }
  }
  return reply.error ? sqlError(reply.error, h.sql) : undefined;
}

/** The server's error for row `index`, carrying the results of the rows before it. */
function withBatch(error: InformixError, index: number, applied: BatchResult): InformixError {
  const fields = { sqlcode: error.sqlcode, isamCode: error.isamCode, offset: error.offset, parameter: error.parameter };
  return new InformixError(error.sql === undefined ? fields : { ...fields, sql: error.sql }, {
    message: `row ${index}: ${errorText(error.sqlcode, error.parameter)}`,
    batchIndex: index,
    batchApplied: applied,
  });
}
