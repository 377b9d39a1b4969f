// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Public barrel of @informix-db/emulator.

export { InformixSqlError } from "./engine/informix-sql-error.js";
export type { DatabaseInfo, Engine, EngineSession, EngineValue } from "./engine/types.js";
export { DEFAULT_LIMITS, type SessionLimits } from "./server/limits.js";
export { type EmulatorOptions, type RunningEmulator, startEmulator } from "./server/listener.js";
export type { TraceSink } from "./server/trace.js";
