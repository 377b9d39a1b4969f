// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 10 §3: 10,000 prepared INSERTs of (INTEGER, VARCHAR(40), DECIMAL(10,2)) in one
// transaction, by four clients against ONE emulator, in one run:
//   node-executeMany  informix-db conn.executeMany()        (BIND/EXECUTE groups by bytes)
//   node-per-row      informix-db prepared stmt.query() per row (one round trip each)
//   jdbc              IBM JDBC addBatch/executeBatch         (bench/e2e/batch/JdbcBatch.java)
//   python            informix-driver cursor.executemany()   (bench/e2e/batch/python_batch.py)
// The emulator runs in its own process, so every client is out of process and pays the
// same loopback TCP. Each client runs ROUNDS times, interleaved, each time into a new
// database, after one untimed warm-up of the emulator; the figure per client is its
// median rows/s, with the emulator's CPU per row over the client's run and, for the
// informix-db clients, their own CPU per row in the timed span (so the two sides of the
// time can be told apart). Prints one JSON line. BATCH_ROWS and BATCH_ROUNDS change the sizes.
// A client whose runtime is missing (no JDK or JDBC jars, no Python venv: run
// `node scripts/install-oracles.mjs`) is reported as skipped.

import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { connect } from "../../packages/driver/dist/src/index.js";

const ROWS = Number(process.env.BATCH_ROWS ?? 10_000);
const ROUNDS = Number(process.env.BATCH_ROUNDS ?? 3);
const root = fileURLToPath(new URL("../..", import.meta.url));
const jdbcLib = join(root, "conformance", "jdbc", "target", "lib");
const python = join(root, "conformance", "python", ".venv", "bin", "python");

const emulator = spawn(process.execPath, [join(root, "packages/emulator/bin/informix-emulator.js"), "--port", "0"], {
  stdio: ["ignore", "pipe", "inherit"],
});
const port = await new Promise((resolve, reject) => {
  let out = "";
  emulator.stdout.on("data", (chunk) => {
    out += chunk;
    const m = /listening on [^:\s]+:(\d+)/.exec(out);
    if (m) resolve(Number(m[1]));
  });
  emulator.once("exit", (code) => reject(new Error(`the emulator exited (${code})`)));
});
/** User + system CPU of the emulator process so far, in ms (Linux /proc; 0 elsewhere). */
function emulatorCpuMs() {
  try {
    const f = readFileSync(`/proc/${emulator.pid}/stat`, "utf8").split(") ")[1].split(" ");
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}
/** The informix-db client's own CPU in the timed span of its last run, in ms. */
let lastClientCpuMs = 0;
const host = "127.0.0.1";
const options = { host, port, user: "informix", password: "in4mix", server: "informix" };
const row = (i) => [i, `name ${i}`, { type: "DECIMAL", value: `${i}.25` }];

async function node(db, perRow) {
  const admin = await connect(options);
  await admin.query(`CREATE DATABASE ${db} WITH LOG`);
  await admin.query("CREATE TABLE bt (id INTEGER, name VARCHAR(40), amount DECIMAL(10,2))");
  await admin.close();
  const conn = await connect({ ...options, database: db });
  try {
    const rows = Array.from({ length: ROWS }, (_, i) => row(i));
    const started = performance.now();
    const cpu = process.cpuUsage();
    await conn.begin();
    if (perRow) {
      const stmt = await conn.prepare("INSERT INTO bt VALUES (?, ?, ?)");
      for (const r of rows) await stmt.query(r);
      await stmt.close();
    } else {
      const result = await conn.executeMany("INSERT INTO bt VALUES (?, ?, ?)", rows);
      if (result.rowCount !== ROWS) throw new Error(`executeMany counted ${result.rowCount}`);
    }
    await conn.commit();
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    lastClientCpuMs = (used.user + used.system) / 1000;
    const count = (await conn.query("SELECT COUNT(*) AS n FROM bt")).rows[0].n;
    if (Number(count) !== ROWS) throw new Error(`table has ${count} rows`);
    return ms;
  } finally {
    await conn.close();
  }
}

function external(command, args) {
  const r = spawnSync(command, args, { encoding: "utf8", timeout: 300_000 });
  if (r.status !== 0) throw new Error(`${command} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const line = r.stdout.split("\n").find((l) => l.startsWith("{"));
  return JSON.parse(line).ms;
}

const clients = {
  "node-executeMany": (db) => node(db, false),
  "node-per-row": (db) => node(db, true),
  jdbc: existsSync(jdbcLib)
    ? (db) =>
        external("java", [
          "-cp",
          `${jdbcLib}/*`,
          join(root, "bench/e2e/batch/JdbcBatch.java"),
          host,
          String(port),
          db,
          String(ROWS),
        ])
    : undefined,
  python: existsSync(python)
    ? (db) => external(python, [join(root, "bench/e2e/batch/python_batch.py"), host, String(port), db, String(ROWS)])
    : undefined,
};

const times = Object.fromEntries(Object.keys(clients).map((k) => [k, []]));
const emulatorCpu = Object.fromEntries(Object.keys(clients).map((k) => [k, []]));
const clientCpu = Object.fromEntries(Object.keys(clients).map((k) => [k, []]));
try {
  // Warm the emulator (PGlite's first statements are slow) before anything is timed.
  await node("bb_warmup", false);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, run] of Object.entries(clients)) {
      if (run === undefined) continue;
      const cpu = emulatorCpuMs();
      lastClientCpuMs = Number.NaN;
      times[name].push(await run(`bb_${name.replace(/-/g, "_").toLowerCase()}_${round}`));
      emulatorCpu[name].push(emulatorCpuMs() - cpu);
      clientCpu[name].push(lastClientCpuMs);
    }
  }
} finally {
  emulator.kill();
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const figures = {};
for (const [name, ms] of Object.entries(times)) {
  figures[name] =
    ms.length === 0
      ? { skipped: "runtime not installed (node scripts/install-oracles.mjs)" }
      : {
          rowsPerSec: Math.round((ROWS / median(ms)) * 1000),
          ms: ms.map((t) => Math.round(t)),
          // The emulator's CPU over the client's whole run (its CREATE DATABASE and TABLE included).
          emulatorCpuUsPerRow: Math.round((median(emulatorCpu[name]) * 1000) / ROWS),
          ...(Number.isNaN(clientCpu[name][0])
            ? {}
            : { clientCpuUsPerRow: +((median(clientCpu[name]) * 1000) / ROWS).toFixed(1) }),
        };
}
const ours = figures["node-executeMany"].rowsPerSec;
const jdbc = figures.jdbc.rowsPerSec;
console.log(
  JSON.stringify({
    bench: "batch-insert",
    node: process.version,
    rows: ROWS,
    rounds: ROUNDS,
    ...figures,
    ...(jdbc ? { executeManyVsJdbc: Math.round((ours / jdbc) * 100) / 100 } : {}),
  }),
);
