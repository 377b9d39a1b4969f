// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// `--engine postgres` without a URL: a private PostgreSQL for the emulator's lifetime.
// initdb makes a cluster in a new temporary directory; the server listens on a unix
// socket in that directory only (listen_addresses is empty: no TCP port at all), trusts
// its one local user, and runs without fsync (the data dies with the emulator anyway).
// stop() shuts it down and removes the directory; so does process exit.
//
// initdb and postgres refuse to run as root. When the emulator runs as root (a container,
// CI), they run as the `postgres` user (created by the Debian package) through
// `setpriv`, which execs in place, so signals reach the server itself, and the
// directory is handed to that user first.
//
// The binaries: $INFORMIX_EMULATOR_PG_BIN, else the newest /usr/lib/postgresql/<n>/bin
// (Debian's layout; scripts/install-oracles.mjs installs the package as root), else PATH.

import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PgSocket, type PgTarget } from "./pg-socket.js";

const SOCKET_PORT = 5432;
const START_TIMEOUT_MS = 60_000;

function binDir(): string {
  const fromEnv = process.env["INFORMIX_EMULATOR_PG_BIN"];
  if (fromEnv) return fromEnv;
  const root = "/usr/lib/postgresql";
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => /^\d+$/.test(v) && Number(v) >= 15 && existsSync(join(root, v, "bin", "initdb")))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(root, versions[0], "bin");
  }
  return "";
}

function tool(name: string): string {
  const dir = binDir();
  return dir ? join(dir, name) : name;
}

/** How to run a PostgreSQL program: as `postgres` through setpriv when we are root. */
function asServerUser(program: string, args: string[]): [string, string[]] {
  if (process.getuid?.() !== 0) return [program, args];
  return ["setpriv", ["--reuid=postgres", "--regid=postgres", "--init-groups", "--", program, ...args]];
}

function serverUserIds(): { uid: number; gid: number } {
  const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
  const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
  return { uid, gid };
}

export class LocalPostgres {
  private stopped = false;
  private readonly onExit = (): void => this.stopNow();

  private constructor(
    private readonly dir: string,
    private readonly server: ChildProcess,
    readonly target: PgTarget,
  ) {
    process.once("exit", this.onExit);
  }

  static async start(): Promise<LocalPostgres> {
    const initdb = tool("initdb");
    if (binDir() === "" && process.env["PATH"]?.split(":").every((d) => !existsSync(join(d, "initdb")))) {
      throw new Error(
        "--engine postgres needs PostgreSQL >= 15 (initdb, postgres): install the `postgresql` package " +
          "(scripts/install-oracles.mjs does as root) or set INFORMIX_EMULATOR_PG_BIN",
      );
    }
    const dir = mkdtempSync(join(tmpdir(), "informix-emulator-pg-"));
    const data = join(dir, "data");
    try {
      if (process.getuid?.() === 0) {
        const { uid, gid } = serverUserIds();
        chownSync(dir, uid, gid);
      }
      const [cmd, args] = asServerUser(initdb, [
        "-D",
        data,
        "-U",
        "postgres",
        "--auth=trust",
        "-E",
        "UTF8",
        "--no-locale",
        "--no-sync",
      ]);
      execFileSync(cmd, args, { stdio: ["ignore", "ignore", "pipe"], cwd: dir });
    } catch (e) {
      rmSync(dir, { recursive: true, force: true });
      const stderr = (e as { stderr?: Buffer }).stderr?.toString() ?? "";
      throw new Error(`initdb failed: ${stderr || String(e)}`);
    }
    const [cmd, args] = asServerUser(tool("postgres"), [
      "-D",
      data,
      "-k",
      dir,
      "-p",
      String(SOCKET_PORT),
      "-c",
      "listen_addresses=",
      "-c",
      "fsync=off",
      "-c",
      "synchronous_commit=off",
      "-c",
      "full_page_writes=off",
      "-c",
      "max_connections=250",
      "-c",
      "client_connection_check_interval=1000",
    ]);
    const server = spawn(cmd, args, { stdio: ["ignore", "ignore", "pipe"], cwd: dir });
    let log = "";
    server.stderr?.on("data", (d: Buffer) => {
      log = (log + d.toString()).slice(-4000);
    });
    const target: PgTarget = {
      host: "",
      port: SOCKET_PORT,
      socketPath: join(dir, `.s.PGSQL.${SOCKET_PORT}`),
      user: "postgres",
      password: "",
      database: "postgres",
    };
    const local = new LocalPostgres(dir, server, target);
    const deadline = Date.now() + START_TIMEOUT_MS;
    for (;;) {
      if (server.exitCode !== null || server.signalCode !== null) {
        local.stopNow();
        throw new Error(`PostgreSQL did not start: ${log}`);
      }
      try {
        const probe = await PgSocket.connect(target);
        await probe.close();
        return local;
      } catch (e) {
        if (Date.now() > deadline) {
          await local.stop();
          throw new Error(`PostgreSQL did not accept connections within ${START_TIMEOUT_MS} ms: ${String(e)} ${log}`);
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  }

  /** Fast shutdown (active sessions rolled back), then the directory goes. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    if (this.server.exitCode === null && this.server.signalCode === null) {
      const exited = new Promise<void>((resolve) => this.server.once("exit", () => resolve()));
      this.server.kill("SIGINT");
      const timer = setTimeout(() => this.server.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    }
    this.stopNow();
  }

  /** Synchronous last resort (process exit): immediate shutdown and removal. */
  private stopNow(): void {
    if (this.stopped) return;
    this.stopped = true;
    process.off("exit", this.onExit);
    if (this.server.exitCode === null && this.server.signalCode === null) this.server.kill("SIGQUIT");
    rmSync(this.dir, { recursive: true, force: true });
  }
}
