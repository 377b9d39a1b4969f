// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Runs every test: the compiled package tests (packages/*/dist/test) and, unless
// --no-oracles is given, the conformance oracles (conformance/*/*.test.mjs), after
// installing what the oracles need. An oracle that cannot be installed is left out with one
// line on stderr, unless INFORMIX_DB_REQUIRE_ORACLES=1 (CI), where it runs and fails.
// Progress goes to stderr (spec reporter); the summary reporter writes the closing `N passed, N failed, N skipped` line to stdout.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
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
  const install = spawnSync(process.execPath, [join(root, "scripts", "install-oracles.mjs")], {
    stdio: ["ignore", "pipe", "inherit"],
    encoding: "utf8",
  });
  const required = process.env.INFORMIX_DB_REQUIRE_ORACLES === "1";
  // The install's own status lines; the tool output behind a failure only where it must pass (CI).
  const lines = (install.stdout ?? "").split("\n").filter((l) => required || l.startsWith("install-oracles: "));
  process.stderr.write(`${lines.join("\n").trimEnd()}\n`);
  // An oracle whose tools could not be installed here (no JDK/Maven, no Python 3, no root for apt)
  // is left out with one line saying so, unless INFORMIX_DB_REQUIRE_ORACLES=1 (set by .ci/run):
  // then it runs and its tests fail, so CI never passes without every oracle.
  const failed = new Map();
  for (const m of (install.stdout ?? "").matchAll(/^install-oracles: ([\w-]+): failed(?: — (.*))?$/gm)) {
    failed.set(m[1], m[2] ?? "");
  }
  const oracles = [];
  walk(join(root, "conformance"), (p) => p.endsWith(".test.mjs"), oracles);
  for (const file of oracles) {
    const dir = relative(join(root, "conformance"), file).split(sep)[0];
    // An oracle's *.postgres.test.mjs twin also needs the PostgreSQL server ("postgres").
    const oracle = [dir, ...(file.endsWith(".postgres.test.mjs") ? ["postgres"] : [])].find((o) => failed.has(o));
    if (oracle !== undefined && !required) {
      const what = oracle === dir ? dir : `${relative(root, file)}`;
      process.stderr.write(
        `oracle ${what} not run: ${failed.get(oracle)} (see conformance/README.md; CI requires it)\n`,
      );
    } else {
      files.push(file);
    }
  }
}
const selected = files.filter((f) => filters.length === 0 || filters.some((x) => relative(root, f).includes(x)));
selected.sort();
if (selected.length === 0) {
  // `node --test` with no file would search the whole tree for tests of its own choosing.
  process.stderr.write(`no test file matches ${filters.join(" ")}\n`);
  process.exit(1);
}

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
