// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The statement message flows (docs/protocol/statements.md, jdbc-observed.md), each one
// exchange on the session:
//   prepare   SQ_PREPARE SQ_NDESCRIBE SQ_WANTDONE        → SQ_DESCRIBE SQ_DONE SQ_COST
//   execute   SQ_ID [SQ_BIND] SQ_EXECUTE [SQ_ID SQ_RELEASE] → [SQ_INSERTDONE] SQ_DONE SQ_COST
//   open      SQ_ID SQ_CURNAME [SQ_BIND] [SQ_SCROLL] [SQ_HOLD] SQ_OPEN [SQ_NFETCH] → SQ_TUPLE* [SQ_DONE SQ_COST]
//   fetch     SQ_ID SQ_NFETCH                              → SQ_TUPLE* [SQ_DONE SQ_COST]
//   scroll    SQ_ID SQ_SFETCH                              → SQ_TUPLE SQ_TUPID | SQ_DONE SQ_COST (past either end)
//   close     SQ_ID SQ_CLOSE [SQ_ID SQ_RELEASE]            → SQ_EOT
//   release   SQ_ID SQ_RELEASE                             → SQ_EOT
//   describe input  SQ_ID SQ_CIDESCRIBE                    → SQ_IDESCRIBE (prepare() only)
// The first NFETCH rides with every OPEN, as the Python informix-driver does (JDBC does it
// only when every column has a fixed width, and sends SQ_RET_TYPE + NFETCH as a second
// group otherwise), and never on a scroll cursor (its rows are fetched by SQ_SFETCH).
// SCROLL and HOLD go between the BIND and the OPEN (shared notes §3.6.1, libsqli's order).
// End of data: a fetch reply with SQ_DONE, or one without tuples.

import {
  type BindParameter,
  blobDescriptorBytes,
  type ClientMessage,
  type DescribeField,
  type ErrMessage,
  latin1,
  type RowLayout,
  typeCodes as T,
  type TextCodec,
  type TupleRun,
  tupleRun,
} from "@informix-db/protocol";
import { onStatement, type Reply, type ServerKind, type Session } from "../connection/session.js";
import { DriverError, InformixError, ProtocolError } from "../errors.js";
import { type ColumnInfo, describeColumn } from "../result/columns.js";
import { compileLayout } from "../result/row-decoder.js";
import { type BlobBindParameter, exchangeWithBlobs, isBlobParameter, withSessionDescriptors } from "./blob-io.js";
import { forgetNamedRows, resolveNamedRows } from "./extended-types.js";

/** CREATE/DROP ROW TYPE and DROP TYPE: the named ROW definitions a session keeps may change. */
const TYPE_DDL = new Set([T.SQ_CREANRT, T.SQ_DROPNRT, T.SQ_DROPTYPE]);

/** A statement prepared on the server. */
export interface StatementHandle {
  readonly id: number;
  readonly sql: string;
  readonly paramCount: number;
  readonly statementType: number;
  readonly fields: readonly DescribeField[];
  readonly columns: readonly ColumnInfo[];
  /** Row layout of a query; undefined for other statements. */
  readonly layout: RowLayout | undefined;
  readonly tupleSize: number;
  readonly isQuery: boolean;
  /** A cursor or execution is using it. */
  busy: boolean;
  released: boolean;
  /** Release as soon as it is no longer busy (evicted from the cache while in use). */
  releaseWhenIdle: boolean;
}

export interface Batch {
  /** The rows' SQ_TUPLE bodies, as ranges of the reply's bytes. */
  readonly tuples: TupleRun;
  /** The server reported the end of the result set. */
  readonly done: boolean;
}

export interface ExecuteOutcome {
  readonly rowCount: number;
  readonly insertId: number | bigint | undefined;
}

/** SQLCODEs after which a prepared statement must be prepared again. */
export const REPREPARE_CODES: ReadonlySet<number> = new Set([-710, -721]);

const TUPLE_OVERHEAD = 6;
const MIN_FETCH_BUFFER = 4096;
/**
 * The buffer when no fetch size is set. IBM JDBC and the Python informix-driver send 4,096
 * (FET_BUF_SIZE's default); 32,767 is the largest an IDS without the 2-GB fetch buffer
 * (feature 63) accepts. Each round trip costs the client as much as decoding a few hundred
 * rows, so a result of small rows then comes in 8 times fewer of them.
 */
