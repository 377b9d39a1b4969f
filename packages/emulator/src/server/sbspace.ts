// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The sbspace: where BLOB and CLOB values (smart large objects) live. As on IDS, a row
// holds only the 72-byte LO handle ("locator"); the bytes sit apart and are reached by the
// locator through LOTOFILE, ifx_lo_open/read/write or the fast path. Here the LO handle
// is the emulator's own layout (clients treat it as opaque):
//
//   0  u32 sbspace number (tells this sbspace's locators from another emulator's)
//   4  u32 LO number
//   8  u16 extended type id (10 BLOB, 11 CLOB)
//   10 zeros up to 72
//
// One sbspace per engine, shared by its sessions, held in memory (smart LOBs are
// random-access: ifx_lo_write at any offset). Values of rows deleted or updated are not
// reclaimed before the emulator closes; a locator from another sbspace (a row written by
// an earlier emulator into a persistent PostgreSQL) fails with -9810.

import { SMART_LOB_LOCATOR_BYTES, typeCodes as T } from "@informix-db/protocol";
import { InformixSqlError } from "../engine/informix-sql-error.js";
import type { Engine } from "../engine/types.js";

/** -9810 "Smart-large-object error" [py test_fastpath: IDS's code for ifx_lo_close(-1)]. */
export const SQLCODE_SMART_LOB = -9810;

export type LobKind = "blob" | "clob";

/** One smart large object: its bytes (grown on write) and its kind. */
export interface SmartLob {
  readonly kind: LobKind;
  readonly id: number;
  data: Uint8Array;
  size: number;
}

export class Sbspace {
  /** Told apart from other sbspaces' locators by this number. */
  readonly family = 1 + Math.floor(Math.random() * 0x7ffffffe);
  private next = 1;
  private readonly lobs = new Map<number, SmartLob>();

  /** A new smart LOB holding `data`; returns it with its locator. */
  create(kind: LobKind, data: Uint8Array = new Uint8Array(0)): { lob: SmartLob; locator: Uint8Array } {
    const id = this.next++;
    const lob: SmartLob = { kind, id, data: data.slice(), size: data.length };
    this.lobs.set(id, lob);
    return { lob, locator: this.locatorOf(lob) };
  }

  locatorOf(lob: SmartLob): Uint8Array {
    const raw = new Uint8Array(SMART_LOB_LOCATOR_BYTES);
    const v = new DataView(raw.buffer);
    v.setUint32(0, this.family);
    v.setUint32(4, lob.id);
    v.setUint16(8, lob.kind === "clob" ? T.XID_CLOB : T.XID_BLOB);
    return raw;
  }

  /** The smart LOB a locator names; -9810 when it is not one of this sbspace's. */
  get(locator: Uint8Array): SmartLob {
    const raw = locator.length === 2 * SMART_LOB_LOCATOR_BYTES ? fromHex(locator) : locator;
    if (raw?.length !== SMART_LOB_LOCATOR_BYTES) throw new InformixSqlError(SQLCODE_SMART_LOB);
    const v = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
    const lob = v.getUint32(0) === this.family ? this.lobs.get(v.getUint32(4)) : undefined;
    if (lob === undefined) throw new InformixSqlError(SQLCODE_SMART_LOB);
    return lob;
  }

  /** The bytes of a smart LOB (a view, not a copy). */
  bytes(lob: SmartLob): Uint8Array {
    return lob.data.subarray(0, lob.size);
  }

  /** Writes `data` at `offset`, growing the LOB (a gap reads as zeros). */
  write(lob: SmartLob, offset: number, data: Uint8Array): void {
    const end = offset + data.length;
    if (end > lob.data.length) {
      const grown = new Uint8Array(Math.max(end, lob.data.length * 2));
      grown.set(lob.data.subarray(0, lob.size));
      lob.data = grown;
    }
    lob.data.set(data, offset);
    lob.size = Math.max(lob.size, end);
  }

  /** A copy of a smart LOB (LOCOPY); returns the new locator. */
  copy(locator: Uint8Array): Uint8Array {
    const lob = this.get(locator);
    return this.create(lob.kind, this.bytes(lob)).locator;
  }

  close(): void {
    this.lobs.clear();
  }
}

/**
 * A locator in its tuple form (144 ASCII hex digits, smart-lobs.md §1) as its 72 bytes: IBM JDBC
 * hands a fetched locator back to ifx_lo_open in the form it received it. Undefined when not hex.
 */
function fromHex(text: Uint8Array): Uint8Array | undefined {
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i++) {
    const hi = HEX.indexOf(text[2 * i]!);
    const lo = HEX.indexOf(text[2 * i + 1]!);
    if (hi < 0 || lo < 0) return undefined;
    out[i] = (hi << 4) | lo;
  }
  return out;
}
const HEX = [..."0123456789abcdef"].map((c) => c.charCodeAt(0));

const BY_ENGINE = new WeakMap<Engine, Sbspace>();

/** The sbspace of an engine (made on first use). */
export function sbspaceOf(engine: Engine): Sbspace {
  let space = BY_ENGINE.get(engine);
  if (space === undefined) {
    space = new Sbspace();
    BY_ENGINE.set(engine, space);
  }
  return space;
}
