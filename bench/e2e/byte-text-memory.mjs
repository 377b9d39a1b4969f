// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 9: memory while a 20 MiB BYTE value is streamed in and read back. The emulator runs
// in a child process so each side is measured alone: every 50 ms both run a full GC and
// sample process.memoryUsage(), and report the peak of heapUsed + arrayBuffers (live
// memory: what the transfer needs, not garbage awaiting collection) above the figure
// just before the statement. The forced GCs slow the transfer, so its speed is timed in a
// separate pass without sampling. The inserted value comes from an async generator that makes 64 KiB
// chunks as they are asked for, so no copy of it exists anywhere but in the emulator's
// blobspace files. Reading it back, the driver necessarily holds the 20 MiB row value;
// the emulator still only a few chunks. Prints one JSON line.

import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";

const MIB = 1024 * 1024;
/** `--mib=N` changes the value size (default 20), to show the peaks do not grow with it. */
const SIZE = Number(process.argv.find((a) => a.startsWith("--mib="))?.slice(6) ?? 20) * MIB;
const CHUNK = 64 * 1024;

if (process.argv[2] === "--emulator") {
  const { startEmulator } = await import("../../packages/emulator/dist/src/index.js");
  const emulator = await startEmulator({ port: 0 });
  let base = 0;
  let peak = 0;
  const used = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  setInterval(() => {
    if (base === 0) return;
    globalThis.gc();
    peak = Math.max(peak, used() - base);
  }, 50).unref();
  process.on("message", async (m) => {
    if (m === "reset") {
      globalThis.gc?.();
      base = used();
      peak = 0;
      process.send({ reset: true });
    } else if (m === "report") process.send({ peak });
    else if (m === "stop") {
      await emulator.close();
      process.exit(0);
    }
  });
  process.send({ port: emulator.port });
} else {
  const child = fork(fileURLToPath(import.meta.url), ["--emulator"], { execArgv: ["--expose-gc"] });
  const ask = (m, key) =>
    new Promise((resolve) => {
      const on = (r) => {
        if (key in r) {
          child.off("message", on);
          resolve(r[key]);
        }
      };
      child.on("message", on);
      if (m !== undefined) child.send(m);
    });
  const port = await ask(undefined, "port");
  const { connect } = await import("../../packages/driver/dist/src/index.js");
  const conn = await connect({ host: "127.0.0.1", port, user: "informix", password: "in4mix", server: "informix" });
  await conn.query("CREATE DATABASE blobbench WITH LOG");
  await conn.selectDatabase("blobbench");
  await conn.query("CREATE TABLE t (id INTEGER, b BYTE IN blobspace1)");

  const used = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  /** Runs `fn` and returns its duration and this process's peak memory above the start. */
  async function measured(fn, sample) {
    globalThis.gc?.();
    if (sample) await ask("reset", "reset");
    const base = used();
    let peak = 0;
    const timer = setInterval(() => {
      if (!sample) return;
      globalThis.gc();
      peak = Math.max(peak, used() - base);
    }, 50);
    const started = performance.now();
    const result = await fn();
    const ms = performance.now() - started;
    clearInterval(timer);
    return { ms, driverPeak: peak, emulatorPeak: sample ? await ask("report", "peak") : 0, result };
  }
  async function* value() {
    for (let at = 0; at < SIZE; at += CHUNK) {
      const c = new Uint8Array(CHUNK);
      c.fill(at / CHUNK);
      yield c;
    }
  }
  const doInsert = (id) => () => conn.query("INSERT INTO t VALUES (?, ?)", [id, value()]);
  const doRead = (id) => async () => (await conn.query(`SELECT b FROM t WHERE id = ${id}`)).rows[0].b.length;
  const insertTime = await measured(doInsert(1), false);
  const readTime = await measured(doRead(1), false);
  const insert = await measured(doInsert(2), true);
  const read = await measured(doRead(2), true);
  await conn.close();
  child.send("stop");
  const mib = (n) => Math.round((n / MIB) * 100) / 100;
  console.log(
    JSON.stringify({
      bench: "e2e/byte-text-memory",
      valueMiB: SIZE / MIB,
      sourceChunkKiB: CHUNK / 1024,
      insert: {
        ms: Math.round(insertTime.ms),
        MiBPerSec: Math.round((SIZE / MIB / (insertTime.ms / 1000)) * 10) / 10,
        driverPeakMiB: mib(insert.driverPeak),
        emulatorPeakMiB: mib(insert.emulatorPeak),
      },
      fetch: {
        ms: Math.round(readTime.ms),
        MiBPerSec: Math.round((SIZE / MIB / (readTime.ms / 1000)) * 10) / 10,
        bytes: read.result,
        driverPeakMiB: mib(read.driverPeak),
        emulatorPeakMiB: mib(read.emulatorPeak),
      },
    }),
  );
}
