// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Runs every test: the compiled package tests (packages/*/dist/test) and, unless
// --no-oracles is given, the conformance oracles (conformance/*/*.test.mjs), after
// installing what the oracles need. Progress goes to stderr (spec reporter); the
// summary reporter writes the closing `N passed, N failed, N skipped` line to stdout.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const args = process.argv.slice(2);
const withOracles = !args.includes("--no-oracles");
const filters = args.filter((a) => !a.startsWith("--"));

function walk(dir, match, out = []) {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    if (name === "node_modules" || name === "target" || name === ".venv") continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, match, out);
    else if (match(path)) out.push(path);
  }
  return out;
}

const files = [];
for (const pkg of readdirSync(join(root, "packages"))) {
  walk(join(root, "packages", pkg, "dist", "test"), (p) => p.endsWith(".test.js"), files);
}
// Repository-wide tests: lint, what `npm pack` ships, the docs.
for (const name of readdirSync(join(root, "scripts"))) {
  if (name.endsWith(".test.mjs")) files.push(join(root, "scripts", name));
}
if (withOracles) {
  const install = spawnSync(process.execPath, [join(root, "scripts", "install-oracles.mjs")], { stdio: "inherit" });
  if (install.status !== 0) process.stderr.write("install-oracles: some oracle could not be installed\n");
  walk(join(root, "conformance"), (p) => p.endsWith(".test.mjs"), files);
}
const selected = files.filter((f) => filters.length === 0 || filters.some((x) => relative(root, f).includes(x)));
selected.sort();

const result = spawnSync(
  process.execPath,
  [
    "--test",
    "--test-concurrency=2",
    "--test-timeout=600000",
    "--test-reporter=spec",
    "--test-reporter-destination=stderr",
    `--test-reporter=${join(root, "scripts", "summary-reporter.mjs")}`,
    "--test-reporter-destination=stdout",
    ...selected,
  ],
  { stdio: "inherit", cwd: root },
);
process.exit(result.status ?? 1);
