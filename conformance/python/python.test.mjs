// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Python oracle: the informix-db driver (PyPI informix-driver, MIT) runs the pytest
// scenarios of conformance/python/scenarios against the emulator, in the venv that
// scripts/install-oracles.mjs made. Each pytest test is one node:test test.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { conformanceDir, describeRun, run, startTarget } from "../lib/harness.mjs";
import { parseJunit } from "../lib/junit.mjs";

const dir = join(conformanceDir, "python");
const python = join(dir, ".venv", "bin", "python");
const PYTEST_TIMEOUT_MS = 300_000; // whole pytest run, process group killed after it
const PER_TEST_TIMEOUT_S = 30; // pytest-timeout, per scenario

// Kept in step with scenarios/test_scenarios.py; used only when collection is impossible
// (venv missing) so that the count of (failing) tests stays the same.
const FALLBACK_TESTS = [
  "test_connect_close",
  "test_bad_password",
  "test_wrong_server_name",
  "test_unknown_database",
  "test_ddl_all_types",
  "test_dml_types_roundtrip",
  "test_update_delete_counts",
  "test_cursor_description",
  "test_serial_values",
  "test_transactions_commit_rollback",
  "test_transactions_savepoint",
  "test_ansi_database_implicit_transaction",
  "test_select_first_skip",
  "test_error_syntax_201",
  "test_error_unknown_table_206",
  "test_error_unknown_column_217",
  "test_error_duplicate_unique_index_239",
  "test_error_duplicate_unique_constraint_268",
  "test_error_null_into_not_null_391",
  "test_error_divide_by_zero_1202",
];

const pytestBase = ["-m", "pytest", "-p", "no:cacheprovider", "--tb=short", "scenarios"];
const venvReady = existsSync(python);
let collectError = null;
let tests = FALLBACK_TESTS;
if (venvReady) {
  const r = spawnSync(python, [...pytestBase, "--collect-only", "-q"], { cwd: dir, encoding: "utf8", timeout: 60_000 });
  const names = (r.stdout ?? "")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.includes("::"))
    .map((l) => l.split("::").pop());
  if (r.status === 0 && names.length > 0) tests = names;
  else collectError = `pytest --collect-only failed (status ${r.status}):\n${r.stdout}\n${r.stderr}`;
}

let target;
let setupError = null;
let runInfo = "";
let results = new Map();

before(
  async () => {
    if (!venvReady) {
      setupError = `python venv missing (${python}): run node scripts/install-oracles.mjs`;
      return;
    }
    if (collectError) {
      setupError = collectError;
      return;
    }
    target = await startTarget({ demo: false });
    if (target.error) {
      setupError = `emulator did not start: ${target.error.stack ?? target.error}`;
      return;
    }
    const tmp = mkdtempSync(join(tmpdir(), "ifx-python-oracle-"));
    const xmlPath = join(tmp, "junit.xml");
    try {
      const r = await run(
        python,
        [...pytestBase, "-q", `--timeout=${PER_TEST_TIMEOUT_S}`, `--junitxml=${xmlPath}`, "-o", "junit_family=xunit1"],
        {
          cwd: dir,
          timeoutMs: PYTEST_TIMEOUT_MS,
          env: { ...process.env, IFX_HOST: target.host, IFX_PORT: String(target.port), PYTHONDONTWRITEBYTECODE: "1" },
        },
      );
      // pytest exits 1 when some test failed: that is reported per test, not here.
      if (r.error || r.timedOut || (r.code !== 0 && r.code !== 1)) runInfo = describeRun("pytest", r);
      if (existsSync(xmlPath)) results = parseJunit(readFileSync(xmlPath, "utf8"));
      else runInfo ||= describeRun("pytest (no JUnit XML written)", r);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  },
  { timeout: PYTEST_TIMEOUT_MS + 120_000 },
);

after(async () => {
  await target?.close();
});

for (const name of tests) {
  test(`python: ${name.replace(/^test_/, "")}`, () => {
    if (setupError) assert.fail(setupError);
    const r = results.get(name);
    if (!r) assert.fail(`pytest reported nothing for ${name}\n${runInfo}`);
    if (r.outcome === "skipped") assert.fail(`${name} was skipped: ${r.message}`);
    assert.equal(r.outcome, "passed", `${name} ${r.outcome}:\n${r.message}\nvalues: ${JSON.stringify(r.properties)}`);
  });
}
