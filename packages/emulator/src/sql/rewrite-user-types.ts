// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Named ROW and DISTINCT types (issue 9; IDS SQL syntax guide):
//   CREATE ROW TYPE [IF NOT EXISTS] name (field type [NOT NULL], …)   statement type 90
//   CREATE DISTINCT TYPE [IF NOT EXISTS] name AS source_type          92
//   CREATE OPAQUE TYPE [IF NOT EXISTS] name (INTERNALLENGTH = VARIABLE | n
//     [, MAXLEN = n] [, ALIGNMENT = n] [, CANNOTHASH] [, PASSEDBYVALUE])  95
//   DROP ROW TYPE name RESTRICT                                        91
//   DROP TYPE name RESTRICT                                            96
// Each type is a PostgreSQL domain in the database's schema, named like the type: over the
// composite type of the field list (sql/composite-types.ts) or over the source type. Casts
// `x::name` and CAST(x AS name) then need no rewriting. An opaque type is a domain over text:
// its support functions (C code) cannot run here, so a value is kept as the text it was
// given (the input function taken as the identity) and sent back as those bytes, UDTVAR (40)
// for INTERNALLENGTH = VARIABLE, UDTFIXED (41) for a fixed length. The side catalog rows (extended id,
// sysattrtypes fields) are written after the DDL (engine/user-types.ts).

import { InformixSqlError } from "../engine/informix-sql-error.js";
import { parseCompositeType } from "./composite-types.js";
import { pgIdent, type RewriteContext } from "./context.js";
import { type DeclaredType, parseColumnType } from "./informix-types.js";
import { isOp, isWord, raw, type Token } from "./tokenizer.js";
import { SQ_CREABT, SQ_CREADT, SQ_CREANRT, SQ_DROPNRT, SQ_DROPTYPE, SQLUDTFIXED, SQLUDTVAR } from "./type-codes.js";

/** A CREATE ROW/DISTINCT TYPE for the side catalog. */
export interface UserTypePlan {
  readonly schema: string;
  readonly name: string;
  /** 'R' named ROW, 'D' distinct, 'B' opaque (sysxtdtypes.mode). */
  readonly mode: "R" | "D" | "B";
  /** The ROW(…) type of the fields, or the source type. */
  readonly type: DeclaredType;
  /** The source type as written (DISTINCT), e.g. `decimal(10,2)`; the ROW spelling otherwise. */
  readonly spelling: string;
}

export const USER_TYPE_STATEMENTS: Readonly<Record<string, number>> = {
  "create row type": SQ_CREANRT,
  "create distinct type": SQ_CREADT,
  "create opaque type": SQ_CREABT,
  "drop row type": SQ_DROPNRT,
  "drop type": SQ_DROPTYPE,
};

function syntax(t: Token | undefined): InformixSqlError {
  return new InformixSqlError(-201, 0, "", t ? t.start + 1 : 1);
}

/** `name` or `owner.name` at `k`: the type name (lower case unless quoted) and the index after it. */
function typeName(tokens: readonly Token[], k: number): { name: string; next: number } {
  let i = k;
  if (isOp(tokens[i + 1], ".")) i += 2;
  const t = tokens[i];
  if (t?.kind !== "word" && t?.kind !== "quoted") throw syntax(t);
  return { name: t.kind === "quoted" ? t.value : t.value.toLowerCase(), next: i + 1 };
}

/** Wraps a CREATE so that an existing object of the name is no error (IF NOT EXISTS). */
function tolerant(sql: string): string {
  return `DO $ifx$ BEGIN ${sql}; EXCEPTION WHEN duplicate_object THEN NULL; END $ifx$`;
}

/**
 * The PostgreSQL statement of a type DDL statement of `statementType`, and what the side
 * catalog must record (CREATE) or prune (DROP).
 */
