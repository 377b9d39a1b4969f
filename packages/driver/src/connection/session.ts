// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The wire half of a connection and the ONE exchange function (STYLE R7): encode a
// message group plus SQ_EOT, write it, then decode server messages until the group's
// SQ_EOT (or SQ_EXIT). Any message outside the caller's accepted set, undecodable bytes,
// or the stream ending mid-group throws a fatal error: the caller marks the connection
// broken, because SQLI messages have no length and cannot be skipped.

import {
  ByteWriter,
  type ClientMessage,
  type ErrMessage,
  encodeClientGroup,
  isNeedMoreData,
  type ProtocolContext,
  ServerItemDecoder,
  type ServerMessage,
  type SqFileMessage,
  SqliProtocolError,
  type TupleRun,
  TypeCodecError,
} from "@informix-db/protocol";
import { ConnectionError, DriverError, ProtocolError } from "../errors.js";
import { debug, debugEnabled } from "../transport/diagnostics.js";
import type { Transport } from "../transport/transport.js";
import { type ClientFiles, refusal } from "./client-files.js";

export type ServerKind = ServerMessage["kind"];

/** The reply to one request group, without its SQ_EOT. */
export interface Reply {
  readonly messages: readonly ServerMessage[];
  /** The SQ_ERR of the group, if the server reported one. */
  readonly error: ErrMessage | undefined;
}

/** What every reply may contain besides the caller's own kinds. */
const ALWAYS: readonly ServerKind[] = ["err", "done", "cost", "xactstat"];

export class Session {
  readonly decoder: ServerItemDecoder;
  private readonly writer = new ByteWriter(1024);
  /**
   * True from writing a request that may commit work (COMMIT, or a statement the server
   * commits by itself) until its reply ended. A fatal error while it is set means the
   * outcome is unknown (COMMIT_OUTCOME_UNKNOWN), not merely a lost connection.
   */
  commitInFlight = false;
  /** Messages that go at the head of the next request group (a cursor's deferred SQ_CLOSE). */
  private deferred: ClientMessage[] = [];
  /** The virtual client files of the statement running now; without them every SQ_FILE request is refused. */
  files: ClientFiles | undefined;

  constructor(
    readonly transport: Transport,
    public ctx: ProtocolContext,
    maxMessageBytes?: number,
  ) {
    this.decoder = new ServerItemDecoder(() => this.ctx, maxMessageBytes === undefined ? {} : { maxMessageBytes });
  }

  /**
   * Sends `messages` + SQ_EOT and reads the reply group. With `rows`, the reply's SQ_TUPLEs
   * go there (as ranges, see readGroup) instead of into `messages`.
   */
  async exchange(
    messages: readonly ClientMessage[],
    accept: readonly ServerKind[] = [],
    rows?: TupleRun,
  ): Promise<Reply> {
    const group = this.deferred.length === 0 ? messages : [...this.deferred, ...messages];
    const bytes = this.encode(group);
    this.deferred = [];
    if (debugEnabled) debug("send %s (%d bytes)", group.map((m) => m.kind).join(" "), bytes.length);
    await this.transport.write(bytes);
    return this.readGroup(accept, rows);
  }

  /**
   * The bytes of a request group. A value the codecs refuse (SQL text with a character the
   * code set lacks) fails here, before anything is written: the half-built group is
   * dropped and the error is not fatal, the connection stays in sync.
   */
  private encode(messages: readonly ClientMessage[]): Uint8Array {
    try {
      return encodeClientGroup(messages, this.ctx, this.writer);
    } catch (cause) {
      this.writer.take();
      if (!(cause instanceof TypeCodecError)) throw cause;
      const code = cause.code === "UNMAPPABLE_CHARACTER" ? "UNMAPPABLE_CHARACTER" : "INVALID_ARGUMENT";
      throw new DriverError(code, `request not sent: ${cause.message}`, { cause });
    }
  }

  /**
   * exchange() for a request that may commit: if the connection fails before the reply's
   * SQ_EOT, `commitInFlight` stays set and the scheduler reports COMMIT_OUTCOME_UNKNOWN.
   */
  async exchangeCommitting(messages: readonly ClientMessage[], accept: readonly ServerKind[] = []): Promise<Reply> {
    this.commitInFlight = true;
    const reply = await this.exchange(messages, accept);
    this.commitInFlight = false;
    return reply;
  }

