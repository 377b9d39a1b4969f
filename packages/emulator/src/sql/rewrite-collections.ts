// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Collection-derived tables: `FROM TABLE(SET{1, 2})` (also MULTISET and LIST) becomes
// `FROM (VALUES (1), (2)) AS _collection(unnamed)`. IBM JDBC's
// DatabaseMetaData.getDatabaseProductVersion runs `select dbinfo('version','full') from
// table (set{1})`. `TABLE(MULTISET(SELECT …))` becomes the subquery `(SELECT …) AS _collection`.

import { isOp, isWord, makeToken, matchParen, raw, type Token } from "./tokenizer.js";

export function rewriteCollectionTables(input: readonly Token[]): Token[] {
  const tokens = [...input];
  for (let i = 0; i < tokens.length; i++) {
    if (!isWord(tokens[i], "table") || !isOp(tokens[i + 1], "(")) continue;
    if (
      isWord(tokens[i + 2], "multiset", "list", "set") &&
      isOp(tokens[i + 3], "(") &&
      isWord(tokens[i + 4], "select")
    ) {
      // TABLE(MULTISET(SELECT …)): the subquery's rows are the collection's elements.
      const close = matchParen(tokens, i + 1);
      const inner = matchParen(tokens, i + 3);
      if (close < 0 || inner !== close - 1) continue;
      const at = tokens[i]!.start;
      const hasAlias =
        tokens[close + 1]?.kind === "word" && !isWord(tokens[close + 1], "where", "group", "order", "union");
      const sub = [makeToken("op", "(", at), ...tokens.slice(i + 4, inner), makeToken("op", ")", at)];
      if (!hasAlias) sub.push(raw("AS _collection", at));
      tokens.splice(i, close - i + 1, ...sub);
      continue;
    }
    if (!isWord(tokens[i + 2], "set", "multiset", "list") || !isOp(tokens[i + 3], "{")) continue;
    const close = matchParen(tokens, i + 1);
    const brace = tokens.findIndex((t, j) => j > i + 3 && isOp(t, "}"));
    if (close < 0 || brace < 0 || brace > close) continue;
    const at = tokens[i]!.start;
    const rows: Token[] = [];
    let depth = 0;
    let first = true;
    for (let j = i + 4; j < brace; j++) {
      const t = tokens[j]!;
      if (isOp(t, "(")) depth++;
      else if (isOp(t, ")")) depth--;
      if (depth === 0 && isOp(t, ",")) {
        rows.push(raw("), (", at));
        continue;
      }
      if (first) rows.push(raw("(VALUES (", at));
      first = false;
      rows.push(t);
    }
    if (first) rows.push(raw("(SELECT NULL WHERE FALSE", at));
    else rows.push(raw(")", at));
    const hasAlias =
      tokens[close + 1]?.kind === "word" && !isWord(tokens[close + 1], "where", "group", "order", "union");
    rows.push(raw(hasAlias ? ")" : ") AS _collection(unnamed)", at));
    tokens.splice(i, close - i + 1, ...rows);
  }
  return tokens;
}
