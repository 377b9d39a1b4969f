// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Smart large objects (BLOB, CLOB) by their locators through the fast path and SQ_LODATA
// (docs/protocol/smart-lobs.md §4). Reading, as IBM JDBC does: ifx_lo_open(locator, mode)
// gives an LO file descriptor, SQ_LODATA LO_READ returns the next n bytes at most (fewer at
// the end) as SQ_BLOB chunks, ifx_lo_close(fd) frees the descriptor.
// Writing, as IBM JDBC does: ifx_lo_create(spec, LO_RDWR, blob|clob) gives the new locator
// and its descriptor, SQ_LODATA LO_WRITE carries the bytes (chunks of 32,000), ifx_lo_stat
// gives the size, ifx_lo_seek moves. Each call is one round trip on a resolved handle.

import {
  type BindParameter,
  concatBytes,
  SMART_LOB_LOCATOR_BYTES,
  SmartLobLocator,
  typeCodes as T,
} from "@informix-db/protocol";
import { DriverError, InformixError, ProtocolError } from "../errors.js";
import { callRoutine, callRoutineBound, type RoutineCache } from "./fast-path.js";
import type { Session } from "./session.js";

/** LO_RDONLY, the open mode of a read (IDS locator.h; 4 in `SELECT ifx_lo_open(col, 4)`). */
export const LO_RDONLY = 4;
/** LO_WRONLY and LO_RDWR (IDS locator.h; IBM JDBC creates with 8). */
export const LO_WRONLY = 2;
export const LO_RDWR = 8;
/** Open modes of {@link Connection.openLob}. */
export type LobMode = "r" | "w" | "rw";
const MODE_FLAGS: Readonly<Record<LobMode, number>> = { r: LO_RDONLY, w: LO_WRONLY, rw: LO_RDWR };
/** Bytes of one SQ_LODATA chunk (IBM JDBC's buffer size). */
export const LODATA_CHUNK = 32_000;
/** SQ_LODATA sub-command of a read. */
const LO_READ = 0;
/** Bytes asked for by one SQ_LODATA read of readLob (answered in 32,000-byte SQ_BLOB chunks). */
const WHOLE_READ = 1024 * 1024;
/** Bytes sent in one SQ_LODATA write request. */
const LODATA_REQUEST = 8 * LODATA_CHUNK;
/** Bytes asked for by one read of a LobReader or LobHandle at most (one SQ_BLOB chunk). */
export const LOB_READ_CHUNK = 32_000;

const OPEN = (lobType: "blob" | "clob") => `function informix.ifx_lo_open(${lobType}, integer)`;
const CLOSE = "function informix.ifx_lo_close(integer)";

/** Options of {@link Connection.openLob}. */
export interface OpenLobOptions {
  /** "r" (default): a {@link LobReader}; "w" or "rw": a {@link LobHandle} that writes (and reads). */
  readonly mode?: LobMode;
  /** Bytes asked for by each read (1 to 32,000; default 32,000). */
  readonly chunkSize?: number;
}

/** The locator argument checked: a BlobLocator or ClobLocator, else INVALID_ARGUMENT. */
export function checkLocator(locator: unknown): SmartLobLocator {
  if (!(locator instanceof SmartLobLocator))
    throw new DriverError(
      "INVALID_ARGUMENT",
      "readLob/openLob need a BlobLocator or ClobLocator (a BLOB or CLOB column's value)",
    );
  return locator;
}

/** The chunk size of an openLob call, checked. */
export function chunkSizeOf(options: OpenLobOptions): number {
  if (options.mode !== undefined && !Object.hasOwn(MODE_FLAGS, options.mode))
    throw new DriverError("INVALID_ARGUMENT", `openLob mode "${String(options.mode)}" is not "r", "w" or "rw"`);
  const n = options.chunkSize ?? LOB_READ_CHUNK;
  if (!Number.isInteger(n) || n < 1 || n > LOB_READ_CHUNK)
    throw new DriverError("INVALID_ARGUMENT", `openLob chunkSize must be an integer from 1 to ${LOB_READ_CHUNK}`);
  return n;
}

/** ifx_lo_open(locator, mode): the LO file descriptor. */
export async function openFd(
  s: Session,
  cache: RoutineCache,
  locator: SmartLobLocator,
  mode: LobMode = "r",
): Promise<number> {
  const [fd] = await callRoutine(s, cache, OPEN(locator.lobType), [locator, MODE_FLAGS[mode]]);
  if (typeof fd !== "number" || !Number.isInteger(fd) || fd < 0)
    throw new ProtocolError(`ifx_lo_open returned ${String(fd)}, not an LO file descriptor`);
  return fd;
}

/**
 * The next bytes at the descriptor's position (at most n; fewer at the end of the value):
 * SQ_LODATA LO_READ, answered by SQ_BLOB chunks and an empty SQ_BLOB [jdbc: the answer JDBC takes].
 */
