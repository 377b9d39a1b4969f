// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// What Kysely's Migrator and query builders need to know about IDS: DDL is transactional in a
// logged database, CREATE TABLE IF NOT EXISTS exists (IDS 11.70 on), RETURNING does not. The
// migration lock is the lock table itself, locked in exclusive mode inside the Migrator's
// transaction, so a second Migrator waits (SET LOCK MODE) or fails until the first commits.

import { DialectAdapterBase, type Kysely, type MigrationLockOptions, sql } from "kysely";

/** Kysely's DialectAdapter for Informix. */
export class InformixAdapter extends DialectAdapterBase {
  override get supportsCreateIfNotExists(): boolean {
    return true;
  }

  override get supportsTransactionalDdl(): boolean {
    return true;
  }

  override get supportsReturning(): boolean {
    return false;
  }

  // biome-ignore lint/suspicious/noExplicitAny: Kysely's own DialectAdapter signature
  override async acquireMigrationLock(db: Kysely<any>, options: MigrationLockOptions): Promise<void> {
    const table = options.lockTableSchema
      ? sql.table(`${options.lockTableSchema}.${options.lockTable}`)
      : sql.table(options.lockTable);
    await sql`lock table ${table} in exclusive mode`.execute(db);
  }

  // biome-ignore lint/suspicious/noExplicitAny: Kysely's own DialectAdapter signature
  override async releaseMigrationLock(_db: Kysely<any>, _options: MigrationLockOptions): Promise<void> {
    // The table lock ends with the Migrator's transaction.
  }
}
