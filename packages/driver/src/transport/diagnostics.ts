// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Observability (issue 11): node:diagnostics_channel TracingChannels and
// util.debuglog("informix-db"). They live under transport/ because the driver imports
// `node:` modules only here. Contexts carry SQL text, parameter counts and where the
// connection goes, never passwords or parameter values.

import { tracingChannel } from "node:diagnostics_channel";
import { debuglog } from "node:util";

/** `informix-db:connect`: { host, port, server, database, user, phases } (phases: ms per handshake step, filled as it runs). */
export interface ConnectTrace {
  readonly host: string;
  readonly port: number;
  readonly server: string;
  readonly database: string | undefined;
  readonly user: string;
  readonly phases: Record<string, number>;
}

/** `informix-db:query`: { sql, paramCount, host, port, database }. */
export interface QueryTrace {
  readonly sql: string;
  readonly paramCount: number;
  readonly host: string;
  readonly port: number;
  readonly database: string | undefined;
}

/** `informix-db:pool:acquire`: the pool's figures when the acquire started. */
export interface AcquireTrace {
  readonly size: number;
  readonly idle: number;
  readonly waiting: number;
  readonly max: number;
}

const connectChannel = tracingChannel<unknown, ConnectTrace & object>("informix-db:connect");
const queryChannel = tracingChannel<unknown, QueryTrace & object>("informix-db:query");
const acquireChannel = tracingChannel<unknown, AcquireTrace & object>("informix-db:pool:acquire");

type Channel<C extends object> = ReturnType<typeof tracingChannel<unknown, C>>;

/** Node 20.0–20.12 lack TracingChannel.hasSubscribers: ask its channels. */
function watched<C extends object>(c: Channel<C>): boolean {
  return (
    c.start.hasSubscribers ||
    c.end.hasSubscribers ||
    c.asyncStart.hasSubscribers ||
    c.asyncEnd.hasSubscribers ||
    c.error.hasSubscribers
  );
}

function trace<T, C extends object>(c: Channel<C>, context: () => C, fn: () => Promise<T>): Promise<T> {
  if (!watched(c)) return fn();
  return c.tracePromise(fn, context());
}

export function traceConnect<T>(context: () => ConnectTrace, fn: () => Promise<T>): Promise<T> {
  return trace(connectChannel, context, fn);
}

export function traceQuery<T>(context: () => QueryTrace, fn: () => Promise<T>): Promise<T> {
  return trace(queryChannel, context, fn);
}

export function traceAcquire<T>(context: () => AcquireTrace, fn: () => Promise<T>): Promise<T> {
  return trace(acquireChannel, context, fn);
}

const log = debuglog("informix-db");
/** True with NODE_DEBUG=informix-db: wire-level debug output (message kinds, never values). */
export const debugEnabled: boolean = log.enabled;
export const debug: (message: string, ...args: unknown[]) => void = log;
