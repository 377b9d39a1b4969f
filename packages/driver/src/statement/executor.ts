// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Runs statements for query() and prepared statements: picks a prepared statement
// (the caller's own, the cache's, or a fresh temporary one), executes it or drains its
// cursor, re-prepares once when the server says the statement is stale (-710, -721),
// and frees what it used. Every function here runs inside one scheduler task.

import { type BindParameter, typeCodes as T, type TextCodec, type TupleRun } from "@informix-db/protocol";
import type { CallOptions } from "../connection/cancel.js";
import type { ResolvedConfig } from "../connection/config.js";
import type { Scheduler } from "../connection/scheduler.js";
import type { Session } from "../connection/session.js";
import { DriverError, InformixError } from "../errors.js";
import type { QueryResult } from "../result/result.js";
import { type Row, RowDecoder, type RowOptions, type TypeParsers } from "../result/row-decoder.js";
import { watchAbandoned } from "./abandoned.js";
import { fetchRowBlobs } from "./blob-io.js";
import { type PlaceholderPlan, planPlaceholders } from "./placeholders.js";
import { bindSmartLobs } from "./smart-lob-bind.js";
import type { StatementCache } from "./statement-cache.js";
import {
  type Batch,
  closeCursor,
  commandName,
  deferCloseCursor,
  executeStatement,
  fetchBatch,
  fetchBuffer,
  openCursor,
  prepareStatement,
  REPREPARE_CODES,
  releaseStatement,
  type StatementHandle,
} from "./statement-ops.js";

/** Per-call options of query(), stream() and prepared statements. */
export interface QueryOptions {
  readonly rowMode?: "object" | "array";
  /** Parsers for this call, merged over the connection's. */
  readonly types?: TypeParsers;
  /** Columns as raw tuple bytes. */
  readonly raw?: boolean;
  /** Rows per fetch round trip. */
  readonly fetchSize?: number;
  readonly signal?: AbortSignal;
  readonly timeout?: number;
  /**
   * Declare the cursor WITH HOLD (SQ_HOLD): it stays open across COMMIT WORK and ROLLBACK
   * WORK, which close every other cursor (stream() and scroll() only).
   */
  readonly hold?: boolean;
  /**
   * The cursor's name (SQ_CURNAME; stream() and scroll() only), for `UPDATE … WHERE CURRENT
   * OF name` / `DELETE … WHERE CURRENT OF name` on the row the stream yielded last (the query
   * must be a `SELECT … FOR UPDATE` on one table). An identifier: letters, digits, `_`, `$`,
   * not starting with a digit; unique among the connection's open cursors. Default: a name
   * the driver makes up.
   */
  readonly cursorName?: string;
}

const CURSOR_NAME = /^[A-Za-z_][A-Za-z0-9_$]{0,127}$/;

/** The name to open a cursor with: the caller's `cursorName`, checked, or a fresh one. */
export function cursorNameFor(core: ConnectionCore, options: QueryOptions): string {
  const name = options.cursorName;
  if (name === undefined) return core.nextCursorName();
  if (!CURSOR_NAME.test(name))
    throw new DriverError("INVALID_ARGUMENT", `cursorName ${JSON.stringify(name)} is not an identifier`);
  return name;
}

/** What the executor needs from its connection. */
export interface ConnectionCore {
  readonly scheduler: Scheduler;
  readonly cache: StatementCache;
  readonly config: ResolvedConfig;
  text(): TextCodec;
  nextCursorName(): string;
  /** Transaction bookkeeping and ANSI autocommit after a statement ran. */
  afterStatement(session: Session, h: StatementHandle): Promise<void>;
  /** True when executing this statement type commits on the server (COMMIT, or autocommit). */
  commitsOnExecute(statementType: number): boolean;
}

/** A statement in use: `temporary` ones are released when done. */
export interface Lease {
  readonly handle: StatementHandle;
  readonly temporary: boolean;
}

