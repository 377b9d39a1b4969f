// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The client side of SQ_FILE (docs/protocol/smart-lobs.md §2): LOTOFILE(lob, name, 'client')
// and FILETOBLOB/FILETOCLOB(name, 'client') make the server open, read, write and close a
// file on the client in the middle of its reply. The driver never touches the real file
// system: it answers from the virtual files of the statement running now (one ClientFiles,
// set on the session by blob-columns.ts for that statement only). A request for any other
// name is refused — the read or write answers total -1, and the server fails the statement
// with an SQL error — never answered with an empty file.
//
// Answers [py `cursors.py` _handle_sq_file; the refusal is inferred]:
//   open, close → SQ_EOT        read → SQ_FILE_READ (≤ amount bytes; fewer = end of file)
//   write → SQ_FILE_WRITE total

import {
  type ClientMessage,
  FILE_TRANSFER_FAILED,
  MAX_SQFILE_CHUNK,
  type SqFileMessage,
  type TextCodec,
  TypeCodecError,
} from "@informix-db/protocol";
import { DriverError } from "../errors.js";

/**
 * What `writeBlobColumn` sends as the client file: bytes, a string (encoded with the
 * connection's code set, as CLOB values are), or a stream of byte chunks (an async iterable
 * such as a Node `Readable`, or a web `ReadableStream`), pulled only as the server asks.
 */
export type ClientFileSource =
  | Uint8Array
  | string
  | AsyncIterable<Uint8Array | string>
  | ReadableStream<Uint8Array | string>;

/** The chunk size when the server asks with buffer size 0 (IDS moves client files 4,096 bytes at a time). */
const DEFAULT_CHUNK = 4096;
const EMPTY = new Uint8Array(0);

/** The answer to a request for a file the statement did not register (see the header). */
export function refusal(request: SqFileMessage): ClientMessage[] {
  if (request.op === "read") return [{ kind: "fileread", chunks: [], failed: true }];
  if (request.op === "write") return [{ kind: "filewrite", total: FILE_TRANSFER_FAILED }];
  return [];
}

/** Bytes of a string in the connection's code set; a character it lacks is a typed error. */
export function encodeText(text: string, codec: TextCodec): Uint8Array {
  try {
    return codec.encode(text);
  } catch (cause) {
    if (cause instanceof TypeCodecError) throw new DriverError("UNMAPPABLE_CHARACTER", cause.message, { cause });
    throw cause;
  }
}

/** A source read front to back; bytes and strings start over when the server opens the file again. */
export class SourceReader {
  #bytes: Uint8Array | undefined;
  #at = 0;
  #iterator: AsyncIterator<unknown> | undefined;
  #pending: Uint8Array = EMPTY;
  #started = false;
  #done = false;
  /** A next() is pending: the source is stuck or slow (the call timed out or was aborted meanwhile). */
  #pulling = false;

  constructor(
    source: ClientFileSource,
    private readonly codec: TextCodec,
  ) {
    if (source instanceof Uint8Array) this.#bytes = source;
    else if (typeof source === "string") this.#bytes = encodeText(source, codec);
    else this.#iterator = iteratorOf(source);
  }

