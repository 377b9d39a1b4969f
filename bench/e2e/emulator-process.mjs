// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The emulator CLI in a child process, for benchmarks that measure the emulator alone: its
// port once it listens, and its CPU time and RSS read from /proc (Linux only).

import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";

/**
 * Starts `informix-emulator --port 0 --engine <engine>`; resolves once it listens.
 * `EMULATOR_NODE_FLAGS` (space-separated) go to the child's node, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
 */
export async function startEmulatorProcess(engine) {
  const cli = new URL("../../packages/emulator/bin/informix-emulator.js", import.meta.url).pathname;
  const flags = (process.env.EMULATOR_NODE_FLAGS ?? "").split(" ").filter((f) => f !== "");
  const child = spawn(process.execPath, [...flags, cli, "--port", "0", "--engine", engine], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await new Promise((resolve, reject) => {
    child.stdout.on("data", (d) => {
      const m = /listening on [^:]+:(\d+)/.exec(String(d));
      if (m) resolve(Number(m[1]));
    });
    child.once("exit", (code) => reject(new Error(`emulator exited ${code}`)));
  });
  return {
    port,
    /** User + system CPU of the emulator process, in ms. */
    cpuMs() {
      const f = readFileSync(`/proc/${child.pid}/stat`, "utf8").split(") ")[1].split(" ");
      return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
    },
    /** Resident set size of the emulator process, in MB. */
    rssMb() {
      return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
    },
    /** Ends the emulator; resolves once it has exited (SIGINT, so a --cpu-prof child writes its profile). */
    stop() {
      return new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill(flags.length > 0 ? "SIGINT" : "SIGTERM");
      });
    },
  };
}