/** Where the statement comes from: the caller's own handle, or the SQL to prepare (cached or not). */
export interface StatementSource {
  readonly sql: string;
  readonly paramCount: number;
  readonly useCache: boolean;
  /** A PreparedStatement's own handle (replaced after a re-prepare). */
  own?: StatementHandle;
}

/** The signal and timeout of a call's options. */
export function callOptions(o: { readonly signal?: AbortSignal; readonly timeout?: number }): CallOptions {
  return { ...(o.signal ? { signal: o.signal } : {}), ...(o.timeout !== undefined ? { timeout: o.timeout } : {}) };
}

/**
 * The placeholder plan of `sql` and where its statement comes from: the cache, when it is
 * on. A statement with parameters is cached after its PREPARE; one without only when it is
 * a query (cacheable(), below).
 */
export function sourceOf(sql: string, cacheCapacity: number): { plan: PlaceholderPlan; src: StatementSource } {
  if (typeof sql !== "string" || sql.trim() === "")
    throw new DriverError("INVALID_ARGUMENT", "sql must be a non-empty string");
  const plan = planPlaceholders(sql);
  return { plan, src: { sql: plan.sql, paramCount: plan.count, useCache: cacheCapacity > 0 } };
}

/**
 * Whether a freshly prepared statement goes into the cache. Parameterless statements are
 * cached only when they are SELECTs: running one again then costs the OPEN(+NFETCH) and
 * CLOSE round trips only. Other parameterless statements (DDL, SET, DATABASE, …) are
 * prepared, executed and released in place, as before.
 */
function cacheable(h: StatementHandle): boolean {
  return h.paramCount > 0 || h.statementType === T.SQ_SELECT;
}

/** Decoders built with the connection's own row options, per statement (they hold no per-call state). */
const plainDecoders = new WeakMap<StatementHandle, RowDecoder>();

/** The row decoder of `h` for a call's options: reused when the call sets none of its own. */
function decoderFor(core: ConnectionCore, h: StatementHandle, o: QueryOptions): RowDecoder {
  const plain = o.rowMode === undefined && o.types === undefined && o.raw === undefined;
  const cached = plain ? plainDecoders.get(h) : undefined;
  if (cached !== undefined) return cached;
  const decoder = new RowDecoder(h.layout!, h.fields, h.columns, rowOptions(core, o));
  if (plain) plainDecoders.set(h, decoder);
  return decoder;
}

export function rowOptions(core: ConnectionCore, o: QueryOptions): RowOptions {
  return {
    rowMode: o.rowMode ?? core.config.rowMode,
    types: o.types === undefined ? core.config.types : { ...core.config.types, ...o.types },
    raw: o.raw ?? false,
  };
}

export async function acquire(core: ConnectionCore, session: Session, src: StatementSource): Promise<Lease> {
  const own = src.own;
  if (own !== undefined && !own.busy && !own.released) {
    own.busy = true;
    return { handle: own, temporary: false };
  }
  if (own === undefined && src.useCache) {
    const hit = core.cache.get(src.sql);
    if (hit !== undefined && !hit.busy) {
      hit.busy = true;
      return { handle: hit, temporary: false };
    }
  }
  const h = await prepareStatement(session, src.sql, src.paramCount, core.text());
  h.busy = true;
  if (own === undefined && src.useCache && cacheable(h) && core.cache.get(src.sql) === undefined) {
    for (const old of core.cache.put(h)) {
      if (old === h) return { handle: h, temporary: true };
      if (old.busy) old.releaseWhenIdle = true;
      else await releaseStatement(session, old).catch(ignoreSqlError);
    }
    return { handle: h, temporary: false };
  }
  if (own?.released) {
    src.own = h;
    return { handle: h, temporary: false };
  }
  return { handle: h, temporary: true };
}

export async function unlease(session: Session, lease: Lease): Promise<void> {
  const h = lease.handle;
  h.busy = false;
  if (!h.released && (lease.temporary || h.releaseWhenIdle)) await releaseStatement(session, h).catch(ignoreSqlError);
}

