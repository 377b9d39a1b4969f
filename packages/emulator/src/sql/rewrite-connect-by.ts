// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Hierarchical queries (IDS 11.70+): SELECT … FROM t [a] [WHERE w] START WITH s CONNECT BY
// [NOCYCLE] c [ORDER [SIBLINGS] BY …] becomes a recursive CTE over the rows' ctids:
//
//   WITH RECURSIVE ifx_cb (ifx_row, ifx_parent, ifx_root, level, ifx_path, ifx_sort) AS (
//     SELECT a.ctid, NULL, a.ctid, 1, ARRAY[a.ctid], array_cat(ARRAY[k], NULL) FROM t a WHERE s
//     UNION ALL
//     SELECT a.ctid, ifx_prior.ctid, p.ifx_root, p.level + 1, p.ifx_path || a.ctid, array_cat(p.ifx_sort, ARRAY[k])
//     FROM ifx_cb p JOIN t ifx_prior ON ifx_prior.ctid = p.ifx_row JOIN t a ON c
//     WHERE NOT a.ctid = ANY (p.ifx_path))
//   SELECT … FROM t a JOIN ifx_cb ON a.ctid = ifx_cb.ifx_row [WHERE w] ORDER BY …
//
// In c, `PRIOR x` reads the parent row (ifx_prior), other columns the child. The WHERE clause
// filters after the hierarchy is built, as in IDS. LEVEL, CONNECT_BY_ISLEAF, CONNECT_BY_ROOT x,
// PRIOR x and SYS_CONNECT_BY_PATH(x, sep) read the CTE. Rows come depth first (each row's
// children after it); ORDER SIBLINGS BY k sorts siblings by its first key. A row already on the
// path is not visited again, with or without NOCYCLE (IDS fails such a query without NOCYCLE).
// Only one table (with or without alias) can be in FROM.

import { InformixSqlError } from "../engine/informix-sql-error.js";
import { isOp, isWord, makeToken, matchParen, raw, type Token } from "./tokenizer.js";

/** Words of a condition that are not column names. */
const KEYWORDS = new Set([
  "and",
  "or",
  "not",
  "null",
  "is",
  "in",
  "between",
  "like",
  "matches",
  "escape",
  "exists",
  "true",
  "false",
  "case",
  "when",
  "then",
  "else",
  "end",
  "prior",
  "select",
  "from",
  "where",
  "any",
  "all",
  "some",
]);

function syntax(t: Token | undefined): InformixSqlError {
  return new InformixSqlError(-201, 0, "", t ? t.start + 1 : 1);
}

/** Index of the first depth-0 token in [from, to) matching `pred`, else -1. */
function find(tokens: readonly Token[], from: number, to: number, pred: (t: Token, i: number) => boolean): number {
  let depth = 0;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (isOp(t, "(")) depth++;
    else if (isOp(t, ")")) depth--;
    else if (depth === 0 && pred(t, i)) return i;
  }
  return -1;
}

const isColumn = (ts: readonly Token[], i: number): boolean => {
  const t = ts[i]!;
  return t.kind === "word" && !KEYWORDS.has(t.value) && !isOp(ts[i - 1], ".") && !isOp(ts[i + 1], "(");
};

/**
 * The condition's column references qualified: `PRIOR x` / `PRIOR q.x` with `prior`, other
 * unqualified columns with `child` (qualified ones already name the child's alias).
 */
function qualify(cond: readonly Token[], child: string, prior: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < cond.length; i++) {
    const t = cond[i]!;
    if (isWord(t, "prior")) {
      const q = cond[i + 1];
      if (q === undefined || q.kind !== "word") throw syntax(q ?? t);
      const name = isOp(cond[i + 2], ".") ? cond[i + 3] : q;
      if (name === undefined) throw syntax(q);
      out.push(raw(`${prior}.${name.text}`, t.start));
      i += name === q ? 1 : 3;
    } else if (isColumn(cond, i) && !isOp(cond[i + 1], ".")) out.push(raw(`${child}.${t.text}`, t.start));
    else out.push(t);
  }
  return out;
}

/** Parentheses as operator tokens, so that later passes see the depth of what they enclose. */
const openParen = (at: number): Token => makeToken("op", "(", at);
const closeParen = (at: number): Token => makeToken("op", ")", at);

