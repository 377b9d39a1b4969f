// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The text form of ROW and collection values, as IDS sends them in tuples and accepts them
// as string literals (docs/protocol/composite-types.md): `SET{1,2}`, `LIST{'a','b'}`,
// `MULTISET{}`, `ROW('Alice',30)`, nested freely; NULL is the word NULL, strings are
// single-quoted with '' for a quote, numbers and other scalars bare. Parsing yields a
// literal tree; `literalToJs` maps it onto JS through the column's type shape, and
// `formatComposite` writes JS values back as text (the bind form).

import { parseTypeShape, type TypeShape } from "./composite-shape.js";
import { TypeCodecError } from "./type-codec-error.js";

/** A parsed composite literal: NULL, a scalar's text, or a ROW/collection of literals. */
export type CompositeLiteral =
  | null
  | { readonly text: string; readonly quoted: boolean }
  | { readonly kind: "set" | "multiset" | "list" | "row"; readonly items: readonly CompositeLiteral[] };

function bad(why: string): TypeCodecError {
  return new TypeCodecError("INVALID_VALUE", `malformed composite value: ${why}`);
}

class LiteralParser {
  i = 0;
  constructor(readonly s: string) {}

  private ws(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i]!)) this.i++;
  }

  value(): CompositeLiteral {
    this.ws();
    const s = this.s;
    const c = s[this.i];
    if (c === "'" || c === '"') return this.quoted(c);
    const m = /^(set|multiset|list)\s*\{|^row\s*\(/i.exec(s.slice(this.i, this.i + 12));
    if (m) {
      const kind = m[0].replace(/[\s{(]/g, "").toLowerCase() as "set" | "multiset" | "list" | "row";
      this.i += m[0].length;
      return { kind, items: this.items(kind === "row" ? ")" : "}") };
    }
    const start = this.i;
    while (this.i < s.length && !",})".includes(s[this.i]!)) this.i++;
    const text = s.slice(start, this.i).trim();
    if (text === "") throw bad(`empty element at ${start}`);
    return /^null$/i.test(text) ? null : { text, quoted: false };
  }

  private quoted(q: string): CompositeLiteral {
    let out = "";
    this.i++;
    for (;;) {
      const j = this.s.indexOf(q, this.i);
      if (j < 0) throw bad("unterminated string");
      out += this.s.slice(this.i, j);
      this.i = j + 1;
      if (this.s[this.i] !== q) return { text: out, quoted: true };
      out += q;
      this.i++;
    }
  }

  private items(close: string): CompositeLiteral[] {
    const items: CompositeLiteral[] = [];
    this.ws();
    if (this.s[this.i] === close) {
      this.i++;
      return items;
    }
    for (;;) {
      items.push(this.value());
      this.ws();
      const c = this.s[this.i++];
      if (c === close) return items;
      if (c !== ",") throw bad(`expected ',' or '${close}' at ${this.i - 1}`);
    }
  }
}

/** Parses the text of a composite value; throws INVALID_VALUE when malformed. */
export function parseCompositeLiteral(text: string): CompositeLiteral {
  const p = new LiteralParser(text);
  const v = p.value();
  if (text.slice(p.i).trim() !== "") throw bad(`text after the value at ${p.i}`);
  return v;
}

const INTEGER = /^(smallint|integer|int|serial)\b/;
const INT64 = /^(int8|bigint|serial8|bigserial)\b/;
const FLOATING = /^(float|smallfloat|real|double)\b/;
const DECIMAL = /^(decimal|numeric|money)\b/;

function scalarToJs(lit: { text: string; quoted: boolean }, name: string | undefined): unknown {
  if (name === undefined) return lit.quoted || !/^[-+]?\d/.test(lit.text) ? lit.text : Number(lit.text);
  if (INTEGER.test(name) || FLOATING.test(name)) return Number(lit.text.trim());
  if (INT64.test(name)) return BigInt(lit.text.trim());
  if (name === "boolean") return /^(t|1|true)$/i.test(lit.text.trim());
  if (DECIMAL.test(name)) return lit.text.trim();
  return lit.text;
}

/** Maps a literal onto JS: collections → arrays, ROW → object keyed by field (array without a shape). */
export function literalToJs(lit: CompositeLiteral, shape?: TypeShape): unknown {
  if (lit === null) return null;
  if (!("kind" in lit)) return scalarToJs(lit, shape?.kind === "scalar" ? shape.name : undefined);
  if (lit.kind === "row") {
    if (shape?.kind !== "row") return lit.items.map((x) => literalToJs(x));
    if (shape.fields.length !== lit.items.length)
      throw bad(`ROW of ${lit.items.length} values for ${shape.fields.length} fields`);
    const out: Record<string, unknown> = {};
    shape.fields.forEach((f, i) => {
      out[f.name] = literalToJs(lit.items[i]!, f.type);
    });
    return out;
  }
  const element = shape !== undefined && shape.kind !== "row" && shape.kind !== "scalar" ? shape.element : undefined;
  return lit.items.map((x) => literalToJs(x, element));
}

/** Decodes composite text with the column's extended type name (the DESCRIBE field). */
export function decodeCompositeText(text: string, typeName: string | undefined): unknown {
  const shape = typeName ? parseTypeShape(typeName) : undefined;
  return literalToJs(parseCompositeLiteral(text), shape);
}

function quote(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

function wrong(value: unknown, what: string): TypeCodecError {
  const got = value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
  return new TypeCodecError("INVALID_VALUE", `expected ${what}, got ${got}`);
}

function formatScalar(value: unknown, name: string | undefined): string {
  if (value === null || value === undefined) return "NULL";
  if (name !== undefined && (INTEGER.test(name) || FLOATING.test(name) || INT64.test(name) || DECIMAL.test(name))) {
    if (typeof value === "number" && Number.isFinite(value)) return String(value);
    if (typeof value === "bigint") return String(value);
    if (typeof value === "string" && /^[-+]?\d+(\.\d*)?([eE][-+]?\d+)?$/.test(value.trim())) return value.trim();
    throw wrong(value, `a number for ${name}`);
  }
  if (name === "boolean") {
    if (typeof value !== "boolean") throw wrong(value, "a boolean");
    return value ? "'t'" : "'f'";
  }
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (typeof value === "boolean") return value ? "'t'" : "'f'";
  if (typeof value === "string") return quote(value);
  if (value instanceof Date) return quote(value.toISOString().slice(0, 10));
  throw wrong(value, "a scalar");
}

/** Writes a JS value as composite text; `shape` (from a type name) checks and orders it. */
export function formatComposite(value: unknown, shape?: TypeShape): string {
  if (value === null || value === undefined) return "NULL";
  if (shape === undefined || shape.kind === "scalar") {
    if (value instanceof Set) return `SET{${[...value].map((v) => formatComposite(v)).join(",")}}`;
    if (Array.isArray(value)) return `LIST{${value.map((v) => formatComposite(v)).join(",")}}`;
    if (typeof value === "object" && !(value instanceof Date))
      return `ROW(${Object.values(value)
        .map((v) => formatComposite(v))
        .join(",")})`;
    return formatScalar(value, shape?.name);
  }
  if (shape.kind === "row") {
    if (Array.isArray(value)) {
      if (value.length !== shape.fields.length) throw wrong(value, `${shape.fields.length} ROW fields`);
      return `ROW(${shape.fields.map((f, i) => formatComposite(value[i], f.type)).join(",")})`;
    }
    if (typeof value !== "object" || value instanceof Date || value instanceof Set) throw wrong(value, "an object");
    const o = value as Record<string, unknown>;
    return `ROW(${shape.fields.map((f) => formatComposite(o[f.name], f.type)).join(",")})`;
  }
  const items = value instanceof Set ? [...value] : value;
  if (!Array.isArray(items)) throw wrong(value, `an array for ${shape.kind.toUpperCase()}`);
  return `${shape.kind.toUpperCase()}{${items.map((v) => formatComposite(v, shape.element)).join(",")}}`;
}
