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
import { Redirected } from "./handshake.js";

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

/** Redirects (Connection Manager REDIRECT replies) followed per attempt before giving up. */
export const MAX_REDIRECTS = 3;

/**
 * One attempt, traced on `informix-db:connect` with the time of each handshake phase. A
 * REDIRECT login reply is followed to the server it names (under that server's name), at
 * most MAX_REDIRECTS times, so two redirectors pointing at each other fail instead of looping.
 */
async function openOne(
  config: ResolvedConfig,
  target: HostTarget,
  signal: AbortSignal | undefined,
): Promise<Connection> {
  const seen: string[] = [];
  for (let at: HostTarget = target; ; ) {
    const phases: Record<string, number> = {};
    const c = { ...at, database: config.database, user: config.user, phases };
    const current = at;
    try {
      return await traceConnect(
        () => c,
        () => Connection.open(forTarget(config, current), signal, phases),
      );
    } catch (error) {
      if (!(error instanceof Redirected)) throw error;
      seen.push(`${current.host}:${current.port}`);
      if (seen.length > MAX_REDIRECTS) {
        throw new ConnectionError(
          "CONNECTION_FAILED",
          `more than ${MAX_REDIRECTS} redirects (${seen.join(" → ")} → ${error.target.host}:${error.target.port})`,
          { cause: error },
        );
      }
      at = { ...current, ...error.target, server: error.target.server || current.server };
    }
  }
}