/** A column reference (`x` or `q.x`) read from the row whose ctid is `ctid`. */
function rowColumn(ts: readonly Token[], table: readonly Token[], ctid: string, at: number): Token[] {
  const name = ts[ts.length - 1];
  if (name === undefined || name.kind !== "word") throw syntax(name);
  return [
    openParen(at),
    raw(`SELECT ifx_r.${name.text}`, at),
    makeToken("word", "FROM", at, "from"),
    ...table,
    raw(`ifx_r WHERE ifx_r.ctid = ${ctid}`, at),
    closeParen(at),
  ];
}

/** The pseudo-columns and hierarchical operators of the outer query, over the CTE. */
function pseudoColumns(tokens: readonly Token[], table: readonly Token[], alias: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const at = t.start;
    const item =
      (isWord(tokens[i - 1], "select") || isOp(tokens[i - 1], ",")) &&
      (isOp(tokens[i + 1], ",") || tokens[i + 1] === undefined);
    if (isOp(t, "*") && item) out.push(raw(`${alias}.*`, at));
    else if (isOp(tokens[i - 1], ".") || t.kind !== "word") out.push(t);
    else if (t.value === "connect_by_isleaf") {
      out.push(
        raw(
          "(CASE WHEN EXISTS (SELECT 1 FROM ifx_cb ifx_c WHERE ifx_c.ifx_parent = ifx_cb.ifx_row) THEN 0 ELSE 1 END)",
          at,
        ),
      );
      if (item) out.push(makeToken("word", "AS", at, "as"), makeToken("word", "connect_by_isleaf", at));
    } else if (t.value === "connect_by_iscycle") {
      out.push(raw("0", at));
    } else if (t.value === "connect_by_root" || t.value === "prior") {
      const end = isOp(tokens[i + 2], ".") ? i + 4 : i + 2;
      out.push(
        ...rowColumn(
          tokens.slice(i + 1, end),
          table,
          t.value === "prior" ? "ifx_cb.ifx_parent" : "ifx_cb.ifx_root",
          at,
        ),
      );
      i = end - 1;
    } else if (t.value === "sys_connect_by_path" && isOp(tokens[i + 1], "(")) {
      const close = matchParen(tokens, i + 1);
      const comma = find(tokens, i + 2, close, (x) => isOp(x, ","));
      if (close < 0 || comma < 0) throw syntax(t);
      out.push(
        openParen(at),
        raw("SELECT string_agg(", at),
        ...tokens.slice(comma + 1, close),
        raw(" || CAST(", at),
        ...qualify(tokens.slice(i + 2, comma), "ifx_r", "ifx_r"),
        raw(" AS text), '' ORDER BY ifx_u.k) FROM unnest(ifx_cb.ifx_path) WITH ORDINALITY AS ifx_u(id, k) JOIN", at),
        ...table,
        raw("ifx_r ON ifx_r.ctid = ifx_u.id", at),
        closeParen(at),
      );
      i = close;
    } else out.push(t);
  }
  return out;
}

const AGGREGATES = new Set(["count", "sum", "avg", "min", "max", "stdev", "variance", "range"]);

/** True when the query groups its rows (then it has no hierarchical order of its own). */
function aggregated(list: readonly Token[], rest: readonly Token[]): boolean {
  return (
    isWord(rest[0], "group") ||
    list.some((t, i) => t.kind === "word" && AGGREGATES.has(t.value) && isOp(list[i + 1], "("))
  );
}

