// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Public barrel of @informix-db/kysely. Every export is listed by name; a change here is an API change.

export { InformixAdapter } from "./adapter.js";
export { InformixDialect, type InformixDialectConfig } from "./dialect.js";
export { InformixConnection, InformixDriver, type PoolSource } from "./driver.js";
export { InformixIntrospector } from "./introspector.js";
export { type IdentifierQuoting, InformixQueryCompiler } from "./query-compiler.js";