const DEFAULT_FETCH_BUFFER = 32_767;
const DEFAULT_FETCH_ROWS = 100;
const MAX_FETCH_BUFFER = 16 * 1024 * 1024;

const COMMANDS: Readonly<Record<number, string>> = {
  [T.SQ_DATABASE]: "DATABASE",
  [T.SQ_SELECT]: "SELECT",
  [T.SQ_SELINTO]: "SELECT",
  [T.SQ_UPDATE]: "UPDATE",
  [T.SQ_DELETE]: "DELETE",
  // sqlstype.h's types for UPDATE/DELETE ... WHERE CURRENT OF (the emulator describes them as 4/5).
  [T.SQ_UPDCURR]: "UPDATE",
  [T.SQ_DELCURR]: "DELETE",
  [T.SQ_INSERT]: "INSERT",
  [T.SQ_CREADB]: "CREATE DATABASE",
  [T.SQ_DROPDB]: "DROP DATABASE",
  [T.SQ_CRETAB]: "CREATE TABLE",
  [T.SQ_DRPTAB]: "DROP TABLE",
  [T.SQ_CREIDX]: "CREATE INDEX",
  [T.SQ_DRPIDX]: "DROP INDEX",
  [T.SQ_ALTER]: "ALTER TABLE",
  [T.SQ_BEGWORK]: "BEGIN WORK",
  [T.SQ_COMMIT]: "COMMIT WORK",
  [T.SQ_ROLLBACK]: "ROLLBACK WORK",
  [T.SQ_CREVIEW]: "CREATE VIEW",
  [T.SQ_DROPVIEW]: "DROP VIEW",
  [T.SQ_SETISOL]: "SET ISOLATION",
  [T.SQ_EXECPROC]: "EXECUTE PROCEDURE",
  [T.SQ_TRUNCATE]: "TRUNCATE",
};

export function commandName(statementType: number): string {
  return COMMANDS[statementType] ?? `STATEMENT ${statementType}`;
}

export function sqlError(err: ErrMessage, sql?: string): InformixError {
  return new InformixError({
    sqlcode: err.sqlcode,
    isamCode: err.isamCode,
    offset: err.offset,
    parameter: err.parameter,
    ...(sql === undefined ? {} : { sql }),
  });
}

function check(reply: Reply, sql: string): Reply {
  if (reply.error) throw sqlError(reply.error, sql);
  return reply;
}

export async function prepareStatement(
  session: Session,
  sql: string,
  paramCount: number,
  text: TextCodec,
): Promise<StatementHandle> {
  const reply = check(
    await session.exchange(
      [{ kind: "prepare", paramCount, sql }, { kind: "ndescribe" }, { kind: "wantdone" }],
      ["describe", "insertdone"],
    ),
    sql,
  );
  const d = reply.messages.find((m) => m.kind === "describe");
  if (d?.kind !== "describe") throw new ProtocolError("the PREPARE reply has no SQ_DESCRIBE");
  const isQuery = d.statementType === T.SQ_SELECT || (d.statementType === T.SQ_EXECPROC && d.fields.length > 0);
  if (TYPE_DDL.has(d.statementType)) forgetNamedRows(session);
  const handle: StatementHandle = {
    id: d.statementId,
    sql,
    paramCount,
    statementType: d.statementType,
    fields: d.fields,
    columns: isQuery ? d.fields.map(describeColumn) : [],
    layout: undefined,
    tupleSize: d.tupleSize,
    isQuery,
    busy: false,
    released: false,
    releaseWhenIdle: false,
  };
  if (!isQuery) return handle;
  try {
    const fields = await resolveNamedRows(session, d.fields);
    return { ...handle, layout: compileLayout(fields, text, blobDescriptorBytes(session.ctx)) };
  } catch (error) {
    await releaseStatement(session, handle).catch(() => undefined);
    throw error;
  }
}

/**
 * The `?` parameters' types, as the server infers them (SQ_CIDESCRIBE → SQ_IDESCRIBE, the
 * exchange IBM JDBC makes for every prepared statement).
 */
