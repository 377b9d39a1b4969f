// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The built-in smart-LOB routines of the fast path and SQ_LODATA, on a session's open LO
// descriptors (docs/protocol/smart-lobs.md §3, §4, §6). What IBM JDBC calls, as captured on
// loopback (setBytes/setString on a BLOB/CLOB parameter, getBytes/getString of one):
//
//   ifx_lo_col_sbinfo(lvarchar, ifx_lo_spec)     → ifx_lo_spec (the column's storage spec)
//   ifx_lo_create(ifx_lo_spec, integer, blob)     → blob (the new locator), integer (its fd)
//   ifx_lo_open(blob, integer)                    → integer fd
//   ifx_lo_stat(int, ifx_lo_stat)                 → ifx_lo_stat (644 bytes; the size at 4)
//   ifx_lo_seek(integer, int8, integer, int8)     → int8 (the new position), integer
//   ifx_lo_tell(int, int8)                        → int8 (the position)
//   ifx_lo_close(integer)                         → integer 0
//   SQ_LODATA LO_WRITE                            → SQ_LODATA i16 2, i32 bytes written
//   SQ_LODATA LO_READ                             → SQ_BLOB chunks, SQ_BLOB 0 [accepted by JDBC]
// and what informix-db adds: ifx_lo_read(integer, integer) → lvarchar, ifx_lo_tell(integer) → integer.
// An unknown or closed descriptor, a locator of another sbspace, a write on a descriptor
// opened read-only: -9810.

import { type FpReturnValue, type LoDataMessage, type ServerMessage, typeCodes as T } from "@informix-db/protocol";
import { InformixSqlError } from "../engine/informix-sql-error.js";
import type { EngineValue } from "../engine/types.js";
import { type LobKind, type Sbspace, type SmartLob, SQLCODE_SMART_LOB } from "./sbspace.js";

/** Built-in routines reachable through the fast path, in handle order. */
export const LO_ROUTINES = [
  "ifx_lo_close",
  "ifx_lo_tell",
  "ifx_lo_release",
  "ifx_lo_open",
  "ifx_lo_read",
  "ifx_lo_col_sbinfo",
  "ifx_lo_create",
  "ifx_lo_stat",
  "ifx_lo_seek",
] as const;
export type LoRoutine = (typeof LO_ROUTINES)[number];

/** LO_RDONLY: a descriptor opened so refuses writes (IDS locator.h; informix-driver opens with 4). */
const LO_RDONLY = 4;
/** The most bytes one ifx_lo_read returns: its value is an LVARCHAR [inferred]. */
const MAX_READ = 32_739;
/** Bytes of IBM JDBC's ifx_lo_stat argument and value. */
export const LO_STAT_BYTES = 644;
/** Where ifx_lo_stat's size is: u32 low word at 4, u32 high word at 8, i16 sign at 12 [IBM JDBC]. */
const STAT_SIZE_LOW = 4;
const STAT_SIZE_HIGH = 8;
const STAT_SIZE_SIGN = 12;
/** SEEK_SET, SEEK_CUR, SEEK_END. */
const SEEK_SET = 0;
const SEEK_CUR = 1;
const SEEK_END = 2;
/** SQ_LODATA sub-commands. */
const LO_READ = 0;
const LO_READWITHSEEK = 1;
const LO_WRITE = 2;
/** The largest SQ_LODATA buffer (IBM JDBC asks 32,000). */
const MAX_LODATA_BUFFER = 32_767;
/** Precision IBM JDBC gives an INT8 value (0x1300). */
const INT8_PRECISION = 0x1300;

interface OpenLob {
  readonly lob: SmartLob;
  readonly mode: number;
  position: number;
}

const fail = (): never => {
  throw new InformixSqlError(SQLCODE_SMART_LOB);
};

export class LoFiles {
  private readonly fds = new Map<number, OpenLob>();
  private nextFd = 1;

  constructor(private readonly space: Sbspace) {}

  /** Opens `locator`; returns its descriptor (also for SELECT ifx_lo_open(col, mode)). */
  open(locator: Uint8Array, mode: number): number {
    const fd = this.nextFd++;
    this.fds.set(fd, { lob: this.space.get(locator), mode, position: 0 });
    return fd;
  }

  /** Runs one built-in routine; `typeNames` are the SQ_BIND parameters' type names. */
  call(
    routine: LoRoutine,
    values: readonly EngineValue[],
    typeNames: readonly (string | undefined)[],
  ): FpReturnValue[] {
    switch (routine) {
      case "ifx_lo_open": {
        const locator = values[0];
        if (!(locator instanceof Uint8Array)) return fail();
        return [integer(this.open(locator, Number(values[1] ?? LO_RDONLY)))];
      }
      case "ifx_lo_col_sbinfo":
        // The column's storage spec: one sbspace here, so the client's spec comes back as it is.
        return [named(T.SQLSENDRECV, "ifx_lo_spec", bytesOf(values[1]))];
      case "ifx_lo_create": {
        const kind: LobKind = typeNames[2]?.toLowerCase() === "clob" ? "clob" : "blob";
        const { lob, locator } = this.space.create(kind);
        const fd = this.nextFd++;
        this.fds.set(fd, { lob, mode: Number(values[1] ?? 0), position: 0 });
        return [named(T.SQLUDTFIXED, kind, locator), integer(fd)];
      }
      default:
        return this.onFd(routine, values);
    }
  }

