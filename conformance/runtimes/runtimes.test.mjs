// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 12: the driver on every runtime it supports. The emulator runs here, on the system Node
// (the whole suite runs on Node 20); the driver's dist build runs in Node 22, Node 24, Bun and Deno,
// installed from their npm packages into .runtimes/ by scripts/install-oracles.mjs (`runtimes`),
// through driver-check.mjs, whose checks are reported here as tests.
import assert from "node:assert/strict";
import { execFile, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";
import { startEmulator } from "@informix-db/emulator";

const root = fileURLToPath(new URL("../..", import.meta.url));
const modules = join(root, ".runtimes", "node_modules");
const script = fileURLToPath(new URL("driver-check.mjs", import.meta.url));
const driver = pathToFileURL(join(root, "packages", "driver", "dist", "src", "index.js")).href;

const RUNTIMES = [
  { name: "Node 22", version: /^v22\./, bin: join(modules, "node22", "bin", "node"), args: [script] },
  { name: "Node 24", version: /^v24\./, bin: join(modules, "node24", "bin", "node"), args: [script] },
  { name: "Bun", version: /^1\./, bin: join(modules, "bun", "bin", "bun.exe"), args: [script] },
  {
    name: "Deno",
    version: /^deno 2\./,
    bin: join(modules, "deno", "deno"),
    args: ["run", "--allow-net=127.0.0.1", `--allow-read=${root}`, "--allow-env", "--allow-sys", script],
  },
];
const CHECKS = [
  "query with a bound parameter",
  "DECIMAL as an exact string, INT8 as bigint",
  "insert with a SERIAL, transaction rollback",
  "stream() pulls every row",
  "an SQL error is typed and leaves the session usable",
];

let emu;
before(async () => {
  emu = await startEmulator({ port: 0, demo: true });
});
after(async () => {
  await emu?.close();
});

for (const rt of RUNTIMES) {
  describe(`the driver on ${rt.name}`, () => {
    let report;
    before(async () => {
      assert.ok(existsSync(rt.bin), `${rt.bin} is installed (node scripts/install-oracles.mjs runtimes)`);
      const version = spawnSync(rt.bin, ["--version"], { encoding: "utf8" });
      assert.match(version.stdout, rt.version);
      // Asynchronously: the emulator serving it runs in this process.
      const r = await new Promise((resolve) => {
        execFile(
          rt.bin,
          [...rt.args, driver, String(emu.port)],
          { encoding: "utf8", timeout: 120_000, env: { ...process.env, NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1" } },
          (error, stdout, stderr) => resolve({ status: error ? (error.code ?? 1) : 0, stdout, stderr }),
        );
      });
      assert.equal(r.status, 0, `${r.stdout}${r.stderr}`);
      report = JSON.parse(r.stdout.trim().split("\n").pop());
    });
    for (const name of CHECKS) {
      test(name, () => {
        const c = report.checks.find((x) => x.name === name);
        assert.ok(c, `${rt.name} ran "${name}"`);
        assert.ok(c.ok, c.detail);
      });
    }
  });
}
