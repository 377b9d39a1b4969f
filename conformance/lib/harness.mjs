// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Shared plumbing for the conformance oracles: start/stop the emulator (or use an
// external server named by INFORMIX_ORACLE_TARGET=host:port), run a child process
// with a hard timeout (the whole process group is killed), and small helpers.
//
// The emulator's engine is INFORMIX_EMULATOR_ENGINE (pglite, the default; postgres, a
// private local PostgreSQL; or a postgres:// URL), or startTarget's `engine` option. Each
// oracle has a `<name>.postgres.test.mjs` twin that runs it on the postgres engine.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
export const conformanceDir = join(repoRoot, "conformance");

export const CREDENTIALS = { server: "informix", user: "informix", password: "in4mix" };

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Starts the emulator for one test file. Never throws: returns
 * { host, port, close(), error } where error is set (and host/port are not) when the
 * emulator could not be started. INFORMIX_ORACLE_TARGET=host:port skips the emulator
 * and points the oracle at an already running server instead.
 */
export async function startTarget({ demo = false, timeoutMs = 60_000, engine = emulatorEngine() } = {}) {
  const external = process.env.INFORMIX_ORACLE_TARGET;
  if (external) {
    const i = external.lastIndexOf(":");
    return { host: external.slice(0, i), port: Number(external.slice(i + 1)), close: async () => {}, error: null };
  }
  const entry = join(repoRoot, "packages", "emulator", "dist", "src", "index.js");
  try {
    if (!existsSync(entry)) throw new Error(`${entry} does not exist (run npm run build)`);
    const mod = await withTimeout(import(pathToFileURL(entry).href), timeoutMs, "importing the emulator");
    if (typeof mod.startEmulator !== "function") throw new Error("the emulator module exports no startEmulator()");
    const emu = await withTimeout(
      mod.startEmulator({ host: "127.0.0.1", port: 0, ...CREDENTIALS, demo, engine }),
      timeoutMs,
      "startEmulator()",
    );
    return {
      host: emu.host,
      port: emu.port,
      error: null,
      close: async () => {
        try {
          await withTimeout(Promise.resolve(emu.close()), 15_000, "emulator close()");
        } catch {
          // a stuck close must not fail or hang the file
        }
      },
    };
  } catch (error) {
    return { host: null, port: null, close: async () => {}, error };
  }
}

/** The engine the emulator runs on in this test process: "pglite" unless INFORMIX_EMULATOR_ENGINE says otherwise. */
export function emulatorEngine() {
  return process.env.INFORMIX_EMULATOR_ENGINE || "pglite";
}

/** True when the emulator runs on PostgreSQL (a private server or a URL). */
export function onPostgres() {
  return emulatorEngine().startsWith("postgres");
}

/**
 * Runs a command; resolves (never rejects) with { code, signal, stdout, stderr, timedOut, error }.
 * On timeout the whole process group gets SIGKILL.
 */
export function run(command, args, { cwd = repoRoot, env = process.env, timeoutMs = 120_000 } = {}) {
  return new Promise((resolve) => {
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    let child;
    try {
      child = spawn(command, args, { cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    } catch (error) {
      resolve({ code: null, signal: null, stdout, stderr, timedOut, error });
      return;
    }
    const kill = () => {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        try {
          child.kill("SIGKILL");
        } catch {
          // already gone
        }
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, timeoutMs);
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    let spawnError = null;
    child.on("error", (error) => {
      spawnError = error;
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut, error: spawnError });
    });
  });
}

/** The last `n` characters of a string, for failure messages. */
export function tail(text, n = 2000) {
  const s = String(text ?? "");
  return s.length > n ? `…${s.slice(-n)}` : s;
}

/** One-line summary of a finished run() for assertion messages. */
export function describeRun(label, r) {
  const how = r.error
    ? `could not be started: ${r.error.message}`
    : r.timedOut
      ? "was killed after its timeout"
      : `exited with code ${r.code}${r.signal ? ` (signal ${r.signal})` : ""}`;
  return `${label} ${how}\n--- stderr ---\n${tail(r.stderr)}\n--- stdout ---\n${tail(r.stdout)}`;
}
