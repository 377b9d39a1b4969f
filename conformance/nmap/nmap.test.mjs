// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// nmap oracle: nmap's own Informix client (nselib/informix.lua, used by the NSE scripts
// informix-query and informix-tables) talks to the emulator started with the demo
// database. Only 127.0.0.1 and only the emulator's port are ever scanned.
//
// The scripts' portrule only fires on ports 1526/9088/9090/9092, so they are forced
// onto the emulator's random port with nmap's "+script" prefix.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { after, before, test } from "node:test";
import { CREDENTIALS, describeRun, run, startTarget } from "../lib/harness.mjs";

const NMAP_TIMEOUT_MS = 120_000;
const haveNmap = spawnSync("sh", ["-c", "command -v nmap"], { encoding: "utf8" }).status === 0;

let target;
let setupError = null;

before(async () => {
  if (!haveNmap) {
    setupError = "nmap is not installed: run node scripts/install-oracles.mjs (as root on Debian)";
    return;
  }
  target = await startTarget({ demo: true });
  if (target.error) setupError = `emulator did not start: ${target.error.stack ?? target.error}`;
});

after(async () => {
  await target?.close();
});

/** Runs one NSE script against the emulator's port only; returns { output, r }. */
async function nmap(script, args, { debug = false } = {}) {
  if (setupError) assert.fail(setupError);
  assert.equal(target.host, "127.0.0.1", "the nmap oracle only scans 127.0.0.1");
  const argv = [
    "-n",
    "-Pn",
    "-sT",
    "-p",
    String(target.port),
    ...(debug ? ["-d"] : []),
    "--script",
    `+${script}`,
    "--script-args",
    Object.entries(args)
      .map(([k, v]) => (/^[\w.-]+$/.test(v) ? `${k}=${v}` : `${k}="${v}"`))
      .join(","),
    "127.0.0.1",
  ];
  const r = await run("nmap", argv, { timeoutMs: NMAP_TIMEOUT_MS });
  if (r.error || r.timedOut || r.code !== 0) assert.fail(describeRun(`nmap ${argv.join(" ")}`, r));
  return { output: r.stdout, r };
}

function expectAll(output, needles, what) {
  for (const needle of needles) {
    assert.ok(
      output.includes(needle),
      `${what}: output lacks ${JSON.stringify(needle)}\n--- nmap output ---\n${output}`,
    );
  }
}

const login = {
  "informix-query.username": CREDENTIALS.user,
  "informix-query.password": CREDENTIALS.password,
};

test("nmap: informix-query default query (hostname, version) on sysmaster", async () => {
  const { output } = await nmap("informix-query", { ...login, "informix-info.instance": CREDENTIALS.server });
  expectAll(
    output,
    ["| informix-query:", "User: informix", "Database: sysmaster", "Results", "hostname", "version"],
    "informix-query",
  );
});

test("nmap: informix-query custom query", async () => {
  const { output } = await nmap("informix-query", {
    ...login,
    "informix-info.instance": CREDENTIALS.server,
    "informix-query.query": "SELECT tabname FROM systables WHERE tabid = 1",
  });
  expectAll(output, ["| informix-query:", "Results", "tabname", "systables"], "informix-query custom query");
});

test("nmap: informix-query instance auto-detection (-761 then retry with the server's name)", async () => {
  // No instance given: nselib/informix.lua logs in as "nmap_probe", expects a -761
  // rejection carrying the real DBSERVERNAME, and reconnects with it.
  const { output } = await nmap("informix-query", login);
  expectAll(output, ["| informix-query:", "Database: sysmaster", "Results"], "informix-query auto instance");
});

test("nmap: informix-query bad password is rejected with -951's message", async () => {
  const { output } = await nmap(
    "informix-query",
    {
      "informix-query.username": CREDENTIALS.user,
      "informix-query.password": "not-the-password",
      "informix-info.instance": CREDENTIALS.server,
    },
    { debug: true },
  );
  expectAll(output, ["Incorrect password or user is not known on the database server"], "informix-query bad password");
  assert.ok(!output.includes("Results"), `bad password still returned results\n${output}`);
});

test("nmap: informix-tables lists the stores_demo tables and columns", async () => {
  const { output } = await nmap("informix-tables", {
    "informix-tables.username": CREDENTIALS.user,
    "informix-tables.password": CREDENTIALS.password,
  });
  expectAll(
    output,
    ["| informix-tables:", "Database: stores_demo", "Results", "customer", "customer_num", "orders", "order_num"],
    "informix-tables",
  );
});
