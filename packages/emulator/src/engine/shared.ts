// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// State one engine shares with its sessions.

import type { DatabaseRegistry } from "./databases.js";
import type { DeclaredTypes } from "./declared-types.js";
import type { Multiplexer } from "./multiplexer.js";
import type { PgClient } from "./pg-client.js";
import type { TableVersions } from "./table-versions.js";

/**
 * How a session reaches PostgreSQL. On PGlite every session shares one link (one
 * connection, one multiplexer); on PostgreSQL each session has its own connection and
 * a multiplexer of its own that only serialises its own requests.
 */
export interface EngineLink {
  readonly pg: PgClient;
  readonly mux: Multiplexer;
  /** SQL to run once no session owns a transaction on this link (temp schemas of closed sessions). */
  readonly deferred: string[];
  /**
   * The connection is this session's alone: PostgreSQL's own row locks, lock_timeout and
   * isolation levels apply, and no other session's transaction can be on it.
   */
  readonly dedicated: boolean;
  /** Ends a dedicated connection at once, even mid-statement (PostgreSQL rolls back). */
  release?(): Promise<void>;
}

export interface EngineShared {
  /** The catalog connection: databases, bootstrap (on PGlite, also every session's link). */
  readonly pg: PgClient;
  readonly types: DeclaredTypes;
  readonly databases: DatabaseRegistry;
  /** Schema versions of tables, for -710. */
  readonly versions: TableVersions;
  readonly serverName: string;
  readonly hostName: string;
}

/** Keeps `session` in `sessions` until it closes, so that the engine's close() can end it. */
export function trackSession<S extends { close(): Promise<void> }>(sessions: Set<S>, session: S): S {
  sessions.add(session);
  const close = session.close.bind(session);
  session.close = async () => {
    sessions.delete(session);
    await close();
  };
  return session;
}
