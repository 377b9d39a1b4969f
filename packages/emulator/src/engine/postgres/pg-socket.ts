// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// A PostgreSQL connection over TCP or a unix socket, as a PgTransport for PgClient.
//
// Why PGlite's protocol module and not the `pg` package: the engine speaks the extended
// protocol itself (Parse + Describe of a statement without running it, which `pg`'s
// public API does not offer), and PGlite's execProtocol already gives PgClient backend
// messages in the shape of PGlite's parser. Using that same parser (and serializer) on a
// socket keeps one code path for both engines and adds no dependency. What it costs is
// the startup and password exchange (cleartext, MD5, SCRAM-SHA-256), done here; TLS to
// PostgreSQL is not supported (a clear error at start, not a silent plain connection).
//
// Requests are pipelined: each is a group of frontend messages ending in Sync or Query,
// so each gets exactly one ReadyForQuery, and replies are matched to requests in order.
// After startup a reply is handed over as raw bytes (read by ../pg-wire.ts): the socket only
// finds where each reply ends.

import { createHash } from "node:crypto";
import { createConnection, type Socket } from "node:net";
import { protocol } from "@electric-sql/pglite";
import type { PgTransport } from "../pg-client.js";
import { KEEP_BYTES, replyEnd } from "../pg-wire.js";
import { ScramClient } from "./scram.js";

/** Where and as whom to connect; `socketPath` (a unix socket) wins over host/port. */
export interface PgTarget {
  readonly host: string;
  readonly port: number;
  readonly socketPath?: string;
  readonly user: string;
  readonly password: string;
  readonly database: string;
}