export function ignoreSqlError(error: unknown): void {
  if (!(error instanceof InformixError)) throw error;
}

/** Drops a stale statement so the next acquire prepares it again. */
async function forget(core: ConnectionCore, session: Session, src: StatementSource, lease: Lease): Promise<void> {
  core.cache.delete(lease.handle);
  lease.handle.busy = false;
  await releaseStatement(session, lease.handle).catch(ignoreSqlError);
  if (src.own === lease.handle) src.own = { ...lease.handle, released: true };
}

function isStale(error: unknown): boolean {
  return error instanceof InformixError && REPREPARE_CODES.has(error.sqlcode);
}

/**
 * Runs `body` on a leased statement. A cached statement the server calls stale
 * (-710/-721: a table it uses changed) is dropped and prepared again, once.
 */
export async function withLease<T>(
  core: ConnectionCore,
  session: Session,
  src: StatementSource,
  body: (lease: Lease) => Promise<T>,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const lease = await acquire(core, session, src);
    try {
      return await body(lease);
    } catch (error) {
      if (attempt === 0 && !lease.temporary && isStale(error)) {
        await forget(core, session, src, lease);
        continue;
      }
      await unlease(session, lease).catch(() => undefined);
      throw error;
    }
  }
}

/** query(): the whole statement in one task. */
export async function runQuery<R>(
  core: ConnectionCore,
  session: Session,
  src: StatementSource,
  params: readonly BindParameter[],
  options: QueryOptions,
): Promise<QueryResult<R>> {
  return withLease(core, session, src, async (lease) => {
    const result = await runOnLease<R>(core, session, lease, params, options);
    await unlease(session, lease);
    await core.afterStatement(session, lease.handle);
    return result;
  });
}

async function runOnLease<R>(
  core: ConnectionCore,
  session: Session,
  lease: Lease,
  params: readonly BindParameter[],
  options: QueryOptions,
): Promise<QueryResult<R>> {
  const h = lease.handle;
  const command = commandName(h.statementType);
  if (!h.isQuery) {
    const r = await executeStatement(
      session,
      h,
      await bindSmartLobs(session, h, params),
      lease.temporary,
      core.commitsOnExecute(h.statementType),
      core.text(),
    );
    return { rows: [], columns: [], rowCount: r.rowCount, insertId: r.insertId, command };
  }
  const decoder = decoderFor(core, h, options);
  const buffer = fetchBuffer(h, options.fetchSize ?? core.config.fetchSize);
  const rows: R[] = [];
  let batch = await openBatch(core, session, lease, params, buffer, false);
  try {
    for (;;) {
      // BYTE/TEXT values are fetched while the cursor is open (after CLOSE they are gone).
      const blobs = await fetchRowBlobs(session, h, decoder, batch.tuples, core.text());
      const n = batch.tuples.starts.length;
      for (let i = 0; i < n; i++) rows.push(decoder.decodeAt(batch.tuples, i, blobs?.[i]) as R);
      if (batch.done) break;
      batch = await fetchBatch(session, h, buffer);
    }
  } catch (error) {
    // The session is healthy (a failing type parser, a server error mid-fetch): close the cursor.
    if (error instanceof DriverError && !error.fatal)
      await closeCursor(session, h, lease.temporary).catch(ignoreSqlError);
    throw error;
  }
  // A cached statement's cursor, read to its end, is closed at the head of the next request
  // group (the statement stays prepared anyway); a temporary one is closed and released now.
  if (lease.temporary) await closeCursor(session, h, true);
  else deferCloseCursor(session, h);
  return { rows, columns: h.columns, rowCount: rows.length, insertId: undefined, command };
}

