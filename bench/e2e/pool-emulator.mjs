// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The pool (issue 11) against the emulator, both in this process. Two figures:
// - acquire/release pairs on an idle pool (no query: the pool's own cost per loan, LIFO
//   reuse, no validation round trip because the connection was just used);
// - pool.query() from 16 concurrent callers on max 4 (waiters FIFO), queries per second.
// The emulator runs PGlite in this process, so the second figure bounds the driver from
// below; use it to compare changes. Prints one JSON line.

import { createPool } from "../../packages/driver/dist/src/index.js";
import { startEmulator } from "../../packages/emulator/dist/src/index.js";

const seconds = Number(/--seconds=(\d+(?:\.\d+)?)/.exec(process.argv.join(" "))?.[1] ?? 2);
const emulator = await startEmulator({ port: 0 });
const pool = createPool({
  host: emulator.host,
  port: emulator.port,
  user: "informix",
  password: "in4mix",
  server: "informix",
  database: "sysmaster",
  max: 4,
});
try {
  const warm = await pool.acquire();
  await pool.release(warm);

  let pairs = 0;
  const cpu0 = process.cpuUsage();
  let started = performance.now();
  while (performance.now() - started < seconds * 1000) {
    for (let i = 0; i < 1000; i++) {
      const conn = await pool.acquire();
      await pool.release(conn);
    }
    pairs += 1000;
  }
  const pairMs = performance.now() - started;
  const cpu = process.cpuUsage(cpu0);

  let queries = 0;
  const deadline = performance.now() + seconds * 1000;
  started = performance.now();
  const worker = async () => {
    while (performance.now() < deadline) {
      await pool.query("SELECT tabid FROM systables WHERE tabid = ?", [1]);
      queries++;
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  const queryMs = performance.now() - started;
  const stats = pool.stats();
  if (stats.size > 4) throw new Error(`pool exceeded max: ${stats.size}`);

  console.log(
    JSON.stringify({
      bench: "pool-emulator",
      node: process.version,
      acquireReleasePairs: pairs,
      usPerAcquireRelease: Number(((pairMs * 1000) / pairs).toFixed(2)),
      cpuUsPerAcquireRelease: Number(((cpu.user + cpu.system) / pairs).toFixed(2)),
      concurrentCallers: 16,
      max: 4,
      queriesPerSec: Math.round(queries / (queryMs / 1000)),
      peakSize: stats.size,
      acquired: stats.acquired,
    }),
  );
} finally {
  await pool.close();
  await emulator.close();
}