export async function describeInput(session: Session, h: StatementHandle): Promise<ColumnInfo[]> {
  const reply = check(await session.exchange(onStatement(h.id, { kind: "cidescribe" }), ["idescribe"]), h.sql);
  const d = reply.messages.find((m) => m.kind === "idescribe");
  if (d?.kind !== "idescribe") throw new ProtocolError("the describe-input reply has no SQ_IDESCRIBE");
  return d.parameters.map((p, i) =>
    describeColumn({
      ...p,
      name: `${i + 1}`,
      startPosition: 0,
      reference: 0,
      alignment: 0,
      sourceType: 0,
    }),
  );
}

function bindGroup(params: readonly BindParameter[]): ClientMessage[] {
  return params.length === 0 ? [] : [{ kind: "bind", parameters: params }];
}

/**
 * Sends `head` (ending with the SQ_BIND of `params`) and `tail` as one group: in one write,
 * or, when BYTE/TEXT parameters are bound, with their bytes streamed between (blob-io.ts).
 */
async function sendBound(
  session: Session,
  head: ClientMessage[],
  params: readonly BindParameter[],
  tail: ClientMessage[],
  text: TextCodec,
  accept: readonly ServerKind[],
  exchange: Session["exchange"] = session.exchange.bind(session),
  rows?: TupleRun,
): Promise<Reply> {
  if (params.length === 0) return exchange(head.concat(tail), accept, rows);
  const blobs = params.filter(isBlobParameter) as BlobBindParameter[];
  if (blobs.length === 0) return exchange([...head, ...bindGroup(params), ...tail], accept, rows);
  const bound = [...head, ...bindGroup(withSessionDescriptors(session, params))];
  return exchangeWithBlobs(session, bound, blobs, tail, text, accept);
}

function outcome(reply: Reply): ExecuteOutcome {
  let rowCount = 0;
  let serial = 0;
  let insertId: number | bigint | undefined;
  for (const m of reply.messages) {
    if (m.kind === "done") {
      rowCount = m.rows;
      serial = m.serial;
    } else if (m.kind === "insertdone") {
      if (m.bigserial !== 0n) insertId = m.bigserial;
      else if (m.serial8 !== 0n) insertId = m.serial8;
    }
  }
  if (insertId === undefined && serial !== 0) insertId = serial;
  return { rowCount, insertId };
}

/**
 * Executes a non-query; with `release` the statement is freed in the same group. With
 * `commits` (COMMIT, or autocommit) a failure before the reply ends is COMMIT_OUTCOME_UNKNOWN.
 */
export async function executeStatement(
  session: Session,
  h: StatementHandle,
  params: readonly BindParameter[],
  release: boolean,
  commits = false,
  text: TextCodec = latin1,
): Promise<ExecuteOutcome> {
  const tail: ClientMessage[] = [{ kind: "execute" }];
  if (release) tail.push(...onStatement(h.id, { kind: "release" }));
  const send = commits ? session.exchangeCommitting.bind(session) : session.exchange.bind(session);
  if (release) h.released = true;
  try {
    return outcome(check(await sendBound(session, onStatement(h.id), params, tail, text, ["insertdone"], send), h.sql));
  } catch (error) {
    // A BYTE/TEXT stream that failed ended the group before SQ_RELEASE: the statement is still there.
    if (release && error instanceof DriverError && error.code === "INVALID_ARGUMENT") h.released = false;
    throw error;
  }
}

/**
 * The SQ_NFETCH buffer: for about `rows` rows of this statement at their widest or, when no
 * fetch size is set, DEFAULT_FETCH_BUFFER bytes, and never less than DEFAULT_FETCH_ROWS
 * such rows (the default before it was sized in bytes, so wide rows get no more round trips).
 */
export function fetchBuffer(h: StatementHandle, rows: number | undefined): number {
  const row = Math.max(h.tupleSize, 1) + TUPLE_OVERHEAD;
  const want = rows === undefined ? Math.max(DEFAULT_FETCH_BUFFER, DEFAULT_FETCH_ROWS * row) : rows * row;
  return Math.min(MAX_FETCH_BUFFER, Math.max(MIN_FETCH_BUFFER, want));
}

