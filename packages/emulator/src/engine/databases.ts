// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The databases of the emulated server: one PostgreSQL schema each, listed in
// ifx.databases with their logging mode, and which sessions have each one open.

import type { LogMode } from "../sql/plan.js";
import { databaseSql } from "./catalog-sql.js";
import { ISAM, SQL } from "./error-codes.js";
import { InformixSqlError } from "./informix-sql-error.js";
import type { PgClient } from "./pg-client.js";
import type { DatabaseInfo } from "./types.js";

/** The locale of a database created without DB_LOCALE, as IDS names it in its catalog. */
export const DEFAULT_DB_LOCALE = "en_US.819";

const RESERVED = /^(ifx|public|information_schema|pg_.*|ifx_tmp_.*)$/;

interface OpenState {
  readonly sessions: Set<object>;
  exclusive: object | null;
}

export class DatabaseRegistry {
  private readonly infos = new Map<string, DatabaseInfo>();
  private readonly open = new Map<string, OpenState>();

  constructor(private readonly pg: PgClient) {}

  async load(): Promise<void> {
    for (const r of await this.pg.rows("SELECT name, logged, buffered, ansi, locale FROM ifx.databases")) {
      const [name, logged, buffered, ansi, locale] = r as string[];
      this.infos.set(name!, {
        name: name!,
        logged: logged === "t",
        buffered: buffered === "t",
        ansi: ansi === "t",
        locale,
      });
    }
  }

  names(): string[] {
    return [...this.infos.keys()].sort();
  }

  get(name: string): DatabaseInfo | undefined {
    return this.infos.get(name.toLowerCase());
  }

  /** A new database whose character data is in `locale`'s code set (IDS: the creator's DB_LOCALE). */
  async create(rawName: string, log: LogMode, owner: string, locale = DEFAULT_DB_LOCALE): Promise<DatabaseInfo> {
    const name = rawName.toLowerCase();
    if (this.infos.has(name)) throw new InformixSqlError(SQL.DATABASE_CREATE, ISAM.DUPLICATE, name);
    if (RESERVED.test(name) || name.length > 128) throw new InformixSqlError(SQL.DATABASE_CREATE, 0, name);
    const info: DatabaseInfo = {
      name,
      logged: log !== "none",
      buffered: log === "buffered",
      ansi: log === "ansi",
      locale,
    };
    await this.pg.exec(`BEGIN; ${databaseSql(name)} COMMIT`).catch(async (e: unknown) => {
      await this.pg.exec("ROLLBACK");
      throw e;
    });
    await this.pg.run("INSERT INTO ifx.databases VALUES ($1, $2, CURRENT_DATE, $3, $4, $5, $6)", [
      name,
      owner,
      info.logged ? "t" : "f",
      info.buffered ? "t" : "f",
      info.ansi ? "t" : "f",
      locale,
    ]);
    this.infos.set(name, info);
    return info;
  }

  async drop(rawName: string): Promise<void> {
    const name = rawName.toLowerCase();
    if (!this.infos.has(name) || name === "sysmaster") {
      throw new InformixSqlError(SQL.DATABASE_NOT_FOUND, ISAM.NOT_FOUND, name);
    }
    if ((this.open.get(name)?.sessions.size ?? 0) > 0) {
      throw new InformixSqlError(SQL.DATABASE_IN_USE, ISAM.LOCKED, name);
    }
    await this.pg.exec(`DROP SCHEMA "${name.replace(/"/g, '""')}" CASCADE`);
    await this.pg.run("DELETE FROM ifx.databases WHERE name = $1", [name]);
    this.infos.delete(name);
  }

  /** Marks `name` open in `session`; enforces DATABASE ... EXCLUSIVE both ways. */
  attach(name: string, session: object, exclusive: boolean): DatabaseInfo {
    const info = this.get(name);
    if (info === undefined) throw new InformixSqlError(SQL.DATABASE_NOT_FOUND, ISAM.NOT_FOUND, name.toLowerCase());
    const state = this.open.get(info.name) ?? { sessions: new Set<object>(), exclusive: null };
    const others = [...state.sessions].some((s) => s !== session);
    if ((state.exclusive !== null && state.exclusive !== session) || (exclusive && others)) {
      throw new InformixSqlError(SQL.DATABASE_NOT_FOUND, ISAM.LOCKED, info.name);
    }
    state.sessions.add(session);
    if (exclusive) state.exclusive = session;
    this.open.set(info.name, state);
    return info;
  }

  detach(name: string, session: object): void {
    const state = this.open.get(name);
    if (state === undefined) return;
    state.sessions.delete(session);
    if (state.exclusive === session) state.exclusive = null;
  }
}
