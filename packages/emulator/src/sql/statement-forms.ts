// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Statement forms IDS accepts and PostgreSQL spells otherwise, normalised on the tokens before
// the rewriter classifies and rewrites them:
//   DELETE t WHERE …                  the FROM is optional in IDS: DELETE FROM t WHERE …
//   UPDATE t [AS] a SET a.col = …     qualified SET targets lose the qualifier (PostgreSQL
//                                     refuses them), as MERGE's do (rewrite-merge.ts)
//   DROP INDEX i ONLINE               DROP INDEX i
//   q1 MINUS q2                       EXCEPT (rewrite-select.ts)
//   SELECT … START WITH … CONNECT BY  a recursive CTE (rewrite-connect-by.ts)

import { rewriteConnectBy } from "./rewrite-connect-by.js";
import { unqualifySetTargets } from "./rewrite-merge.js";
import { rewriteMinus } from "./rewrite-select.js";
import { isOp, isWord, makeToken, type Token } from "./tokenizer.js";

/** The tokens of one statement in the form the rest of the rewriter expects. */
export function normaliseStatement(tokens: readonly Token[]): Token[] {
  const first = tokens[0];
  if (isWord(first, "delete") && tokens[1] !== undefined && !isWord(tokens[1], "from")) {
    return [first!, makeToken("word", "FROM", tokens[1].start, "from"), ...tokens.slice(1)];
  }
  if (isWord(first, "update")) return unqualifyUpdateTargets(tokens);
  // DROP INDEX i ONLINE: IDS drops it without an exclusive lock; the same here.
  if (isWord(first, "drop") && isWord(tokens[1], "index") && isWord(tokens[tokens.length - 1], "online"))
    return tokens.slice(0, -1);
  return rewriteConnectBy(rewriteMinus(tokens));
}

/** `UPDATE t a SET a.x = …, a.y = …`: the SET clause's targets without their qualifier. */
function unqualifyUpdateTargets(tokens: readonly Token[]): Token[] {
  let depth = 0;
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (isOp(t, "(")) depth++;
    else if (isOp(t, ")")) depth--;
    else if (depth === 0 && isWord(t, "set")) {
      // unqualifySetTargets starts a SET clause after the word UPDATE; the table name and its
      // alias are not part of the clause.
      const clause = unqualifySetTargets([makeToken("word", "update", t.start), ...tokens.slice(i)]);
      return [...tokens.slice(0, i), ...clause.slice(1)];
    }
  }
  return [...tokens];
}
