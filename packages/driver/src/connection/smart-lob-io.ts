// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Reading smart large objects (BLOB, CLOB) by their locators through the fast path
// (docs/protocol/smart-lobs.md §4): ifx_lo_open(locator, LO_RDONLY) gives an LO file
// descriptor, ifx_lo_read(fd, n) returns the next n bytes at most (fewer at the end),
// ifx_lo_close(fd) frees the descriptor. Each call is one round trip on a resolved handle.
// ifx_lo_read as a fast-path routine is inferred (no oracle shows it; JDBC may use SQ_LODATA):
// readChunk is the one place to change when an IDS capture settles it.

import { type FpReturnValue, SmartLobLocator } from "@informix-db/protocol";
import { DriverError, ProtocolError } from "../errors.js";
import { callRoutine, callRoutineRaw, type RoutineCache } from "./fast-path.js";
import type { Session } from "./session.js";

/** LO_RDONLY, the open mode of a read (IDS locator.h; 4 in `SELECT ifx_lo_open(col, 4)`). */
export const LO_RDONLY = 4;
/** Bytes asked for by one ifx_lo_read: below LVARCHAR's 32,739, the type the data returns in. */
export const LOB_READ_CHUNK = 32_000;

const OPEN = (lobType: "blob" | "clob") => `function informix.ifx_lo_open(${lobType}, integer)`;
const READ = "function informix.ifx_lo_read(integer, integer)";
const CLOSE = "function informix.ifx_lo_close(integer)";

/** Options of {@link Connection.openLob}. */
export interface OpenLobOptions {
  /** Only "r" (read) for now. */
  readonly mode?: "r";
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
  if (options.mode !== undefined && options.mode !== "r")
    throw new DriverError("INVALID_ARGUMENT", `openLob mode "${String(options.mode)}" is not supported (only "r")`);
  const n = options.chunkSize ?? LOB_READ_CHUNK;
  if (!Number.isInteger(n) || n < 1 || n > LOB_READ_CHUNK)
    throw new DriverError("INVALID_ARGUMENT", `openLob chunkSize must be an integer from 1 to ${LOB_READ_CHUNK}`);
  return n;
}

/** ifx_lo_open(locator, LO_RDONLY): the LO file descriptor. */
export async function openFd(s: Session, cache: RoutineCache, locator: SmartLobLocator): Promise<number> {
  const [fd] = await callRoutine(s, cache, OPEN(locator.lobType), [locator, LO_RDONLY]);
  if (typeof fd !== "number" || !Number.isInteger(fd) || fd < 0)
    throw new ProtocolError(`ifx_lo_open returned ${String(fd)}, not an LO file descriptor`);
  return fd;
}

/** ifx_lo_read(fd, n): the next bytes (at most n; fewer at the end of the value). */
export async function readChunk(s: Session, cache: RoutineCache, fd: number, n: number): Promise<Uint8Array> {
  const [value] = await callRoutineRaw(s, cache, READ, [fd, n]);
  const bytes = dataOf(value);
  if (bytes.length > n) throw new ProtocolError(`ifx_lo_read returned ${bytes.length} bytes, ${n} were asked for`);
  return bytes;
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
  let total = 0;
  try {
    for (;;) {
      const chunk = await readChunk(s, cache, fd, LOB_READ_CHUNK);
      parts.push(chunk);
      total += chunk.length;
      if (chunk.length < LOB_READ_CHUNK) break;
    }
  } catch (error) {
    await closeFd(s, cache, fd).catch(() => undefined);
    throw error;
  }
  await closeFd(s, cache, fd);
  const bytes = concat(parts, total);
  return locator.lobType === "clob" ? s.ctx.codec.decode(bytes) : bytes;
}

/** The data of ifx_lo_read's value: its bind-form bytes (LVARCHAR: the bytes as stored). */
function dataOf(value: FpReturnValue | undefined): Uint8Array {
  if (value === undefined) throw new ProtocolError("ifx_lo_read returned no value");
  if (value.payload === null || value.indicator === -1) return new Uint8Array(0);
  return value.payload;
}

function concat(parts: readonly Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
