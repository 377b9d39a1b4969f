// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// ../jdbc-parity.test.ts with the emulator on its PostgreSQL engine (a private local
// PostgreSQL, one connection per session): the driver's integration tests run on both
// engines (issue 8).

process.env["INFORMIX_EMULATOR_ENGINE"] = "postgres";
await import("../jdbc-parity.test.js");
