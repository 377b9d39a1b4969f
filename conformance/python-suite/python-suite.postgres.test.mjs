// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The python-suite oracle (./python-suite.test.mjs) with the emulator on the PostgreSQL engine: a private
// local PostgreSQL, a connection per session (issue 8).
process.env.INFORMIX_EMULATOR_ENGINE = "postgres";
await import("./python-suite.test.mjs");
