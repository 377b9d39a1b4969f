// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Query-shape rewrites: SELECT [SKIP n] [FIRST|LIMIT n] → LIMIT/OFFSET at the end of
// that SELECT (a branch of a UNION gets parentheses), the old outer join
// `FROM a, OUTER b WHERE a.k = b.k` → `FROM a LEFT JOIN b ON a.k = b.k`, and
// `INTO TEMP t [WITH NO LOG]`, which the rewriter turns into CREATE TABLE ... AS.

import { InformixSqlError } from "../engine/informix-sql-error.js";
import { isOp, isWord, makeToken, raw, splitTopLevel, type Token } from "./tokenizer.js";

const SELECT_END = new Set(["union", "intersect", "except"]);
const WHERE_END = new Set(["group", "order", "having", "union", "intersect", "except", "into", "limit", "for"]);

/** Index (exclusive) where the SELECT starting at `s` ends, and why it ended. */
function selectExtent(tokens: readonly Token[], s: number): { end: number; byUnion: boolean } {
  let depth = 0;
  for (let i = s + 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (isOp(t, "(")) depth++;
    else if (isOp(t, ")")) {
      if (depth === 0) return { end: i, byUnion: false };
      depth--;
    } else if (depth === 0 && t.kind === "word") {
      if (SELECT_END.has(t.value)) return { end: i, byUnion: true };
      if (t.value === "into" && isWord(tokens[i + 1], "temp", "scratch", "raw", "standard", "external")) {
        return { end: i, byUnion: false };
      }
      if (t.value === "for" && isWord(tokens[i + 1], "update", "read")) return { end: i, byUnion: false };
    } else if (depth === 0 && isOp(t, ";")) return { end: i, byUnion: false };
  }
  return { end: tokens.length, byUnion: false };
}

/** First index in [from, to) at parenthesis depth 0 whose token matches, else `missing`. */
function findAtDepth0(
  tokens: readonly Token[],
  from: number,
  to: number,
  match: (t: Token) => boolean,
  missing = -1,
): number {
  let depth = 0;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (isOp(t, "(")) depth++;
    else if (isOp(t, ")")) depth--;
    else if (depth === 0 && t.kind === "word" && match(t)) return i;
  }
  return missing;
}

function isCount(t: Token | undefined): boolean {
  return t !== undefined && (t.kind === "number" || t.kind === "param");
}

/** SELECT SKIP/FIRST/LIMIT/UNIQUE → PostgreSQL LIMIT/OFFSET/DISTINCT. */
export function rewriteFirstSkip(input: readonly Token[]): Token[] {
  const tokens = [...input];
  for (let s = tokens.length - 1; s >= 0; s--) {
    if (!isWord(tokens[s], "select")) continue;
    let limit: Token | undefined;
    let offset: Token | undefined;
    let j = s + 1;
    for (;;) {
      if (isWord(tokens[j], "skip") && isCount(tokens[j + 1])) offset = tokens[j + 1];
      else if (isWord(tokens[j], "first", "limit", "middle") && isCount(tokens[j + 1])) limit = tokens[j + 1];
      else break;
      j += 2;
    }
    if (limit === undefined && offset === undefined) continue;
    tokens.splice(s + 1, j - s - 1);
    const { end, byUnion } = selectExtent(tokens, s);
    const at = tokens[s]!.start;
    const tail: Token[] = [];
    if (limit) tail.push(raw("LIMIT", at), limit);
    if (offset) tail.push(raw("OFFSET", at), offset);
    if (byUnion) tail.push(raw(")", at));
    tokens.splice(end, 0, ...tail);
    if (byUnion) tokens.splice(s, 0, raw("(", at));
  }
  return tokens;
}

