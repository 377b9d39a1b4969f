// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// informix-driver's OWN integration suite (the tests/ of its PyPI sdist, written against
// and passed on a real IDS 15.0.1) run unmodified against the emulator: one pytest run
// of `-m "integration and not benchmark"`, configured only through the environment
// variables its tests/conftest.py documents. Each pytest test becomes one node:test
// test. known-failures.tsv names the tests that wait for a capability another open
// issue builds; such a test is reported as todo with its owner, and one that passes
// while still listed fails, so the list can only shrink. A line whose owner starts with
// "client race:" names a test that depends on a race inside the Python client (evidence in
// conformance/README.md): it is reported as todo when it fails and passes when it passes.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { CREDENTIALS, conformanceDir, describeRun, run, startTarget } from "../lib/harness.mjs";
import { parseJunit } from "../lib/junit.mjs";

const here = join(conformanceDir, "python-suite");
const suiteDir = join(here, ".sdist", "informix_driver-2026.9.3");
const python = join(conformanceDir, "python", ".venv", "bin", "python");
const PYTEST_TIMEOUT_MS = 480_000; // the whole run; its process group is killed after it
const PER_TEST_TIMEOUT_S = 60; // pytest-timeout, per test
const UTF8_DATABASE = "ifx_utf8"; // IFX_UTF8_DATABASE: test_unicode's multibyte tests look for it
const pytestArgs = ["-m", "pytest", "-p", "no:cacheprovider", "-m", "integration and not benchmark", "tests"];

/** `tests/test_x.py::test_y[p]` from pytest's collection, `tests.test_x` + `test_y[p]` from JUnit. */
const idOf = (classname, name) => `${classname.replace(/^tests\./, "").replace(/\./g, "/")}.py::${name}`;

function readLedger() {
  const ledger = [];
  for (const line of readFileSync(join(here, "known-failures.tsv"), "utf8").split("\n")) {
    if (line.trim() === "" || line.startsWith("#")) continue;
    const [pattern, owner] = line.split("\t");
    assert.ok(owner?.trim(), `known-failures.tsv: "${line}" names no owner`);
    const re = new RegExp(
      `^${pattern
        .replace(/[.+?^${}()|\\]/g, "\\$&")
        .replace(/\[/g, "\\[")
        .replace(/\*/g, ".*")}$`,
    );
    // "client race:" owners are races inside the Python client itself, proven outside the emulator.
    ledger.push({ pattern, owner: owner.trim(), re, used: false, clientRace: owner.trim().startsWith("client race:") });
  }
  return ledger;
}

let collectError = null;
let ids = [];
if (!existsSync(python) || !existsSync(join(suiteDir, "tests", "conftest.py"))) {
  collectError = `informix-driver's sdist or the python venv is missing: run node scripts/install-oracles.mjs`;
} else {
  const r = spawnSync(python, [...pytestArgs, "--collect-only", "-q"], {
    cwd: suiteDir,
    encoding: "utf8",
    timeout: 120_000,
  });
  ids = (r.stdout ?? "")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.startsWith("tests/") && l.includes("::"))
    .map((l) => l.slice("tests/".length));
  if (r.status !== 0 || ids.length === 0)
    collectError = `pytest --collect-only failed (${r.status}):\n${r.stdout}\n${r.stderr}`;
}
const ledger = readLedger();

let target;
let setupError = null;
let runInfo = "";
let results = new Map();

before(
  async () => {
    if (collectError) return;
    target = await startTarget({ demo: false });
    if (target.error) {
      setupError = `emulator did not start: ${target.error.stack ?? target.error}`;
      return;
    }
    const env = {
      ...process.env,
      PYTHONDONTWRITEBYTECODE: "1",
      IFX_HOST: target.host,
      IFX_PORT: String(target.port),
      IFX_USER: CREDENTIALS.user,
      IFX_PASSWORD: CREDENTIALS.password,
      IFX_SERVER: CREDENTIALS.server,
      IFX_DATABASE: "sysmaster",
      IFX_UTF8_DATABASE: UTF8_DATABASE,
    };
    // A UTF-8 database made as the suite's docstring says: DB_LOCALE=en_US.utf8 in the login environment.
    const made = await run(
      python,
      [
        "-c",
        `import os, informix_db
c = informix_db.connect(host=os.environ["IFX_HOST"], port=int(os.environ["IFX_PORT"]), user=os.environ["IFX_USER"],
    password=os.environ["IFX_PASSWORD"], database=None, server=os.environ["IFX_SERVER"], autocommit=True,
    client_locale="en_US.utf8", env={"DB_LOCALE": "en_US.utf8"})
c.cursor().execute("CREATE DATABASE ${UTF8_DATABASE} WITH LOG")
c.close()`,
      ],
      { cwd: suiteDir, env, timeoutMs: 60_000 },
    );
    if (made.code !== 0) {
      setupError = describeRun("creating the UTF-8 database", made);
      return;
    }
    const tmp = mkdtempSync(join(tmpdir(), "ifx-python-suite-"));
    const xmlPath = join(tmp, "junit.xml");
    try {
      const args = [...pytestArgs, "-q", `--timeout=${PER_TEST_TIMEOUT_S}`, `--junitxml=${xmlPath}`];
      const r = await run(python, args, { cwd: suiteDir, timeoutMs: PYTEST_TIMEOUT_MS, env });
      // pytest exits 1 when some test failed: that is reported per test, not here.
      if (r.error || r.timedOut || (r.code !== 0 && r.code !== 1)) runInfo = describeRun("pytest", r);
      if (existsSync(xmlPath)) results = parseJunit(readFileSync(xmlPath, "utf8"), idOf);
      else runInfo ||= describeRun("pytest (no JUnit XML written)", r);
      const counts = {};
      for (const { outcome } of results.values()) counts[outcome] = (counts[outcome] ?? 0) + 1;
      console.log(`python-suite: ${ids.length} collected; pytest outcomes ${JSON.stringify(counts)}`);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  },
  { timeout: PYTEST_TIMEOUT_MS + 180_000 },
);

after(async () => {
  await target?.close();
});

if (collectError) {
  test("python-suite: collect informix-driver's integration suite", () => assert.fail(collectError));
}

for (const id of ids) {
  const known = ledger.find((entry) => entry.re.test(id));
  if (known) known.used = true;
  test(`python-suite: ${id}`, (t) => {
    if (setupError) assert.fail(setupError);
    const r = results.get(id);
    if (!r) assert.fail(`pytest reported nothing for ${id}\n${runInfo}`);
    if (known?.clientRace) {
      // A race inside the Python client (conformance/README.md has the evidence): either outcome is reported.
      if (r.outcome !== "passed") t.todo(`${known.owner} — pytest: ${r.outcome}`);
      return;
    }
    if (known) {
      assert.notEqual(r.outcome, "passed", `${id} passes now: remove "${known.pattern}" from known-failures.tsv`);
      t.todo(`${known.owner} — pytest: ${r.outcome}: ${r.message.split("\n")[0]}`);
      return;
    }
    assert.equal(r.outcome, "passed", `${id} ${r.outcome}:\n${r.message}`);
  });
}

test("python-suite: every known-failures.tsv line names a collected test", () => {
  if (collectError) return assert.fail(collectError);
  const stale = ledger.filter((entry) => !entry.used).map((entry) => entry.pattern);
  assert.deepEqual(stale, [], "these lines match no collected test: remove them");
});
