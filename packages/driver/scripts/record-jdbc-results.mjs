#!/usr/bin/env node
// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Records what IBM's JDBC driver reads back from the emulator, for the driver's parity test
// (packages/driver/test/jdbc-parity.test.ts). Starts the emulator, runs the value-bearing
// scenarios of conformance/jdbc/src/main/java/Scenarios.java and writes one fixture per
// scenario to fixtures/jdbc-results/<scenario>.json:
//   { "jdbc": "com.ibm.informix:jdbc:<version>", "recorded": "<ISO date>", "scenario", "ok", "detail",
//     "values" (what JDBC read back), "checked" (what Scenarios.java asserted and JDBC passed) }
// A scenario that JDBC did not pass is not written (the script exits 1 instead).
//
// Usage: npm run build && node packages/driver/scripts/record-jdbc-results.mjs [scenario ...]
// Builds the JDBC runner first (node scripts/install-oracles.mjs jdbc) when it is missing.

import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const jdbcDir = join(root, "conformance", "jdbc");
const classes = join(jdbcDir, "target", "classes");
const lib = join(jdbcDir, "target", "lib");
const outDir = join(root, "fixtures", "jdbc-results");

/** The scenarios whose read-back values the parity test compares. */
const SCENARIOS = [
  "dml_types_roundtrip",
  "resultset_metadata",
  "serial_values",
  "select_first_skip",
  "update_delete_counts",
  "database_metadata",
];

/**
 * What Scenarios.java checks with `c.eq(...)` without recording it in "values" (counts and
 * id lists). A fixture is only written when JDBC passed the scenario, so these are exactly
 * what JDBC read back; they are stored in the fixture's "checked" object (key: the
 * scenario's check label, value: the expected value as Scenarios.java prints it).
 */
const CHECKED = {
  update_delete_counts: {
    "CREATE TABLE count": "0",
    ...Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`INSERT count ${i + 1}`, "1"])),
    "INSERT ... SELECT count": "10",
    "UPDATE grp=0 count": "6",
    "UPDATE no match count": "0",
    "UPDATE all count": "20",
    "DELETE id>100 count": "10",
    "DELETE no match count": "0",
    "getUpdateCount after execute(DELETE)": "1",
    "DELETE rest count": "9",
    "rows left": "0",
  },
  select_first_skip: {
    "FIRST 3": "[1, 2, 3]",
    "SKIP 2 FIRST 3": "[3, 4, 5]",
    "SKIP 8": "[9, 10]",
    "FIRST 2 DESC": "[10, 9]",
    "SKIP 20": "[]",
    "LIMIT 2": "[1, 2]",
    "setMaxRows(4)": "[1, 2, 3, 4]",
  },
  serial_values: { "Statement.getSerial": "52", "SELECT serial": "52" },
  dml_types_roundtrip: { "parameterised WHERE id": "3", "count of NULL rows": "1", "rows read back": "4" },
  resultset_metadata: { "column count": "26", "COUNT(*) of empty table": "0", "1 + 1": "2" },
  database_metadata: { "getTables names": "[cf_md_a, cf_md_b]", "getColumns names": "[id, name, amount]" },
};

const wanted = process.argv.slice(2).length > 0 ? process.argv.slice(2) : SCENARIOS;

if (!existsSync(join(classes, "Scenarios.class"))) {
  spawnSync(process.execPath, [join(root, "scripts", "install-oracles.mjs"), "jdbc"], { stdio: "inherit" });
  if (!existsSync(join(classes, "Scenarios.class"))) {
    process.stderr.write("record-jdbc-results: the JDBC runner could not be built\n");
    process.exit(1);
  }
}

const driverJar = readdirSync(lib).find((f) => /^jdbc-[\d.]+\.jar$/.test(f));
if (driverJar === undefined) {
  process.stderr.write(`record-jdbc-results: no jdbc-<version>.jar in ${lib}\n`);
  process.exit(1);
}
const jdbcVersion = driverJar.slice("jdbc-".length, -".jar".length);

const { startEmulator } = await import(
  pathToFileURL(join(root, "packages", "emulator", "dist", "src", "index.js")).href
);
const emulator = await startEmulator({ host: "127.0.0.1", port: 0 });
let failed = false;

function runJava(args) {
  return new Promise((resolve) => {
    const child = spawn("java", args, { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c) => {
      stdout += c;
    });
    child.stderr.on("data", (c) => {
      stderr += c;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), 300_000);
    child.on("error", (e) => {
      stderr += String(e);
    });
    child.on("close", (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}
try {
  // Asynchronous: the emulator runs in this process and must keep serving meanwhile.
  const run = await runJava([
    "-Dscenario.timeoutMs=30000",
    "-cp",
    `${classes}:${join(lib, "*")}`,
    "Scenarios",
    emulator.host,
    String(emulator.port),
    ...wanted,
  ]);
  if (run.status !== 0) {
    process.stderr.write(`record-jdbc-results: java exited ${run.status}\n${run.stderr}\n`);
    failed = true;
  }
  const recorded = new Date().toISOString().slice(0, 10);
  mkdirSync(outDir, { recursive: true });
  const seen = new Set();
  for (const line of run.stdout.split("\n")) {
    if (!line.startsWith("{")) continue;
    const r = JSON.parse(line);
    seen.add(r.scenario);
    if (!r.ok) {
      process.stderr.write(`record-jdbc-results: ${r.scenario} failed under JDBC, not recorded: ${r.detail}\n`);
      failed = true;
      continue;
    }
    const fixture = {
      jdbc: `com.ibm.informix:jdbc:${jdbcVersion}`,
      recorded,
      source: "conformance/jdbc/src/main/java/Scenarios.java against the emulator",
      scenario: r.scenario,
      ok: r.ok,
      detail: r.detail,
      values: r.values,
      checked: CHECKED[r.scenario] ?? {},
    };
    writeFileSync(join(outDir, `${r.scenario}.json`), `${JSON.stringify(fixture, null, 2)}\n`);
    process.stdout.write(`record-jdbc-results: ${r.scenario}: ${Object.keys(r.values).length} values\n`);
  }
  for (const name of wanted) {
    if (!seen.has(name)) {
      process.stderr.write(`record-jdbc-results: ${name}: no output from the runner\n`);
      failed = true;
    }
  }
} finally {
  await emulator.close();
}
process.exit(failed ? 1 : 0);
