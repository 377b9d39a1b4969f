// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The interactive prompt: statements may span lines and end with ';' (the prompt changes to
// "->" while one is open), backslash commands act at once, Ctrl-C drops the statement being
// typed, Ctrl-D or \q quits. History is kept across sessions in IFX_HISTFILE (default
// ~/.ifx_history), without lines that would set a password.

import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import type { Connection } from "informix-db";
import type { Output, Session } from "./session.js";
import { StatementSplitter } from "./splitter.js";

const HISTORY_SIZE = 1000;

export interface ReplIo {
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
  readonly err: Output;
  readonly env: NodeJS.ProcessEnv;
}

function historyFile(env: NodeJS.ProcessEnv): string {
  return env["IFX_HISTFILE"] ?? join(homedir(), ".ifx_history");
}

function loadHistory(path: string): string[] {
  try {
    return readFileSync(path, "utf8").split("\n").filter(Boolean).reverse().slice(0, HISTORY_SIZE);
  } catch {
    return [];
  }
}

function saveHistory(path: string, history: readonly string[]): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    const kept = history.filter((l) => !/password/i.test(l)).slice(0, HISTORY_SIZE);
    writeFileSync(path, `${[...kept].reverse().join("\n")}\n`, { mode: 0o600 });
  } catch {
    // History is a convenience: a read-only home directory must not fail the session.
  }
}

export async function runRepl(conn: Connection, session: Session, io: ReplIo): Promise<number> {
  const path = historyFile(io.env);
  let history = loadHistory(path);
  const rl = createInterface({
    input: io.input,
    output: io.output,
    terminal: true,
    history,
    historySize: HISTORY_SIZE,
    removeHistoryDuplicates: true,
  });
  rl.on("history", (h: string[]) => {
    history = h;
  });
  const splitter = new StatementSplitter();
  const prompt = () => {
    const name = conn.databaseInfo?.name ?? "ifx";
    rl.setPrompt(splitter.pending ? `${" ".repeat(Math.max(0, name.length - 1))}-> ` : `${name}> `);
    rl.prompt();
  };
  rl.on("SIGINT", () => {
    if (splitter.pending) splitter.reset();
    else io.output.write("\n(\\q or Ctrl-D quits)");
    io.output.write("\n");
    prompt();
  });
  io.output.write(`Connected to ${conn.serverInfo.serverName} (${conn.serverInfo.version}). \\? for help.\n`);
  prompt();
  try {
    for await (const line of rl) {
      if (!splitter.pending && line.trim().startsWith("\\")) {
        try {
          if (!(await session.command(line))) break;
        } catch (e) {
          io.err.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
        }
        prompt();
        continue;
      }
      for (const s of splitter.push(`${line}\n`)) {
        try {
          await session.run(s.text);
        } catch (e) {
          io.err.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
          if (conn.state === "broken" || conn.state === "closed") {
            io.err.write("the connection is lost; quitting\n");
            return 1;
          }
        }
      }
      prompt();
    }
  } finally {
    rl.close();
    saveHistory(path, history);
  }
  return 0;
}
