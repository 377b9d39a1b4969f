// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// MERGE INTO target [AS] t USING source [AS] s ON (cond) WHEN MATCHED THEN UPDATE SET … | DELETE
// WHEN NOT MATCHED THEN INSERT (…) VALUES (…): IDS's MERGE is PostgreSQL's (15 and later) but for
// the SET targets, which IDS lets the statement qualify with the target's name or alias
// (`t.col = s.col`) and PostgreSQL does not. Table names and expressions go through the usual
// passes (rewrite-names: the names after INTO and USING); the DONE's rows are the MERGE tag's.

import { isOp, isWord, type Token } from "./tokenizer.js";

/** Drops `qualifier.` from each `qualifier.column =` target of the UPDATE SET clauses at depth 0. */
export function unqualifySetTargets(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  let depth = 0;
  let inSet = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (isOp(t, "(")) depth++;
    else if (isOp(t, ")")) depth--;
    else if (depth === 0 && isWord(t, "set") && isWord(tokens[i - 1], "update")) inSet = true;
    else if (depth === 0 && isWord(t, "when")) inSet = false;
    const target = isOp(tokens[i - 1], ",") || isWord(tokens[i - 1], "set");
    if (inSet && depth === 0 && target && isOp(tokens[i + 1], ".") && isOp(tokens[i + 3], "=")) {
      i += 1;
      continue;
    }
    out.push(t);
  }
  return out;
}