/** The batch of a fetch reply whose tuples went to `tuples` (or, on the BYTE/TEXT bind path, to its messages). */
function batchOf(reply: Reply, tuples: TupleRun, sql: string): Batch {
  check(reply, sql);
  let done = false;
  for (const m of reply.messages) {
    if (m.kind === "tuple") {
      tuples.buffers.push(m.data);
      tuples.starts.push(0);
      tuples.ends.push(m.data.length);
    } else if (m.kind === "done") done = true;
  }
  return { tuples, done: done || tuples.starts.length === 0 };
}

/** How a cursor is declared: SCROLL (SQ_SFETCH moves anywhere), WITH HOLD (survives COMMIT). */
export interface CursorKind {
  readonly scroll?: boolean;
  readonly hold?: boolean;
}

/** Opens a cursor; returns the first batch when the first NFETCH rode along. */
export async function openCursor(
  session: Session,
  h: StatementHandle,
  cursorName: string,
  params: readonly BindParameter[],
  bufferSize: number,
  text: TextCodec = latin1,
  kind: CursorKind = {},
): Promise<Batch | undefined> {
  const withFetch = kind.scroll !== true;
  const tail: ClientMessage[] = [];
  if (kind.scroll) tail.push({ kind: "scroll" });
  if (kind.hold) tail.push({ kind: "hold" });
  tail.push({ kind: "open" });
  if (withFetch) tail.push({ kind: "nfetch", bufferSize, arraySize: 0 });
  const head = onStatement(h.id, { kind: "curname", name: cursorName });
  const tuples = tupleRun();
  const reply = await sendBound(session, head, params, tail, text, ["tuple", "tupid"], undefined, tuples);
  if (!withFetch) {
    check(reply, h.sql);
    return undefined;
  }
  return batchOf(reply, tuples, h.sql);
}

export async function fetchBatch(session: Session, h: StatementHandle, bufferSize: number): Promise<Batch> {
  const tuples = tupleRun();
  const reply = await session.exchange(
    onStatement(h.id, { kind: "nfetch", bufferSize, arraySize: 0 }),
    ["tuple", "tupid", "close"],
    tuples,
  );
  return batchOf(reply, tuples, h.sql);
}

/** One row of a scroll cursor: its tuple and 1-based position, or undefined past either end. */
export interface ScrollRow {
  readonly tuple: Uint8Array;
  readonly position: number;
}

/** SQ_SFETCH: one row at the position `scrollType` names (SFETCH_* constants). */
export async function scrollFetch(
  session: Session,
  h: StatementHandle,
  scrollType: number,
  row: number,
  bufferSize: number,
): Promise<ScrollRow | undefined> {
  const reply = check(
    await session.exchange(onStatement(h.id, { kind: "sfetch", scrollType, row, bufferSize }), ["tuple", "tupid"]),
    h.sql,
  );
  let tuple: Uint8Array | undefined;
  let position: number | undefined;
  for (const m of reply.messages) {
    if (m.kind === "tuple") tuple = m.data;
    else if (m.kind === "tupid") position = m.position;
  }
  if (tuple === undefined) return undefined;
  if (position === undefined) throw new ProtocolError("a scroll fetch reply has a row but no SQ_TUPID");
  return { tuple, position };
}

/** Closes the cursor, and releases the statement too when `release`. */
export async function closeCursor(session: Session, h: StatementHandle, release: boolean): Promise<void> {
  const group = onStatement(h.id, { kind: "close" });
  if (release) {
    group.push(...onStatement(h.id, { kind: "release" }));
    h.released = true;
  }
  check(await session.exchange(group), h.sql);
}

/**
 * closeCursor() without a round trip of its own, for a cached statement's cursor read to its
 * end: SQ_CLOSE goes at the head of the connection's next request group.
 */
export function deferCloseCursor(session: Session, h: StatementHandle): void {
  session.defer(onStatement(h.id, { kind: "close" }));
}

export async function releaseStatement(session: Session, h: StatementHandle): Promise<void> {
  if (h.released) return;
  h.released = true;
  check(await session.exchange(onStatement(h.id, { kind: "release" })), h.sql);
}