  private onFd(routine: LoRoutine, values: readonly EngineValue[]): FpReturnValue[] {
    const fd = Number(values[0]);
    const open = this.fds.get(fd) ?? fail();
    switch (routine) {
      case "ifx_lo_tell":
        // IBM JDBC calls ifx_lo_tell(int, int8) and reads an INT8 (an INTEGER is a ClassCastException).
        return [values.length >= 2 ? int8(open.position) : integer(open.position)];
      case "ifx_lo_read": {
        const n = Number(values[1]);
        if (!Number.isInteger(n) || n < 0 || n > MAX_READ) return fail();
        const bytes = this.space.bytes(open.lob);
        const chunk = bytes.subarray(Math.min(open.position, bytes.length), Math.min(open.position + n, bytes.length));
        open.position += chunk.length;
        return [lvarchar(chunk)];
      }
      case "ifx_lo_stat":
        return [named(T.SQLSENDRECV, "ifx_lo_stat", statOf(open.lob.size))];
      case "ifx_lo_seek": {
        this.seek(open, Number(values[1]), Number(values[2]));
        return [int8(open.position), integer(0)];
      }
      default:
        // ifx_lo_close, ifx_lo_release
        this.fds.delete(fd);
        return [integer(0)];
    }
  }

  /**
   * SQ_LODATA. LO_WRITE writes its chunks at the descriptor's position; the answer is SQ_LODATA
   * with the count written (IBM JDBC checks it after a stream). LO_READ (LO_READWITHSEEK after moving) answers up to `length` bytes as SQ_BLOB
   * chunks of at most the buffer size, then an empty SQ_BLOB (the end).
   */
  loData(m: LoDataMessage): ServerMessage[] {
    const open = this.fds.get(m.loFd) ?? fail();
    if (m.length < 0) return fail();
    if (m.subCommand === LO_WRITE) {
      if (open.mode === LO_RDONLY) return fail();
      let written = 0;
      for (const c of m.chunks ?? []) {
        this.space.write(open.lob, open.position, c);
        open.position += c.length;
        written += c.length;
      }
      return [{ kind: "lodatareply", subCommand: LO_WRITE, length: written }];
    }
    if (m.subCommand === LO_READWITHSEEK) this.seek(open, Number(m.offset ?? 0n), m.whence ?? SEEK_SET);
    else if (m.subCommand !== LO_READ) return fail();
    if (m.bufferSize <= 0 || m.bufferSize > MAX_LODATA_BUFFER) return fail();
    const bytes = this.space.bytes(open.lob);
    const end = Math.min(bytes.length, open.position + m.length);
    const out: ServerMessage[] = [];
    for (let at = open.position; at < end; at += m.bufferSize)
      out.push({ kind: "blob", data: bytes.slice(at, Math.min(end, at + m.bufferSize)) });
    open.position = Math.max(open.position, end);
    out.push({ kind: "blob", data: new Uint8Array(0) });
    return out;
  }

  private seek(open: OpenLob, offset: number, whence: number): void {
    const base =
      whence === SEEK_SET ? 0 : whence === SEEK_CUR ? open.position : whence === SEEK_END ? open.lob.size : -1;
    if (base < 0 || !Number.isSafeInteger(offset) || base + offset < 0) fail();
    open.position = base + offset;
  }

  close(): void {
    this.fds.clear();
  }
}

function bytesOf(v: EngineValue | undefined): Uint8Array {
  return v instanceof Uint8Array ? v : fail();
}

function integer(n: number): FpReturnValue {
  const payload = new Uint8Array(4);
  new DataView(payload.buffer).setInt32(0, n);
  return { type: T.SQLINT, indicator: 0, precision: 0, payload };
}

/** INT8 in its 10-byte form: i16 sign, u32 low word, u32 high word (types/int8.ts). */
function int8(n: number): FpReturnValue {
  const payload = new Uint8Array(10);
  const v = new DataView(payload.buffer);
  v.setInt16(0, 1);
  v.setUint32(2, n % 2 ** 32);
  v.setUint32(6, Math.floor(n / 2 ** 32));
  return { type: T.SQLINT8, indicator: 0, precision: INT8_PRECISION, payload };
}

/** An opaque value ("informix".name); the encoder frames it with an i32 length, as SQ_BIND does. */
function named(type: number, typeName: string, bytes: Uint8Array): FpReturnValue {
  return { type, owner: "informix", typeName, indicator: 0, precision: 0, payload: bytes };
}

/** ifx_lo_read's value: an LVARCHAR ("informix"."lvarchar") of the bytes read, i16-framed. */
function lvarchar(bytes: Uint8Array): FpReturnValue {
  const payload = new Uint8Array(2 + bytes.length);
  new DataView(payload.buffer).setUint16(0, bytes.length);
  payload.set(bytes, 2);
  return {
    type: T.SQLLVARCHAR,
    owner: "informix",
    typeName: "lvarchar",
    indicator: 0,
    precision: bytes.length,
    payload,
  };
}

/** An ifx_lo_stat holding `size` (the only field IBM JDBC is known to read). */
function statOf(size: number): Uint8Array {
  const stat = new Uint8Array(LO_STAT_BYTES);
  const v = new DataView(stat.buffer);
  v.setUint32(STAT_SIZE_LOW, size % 2 ** 32);
  v.setUint32(STAT_SIZE_HIGH, Math.floor(size / 2 ** 32));
  v.setInt16(STAT_SIZE_SIGN, 1);
  return stat;
}
