// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// ROW and collection types in DDL and literals (docs/emulator-sql.md, "ROW and collection
// types"). Storage in PostgreSQL:
//   SET/MULTISET/LIST(T) → T's PostgreSQL type as an array; an element that is itself a
//     collection is wrapped in a one-field composite type (PostgreSQL arrays do not nest);
//   ROW(f T, ...) → a composite type ifx.r_<hash of its definition>, created on first use.
// The declared type keeps IDS's type code (19 SET, 20 MULTISET, 21 LIST, 22 ROW) and the
// extended type name DESCRIBE carries, e.g. `ROW(name varchar(50), age integer)`.
// Literals: a constant `SET{…}` / `ROW(…)` becomes a PostgreSQL text literal of the value
// (PostgreSQL's input functions then type it from the target column).

import type { CompositeLiteral } from "@informix-db/protocol";
import { InformixSqlError } from "../engine/informix-sql-error.js";
import { pgIdent } from "./context.js";
import type { DeclaredType } from "./informix-types.js";
import { isOp, isWord, matchParen, splitTopLevel, type Token } from "./tokenizer.js";
import { SQLLIST, SQLMULTISET, SQLROW, SQLSET } from "./type-codes.js";

type ParseType = (tokens: readonly Token[], i: number) => { type: DeclaredType; next: number } | null;

/** syscolumns.collength IDS gives ROW and collection columns [emulator choice, unverified]. */
export const COMPOSITE_LENGTH = 2048;
const CODES: Record<string, number> = { set: SQLSET, multiset: SQLMULTISET, list: SQLLIST, row: SQLROW };
const NAMES: Record<string, string> = { int: "integer", dec: "decimal", numeric: "decimal", real: "smallfloat" };

function syntax(t: Token | undefined): InformixSqlError {
  return new InformixSqlError(-201, 0, "", t ? t.start + 1 : 0);
}

/** FNV-1a, for stable composite type names. */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, "0");
}

/** The extended-type spelling of a scalar type written as tokens[i, next). */
function spell(tokens: readonly Token[], i: number, next: number, type: DeclaredType): string {
  if ([SQLSET, SQLMULTISET, SQLLIST, SQLROW].includes(type.code)) return type.xname;
  let s = "";
  for (let k = i; k < next; k++) {
    const t = tokens[k]!;
    const text = t.kind === "word" ? (k === i ? (NAMES[t.value] ?? t.value) : t.value) : t.text;
    s +=
      s === "" || text === "(" || text === ")" || text === "," || s.endsWith("(") || s.endsWith(",")
        ? text
        : ` ${text}`;
  }
  return s;
}

/** `CREATE TYPE` that tolerates the type already existing (another table made it). */
function createType(name: string, body: string): string {
  return `DO $$ BEGIN CREATE TYPE ${name} AS (${body}); EXCEPTION WHEN duplicate_object THEN NULL; END $$`;
}

function element(tokens: readonly Token[], i: number, parseType: ParseType) {
  const parsed = parseType(tokens, i);
  if (parsed === null) throw syntax(tokens[i]);
  return { ...parsed, name: spell(tokens, i, parsed.next, parsed.type) };
}

/** Parses SET/MULTISET/LIST(...) or ROW(...) at `i` (the keyword). */
export function parseCompositeType(
  tokens: readonly Token[],
  i: number,
  parseType: ParseType,
): { type: DeclaredType; next: number } | null {
  const kw = tokens[i];
  if (kw?.kind !== "word" || !(kw.value in CODES) || !isOp(tokens[i + 1], "(")) return null;
  const close = matchParen(tokens, i + 1);
  if (close < 0) throw syntax(tokens[i + 1]);
  const inner = tokens.slice(i + 2, close);
  const setup: string[] = [];
  if (kw.value === "row") {
    const fields = splitTopLevel(inner).map((f) => {
      const name = f[0];
      if (name === undefined || (name.kind !== "word" && name.kind !== "quoted")) throw syntax(name ?? kw);
      const el = element(f, 1, parseType);
      if (isWord(f[el.next], "not") && isWord(f[el.next + 1], "null")) el.next += 2;
      if (el.next !== f.length) throw syntax(f[el.next]);
      setup.push(...(el.type.setup ?? []));
      const fieldName = name.kind === "quoted" ? name.value : name.value;
      return { name: fieldName, type: el.type, spelled: el.name };
    });
    if (fields.length === 0) throw syntax(tokens[close]);
    const body = fields.map((f) => `${pgIdent(f.name)} ${f.type.pg}`).join(", ");
    const pg = `ifx.r_${hash(body)}`;
    setup.push(createType(pg, body));
    const xname = `ROW(${fields.map((f) => `${f.name} ${f.spelled}`).join(", ")})`;
    return { type: { code: SQLROW, encodedLength: COMPOSITE_LENGTH, xid: 0, xname, pg, setup }, next: close + 1 };
  }
  const el = element(inner, 0, parseType);
  let k = el.next;
  const notNull = isWord(inner[k], "not") && isWord(inner[k + 1], "null");
  if (notNull) k += 2;
  if (k !== inner.length) throw syntax(inner[k]);
  setup.push(...(el.type.setup ?? []));
  let pgElement = el.type.pg;
  if ([SQLSET, SQLMULTISET, SQLLIST].includes(el.type.code)) {
    pgElement = `ifx.c_${hash(el.type.pg)}`;
    setup.push(createType(pgElement, `v ${el.type.pg}`));
  }
  const xname = `${kw.value.toUpperCase()}(${el.name}${notNull ? " not null" : ""})`;
  const type = { code: CODES[kw.value]!, encodedLength: COMPOSITE_LENGTH, xid: 0, xname, pg: `${pgElement}[]`, setup };
  return { type, next: close + 1 };
}

function pgQuote(s: string): string {
  return `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/**
 * An Informix composite literal as PostgreSQL input text: `SET{1,2}` → `{"1","2"}`,
 * `ROW('a',NULL)` → `("a",)`. A collection inside a collection is the one field of its
 * wrapper composite: `LIST{SET{1}}` → `{"(\"{\\\"1\\\"}\")"}`.
 */
export function literalToPgText(lit: CompositeLiteral, inCollection = false): string | null {
  if (lit === null) return null;
  if (!("kind" in lit)) return lit.text;
  if (lit.kind === "row")
    return `(${lit.items.map((x) => (x === null ? "" : pgQuote(literalToPgText(x)!))).join(",")})`;
  const text = `{${lit.items.map((x) => (x === null ? "NULL" : pgQuote(literalToPgText(x, true)!))).join(",")}}`;
  return inCollection ? `(${pgQuote(text)})` : text;
}
