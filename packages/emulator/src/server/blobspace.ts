// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The blobspace: where BYTE and TEXT values live. As on IDS, a row holds only the 56-byte
// blob descriptor (tb_addr = blob number, tb_family = this blobspace's number, tb_size)
// and the bytes sit apart, here one file per blob in a temporary directory, so a 20 MiB
// value never sits whole in the emulator's memory: it is written as its SQ_BLOB chunks
// arrive and read back chunk by chunk for SQ_FETCHBLOB.
//
// One blobspace per engine, shared by its sessions. Its files go when the emulator closes
// (or the process exits). A descriptor from another blobspace (a row written by an earlier
// emulator into a persistent PostgreSQL) no longer has its bytes: fetching it fails with
// -602. Blobs of rows deleted or updated are not reclaimed before close (docs/emulator-sql.md).

import { mkdtempSync, rmSync } from "node:fs";
import { type FileHandle, open } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  BLOB_FLAG_IN_BLOBSPACE,
  type BlobDescriptorFields,
  makeBlobDescriptor,
  readBlobDescriptor,
} from "@informix-db/protocol";
import { InformixSqlError } from "../engine/informix-sql-error.js";
import type { Engine } from "../engine/types.js";

/** -602 "Cannot open blob" [inferred: IDS's text for a blob the server cannot read]. */
export const SQLCODE_CANNOT_OPEN_BLOB = -602;
/** Bytes gathered before one write to the blob's file. */
const WRITE_BUFFER = 64 * 1024;

/** A blob being written; finish() returns its descriptor, abort() forgets it. */
export interface BlobWriter {
  append(chunk: Uint8Array): Promise<void>;
  finish(): Promise<Uint8Array>;
  abort(): Promise<void>;
}

export class Blobspace {
  private dir: string | undefined;
  private next = 1;
  private readonly sizes = new Map<number, number>();
  /** Told apart from other blobspaces' descriptors by this number (tb_family). */
  readonly family = 1 + Math.floor(Math.random() * 0x7ffffffe);
  private readonly cleanup = () => this.removeFiles();

  private path(address: number): string {
    if (this.dir === undefined) {
      this.dir = mkdtempSync(join(tmpdir(), "informix-emulator-blobspace-"));
      process.once("exit", this.cleanup);
    }
    return join(this.dir, `${address}.blob`);
  }

  /** Starts a new blob; its bytes go to disk in WRITE_BUFFER pieces. */
  async create(): Promise<BlobWriter> {
    const address = this.next++;
    const file = await open(this.path(address), "w");
    let pending: Uint8Array[] = [];
    let pendingBytes = 0;
    let size = 0;
    const writeOut = async () => {
      if (pendingBytes === 0) return;
      const joined = pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingBytes);
      pending = [];
      pendingBytes = 0;
      await file.write(joined);
    };
    return {
      append: async (chunk) => {
        pending.push(chunk);
        pendingBytes += chunk.length;
        size += chunk.length;
        if (pendingBytes >= WRITE_BUFFER) await writeOut();
      },
      finish: async () => {
        await writeOut();
        await file.close();
        this.sizes.set(address, size);
        return this.descriptor({ size, address });
      },
      abort: async () => {
        pending = [];
        await file.close().catch(() => undefined);
        rmSync(this.path(address), { force: true });
      },
    };
  }

  /** Stores a whole value at once (a VARCHAR or a literal bound to a BYTE/TEXT column). */
  async store(value: Uint8Array): Promise<Uint8Array> {
    const w = await this.create();
    await w.append(value);
    return w.finish();
  }

  private descriptor(fields: BlobDescriptorFields): Uint8Array {
    return makeBlobDescriptor({ ...fields, family: this.family, flags: BLOB_FLAG_IN_BLOBSPACE });
  }

  /** The bytes a descriptor names, `chunkSize` at a time; -602 when this blobspace does not hold it. */
  async *read(descriptor: Uint8Array, chunkSize: number): AsyncGenerator<Uint8Array> {
    const d = readBlobDescriptor(descriptor);
    const size = this.sizes.get(d.address);
    if (d.family !== this.family || size === undefined) throw new InformixSqlError(SQLCODE_CANNOT_OPEN_BLOB);
    let file: FileHandle | undefined;
    try {
      file = await open(this.path(d.address), "r");
      for (let at = 0; at < size; ) {
        const buffer = new Uint8Array(Math.min(chunkSize, size - at));
        const { bytesRead } = await file.read(buffer, 0, buffer.length, at);
        if (bytesRead === 0) throw new InformixSqlError(SQLCODE_CANNOT_OPEN_BLOB);
        at += bytesRead;
        yield bytesRead === buffer.length ? buffer : buffer.subarray(0, bytesRead);
      }
    } finally {
      await file?.close();
    }
  }

  /** Removes every file (the emulator is closing). */
  close(): void {
    process.off("exit", this.cleanup);
    this.removeFiles();
  }

  private removeFiles(): void {
    if (this.dir !== undefined) rmSync(this.dir, { recursive: true, force: true });
    this.dir = undefined;
    this.sizes.clear();
  }
}

const BY_ENGINE = new WeakMap<Engine, Blobspace>();

/** The blobspace of an engine (made on first use). */
export function blobspaceOf(engine: Engine): Blobspace {
  let space = BY_ENGINE.get(engine);
  if (space === undefined) {
    space = new Blobspace();
    BY_ENGINE.set(engine, space);
  }
  return space;
}

/** Removes an engine's blobspace files; called when the emulator closes. */
export function closeBlobspace(engine: Engine): void {
  BY_ENGINE.get(engine)?.close();
  BY_ENGINE.delete(engine);
}
