// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The TCP (and optional TLS) listener: one SqliSession per connection, all sharing
// one engine. A connection that sends garbage is dropped alone; the others never notice.

import { createServer, type Server, type Socket } from "node:net";
import { hostname } from "node:os";
import { createServer as createTlsServer, type TlsOptions } from "node:tls";
import { createEngine } from "../engine/create-engine.js";
import { readOnlySecondary } from "../engine/read-only-secondary.js";
import type { Engine } from "../engine/types.js";
import { SERVER_VERSION_TEXT } from "../sql/context.js";
import { closeBlobspace } from "./blobspace.js";
import { DEFAULT_LIMITS, type SessionLimits } from "./limits.js";
import type { LoginPolicy } from "./login.js";
import { SqliSession } from "./session.js";
import { type TraceSink, traceSinkFromEnv, traceValuesFromEnv } from "./trace.js";

export interface EmulatorOptions {
  /** Listen address (default 127.0.0.1). */
  readonly host?: string;
  /** TCP port; 0 picks a free one (default 9088). */
  readonly port?: number;
  /** DBSERVERNAME clients must name as INFORMIXSERVER (default "informix"). */
  readonly server?: string;
  /** Extra DBSERVERALIASES. */
  readonly aliases?: readonly string[];
  readonly user?: string;
  readonly password?: string;
  /**
   * Play a redirector (a Connection Manager): every login is answered with an SL REDIRECT
   * naming this server (detail `redirect=server|host|port`), and the connection ends.
   */
  readonly redirectTo?: { readonly server: string; readonly host: string; readonly port: number };
  /**
   * Play a read-only secondary of a cluster (UPDATABLE_SECONDARY 0): writes fail with IDS's
   * errors (ISAM -140), and opening a database sets the secondary warning (sqlwarn6).
   */
  readonly readOnlySecondary?: boolean;
  /** Create and fill the stores_demo database. */
  readonly demo?: boolean;
  /** Serve TLS (onsocssl) on this listener instead of plain TCP. */
  readonly tls?: TlsOptions;
  /** Wire trace sink; defaults to INFORMIX_EMULATOR_TRACE. */
  readonly trace?: TraceSink;
  /** Show bound parameter values in the trace; defaults to INFORMIX_EMULATOR_TRACE_VALUES. */
  readonly traceValues?: boolean;
  /** Time to finish logging in, in ms (default 60000, as IDS's LISTEN_TIMEOUT); 0 = none. */
  readonly loginTimeoutMs?: number;
  /** Close a logged-in session that sends nothing for this long, in ms (default 0 = never, as IDS). */
  readonly idleTimeoutMs?: number;
  /** Per-session limits on claimed lengths and buffering (see SessionLimits). */
  readonly limits?: Partial<SessionLimits>;
  /**
   * The SQL engine: "pglite" (embedded, one backend for all sessions), "postgres" (a
   * private local PostgreSQL started for the emulator's lifetime) or
   * "postgres://user:pass@host:port/db" (a PostgreSQL >= 15 you run). Default:
   * $INFORMIX_EMULATOR_ENGINE, else "pglite".
   */
  readonly engine?: string;
  /**
   * PGlite engine: how long a statement under NOT WAIT waits for another session's
   * transaction before failing with IDS's lock error, in ms (default 2000; 0 = at once).
   * On PGlite a transaction that has written holds the whole engine, where IDS locks rows.
   */
  readonly lockGraceMs?: number;
}

/** After end(), how long a client that does not close its side keeps the socket. */
const CLOSE_GRACE_MS = 2000;

export interface RunningEmulator {
  readonly host: string;
  readonly port: number;
  readonly serverName: string;
  readonly engine: Engine;
  /**
   * Per live session: its id and the prepared statements and open cursors it holds (what
   * IDS shows in sysmaster:syssqlcurses), so tests can prove a client does not leak them.
   */
  sessionResources(): Array<{ id: number; statements: number; cursors: number }>;
  /** Stops listening, ends every session and closes the engine. */
  close(): Promise<void>;
}

export const EMULATOR_VERSION_TEXT = SERVER_VERSION_TEXT;
const SERIAL_TEXT = "Software Serial Number AAA#B000000";

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const serverName = options.server ?? "informix";
  const base = await createEngine(options.engine ?? (process.env["INFORMIX_EMULATOR_ENGINE"] || "pglite"), {
    demo: options.demo ?? false,
    serverName,
    hostName: hostname(),
    ...(options.lockGraceMs === undefined ? {} : { lockGraceMs: options.lockGraceMs }),
  });
  const engine = options.readOnlySecondary === true ? readOnlySecondary(base) : base;
  const policy: LoginPolicy = {
    serverName,
    aliases: options.aliases ?? [],
    user: options.user ?? "informix",
    password: options.password ?? "in4mix",
    version: EMULATOR_VERSION_TEXT,
    serial: SERIAL_TEXT,
    ...(options.redirectTo === undefined
      ? {}
      : { redirect: `redirect=${options.redirectTo.server}|${options.redirectTo.host}|${options.redirectTo.port}` }),
  };
  const trace = options.trace ?? traceSinkFromEnv();
  const traceValues = options.traceValues ?? traceValuesFromEnv();
  const limits: SessionLimits = {
    ...DEFAULT_LIMITS,
    ...options.limits,
    ...(options.loginTimeoutMs === undefined ? {} : { loginTimeoutMs: options.loginTimeoutMs }),
    ...(options.idleTimeoutMs === undefined ? {} : { idleTimeoutMs: options.idleTimeoutMs }),
  };
  const sockets = new Set<Socket>();
  const sessions = new Set<SqliSession>();
  let nextId = 1;

  const onConnection = (socket: Socket) => {
    sockets.add(socket);
    socket.setNoDelay(true);
    const session = new SqliSession({
      id: nextId++,
      engine,
      policy,
      trace,
      traceValues,
      limits,
      io: {
        send: (bytes) => {
          if (!socket.destroyed) socket.write(bytes);
        },
        end: () => {
          socket.end();
          const t = setTimeout(() => socket.destroy(), CLOSE_GRACE_MS);
          t.unref();
          socket.once("close", () => clearTimeout(t));
        },
        unread: () => (socket.destroyed ? 0 : socket.writableLength),
        drained: () =>
          new Promise<void>((resolve) => {
            const done = () => {
              socket.off("drain", done);
              socket.off("close", done);
              resolve();
            };
            socket.once("drain", done);
            socket.once("close", done);
          }),
        pause: () => socket.pause(),
        resume: () => socket.resume(),
      },
    });
    sessions.add(session);
    socket.on("data", (chunk: Buffer) => session.feed(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length)));
    socket.on("error", () => socket.destroy());
    socket.on("close", () => {
      sockets.delete(socket);
      sessions.delete(session);
      // Nobody waits for a closed connection: a failure to release (the engine already gone) ends here.
      session.close().catch(() => undefined);
    });
  };

  const server: Server = options.tls ? createTlsServer(options.tls, onConnection) : createServer(onConnection);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 9088, options.host ?? "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : (options.port ?? 9088);

  return {
    host: options.host ?? "127.0.0.1",
    port,
    serverName,
    engine,
    sessionResources: () => [...sessions].map((s) => s.resources()),
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
      await Promise.all([...sessions].map((s) => s.close()));
      await engine.close();
      closeBlobspace(engine);
    },
  };
}
