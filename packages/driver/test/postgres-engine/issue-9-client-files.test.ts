// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// ../issue-9-client-files.test.ts with the emulator on its PostgreSQL engine (a private local
// PostgreSQL, one connection per session): the SQ_FILE exchange does not depend on the engine.

process.env["INFORMIX_EMULATOR_ENGINE"] = "postgres";
await import("../issue-9-client-files.test.js");
