// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Lint is part of the test run: Biome over the whole repository must report no error.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

test("biome check reports no error", () => {
  const biome = join(root, "node_modules", ".bin", "biome");
  const r = spawnSync(biome, ["check", "--colors=off", "."], { cwd: root, encoding: "utf8", timeout: 120_000 });
  assert.equal(r.status, 0, `${r.stdout}${r.stderr}`.split("\n").slice(-40).join("\n"));
});
