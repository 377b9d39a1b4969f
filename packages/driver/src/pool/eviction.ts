// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Which errors thrown inside pool.withConnection()/transaction()/query() cost the
// connection its place in the pool. Errors of the connection class (lost, broken,
// undecodable, timed out or aborted on the wire, or anything marked fatal) may have left
// the session out of sync, so the connection is closed. Anything else (an application
// bug, a constraint violation, a lock timeout) leaves the wire in step: the connection
// goes back to the pool (with its transaction rolled back).

import { AbortError, ConnectionError, DriverError, ProtocolError, TimeoutError } from "../errors.js";

export function evicts(error: unknown): boolean {
  // A nested acquire that timed out says nothing about this connection.
  if (error instanceof DriverError && (error.code === "POOL_TIMEOUT" || error.code === "POOL_CLOSED")) return false;
  return (
    error instanceof ConnectionError ||
    error instanceof ProtocolError ||
    error instanceof TimeoutError ||
    error instanceof AbortError ||
    (error instanceof DriverError && error.fatal)
  );
}
