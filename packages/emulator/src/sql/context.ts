// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// What the rewriter needs to know about the session: names substituted for USER,
// SITENAME and DBINFO(...), and the schema that holds the session's temp tables.

export interface RewriteContext {
  readonly user: string;
  /** The open database (its PostgreSQL schema has the same name), or null. */
  readonly database: string | null;
  /** Schema of this session's temp tables. */
  readonly tempSchema: string;
  readonly serverName: string;
  readonly hostName: string;
  readonly sessionId: number;
  /** sqlca.sqlerrd[1] of the previous statement (last SERIAL). */
  readonly lastSerial: number;
  /** sqlca.sqlerrd[2] of the previous statement (rows processed). */
  readonly lastRowCount: number;
  readonly lastSerial8: bigint;
  readonly lastBigserial: bigint;
  /**
   * The declared Informix type of a column of the statement's tables, by column name (undefined
   * when unknown or when two tables disagree). Set by the engine when a statement converts values
   * to text (`::CHAR`, CAST, `||`), so that a DATETIME/INTERVAL prints its qualifier (datetime-text.ts).
   */
  readonly columnType?: (column: string) => { readonly code: number; readonly encodedLength: number } | undefined;
}

/** Version string reported by DBINFO('version', ...) and the banner of the emulator. */
export const SERVER_VERSION = {
  server: "IBM Informix Dynamic Server",
  major: "15",
  minor: "0",
  os: "",
  level: "1.0.3DE",
};

/** DBINFO('version', 'full'): IBM JDBC's getDatabaseProductVersion() is the text after "Version " ("15.0.1.0.3DE"). */
export const DBINFO_VERSION_FULL = `${SERVER_VERSION.server} Version ${SERVER_VERSION.major}.${SERVER_VERSION.minor}.${SERVER_VERSION.level}`;

/**
 * The version text of the login reply (CONACC). IBM JDBC makes getDatabaseProductName() from it:
 * "IBM Informix Dynamic Server" when it starts with "IBM", else "Informix Dynamic Server"
 * (jdbc-observed). Flyway, Liquibase (exact match) and Hibernate pick their Informix support by
 * "Informix Dynamic Server", the name IDS users see, so the banner has no "IBM " prefix.
 */
export const SERVER_VERSION_TEXT = `Informix Dynamic Server Version ${SERVER_VERSION.major}.${SERVER_VERSION.minor}.${SERVER_VERSION.level}`;

/** A PostgreSQL string literal. */
export function pgString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** A PostgreSQL delimited identifier. */
export function pgIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