export function rewriteUserType(
  tokens: readonly Token[],
  statementType: number,
  ctx: RewriteContext,
): { tokens: Token[]; plan?: UserTypePlan; dropped?: string } {
  const schema = ctx.database ?? "";
  const at = tokens[0]!.start;
  if (statementType === SQ_DROPNRT || statementType === SQ_DROPTYPE) {
    const { name, next } = typeName(tokens, statementType === SQ_DROPNRT ? 3 : 2);
    const mode = tokens[next];
    if (!isWord(mode, "restrict") || tokens.length > next + 1) throw syntax(mode ?? tokens[next - 1]);
    const sql = `DROP DOMAIN ${pgIdent(schema)}.${pgIdent(name)} RESTRICT`;
    return { tokens: [raw(sql, at)], dropped: name };
  }
  let k = 3;
  const ifNotExists = isWord(tokens[k], "if") && isWord(tokens[k + 1], "not") && isWord(tokens[k + 2], "exists");
  if (ifNotExists) k += 3;
  const { name, next } = typeName(tokens, k);
  if (statementType === SQ_CREABT) return opaqueType(tokens, next, schema, name, ifNotExists, at);
  let type: DeclaredType;
  let spelling: string;
  if (statementType === SQ_CREANRT) {
    if (!isOp(tokens[next], "(")) throw syntax(tokens[next]);
    const row: Token = { ...tokens[next - 1]!, kind: "word", text: "row", value: "row" };
    const parsed = parseCompositeType([row, ...tokens.slice(next)], 0, parseColumnType);
    if (parsed === null || parsed.next !== tokens.length - next + 1) throw syntax(tokens[next]);
    type = parsed.type;
    spelling = type.xname;
  } else {
    if (!isWord(tokens[next], "as")) throw syntax(tokens[next]);
    const parsed = parseColumnType(tokens, next + 1);
    if (parsed === null || parsed.next !== tokens.length || parsed.type.serial) throw syntax(tokens[next + 1]);
    type = parsed.type;
    spelling = tokens
      .slice(next + 1)
      .map((t) => (t.kind === "word" ? t.value : t.text))
      .join(" ")
      .replace(/\s*([(),])\s*/g, "$1");
  }
  const create = `CREATE DOMAIN ${pgIdent(schema)}.${pgIdent(name)} AS ${type.pg}`;
  const plan: UserTypePlan = { schema, name, mode: statementType === SQ_CREANRT ? "R" : "D", type, spelling };
  return { tokens: [raw(ifNotExists ? tolerant(create) : create, at)], plan };
}

/** IDS's default maximum length of a variable-length opaque type (MAXLEN). */
const DEFAULT_MAXLEN = 2048;
const MAX_INTERNAL_LENGTH = 32767;

/** CREATE OPAQUE TYPE: a domain over text; the length modifiers give its type code and length. */
function opaqueType(
  tokens: readonly Token[],
  k: number,
  schema: string,
  name: string,
  ifNotExists: boolean,
  at: number,
): { tokens: Token[]; plan: UserTypePlan } {
  if (!isOp(tokens[k], "(")) throw syntax(tokens[k]);
  let i = k + 1;
  let internal: number | "variable" | undefined;
  let maxlen = DEFAULT_MAXLEN;
  const number = (t: Token | undefined): number => {
    const n = t?.kind === "number" ? Number(t.text) : Number.NaN;
    if (!Number.isInteger(n) || n < 1 || n > MAX_INTERNAL_LENGTH) throw syntax(t);
    return n;
  };
  for (;;) {
    const word = tokens[i];
    if (isWord(word, "cannothash") || isWord(word, "passedbyvalue")) i++;
    else if (isWord(word, "internallength") && isOp(tokens[i + 1], "=")) {
      internal = isWord(tokens[i + 2], "variable") ? "variable" : number(tokens[i + 2]);
      i += 3;
    } else if ((isWord(word, "maxlen") || isWord(word, "alignment")) && isOp(tokens[i + 1], "=")) {
      const n = number(tokens[i + 2]);
      if (isWord(word, "maxlen")) maxlen = n;
      i += 3;
    } else throw syntax(word);
    if (isOp(tokens[i], ",")) i++;
    else break;
  }
  if (!isOp(tokens[i], ")") || tokens.length > i + 1 || internal === undefined) throw syntax(tokens[i]);
  const variable = internal === "variable";
  const length = variable ? maxlen : (internal as number);
  const type: DeclaredType = {
    code: variable ? SQLUDTVAR : SQLUDTFIXED,
    encodedLength: length,
    xid: 0,
    xname: name,
    pg: "text",
  };
  const create = `CREATE DOMAIN ${pgIdent(schema)}.${pgIdent(name)} AS text`;
  const plan: UserTypePlan = { schema, name, mode: "B", type, spelling: name };
  return { tokens: [raw(ifNotExists ? tolerant(create) : create, at)], plan };
}
