// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The SQL engine of one emulated server: one PGlite instance, many sessions. Startup
// creates the ifx schema (side catalog and helpers), the sysmaster database and, with
// `demo: true`, the stores_demo database, or loads all that from a cached template
// data directory (pglite/template.ts).

import { hostname } from "node:os";
import { registerTable } from "./catalog-ops.js";
import { BOOTSTRAP_SQL, SYSMASTER_SQL } from "./catalog-sql.js";
import { DatabaseRegistry } from "./databases.js";
import { DeclaredTypes } from "./declared-types.js";
import { createDemoDatabase } from "./demo-database.js";
import { Multiplexer } from "./multiplexer.js";
import { PgClient } from "./pg-client.js";
import { dropTemplate, readTemplate, templateKey, writeTemplate } from "./pglite/template.js";
import { PgliteSession } from "./pglite-session.js";
import { type EngineLink, type EngineShared, trackSession } from "./shared.js";
import { TableVersions } from "./table-versions.js";
import type { Engine, EngineOptions, EngineSession, SessionOptions } from "./types.js";

/** max_stack_depth on PGlite (see start()). */
const PGLITE_STACK_DEPTH = "256kB";

export class PgliteEngine implements Engine {
  private nextSessionId = 1;
  private readonly sessions = new Set<PgliteSession>();

  private constructor(
    private readonly link: EngineLink,
    private readonly shared: EngineShared,
  ) {}

  /**
   * Starts from the cached template data directory (pglite/template.ts) when there is one;
   * otherwise builds the catalog (and stores_demo) in a fresh PGlite and caches the result.
   */
  static async create(options: EngineOptions): Promise<PgliteEngine> {
    const key = templateKey(options.demo ? "demo" : "base");
    const template = await readTemplate(key);
    if (template !== null) {
      try {
        return await PgliteEngine.start(await PgClient.create(template), options);
      } catch {
        dropTemplate(key);
      }
    }
    const pg = await PgClient.create();
    await pg.exec(BOOTSTRAP_SQL);
    await pg.exec(SYSMASTER_SQL);
    for (const t of ["sysdual", "sysdatabases", "syssessions"])
      await registerTable(pg, new DeclaredTypes(), "sysmaster", t, "informix", new Map());
    const engine = await PgliteEngine.start(pg, options);
    if (options.demo) await createDemoDatabase(engine);
    await engine.shared.databases.load();
    const data = await pg.dumpDataDir();
    if (data !== null) writeTemplate(key, data);
    return engine;
  }

  private static async start(pg: PgClient, options: EngineOptions): Promise<PgliteEngine> {
    // PGlite runs PostgreSQL on the JavaScript thread's stack: a routine that recurses for ever
    // exhausted it (about 600kB of PostgreSQL's stack depth) and left PGlite hung, before the
    // default max_stack_depth (2MB) was reached. With half of that, PostgreSQL fails the statement
    // (54001, -208 to the client) and the session goes on.
    await pg.exec(`SET max_stack_depth = '${PGLITE_STACK_DEPTH}'`);
    const databases = new DatabaseRegistry(pg);
    await databases.load();
    const link: EngineLink = { pg, mux: new Multiplexer(options.lockGraceMs), deferred: [], dedicated: false };
    return new PgliteEngine(link, {
      pg,
      types: new DeclaredTypes(),
      databases,
      versions: new TableVersions(),
      serverName: options.serverName ?? "informix",
      hostName: options.hostName ?? hostname(),
    });
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
