// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Records what real Informix clients and the emulator said to each other, byte for
// byte, into fixtures/transcripts/*.json. The protocol package's tests replay them
// (decode every byte in both directions, re-encode identically). Run after
// `npm run build` and `node scripts/install-oracles.mjs`:
//   node scripts/record-transcripts.mjs
import { execFile } from "node:child_process";
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startEmulator } from "../packages/emulator/dist/src/index.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const out = join(root, "fixtures", "transcripts");
const hex = (b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString("hex");

/** Runs `run(port)` against a fresh emulator and returns each session's exchanges. */
async function record(demo, run) {
  const sessions = new Map();
  const trace = (session, direction, what, bytes) => {
    // Client bytes arrive as raw chunks ("bytes"); server groups carry their encoding.
    if (!bytes || (direction === "c>s" && what?.kind !== "bytes")) return;
    const list = sessions.get(session) ?? [];
    const last = list[list.length - 1];
    if (last && last.dir === direction) last.hex += hex(bytes);
    else list.push({ dir: direction, hex: hex(bytes) });
    sessions.set(session, list);
  };
  const emulator = await startEmulator({ port: 0, demo, trace });
  try {
    await run(emulator.port);
  } finally {
    await emulator.close();
  }
  return [...sessions.values()];
}

function save(name, client, description, sessions) {
  const file = join(out, `${name}.json`);
  const body = { description, client, recorded: new Date().toISOString().slice(0, 10), sessions };
  writeFileSync(file, `${JSON.stringify(body, null, 1)}\n`);
  process.stdout.write(`${file}: ${sessions.length} session(s)\n`);
}

/** Runs a client program to completion; the emulator serves it from this process meanwhile. */
function must(command, args, what) {
  return new Promise((resolve, reject) => {
    execFile(command, args, { encoding: "utf8", timeout: 120_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${what} failed: ${error.message}\n${stdout}${stderr}`));
      else resolve({ stdout, stderr });
    });
  });
}

const lib = join(root, "conformance", "jdbc", "target", "lib");
const classpath = [
  join(root, "conformance", "jdbc", "target", "classes"),
  ...readdirSync(lib).map((j) => join(lib, j)),
].join(":");
for (const scenario of ["connect_close", "dml_types_roundtrip", "transactions_savepoint", "database_metadata"]) {
  const sessions = await record(false, async (port) => {
    const r = await must("java", ["-cp", classpath, "Scenarios", "127.0.0.1", String(port), scenario], scenario);
    if (!r.stdout.includes('"ok": true')) throw new Error(`${scenario}: ${r.stdout}`);
  });
  save(
    `jdbc-${scenario.replace(/_/g, "-")}`,
    "IBM JDBC 15.0.0.1.1",
    `JDBC scenario ${scenario} (conformance/jdbc)`,
    sessions,
  );
}

const python = join(root, "conformance", "python", ".venv", "bin", "python");
const pySessions = await record(true, async (port) => {
  const code = `
import informix_db
c = informix_db.connect(host="127.0.0.1", port=${port}, user="informix", password="in4mix", database="stores_demo", server="informix")
cur = c.cursor()
cur.execute("SELECT FIRST 3 customer_num, fname, lname, phone FROM customer WHERE state = ? ORDER BY 1", ("CA",))
assert len(cur.fetchall()) == 3
cur.execute("SELECT order_num, order_date, ship_weight, ship_charge FROM orders WHERE order_num < ?", (1004,))
cur.fetchall()
c.close()
`;
  await must(python, ["-c", code], "python session");
});
save(
  "python-demo-queries",
  "informix-driver 2026.9.3",
  "Python driver: parameterised SELECTs on stores_demo",
  pySessions,
);

const nmapSessions = await record(true, async (port) => {
  const args = ["-sT", "-Pn", "-n", "-p", String(port), "127.0.0.1", "--script", "+informix-tables"];
  args.push("--script-args", "informix-tables.username=informix,informix-tables.password=in4mix");
  const r = await must("nmap", args, "nmap");
  if (!r.stdout.includes("customer_num")) throw new Error(`nmap did not list stores_demo: ${r.stdout}`);
});
save(
  "nmap-informix-tables",
  "nmap 7.93",
  "nmap informix-tables: -761 auto-detection, DBLIST, DBOPEN, catalogue query",
  nmapSessions,
);
