// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// State one engine shares with its sessions.

import type { DatabaseRegistry } from "./databases.js";
import type { DeclaredTypes } from "./declared-types.js";
import type { Multiplexer } from "./multiplexer.js";
import type { PgClient } from "./pg-client.js";
import type { TableVersions } from "./table-versions.js";

export interface EngineShared {
  readonly pg: PgClient;
  readonly mux: Multiplexer;
  readonly types: DeclaredTypes;
  readonly databases: DatabaseRegistry;
  /** Schema versions of tables, for -710. */
  readonly versions: TableVersions;
  readonly serverName: string;
  readonly hostName: string;
  /** The search_path PostgreSQL has now; null when unknown (after a rollback). */
  searchPath: string | null;
  /** SQL to run once no session owns a transaction (temp schemas of closed sessions). */
  readonly deferred: string[];
}
