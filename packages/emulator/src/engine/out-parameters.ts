// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// SPL OUT/INOUT parameters seen from EXECUTE FUNCTION/PROCEDURE. Such a parameter is a
// PostgreSQL OUT/INOUT parameter named ifx_out_<name> (sql/spl/translate-routine.ts), so
// `SELECT * FROM f(...)` yields its value as one more column. IDS returns a routine's
// RETURNING values only (an OUT value reaches SQL through a statement-local variable), so
// the DESCRIBE and the rows of EXECUTE FUNCTION leave those columns out. Passing an
// argument for an OUT parameter is -9752, as in IDS: "Argument must be a Statement Local
// Variable or SPL variable or argument for an OUT or INOUT parameter".

import { pgIdent } from "../sql/context.js";
import { InformixSqlError } from "./informix-sql-error.js";
import type { PgField } from "./pg-client.js";
import { PgError } from "./pg-client.js";
import type { PgliteSession } from "./pglite-session.js";

export const OUT_COLUMN_PREFIX = "ifx_out_";
/** -9752: an argument given for an OUT parameter is not a statement-local variable. */
export const SQLCODE_OUT_ARGUMENT = -9752;
/** PostgreSQL's undefined_function: no routine takes that many arguments. */
const PG_UNDEFINED_FUNCTION = "42883";

export function isOutColumn(name: string): boolean {
  return name.startsWith(OUT_COLUMN_PREFIX);
}

/**
 * The SQL of an EXECUTE FUNCTION whose result has OUT columns: `SELECT * FROM f(...)` becomes
 * `SELECT <returned columns> FROM f(...)` (`SELECT FROM` when the routine returns nothing).
 */
export function withoutOutColumns(sql: string, fields: readonly PgField[], returned: readonly PgField[]): string {
  if (!fields.some((f) => isOutColumn(f.name))) return sql;
  const list = returned.map((f) => pgIdent(f.name)).join(", ");
  return sql.replace(/^SELECT \* FROM/, `SELECT ${list} FROM`);
}

/** The routine an EXECUTE FUNCTION/PROCEDURE names, and how many arguments it passes. */
export function calledRoutine(source: string): { name: string; args: number } | null {
  const m = /^\s*execute\s+(?:function|procedure)\s+(?:[\w$]+\s*[.:]\s*)*("?)([\w$]+)\1\s*\(/i.exec(source);
  if (!m) return null;
  let depth = 1;
  let args = 0;
  let seen = false;
  let quote = "";
  for (let i = m[0].length; i < source.length && depth > 0; i++) {
    const ch = source[i]!;
    if (quote !== "") {
      if (ch === quote) quote = "";
      continue;
    }
    if (ch === "'" || ch === '"') quote = ch;
    else if (ch === "(") depth++;
    else if (ch === ")") depth--;
    else if (ch === "," && depth === 1) args++;
    if (depth > 0 && !/\s/.test(ch)) seen = true;
  }
  return { name: m[1] === '"' ? m[2]! : m[2]!.toLowerCase(), args: seen ? args + 1 : 0 };
}

/**
 * -9752 when an EXECUTE FUNCTION/PROCEDURE failed for want of a routine with that many
 * arguments and a visible routine of that name takes them counting its OUT parameters.
 * The message parameter is `<name>:<procid>:`: IBM JDBC reads the number between the first
 * two colons as the routine's id, asks for its parameters by that id and calls it through
 * the fast path by that id (docs/protocol/jdbc-observed.md).
 */
export async function outArgumentError(
  session: PgliteSession,
  source: string,
  err: unknown,
): Promise<InformixSqlError | null> {
  if (!(err instanceof PgError) || err.code !== PG_UNDEFINED_FUNCTION) return null;
  const call = calledRoutine(source);
  if (!call) return null;
  const rows = await session.pg.rows(
    `SELECT array_to_string(p.proargnames, ','), array_to_string(CAST(p.proargmodes AS text[]), ','), CAST(p.oid AS text)
     FROM pg_proc p
     WHERE p.proname = $1 AND pg_function_is_visible(p.oid) AND p.proargmodes IS NOT NULL`,
    [call.name],
  );
  for (const row of rows) {
    if (takesWithOuts(row[0], row[1], call.args))
      return new InformixSqlError(SQLCODE_OUT_ARGUMENT, 0, `${call.name}:${row[2]}:`);
  }
  return null;
}

/** True when the routine has OUT parameters and takes `args` arguments counting them. */
function takesWithOuts(names: string | null | undefined, modes: string | null | undefined, args: number): boolean {
  if (!names || !modes) return false;
  const nameList = names.split(",");
  let count = 0;
  let outs = 0;
  for (const [k, mode] of modes.split(",").entries()) {
    const name = nameList[k] ?? "";
    if (mode === "o" && !isOutColumn(name)) continue; // a RETURNING value
    count++;
    if (mode === "o") outs++;
  }
  return outs > 0 && count === args;
}
