// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The Kysely dialect: ties the driver, compiler, adapter and introspector together.

import type { DatabaseIntrospector, Dialect, DialectAdapter, Driver, Kysely, QueryCompiler } from "kysely";
import { InformixAdapter } from "./adapter.js";
import { InformixDriver, type PoolSource } from "./driver.js";
import { InformixIntrospector } from "./introspector.js";
import { type IdentifierQuoting, InformixQueryCompiler } from "./query-compiler.js";

/** Options of {@link InformixDialect}. */
export interface InformixDialectConfig {
  /**
   * An informix-db `Pool` (from `createPool`), or a function returning one, called once on first
   * use. Kysely's `db.destroy()` closes it.
   */
  readonly pool: PoolSource;
  /** How identifiers are quoted; see {@link IdentifierQuoting}. Default `"when-needed"`. */
  readonly identifierQuoting?: IdentifierQuoting;
}

/**
 * Kysely dialect for IBM Informix over informix-db.
 *
 * @example
 * ```ts
 * const db = new Kysely<Database>({
 *   dialect: new InformixDialect({ pool: createPool({ host, port, server, user, password, database }) }),
 * });
 * ```
 */
export class InformixDialect implements Dialect {
  readonly #config: InformixDialectConfig;

  constructor(config: InformixDialectConfig) {
    this.#config = config;
  }

  createDriver(): Driver {
    return new InformixDriver(this.#config.pool);
  }

  createQueryCompiler(): QueryCompiler {
    return new InformixQueryCompiler(this.#config.identifierQuoting);
  }

  createAdapter(): DialectAdapter {
    return new InformixAdapter();
  }

  // biome-ignore lint/suspicious/noExplicitAny: Kysely's own Dialect signature
  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new InformixIntrospector(db);
  }
}
