// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// DBINFO('keyword' [, arg]) becomes a literal computed from the session when the
// statement is rewritten. The engine rewrites again at execution time when a statement
// uses a value that changes between statements (see `isDynamicDbinfo`).

import { InformixSqlError } from "../engine/informix-sql-error.js";
import { DBINFO_VERSION_FULL, pgString, type RewriteContext, SERVER_VERSION } from "./context.js";
import type { Token } from "./tokenizer.js";

const DYNAMIC = new Set(["sqlca.sqlerrd1", "sqlca.sqlerrd2", "serial8", "bigserial"]);

/** True when the DBINFO keyword reads the previous statement's sqlca. */
export function isDynamicDbinfo(keyword: string): boolean {
  return DYNAMIC.has(keyword);
}

function versionPart(part: string): string {
  const v = SERVER_VERSION;
  switch (part) {
    case "server-type":
      return v.server;
    case "major":
      return v.major;
    case "minor":
      return v.minor;
    case "os":
      return v.os;
    case "level":
      return v.level;
    default:
      return DBINFO_VERSION_FULL;
  }
}

/** IDS returns DBINFO's text as character columns, not LVARCHAR (nmap cannot read LVARCHAR). */
function varchar(text: string): string {
  return `CAST(${pgString(text)} AS varchar(${Math.max(1, Math.min(255, text.length))}))`;
}

/** The PostgreSQL expression that replaces a DBINFO call. */
export function dbinfo(args: readonly Token[][], ctx: RewriteContext, at: Token): string {
  const keyToken = args[0]?.[0];
  if (keyToken === undefined || (keyToken.kind !== "string" && keyToken.kind !== "quoted")) {
    throw new InformixSqlError(-201, 0, "", at.start + 1);
  }
  const key = keyToken.value.toLowerCase();
  const second = args[1]?.[0];
  switch (key) {
    case "dbhostname":
      return varchar(ctx.hostName);
    case "dbservername":
      return varchar(ctx.serverName);
    case "dbname":
      return varchar(ctx.database ?? "");
    case "sessionid":
      return String(ctx.sessionId);
    case "version":
      return varchar(versionPart(second?.value.toLowerCase() ?? "full"));
    case "sqlca.sqlerrd1":
      return String(ctx.lastSerial);
    case "sqlca.sqlerrd2":
      return String(ctx.lastRowCount);
    case "serial8":
      return `CAST(${ctx.lastSerial8} AS bigint)`;
    case "bigserial":
      return `CAST(${ctx.lastBigserial} AS bigint)`;
    case "dbspace":
      // The dbspace of a partnum: the emulator has one, IDS's root dbspace.
      return varchar("rootdbs");
    case "utc_current":
      return "CAST(EXTRACT(EPOCH FROM now()) AS bigint)";
    default:
      throw new InformixSqlError(-201, 0, "", at.start + 1);
  }
}
