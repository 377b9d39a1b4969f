// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Failover (issue 11): the servers of `hosts` are tried in order, each attempt bounded by
// `connectTimeout`; the first that accepts the connection and the login wins. connect()
// and every connection a pool opens go through here, so a pool whose server died rebuilds
// its connections on the next healthy one. An abort stops the search at once. With one
// candidate its error is thrown unchanged; with several, a CONNECTION_FAILED lists each
// server's failure (the last one is the `cause`).

import { ConnectionError, DriverError } from "../errors.js";
import { traceConnect } from "../transport/diagnostics.js";
import { forTarget, type HostTarget, type ResolvedConfig } from "./config.js";
import { Connection } from "./connection.js";

export async function openFirstHealthy(config: ResolvedConfig, signal?: AbortSignal): Promise<Connection> {
  if (config.hosts.length === 1) return openOne(config, config.hosts[0]!, signal);
  const failures: string[] = [];
  let last: unknown;
  let retryable = false;
  for (const target of config.hosts) {
    try {
      return await openOne(config, target, signal);
    } catch (error) {
      if (signal?.aborted || (error instanceof DriverError && error.code === "ABORTED")) throw error;
      last = error;
      retryable ||= !(error instanceof DriverError) || error.retryable || error.code === "CONNECTION_LOST";
      const reason = error instanceof Error ? error.message : String(error);
      failures.push(`${target.host}:${target.port} (${target.server}): ${reason}`);
    }
  }
  throw new ConnectionError("CONNECTION_FAILED", `no server of hosts accepted the connection: ${failures.join("; ")}`, {
    sqlcode: -908,
    retryable,
    cause: last,
  });
}

/** One attempt, traced on `informix-db:connect` with the time of each handshake phase. */
function openOne(config: ResolvedConfig, target: HostTarget, signal: AbortSignal | undefined): Promise<Connection> {
  const phases: Record<string, number> = {};
  const c = { ...target, database: config.database, user: config.user, phases };
  return traceConnect(
    () => c,
    () => Connection.open(forTarget(config, target), signal, phases),
  );
}
