// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Statements the engine runs itself rather than as PostgreSQL text: DATABASE / CREATE / DROP /
// CLOSE DATABASE, BEGIN / COMMIT / ROLLBACK [TO SAVEPOINT] / SAVEPOINT / RELEASE SAVEPOINT, SET
// LOCK MODE / ISOLATION / EXPLAIN / other SET, and the statements accepted as no-ops (UPDATE
// STATISTICS, GRANT, REVOKE, LOCK/UNLOCK TABLE, CREATE/DROP ROLE). Split from rewriter.ts.

import { InformixSqlError } from "../engine/informix-sql-error.js";
import { isolationCommand } from "./isolation.js";
import type { LogMode, Plan } from "./plan.js";
import { isWord, type Token } from "./tokenizer.js";
import * as codes from "./type-codes.js";

export function syntax(t: Token | undefined): InformixSqlError {
  return new InformixSqlError(-201, 0, "", t ? t.start + 1 : 1);
}

export function nameOf(t: Token | undefined): string {
  if (t === undefined || (t.kind !== "word" && t.kind !== "quoted")) throw syntax(t);
  return t.kind === "quoted" ? t.value : t.value;
}

export function command(statementType: number, rest: Record<string, unknown> & { kind: string }): Plan {
  return { statementType, isQuery: false, ...rest } as Plan;
}

/** The words of a statement up to `n`, lower case, for classification. */
export function head(tokens: readonly Token[], n: number): string {
  return tokens
    .slice(0, n)
    .map((t) => (t.kind === "word" ? t.value : t.text))
    .join(" ");
}

function databaseCommand(tokens: readonly Token[]): Plan | null {
  const h = head(tokens, 3);
  if (h.startsWith("create database")) {
    const name = nameOf(tokens[2]);
    const rest = head(tokens.slice(3), 8);
    let log: LogMode = "none";
    if (rest.includes("log mode ansi")) log = "ansi";
    else if (rest.includes("buffered log")) log = "buffered";
    else if (rest.includes("with log")) log = "log";
    return command(codes.SQ_CREADB, { kind: "createDatabase", name, log });
  }
  if (isWord(tokens[0], "database")) {
    return command(codes.SQ_DATABASE, {
      kind: "database",
      name: nameOf(tokens[1]),
      exclusive: isWord(tokens[2], "exclusive"),
    });
  }
  if (h.startsWith("close database")) return command(codes.SQ_CLSDB, { kind: "closeDatabase" });
  if (h.startsWith("drop database")) return command(codes.SQ_DROPDB, { kind: "dropDatabase", name: nameOf(tokens[2]) });
  return null;
}

function transactionCommand(tokens: readonly Token[]): Plan | null {
  const first = tokens[0];
  const w = (k: number): number => (isWord(tokens[k], "work") ? k + 1 : k);
  if (isWord(first, "begin")) {
    if (tokens.length > w(1)) throw syntax(tokens[w(1)]);
    return command(codes.SQ_BEGWORK, { kind: "begin" });
  }
  if (isWord(first, "commit")) return command(codes.SQ_COMMIT, { kind: "commit" });
  if (isWord(first, "rollback")) {
    const k = w(1);
    if (isWord(tokens[k], "to")) {
      const s = isWord(tokens[k + 1], "savepoint") ? k + 2 : k + 1;
      return command(codes.SQ_RBACKSVPT, { kind: "rollbackToSavepoint", name: nameOf(tokens[s]) });
    }
    return command(codes.SQ_ROLLBACK, { kind: "rollback" });
  }
  if (isWord(first, "savepoint")) {
    return command(codes.SQ_SAVEPOINT, {
      kind: "savepoint",
      name: nameOf(tokens[1]),
      unique: isWord(tokens[2], "unique"),
    });
  }
  if (isWord(first, "release") && isWord(tokens[1], "savepoint")) {
    return command(codes.SQ_RELSVPT, { kind: "releaseSavepoint", name: nameOf(tokens[2]) });
  }
  return null;
}

function setCommand(tokens: readonly Token[]): Plan | null {
  if (!isWord(tokens[0], "set")) return null;
  if (isWord(tokens[1], "lock") && isWord(tokens[2], "mode")) {
    const rest = head(tokens.slice(3), 4);
    if (rest.startsWith("to not wait")) return command(codes.SQ_WAITFOR, { kind: "lockMode", wait: 0 });
    if (!rest.startsWith("to wait")) throw syntax(tokens[3]);
    const n = tokens[5];
    return command(codes.SQ_WAITFOR, { kind: "lockMode", wait: n?.kind === "number" ? Number(n.text) : -1 });
  }
  if (isWord(tokens[1], "isolation", "transaction")) return isolationCommand(tokens);
  if (isWord(tokens[1], "explain")) return command(codes.SQ_EXPLAIN, { kind: "noop" });
  return command(codes.SQ_SETENV, { kind: "noop" });
}

const NOOP_STATEMENTS: Readonly<Record<string, number>> = {
  "update statistics": codes.SQ_UPDSTATS,
  grant: codes.SQ_GRANT,
  revoke: codes.SQ_REVOKE,
  "lock table": codes.SQ_LOCK,
  "unlock table": codes.SQ_UNLOCK,
  "create role": codes.SQ_SETENV,
  "drop role": codes.SQ_SETENV,
};

/** The statement as a command the engine runs itself (DATABASE, transactions, SET, no-ops), or null. */
export function engineCommand(tokens: readonly Token[]): Plan | null {
  const cmd = databaseCommand(tokens) ?? transactionCommand(tokens) ?? setCommand(tokens);
  if (cmd) return cmd;
  for (const [words, type] of Object.entries(NOOP_STATEMENTS)) {
    if (head(tokens, words.split(" ").length) === words) return command(type, { kind: "noop" });
  }
  return null;
}
