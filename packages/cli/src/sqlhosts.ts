// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The sqlhosts file ($INFORMIXSQLHOSTS, else $INFORMIXDIR/etc/sqlhosts): one line per server,
// `dbservername nettype hostname servicename [options]`, `#` comments. Only SQLI listeners
// (onsoctcp, onsocssl; also the older ontlitcp and onsocimc forms) can be reached by this
// client; the service is a port number or a name from /etc/services.

import { readFileSync } from "node:fs";

export interface SqlhostsEntry {
  readonly server: string;
  readonly nettype: string;
  readonly host: string;
  readonly port: number;
  readonly tls: boolean;
}

export function parseServices(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split("\n")) {
    const m = /^\s*([^#\s]+)\s+(\d+)\/tcp\b(.*)$/.exec(line);
    if (!m) continue;
    out.set(m[1]!, Number(m[2]));
    for (const alias of (m[3]!.split("#")[0] ?? "").trim().split(/\s+/)) if (alias) out.set(alias, Number(m[2]));
  }
  return out;
}

/** The entry of `server` in sqlhosts `text`; throws when it is missing or not an SQLI listener. */
export function findServer(text: string, server: string, services: Map<string, number>): SqlhostsEntry {
  for (const raw of text.split("\n")) {
    const line = raw.replace(/#.*/, "").trim();
    if (line === "") continue;
    const [name, nettype = "", host = "", service = ""] = line.split(/\s+/);
    if (name !== server) continue;
    const protocol = nettype.slice(-3).toLowerCase();
    if (!/^(on|ol)/i.test(nettype.slice(0, 2)) || !["tcp", "ssl", "imc"].includes(protocol)) {
      throw new Error(`sqlhosts: ${server} is a ${nettype} listener; ifx speaks SQLI (onsoctcp or onsocssl)`);
    }
    const port = /^\d+$/.test(service) ? Number(service) : services.get(service);
    if (port === undefined) throw new Error(`sqlhosts: service "${service}" of ${server} is not in /etc/services`);
    return { server, nettype, host, port, tls: protocol === "ssl" };
  }
  throw new Error(`sqlhosts: no entry for INFORMIXSERVER ${server}`);
}

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
