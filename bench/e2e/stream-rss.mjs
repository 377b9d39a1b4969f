// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 8 §2/§5: streams N rows (default 1,000,000; argv[2]) through the driver from an
// emulator running in a child process (`--engine` from argv[3], default pglite) and prints
// rows/s, the emulator's CPU per row and its RSS growth (from /proc, sampled during the
// stream). Also times a 1,000-row select. Prints one JSON line. Linux only (reads /proc).

import { connect } from "../../packages/driver/dist/src/index.js";
import { startEmulatorProcess } from "./emulator-process.mjs";

const N = Number(process.argv[2] ?? 1_000_000);
const engine = process.argv[3] ?? "pglite";
const emulator = await startEmulatorProcess(engine);
const { port } = emulator;
const cpuMs = () => emulator.cpuMs();
const rssMb = () => emulator.rssMb();
const conn = await connect({ host: "127.0.0.1", port, user: "informix", password: "in4mix", server: "informix" });
try {
  await conn.query("CREATE DATABASE streambench");
  await conn.selectDatabase("streambench");
  await conn.query("CREATE TABLE t (id INTEGER, name VARCHAR(20))");
  const ins = await conn.prepare("INSERT INTO t VALUES (?, ?)");
  for (let i = 0; i < 1000; i++) await ins.query([i, `name ${i}`]);
  await ins.close();
  // Five untimed selects first: the figure is the warm path, not the JIT's first compilations.
  for (let k = 0; k < 5; k++) await conn.query("SELECT * FROM t");
  let started = performance.now();
  let cpu0 = cpuMs();
  for (let k = 0; k < 20; k++) await conn.query("SELECT * FROM t");
  const selectMs = (performance.now() - started) / 20;
  const selectCpuUsPerRow = ((cpuMs() - cpu0) * 1000) / 20000;
  const copies = Math.ceil(N / 1000);
  await conn.query(`CREATE TABLE n (k INTEGER)`);
  const insn = await conn.prepare("INSERT INTO n VALUES (?)");
  for (let i = 0; i < copies; i++) await insn.query([i]);
  await insn.close();
  const rss0 = rssMb();
  let peak = rss0;
  const timer = setInterval(() => {
    peak = Math.max(peak, rssMb());
  }, 100);
  started = performance.now();
  cpu0 = cpuMs();
  let rows = 0;
  for await (const row of conn.stream("SELECT t.id, t.name, n.k FROM n, t", [], { fetchSize: 1000 })) if (row) rows++;
  const ms = performance.now() - started;
  const cpu = cpuMs() - cpu0;
  clearInterval(timer);
  peak = Math.max(peak, rssMb());
  console.log(
    JSON.stringify({
      bench: "stream-rss",
      engine,
      select1000Ms: Number(selectMs.toFixed(2)),
      select1000CpuUsPerRow: Number(selectCpuUsPerRow.toFixed(2)),
      streamRows: rows,
      streamRowsPerSec: Math.round(rows / (ms / 1000)),
      streamCpuUsPerRow: Number(((cpu * 1000) / rows).toFixed(2)),
      emulatorRssBeforeMb: Math.round(rss0),
      emulatorRssGrowthMb: Math.round(peak - rss0),
    }),
  );
} finally {
  await conn.close();
  emulator.stop();
}
