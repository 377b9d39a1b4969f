// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// connect(): options object, informix:// URL or JDBC URL (plus optional overrides).

import { type ConnectOptions, parseConnectionString, resolveConfig } from "./connection/config.js";
import type { Connection } from "./connection/connection.js";
import { openFirstHealthy } from "./connection/failover.js";
import { captureCallSite, withCallSite } from "./errors.js";

/**
 * Opens a connection and logs in.
 * @example
 * const conn = await connect("informix://informix:in4mix@localhost:9088/stores?server=informix");
 */
export async function connect(target: string | ConnectOptions, overrides: ConnectOptions = {}): Promise<Connection> {
  const site = captureCallSite(connect);
  try {
    const base = typeof target === "string" ? parseConnectionString(target) : target;
    const options: ConnectOptions = {
      ...base,
      ...overrides,
      ...(base.env || overrides.env ? { env: { ...base.env, ...overrides.env } } : {}),
    };
    return await openFirstHealthy(resolveConfig(options), options.signal);
  } catch (error) {
    throw withCallSite(error, site);
  }
}
