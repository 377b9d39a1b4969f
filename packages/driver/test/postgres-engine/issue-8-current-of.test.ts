// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// ../issue-8-current-of.test.ts with the emulator on its PostgreSQL engine, where FOR UPDATE
// takes row locks another session meets.

process.env["INFORMIX_EMULATOR_ENGINE"] = "postgres";
await import("../issue-8-current-of.test.js");
