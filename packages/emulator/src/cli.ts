// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// `informix-emulator [--host H] [--port P] [--server NAME] [--user U] [--password PW] [--demo]
//                    [--login-timeout S] [--idle-timeout S] [--max-message-bytes N] [--engine E]
//                    [--read-only-secondary] [--lock-grace S]`
// Prints `informix-emulator listening on <host>:<port>` once ready, then serves until
// SIGINT/SIGTERM.

import { parseArgs } from "node:util";
import { engineSpecError } from "./engine/create-engine.js";
import { DEFAULT_LIMITS } from "./server/limits.js";
import { startEmulator } from "./server/listener.js";

const USAGE = `usage: informix-emulator [--host 127.0.0.1] [--port 9088] [--server informix]
                         [--user informix] [--password in4mix] [--demo]
                         [--login-timeout 60] [--idle-timeout 0] [--max-message-bytes 16777216]
                         [--engine pglite|postgres|postgres://user:pass@host:port/db]
                         [--read-only-secondary] [--lock-grace 2]
  --login-timeout S      seconds a client has to finish logging in (0 = no limit)
  --idle-timeout S       close a session idle for S seconds (0 = never, as IDS)
  --max-message-bytes N  largest message (SQL text, bind values) a client may send
  --engine E             pglite (default: embedded), postgres (a private local PostgreSQL,
                         removed at exit) or a postgres:// URL of a PostgreSQL >= 15 you run
  --read-only-secondary  play a read-only cluster secondary: writes fail (ISAM -140)
  --lock-grace S         pglite: seconds a NOT WAIT statement waits for another session's
                         transaction (which holds the whole engine) before failing`;

function nonNegative(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a number >= 0, not ${text}`);
  return n;
}

export async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      host: { type: "string", default: "127.0.0.1" },
      port: { type: "string", default: "9088" },
      server: { type: "string", default: "informix" },
      user: { type: "string", default: "informix" },
      password: { type: "string", default: "in4mix" },
      demo: { type: "boolean", default: false },
      "login-timeout": { type: "string", default: "60" },
      "idle-timeout": { type: "string", default: "0" },
      "max-message-bytes": { type: "string", default: String(DEFAULT_LIMITS.maxMessageBytes) },
      engine: { type: "string", default: process.env["INFORMIX_EMULATOR_ENGINE"] || "pglite" },
      "read-only-secondary": { type: "boolean", default: false },
      "lock-grace": { type: "string", default: "2" },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0..65535, not ${values.port}`);
  const engineError = engineSpecError(values.engine);
  if (engineError !== null) throw new Error(engineError);
  const emulator = await startEmulator({
    engine: values.engine,
    host: values.host,
    port,
    server: values.server,
    user: values.user,
    password: values.password,
    demo: values.demo,
    loginTimeoutMs: nonNegative("login-timeout", values["login-timeout"]) * 1000,
    idleTimeoutMs: nonNegative("idle-timeout", values["idle-timeout"]) * 1000,
    limits: { maxMessageBytes: nonNegative("max-message-bytes", values["max-message-bytes"]) },
    readOnlySecondary: values["read-only-secondary"],
    lockGraceMs: nonNegative("lock-grace", values["lock-grace"]) * 1000,
  });
  process.stdout.write(`informix-emulator listening on ${emulator.host}:${emulator.port}\n`);
  const stop = () => {
    void emulator.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
