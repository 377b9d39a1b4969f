// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// `npm start`: the emulator with the stores_demo database, and a short tour of it by a
// real Informix client. Until the TypeScript driver takes over, the tour is run by the
// Python informix-driver oracle, installed on first use. `--serve` keeps serving.

import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startEmulator } from "../packages/emulator/dist/src/index.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const emulator = await startEmulator({ port: 0, demo: true });
process.stdout.write(`informix-emulator listening on ${emulator.host}:${emulator.port}\n`);

const python = join(root, "conformance", "python", ".venv", "bin", "python");
if (!existsSync(python)) {
  spawnSync(process.execPath, [join(root, "scripts", "install-oracles.mjs"), "python"], { stdio: "inherit" });
}
if (existsSync(python)) {
  const tour = spawnSync(python, [join(root, "scripts", "tour.py"), emulator.host, String(emulator.port)], {
    stdio: "inherit",
    timeout: 60_000,
  });
  if (tour.status !== 0) process.exitCode = 1;
} else {
  process.stdout.write("(the Python informix-driver that tours the demo database could not be installed)\n");
}

if (process.argv.includes("--serve")) {
  process.stdout.write("serving until Ctrl-C\n");
} else {
  await emulator.close();
}
