// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// informix-db side of bench/replay/replay-bench.mjs: one connection to the replay server,
// then the simple query and the 1,000-row select, each warmed up and then timed with
// process.cpuUsage() (user + system CPU of the whole process, GC threads included).
//   node bench/replay/node-client.mjs host port db simpleIterations rowsIterations
// Prints one JSON line.

import { connect } from "../../packages/driver/dist/src/index.js";
import { ROWS_SQL, SIMPLE_SQL } from "./queries.mjs";

const [host, port, database, simpleN, rowsN] = process.argv.slice(2);
const options = { host, port: Number(port), user: "informix", password: "in4mix", server: "informix", database };
// REPLAY_FETCH_SIZE: rows per fetch round trip (the driver's fetchSize; default 100).
if (process.env.REPLAY_FETCH_SIZE) options.fetchSize = Number(process.env.REPLAY_FETCH_SIZE);

// One connection per statement (the replay server's recordings are per connection).
async function measure(sql, iterations, expectRows) {
  const conn = await connect(options);
  const run = async () => {
    const r = await conn.query(sql);
    if (r.rows.length !== expectRows) throw new Error(`${sql}: ${r.rows.length} rows`);
  };
  for (let i = 0; i < Math.max(200, iterations / 2); i++) await run();
  globalThis.gc?.();
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < iterations; i++) await run();
  const used = process.cpuUsage(cpu);
  const wall = performance.now() - started;
  await conn.close();
  return {
    iterations,
    cpuUsPerQuery: (used.user + used.system) / iterations,
    wallUsPerQuery: (wall * 1000) / iterations,
  };
}

const simple = await measure(SIMPLE_SQL, Number(simpleN), 1);
const rows = await measure(ROWS_SQL, Number(rowsN), 1000);
process.stdout.write(`${JSON.stringify({ client: "informix-db", node: process.version, simple, rows })}\n`);
