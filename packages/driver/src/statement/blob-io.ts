// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// BYTE and TEXT values on the wire (docs/protocol/blobs.md). Neither travels in SQ_BIND or
// SQ_TUPLE, which carry only a blob descriptor:
//   bind    SQ_ID SQ_BIND (descriptor per BYTE/TEXT parameter) SQ_BBIND n,
//           then per BYTE/TEXT parameter: SQ_BLOB chunks and SQ_BLOB 0; then the rest
//           (SQ_EXECUTE, or SQ_OPEN …) and SQ_EOT
//   fetch   SQ_ID SQ_FETCHBLOB <descriptor from the row> SQ_EOT → SQ_BLOB chunks, SQ_BLOB 0,
//           SQ_EOT, while the cursor is open (after CLOSE the server answers -602)
// A bound value may be a stream: it is read one chunk at a time and written out in 64 KiB
// batches with the transport's backpressure, so it is never whole in memory. A stream
// that fails midway ends its blob and the group without SQ_EXECUTE, so nothing runs and no
// row holds half a value; the statement fails with INVALID_ARGUMENT and the connection
// stays usable.

import {
  type BindParameter,
  ByteWriter,
  blobDescriptorBytes,
  type ClientMessage,
  type ErrMessage,
  encodeClientGroup,
  encodeClientMessages,
  makeBlobDescriptor,
  opcodes as Op,
  readBlobDescriptor,
  typeCodes as T,
  type TextCodec,
  type TupleRun,
  tupleAt,
} from "@informix-db/protocol";
import type { Reply, ServerKind, Session } from "../connection/session.js";
import { DriverError, InformixError, ProtocolError } from "../errors.js";
import type { RowDecoder } from "../result/row-decoder.js";

/** The statement whose cursor holds the rows (statement-ops.ts StatementHandle). */
interface OpenStatement {
  readonly id: number;
  readonly sql: string;
}

/** What a BYTE/TEXT parameter reads its bytes from. */
export type BlobSource =
  | Uint8Array
  | AsyncIterable<Uint8Array | string>
  | { getReader(): { read(): Promise<{ done?: boolean; value?: unknown }>; releaseLock(): void } };

/** A BYTE/TEXT parameter: the descriptor in SQ_BIND, the bytes after SQ_BBIND. */
export interface BlobBindParameter extends BindParameter {
  readonly blob: { readonly source: BlobSource; readonly size: number | undefined; readonly position: number };
}

/** Bytes of one SQ_BLOB chunk we send: what IBM JDBC and informix-driver send. */
const SEND_CHUNK = 1024;
/** Encoded chunks gathered before one transport write. */
const WRITE_BATCH = 64 * 1024;

export function isBlobParameter(p: BindParameter): p is BlobBindParameter {
  return (p as Partial<BlobBindParameter>).blob !== undefined;
}

/** A BYTE (or TEXT) parameter; `size` goes into the descriptor when known (0 otherwise: the chunks decide). */
export function blobParameter(
  type: number,
  source: BlobSource,
  size: number | undefined,
  position: number,
): BlobBindParameter {
  return {
    type,
    indicator: 0,
    precision: 56,
    payload: makeBlobDescriptor({ size: size ?? 0 }),
    blob: { source, size, position },
  };
}

/** The chunks of a source, whatever its kind (Uint8Array, AsyncIterable, WHATWG ReadableStream). */
export async function* chunksOf(source: BlobSource, text: TextCodec): AsyncGenerator<Uint8Array> {
  if (source instanceof Uint8Array) {
    yield source;
    return;
  }
  if (Symbol.asyncIterator in source) {
    for await (const c of source) yield asBytes(c, text);
    return;
  }
  const reader = source.getReader();
  try {
    for (;;) {
      const r = await reader.read();
      if (r.done) return;
      yield asBytes(r.value, text);
    }
  } finally {
    reader.releaseLock();
  }
}

function asBytes(chunk: unknown, text: TextCodec): Uint8Array {
  if (chunk instanceof Uint8Array) return chunk;
  if (typeof chunk === "string") return text.encode(chunk);
  throw new TypeError(`a BYTE/TEXT stream gave a ${typeof chunk} chunk, not a Uint8Array or string`);
}

/** Sets each BYTE/TEXT parameter's descriptor to the session's size (68 bytes with long row ids). */
export function withSessionDescriptors(session: Session, params: readonly BindParameter[]): BindParameter[] {
  const length = blobDescriptorBytes(session.ctx);
  return params.map((p) =>
    isBlobParameter(p) ? { ...p, payload: makeBlobDescriptor({ size: p.blob.size ?? 0 }, length) } : p,
  );
}

