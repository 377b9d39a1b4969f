// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The sqlhosts file ($INFORMIXSQLHOSTS, else $INFORMIXDIR/etc/sqlhosts). The parsing is the
// driver's (informix-db: parseSqlhosts, findServer, resolveSqlhosts); this file only reads
// the files the CLI's environment names.

import { readFileSync } from "node:fs";
import { findServer, parseServices, type SqlhostsServer } from "informix-db";

export { findServer, parseServices };
export type SqlhostsEntry = SqlhostsServer;

/** Reads the sqlhosts file the environment names; undefined when there is none. */
export function lookupServer(env: NodeJS.ProcessEnv, server: string): SqlhostsEntry | undefined {
  const path = env["INFORMIXSQLHOSTS"] ?? (env["INFORMIXDIR"] ? `${env["INFORMIXDIR"]}/etc/sqlhosts` : undefined);
  if (path === undefined) return undefined;
  let services = new Map<string, number>();
  try {
    services = parseServices(readFileSync("/etc/services", "utf8"));
  } catch {
    // No /etc/services: numeric ports still work.
  }
  return findServer(readFileSync(path, "utf8"), server, services);
}
