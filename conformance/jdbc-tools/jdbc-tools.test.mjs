// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// jdbc-tools oracle: Java tools on IBM's Informix JDBC driver (a black box, used through
// java.sql only), run with their stock settings against the emulator. Each flow of
// conformance/jdbc-tools/src/main/java/tools/Main.java runs in its own JVM (killed with its
// process group on timeout) and is one node:test test. The runner is built by
// scripts/install-oracles.mjs (mvn package); this file builds nothing.
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { conformanceDir, describeRun, onPostgres, run, startTarget } from "../lib/harness.mjs";

const dir = join(conformanceDir, "jdbc-tools");
const classes = join(dir, "target", "classes");
const classpath = [classes, join(dir, "target", "lib", "*")].join(":");
const FLOW_TIMEOUT_MS = 90_000; // per flow, enforced inside the JVM
const JVM_TIMEOUT_MS = 150_000; // per JVM, enforced here (process group killed)

// The flows registered as tests. Main.FLOWS may hold more (a flow whose runner is written
// but that does not pass against the emulator yet; see conformance/README.md). `flyway`
// needs two write transactions open at once, which only the postgres engine runs.
const FLOWS = [
  "metadata_product",
  "metadata_tables_columns",
  "metadata_keys_indexes",
  "metadata_procedures_typeinfo",
  "liquibase",
  "hikari_spring",
  "hibernate",
  ...(onPostgres() ? ["flyway"] : []),
];

const built = existsSync(join(classes, "tools", "Main.class"));
let target;
let setupError = null;

before(
  async () => {
    if (!built) {
      setupError = `jdbc-tools runner not built (${classes}/tools/Main.class missing): run node scripts/install-oracles.mjs`;
      return;
    }
    target = await startTarget({ demo: false });
    if (target.error) setupError = `emulator did not start: ${target.error.stack ?? target.error}`;
  },
  { timeout: 120_000 },
);

after(async () => {
  await target?.close();
});

for (const name of FLOWS) {
  test(`jdbc-tools: ${name}`, { timeout: JVM_TIMEOUT_MS + 10_000 }, async () => {
    if (setupError) assert.fail(setupError);
    const r = await run(
      "java",
      [`-Dflow.timeoutMs=${FLOW_TIMEOUT_MS}`, "-cp", classpath, "tools.Main", target.host, String(target.port), name],
      { cwd: dir, timeoutMs: JVM_TIMEOUT_MS },
    );
    let result = null;
    for (const line of r.stdout.split("\n")) {
      if (!line.startsWith('{"flow"')) continue;
      try {
        result = JSON.parse(line);
      } catch {
        // a torn line (process killed mid-write): the flow counts as missing
      }
    }
    if (!result) assert.fail(`flow ${name} printed no result\n${describeRun(`java tools.Main ${name}`, r)}`);
    assert.ok(result.ok, `${name}: ${result.detail}\nvalues: ${JSON.stringify(result.values)}`);
  });
}
