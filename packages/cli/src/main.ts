// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// ifx's entry point: options → connection → a script (-e, -f, piped stdin) or the prompt.
// Returns the exit status: 0, 1 when a statement failed, 2 for bad usage.

import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { type Connection, connect } from "informix-db";
import { type CliOptions, parseOptions, USAGE } from "./options.js";
import { progressLine } from "./progress.js";
import { runRepl } from "./repl.js";
import { readScript, runScript } from "./script.js";
import { Session } from "./session.js";

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}

/**
 * Asks for the password on the terminal without echoing it. readline has no public switch to
 * mute its echo, so its output hook is wrapped to print only the prompt itself.
 */
async function askPassword(): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const out = rl as unknown as { _writeToOutput?: (s: string) => void };
  let asking = true;
  const original = out._writeToOutput?.bind(rl);
  out._writeToOutput = (s: string) => {
    if (!asking || s.startsWith("Password: ")) original?.(s);
  };
  try {
    return await new Promise<string>((resolve) => rl.question("Password: ", resolve));
  } finally {
    asking = false;
    process.stdout.write("\n");
    rl.close();
  }
}

export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let options: CliOptions;
  try {
    options = parseOptions(argv, env);
  } catch (e) {
    process.stderr.write(`ifx: ${e instanceof Error ? e.message : String(e)}\n${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (options.version) {
    process.stdout.write(`ifx ${version()}\n`);
    return 0;
  }
  const interactive = options.file === undefined && options.execute === undefined && process.stdin.isTTY === true;
  let connectOptions = options.connect;
  if (!options.passwordGiven && interactive) connectOptions = { ...connectOptions, password: await askPassword() };
  let conn: Connection;
  try {
    conn = await connect(connectOptions);
  } catch (e) {
    process.stderr.write(`ifx: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  const progress = progressLine(process.stderr);
  // Output first wipes a progress line that may stand on the terminal.
  const out = {
    write: (text: string) => {
      progress.clear();
      process.stdout.write(text);
    },
  };
  const err = {
    write: (text: string) => {
      progress.clear();
      process.stderr.write(text);
    },
  };
  const session = new Session(conn, out, progress, { format: options.format, timing: options.timing, env });
  try {
    if (options.execute !== undefined) return await runScript(session, options.execute, "-e", err, progress);
    if (options.file !== undefined) {
      const source = options.file === "-" ? "stdin" : options.file;
      return await runScript(session, readScript(options.file), source, err, progress);
    }
    if (!interactive) return await runScript(session, readScript("-"), "stdin", err, progress);
    return await runRepl(conn, session, { input: process.stdin, output: process.stdout, err, env });
  } finally {
    await conn.close();
  }
}
