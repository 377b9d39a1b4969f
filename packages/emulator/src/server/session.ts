// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// One client connection, as a state machine over bytes: `login` (one SL-framed CONREQ)
// → `protocols` (SQ_PROTOCOLS) → `ready` (message groups ended by SQ_EOT) → `closed`.
// Bytes in through feed(), bytes out through the `send` callback; no sockets here.
//
// Within a group the messages are handled in order and their replies collected; SQ_EOT
// flushes them as one reply group. After an SQ_ERR the rest of the group is skipped,
// as IDS does, so a failed PREPARE does not also produce a DESCRIBE.

import {
  ByteWriter,
  ClientItemDecoder,
  type ClientMessage,
  contextFromFeatures,
  decodeConnectRequest,
  EMULATOR_SERVER_FEATURES,
  encodeConnectResponse,
  encodeServerGroup,
  intersectFeatures,
  isNeedMoreData,
  latin1,
  type ProtocolContext,
  readSlPdu,
  type ServerMessage,
  SLTYPE_CONREQ,
  SqliProtocolError,
} from "@informix-db/protocol";
import { InformixSqlError } from "../engine/informix-sql-error.js";
import type { Engine } from "../engine/types.js";
import { decideLogin, type LoginPolicy } from "./login.js";
import { StatementHandler } from "./statement-handler.js";
import type { TraceSink } from "./trace.js";

/** "Not implemented yet": what IDS answers for a feature it lacks. */
const SQLCODE_NOT_IMPLEMENTED = -999;

export type SessionPhase = "login" | "protocols" | "ready" | "closed";

export interface SessionIo {
  send(bytes: Uint8Array): void;
  /** Ends the connection after what was sent. */
  end(): void;
}

export interface SessionOptions {
  readonly id: number;
  readonly engine: Engine;
  readonly policy: LoginPolicy;
  readonly io: SessionIo;
  readonly trace?: TraceSink | undefined;
}

export class SqliSession {
  private phase: SessionPhase = "login";
  private ctx: ProtocolContext = contextFromFeatures(new Uint8Array(0), latin1);
  private readonly decoder = new ClientItemDecoder(() => this.ctx);
  private readonly writer = new ByteWriter(4096);
  private reply: ServerMessage[] = [];
  private groupFailed = false;
  private work: Promise<void> = Promise.resolve();
  private handler: StatementHandler | undefined;

  constructor(private readonly options: SessionOptions) {}

  get state(): SessionPhase {
    return this.phase;
  }

  /** Bytes from the client. Processing is serialised: one message at a time. */
  feed(chunk: Uint8Array): void {
    if (this.phase === "closed") return;
    this.options.trace?.(this.options.id, "c>s", { kind: "bytes", length: chunk.length }, chunk);
    this.decoder.push(chunk);
    this.work = this.work.then(() => this.pump()).catch((error: unknown) => this.abort(error));
  }

  /** The connection went away: release the engine session (rolls back an open transaction). */
  async close(): Promise<void> {
    this.phase = "closed";
    await this.work.catch(() => undefined);
    await this.handler?.close();
    this.handler = undefined;
  }

  private async pump(): Promise<void> {
    while (this.phase !== "closed") {
      if (this.phase === "login") {
        if (!this.readLogin()) return;
        continue;
      }
      const message = this.decoder.next();
      if (isNeedMoreData(message)) return;
      this.options.trace?.(this.options.id, "c>s", message);
      await this.handle(message);
    }
  }

  private readLogin(): boolean {
    const reader = this.decoder.byteReader;
    reader.mark();
    let pdu: ReturnType<typeof readSlPdu>;
    try {
      pdu = readSlPdu(reader);
    } catch (error) {
      if (isNeedMoreData(error)) {
        reader.rewind();
        return false;
      }
      throw new SqliProtocolError("MALFORMED", "login PDU is not SL-framed", 0, { cause: error });
    }
    reader.commit();
    if (pdu.slType !== SLTYPE_CONREQ) throw new SqliProtocolError("MALFORMED", `login PDU has SL type ${pdu.slType}`);
    const request = decodeConnectRequest(pdu.body);
    this.options.trace?.(this.options.id, "c>s", { kind: "conreq", ...request, password: "***" }, pdu.body);
    const response = decideLogin(request, this.options.policy);
    const bytes = encodeConnectResponse(response);
    this.options.trace?.(this.options.id, "s>c", { kind: "conresp", ...response }, bytes);
    this.options.io.send(bytes);
    if (response.outcome !== "accept") {
      this.finish();
      return false;
    }
    this.phase = "protocols";
    const engine = this.options.engine;
    this.handler = new StatementHandler(
      engine.openSession(request.user),
      () => this.ctx,
      () => engine.listDatabases(),
    );
    return true;
  }

  private async handle(message: ClientMessage): Promise<void> {
    if (this.phase === "protocols") {
      if (message.kind !== "protocols")
        throw new SqliProtocolError("UNEXPECTED_MESSAGE", `${message.kind} before SQ_PROTOCOLS`);
      this.ctx = contextFromFeatures(intersectFeatures(message.features, EMULATOR_SERVER_FEATURES), latin1);
      this.reply.push({ kind: "protocols", features: EMULATOR_SERVER_FEATURES });
      this.phase = "ready";
      return;
    }
    switch (message.kind) {
      case "eot":
        this.flush();
        return;
      case "exit":
        this.flush(false, [{ kind: "exit" }]);
        this.finish();
        return;
      default:
        break;
    }
    // After an error the rest of the group is skipped, except the cleanup a client
    // relies on to free the statement (otherwise its id would stay taken).
    if (this.groupFailed && message.kind !== "release" && message.kind !== "close") return;
    try {
      await this.handler!.handle(message, this.reply);
    } catch (caught) {
      if (caught instanceof SqliProtocolError) throw caught;
      // An engine fault must not kill the connection: report it as IDS's "not implemented" error.
      const error =
        caught instanceof InformixSqlError ? caught : new InformixSqlError(SQLCODE_NOT_IMPLEMENTED, 0, String(caught));
      if (!(caught instanceof InformixSqlError))
        this.options.trace?.(this.options.id, "s>c", { kind: "engine-fault", error: String(caught) });
      this.reply.push({
        kind: "err",
        sqlcode: error.sqlcode,
        isamCode: error.isamCode,
        offset: error.offset,
        parameter: error.parameter,
      });
      this.groupFailed = true;
    }
  }

  private flush(terminate = true, extra: ServerMessage[] = []): void {
    const messages = [...this.reply, ...extra];
    this.reply = [];
    this.groupFailed = false;
    const bytes = encodeServerGroup(messages, this.ctx, this.writer, terminate);
    this.options.trace?.(this.options.id, "s>c", messages, bytes);
    this.options.io.send(bytes);
  }

  private finish(): void {
    this.phase = "closed";
    this.options.io.end();
  }

  /** Bytes that are not SQLI, or an engine fault: drop this connection only. */
  private abort(error: unknown): void {
    this.options.trace?.(this.options.id, "s>c", { kind: "abort", error: String(error) });
    if (this.phase !== "closed") this.finish();
  }
}
