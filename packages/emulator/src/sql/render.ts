// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Renders rewritten tokens as PostgreSQL text and keeps, for each output token, the
// source offset it came from, so a PostgreSQL error position (1-based, in the output)
// maps back to the Informix offset IDS would report.

import type { Token } from "./tokenizer.js";

export interface Rendered {
  readonly sql: string;
  /** Maps a 1-based PostgreSQL position to a 1-based source offset (0 when unknown). */
  readonly sourceOffset: (pgPosition: number) => number;
}

/** Words after which "(" starts a group, not a call argument list. */
const KEYWORDS = new Set([
  "select",
  "values",
  "in",
  "from",
  "where",
  "and",
  "or",
  "on",
  "key",
  "as",
  "not",
  "exists",
  "by",
  "then",
  "else",
  "when",
  "unique",
  "check",
  "table",
  "join",
  "using",
  "any",
  "all",
  "some",
  "case",
  "into",
  "set",
  "over",
]);

function glue(prev: Token | undefined, cur: Token): boolean {
  if (prev === undefined) return true;
  if (prev.text === "." || prev.text.endsWith("(") || prev.text === "::") return true;
  if (cur.text === "." || cur.text === "," || cur.text === ")" || cur.text.startsWith("::")) return true;
  if (!cur.text.startsWith("(")) return false;
  if (prev.kind === "quoted") return true;
  return prev.kind === "word" && !KEYWORDS.has(prev.value);
}

/** Renders a PostgreSQL value of a token: params become $n, other tokens keep their text. */
function pgText(t: Token): string {
  return t.kind === "param" ? `$${t.param}` : t.text;
}

export function render(tokens: readonly Token[]): Rendered {
  let sql = "";
  const starts: number[] = [];
  const sources: number[] = [];
  let prev: Token | undefined;
  for (const t of tokens) {
    if (!glue(prev, t)) sql += " ";
    starts.push(sql.length);
    sources.push(t.start);
    sql += pgText(t);
    prev = t;
  }
  const sourceOffset = (pgPosition: number): number => {
    const pos = pgPosition - 1;
    let k = -1;
    for (let i = 0; i < starts.length && starts[i]! <= pos; i++) k = i;
    return k < 0 ? 0 : sources[k]! + 1;
  };
  return { sql, sourceOffset };
}