export async function readChunk(s: Session, fd: number, n: number): Promise<Uint8Array> {
  const reply = await s.exchange(
    [{ kind: "lodata", subCommand: LO_READ, loFd: fd, length: n, bufferSize: LODATA_CHUNK }],
    ["blob"],
  );
  if (reply.error) throw new InformixError(reply.error);
  const parts: Uint8Array[] = [];
  let total = 0;
  for (const m of reply.messages)
    if (m.kind === "blob") {
      parts.push(m.data);
      total += m.data.length;
    }
  if (total > n) throw new ProtocolError(`SQ_LODATA returned ${total} bytes, ${n} were asked for`);
  return parts.length === 1 ? parts[0]! : concatBytes(parts);
}

/** ifx_lo_close(fd). */
export async function closeFd(s: Session, cache: RoutineCache, fd: number): Promise<void> {
  await callRoutine(s, cache, CLOSE, [fd]);
}

/** The whole value: open, read until a short chunk, close (also when a read fails). */
export async function readWholeLob(
  s: Session,
  cache: RoutineCache,
  locator: SmartLobLocator,
): Promise<Uint8Array | string> {
  const fd = await openFd(s, cache, locator);
  const parts: Uint8Array[] = [];
  try {
    for (;;) {
      const chunk = await readChunk(s, fd, WHOLE_READ);
      parts.push(chunk);
      if (chunk.length < WHOLE_READ) break;
    }
  } catch (error) {
    await closeFd(s, cache, fd).catch(() => undefined);
    throw error;
  }
  await closeFd(s, cache, fd);
  const bytes = parts.length === 1 ? parts[0]! : concatBytes(parts);
  return locator.lobType === "clob" ? s.ctx.codec.decode(bytes) : bytes;
}

const CREATE = "function informix.ifx_lo_create( ifx_lo_spec,integer,blob)";
const COL_SBINFO = "function informix.ifx_lo_col_sbinfo(lvarchar,ifx_lo_spec)";
const STAT = "function informix.ifx_lo_stat(int, ifx_lo_stat)";
const SEEK = "function informix.ifx_lo_seek(integer,int8,integer,int8)";
/** Bytes of an ifx_lo_spec and an ifx_lo_stat as IBM JDBC sends them. */
const LO_SPEC_BYTES = 596;
const LO_STAT_BYTES = 644;
/**
 * The default create spec IBM JDBC sends (non-zero bytes by offset): magic dadafeed, then
 * "unset" markers (-1) the server fills from the column or SBSPACENAME [IBM JDBC capture].
 */
const LO_SPEC_DEFAULT: readonly (readonly [number, number])[] = [
  [0, 0xda],
  [1, 0xda],
  [2, 0xfe],
  [3, 0xed],
  [15, 1],
  [20, 0xff],
  [21, 0xff],
  [27, 1],
  [32, 0xff],
  [33, 0xff],
  [36, 0xff],
  [37, 0xff],
  [38, 0xff],
  [39, 0xff],
  [572, 0xff],
  [573, 0xff],
  [574, 0xff],
  [575, 0xff],
  [576, 0xff],
  [577, 0xff],
  [578, 0xff],
  [579, 0xff],
];
/** ifx_lo_stat's size: u32 low word at 4, u32 high word at 8, i16 sign at 12 [IBM JDBC reads it there]. */
const STAT_SIZE_LOW = 4;
const STAT_SIZE_HIGH = 8;
const STAT_SIZE_SIGN = 12;
/** Precision IBM JDBC gives INTEGER and INT8 arguments. */
const INT_PRECISION = 0x0a00;
const INT8_PRECISION = 0x1300;

/** A named-type argument ("informix" types sent with an empty owner, as IBM JDBC does). */
function namedArg(typeName: string, payload: Uint8Array): BindParameter {
  return { type: T.SQLSENDRECV, owner: "", typeName, indicator: 0, precision: 0, payload };
}

function intArg(n: number): BindParameter {
  const payload = new Uint8Array(4);
  new DataView(payload.buffer).setInt32(0, n);
  return { type: T.SQLINT, indicator: 0, precision: INT_PRECISION, payload };
}

/** INT8's 10-byte form: i16 sign, u32 low word, u32 high word. */
function int8Arg(n: number): BindParameter {
  const payload = new Uint8Array(10);
  const v = new DataView(payload.buffer);
  v.setInt16(0, n < 0 ? -1 : 1);
  const m = Math.abs(n);
  v.setUint32(2, m % 2 ** 32);
  v.setUint32(6, Math.floor(m / 2 ** 32));
  return { type: T.SQLINT8, indicator: 0, precision: INT8_PRECISION, payload };
}

