// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// A value bound to a BLOB or CLOB parameter becomes a smart LOB before the statement runs,
// as IBM JDBC's setBytes/setBlob/setString/setClob do (docs/protocol/smart-lobs.md §4.1, §4.2):
// [ifx_lo_col_sbinfo for the column's spec, §4.4,] ifx_lo_create, the bytes by SQ_LODATA,
// ifx_lo_close, then SQ_BIND carries the new locator (type 44 "informix"."blob"/"clob",
// i32 72 + the 72 bytes) in the value's place. Used by every call that binds parameters
// (query, stream, prepared statements, executeMany through batch-lobs.ts).
//
// Which parameters are BLOB/CLOB comes from the server (SQ_CIDESCRIBE), asked once per
// prepared statement and only when it can matter: a statement that is not a query and has a
// binary, stream or string parameter, or whose description lists a BLOB/CLOB column (an
// INSERT's); an INSERT whose description lists no BLOB/CLOB column is never asked. A stream
// is read chunk by chunk as it is written; if it fails midway the statement is not executed
// (no row refers to the half-written value) and the connection stays usable.

import {
  type BindParameter,
  concatBytes,
  SMART_LOB_LOCATOR_BYTES,
  type SmartLobLocator,
  typeCodes as T,
} from "@informix-db/protocol";
import { routinesOf } from "../connection/fast-path.js";
import type { Session } from "../connection/session.js";
import { closeFd, columnSpec, createLob, writeChunk } from "../connection/smart-lob-io.js";
import { DriverError, InformixError } from "../errors.js";
import { type BlobSource, chunksOf, isBlobParameter } from "./blob-io.js";
import { lobColumnNames } from "./lob-columns.js";
import { describeInput, type StatementHandle } from "./statement-ops.js";

export type LobKind = "blob" | "clob";
/** Per prepared statement: the kind of each `?` that is a BLOB/CLOB (null: none is). */
const TARGETS = new WeakMap<StatementHandle, LobTargets | null>();
/** Per prepared statement: the "table.column" of each BLOB/CLOB parameter it can be told for (lob-columns.ts). */
const COLUMNS = new WeakMap<StatementHandle, readonly (string | undefined)[] | null>();
/** Per prepared statement: each column's storage spec (undefined: the server refused, the default is used). */
const SPECS = new WeakMap<StatementHandle, Map<string, Uint8Array | undefined>>();
/** Bind types of a string value (CHAR, VARCHAR, NCHAR, NVARCHAR, LVARCHAR). */
const TEXT_TYPES = new Set([T.SQLCHAR, T.SQLVCHAR, T.SQLNCHAR, T.SQLNVCHAR, T.SQLLVARCHAR]);
/** Bytes gathered from a stream before one SQ_LODATA request. */
const GATHER = 256 * 1024;

/** A parameter as SQ_IDESCRIBE describes it. */
type InputType = { readonly typeCode: number; readonly extendedName?: string };

function smartLobKind(field: InputType): LobKind | undefined {
  if (field.typeCode !== T.SQLUDTFIXED) return undefined;
  const name = field.extendedName?.toLowerCase();
  return name === "blob" || name === "clob" ? name : undefined;
}

const isCandidate = (p: BindParameter) => isBlobParameter(p) || TEXT_TYPES.has(p.type & T.SQLTYPE_MASK);

/** The kind of each `?` of a statement that is a BLOB/CLOB (undefined: not one). */
export type LobTargets = readonly (LobKind | undefined)[];

/** One value to turn into a smart LOB: the parameter at `index`, of `kind`, from `source`. */
export interface LobWrite {
  readonly index: number;
  readonly kind: LobKind;
  readonly source: BlobSource;
  /** "table.column" whose storage spec the LOB takes (lob-columns.ts); the default spec when absent. */
  readonly column: string | undefined;
}

const isLobField = (f: { readonly type: number; readonly extendedName: string }) =>
  (f.type & T.SQLTYPE_MASK) === T.SQLUDTFIXED && /^[bc]lob$/i.test(f.extendedName);

