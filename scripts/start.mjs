// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// `npm start`: the emulator with the stores_demo database, and a tour of it through the
// informix-db driver: connect, a query, a prepared insert with a SERIAL, a transaction
// rolled back, a streamed scan. Results are printed as tables. `--serve` keeps the
// emulator running afterwards (Ctrl-C stops it) and prints its address.

import { connect, InformixError, Param } from "../packages/driver/dist/src/index.js";
import { startEmulator } from "../packages/emulator/dist/src/index.js";

const serve = process.argv.includes("--serve");
const out = (text = "") => process.stdout.write(`${text}\n`);

/** A cell's text: CHAR padding trimmed, dates and numbers as Informix prints them. */
function cell(value) {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "string") return value.trimEnd();
  return String(value);
}

const NUMERIC = /^-?\d+(\.\d+)?$/;

/** Prints rows (objects) as an aligned table; numeric columns are right-aligned. */
function table(title, rows, columns = Object.keys(rows[0] ?? {})) {
  out(`\n${title}`);
  if (rows.length === 0) {
    out("  (no rows)");
    return;
  }
  const text = rows.map((r) => columns.map((c) => cell(r[c])));
  const right = columns.map((c) => rows.every((r) => r[c] === null || NUMERIC.test(cell(r[c]))));
  const widths = columns.map((c, i) => Math.max(c.length, ...text.map((t) => t[i].length)));
  const line = (cells) =>
    `  ${cells.map((s, i) => (right[i] ? s.padStart(widths[i]) : s.padEnd(widths[i]))).join("  ")}`;
  out(line(columns).trimEnd());
  out(`  ${widths.map((w) => "-".repeat(w)).join("  ")}`);
  for (const t of text) out(line(t).trimEnd());
}

async function tour(emulator) {
  const options = {
    host: emulator.host,
    port: emulator.port,
    server: emulator.serverName,
    user: "informix",
    password: "in4mix",
    database: "stores_demo",
  };
  const conn = await connect(options);
  try {
    await steps(conn);
  } finally {
    await conn.close();
  }
}

async function steps(conn) {
  const db = conn.databaseInfo;
  table("1. Connect", [
    { property: "server", value: conn.serverInfo.serverName },
    { property: "version", value: conn.serverInfo.version },
    { property: "database", value: db?.name },
    { property: "logging", value: db?.ansi ? "ANSI" : db?.logged ? "logged" : "not logged" },
    { property: "state", value: conn.state },
  ]);

  const customers = await conn.query(
    "SELECT FIRST 5 customer_num, fname, lname, company, city, state FROM customer WHERE customer_num >= ? ORDER BY customer_num",
    [101],
  );
  table("2. Query: the first five customers", customers.rows);

  const insert = await conn.prepare(
    "INSERT INTO customer (customer_num, fname, lname, company, city, state) VALUES (0, ?, ?, ?, ?, ?)",
  );
  const added = [];
  for (const [fname, lname, company, city, state] of [
    ["Ada", "Lovelace", "Analytical Engines", "London", Param.char("CA")],
    ["Grace", "Hopper", "Compilers Inc", "Arlington", Param.char("VA")],
  ]) {
    const r = await insert.query([fname, lname, company, city, state]);
    added.push({ insertId: r.insertId, rowCount: r.rowCount, fname, lname });
  }
  await insert.close();
  table(`3. Prepared insert with a SERIAL (${insert.paramCount} parameters, customer_num generated)`, added);

  const count = async (c) => (await c.query("SELECT COUNT(*) AS n FROM customer")).rows[0].n;
  const steps = [{ step: "before the transaction", customers: await count(conn) }];
  try {
    await conn.transaction(async (tx) => {
      const r = await tx.query("DELETE FROM customer WHERE customer_num = ?", [added[0].insertId]);
      steps.push({ step: `DELETE inside it (${r.rowCount} row)`, customers: await count(tx) });
      throw new Error("changed my mind");
    });
  } catch (error) {
    if (error instanceof InformixError) throw error;
    steps.push({ step: `rolled back ("${error.message}")`, customers: await count(conn) });
  }
  table("4. Transaction with rollback", steps);

  let scanned = 0;
  const totals = new Map();
  for await (const item of conn.stream(
    "SELECT o.customer_num, i.total_price FROM items i, orders o WHERE i.order_num = o.order_num",
    [],
    { fetchSize: 25 },
  )) {
    scanned++;
    const cents = BigInt(item.total_price.replace(".", ""));
    totals.set(item.customer_num, (totals.get(item.customer_num) ?? 0n) + cents);
  }
  const best = [...totals.entries()]
    .sort((a, b) => (b[1] > a[1] ? 1 : b[1] < a[1] ? -1 : a[0] - b[0]))
    .map(([customer_num, cents]) => ({
      customer_num,
      spent: `${cents / 100n}.${String(cents % 100n).padStart(2, "0")}`,
    }));
  table(`5. Streamed scan: ${scanned} items in batches of 25, spend per customer`, best);
}

/** `--serve` prefers Informix's usual port 9088 and takes a free one when it is in use. */
async function start() {
  if (serve) {
    try {
      return await startEmulator({ port: 9088, demo: true });
    } catch (error) {
      if (error?.code !== "EADDRINUSE") throw error;
    }
  }
  return startEmulator({ port: 0, demo: true });
}

const emulator = await start();
out(`informix-emulator listening on ${emulator.host}:${emulator.port} (stores_demo, INFORMIXSERVER=informix)`);
try {
  await tour(emulator);
} catch (error) {
  process.stderr.write(`tour failed: ${error?.stack ?? error}\n`);
  process.exitCode = 1;
}

if (serve && process.exitCode !== 1) {
  out(`\nserving on ${emulator.host}:${emulator.port} until Ctrl-C (user informix, password in4mix)`);
  const stop = async () => {
    await emulator.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
} else {
  await emulator.close();
}
