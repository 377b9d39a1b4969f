// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Positioned updates: SELECT ... FOR UPDATE and UPDATE/DELETE ... WHERE CURRENT OF cursor.
//
// PostgreSQL's own WHERE CURRENT OF needs a PostgreSQL cursor that is not WITH HOLD and is
// positioned where the client is; the emulator's cursors are neither (streaming cursors are
// WITH HOLD and read ahead, FOR UPDATE cursors are materialised). So the row is addressed by
// its identity instead: a FOR UPDATE query on one table selects the row's ctid as a hidden
// last column (never described nor sent), and `WHERE CURRENT OF c` becomes
// `WHERE ctid = $k::text::tid`, $k being one placeholder past the client's own, bound at
// EXECUTE to the ctid of the row cursor c fetched last (server/current-of.ts). An UPDATE
// returns the new ctid of the row (PostgreSQL writes a new row version), so the cursor can
// update or delete the same row again, as IDS allows.

import { readTableName } from "./rewrite-names.js";
import { isOp, isWord, raw, type Token } from "./tokenizer.js";

/** The name of the hidden ctid column of a FOR UPDATE query. */
const ROW_ID_COLUMN = "ifx_rowid";

/** Words that end the FROM clause of a simple SELECT. */
const AFTER_FROM = ["where", "for", "order", "group", "having", "limit", "offset", "into"];
/** Words that make a FROM clause more than one table (IDS: -365 for WHERE CURRENT OF). */
const JOINS = ["join", "inner", "left", "right", "full", "cross", "outer", "natural", "lateral", "table"];

/** The paren depth change of a token: op and raw tokens may carry parens in their text. */
function depthChange(t: Token): number {
  if (t.kind !== "op" && t.kind !== "raw") return 0;
  let d = 0;
  for (const ch of t.text) d += ch === "(" ? 1 : ch === ")" ? -1 : 0;
  return d;
}

/** Index of the first depth-0 token that satisfies `test`, from `from`; -1 if none. */
function findTopLevel(tokens: readonly Token[], test: (t: Token, i: number) => boolean, from = 0): number {
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (depth === 0 && i >= from && test(t, i)) return i;
    depth += depthChange(t);
  }
  return -1;
}

/**
 * The one table a SELECT reads (its name as the source spells it, lowercased), or null when
 * it reads several (a join, a comma list), a subquery or a UNION: only a simple SELECT
 * gives an update cursor whose current row UPDATE/DELETE can address.
 */
function singleTable(source: readonly Token[]): string | null {
  if (findTopLevel(source, (t) => isWord(t, "union", "intersect", "except")) >= 0) return null;
  const from = findTopLevel(source, (t) => isWord(t, "from"));
  if (from < 0) return null;
  const name = readTableName(source, from + 1);
  if (name === null) return null;
  const end = findTopLevel(source, (t) => isWord(t, ...AFTER_FROM), name.next);
  const rest = source.slice(name.next, end < 0 ? source.length : end);
  if (rest.some((t) => isOp(t, ",") || isOp(t, "(") || isWord(t, ...JOINS))) return null;
  return name.table.toLowerCase();
}

/**
 * A SELECT ... FOR UPDATE [OF column, ...] in PostgreSQL tokens: Informix's OF names
 * columns (PostgreSQL's names tables), so it is dropped; on a simple SELECT the row's ctid
 * is appended to the select list. `table` is null when the query is not simple.
 */
export function rewriteForUpdate(
  source: readonly Token[],
  tokens: readonly Token[],
): { tokens: Token[]; table: string | null; plain: Token[] } {
  let out = [...tokens];
  const forAt = findTopLevel(out, (t, i) => isWord(t, "for") && isWord(out[i + 1], "update"));
  if (forAt >= 0 && isWord(out[forAt + 2], "of")) {
    let end = forAt + 3;
    while (end < out.length && (["word", "quoted", "raw"].includes(out[end]!.kind) || isOp(out[end], ","))) end++;
    out = [...out.slice(0, forAt + 2), ...out.slice(end)];
  }
  const plain = out;
  const table = singleTable(source);
  if (table === null) return { tokens: out, table, plain };
  const from = findTopLevel(out, (t) => isWord(t, "from"));
  if (from < 0) return { tokens: out, table: null, plain };
  const at = out[from]!.start;
  out = [...out.slice(0, from), raw(`, ctid::text AS ${ROW_ID_COLUMN}`, at), ...out.slice(from)];
  return { tokens: out, table, plain };
}

/** The `WHERE CURRENT OF name` of an UPDATE or DELETE (Informix tokens), cut off. */
export interface CurrentOf {
  /** The statement's tokens before WHERE. */
  readonly tokens: Token[];
  /** The cursor's name (lowercased unless delimited). */
  readonly cursor: string;
  /** The table updated or deleted from, lowercased. */
  readonly table: string;
}

export function cutCurrentOf(tokens: readonly Token[], source: readonly Token[]): CurrentOf | null {
  const n = tokens.length;
  const where = n - 4;
  if (
    where < 1 ||
    !isWord(tokens[where], "where") ||
    !isWord(tokens[where + 1], "current") ||
    !isWord(tokens[where + 2], "of")
  )
    return null;
  const name = tokens[where + 3]!;
  if (name.kind !== "word" && name.kind !== "quoted") return null;
  const tableAt = isWord(source[1], "from") ? 2 : 1;
  const table = readTableName(source, tableAt)?.table.toLowerCase() ?? "";
  return { tokens: tokens.slice(0, where), cursor: name.value, table };
}

/** What replaces WHERE CURRENT OF: the row whose ctid is parameter `param` (1-based). */
export function currentOfCondition(param: number, update: boolean, at: number): Token[] {
  const where = raw(`WHERE ctid = $${param}::text::tid`, at);
  return update ? [where, raw("RETURNING ctid::text", at)] : [where];
}