function defaultSpec(): Uint8Array {
  const spec = new Uint8Array(LO_SPEC_BYTES);
  for (const [at, b] of LO_SPEC_DEFAULT) spec[at] = b;
  return spec;
}

/**
 * The storage spec of a BLOB/CLOB column, `name` being "table.column" as IBM JDBC sends it
 * (ifx_lo_col_sbinfo with the default spec; the value is the column's spec, for ifx_lo_create).
 */
export async function columnSpec(s: Session, cache: RoutineCache, name: string): Promise<Uint8Array> {
  const [value] = await callRoutineBound(s, cache, COL_SBINFO, [
    {
      type: T.SQLLVARCHAR,
      owner: "",
      typeName: "lvarchar",
      indicator: 0,
      precision: 0,
      payload: s.ctx.codec.encode(name),
    },
    namedArg("ifx_lo_spec", defaultSpec()),
  ]);
  const spec = value?.payload;
  if (spec === null || spec === undefined || spec.length === 0)
    throw new ProtocolError("ifx_lo_col_sbinfo returned no ifx_lo_spec");
  return spec;
}

/** A new, empty smart LOB open for writing: its locator and descriptor (ifx_lo_create with `spec`, else the default). */
export async function createLob(
  s: Session,
  cache: RoutineCache,
  lobType: "blob" | "clob",
  spec: Uint8Array = defaultSpec(),
): Promise<{ locator: SmartLobLocator; fd: number }> {
  const values = await callRoutineBound(s, cache, CREATE, [
    namedArg("ifx_lo_spec", spec),
    intArg(LO_RDWR),
    namedArg(lobType, new Uint8Array(SMART_LOB_LOCATOR_BYTES)),
  ]);
  const raw = values[0]?.payload;
  const fd = values[1]?.payload;
  if (raw?.length !== SMART_LOB_LOCATOR_BYTES || fd?.length !== 4)
    throw new ProtocolError("ifx_lo_create did not return a locator and a descriptor");
  return { locator: SmartLobLocator.of(lobType, raw), fd: new DataView(fd.buffer, fd.byteOffset).getInt32(0) };
}

/** Writes `bytes` at the descriptor's position (SQ_LODATA LO_WRITE, 32,000-byte chunks). */
export async function writeChunk(s: Session, fd: number, bytes: Uint8Array): Promise<void> {
  for (let at = 0; at < bytes.length; at += LODATA_REQUEST) {
    const part = bytes.subarray(at, Math.min(bytes.length, at + LODATA_REQUEST));
    const chunks: Uint8Array[] = [];
    for (let c = 0; c < part.length; c += LODATA_CHUNK) chunks.push(part.subarray(c, c + LODATA_CHUNK));
    const reply = await s.exchange(
      [{ kind: "lodata", subCommand: 2, loFd: fd, length: part.length, bufferSize: LODATA_CHUNK, chunks }],
      ["lodatareply"],
    );
    if (reply.error) throw new InformixError(reply.error);
    const ack = reply.messages.find((m) => m.kind === "lodatareply");
    if (ack?.kind === "lodatareply" && ack.length !== part.length)
      throw new ProtocolError(`SQ_LODATA wrote ${ack.length} bytes of ${part.length}`);
  }
}

/** The size of the value open on `fd` (ifx_lo_stat). */
export async function statSize(s: Session, cache: RoutineCache, fd: number): Promise<number> {
  const [value] = await callRoutineBound(s, cache, STAT, [
    intArg(fd),
    namedArg("ifx_lo_stat", new Uint8Array(LO_STAT_BYTES)),
  ]);
  const stat = value?.payload;
  if (stat === null || stat === undefined || stat.length < STAT_SIZE_SIGN + 2)
    throw new ProtocolError("ifx_lo_stat returned no structure");
  const v = new DataView(stat.buffer, stat.byteOffset, stat.byteLength);
  if (v.getInt16(STAT_SIZE_SIGN) === 0) return 0;
  return v.getUint32(STAT_SIZE_HIGH) * 2 ** 32 + v.getUint32(STAT_SIZE_LOW);
}

/** Moves the descriptor's position (ifx_lo_seek; whence 0 start, 1 current, 2 end); returns it. */
export async function seekFd(
  s: Session,
  cache: RoutineCache,
  fd: number,
  offset: number,
  whence: 0 | 1 | 2,
): Promise<number> {
  const [value] = await callRoutineBound(s, cache, SEEK, [intArg(fd), int8Arg(offset), intArg(whence), int8Arg(0)]);
  const p = value?.payload;
  if (p?.length !== 10) throw new ProtocolError("ifx_lo_seek did not return an INT8 position");
  const v = new DataView(p.buffer, p.byteOffset, p.byteLength);
  return v.getUint32(6) * 2 ** 32 + v.getUint32(2);
}