/** Parses postgres://user:pass@host:port/db (also `?host=/dir` for a unix socket directory). */
export function parsePostgresUrl(text: string): PgTarget {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`not a PostgreSQL URL: ${text}`);
  }
  if (url.protocol !== "postgres:" && url.protocol !== "postgresql:") {
    throw new Error(`not a PostgreSQL URL (postgres://user:pass@host:port/db): ${text}`);
  }
  const sslmode = url.searchParams.get("sslmode");
  if (sslmode !== null && sslmode !== "disable" && sslmode !== "prefer" && sslmode !== "allow") {
    throw new Error(`sslmode=${sslmode}: the emulator does not connect to PostgreSQL over TLS`);
  }
  const port = url.port === "" ? 5432 : Number(url.port);
  const user = decodeURIComponent(url.username) || "postgres";
  const socketDir = url.searchParams.get("host");
  return {
    host: url.hostname === "" ? "127.0.0.1" : url.hostname.replace(/^\[|\]$/g, ""),
    port,
    ...(socketDir?.startsWith("/") ? { socketPath: `${socketDir}/.s.PGSQL.${port}` } : {}),
    user,
    password: decodeURIComponent(url.password),
    database: decodeURIComponent(url.pathname.replace(/^\//, "")) || user,
  };
}

/** One backend message as PGlite's parser gives it (startup and authentication only). */
type Message = { name: string } & Record<string, unknown>;

interface Pending {
  resolve(reply: Uint8Array): void;
  reject(error: Error): void;
}

function md5Hex(data: Buffer | string): string {
  return createHash("md5").update(data).digest("hex");
}

export class PgSocket implements PgTransport {
  private readonly parser = new protocol.Parser();
  private readonly pending: Pending[] = [];
  /** Bytes received after startup and not yet handed over; `scan`: where replyEnd resumes. */
  private received = Buffer.alloc(0);
  private receivedLength = 0;
  private scan = 0;
  private failure: Error | null = null;
  /** The backend's process id (BackendKeyData), for pg_terminate_backend. */
  processId = 0;

  private constructor(private readonly socket: Socket) {
    socket.setNoDelay(true);
    socket.on("data", (chunk: Buffer) => {
      if (this.startupStep) this.parser.parse(chunk, (m) => this.startupStep?.(m as unknown as Message));
      else this.onData(chunk);
    });
    socket.on("error", (e) => this.fail(e));
    socket.on("close", () => this.fail(new Error("the PostgreSQL connection closed")));
  }

  /** Connects, authenticates and waits for the first ReadyForQuery. */
  static async connect(target: PgTarget, applicationName = "informix-emulator"): Promise<PgSocket> {
    const socket = target.socketPath
      ? createConnection({ path: target.socketPath })
      : createConnection({ host: target.host, port: target.port });
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", resolve);
      socket.once("error", reject);
    });
    const conn = new PgSocket(socket);
    await conn.startup(target, applicationName);
    return conn;
  }

  private startup(target: PgTarget, applicationName: string): Promise<void> {
    const s = protocol.serialize;
    let scram: ScramClient | null = null;
    return new Promise<void>((resolve, reject) => {
      const step = (m: Message): boolean => {
        switch (m.name) {
          case "authenticationCleartextPassword":
            this.socket.write(s.password(target.password));
            return false;
          case "authenticationMD5Password": {
            const inner = md5Hex(target.password + target.user);
            const salt = Buffer.from(m["salt"] as Uint8Array);
            this.socket.write(s.password(`md5${md5Hex(Buffer.concat([Buffer.from(inner), salt]))}`));
            return false;
          }
          case "authenticationSASL": {
            const mechanisms = m["mechanisms"] as string[];
            if (!mechanisms.includes("SCRAM-SHA-256")) throw new Error(`unsupported SASL: ${mechanisms.join(", ")}`);
            scram = new ScramClient(target.password);
            this.socket.write(s.sendSASLInitialResponseMessage("SCRAM-SHA-256", scram.clientFirst()));
            return false;
          }
          case "authenticationSASLContinue":
            this.socket.write(
              s.sendSCRAMClientFinalMessage((scram as ScramClient | null)?.clientFinal(String(m["data"])) ?? ""),
            );
            return false;
          case "authenticationSASLFinal":
            (scram as ScramClient | null)?.verifyServerFinal(String(m["data"]));
            return false;
          case "backendKeyData":
            this.processId = Number(m["processID"]);
            return false;
          case "error":
            throw new Error(`PostgreSQL refused the connection: ${String(m["message"])}`);
          case "readyForQuery":
            return true;
          default:
            return false;
        }
      };
      this.pending.push({ resolve: () => resolve(), reject });
      this.startupStep = (m) => {
        try {
          if (step(m)) {
            this.startupStep = null;
            this.pending.shift()?.resolve(new Uint8Array(0));
          }
        } catch (e) {
          this.startupStep = null;
          this.pending.shift();
          this.socket.destroy();
          reject(e);
        }
      };
      this.socket.write(s.startup({ user: target.user, database: target.database, application_name: applicationName }));
    });
  }

  private startupStep: ((m: Message) => void) | null = null;

  /** Appends a chunk and hands over every reply it completes. */
  private onData(chunk: Buffer): void {
    if (this.receivedLength + chunk.length > this.received.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.received.length * 2, this.receivedLength + chunk.length, 4096));
      this.received.copy(bigger, 0, 0, this.receivedLength);
      this.received = bigger;
    }
    chunk.copy(this.received, this.receivedLength);
    this.receivedLength += chunk.length;
    const view = this.received.subarray(0, this.receivedLength);
    let start = 0;
    for (;;) {
      const found = replyEnd(view, this.scan);
      this.scan = found.scan;
      if (found.end < 0) break;
      // A reply with no request waiting (a notice between requests) is dropped. A copy: the
      // bytes after it move to the front of `received` below, before the caller reads the reply
      // (Buffer#slice is a view, and a view would then hold the next reply's bytes).
      this.pending.shift()?.resolve(Uint8Array.prototype.slice.call(view, start, found.end));
      start = found.end;
    }
    if (start > 0) {
      this.receivedLength -= start;
      this.scan -= start;
      // After a long reply (a BYTE value, say) the big buffer is not kept.
      const keep = this.received.length > KEEP_BYTES ? Buffer.allocUnsafe(Math.max(4096, this.receivedLength)) : null;
      this.received.copy(keep ?? this.received, 0, start, start + this.receivedLength);
      if (keep) this.received = keep;
    }
  }

  private fail(error: Error): void {
    if (this.failure === null) this.failure = error;
    for (const p of this.pending.splice(0)) p.reject(this.failure);
  }

  /** True while a request has not had its reply (for close: a backend waiting on a lock). */
  get busy(): boolean {
    return this.pending.length > 0;
  }

  request(bytes: Uint8Array): Promise<Uint8Array> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<Uint8Array>((resolve, reject) => {
      this.pending.push({ resolve, reject });
      this.socket.write(bytes);
    });
  }

  /** Terminate and close: PostgreSQL rolls back an open transaction. */
  async close(): Promise<void> {
    if (this.socket.destroyed) return;
    await new Promise<void>((resolve) => {
      this.socket.once("close", () => resolve());
      this.socket.end(protocol.serialize.end());
      setTimeout(() => this.socket.destroy(), 1000).unref();
    });
  }
}
