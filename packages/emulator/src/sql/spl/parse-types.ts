// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Types in SPL declarations (parameters, RETURNING, DEFINE): an Informix data type (the
// DDL type parser decides its PostgreSQL type), `LIKE table.column` (PostgreSQL's
// `table.column%TYPE`, resolved when the routine is created, as IDS does), and
// `REFERENCES BYTE|TEXT`.

import { pgIdent } from "../context.js";
import { parseType } from "../informix-types.js";
import type { SplType } from "./ast.js";
import type { TokenCursor } from "./cursor.js";

export function parseSplType(c: TokenCursor): SplType {
  if (c.optionalWord("like")) {
    const parts = [c.name()];
    while (c.optionalOp(".")) parts.push(c.name());
    if (parts.length < 2) throw c.error();
    const [table, column] = parts.slice(-2) as [string, string];
    return { pg: `${pgIdent(table)}.${pgIdent(column)}%TYPE` };
  }
  if (c.optionalWord("references")) {
    const t = c.word("byte", "text");
    return { pg: t.value === "byte" ? "bytea" : "text" };
  }
  const parsed = parseType(c.tokens, c.i);
  if (parsed === null) throw c.error();
  c.i = parsed.next;
  return { pg: parsed.type.pg };
}
