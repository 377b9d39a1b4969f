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
//
// One client must not cost the others (docs/emulator-reliability.md):
// - after each reply group the session yields to the event loop, so sessions take turns;
// - it stops handling requests while the client leaves more than maxUnreadReplyBytes of
//   replies unread, and asks the listener to stop reading while more than
//   maxBufferedBytes of requests wait, so TCP pushes back on a client that writes
//   without reading;
// - a message whose length fields claim more than maxMessageBytes is refused before the
//   bytes are buffered;
// - login and idle timeouts close connections that never finish logging in or go quiet.
// A message whose code or layout is not SQLI, after login, is answered with SQ_ERR once
// the group's SQ_EOT arrives (the client waits for the reply after it), and the session
// goes on: it never drops a connection for a request it does not understand.

import {
  type BindMessage,
  ByteWriter,
  ClientItemDecoder,
  type ClientMessage,
  contextFromFeatures,
  EMULATOR_SERVER_FEATURES,
  encodeConnectResponse,
  encodeServerGroup,
  intersectFeatures,
  isNeedMoreData,
  latin1,
  opcodes as Op,
  type ProtocolContext,
  type ServerMessage,
  SqliProtocolError,
} from "@informix-db/protocol";
import { DEFAULT_DB_LOCALE } from "../engine/databases.js";
import { SQL } from "../engine/error-codes.js";
import { InformixSqlError } from "../engine/informix-sql-error.js";
import type { Engine } from "../engine/types.js";
import { sessionDatesOf } from "../sql/date-format.js";
import { executeRun, gatherRun } from "./batch-group.js";
import { blobspaceOf } from "./blobspace.js";
import { SessionCodeSet } from "./code-set.js";
import { DEFAULT_LIMITS, type SessionLimits, SQLCODE_STATEMENT_TOO_LONG } from "./limits.js";
import { decideLogin, type LoginPolicy, readLoginRequest } from "./login.js";
import { sbspaceOf } from "./sbspace.js";
import { SQLCODE_NOT_IMPLEMENTED, StatementHandler } from "./statement-handler.js";
import { redactClientMessage, type TraceSink } from "./trace.js";

export type SessionPhase = "login" | "protocols" | "ready" | "closed";

export interface SessionIo {
  send(bytes: Uint8Array): void;
  /** Ends the connection after what was sent. */
  end(): void;
  /** Bytes sent that the client has not taken yet (absent: always 0). */
  unread?(): number;
  /** Resolves once the client has taken what was sent. */
  drained?(): Promise<void>;
  /** Stop and restart delivering the client's bytes (TCP backpressure). */
  pause?(): void;
  resume?(): void;
}

export interface SessionOptions {
  readonly id: number;
  readonly engine: Engine;
  readonly policy: LoginPolicy;
  readonly io: SessionIo;
  readonly trace?: TraceSink | undefined;
  /** Show bound parameter values in the trace (never the password). */
  readonly traceValues?: boolean | undefined;
  readonly limits?: Partial<SessionLimits> | undefined;
}

