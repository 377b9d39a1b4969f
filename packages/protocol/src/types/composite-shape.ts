// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The structure of a ROW or collection type, read from its extended type name as DESCRIBE
// carries it (docs/protocol/composite-types.md): `ROW(name varchar(50), age integer)`,
// `SET(integer not null)`, `LIST(ROW(a int, b MULTISET(char(2) not null)) not null)`.
// Keywords are case-insensitive; `not null` after an element is kept as a flag. A name
// that is not a ROW or collection is a scalar (its spelling lower-cased, no NOT NULL).

import { TypeCodecError } from "./type-codec-error.js";

export type CollectionKind = "set" | "multiset" | "list";

/** One field of a ROW shape. */
export interface RowField {
  readonly name: string;
  readonly type: TypeShape;
}

/** A parsed extended type name. */
export type TypeShape =
  | { readonly kind: CollectionKind; readonly element: TypeShape; readonly notNull: boolean }
  | { readonly kind: "row"; readonly fields: readonly RowField[] }
  | { readonly kind: "scalar"; readonly name: string };

const COLLECTIONS = new Set(["set", "multiset", "list"]);
const cache = new Map<string, TypeShape>();
const CACHE_LIMIT = 256;

function bad(name: string): TypeCodecError {
  return new TypeCodecError("INVALID_VALUE", `malformed composite type name ${JSON.stringify(name)}`);
}

/** Splits `s` at top-level commas (outside parentheses). */
function splitTop(s: string, whole: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "," && depth === 0) {
      parts.push(s.slice(start, i));
      start = i + 1;
    }
    if (depth < 0) throw bad(whole);
  }
  if (depth !== 0) throw bad(whole);
  parts.push(s.slice(start));
  return parts.map((p) => p.trim());
}

function parse(text: string, whole: string): TypeShape {
  const s = text.trim();
  const m = /^(\w+)\s*\((.*)\)$/s.exec(s);
  const head = m?.[1]?.toLowerCase();
  if (m && head !== undefined && COLLECTIONS.has(head)) {
    let inner = m[2]!.trim();
    const notNull = /\s+not\s+null$/i.test(inner);
    if (notNull) inner = inner.replace(/\s+not\s+null$/i, "");
    return { kind: head as CollectionKind, element: parse(inner, whole), notNull };
  }
  if (m && head === "row") {
    const fields = splitTop(m[2]!, whole).map((f) => {
      const fm = /^("?)([^\s"]+)\1\s+(.+)$/s.exec(f);
      if (!fm) throw bad(whole);
      return { name: fm[2]!, type: parse(fm[3]!.replace(/\s+not\s+null$/i, ""), whole) };
    });
    return { kind: "row", fields };
  }
  if (s === "") throw bad(whole);
  return { kind: "scalar", name: s.toLowerCase().replace(/\s+/g, " ") };
}

/** The shape of an extended type name; throws INVALID_VALUE when it is malformed. */
export function parseTypeShape(name: string): TypeShape {
  const hit = cache.get(name);
  if (hit) return hit;
  const shape = parse(name.replace(/^\w+\./, ""), name);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(name, shape);
  return shape;
}

/** The extended type name of a shape, spelled as IDS spells it (keywords upper case). */
export function formatTypeShape(shape: TypeShape): string {
  switch (shape.kind) {
    case "scalar":
      return shape.name;
    case "row":
      return `ROW(${shape.fields.map((f) => `${f.name} ${formatTypeShape(f.type)}`).join(", ")})`;
    default:
      return `${shape.kind.toUpperCase()}(${formatTypeShape(shape.element)}${shape.notNull ? " not null" : ""})`;
  }
}

/** True when a type name names a ROW or a collection. */
export function isCompositeTypeName(name: string | undefined): boolean {
  return name !== undefined && /^\s*(\w+\.)?(row|set|multiset|list)\s*\(/i.test(name);
}