/**
 * One group whose SQ_BIND holds BYTE/TEXT parameters: `head` (… SQ_BIND), their bytes, then
 * `tail` (SQ_EXECUTE …) and SQ_EOT; returns the reply. A failing source ends the group
 * without `tail`, reads the reply and throws INVALID_ARGUMENT (what it read is dropped by
 * the server: nothing was executed).
 */
export async function exchangeWithBlobs(
  session: Session,
  head: readonly ClientMessage[],
  blobs: readonly BlobBindParameter[],
  tail: readonly ClientMessage[],
  text: TextCodec,
  accept: readonly ServerKind[] = [],
): Promise<Reply> {
  const w = new ByteWriter(WRITE_BATCH + 2 * SEND_CHUNK);
  await session.transport.write(encodeClientMessages([...session.takeDeferred(), ...head], session.ctx, w));
  w.u16(Op.SQ_BBIND).i16(blobs.length);
  let failure: { position: number; cause: unknown } | undefined;
  for (const p of blobs) {
    if (failure === undefined) {
      try {
        for await (const chunk of chunksOf(p.blob.source, text)) {
          for (let at = 0; at < chunk.length; at += SEND_CHUNK) {
            const piece = chunk.subarray(at, Math.min(chunk.length, at + SEND_CHUNK));
            w.u16(Op.SQ_BLOB).u16(piece.length).bytes(piece).padTo2(piece.length);
            if (w.length >= WRITE_BATCH) await session.transport.write(w.take());
          }
        }
      } catch (cause) {
        failure = { position: p.blob.position, cause };
      }
    }
    w.u16(Op.SQ_BLOB).u16(0);
  }
  if (failure === undefined) await session.transport.write(encodeClientMessages(tail, session.ctx, w));
  w.u16(Op.SQ_EOT);
  await session.transport.write(w.take());
  const reply = await session.readGroup(accept);
  if (failure !== undefined) {
    const reason = failure.cause instanceof Error ? failure.cause.message : String(failure.cause);
    throw new DriverError("INVALID_ARGUMENT", `parameter ${failure.position}: the BYTE/TEXT stream failed: ${reason}`, {
      cause: failure.cause,
    });
  }
  return reply;
}

/** The BYTE/TEXT values of a batch's rows (per row, in the decoder's blob column order), fetched while the cursor is open. */
export async function fetchRowBlobs(
  session: Session,
  h: OpenStatement,
  decoder: RowDecoder,
  tuples: TupleRun,
  text: TextCodec,
): Promise<unknown[][] | undefined> {
  if (decoder.blobColumns.length === 0) return undefined;
  const out: unknown[][] = [];
  for (let i = 0; i < tuples.starts.length; i++) {
    const descriptors = decoder.blobDescriptors(tupleAt(tuples, i));
    const values: unknown[] = [];
    for (let k = 0; k < descriptors.length; k++) {
      const d = descriptors[k];
      if (d === null || d === undefined) {
        values.push(null);
        continue;
      }
      const bytes = await fetchBlob(session, h, d);
      values.push(decoder.blobIsText(k) ? text.decode(bytes) : bytes);
    }
    out.push(values);
  }
  return out;
}

/** SQ_FETCHBLOB: the chunks go straight into one buffer of the descriptor's size (grown if the server sends more). */
async function fetchBlob(session: Session, h: OpenStatement, descriptor: Uint8Array): Promise<Uint8Array> {
  const request = [
    { kind: "id", statementId: h.id },
    { kind: "fetchblob", descriptor },
  ] as const;
  await session.transport.write(encodeClientGroup(request, session.ctx, new ByteWriter(16 + descriptor.length)));
  let buffer = new Uint8Array(Math.max(0, readBlobDescriptor(descriptor).size));
  let length = 0;
  let error: ErrMessage | undefined;
  for (;;) {
    const m = await session.nextMessage();
    if (m.kind === "eot") break;
    if (m.kind === "blob") {
      if (length + m.data.length > buffer.length) {
        const grown = new Uint8Array(Math.max(length + m.data.length, buffer.length * 2));
        grown.set(buffer.subarray(0, length));
        buffer = grown;
      }
      buffer.set(m.data, length);
      length += m.data.length;
    } else if (m.kind === "err") error ??= m;
    else if (m.kind !== "done" && m.kind !== "cost" && m.kind !== "xactstat")
      throw new ProtocolError(`unexpected ${m.kind} message in an SQ_FETCHBLOB reply`);
  }
  if (error) {
    throw new InformixError({
      sqlcode: error.sqlcode,
      isamCode: error.isamCode,
      offset: error.offset,
      parameter: error.parameter,
      sql: h.sql,
    });
  }
  return length === buffer.length ? buffer : buffer.slice(0, length);
}

/** True for a BYTE or TEXT column type. */
export function isBlobType(type: number): boolean {
  const base = type & T.SQLTYPE_MASK;
  return base === T.SQLBYTES || base === T.SQLTEXT;
}
