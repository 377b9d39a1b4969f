// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// `npm start` (scripts/start.mjs) tours the demo database through this driver: it must exit 0
// and print every section with real stores_demo data.

import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../../../", import.meta.url));

function runTour(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["scripts/start.mjs"],
      { cwd: root, timeout: 120_000, killSignal: "SIGKILL", maxBuffer: 4 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === "number" ? error.code : null;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

test(
  "npm start: the tour runs through the driver, prints every section and exits 0",
  { timeout: 130_000 },
  async () => {
    const { code, stdout, stderr } = await runTour();
    assert.equal(code, 0, `exit ${code}\n${stdout}\n${stderr}`);
    assert.match(stdout, /informix-emulator listening on 127\.0\.0\.1:\d+/);
    for (const title of [
      "1. Connect",
      "2. Query: the first five customers",
      "3. Prepared insert with a SERIAL",
      "4. Transaction with rollback",
      "5. Streamed scan",
    ])
      assert.ok(stdout.includes(title), `section "${title}" missing:\n${stdout}`);
    assert.match(stdout, /stores_demo/);
    assert.match(stdout, /101\s+Ludwig\s+Pauli\s+All Sports Supplies/);
    assert.match(stdout, /Lovelace/);
    assert.match(stdout, /before the transaction\s+(\d+)\n.*\n\s+rolled back.*\s\1\n/);
    assert.match(stdout, /\d+ items in batches of 25/);
  },
);
