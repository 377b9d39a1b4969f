// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// ROW and collection values between PostgreSQL text and IDS's text form:
//   int[] `{1,2}` as SET(integer not null) → `SET{1,2}`;
//   composite `(Alice,30)` as ROW(name varchar(50), age integer) → `ROW('Alice',30)`;
// guided by the column's extended type name (its shape). Storage is described in
// sql/composite-types.ts: an element collection of a collection is wrapped in a one-field
// composite. Parameters go the other way: a bound `SET{…}` text becomes PostgreSQL input text.

import { parseCompositeLiteral, parseTypeShape, type TypeShape } from "@informix-db/protocol";
import { literalToPgText } from "../sql/composite-types.js";

/** Splits PostgreSQL array (`{…}`) or record (`(…)`) text into its elements' texts (null for NULL). */
function splitPg(text: string, open: string, close: string): (string | null)[] {
  const s = text.trim();
  if (s[0] !== open || s[s.length - 1] !== close) throw new Error(`not PostgreSQL ${open}${close} text: ${s}`);
  const out: (string | null)[] = [];
  const array = open === "{";
  let i = 1;
  const end = s.length - 1;
  if (i === end) return array ? [] : [null];
  for (;;) {
    let value = "";
    let quoted = false;
    let depth = 0;
    while (i < end) {
      const c = s[i]!;
      if (c === '"') {
        quoted = true;
        i++;
        while (i < end) {
          const q = s[i]!;
          if (q === "\\") {
            value += s[i + 1];
            i += 2;
          } else if (q === '"' && s[i + 1] === '"' && !array) {
            value += '"';
            i += 2;
          } else if (q === '"') {
            i++;
            break;
          } else {
            value += q;
            i++;
          }
        }
        continue;
      }
      if (depth === 0 && c === ",") break;
      if (c === "{" || c === "(") depth++;
      if (c === "}" || c === ")") depth--;
      value += c;
      i++;
    }
    if (array) out.push(!quoted && value === "NULL" ? null : value);
    else out.push(!quoted && value === "" ? null : value);
    if (i >= end) return out;
    i++; // the comma
  }
}

const BARE =
  /^(smallint|integer|int|serial|int8|bigint|serial8|bigserial|float|smallfloat|real|double|decimal|numeric|money)\b/;

function quote(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

function scalar(text: string, name: string): string {
  if (BARE.test(name)) return text;
  if (name === "boolean") return text === "t" || text === "true" ? "'t'" : "'f'";
  return quote(text);
}

function convert(text: string | null, shape: TypeShape, wrapped = false): string {
  if (text === null) return "NULL";
  switch (shape.kind) {
    case "scalar":
      return scalar(text, shape.name);
    case "row": {
      const fields = splitPg(text, "(", ")");
      return `ROW(${shape.fields.map((f, i) => convert(fields[i] ?? null, f.type)).join(",")})`;
    }
    default: {
      if (wrapped) return convert(splitPg(text, "(", ")")[0] ?? null, shape);
      const nested = shape.element.kind !== "scalar" && shape.element.kind !== "row";
      const items = splitPg(text, "{", "}").map((x) => convert(x, shape.element, nested));
      return `${shape.kind.toUpperCase()}{${items.join(",")}}`;
    }
  }
}

/** PostgreSQL text of a ROW/collection column → IDS's text form, by extended type name. */
export function pgToCompositeText(text: string, typeName: string): string {
  return convert(text, parseTypeShape(typeName));
}

const LITERAL_START = /^\s*((set|multiset|list)\s*\{|row\s*\()/i;

/** A bound value that is ROW/collection text → PostgreSQL input text; other values unchanged. */
export function compositeParamToPg(value: string): string {
  if (!LITERAL_START.test(value)) return value;
  try {
    return literalToPgText(parseCompositeLiteral(value)) ?? value;
  } catch {
    return value; // malformed: PostgreSQL rejects it as the column's input, an SQL error
  }
}
