// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// End to end over loopback TCP: the informix-db driver against the emulator, both in this
// process. Measures prepared INSERT round trips, a streamed scan of 16,000 rows of the
// tuple-decode bench's five column types, and the same scan through query() (all rows
// in memory). The emulator runs PostgreSQL (PGlite) in this process too, so these
// figures bound the driver from below; they are for comparing changes, not servers.
// Prints one JSON line.

import { connect } from "../../packages/driver/dist/src/index.js";
import { startEmulator } from "../../packages/emulator/dist/src/index.js";

const INSERTS = 2000;
const DOUBLINGS = 3;

const emulator = await startEmulator({ port: 0 });
const conn = await connect({
  host: emulator.host,
  port: emulator.port,
  user: "informix",
  password: "in4mix",
  server: "informix",
});
try {
  await conn.query("CREATE DATABASE benchdb");
  await conn.selectDatabase("benchdb");
  await conn.query(
    "CREATE TABLE t (id INTEGER, name VARCHAR(20), amount DECIMAL(10,2), day DATE, at DATETIME YEAR TO SECOND)",
  );
  const insert = await conn.prepare("INSERT INTO t VALUES (?, ?, ?, ?, ?)");
  let started = performance.now();
  for (let i = 0; i < INSERTS; i++) {
    await insert.query([
      i,
      `name ${i}`,
      { type: "DECIMAL", value: `${i}.25` },
      new Date(Date.UTC(2024, 0, 1 + (i % 365))),
      new Date(Date.UTC(2024, 5, 1, 12, 0, i % 60)),
    ]);
  }
  const insertMs = performance.now() - started;
  await insert.close();
  for (let d = 0; d < DOUBLINGS; d++) await conn.query("INSERT INTO t SELECT * FROM t");
  const total = INSERTS * 2 ** DOUBLINGS;

  started = performance.now();
  let streamed = 0;
  for await (const row of conn.stream("SELECT * FROM t", [], { fetchSize: 1000 })) if (row) streamed++;
  const streamMs = performance.now() - started;

  started = performance.now();
  const all = await conn.query("SELECT * FROM t");
  const queryMs = performance.now() - started;
  if (streamed !== total || all.rows.length !== total)
    throw new Error(`expected ${total} rows, got ${streamed} / ${all.rows.length}`);

  console.log(
    JSON.stringify({
      bench: "driver-emulator",
      node: process.version,
      preparedInsertsPerSec: Math.round((INSERTS / insertMs) * 1000),
      insertRoundTripUs: Math.round((insertMs / INSERTS) * 1000),
      rows: total,
      streamRowsPerSec: Math.round((total / streamMs) * 1000),
      queryRowsPerSec: Math.round((total / queryMs) * 1000),
      rssAfter: process.memoryUsage().rss,
    }),
  );
} finally {
  await conn.close();
  await emulator.close();
}
