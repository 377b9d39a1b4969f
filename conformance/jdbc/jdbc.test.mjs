// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// JDBC oracle: IBM's Informix JDBC driver (a black box, used through its public API
// only) runs the scenarios of conformance/jdbc/src/main/java/Scenarios.java against the
// emulator. Each scenario is one node:test test. The runner is built by
// scripts/install-oracles.mjs (mvn package); this file builds nothing.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { conformanceDir, describeRun, run, startTarget } from "../lib/harness.mjs";
import { checkJdbcSmartLobs, writeDriverSmartLobs } from "./blob-clob-values.mjs";
import { checkJdbcRows, writeDriverRows } from "./blob-values.mjs";
import { checkJdbcLocaleRows, writeDriverLocaleRows } from "./locale-values.mjs";
import { checkJdbcUdtRows, writeDriverUdtRows } from "./udt-values.mjs";

const dir = join(conformanceDir, "jdbc");
const classes = join(dir, "target", "classes");
const classpath = [classes, join(dir, "target", "lib", "*")].join(":");
const SCENARIO_TIMEOUT_MS = 15_000; // per scenario, enforced inside the JVM
const GROUP_SIZE = 7; // scenarios per JVM run
const GROUP_TIMEOUT_MS = 120_000; // per JVM run, enforced here (process group killed)

// Kept in step with Scenarios.ALL; used when the runner is not built so that the count
// of (failing) tests stays the same.
const FALLBACK_SCENARIOS = [
  "connect_close",
  "bad_password",
  "wrong_server_name",
  "unknown_database",
  "ddl_all_types",
  "dml_types_roundtrip",
  "update_delete_counts",
  "resultset_metadata",
  "serial_values",
  "generated_keys",
  "transactions_commit_rollback",
  "transactions_savepoint",
  "ansi_database_implicit_transaction",
  "database_metadata",
  "select_first_skip",
  "error_syntax_201",
  "error_unknown_table_206",
  "error_unknown_column_217",
  "error_duplicate_unique_index_239",
  "error_duplicate_unique_constraint_268",
  "error_null_into_not_null_391",
  "error_divide_by_zero_1202",
  "updatable_resultset_current_of",
  "set_cursor_name_current_of",
  "byte_text_jdbc_write",
  "byte_text_driver_read",
  "smart_lob_jdbc_write",
  "smart_lob_driver_read",
  "smart_lob_blob_api",
  "callable_statement_spl",
  "callable_out_parameters",
  "udt_jdbc_write",
  "udt_driver_read",
  "merge_statement",
  "datetime_text",
  "locale_jdbc_write",
  "locale_driver_read",
];

const built = existsSync(join(classes, "Scenarios.class"));
let scenarios = FALLBACK_SCENARIOS;
if (built) {
  const list = spawnSync("java", ["-cp", classpath, "Scenarios", "--list"], { encoding: "utf8", timeout: 60_000 });
  const names = (list.stdout ?? "")
    .split("\n")
    .map((s) => s.trim())
    .filter(Boolean);
  if (list.status === 0 && names.length > 0) scenarios = names;
}

let target;
let setupError = null;
let driverLobError = null; // informix-db writing the BLOB/CLOB rows smart_lob_driver_read checks
let driverWriteError = null; // informix-db writing the rows byte_text_driver_read checks
let udtWriteError = null; // informix-db writing the rows udt_driver_read checks
let localeWriteError = null; // informix-db writing the texts locale_driver_read checks
const results = new Map(); // scenario -> parsed JSON line
const groupFailures = []; // describeRun() text of JVM runs that did not end cleanly

