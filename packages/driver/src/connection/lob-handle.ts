// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// conn.openLob(locator, { mode: "w" | "rw" }) and conn.createLob(): a smart LOB open for
// writing, as a small handle (write, read, seek, size, close) in the manner of a file
// handle (node:fs FileHandle). Each call is one or more round trips queued with the
// connection's other work: write is SQ_LODATA LO_WRITE, size ifx_lo_stat, seek ifx_lo_seek,
// read SQ_LODATA LO_READ (docs/protocol/smart-lobs.md §4, §6). `writable()` gives a WHATWG
// WritableStream for `pipeTo` (Node streams: `Writable.fromWeb(handle.writable())`).

import type { SmartLobLocator } from "@informix-db/protocol";
import { DriverError } from "../errors.js";
import type { RoutineCache } from "./fast-path.js";
import type { RunOnSession } from "./lob-reader.js";
import type { Session } from "./session.js";
import {
  closeFd,
  createLob,
  LOB_READ_CHUNK,
  type LobMode,
  openFd,
  readChunk,
  seekFd,
  statSize,
  writeChunk,
} from "./smart-lob-io.js";

/** Where a seek offset counts from. */
export type LobWhence = "start" | "current" | "end";
const WHENCE: Readonly<Record<LobWhence, 0 | 1 | 2>> = { start: 0, current: 1, end: 2 };

/**
 * A BLOB or CLOB open for writing (mode "w") or reading and writing ("rw"). Writes go at the
 * current position, which starts at 0 and moves past what was written; `seek` moves it. Close
 * the handle when done (the descriptor stays open on the server until then); a new value made
 * by `conn.createLob` is then bound by its `locator`.
 */
export class LobHandle {
  #fd: number | undefined;
  #closed = false;

  /** @internal Made by `conn.openLob` and `conn.createLob`. */
  constructor(
    private readonly run: RunOnSession,
    private readonly routines: RoutineCache,
    /** The value's locator: bind it as a parameter to store the value in a row. */
    readonly locator: SmartLobLocator,
    /** The open mode. */
    readonly mode: LobMode,
    fd?: number,
  ) {
    this.#fd = fd;
  }

  /** @internal conn.createLob(): ifx_lo_create on `run`, then a handle whose calls go through `handleRun`. */
  static async create(
    run: RunOnSession,
    handleRun: RunOnSession,
    routines: RoutineCache,
    lobType: "blob" | "clob",
  ): Promise<LobHandle> {
    if (lobType !== "blob" && lobType !== "clob")
      throw new DriverError("INVALID_ARGUMENT", 'createLob wants "blob" or "clob"');
    const { locator, fd } = await run((s) => createLob(s, routines, lobType));
    return new LobHandle(handleRun, routines, locator, "rw", fd);
  }

  /** The LO file descriptor while open on the server; undefined before the first call and after close. */
  get fd(): number | undefined {
    return this.#closed ? undefined : this.#fd;
  }

  /** Writes bytes (a string: encoded with the connection's code set) at the current position. */
  async write(data: Uint8Array | string): Promise<void> {
    if (typeof data !== "string" && !(data instanceof Uint8Array))
      throw new DriverError("INVALID_ARGUMENT", "LobHandle.write wants a Uint8Array/Buffer or a string");
    await this.#on((s, fd) => writeChunk(s, fd, typeof data === "string" ? s.ctx.codec.encode(data) : data));
  }

  /** Reads at most `length` bytes from the current position (fewer at the end); mode "rw" only. */
  async read(length: number): Promise<Uint8Array> {
    if (this.mode !== "rw") throw new DriverError("INVALID_STATE", 'LobHandle.read needs mode "rw"');
    if (!Number.isInteger(length) || length < 0)
      throw new DriverError("INVALID_ARGUMENT", "LobHandle.read wants a non-negative integer length");
    return this.#on(async (s, fd) => {
      const parts: Uint8Array[] = [];
      let total = 0;
      while (total < length) {
        const want = Math.min(LOB_READ_CHUNK, length - total);
        const chunk = await readChunk(s, fd, want);
        parts.push(chunk);
        total += chunk.length;
        if (chunk.length < want) break;
      }
      return join(parts, total);
    });
  }

  /** Moves the position to `offset` counted from `whence` ("start" by default); resolves to the new position. */
  async seek(offset: number, whence: LobWhence = "start"): Promise<number> {
    if (!Number.isSafeInteger(offset) || !Object.hasOwn(WHENCE, whence))
      throw new DriverError(
        "INVALID_ARGUMENT",
        'LobHandle.seek wants an integer offset and "start", "current" or "end"',
      );
    return this.#on((s, fd) => seekFd(s, this.routines, fd, offset, WHENCE[whence]));
  }

  /** The value's size in bytes (ifx_lo_stat). */
  async size(): Promise<number> {
    return this.#on((s, fd) => statSize(s, this.routines, fd));
  }

  /** Closes the descriptor (ifx_lo_close); later calls fail with INVALID_STATE. Closing twice is a no-op. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const fd = this.#fd;
    if (fd !== undefined) await this.run((s) => closeFd(s, this.routines, fd));
  }

  /** A WritableStream over write(); closing the stream closes the handle, aborting it too. */
  writable(): WritableStream<Uint8Array | string> {
    return new WritableStream({
      write: (chunk) => this.write(chunk),
      close: () => this.close(),
      abort: () => this.close(),
    });
  }

  async #on<T>(fn: (s: Session, fd: number) => Promise<T>): Promise<T> {
    if (this.#closed) throw new DriverError("INVALID_STATE", "the LobHandle is closed");
    return this.run(async (s) => {
      this.#fd ??= await openFd(s, this.routines, this.locator, this.mode);
      return fn(s, this.#fd);
    });
  }
}

function join(parts: readonly Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