  /**
   * Sends `messages` at the head of the next request group instead of in a round trip of
   * their own. Only for messages whose reply is nothing but SQ_EOT when they succeed
   * (SQ_CLOSE and SQ_RELEASE of a cursor read to its end): the server runs a group's
   * messages in order, so the effect is the same as sending them at once, one round trip
   * sooner. If one of them failed, the server would skip the rest of that group and its
   * SQ_ERR would be reported for the next call.
   */
  defer(messages: readonly ClientMessage[]): void {
    this.deferred.push(...messages);
  }

  /** The deferred messages, now owed by the caller's group (blob-io.ts writes its own groups). */
  takeDeferred(): ClientMessage[] {
    const d = this.deferred;
    this.deferred = [];
    return d;
  }

  /** Releases the buffered bytes of a session that is over (a broken one may hold a large partial message). */
  discard(): void {
    this.decoder.discard();
  }

  /** Writes raw bytes without SQ_EOT (SQ_EXIT). */
  async send(bytes: Uint8Array): Promise<void> {
    await this.transport.write(bytes);
  }

  /**
   * Reads messages up to SQ_EOT. With `rows` (a fetch reply), the SQ_TUPLEs go there: the
   * whole ones buffered are taken in one pass (nextTuples), without a message object each.
   */
  async readGroup(accept: readonly ServerKind[], rows?: TupleRun): Promise<Reply> {
    const messages: ServerMessage[] = [];
    let error: ErrMessage | undefined;
    for (;;) {
      if (rows !== undefined) this.decoder.nextTuples(rows);
      // Whole messages already buffered are decoded without an await each (a fetch reply holds hundreds).
      const m = this.bufferedMessage();
      if (m === undefined) {
        // After each chunk, the tuples it completed are taken as a run first.
        await this.fill();
        continue;
      }
      if (m.kind === "tuple" && rows !== undefined) {
        rows.buffers.push(m.data);
        rows.starts.push(0);
        rows.ends.push(m.data.length);
        continue;
      }
      if (m.kind === "eot") {
        if (debugEnabled) debug("recv %s eot", messages.map((x) => x.kind).join(" "));
        return { messages, error };
      }
      if (m.kind === "exit") {
        throw new ConnectionError("CONNECTION_LOST", "the server ended the session (SQ_EXIT)");
      }
      if (m.kind === "sqfile") {
        await this.answerFile(m);
        continue;
      }
      if (m.kind === "err") error ??= m;
      else if (!ALWAYS.includes(m.kind) && !accept.includes(m.kind)) {
        throw new ProtocolError(`unexpected ${m.kind} message in this reply`);
      }
      messages.push(m);
    }
  }

  /** Answers an SQ_FILE request (client-files.ts) after the SQ_EOT that ends it; the reply then goes on. */
  private async answerFile(request: SqFileMessage): Promise<void> {
    const end = await this.nextMessage();
    if (end.kind !== "eot") throw new ProtocolError(`unexpected ${end.kind} message after an SQ_FILE request`);
    const answer = this.files === undefined ? refusal(request) : await this.files.answer(request, this.ctx.codec);
    await this.transport.write(this.encode(answer));
  }

  /** The next decoded server message, reading from the transport as needed. */
  async nextMessage(): Promise<ServerMessage> {
    for (;;) {
      const m = this.bufferedMessage();
      if (m !== undefined) return m;
      await this.fill();
    }
  }

  /** The next server message if its bytes are all buffered, else undefined. */
  private bufferedMessage(): ServerMessage | undefined {
    let m: ReturnType<ServerItemDecoder["next"]>;
    try {
      m = this.decoder.next();
    } catch (cause) {
      if (cause instanceof SqliProtocolError) throw new ProtocolError(cause.message, { cause });
      throw cause;
    }
    return isNeedMoreData(m) ? undefined : m;
  }

  /** Reads one more chunk into the decoder; the end of the stream is a lost connection. */
  async fill(): Promise<void> {
    const chunk = await this.transport.read();
    if (chunk === null) throw new ConnectionError("CONNECTION_LOST", "the server closed the connection");
    this.decoder.push(chunk);
  }
}

/** Group helpers: the SQ_ID prefix addressing a prepared statement. */
export function onStatement(id: number, ...messages: ClientMessage[]): ClientMessage[] {
  return [{ kind: "id", statementId: id }, ...messages];
}