/** Opens the cursor and returns the first batch; on a server error the cursor is closed. */
export async function openBatch(
  core: ConnectionCore,
  session: Session,
  lease: Lease,
  params: readonly BindParameter[],
  buffer: number,
  hold: boolean,
  cursorName = core.nextCursorName(),
): Promise<Batch> {
  const h = lease.handle;
  try {
    return (
      (await openCursor(session, h, cursorName, params, buffer, core.text(), { hold })) ??
      (await fetchBatch(session, h, buffer))
    );
  } catch (error) {
    if (error instanceof InformixError) await closeCursor(session, h, false).catch(ignoreSqlError);
    throw error;
  }
}

/** The open cursor of a stream, for the cleanup of a stream dropped mid-way (abandoned.ts). */
interface OpenStream {
  lease: Lease | undefined;
}

/** stream(): pulls one batch per round trip, only when the consumer asks for more rows. */
export function streamRows<R>(
  core: ConnectionCore,
  src: StatementSource,
  params: readonly BindParameter[],
  options: QueryOptions,
): AsyncGenerator<R, void, undefined> {
  const open: OpenStream = { lease: undefined };
  const rows = streamOpenRows<R>(core, src, params, options, open);
  // Dropped without reaching the end or return(): SQ_CLOSE (+ SQ_RELEASE) before the next exchange.
  watchAbandoned(rows, core.scheduler.cleanups, async (session) => {
    const lease = open.lease;
    if (lease === undefined) return;
    open.lease = undefined;
    await closeCursor(session, lease.handle, lease.temporary).catch(ignoreSqlError);
    await unlease(session, lease);
  });
  return rows;
}

async function* streamOpenRows<R>(
  core: ConnectionCore,
  src: StatementSource,
  params: readonly BindParameter[],
  options: QueryOptions,
  open: OpenStream,
): AsyncGenerator<R, void, undefined> {
  const call = callOptions(options);
  const opened = await core.scheduler.run(
    (session) =>
      withLease(core, session, src, async (lease) => {
        const h = lease.handle;
        if (!h.isQuery) {
          await executeStatement(
            session,
            h,
            await bindSmartLobs(session, h, params),
            lease.temporary,
            core.commitsOnExecute(h.statementType),
            core.text(),
          );
          await unlease(session, lease);
          await core.afterStatement(session, h);
          return undefined;
        }
        const buffer = fetchBuffer(h, options.fetchSize ?? core.config.fetchSize);
        const decoder = decoderFor(core, h, options);
        const name = cursorNameFor(core, options);
        const first = await openBatch(core, session, lease, params, buffer, options.hold === true, name);
        const blobs = await fetchRowBlobs(session, h, decoder, first.tuples, core.text());
        return { lease, buffer, decoder, first: { ...first, blobs } };
      }),
    call,
  );
  if (opened === undefined) return;
  const { lease, buffer, decoder } = opened;
  open.lease = lease;
  const h = lease.handle;
  // A row that does not match its description means the wire is out of sync: break the
  // connection, as query() does, so a pool never hands it out again (issue 7).
  const decode = (t: TupleRun, i: number, blobs: readonly unknown[] | undefined): R => {
    try {
      return decoder.decodeAt(t, i, blobs) as R;
    } catch (error) {
      if (!(error instanceof DriverError) || error.fatal) core.scheduler.break(error);
      throw error;
    }
  };
  try {
    let batch = opened.first;
    for (;;) {
      for (let i = 0; i < batch.tuples.starts.length; i++) yield decode(batch.tuples, i, batch.blobs?.[i]);
      if (batch.done) break;
      batch = await core.scheduler.run(async (session) => {
        const next = await fetchBatch(session, h, buffer);
        return { ...next, blobs: await fetchRowBlobs(session, h, decoder, next.tuples, core.text()) };
      }, call);
    }
  } finally {
    open.lease = undefined;
    if (core.scheduler.refusal() === undefined || core.scheduler.closeRequested) {
      await core.scheduler.run(
        async (session) => {
          try {
            await closeCursor(session, h, lease.temporary);
          } finally {
            await unlease(session, lease);
          }
          await core.afterStatement(session, h);
        },
        {},
        true,
      );
    }
  }
}

export type { Row };
