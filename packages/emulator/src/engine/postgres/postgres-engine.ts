// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The SQL engine on a PostgreSQL server (>= 15): the same catalog, rewriter and session
// code as the PGlite engine, but every Informix session has a PostgreSQL connection of
// its own, so transactions run side by side under PostgreSQL's MVCC and row locks.
//
// Layout in the PostgreSQL database (the same as in PGlite's): schema `ifx` (side
// catalog, helpers), schema `informix` (built-in routines), one schema per Informix
// database (its tables and catalog views), and one `ifx_tmp_<tag><session>` schema per
// session that made a temp table. Every session's search_path is
// "<database>, <its temp schema>, informix". The catalog connection (one per engine)
// bootstraps the catalog once per PostgreSQL database (under an advisory lock; later
// emulators reuse it when its fingerprint matches), creates and drops databases, drops the
// temp schemas of closed sessions and ends connections stuck in a lock wait.

import { createHash } from "node:crypto";
import { hostname } from "node:os";
import { registerTable } from "../catalog-ops.js";
import { BOOTSTRAP_SQL, SYSMASTER_SQL } from "../catalog-sql.js";
import { DatabaseRegistry } from "../databases.js";
import { DeclaredTypes } from "../declared-types.js";
import { createDemoDatabase, DEMO_DATABASE } from "../demo-database.js";
import { Multiplexer } from "../multiplexer.js";
import { PgClient, type PgTransport, SESSION_SETUP } from "../pg-client.js";
import { FrontendWriter } from "../pg-wire.js";
import { PgliteSession } from "../pglite-session.js";
import { type EngineLink, type EngineShared, trackSession } from "../shared.js";
import { TableVersions } from "../table-versions.js";
import type { Engine, EngineOptions, EngineSession, SessionOptions } from "../types.js";
import { LocalPostgres } from "./local-server.js";
import { PgSocket, type PgTarget, parsePostgresUrl } from "./pg-socket.js";

/** Arbitrary constant key of the advisory lock that serialises catalog bootstraps. */
const BOOTSTRAP_LOCK = 0x1f0e_2026;
const CATALOG_FINGERPRINT = createHash("sha256").update(BOOTSTRAP_SQL).update(SYSMASTER_SQL).digest("hex").slice(0, 16);

/** A session's connection: opened at once in the background, awaited by the first request. */
class SessionTransport implements PgTransport {
  private readonly socket: Promise<PgSocket>;

  constructor(target: PgTarget) {
    this.socket = PgSocket.connect(target).then(async (s) => {
      await s.request(new FrontendWriter().query(SESSION_SETUP).take());
      return s;
    });
    this.socket.catch(() => undefined);
  }

  async request(bytes: Uint8Array): Promise<Uint8Array> {
    return (await this.socket).request(bytes);
  }

  async close(): Promise<void> {
    const s = await this.socket.catch(() => null);
    await s?.close();
  }

  /** Ends the connection now; a backend busy in a lock wait is terminated by the catalog connection. */
  async terminate(catalog: PgClient): Promise<void> {
    const s = await this.socket.catch(() => null);
    if (s === null) return;
    if (s.busy) await catalog.run("SELECT pg_terminate_backend($1)", [String(s.processId)]).catch(() => undefined);
    await s.close();
  }
}

export interface PostgresEngineOptions extends EngineOptions {
  /** postgres://user:pass@host:port/db; absent: a private local server (local-server.ts). */
  readonly url?: string;
}

export class PostgresEngine implements Engine {
  private nextSessionId = 1;
  private readonly sessions = new Set<PgliteSession>();

  private constructor(
    private readonly shared: EngineShared,
    private readonly target: PgTarget,
    private readonly tempTag: string,
    private readonly local: LocalPostgres | null,
  ) {}

  static async create(options: PostgresEngineOptions): Promise<PostgresEngine> {
    const local = options.url === undefined ? await LocalPostgres.start() : null;
    try {
      const target = local?.target ?? parsePostgresUrl(options.url ?? "");
      const pg = new PgClient(await PgSocket.connect(target));
      await pg.exec(SESSION_SETUP);
      const types = new DeclaredTypes();
      await bootstrap(pg, types);
      const instance = await pg.rows("SELECT nextval('ifx.emulator_instances')");
      // A private server has one emulator: short names. A shared database may have several.
      const tempTag = local ? "" : `${instance[0]?.[0] ?? "0"}_`;
      const databases = new DatabaseRegistry(pg);
      await databases.load();
      const engine = new PostgresEngine(
        {
          pg,
          types,
          databases,
          versions: new TableVersions(),
          serverName: options.serverName ?? "informix",
          hostName: options.hostName ?? hostname(),
        },
        target,
        tempTag,
        local,
      );
      if (options.demo && databases.get(DEMO_DATABASE) === undefined) await createDemoDatabase(engine);
      return engine;
    } catch (e) {
      await local?.stop();
      throw e;
    }
  }

  openSession(user: string, options: SessionOptions = {}): EngineSession {
    const transport = new SessionTransport(this.target);
    const catalog = this.shared.pg;
    const link: EngineLink = {
      pg: new PgClient(transport),
      mux: new Multiplexer(),
      deferred: [],
      dedicated: true,
      release: () => transport.terminate(catalog),
    };
    const session = new PgliteSession(this.shared, this.nextSessionId++, user, link, options, this.tempTag);
    return trackSession(this.sessions, session);
  }

  async listDatabases(): Promise<string[]> {
    return this.shared.databases.names();
  }

  async close(): Promise<void> {
    await Promise.all([...this.sessions].map((s) => s.close()));
    await this.shared.pg.close();
    await this.local?.stop();
  }
}

/** Creates the catalog once per PostgreSQL database; refuses one made by another catalog version. */
async function bootstrap(pg: PgClient, types: DeclaredTypes): Promise<void> {
  await pg.exec(`SELECT pg_advisory_lock(${BOOTSTRAP_LOCK})`);
  try {
    const found = await pg.rows("SELECT obj_description(CAST(to_regnamespace('ifx') AS oid), 'pg_namespace')");
    const existing = found[0]?.[0];
    if (existing !== undefined && existing !== null) {
      if (existing !== `informix-emulator catalog ${CATALOG_FINGERPRINT}`) {
        throw new Error(
          `this PostgreSQL database holds an Informix catalog of another emulator version (${existing}); use an empty database`,
        );
      }
      return;
    }
    const schemas = await pg.rows("SELECT to_regnamespace('ifx') IS NOT NULL");
    if (schemas[0]?.[0] === "t")
      throw new Error("this PostgreSQL database has a schema `ifx` the emulator did not make");
    await pg.exec("BEGIN");
    try {
      await pg.exec(BOOTSTRAP_SQL);
      await pg.exec(SYSMASTER_SQL);
      for (const t of ["sysdual", "sysdatabases", "syssessions"])
        await registerTable(pg, types, "sysmaster", t, "informix", new Map());
      await pg.exec(
        `CREATE SEQUENCE ifx.emulator_instances; COMMENT ON SCHEMA ifx IS 'informix-emulator catalog ${CATALOG_FINGERPRINT}'`,
      );
      await pg.exec("COMMIT");
    } catch (e) {
      await pg.exec("ROLLBACK");
      throw e;
    }
  } finally {
    await pg.exec(`SELECT pg_advisory_unlock(${BOOTSTRAP_LOCK})`);
  }
}
