// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Runs every benchmark file (bench/micro/*.mjs, then bench/e2e/*.mjs when present), each in
// its own Node process with --expose-gc, and prints one JSON array of their results.
// Usage: node bench/run.mjs [name-filter…]   (npm run bench builds first)

import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));
const filters = process.argv.slice(2);
const files = [];
for (const dir of ["micro", "e2e"]) {
  const path = join(here, dir);
  if (!existsSync(path)) continue;
  for (const name of readdirSync(path).sort()) {
    if (name.endsWith(".mjs") && (filters.length === 0 || filters.some((f) => name.includes(f)))) {
      files.push(join(path, name));
    }
  }
}

const results = [];
let failed = 0;
for (const file of files) {
  process.stderr.write(`bench: ${file.slice(here.length)}\n`);
  const run = spawnSync(process.execPath, ["--expose-gc", file], { encoding: "utf8" });
  if (run.status !== 0) {
    failed++;
    process.stderr.write(run.stderr);
    results.push({ bench: file.slice(here.length), error: `exit ${run.status}` });
    continue;
  }
  for (const line of run.stdout.split("\n")) if (line.startsWith("{")) results.push(JSON.parse(line));
}
console.log(JSON.stringify(results, null, 2));
process.exitCode = failed > 0 ? 1 : 0;
