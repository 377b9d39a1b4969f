// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Reads a sqlhosts file and /etc/services for connection/sqlhosts.ts (the only file
// access of the driver, so it lives with the other node: imports).

import { readFileSync } from "node:fs";
import { DriverError } from "../errors.js";

/** INFORMIXSQLHOSTS, else $INFORMIXDIR/etc/sqlhosts, from the process environment. */
export function sqlhostsPathFromEnv(): string | undefined {
  const env = process.env;
  const dir = env["INFORMIXDIR"];
  return env["INFORMIXSQLHOSTS"] || (dir ? `${dir}/etc/sqlhosts` : undefined);
}

/** The file's text and the services table; a file that cannot be read is INVALID_ARGUMENT. */
export function readSqlhostsFile(path: string): { text: string; services: string } {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (cause) {
    throw new DriverError("INVALID_ARGUMENT", `sqlhosts: cannot read ${path}`, { cause });
  }
  let services = "";
  try {
    services = readFileSync("/etc/services", "utf8");
  } catch {
    // No /etc/services: numeric ports still work.
  }
  return { text, services };
}