  /** False for a stream already read once: it cannot start over. */
  rewind(): boolean {
    this.#at = 0;
    if (this.#bytes !== undefined) return true;
    if (this.#started) return false;
    this.#started = true;
    return true;
  }

  /** Up to `max` bytes (all that is left when `max` < 0); fewer only at the end. */
  async take(max: number): Promise<Uint8Array[]> {
    const limit = max < 0 ? Number.POSITIVE_INFINITY : max;
    if (this.#bytes !== undefined) {
      const end = Math.min(this.#bytes.length, this.#at + limit);
      const part = this.#bytes.subarray(this.#at, end);
      this.#at = end;
      return [part];
    }
    const parts: Uint8Array[] = [];
    let got = 0;
    while (got < limit) {
      if (this.#pending.length === 0) {
        if (this.#done) break;
        this.#pulling = true;
        let step: IteratorResult<unknown>;
        try {
          step = await this.#iterator!.next();
        } finally {
          this.#pulling = false;
        }
        if (step.done === true) {
          this.#done = true;
          break;
        }
        this.#pending = this.#chunk(step.value);
      }
      const n = Math.min(this.#pending.length, limit - got);
      parts.push(this.#pending.subarray(0, n));
      this.#pending = this.#pending.subarray(n);
      got += n;
    }
    return parts;
  }

  /**
   * Ends a stream the server stopped reading (its return() releases what it holds). Not awaited
   * while a next() is pending: an async generator's return() waits for it, maybe forever.
   */
  async close(): Promise<void> {
    if (this.#iterator === undefined || this.#done) return;
    this.#done = true;
    const ended = Promise.resolve(this.#iterator.return?.()).catch(() => undefined);
    if (!this.#pulling) await ended;
  }

  #chunk(value: unknown): Uint8Array {
    if (value instanceof Uint8Array) return value;
    if (typeof value === "string") return encodeText(value, this.codec);
    throw new DriverError("INVALID_ARGUMENT", "writeBlobColumn: a data stream must yield Uint8Array or string chunks");
  }
}

function iteratorOf(source: unknown): AsyncIterator<unknown> {
  if (typeof source === "object" && source !== null) {
    const iterate = (source as Partial<AsyncIterable<unknown>>)[Symbol.asyncIterator];
    if (typeof iterate === "function") return iterate.call(source);
    const stream = source as Partial<ReadableStream<unknown>>;
    if (typeof stream.getReader === "function") {
      const reader = stream.getReader();
      return {
        next: async () => {
          const r = await reader.read();
          return r.done ? { done: true, value: undefined } : { done: false, value: r.value };
        },
        return: async () => {
          await reader.cancel();
          return { done: true, value: undefined };
        },
      };
    }
  }
  throw new DriverError(
    "INVALID_ARGUMENT",
    "writeBlobColumn: data must be a Uint8Array, a string, an async iterable of chunks or a ReadableStream",
  );
}

type OpenFile =
  | { readonly mode: "read" }
  | { readonly mode: "write"; readonly parts: Uint8Array[] }
  | { readonly mode: "refused" };

/**
 * The virtual client file of one statement: a source the server reads (FILETOBLOB) or a sink
 * it writes (LOTOFILE: one file per row, `name.` + a suffix the server picks).
 */
export class ClientFiles {
  #open: OpenFile | undefined;
  /** What the server wrote, by the file name it used, in the order it opened them. */
  readonly written = new Map<string, Uint8Array[]>();
  /** Why the source failed, when it did (the statement was refused a read). */
  sourceError: unknown;

  constructor(
    readonly name: string,
    private readonly source: SourceReader | undefined,
  ) {}

  /** The answer to one SQ_FILE request (without its SQ_EOT). */
  async answer(request: SqFileMessage, codec: TextCodec): Promise<ClientMessage[]> {
    switch (request.op) {
      case "open":
        this.#open = this.#openFile(codec.decode(request.name));
        return [];
      case "close":
        this.#open = undefined;
        return [];
      case "read":
        return [await this.#read(request.bufferSize, request.amount)];
      case "write": {
        const open = this.#open;
        if (open?.mode !== "write") return refusal(request);
        let total = 0;
        for (const c of request.chunks) {
          open.parts.push(c);
          total += c.length;
        }
        return [{ kind: "filewrite", total }];
      }
    }
  }

  #openFile(name: string): OpenFile {
    if (this.source !== undefined) {
      return name === this.name && this.source.rewind() ? { mode: "read" } : { mode: "refused" };
    }
    if (name !== this.name && !name.startsWith(`${this.name}.`)) return { mode: "refused" };
    const parts: Uint8Array[] = [];
    this.written.set(name, parts);
    return { mode: "write", parts };
  }

  async #read(bufferSize: number, amount: number): Promise<ClientMessage> {
    if (this.#open?.mode !== "read") return { kind: "fileread", chunks: [], failed: true };
    let parts: Uint8Array[];
    try {
      parts = await this.source!.take(amount);
    } catch (error) {
      this.sourceError ??= error;
      this.#open = { mode: "refused" };
      return { kind: "fileread", chunks: [], failed: true };
    }
    const size = Math.min(bufferSize > 0 ? bufferSize : DEFAULT_CHUNK, MAX_SQFILE_CHUNK);
    const chunks: Uint8Array[] = [];
    for (const p of parts) for (let at = 0; at < p.length; at += size) chunks.push(p.subarray(at, at + size));
    return { kind: "fileread", chunks };
  }
}
