// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// conn.openLob(): a smart LOB read chunk by chunk, pulled by the consumer. The LO file
// descriptor is opened on the first pull; each pull is one SQ_LODATA read round trip (queued with
// the connection's other work); the descriptor is closed at the end of the value, when the
// consumer stops early (`break` calls return()), on an error, or by close().

import type { SmartLobLocator } from "@informix-db/protocol";
import { DriverError } from "../errors.js";
import type { RoutineCache } from "./fast-path.js";
import type { Session } from "./session.js";
import { closeFd, openFd, readChunk } from "./smart-lob-io.js";

/** Runs one step on the connection (queued like any other call). */
export type RunOnSession = <T>(fn: (s: Session) => Promise<T>) => Promise<T>;

/**
 * The chunks of a BLOB or CLOB value (`Uint8Array`s; a CLOB's are bytes in the connection's code
 * set). Iterate it once with `for await`; `Readable.from(reader)` makes a Node stream of it.
 */
export class LobReader implements AsyncIterable<Uint8Array> {
  #fd: number | undefined;
  #state: "new" | "open" | "done" = "new";
  #iterated = false;

  /** @internal Made by `conn.openLob`. */
  constructor(
    private readonly run: RunOnSession,
    private readonly routines: RoutineCache,
    readonly locator: SmartLobLocator,
    private readonly chunkSize: number,
  ) {}

  /** The LO file descriptor while the value is open on the server; undefined before and after. */
  get fd(): number | undefined {
    return this.#state === "open" ? this.#fd : undefined;
  }

  /** The descriptor the reader used last (for diagnostics); undefined before the first pull. */
  get lastFd(): number | undefined {
    return this.#fd;
  }

  /** Closes the descriptor if it is open; reading ends. */
  async close(): Promise<void> {
    if (this.#state !== "open") {
      this.#state = "done";
      return;
    }
    this.#state = "done";
    const fd = this.#fd!;
    await this.run((s) => closeFd(s, this.routines, fd));
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Uint8Array, void, undefined> {
    if (this.#iterated) throw new DriverError("INVALID_STATE", "a LobReader is iterated once");
    this.#iterated = true;
    if (this.#state === "done") return;
    try {
      this.#fd = await this.run((s) => openFd(s, this.routines, this.locator));
      this.#state = "open";
      for (;;) {
        const fd = this.#fd;
        const chunk = await this.run((s) => readChunk(s, fd, this.chunkSize));
        if (chunk.length > 0) yield chunk;
        if (chunk.length < this.chunkSize) break;
      }
    } catch (error) {
      // The read's error is the one to report; closing may fail too (a broken connection).
      await this.close().catch(() => undefined);
      throw error;
    } finally {
      await this.close();
    }
  }
}
