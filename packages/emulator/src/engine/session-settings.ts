// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The PostgreSQL settings an Informix session needs on the connection before its statement:
// lock_timeout (SET LOCK MODE, dedicated connections only), DateStyle (DBDATE's field order),
// the DATE text format and DBCENTURY (read by the catalog's date casts), GL_DATETIME and DBMONEY
// (read by ifx.datetime_text and the number-to-text functions), and search_path with
// the session's id and user (for sysmaster:syssessions). PgClient remembers what the
// connection has, so a session that finds its own settings in place sends nothing, and one
// that switches sends every change in one round trip.

import { pgIdent, pgString } from "../sql/context.js";
import type { Century, MoneyFormat } from "../sql/date-format.js";
import type { DateOrder } from "../sql/date-order.js";
import type { IsolationLevel } from "../sql/plan.js";
import { type PgClient, SETUP_DATE_STYLE } from "./pg-client.js";

/** What one session wants on the connection. */
export interface SessionSettings {
  /** lock_timeout; undefined on a shared connection, where the multiplexer does the waiting. */
  readonly lockTimeout?: string;
  readonly dateOrder: DateOrder;
  /** to_char template of DATE text (DBDATE / GL_DATE). */
  readonly dateFormat: string;
  readonly century: Century;
  /** to_char template of whole-DATETIME text (GL_DATETIME), "" for IDS's default. */
  readonly datetimeFormat: string;
  /** DBMONEY's symbols and decimal separator. */
  readonly money: MoneyFormat;
  /** The open database, if any (its schema comes first on the path). */
  readonly database?: string;
  readonly tempSchema: string;
  readonly sessionId: number;
  readonly user: string;
}

/**
 * The PostgreSQL level nearest each Informix level (docs/emulator-sql.md, "Isolation").
 * PostgreSQL has no dirty reads, and its readers never wait for writers' row locks, so
 * every COMMITTED READ flavour and CURSOR STABILITY are READ COMMITTED (that is, LAST
 * COMMITTED); REPEATABLE READ keeps one snapshot for the transaction.
 */
export function pgIsolation(level: IsolationLevel): string {
  return level === "repeatableRead" ? "REPEATABLE READ" : "READ COMMITTED";
}

/** lock_timeout for SET LOCK MODE: NOT WAIT fails at the first lock wait, WAIT waits for ever. */
export function lockTimeout(wait: number): string {
  if (wait < 0) return "0";
  return wait === 0 ? "1ms" : `${wait}s`;
}

/** The statements of one SessionSettings, made once (a session reuses them for every statement). */
export interface CompiledSettings {
  readonly lockTimeout: string | undefined;
  readonly dateStyle: string;
  readonly dates: string;
  readonly datesSql: string;
  readonly path: string;
  readonly pathSql: string;
}

export function compileSettings(want: SessionSettings): CompiledSettings {
  const { money } = want;
  // Schema informix last: IDS resolves built-in routines (owner informix) unqualified.
  const path = want.database
    ? `${pgIdent(want.database)}, ${pgIdent(want.tempSchema)}, informix`
    : `${pgIdent(want.tempSchema)}, informix`;
  return {
    lockTimeout: want.lockTimeout,
    dateStyle: `ISO, ${want.dateOrder}`,
    dates: [want.dateFormat, want.century, want.datetimeFormat, money.front, money.decimal, money.back].join("\0"),
    datesSql:
      `SELECT set_config('ifx.date_format', ${pgString(want.dateFormat)}, false), set_config('ifx.dbcentury', '${want.century}', false), ` +
      `set_config('ifx.datetime_format', ${pgString(want.datetimeFormat)}, false), set_config('ifx.money_front', ${pgString(money.front)}, false), ` +
      `set_config('ifx.money_decimal', ${pgString(money.decimal)}, false), set_config('ifx.money_back', ${pgString(money.back)}, false)`,
    path,
    // The path names this session's temp schema, so it changes with the session: the same
    // exec records who is on the connection, for sysmaster:syssessions.
    pathSql: `SET search_path TO ${path}; SELECT set_config('ifx.sid', '${want.sessionId}', false), set_config('ifx.user', ${pgString(want.user)}, false)`,
  };
}

/**
 * Sends, in one round trip, `before` (statements to run first) and the settings the connection
 * does not have yet.
 */
export async function applySessionSettings(
  pg: PgClient,
  before: readonly string[],
  want: CompiledSettings,
): Promise<void> {
  const sets: string[] = [...before];
  if (want.lockTimeout !== undefined && pg.settings.get("lock_timeout") !== want.lockTimeout) {
    sets.push(`SET lock_timeout = '${want.lockTimeout}'`);
    pg.settings.set("lock_timeout", want.lockTimeout);
  }
  if ((pg.settings.get("DateStyle") ?? SETUP_DATE_STYLE) !== want.dateStyle) {
    sets.push(`SET DateStyle = '${want.dateStyle}'`);
    pg.settings.set("DateStyle", want.dateStyle);
  }
  if (pg.settings.get("ifx.dates") !== want.dates) {
    sets.push(want.datesSql);
    pg.settings.set("ifx.dates", want.dates);
  }
  if (pg.searchPath !== want.path) {
    sets.push(want.pathSql);
    pg.searchPath = want.path;
  }
  if (sets.length === 0) return;
  try {
    await pg.exec(sets.join(";"));
  } catch (e) {
    // The statements ran as one implicit transaction: none of the settings took.
    pg.settings.clear();
    pg.searchPath = null;
    throw e;
  }
}
