// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 11: client CPU per simple query and per row, informix-db against IBM JDBC, both
// talking to the record-and-replay server (replay-server.mjs, its own process), so the
// server side costs next to nothing and the figures are the clients' own work:
//   simple  SELECT id, name, amount FROM rt WHERE id = 1   (ad hoc, one row)
//   rows    SELECT id, name, amount FROM rt                (1,000 rows, every column read)
// Each client runs in its own process, warms up, then is timed by its process CPU. The
// per-row cost is (rows − simple) / 1,000. Prints one JSON line with the ratios
// (informix-db / JDBC; the targets are ≤ 0.67 per query and ≤ 0.5 per row).
// REPLAY_SIMPLE and REPLAY_ROWS change the iteration counts; REPLAY_JDBC=0 runs informix-db alone. JDBC needs its jars
// (`node scripts/install-oracles.mjs`); without them it is reported as skipped.

import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { connect } from "../../packages/driver/dist/src/index.js";
import { ROW_COUNT, TABLE_DDL } from "./queries.mjs";

const SIMPLE = Number(process.env.REPLAY_SIMPLE ?? 10_000);
const ROWS = Number(process.env.REPLAY_ROWS ?? 300);
const root = fileURLToPath(new URL("../..", import.meta.url));
const here = join(root, "bench", "replay");

function jdbcClasspath() {
  const lib = join(root, "conformance", "jdbc", "target", "lib");
  if (existsSync(lib)) return `${lib}/*`;
  const m2 = join(homedir(), ".m2", "repository");
  const jars = [];
  for (const [dir, name] of [
    ["com/ibm/informix/jdbc", "jdbc"],
    ["org/mongodb/bson", "bson"],
  ]) {
    const base = join(m2, dir);
    if (!existsSync(base)) continue;
    for (const v of readdirSync(base)) {
      const jar = join(base, v, `${name}-${v}.jar`);
      if (existsSync(jar)) jars.push(jar);
    }
  }
  return jars.some((j) => j.includes("informix")) ? jars.join(":") : undefined;
}

const server = spawn(process.execPath, [join(here, "replay-server.mjs")], { stdio: ["ignore", "pipe", "inherit"] });
let serverOut = "";
const [port, emulatorPort] = await new Promise((resolve, reject) => {
  server.stdout.on("data", (chunk) => {
    serverOut += chunk;
    const m = /replay listening on [^:\s]+:(\d+) emulator (\d+)/.exec(serverOut);
    if (m) resolve([Number(m[1]), Number(m[2])]);
  });
  server.once("exit", (code) => reject(new Error(`the replay server exited (${code})`)));
});

const host = "127.0.0.1";
const db = "replaydb";
const setup = await connect({ host, port: emulatorPort, user: "informix", password: "in4mix", server: "informix" });
await setup.query(`CREATE DATABASE ${db}`);
await setup.query(`DATABASE ${db}`);
await setup.query(TABLE_DDL);
await setup.executeMany(
  "INSERT INTO rt VALUES (?, ?, ?)",
  Array.from({ length: ROW_COUNT }, (_, i) => [i + 1, `name ${i + 1}`, { type: "DECIMAL", value: `${i + 1}.25` }]),
);
await setup.close();

function client(command, args) {
  const r = spawnSync(command, args, { encoding: "utf8", timeout: 600_000 });
  if (r.status !== 0) throw new Error(`${command} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  return JSON.parse(r.stdout.split("\n").find((l) => l.startsWith("{")));
}

// e.g. REPLAY_NODE_FLAGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the informix-db client.
const nodeFlags = (process.env.REPLAY_NODE_FLAGS ?? "").split(" ").filter(Boolean);
const args = [host, String(port), db, String(SIMPLE), String(ROWS)];
const results = {};
try {
  results.node = client(process.execPath, ["--expose-gc", ...nodeFlags, join(here, "node-client.mjs"), ...args]);
  const cp = process.env.REPLAY_JDBC === "0" ? undefined : jdbcClasspath();
  results.jdbc =
    cp === undefined
      ? { skipped: process.env.REPLAY_JDBC === "0" ? "REPLAY_JDBC=0" : "no JDBC jars" }
      : client("java", ["-cp", cp, join(here, "JdbcReplay.java"), ...args]);
} finally {
  server.kill("SIGTERM");
}
await new Promise((resolve) => server.once("exit", resolve));
const counts = JSON.parse(serverOut.split("\n").find((l) => l.startsWith("{")) ?? "{}");

const perRow = (r) => (r.rows.cpuUsPerQuery - r.simple.cpuUsPerQuery) / ROW_COUNT;
const summary = { date: new Date().toISOString(), replay: counts };
for (const [name, r] of Object.entries(results)) {
  if (r.skipped) summary[name] = r;
  else
    summary[name] = {
      cpuUsPerSimpleQuery: +r.simple.cpuUsPerQuery.toFixed(1),
      wallUsPerSimpleQuery: +r.simple.wallUsPerQuery.toFixed(1),
      cpuUsPer1000RowSelect: +r.rows.cpuUsPerQuery.toFixed(0),
      cpuNsPerRow: +(perRow(r) * 1000).toFixed(0),
      ...(r.simple.threadCpuUsPerQuery === undefined
        ? {}
        : { mainThreadCpuUsPerSimpleQuery: +r.simple.threadCpuUsPerQuery.toFixed(1) }),
    };
}
if (!results.jdbc.skipped) {
  summary.ratioPerQuery = +(results.node.simple.cpuUsPerQuery / results.jdbc.simple.cpuUsPerQuery).toFixed(2);
  summary.ratioPerRow = +(perRow(results.node) / perRow(results.jdbc)).toFixed(2);
}
process.stdout.write(`${JSON.stringify(summary)}\n`);
