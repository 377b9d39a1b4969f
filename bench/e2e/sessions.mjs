// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 8 §5: the emulator's CPU per statement, and many sessions at once. Starts the
// emulator CLI in a child process (`--engine` from argv[2], default pglite; a postgres://
// URL or "postgres" works too) so that its CPU, read from /proc (Linux only), is the
// emulator's alone, and prints one JSON line:
//   - emulator CPU per statement: an ad-hoc SELECT whose text changes every time (nothing
//     cached anywhere), the same ad-hoc text repeated (the driver's statement cache), and a
//     prepared SELECT with a parameter;
//   - sessions 1, 4, 16 and 64 (argv[3], comma-separated) each running, for `seconds`
//     (argv[4], default 3), a mixed read/write loop on rows no other session touches
//     (UPDATE one of its rows, SELECT it back, autocommit in a logged database):
//     operations/s, emulator CPU per operation and lock errors.

import { connect, InformixError } from "../../packages/driver/dist/src/index.js";
import { startEmulatorProcess } from "./emulator-process.mjs";

const engine = process.argv[2] ?? "pglite";
const levels = (process.argv[3] ?? "1,4,16,64").split(",").map(Number);
const seconds = Number(process.argv[4] ?? 3);
const ROWS_PER_SESSION = 20;
/** SQLCODEs of a lock conflict (the statement's) and ISAM codes of lock waits and deadlocks. */
const LOCK_SQLCODES = new Set([-240, -244, -271, -346]);

const emulator = await startEmulatorProcess(engine);
const { port } = emulator;
const cpuMs = () => emulator.cpuMs();
const options = { host: "127.0.0.1", port, user: "informix", password: "in4mix", server: "informix" };

/** Emulator CPU µs per call of `fn` over `n` calls (after a warm-up of n/10). */
async function cpuPerCall(n, fn) {
  for (let i = 0; i < n / 10; i++) await fn(i);
  const cpu0 = cpuMs();
  for (let i = 0; i < n; i++) await fn(i);
  return Number((((cpuMs() - cpu0) * 1000) / n).toFixed(1));
}

const admin = await connect(options);
const result = { bench: "sessions", engine };
try {
  await admin.query("CREATE DATABASE sessbench WITH LOG");
  await admin.selectDatabase("sessbench");
  const maxSessions = Math.max(...levels);
  await admin.query("CREATE TABLE w (id INTEGER PRIMARY KEY, v INTEGER, s VARCHAR(20))");
  const ins = await admin.prepare("INSERT INTO w VALUES (?, 0, ?)");
  for (let i = 0; i < maxSessions * ROWS_PER_SESSION; i++) await ins.query([i, `row ${i}`]);
  await ins.close();

  result.adHocDistinctCpuUs = await cpuPerCall(2000, (i) => admin.query(`SELECT v + ${i} FROM w WHERE id = 1`));
  result.adHocRepeatedCpuUs = await cpuPerCall(2000, () => admin.query("SELECT v FROM w WHERE id = 1"));
  const byId = await admin.prepare("SELECT v, s FROM w WHERE id = ?");
  result.preparedCpuUs = await cpuPerCall(2000, (i) => byId.query([i % 100]));
  await byId.close();

  result.sessions = [];
  for (const n of levels) {
    const conns = await Promise.all(Array.from({ length: n }, () => connect({ ...options, database: "sessbench" })));
    let ops = 0;
    let lockErrors = 0;
    let otherErrors = 0;
    const until = performance.now() + seconds * 1000;
    const cpu0 = cpuMs();
    const started = performance.now();
    await Promise.all(
      conns.map(async (conn, k) => {
        for (let i = 0; performance.now() < until; i++) {
          const id = k * ROWS_PER_SESSION + (i % ROWS_PER_SESSION);
          try {
            await conn.query("UPDATE w SET v = v + 1 WHERE id = ?", [id]);
            await conn.query("SELECT v, s FROM w WHERE id = ?", [id]);
            ops++;
          } catch (e) {
            if (e instanceof InformixError && LOCK_SQLCODES.has(e.sqlcode)) lockErrors++;
            else otherErrors++;
          }
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    result.sessions.push({
      sessions: n,
      opsPerSec: Math.round(ops / elapsed),
      cpuUsPerOp: ops === 0 ? null : Number((((cpuMs() - cpu0) * 1000) / ops).toFixed(1)),
      lockErrors,
      otherErrors,
    });
    await Promise.all(conns.map((c) => c.close()));
  }
  console.log(JSON.stringify(result));
} finally {
  await admin.close();
  emulator.stop();
}
