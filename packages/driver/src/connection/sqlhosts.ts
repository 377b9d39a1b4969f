// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The sqlhosts file (issue 11): one line per server, `dbservername nettype hostname
// servicename [options]`, `#` comments, options comma-separated `key=value`. Pure parsing;
// reading the file is transport/sqlhosts-file.ts. Only SQLI listeners (onsoctcp, onsocssl,
// and the older ontlitcp/onsocimc/ol… forms) can be reached by this client; the service is
// a port number or a name from /etc/services.
//
// Server groups (HCL Informix Administrator's Guide, "Group information" and "Creating a
// group in the sqlhosts file"): a line with nettype `group`, `-` for host and service,
// options `i=` (identifier), `c=1` (start at a random member) and `e=member` (the last
// member: lines after it are not part of the group). Members carry `g=group`. A client
// naming the group tries its members in order, each under its own dbservername.

import { DriverError } from "../errors.js";

/** One line of a sqlhosts file. */
export interface SqlhostsLine {
  readonly server: string;
  readonly nettype: string;
  readonly host: string;
  readonly service: string;
  /** The options field as `key → value` (`g`, `i`, `c`, `e`, `s`, `k`, …). */
  readonly options: Readonly<Record<string, string>>;
}

/** A server this client can reach, from a sqlhosts entry. */
export interface SqlhostsServer {
  /** The dbservername, sent as INFORMIXSERVER. */
  readonly server: string;
  readonly nettype: string;
  readonly host: string;
  readonly port: number;
  /** onsocssl: connect with TLS. */
  readonly tls: boolean;
}

const GROUP = "group";

function invalid(message: string): DriverError {
  return new DriverError("INVALID_ARGUMENT", `sqlhosts: ${message}`);
}

/** The lines of a sqlhosts file, in file order. */
export function parseSqlhosts(text: string): SqlhostsLine[] {
  const out: SqlhostsLine[] = [];
  for (const raw of text.split("\n")) {
    const line = raw.replace(/#.*/, "").trim();
    if (line === "") continue;
    const [server = "", nettype = "", host = "", service = "", ...rest] = line.split(/\s+/);
    const options: Record<string, string> = {};
    for (const part of rest.join(",").split(",")) {
      const eq = part.indexOf("=");
      if (eq > 0) options[part.slice(0, eq).trim().toLowerCase()] = part.slice(eq + 1).trim();
    }
    out.push({ server, nettype, host, service, options });
  }
  return out;
}

/** The `name port/tcp aliases` lines of /etc/services, by name and alias. */
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

function reachable(line: SqlhostsLine, services: ReadonlyMap<string, number>): SqlhostsServer {
  const protocol = line.nettype.slice(-3).toLowerCase();
  if (!/^(on|ol)/i.test(line.nettype.slice(0, 2)) || !["tcp", "ssl", "imc"].includes(protocol)) {
    throw invalid(`${line.server} is a ${line.nettype} listener; this client speaks SQLI (onsoctcp or onsocssl)`);
  }
  const port = /^\d+$/.test(line.service) ? Number(line.service) : services.get(line.service);
  if (port === undefined || port <= 0 || port > 65535) {
    throw invalid(`service "${line.service}" of ${line.server} is not a port nor in /etc/services`);
  }
  return { server: line.server, nettype: line.nettype, host: line.host, port, tls: protocol === "ssl" };
}

/** The entry of one server (not a group); throws when it is missing or not an SQLI listener. */
export function findServer(text: string, server: string, services: ReadonlyMap<string, number>): SqlhostsServer {
  const line = parseSqlhosts(text).find((l) => l.server === server);
  if (line === undefined) throw invalid(`no entry for INFORMIXSERVER ${server}`);
  if (line.nettype.toLowerCase() === GROUP) throw invalid(`${server} is a server group`);
  return reachable(line, services);
}

/**
 * The servers to try for INFORMIXSERVER `name`: its own entry, or, for a group, its members
 * in file order (up to the `e=` member; starting at a random one with `c=1`). `random`
 * picks the start for `c=1` (tests pass their own).
 */
export function resolveSqlhosts(
  text: string,
  name: string,
  services: ReadonlyMap<string, number>,
  random: () => number = Math.random,
): SqlhostsServer[] {
  const lines = parseSqlhosts(text);
  const entry = lines.find((l) => l.server === name);
  if (entry === undefined) throw invalid(`no entry for INFORMIXSERVER ${name}`);
  if (entry.nettype.toLowerCase() !== GROUP) return [reachable(entry, services)];
  const members: SqlhostsLine[] = [];
  for (const l of lines) {
    if (l.options["g"] !== name) continue;
    members.push(l);
    if (entry.options["e"] !== undefined && l.server === entry.options["e"]) break;
  }
  if (members.length === 0) throw invalid(`group ${name} has no members (g=${name})`);
  const servers = members.map((m) => reachable(m, services));
  if (entry.options["c"] !== "1") return servers;
  const start = Math.floor(random() * servers.length) % servers.length;
  return [...servers.slice(start), ...servers.slice(0, start)];
}
