// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The nmap oracle (./nmap.test.mjs) with the emulator on the PostgreSQL engine: a private
// local PostgreSQL, a connection per session (issue 8).
process.env.INFORMIX_EMULATOR_ENGINE = "postgres";
await import("./nmap.test.mjs");
