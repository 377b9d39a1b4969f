// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Loads the oracle captures under fixtures/ at the repository root.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { hex } from "./chunks.js";

/** Repository root, from packages/protocol/dist/test/helpers. */
export const REPO_ROOT = fileURLToPath(new URL("../../../../../", import.meta.url));

export interface HexFixture {
  readonly file: string;
  readonly description: string;
  readonly bytes: Uint8Array;
}

export function loadHexFixtures(dir: string): HexFixture[] {
  const base = join(REPO_ROOT, "fixtures", dir);
  return readdirSync(base)
    .filter((f) => f.endsWith(".hex"))
    .sort()
    .map((file) => {
      const text = readFileSync(join(base, file), "utf8");
      const description = text.split("\n")[0]?.replace(/^#\s*/, "") ?? "";
      return { file, description, bytes: hex(text) };
    });
}
