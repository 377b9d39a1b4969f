// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The SQL engine of one emulated server: one PGlite instance, many sessions. Startup
// creates the ifx schema (side catalog and helpers), the sysmaster database and, with
// `demo: true`, the stores_demo database.

import { hostname } from "node:os";
import { registerTable } from "./catalog-ops.js";
import { BOOTSTRAP_SQL, SYSMASTER_SQL } from "./catalog-sql.js";
import { DatabaseRegistry } from "./databases.js";
import { DeclaredTypes } from "./declared-types.js";
import { createDemoDatabase } from "./demo-database.js";
import { Multiplexer } from "./multiplexer.js";
import { PgClient } from "./pg-client.js";
import { PgliteSession } from "./pglite-session.js";
import { type EngineLink, type EngineShared, trackSession } from "./shared.js";
import { TableVersions } from "./table-versions.js";
import type { Engine, EngineOptions, EngineSession, SessionOptions } from "./types.js";

export class PgliteEngine implements Engine {
  private nextSessionId = 1;
  private readonly sessions = new Set<PgliteSession>();

  private constructor(
    private readonly link: EngineLink,
    private readonly shared: EngineShared,
  ) {}

  static async create(options: EngineOptions): Promise<PgliteEngine> {
    const pg = await PgClient.create();
    await pg.exec(BOOTSTRAP_SQL);
    await pg.exec(SYSMASTER_SQL);
    const types = new DeclaredTypes();
    for (const t of ["sysdual", "sysdatabases", "syssessions"])
      await registerTable(pg, types, "sysmaster", t, "informix", new Map());
    const databases = new DatabaseRegistry(pg);
    await databases.load();
    const link: EngineLink = { pg, mux: new Multiplexer(), deferred: [], dedicated: false };
    const engine = new PgliteEngine(link, {
      pg,
      types,
      databases,
      versions: new TableVersions(),
      serverName: options.serverName ?? "informix",
      hostName: options.hostName ?? hostname(),
    });
    if (options.demo) await createDemoDatabase(engine);
    return engine;
  }

  openSession(user: string, options: SessionOptions = {}): EngineSession {
    const session = new PgliteSession(this.shared, this.nextSessionId++, user, this.link, options);
    return trackSession(this.sessions, session);
  }

  async listDatabases(): Promise<string[]> {
    return this.shared.databases.names();
  }

  async close(): Promise<void> {
    for (const s of [...this.sessions]) await s.close();
    await this.shared.pg.close();
  }
}
