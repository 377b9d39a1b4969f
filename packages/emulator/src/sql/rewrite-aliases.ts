// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Names that are reserved words in PostgreSQL but plain names in Informix. Qualified
// names (`d.default`, JDBC's getColumns) are quoted wherever they stand. Column aliases:
// nmap's informix-tables runs `SELECT cast(tabname as char(20)) table, ... ORDER BY
// table, column`. Such an alias is quoted where it is declared (after a complete
// select-list expression) and where ORDER BY / GROUP BY refers to it.

import { pgIdent } from "./context.js";
import { isOp, isWord, raw, type Token } from "./tokenizer.js";

/** PostgreSQL reserved words that Informix accepts as column aliases. */
const RESERVED = new Set([
  "all",
  "analyse",
  "analyze",
  "any",
  "array",
  "both",
  "check",
  "column",
  "constraint",
  "create",
  "current_date",
  "current_time",
  "current_timestamp",
  "current_user",
  "default",
  "deferrable",
  "do",
  "foreign",
  "grant",
  "initially",
  "lateral",
  "leading",
  "localtime",
  "localtimestamp",
  "only",
  "placing",
  "primary",
  "references",
  "returning",
  "session_user",
  "some",
  "symmetric",
  "table",
  "trailing",
  "unique",
  "user",
  "variadic",
  "window",
]);

/** Every PostgreSQL reserved word: after a `.` such a word is a column name (d.default). */
const RESERVED_AFTER_DOT = new Set([
  ...RESERVED,
  "and",
  "as",
  "asc",
  "case",
  "cast",
  "collate",
  "current_catalog",
  "current_role",
  "desc",
  "distinct",
  "else",
  "end",
  "except",
  "false",
  "fetch",
  "for",
  "from",
  "group",
  "having",
  "in",
  "intersect",
  "into",
  "limit",
  "not",
  "null",
  "offset",
  "on",
  "or",
  "order",
  "select",
  "then",
  "to",
  "true",
  "union",
  "using",
  "when",
  "where",
  "with",
]);

/** Tokens after which an expression is complete, so a following word is an alias. */
function endsExpression(t: Token | undefined): boolean {
  if (t === undefined) return false;
  if (isOp(t, ")")) return true;
  if (t.kind === "word") return !isWord(t, "select", "distinct", "unique", "all", "first", "skip", "limit");
  return t.kind === "quoted" || t.kind === "number" || t.kind === "string";
}

function quoted(t: Token): Token {
  return raw(pgIdent(t.value), t.start);
}

export function quoteReservedAliases(input: readonly Token[]): Token[] {
  const tokens = [...input];
  const aliases = new Set<string>();
  let depth = 0;
  let inSelectList = false;
  let inOrderOrGroup = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (isOp(t, "(")) depth++;
    else if (isOp(t, ")")) depth--;
    if (t.kind === "word" && isOp(tokens[i - 1], ".") && RESERVED_AFTER_DOT.has(t.value)) {
      tokens[i] = quoted(t);
      continue;
    }
    if (depth !== 0 || t.kind !== "word") continue;
    if (t.value === "select") inSelectList = true;
    else if (t.value === "from" || t.value === "into") inSelectList = false;
    else if ((t.value === "order" || t.value === "group") && isWord(tokens[i + 1], "by")) inOrderOrGroup = true;
    else if (["where", "having", "union", "limit", "offset", "from"].includes(t.value)) inOrderOrGroup = false;
    if (!RESERVED.has(t.value)) continue;
    const next = tokens[i + 1];
    const isAlias =
      inSelectList &&
      (next === undefined || isOp(next, ",") || isWord(next, "from", "into")) &&
      (isWord(tokens[i - 1], "as") || endsExpression(tokens[i - 1]));
    if (isAlias) {
      aliases.add(t.value);
      tokens[i] = quoted(t);
    } else if (inOrderOrGroup && aliases.has(t.value) && !isOp(next, "(")) {
      tokens[i] = quoted(t);
    }
  }
  return tokens;
}
