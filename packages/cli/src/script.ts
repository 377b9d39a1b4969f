// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Runs a script (a .sql file, -e text, or stdin that is not a terminal) statement by statement,
// with a progress bar on a terminal. The first failing statement stops the run with a report
// that names its number, file and line, the server's error and the statement itself.

import { readFileSync } from "node:fs";
import { basename } from "node:path";
import type { ProgressLine } from "./progress.js";
import type { Output, Session } from "./session.js";
import { splitStatements } from "./splitter.js";

export async function runScript(
  session: Session,
  text: string,
  source: string,
  err: Output,
  progress: ProgressLine,
): Promise<number> {
  const statements = splitStatements(text);
  const label = basename(source);
  let n = 0;
  for (const s of statements) {
    n++;
    progress.update(`${label}: statement ${n} of ${statements.length}`, n - 1, statements.length);
    try {
      if (s.text.startsWith("\\")) {
        if (!(await session.command(s.text))) break;
      } else await session.run(s.text);
    } catch (e) {
      progress.clear();
      const message = e instanceof Error ? e.message : String(e);
      const shown = s.text.length > 500 ? `${s.text.slice(0, 500)}…` : s.text;
      err.write(
        `ifx: statement ${n} of ${statements.length} failed (${source}:${s.line}): ${message}\n${indent(shown)}\n`,
      );
      return 1;
    }
  }
  progress.update(`${label}: ${statements.length} statements`, statements.length, statements.length);
  progress.clear();
  return 0;
}

const indent = (text: string) =>
  text
    .split("\n")
    .map((l) => `    ${l}`)
    .join("\n");

export function readScript(file: string): string {
  return readFileSync(file === "-" ? 0 : file, "utf8");
}
