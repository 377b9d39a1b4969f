// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// A value bound to a BLOB or CLOB parameter becomes a smart LOB before the statement runs,
// as IBM JDBC's setBytes/setBlob/setString/setClob do (docs/protocol/smart-lobs.md §6):
// ifx_lo_create, the bytes by SQ_LODATA, ifx_lo_close, then SQ_BIND carries the new
// locator (type 44 "informix"."blob"/"clob", i32 72 + the 72 bytes) in the value's place.
//
// Which parameters are BLOB/CLOB comes from the server (SQ_CIDESCRIBE), asked once per
// prepared statement and only when it can matter: a statement that is not a query and has a
// binary, stream or string parameter, or whose description lists a BLOB/CLOB column (an
// INSERT's). A stream is read chunk by chunk as it is written; if it fails midway the
// statement is not executed (no row refers to the half-written value) and the connection
// stays usable.

import {
  type BindParameter,
  SMART_LOB_LOCATOR_BYTES,
  type SmartLobLocator,
  typeCodes as T,
} from "@informix-db/protocol";
import { routinesOf } from "../connection/fast-path.js";
import type { Session } from "../connection/session.js";
import { closeFd, createLob, writeChunk } from "../connection/smart-lob-io.js";
import { DriverError, InformixError } from "../errors.js";
import { type BlobSource, chunksOf, isBlobParameter } from "./blob-io.js";
import { describeInput, type StatementHandle } from "./statement-ops.js";

type LobKind = "blob" | "clob";
/** Per prepared statement: the kind of each `?` that is a BLOB/CLOB (null: none is). */
const TARGETS = new WeakMap<StatementHandle, readonly (LobKind | undefined)[] | null>();
/** Bind types of a string value (CHAR, VARCHAR, NCHAR, NVARCHAR, LVARCHAR). */
const TEXT_TYPES = new Set([T.SQLCHAR, T.SQLVCHAR, T.SQLNCHAR, T.SQLNVCHAR, T.SQLLVARCHAR]);
/** Bytes gathered from a stream before one SQ_LODATA request. */
const GATHER = 256 * 1024;

function smartLobKind(field: { readonly typeCode: number; readonly extendedName?: string }): LobKind | undefined {
  if (field.typeCode !== T.SQLUDTFIXED) return undefined;
  const name = field.extendedName?.toLowerCase();
  return name === "blob" || name === "clob" ? name : undefined;
}

const isCandidate = (p: BindParameter) => isBlobParameter(p) || TEXT_TYPES.has(p.type & T.SQLTYPE_MASK);

/** `params` with each value bound to a BLOB/CLOB parameter replaced by a new smart LOB's locator. */
export async function bindSmartLobs(
  session: Session,
  h: StatementHandle,
  params: readonly BindParameter[],
): Promise<readonly BindParameter[]> {
  if (h.isQuery || params.length === 0) return params;
  let targets = TARGETS.get(h);
  if (targets === undefined) {
    const insertsLob = h.fields.some((f) => f.type === T.SQLUDTFIXED && /^[bc]lob$/i.test(f.extendedName));
    if (!insertsLob && !params.some(isCandidate)) return params;
    targets = await targetsOf(session, h);
    TARGETS.set(h, targets);
  }
  if (targets === null) return params;
  const out = [...params];
  for (const [i, kind] of targets.entries()) {
    const p = params[i];
    if (kind === undefined || p === undefined || p.payload === null || p.indicator === -1) continue;
    if (p.type === T.SQLUDTFIXED && (p.typeName === "blob" || p.typeName === "clob")) continue; // a locator
    out[i] = locatorParameter(await writeNewLob(session, kind, sourceOf(p, kind, i)));
  }
  return out;
}

async function targetsOf(session: Session, h: StatementHandle): Promise<(LobKind | undefined)[] | null> {
  let inputs: { readonly typeCode: number; readonly extendedName?: string }[];
  try {
    inputs = await describeInput(session, h);
  } catch (error) {
    // A statement the server cannot describe: bind as before and let it run.
    if (error instanceof InformixError) return null;
    throw error;
  }
  const kinds = inputs.map(smartLobKind);
  return kinds.some((k) => k !== undefined) ? kinds : null;
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
async function writeNewLob(session: Session, kind: LobKind, source: BlobSource): Promise<SmartLobLocator> {
  const routines = routinesOf(session);
  const { locator, fd } = await createLob(session, routines, kind);
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
    const all = parts.length === 1 ? parts[0]! : concat(parts, held);
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

function concat(parts: readonly Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
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