/** Rewrites a hierarchical SELECT; any other statement comes back as it is. */
export function rewriteConnectBy(tokens: readonly Token[]): Token[] {
  if (!isWord(tokens[0], "select")) return [...tokens];
  const n = tokens.length;
  const connect = find(tokens, 0, n, (t, i) => isWord(t, "connect") && isWord(tokens[i + 1], "by"));
  if (connect < 0) return [...tokens];
  const at = tokens[0]!.start;
  const from = find(tokens, 1, n, (t) => isWord(t, "from"));
  const start = find(tokens, from + 1, n, (t, i) => isWord(t, "start") && isWord(tokens[i + 1], "with"));
  const where = find(tokens, from + 1, n, (t) => isWord(t, "where"));
  const tail = find(tokens, from + 1, n, (t) => isWord(t, "group", "order", "having", "union", "into", "for"));
  const clausesEnd = tail < 0 ? n : tail;
  const itemEnd = [where, start, connect].filter((x) => x > 0).reduce((a, b) => Math.min(a, b), clausesEnd);
  if (from < 0 || start < 0) throw syntax(tokens[connect]);
  const item = tokens.slice(from + 1, itemEnd);
  if (item.some((t) => isOp(t, ",") || isWord(t, "join")))
    throw syntax(item.find((t) => isOp(t, ",") || isWord(t, "join")));
  const hasAlias =
    item.length >= 2 &&
    item[item.length - 1]!.kind === "word" &&
    !isOp(item[item.length - 2], ".") &&
    !isOp(item[item.length - 2], ":");
  const table = hasAlias ? item.slice(0, isWord(item[item.length - 2], "as") ? -2 : -1) : item;
  // The alias, or the table's own name (`t` of `db:owner.t`), qualifies the child row's columns.
  const alias = item[item.length - 1]!.text;
  const clauseEnd = (k: number): number =>
    [where, start, connect, clausesEnd].filter((x) => x > k).reduce((a, b) => Math.min(a, b));
  const startCond = tokens.slice(start + 2, clauseEnd(start));
  let c = connect + 2;
  if (isWord(tokens[c], "nocycle")) c++;
  const connectCond = tokens.slice(c, clauseEnd(connect));
  const whereCond = where > 0 ? tokens.slice(where, clauseEnd(where)) : [];
  let rest = tokens.slice(clausesEnd);
  let sortKey: Token[] | null = null;
  if (isWord(rest[0], "order") && isWord(rest[1], "siblings") && isWord(rest[2], "by")) {
    const keyEnd = find(rest, 3, rest.length, (t) => isOp(t, ",") || isWord(t, "asc", "desc", "nulls", "limit"));
    sortKey = rest.slice(3, keyEnd < 0 ? rest.length : keyEnd);
    rest = [raw("ORDER BY ifx_cb.ifx_sort, ifx_cb.ifx_path", at)];
  } else if (!isWord(rest[0], "order") && !aggregated(tokens.slice(0, from), rest)) {
    rest = [raw("ORDER BY ifx_cb.ifx_path", at), ...rest];
  }
  const fromWord = makeToken("word", "FROM", at, "from");
  const joinWord = makeToken("word", "JOIN", at, "join");
  // array_cat drops the key's typmod (varchar(10)[] would not match the recursive term's varchar[]).
  const key = sortKey ? qualify(sortKey, alias, alias) : [raw("0", at)];
  const priorKey = key;
  return [
    makeToken("word", "WITH", at, "with"),
    raw("RECURSIVE ifx_cb (ifx_row, ifx_parent, ifx_root, level, ifx_path, ifx_sort) AS (SELECT", at),
    raw(`${alias}.ctid, CAST(NULL AS tid), ${alias}.ctid, 1, ARRAY[${alias}.ctid], array_cat(ARRAY[`, at),
    ...key,
    raw("], NULL)", at),
    fromWord,
    ...item,
    raw("WHERE (", at),
    ...startCond,
    raw(
      `) UNION ALL SELECT ${alias}.ctid, ifx_prior.ctid, p.ifx_root, p.level + 1, p.ifx_path || ${alias}.ctid, array_cat(p.ifx_sort, ARRAY[`,
      at,
    ),
    ...priorKey,
    raw("])", at),
    raw("FROM ifx_cb p", at),
    joinWord,
    ...table,
    raw("ifx_prior ON ifx_prior.ctid = p.ifx_row", at),
    joinWord,
    ...item,
    raw("ON (", at),
    ...qualify(connectCond, alias, "ifx_prior"),
    raw(`) WHERE NOT ${alias}.ctid = ANY (p.ifx_path))`, at),
    ...pseudoColumns(tokens.slice(0, from), table, alias),
    fromWord,
    ...item,
    raw(`JOIN ifx_cb ON ${alias}.ctid = ifx_cb.ifx_row`, at),
    ...pseudoColumns(whereCond, table, alias),
    ...pseudoColumns(rest, table, alias),
  ];
}