before(
  async () => {
    if (!built) {
      setupError = `JDBC runner not built (${classes}/Scenarios.class missing): run node scripts/install-oracles.mjs`;
      return;
    }
    target = await startTarget({ demo: false });
    if (target.error) {
      setupError = `emulator did not start: ${target.error.stack ?? target.error}`;
      return;
    }
    await writeDriverSmartLobs(target).catch((error) => {
      driverLobError = error;
    });
    await writeDriverRows(target).catch((error) => {
      driverWriteError = error;
    });
    await writeDriverUdtRows(target).catch((error) => {
      udtWriteError = error;
    });
    await writeDriverLocaleRows(target).catch((error) => {
      localeWriteError = error;
    });
    for (let i = 0; i < scenarios.length; i += GROUP_SIZE) {
      const group = scenarios.slice(i, i + GROUP_SIZE);
      const r = await run(
        "java",
        [
          `-Dscenario.timeoutMs=${SCENARIO_TIMEOUT_MS}`,
          "-cp",
          classpath,
          "Scenarios",
          target.host,
          String(target.port),
          ...group,
        ],
        { cwd: dir, timeoutMs: GROUP_TIMEOUT_MS },
      );
      for (const line of r.stdout.split("\n")) {
        if (!line.startsWith("{")) continue;
        try {
          const parsed = JSON.parse(line);
          if (typeof parsed.scenario === "string") results.set(parsed.scenario, parsed);
        } catch {
          // a torn line (process killed mid-write): the scenario then counts as missing
        }
      }
      if (r.error || r.timedOut || r.code !== 0)
        groupFailures.push(describeRun(`java Scenarios ${group.join(" ")}`, r));
    }
  },
  { timeout: GROUP_TIMEOUT_MS * Math.ceil(FALLBACK_SCENARIOS.length / GROUP_SIZE + 2) },
);

after(async () => {
  await target?.close();
});

for (const name of scenarios) {
  test(`jdbc: ${name}`, () => {
    if (setupError) assert.fail(setupError);
    if (name === "smart_lob_driver_read" && driverLobError)
      assert.fail(`informix-db could not write the BLOB/CLOB rows: ${driverLobError.stack ?? driverLobError}`);
    if (name === "byte_text_driver_read" && driverWriteError)
      assert.fail(`informix-db could not write the rows: ${driverWriteError.stack ?? driverWriteError}`);
    if (name === "udt_driver_read" && udtWriteError)
      assert.fail(`informix-db could not write the rows: ${udtWriteError.stack ?? udtWriteError}`);
    if (name === "locale_driver_read" && localeWriteError)
      assert.fail(`informix-db could not write the texts: ${localeWriteError.stack ?? localeWriteError}`);
    const r = results.get(name);
    if (!r) assert.fail(`scenario ${name} is missing from the runner's output\n${groupFailures.join("\n")}`);
    assert.ok(r.ok, `${name}: ${r.detail}\nvalues: ${JSON.stringify(r.values)}`);
  });
}

// Issue 9 item 2: the BLOB/CLOB rows IBM JDBC wrote (smart_lob_jdbc_write), read through informix-db.
test("jdbc → informix-db: BLOB/CLOB written by IBM JDBC read back exactly", async () => {
  if (setupError) assert.fail(setupError);
  const r = results.get("smart_lob_jdbc_write");
  if (!r?.ok) assert.fail(`smart_lob_jdbc_write did not run cleanly: ${r?.detail ?? "missing"}`);
  assert.deepEqual(await checkJdbcSmartLobs(target), []);
});

// Issue 9: the BYTE/TEXT rows IBM JDBC wrote (byte_text_jdbc_write), read through informix-db.
test("jdbc → informix-db: BYTE/TEXT written by IBM JDBC read back exactly", async () => {
  if (setupError) assert.fail(setupError);
  const r = results.get("byte_text_jdbc_write");
  if (!r?.ok) assert.fail(`byte_text_jdbc_write did not run cleanly: ${r?.detail ?? "missing"}`);
  assert.deepEqual(await checkJdbcRows(target), []);
});

// Issue 9: the named ROW, DISTINCT and BSON rows IBM JDBC wrote (udt_jdbc_write), read through informix-db.
test("jdbc → informix-db: named ROW, DISTINCT and BSON values written by IBM JDBC read back exactly", async () => {
  if (setupError) assert.fail(setupError);
  const r = results.get("udt_jdbc_write");
  if (!r?.ok) assert.fail(`udt_jdbc_write did not run cleanly: ${r?.detail ?? "missing"}`);
  assert.deepEqual(await checkJdbcUdtRows(target), []);
});

// Issue 10 item 4: the texts IBM JDBC wrote in five locales (locale_jdbc_write), read through informix-db.
test("jdbc → informix-db: texts written by IBM JDBC in five locales read back exactly", async () => {
  if (setupError) assert.fail(setupError);
  const r = results.get("locale_jdbc_write");
  if (!r?.ok) assert.fail(`locale_jdbc_write did not run cleanly: ${r?.detail ?? "missing"}`);
  assert.deepEqual(await checkJdbcLocaleRows(target), []);
});
