#!/usr/bin/env node
// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
import { main } from "../dist/src/cli.js";

main(process.argv.slice(2)).catch((error) => {
  process.stderr.write(`informix-emulator: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