/** Name a FROM item answers to in `x.col` references: its alias, else the table name. */
function itemQualifiers(item: readonly Token[]): string[] {
  const names: string[] = [];
  for (const t of item) {
    if (t.kind === "word" || t.kind === "raw" || t.kind === "quoted") {
      const last = t.text.split(".").pop()!.replace(/"/g, "").toLowerCase();
      if (last !== "as" && last !== "outer") names.push(last);
    }
  }
  return names;
}

/** Splits a WHERE condition at top-level ANDs (not the AND of BETWEEN). */
function conjuncts(tokens: readonly Token[]): Token[][] {
  const parts: Token[][] = [[]];
  let depth = 0;
  let between = 0;
  for (const t of tokens) {
    if (isOp(t, "(")) depth++;
    else if (isOp(t, ")")) depth--;
    else if (depth === 0 && isWord(t, "between")) between++;
    else if (depth === 0 && isWord(t, "and")) {
      if (between > 0) between--;
      else {
        parts.push([]);
        continue;
      }
    }
    parts[parts.length - 1]!.push(t);
  }
  return parts;
}

function references(cond: readonly Token[], names: readonly string[]): boolean {
  return cond.some(
    (t, n) => isOp(cond[n + 1], ".") && names.includes(t.text.replace(/"/g, "").toLowerCase()) && t.kind !== "string",
  );
}

/**
 * The FROM items of one level joined: plain items by CROSS JOIN, each `OUTER x` by LEFT JOIN
 * ON the conditions that name x (the last OUTER item they name). `OUTER (a, b)` is a group:
 * its items are joined the same way inside parentheses (`OUTER (a, OUTER b)` nests), and the
 * conditions its own level does not place go to the group's ON. Returns the conditions no
 * OUTER item took (they stay in WHERE).
 */
function joinItems(
  items: readonly Token[][],
  conds: readonly Token[][],
  at: number,
): { from: Token[]; kept: Token[][] } {
  const outers = items.filter((it) => isWord(it[0], "outer")).map((it) => it.slice(1));
  const inner = items.filter((it) => !isWord(it[0], "outer"));
  const onConds: Token[][][] = outers.map(() => []);
  const kept: Token[][] = [];
  for (const c of conds) {
    let target = -1;
    outers.forEach((o, k) => {
      if (references(c, itemQualifiers(o))) target = k;
    });
    if (target >= 0) onConds[target]!.push(c);
    else kept.push(c);
  }
  const from: Token[] = [];
  inner.forEach((it, k) => {
    if (k > 0) from.push(raw("CROSS JOIN", at));
    from.push(...it);
  });
  outers.forEach((o, k) => {
    let cs = onConds[k]!;
    from.push(raw("LEFT JOIN", at));
    if (isOp(o[0], "(") && isOp(o[o.length - 1], ")")) {
      const group = joinItems(splitTopLevel(o.slice(1, -1)), cs, at);
      from.push(raw("(", at), ...group.from, raw(")", at));
      cs = group.kept;
    } else from.push(...o);
    from.push(raw("ON", at));
    if (cs.length === 0) from.push(raw("TRUE", at));
    cs.forEach((c, n) => {
      if (n > 0) from.push(raw("AND", at));
      from.push(raw("(", at), ...c, raw(")", at));
    });
  });
  return { from, kept };
}

/** `FROM a, OUTER b [, OUTER (c, OUTER d)] WHERE ...` → ANSI LEFT JOINs with the conditions moved to ON. */
export function rewriteOuterJoins(input: readonly Token[]): Token[] {
  let tokens = [...input];
  for (let s = tokens.length - 1; s >= 0; s--) {
    if (!isWord(tokens[s], "select")) continue;
    const { end } = selectExtent(tokens, s);
    const from = findAtDepth0(tokens, s + 1, end, (t) => isWord(t, "from"));
    if (from < 0) continue;
    const fromEnd = findAtDepth0(tokens, from + 1, end, (t) => isWord(t, "where") || WHERE_END.has(t.value), end);
    const where = isWord(tokens[fromEnd], "where") ? fromEnd : -1;
    const whereEnd = where < 0 ? fromEnd : findAtDepth0(tokens, where + 1, end, (t) => WHERE_END.has(t.value), end);
    const items = splitTopLevel(tokens.slice(from + 1, fromEnd));
    if (!items.some((it) => isWord(it[0], "outer"))) continue;
    const at = tokens[from]!.start;
    const conds = where >= 0 ? conjuncts(tokens.slice(where + 1, whereEnd)) : [];
    const joined = joinItems(items, conds, at);
    const whereTokens: Token[] = [];
    joined.kept.forEach((c, n) => {
      whereTokens.push(raw(n === 0 ? "WHERE" : "AND", at), raw("(", at), ...c, raw(")", at));
    });
    const stop = where >= 0 ? whereEnd : fromEnd;
    tokens = [
      ...tokens.slice(0, from),
      makeToken("word", "FROM", at, "from"),
      ...joined.from,
      ...whereTokens,
      ...tokens.slice(stop),
    ];
  }
  return tokens;
}

/** `MINUS` between two queries is EXCEPT (IDS accepts both). */
export function rewriteMinus(tokens: readonly Token[]): Token[] {
  return tokens.map((t, i) => {
    const next = tokens[i + 1];
    const afterQuery = i > 0 && (tokens[i - 1]!.kind !== "op" || isOp(tokens[i - 1], ")"));
    if (!isWord(t, "minus") || !afterQuery || !(isWord(next, "select", "all", "distinct") || isOp(next, "("))) return t;
    return { ...t, text: "EXCEPT", value: "except" };
  });
}

/** Finds `INTO TEMP name [WITH NO LOG]` at depth 0; returns the name and the tokens without it. */
export function extractIntoTemp(tokens: readonly Token[]): { name: string; tokens: Token[] } | null {
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (isOp(t, "(")) depth++;
    else if (isOp(t, ")")) depth--;
    else if (depth === 0 && isWord(t, "into") && isWord(tokens[i + 1], "temp", "scratch")) {
      const nameTok = tokens[i + 2];
      if (nameTok === undefined || (nameTok.kind !== "word" && nameTok.kind !== "raw")) {
        throw new InformixSqlError(-201, 0, "", (nameTok ?? t).start + 1);
      }
      let j = i + 3;
      if (isWord(tokens[j], "with") && isWord(tokens[j + 1], "no") && isWord(tokens[j + 2], "log")) j += 3;
      return { name: nameTok.text.toLowerCase(), tokens: [...tokens.slice(0, i), ...tokens.slice(j)] };
    }
  }
  return null;
}
