#!/usr/bin/env node
// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
import { main } from "../dist/src/index.js";

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`ifx: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