/** Lets every other session's pending I/O and work run before this one goes on. */
const yieldTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export class SqliSession {
  private phase: SessionPhase = "login";
  private codeSet = new SessionCodeSet(undefined);
  private ctx: ProtocolContext = contextFromFeatures(new Uint8Array(0), latin1);
  private readonly decoder = new ClientItemDecoder(() => this.ctx);
  private readonly writer = new ByteWriter(4096);
  private readonly limits: SessionLimits;
  private reply: ServerMessage[] = [];
  private groupFailed = false;
  /** Skipping the rest of a group that held bytes the decoder could not read. */
  private resyncing = false;
  private pumping = false;
  private paused = false;
  private work: Promise<void> = Promise.resolve();
  private handler: StatementHandler | undefined;
  private loginTimer: NodeJS.Timeout | undefined;
  /** Wakes a handler waiting for the client's answer in the middle of a reply (SQ_FILE). */
  private wake: (() => void) | undefined;
  /** Messages read ahead by ask() up to the group's SQ_EOT, handled next by the pump. */
  private readonly stash: ClientMessage[] = [];
  /** ask() took the SQ_EOT of the group being handled: the reply is sent after it. */
  private eotTaken = false;
  private idleTimer: NodeJS.Timeout | undefined;

  /** Server resources this session holds (0 before login). */
  resources(): { id: number; statements: number; cursors: number } {
    return { id: this.options.id, ...(this.handler?.resources() ?? { statements: 0, cursors: 0 }) };
  }

  constructor(private readonly options: SessionOptions) {
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    if (this.limits.loginTimeoutMs > 0) {
      this.loginTimer = setTimeout(() => this.timeout("login"), this.limits.loginTimeoutMs);
      this.loginTimer.unref();
    }
  }

  get state(): SessionPhase {
    return this.phase;
  }

  /** Bytes from the client. Processing is serialised: one message at a time. */
  feed(chunk: Uint8Array): void {
    if (this.phase === "closed") return;
    this.options.trace?.(this.options.id, "c>s", { kind: "bytes", length: chunk.length });
    this.idleTimer?.refresh();
    this.decoder.push(chunk);
    const buffered = this.decoder.buffered;
    if (!this.paused && buffered > this.limits.maxBufferedBytes && buffered >= this.decoder.pendingMessageBytes) {
      this.paused = true;
      this.options.io.pause?.();
    }
    this.wakeWaiter();
    if (this.pumping) return;
    this.pumping = true;
    this.work = this.pump().catch((error: unknown) => this.abort(error));
  }

  /** The connection went away: release the engine session (rolls back an open transaction). */
  async close(): Promise<void> {
    this.phase = "closed";
    this.clearTimers();
    this.wakeWaiter();
    await this.work.catch(() => undefined);
    await this.handler?.close();
    this.handler = undefined;
  }

  private async pump(): Promise<void> {
    try {
      while (this.phase !== "closed") {
        if (this.phase === "login") {
          if (!this.login()) break;
          continue;
        }
        if (this.resyncing) {
          if (!this.resync()) break;
          await this.afterGroup();
          continue;
        }
        let message: ClientMessage | ReturnType<ClientItemDecoder["next"]>;
        try {
          message = this.stash.shift() ?? this.decoder.next();
        } catch (error) {
          if (!(error instanceof SqliProtocolError) || this.phase !== "ready") throw error;
          if (error.code === "TOO_LARGE") {
            // The decoder's own limit caught a claim before the session's check could:
            // back to the message's start, so its opcode says which error to send.
            this.decoder.byteReader.rewind();
            this.refuseOversized();
            break;
          }
          this.traceUndecodable(error);
          this.resyncing = true;
          continue;
        }
        if (isNeedMoreData(message)) {
          if (this.decoder.pendingMessageBytes > this.limits.maxMessageBytes) this.refuseOversized();
          break;
        }
        this.options.trace?.(this.options.id, "c>s", redactClientMessage(message, this.options.traceValues ?? false));
        if (await this.handle(message)) await this.afterGroup();
        else if (this.eotTaken && this.stash.length === 0) {
          this.eotTaken = false;
          this.flush();
          await this.afterGroup();
        }
        this.maybeResume();
      }
    } finally {
      this.pumping = false;
      this.maybeResume();
    }
  }

  private maybeResume(): void {
    if (this.paused && this.decoder.buffered <= this.limits.maxBufferedBytes / 2) {
      this.paused = false;
      this.options.io.resume?.();
    }
  }

  /** After a reply group: wait while the client leaves too much unread, then give others a turn. */
  private async afterGroup(): Promise<void> {
    const io = this.options.io;
    while (this.phase !== "closed" && (io.unread?.() ?? 0) > this.limits.maxUnreadReplyBytes && io.drained) {
      await io.drained();
    }
    this.idleTimer?.refresh();
    await yieldTurn();
  }

  private login(): boolean {
    const request = readLoginRequest(this.decoder.byteReader);
    if (request === undefined) return false;
    this.options.trace?.(this.options.id, "c>s", { kind: "conreq", ...request, password: "***" });
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
    const env = new Map(request.env);
    const dbLocale = env.get("DB_LOCALE");
    const dates = sessionDatesOf(env);
    const sessionOptions = {
      dateOrder: dates.order,
      dateFormat: dates.format,
      century: dates.century,
      datetimeFormat: dates.datetimeFormat,
      money: dates.money,
    };
    this.codeSet = new SessionCodeSet(dbLocale);
    this.handler = new StatementHandler(
      engine.openSession(request.user, dbLocale === undefined ? sessionOptions : { dbLocale, ...sessionOptions }),
      () => this.ctx,
      () => engine.listDatabases(),
      (locale) => this.codeSet.mismatches(locale),
      dates,
      {
        blobspace: blobspaceOf(engine),
        sendAhead: () => this.sendAhead(),
        ask: (m, expect) => this.ask(m, expect),
        sbspace: sbspaceOf(engine),
      },
    );
    return true;
  }

  /** Handles one message; true when it ended a group (a reply was sent). */
  private async handle(message: ClientMessage): Promise<boolean> {
    if (this.phase === "protocols") {
      if (message.kind !== "protocols")
        throw new SqliProtocolError("UNEXPECTED_MESSAGE", `${message.kind} before SQ_PROTOCOLS`);
      this.ctx = contextFromFeatures(intersectFeatures(message.features, EMULATOR_SERVER_FEATURES), this.codeSet.codec);
      this.reply.push({ kind: "protocols", features: EMULATOR_SERVER_FEATURES });
      this.phase = "ready";
      clearTimeout(this.loginTimer);
      if (this.limits.idleTimeoutMs > 0) {
        this.idleTimer = setTimeout(() => this.timeout("idle"), this.limits.idleTimeoutMs);
        this.idleTimer.unref();
      }
      return false;
    }
    switch (message.kind) {
      case "eot":
        this.flush();
        return true;
      case "exit":
        this.flush(false, [{ kind: "exit" }]);
        this.finish();
        return true;
      default:
        break;
    }
    // After an error the rest of the group is skipped, except the cleanup a client
    // relies on to free the statement (otherwise its id would stay taken).
    if (this.groupFailed && message.kind !== "release" && message.kind !== "close") return false;
    try {
      if (this.codeSet.takeInvalid()) throw new InformixSqlError(SQL.ILLEGAL_CHARACTER);
      if (message.kind !== "bind" || !(await this.runBatch(message))) await this.handler!.handle(message, this.reply);
      this.followDatabaseLocale();
    } catch (caught) {
      if (caught instanceof SqliProtocolError) throw caught;
      // An engine fault must not kill the connection. The client gets IDS's code for a
      // request the server cannot carry out; the fault itself goes to the trace only.
      const error = caught instanceof InformixSqlError ? caught : new InformixSqlError(SQLCODE_NOT_IMPLEMENTED);
      if (!(caught instanceof InformixSqlError))
        this.options.trace?.(this.options.id, "s>c", { kind: "engine-fault", error: String(caught) });
      this.pushError(error);
    }
    return false;
  }

  /**
   * A BIND followed by more BIND+EXECUTE pairs for the same DML statement, already buffered:
   * the run goes to the engine at once (batch-group.ts). False when there is no such run.
   */
  private async runBatch(first: BindMessage): Promise<boolean> {
    const handler = this.handler!;
    const target = handler.runTarget(first, () => this.codeSet.takeInvalid());
    if (!target) return false;
    const taken: ClientMessage[] = [];
    const binds = gatherRun(
      first,
      target,
      () => {
        const m = this.buffered();
        if (m !== undefined) taken.push(m);
        return m;
      },
      (back) => {
        taken.length -= back.length;
        this.stash.unshift(...back);
      },
    );
    if (!binds) return false;
    const values = this.options.traceValues ?? false;
    for (const m of taken) this.options.trace?.(this.options.id, "c>s", redactClientMessage(m, values));
    await executeRun(target, binds, this.reply);
    return true;
  }

  /** The next complete message already received, without waiting; undefined when there is none. */
  private buffered(): ClientMessage | undefined {
    const stashed = this.stash.shift();
    if (stashed !== undefined) return stashed;
    try {
      const m = this.decoder.next();
      return isNeedMoreData(m) ? undefined : m;
    } catch {
      // Read again by the pump, which answers what does not decode.
      this.decoder.byteReader.rewind();
      return undefined;
    }
  }

  /** Once a database is open, its character data travels in the database's code set. */
  private followDatabaseLocale(): void {
    const db = this.handler?.database;
    if (!db) return;
    const before = this.codeSet.codec;
    this.codeSet.use(db.locale ?? DEFAULT_DB_LOCALE);
    if (this.codeSet.codec !== before) this.ctx = { ...this.ctx, codec: this.codeSet.codec };
  }

  private pushError(error: InformixSqlError): void {
    this.reply.push({
      kind: "err",
      sqlcode: error.sqlcode,
      isamCode: error.isamCode,
      offset: error.offset,
      parameter: error.parameter,
    });
    this.groupFailed = true;
  }

  /** Traces a message the decoder could not read; its bytes (which may hold values) only with the opt-in. */
  private traceUndecodable(error: SqliProtocolError): void {
    const r = this.decoder.byteReader;
    r.rewind();
    let bytes: Uint8Array | undefined;
    if (this.options.traceValues) {
      bytes = r.bytes(r.available).slice();
      r.rewind();
    }
    this.options.trace?.(this.options.id, "c>s", { kind: "undecodable", error: error.message }, bytes);
  }

  /**
   * Drops what is buffered up to the SQ_EOT that ends it, keeping at most one byte, and
   * answers the group with SQ_ERR. True once the group is answered.
   */
  private resync(): boolean {
    const r = this.decoder.byteReader;
    const n = r.available;
    if (n < 2) return false;
    r.mark();
    r.skip(n - 2);
    if (r.u16() === Op.SQ_EOT) {
      r.commit();
      this.resyncing = false;
      if (!this.groupFailed) this.pushError(new InformixSqlError(SQLCODE_NOT_IMPLEMENTED));
      this.flush();
      return true;
    }
    r.rewind();
    r.skip(n - 1);
    r.commit();
    return false;
  }

  /** A message claims more bytes than a session may buffer: refuse it and close. */
  private refuseOversized(): void {
    const r = this.decoder.byteReader;
    const code = r.available >= 2 ? r.peekI16() : -1;
    this.options.trace?.(this.options.id, "c>s", {
      kind: "oversized",
      opcode: code,
      claimed: this.decoder.pendingMessageBytes,
    });
    if (code === Op.SQ_PREPARE || code === Op.SQ_COMMAND) {
      this.pushError(new InformixSqlError(SQLCODE_STATEMENT_TOO_LONG));
      this.flush();
    }
    this.finish();
  }

  /**
   * Sends the replies gathered so far without ending the group (SQ_FETCHBLOB streams a
   * blob this way), then waits while the client leaves too much unread.
   */
  private async sendAhead(): Promise<void> {
    if (this.reply.length > 0) {
      // Emptied in place: the handler goes on pushing into this same array.
      const messages = this.reply.splice(0);
      const bytes = encodeServerGroup(messages, this.ctx, this.writer, false);
      this.options.trace?.(this.options.id, "s>c", messages, bytes);
      this.options.io.send(bytes);
    }
    const io = this.options.io;
    while (this.phase !== "closed" && (io.unread?.() ?? 0) > this.limits.maxUnreadReplyBytes && io.drained) {
      await io.drained();
    }
  }

  /** The client's next message, waiting for its bytes. */
  private async nextMessage(): Promise<ClientMessage> {
    for (;;) {
      if (this.phase === "closed")
        throw new SqliProtocolError("UNEXPECTED_MESSAGE", "connection closed during SQ_FILE");
      const m = this.decoder.next();
      if (!isNeedMoreData(m)) {
        this.options.trace?.(this.options.id, "c>s", redactClientMessage(m, this.options.traceValues ?? false));
        this.maybeResume();
        return m;
      }
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
    }
  }

  private wakeWaiter(): void {
    const w = this.wake;
    this.wake = undefined;
    w?.();
  }

  /**
   * Sends a request to the client in the middle of a reply (SQ_FILE: the replies gathered
   * so far go first) and returns the client's answer: its messages up to SQ_EOT.
   */
  private async ask(request: ServerMessage, expect?: ClientMessage["kind"]): Promise<ClientMessage[]> {
    // The client sends its answer after the request's group: read that group to its end first.
    while (!this.eotTaken) {
      const m = await this.nextMessage();
      if (m.kind === "eot") this.eotTaken = true;
      else this.stash.push(m);
    }
    await this.sendAhead();
    const bytes = encodeServerGroup([request], this.ctx, this.writer, true);
    this.options.trace?.(this.options.id, "s>c", [request], bytes);
    this.options.io.send(bytes);
    const answer: ClientMessage[] = [];
    for (;;) {
      const m = await this.nextMessage();
      // informix-driver sends an SQ_EOT of its own before its SQ_FILE_READ answer: the
      // answer a request waits for (`expect`) ends at the SQ_EOT after it.
      if (m.kind === "eot") {
        if (expect === undefined || answer.some((a) => a.kind === expect)) return answer;
        continue;
      }
      answer.push(m);
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

  private timeout(which: "login" | "idle"): void {
    if (this.phase === "closed") return;
    if (which === "login" && this.phase === "ready") return;
    if (which === "idle" && this.pumping) {
      this.idleTimer?.refresh();
      return;
    }
    this.options.trace?.(this.options.id, "s>c", { kind: `${which}-timeout` });
    this.finish();
  }

  private clearTimers(): void {
    clearTimeout(this.loginTimer);
    clearTimeout(this.idleTimer);
  }

  private finish(): void {
    this.phase = "closed";
    this.clearTimers();
    this.options.io.end();
  }

  /** Bytes that are not SQLI at login, or a broken handler: drop this connection only. */
  private abort(error: unknown): void {
    this.options.trace?.(this.options.id, "s>c", { kind: "abort", error: String(error) });
    if (this.phase !== "closed") this.finish();
  }
}
