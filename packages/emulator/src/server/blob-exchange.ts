// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// BYTE/TEXT on the wire side of a session (docs/protocol/blobs.md):
//
//   bind    SQ_ID SQ_BIND (each BYTE/TEXT parameter: its 56-byte descriptor, only tb_size set)
//           SQ_BBIND n, then per BYTE/TEXT parameter in order: SQ_BLOB chunks, SQ_BLOB 0
//           SQ_EXECUTE (or SQ_OPEN) SQ_EOT
//   fetch   SQ_ID SQ_FETCHBLOB <descriptor from the tuple> SQ_EOT
//           → SQ_BLOB chunks, SQ_BLOB 0, SQ_EOT
//
// Each chunk goes to the blobspace as it arrives and the parameter becomes the stored
// blob's descriptor, which the engine keeps in the row. A value of another type bound to a
// BYTE/TEXT column (a VARCHAR, as a string is bound) is stored the same way, as IDS
// converts it. A statement run while a blob is still incomplete fails with -609 and the
// partial blob is dropped, so no row ever refers to half a value.

import {
  type BindMessage,
  isNullBlobDescriptor,
  type ProtocolContext,
  type ServerMessage,
  typeCodes as T,
} from "@informix-db/protocol";
import { InformixSqlError } from "../engine/informix-sql-error.js";
import type { EngineStatement, EngineValue } from "../engine/types.js";
import type { Blobspace, BlobWriter } from "./blobspace.js";

/** -609 "Illegal attempt to use a TEXT or BYTE host variable" [inferred for an incomplete SQ_BBIND stream]. */
export const SQLCODE_BAD_BLOB_BIND = -609;
/**
 * SQ_BLOB chunk size of a fetch reply. What IDS uses is not recorded; clients send theirs in
 * 1024-byte chunks, but read any length (IBM JDBC and informix-driver both read 16 KiB
 * chunks), and 16 KiB moves a 20 MiB value in 1280 messages instead of 20480.
 */
const FETCH_CHUNK = 16 * 1024;
/** Reply bytes gathered before they are sent ahead of the group's SQ_EOT. */
const FLUSH_BYTES = 64 * 1024;

/** BYTE or TEXT: values that travel in SQ_BBIND/SQ_BLOB chunks. */
export const isBlobType = (type: number): boolean => {
  const base = type & T.SQLTYPE_MASK;
  return base === T.SQLBYTES || base === T.SQLTEXT;
};

/** What the exchange needs of a prepared statement. */
export interface BlobTarget {
  readonly statement: EngineStatement;
  params: EngineValue[];
}

export class BlobExchange {
  /** Parameter positions whose bytes the SQ_BBIND stream still owes, in order. */
  private slots: number[] = [];
  private target: BlobTarget | undefined;
  private writer: BlobWriter | undefined;

  constructor(
    private readonly space: Blobspace,
    private readonly ctx: () => ProtocolContext,
    /** Sends the replies gathered so far ahead of SQ_EOT and waits while the client lags. */
    private readonly sendAhead: () => Promise<void>,
  ) {}

  /** After SQ_BIND: BYTE/TEXT parameters wait for their data; other values bound to BYTE/TEXT columns are stored now. */
  async afterBind(bind: BindMessage, s: BlobTarget): Promise<void> {
    await this.reset();
    this.target = s;
    for (let i = 0; i < bind.parameters.length; i++) {
      const p = bind.parameters[i]!;
      if (p.payload === null) continue;
      if (isBlobType(p.type)) {
        // The descriptor's tb_size is not trusted (IBM JDBC leaves it 0 for TEXT): the chunks decide.
        this.slots.push(i);
        continue;
      }
      const column = s.statement.params[i];
      const value = s.params[i];
      if (column === undefined || !isBlobType(column.type) || value === null || value === undefined) continue;
      const bytes =
        value instanceof Uint8Array
          ? value
          : this.ctx().codec.encode(typeof value === "string" ? value : String(value));
      s.params[i] = await this.space.store(bytes);
    }
  }

  /** SQ_BBIND: the number of blobs that follow must be the number of BYTE/TEXT parameters. */
  async bbind(count: number): Promise<void> {
    if (this.target === undefined || count !== this.slots.length) {
      await this.reset();
      throw new InformixSqlError(SQLCODE_BAD_BLOB_BIND);
    }
  }

  /** SQ_BLOB from the client: one chunk of the current blob; an empty one ends it. */
  async chunk(data: Uint8Array): Promise<void> {
    const slot = this.slots[0];
    if (this.target === undefined || slot === undefined) {
      await this.reset();
      throw new InformixSqlError(SQLCODE_BAD_BLOB_BIND);
    }
    this.writer ??= await this.space.create();
    if (data.length > 0) {
      await this.writer.append(data);
      return;
    }
    const descriptor = await this.writer.finish();
    this.writer = undefined;
    this.target.params[slot] = descriptor;
    this.slots.shift();
  }

  /** Before SQ_EXECUTE/SQ_OPEN: every announced blob must be complete. */
  async checkComplete(s: BlobTarget): Promise<void> {
    if (this.target !== s || this.slots.length === 0) return;
    await this.reset();
    s.params = [];
    throw new InformixSqlError(SQLCODE_BAD_BLOB_BIND);
  }

  /** SQ_FETCHBLOB: the blob's bytes as SQ_BLOB chunks and the empty chunk that ends them. */
  async fetch(descriptor: Uint8Array, out: ServerMessage[]): Promise<void> {
    if (!isNullBlobDescriptor(descriptor)) {
      let gathered = 0;
      for await (const data of this.space.read(descriptor, FETCH_CHUNK)) {
        out.push({ kind: "blob", data });
        gathered += data.length;
        if (gathered >= FLUSH_BYTES) {
          await this.sendAhead();
          gathered = 0;
        }
      }
    }
    out.push({ kind: "blob", data: new Uint8Array(0) });
  }

  /** Drops a blob left incomplete (a failed group, a new SQ_BIND). */
  async reset(): Promise<void> {
    const w = this.writer;
    this.writer = undefined;
    this.slots = [];
    this.target = undefined;
    await w?.abort();
  }
}