/**
 * The BLOB/CLOB parameters of `h`, or null when none of `rows` can bind one. The server is
 * asked (SQ_CIDESCRIBE) at most once per prepared statement, and only when it can matter: an
 * INSERT whose description lists its target columns and none is a BLOB/CLOB costs nothing,
 * nor does a statement whose rows bind no bytes, stream or string.
 */
export async function smartLobTargets(
  session: Session,
  h: StatementHandle,
  rows: readonly (readonly BindParameter[])[],
): Promise<LobTargets | null> {
  // A query or a DELETE has no BLOB/CLOB `?` (a smart LOB is not comparable).
  if (h.isQuery || h.statementType === T.SQ_DELETE) return null;
  const known = TARGETS.get(h);
  if (known !== undefined) return known;
  const insertsLob = h.fields.some(isLobField);
  // An INSERT's DESCRIBE lists the columns it fills (describe.ts): with none a BLOB/CLOB, no `?` is one.
  if (!insertsLob && h.statementType === T.SQ_INSERT && h.fields.length > 0) return null;
  if (!insertsLob && !rows.some((r) => r.some(isCandidate))) return null;
  const targets = await targetsOf(session, h);
  TARGETS.set(h, targets);
  return targets;
}

/**
 * The values of one row that become smart LOBs; a value of the wrong JS type for its
 * BLOB/CLOB parameter is INVALID_ARGUMENT (nothing is created). NULL and a bound locator stay.
 */
export function lobWritesOf(h: StatementHandle, targets: LobTargets, params: readonly BindParameter[]): LobWrite[] {
  const writes: LobWrite[] = [];
  let columns: readonly (string | undefined)[] | null | undefined;
  for (const [index, kind] of targets.entries()) {
    const p = params[index];
    if (kind === undefined || p === undefined || p.payload === null || p.indicator === -1) continue;
    if (p.type === T.SQLUDTFIXED && (p.typeName === "blob" || p.typeName === "clob")) continue; // a locator
    columns ??= columnsOf(h, targets);
    writes.push({ index, kind, source: sourceOf(p, kind, index), column: columns?.[index] });
  }
  return writes;
}

function columnsOf(h: StatementHandle, targets: LobTargets): readonly (string | undefined)[] | null {
  let names = COLUMNS.get(h);
  if (names === undefined) {
    names = lobColumnNames(h, targets);
    COLUMNS.set(h, names);
  }
  return names;
}

/** The storage spec of `column` for statement `h`: asked once per statement; the default spec when the server refuses. */
async function specOf(session: Session, h: StatementHandle, column: string): Promise<Uint8Array | undefined> {
  let specs = SPECS.get(h);
  if (specs === undefined) {
    specs = new Map();
    SPECS.set(h, specs);
  }
  if (specs.has(column)) return specs.get(column);
  let spec: Uint8Array | undefined;
  try {
    spec = await columnSpec(session, routinesOf(session), column);
  } catch (error) {
    // A table the server does not know by that name, an older server: make it in the default sbspace.
    if (!(error instanceof InformixError)) throw error;
  }
  specs.set(column, spec);
  return spec;
}

/** `params` with each of `writes` made a new smart LOB (ifx_lo_create, SQ_LODATA, ifx_lo_close) and bound by its locator. */
export async function writeLobs(
  session: Session,
  h: StatementHandle,
  params: readonly BindParameter[],
  writes: readonly LobWrite[],
): Promise<BindParameter[]> {
  const out = [...params];
  for (const w of writes) {
    const spec = w.column === undefined ? undefined : await specOf(session, h, w.column);
    out[w.index] = locatorParameter(await writeNewLob(session, w.kind, w.source, spec));
  }
  return out;
}

