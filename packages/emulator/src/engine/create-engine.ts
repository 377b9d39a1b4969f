// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The engine named by `--engine` / startEmulator({ engine }):
//   "pglite" (default)           embedded PGlite, one backend for every session
//   "postgres"                   a private local PostgreSQL for the emulator's lifetime
//   "postgres://u:p@host:port/db" a PostgreSQL server the user runs (>= 15)

import { PgliteEngine } from "./pglite-engine.js";
import { PostgresEngine } from "./postgres/postgres-engine.js";
import type { Engine, EngineOptions } from "./types.js";

/** Checks an engine name without starting anything; returns the error text or null. */
export function engineSpecError(spec: string): string | null {
  if (spec === "pglite" || spec === "postgres") return null;
  if (/^postgres(ql)?:\/\//.test(spec)) return null;
  return `--engine must be pglite, postgres or postgres://user:pass@host:port/db, not ${spec}`;
}

export async function createEngine(spec: string, options: EngineOptions): Promise<Engine> {
  const error = engineSpecError(spec);
  if (error !== null) throw new Error(error);
  if (spec === "pglite") return PgliteEngine.create(options);
  if (spec === "postgres") return PostgresEngine.create(options);
  return PostgresEngine.create({ ...options, url: spec });
}
