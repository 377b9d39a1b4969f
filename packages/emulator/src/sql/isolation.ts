// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// SET ISOLATION [TO] {DIRTY READ [WITH WARNING] | COMMITTED READ [LAST COMMITTED]
// [RETAIN UPDATE LOCKS] | CURSOR STABILITY | REPEATABLE READ} and the ANSI form
// SET TRANSACTION [ISOLATION LEVEL {READ UNCOMMITTED | READ COMMITTED | REPEATABLE READ |
// SERIALIZABLE}] [READ WRITE | READ ONLY]. IDS takes ANSI SERIALIZABLE as REPEATABLE READ
// and READ UNCOMMITTED as DIRTY READ. The engine maps each level onto PostgreSQL
// (pglite-session.ts, docs/emulator-sql.md "Isolation").

import { InformixSqlError } from "../engine/informix-sql-error.js";
import type { IsolationLevel, Plan } from "./plan.js";
import type { Token } from "./tokenizer.js";
import * as codes from "./type-codes.js";

/** Longest first: "committed read last committed" before "committed read". */
const INFORMIX_LEVELS: readonly (readonly [string, IsolationLevel])[] = [
  ["dirty read", "dirtyRead"],
  ["committed read last committed", "lastCommitted"],
  ["committed read", "committedRead"],
  ["cursor stability", "cursorStability"],
  ["repeatable read", "repeatableRead"],
];

const ANSI_LEVELS: readonly (readonly [string, IsolationLevel])[] = [
  ["read uncommitted", "dirtyRead"],
  ["read committed", "committedRead"],
  ["repeatable read", "repeatableRead"],
  ["serializable", "repeatableRead"],
];

function words(tokens: readonly Token[]): string {
  return tokens.map((t) => (t.kind === "word" ? t.value : t.text).toLowerCase()).join(" ");
}

function match(text: string, levels: readonly (readonly [string, IsolationLevel])[]): IsolationLevel | null {
  for (const [prefix, level] of levels) if (text === prefix || text.startsWith(`${prefix} `)) return level;
  return null;
}

/** Plans a SET ISOLATION or SET TRANSACTION statement (`tokens` start at SET). */
export function isolationCommand(tokens: readonly Token[]): Plan {
  const bad = (): InformixSqlError => new InformixSqlError(-201, 0, "", (tokens[2]?.start ?? 0) + 1);
  const second = words(tokens.slice(1, 2));
  let level: IsolationLevel | null;
  if (second === "isolation") {
    const rest = tokens[2] && words([tokens[2]]) === "to" ? tokens.slice(3) : tokens.slice(2);
    level = match(words(rest), INFORMIX_LEVELS);
  } else {
    const rest = words(tokens.slice(2));
    if (!rest.startsWith("isolation level ")) {
      if (/^read (write|only)$/.test(rest)) return { statementType: codes.SQ_SETISOL, isQuery: false, kind: "noop" };
      throw bad();
    }
    level = match(rest.slice("isolation level ".length), ANSI_LEVELS);
  }
  if (level === null) throw bad();
  return { statementType: codes.SQ_SETISOL, isQuery: false, kind: "isolation", level };
}