/** `params` with each value bound to a BLOB/CLOB parameter replaced by a new smart LOB's locator. */
export async function bindSmartLobs(
  session: Session,
  h: StatementHandle,
  params: readonly BindParameter[],
): Promise<readonly BindParameter[]> {
  if (params.length === 0) return params;
  const targets = await smartLobTargets(session, h, [params]);
  if (targets === null) return params;
  const writes = lobWritesOf(h, targets, params);
  return writes.length === 0 ? params : writeLobs(session, h, params, writes);
}

/** Keeps what a describe of `h`'s parameters said (conn.prepare() asks it anyway); returns `inputs`. */
export function rememberLobTargets<C extends InputType>(h: StatementHandle, inputs: readonly C[]): readonly C[] {
  if (!h.isQuery) TARGETS.set(h, lobTargetsOf(inputs));
  return inputs;
}

function lobTargetsOf(inputs: readonly InputType[]): LobTargets | null {
  const kinds = inputs.map(smartLobKind);
  return kinds.some((k) => k !== undefined) ? kinds : null;
}

async function targetsOf(session: Session, h: StatementHandle): Promise<LobTargets | null> {
  let inputs: readonly InputType[];
  try {
    inputs = await describeInput(session, h);
  } catch (error) {
    // A statement the server cannot describe: bind as before and let it run.
    if (error instanceof InformixError) return null;
    throw error;
  }
  return lobTargetsOf(inputs);
}

/** The bytes a parameter gives a smart LOB; a value of another kind is INVALID_ARGUMENT. */
function sourceOf(p: BindParameter, kind: LobKind, index: number): BlobSource {
  if (isBlobParameter(p) && (kind === "clob" || (p.type & T.SQLTYPE_MASK) === T.SQLBYTES)) return p.blob.source;
  if (kind === "clob" && TEXT_TYPES.has(p.type & T.SQLTYPE_MASK) && p.payload !== null) return p.payload;
  throw new DriverError(
    "INVALID_ARGUMENT",
    kind === "blob"
      ? `parameter ${index + 1} is a BLOB: bind a Uint8Array/Buffer, a ReadableStream, a Node Readable or an AsyncIterable of Uint8Array`
      : `parameter ${index + 1} is a CLOB: bind a string, a Uint8Array (bytes in the database code set) or a stream of them`,
  );
}

/** Creates a smart LOB holding the source's bytes; closes its descriptor whatever happens. */
async function writeNewLob(
  session: Session,
  kind: LobKind,
  source: BlobSource,
  spec: Uint8Array | undefined,
): Promise<SmartLobLocator> {
  const routines = routinesOf(session);
  const { locator, fd } = await createLob(session, routines, kind, spec);
  try {
    await writeAll(session, fd, source);
  } catch (error) {
    await closeFd(session, routines, fd).catch(() => undefined);
    throw error;
  }
  await closeFd(session, routines, fd);
  return locator;
}

async function writeAll(session: Session, fd: number, source: BlobSource): Promise<void> {
  if (source instanceof Uint8Array) return writeChunk(session, fd, source);
  const parts: Uint8Array[] = [];
  let held = 0;
  const flush = async () => {
    const all = parts.length === 1 ? parts[0]! : concatBytes(parts);
    parts.length = 0;
    held = 0;
    await writeChunk(session, fd, all);
  };
  try {
    for await (const chunk of chunksOf(source, session.ctx.codec)) {
      parts.push(chunk);
      held += chunk.length;
      if (held >= GATHER) await flush();
    }
  } catch (cause) {
    if (cause instanceof InformixError || (cause instanceof DriverError && cause.fatal)) throw cause;
    throw new DriverError("INVALID_ARGUMENT", "a BLOB/CLOB parameter's stream failed; the statement was not run", {
      cause,
    });
  }
  if (held > 0) await flush();
}

/** The SQ_BIND form IBM JDBC gives a new locator: SENDRECV "informix"."blob"/"clob", precision 72. */
function locatorParameter(locator: SmartLobLocator): BindParameter {
  return {
    type: T.SQLSENDRECV,
    owner: "informix",
    typeName: locator.lobType,
    indicator: 0,
    precision: SMART_LOB_LOCATOR_BYTES,
    payload: locator.raw,
  };
}
