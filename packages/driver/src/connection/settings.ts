// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The SQL of the session settings Connection offers as methods (SET ISOLATION, SET LOCK MODE).

import { DriverError } from "../errors.js";

export type IsolationLevel =
  | "DIRTY READ"
  | "COMMITTED READ"
  | "COMMITTED READ LAST COMMITTED"
  | "CURSOR STABILITY"
  | "REPEATABLE READ";

/** SET ISOLATION TO …; the level is checked, never spliced blindly. */
export function isolationSql(level: IsolationLevel): string {
  if (!/^[A-Z ]+$/.test(level)) throw new DriverError("INVALID_ARGUMENT", `bad isolation level "${level}"`);
  return `SET ISOLATION TO ${level}`;
}

/** SET LOCK MODE TO WAIT [seconds] | NOT WAIT. `true` waits forever. */
export function lockModeSql(wait: boolean | number): string {
  const mode = wait === false ? "NOT WAIT" : wait === true ? "WAIT" : `WAIT ${Math.max(0, Math.trunc(wait))}`;
  return `SET LOCK MODE TO ${mode}`;
}
