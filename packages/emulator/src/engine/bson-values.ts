// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// BSON values between the wire (BSON document bytes, protocol types/bson.ts) and their
// storage, PostgreSQL json (its text as written: key order and number digits are kept, so
// the kinds survive the trip):
//   an integer in int32 range ↔ int32, another integer ↔ int64, a number with a fraction or
//   an exponent ↔ double (a double with an integral value outside int32 is written `1e10`
//   → `10000000000.0`; one inside int32, 2.0, is a JS 2 and comes back as int32 2);
//   Date ↔ {"$date": "<ISO 8601>"}, ObjectId ↔ {"$oid": "<hex>"},
//   binary ↔ {"$binary": {"base64": "…", "subType": "00"}} (MongoDB extended JSON).

import { BsonObjectId, decodeBson, encodeBson } from "@informix-db/protocol";

/** Reads JSON text keeping each number's kind (see above). */
class JsonReader {
  i = 0;
  constructor(private readonly s: string) {}

  private ws(): void {
    while (/\s/.test(this.s[this.i] ?? "")) this.i++;
  }

  value(): unknown {
    this.ws();
    const c = this.s[this.i];
    if (c === "{") return this.object();
    if (c === "[") return this.array();
    if (c === '"') return this.string();
    const m = /^(-?\d+)(\.\d+)?([eE][-+]?\d+)?|^true|^false|^null/.exec(this.s.slice(this.i, this.i + 400));
    if (!m) throw new SyntaxError(`JSON: unexpected text at ${this.i}`);
    this.i += m[0].length;
    if (m[0] === "true" || m[0] === "false") return m[0] === "true";
    if (m[0] === "null") return null;
    if (m[2] !== undefined || m[3] !== undefined) return Number(m[0]);
    const n = BigInt(m[0]);
    return n >= -2147483648n && n <= 2147483647n ? Number(n) : n;
  }

  private string(): string {
    const start = this.i;
    this.i++;
    while (this.s[this.i] !== '"') {
      if (this.i >= this.s.length) throw new SyntaxError("JSON: unterminated string");
      this.i += this.s[this.i] === "\\" ? 2 : 1;
    }
    this.i++;
    return JSON.parse(this.s.slice(start, this.i)) as string;
  }

  private array(): unknown[] {
    const out: unknown[] = [];
    this.i++;
    this.ws();
    if (this.s[this.i] === "]") {
      this.i++;
      return out;
    }
    for (;;) {
      out.push(this.value());
      this.ws();
      const c = this.s[this.i++];
      if (c === "]") return out;
      if (c !== ",") throw new SyntaxError("JSON: expected , or ]");
    }
  }

  private object(): unknown {
    const out: Record<string, unknown> = {};
    this.i++;
    this.ws();
    if (this.s[this.i] === "}") {
      this.i++;
      return out;
    }
    for (;;) {
      this.ws();
      const key = this.string();
      this.ws();
      if (this.s[this.i++] !== ":") throw new SyntaxError("JSON: expected :");
      out[key] = this.value();
      this.ws();
      const c = this.s[this.i++];
      if (c === "}") return fromExtended(out);
      if (c !== ",") throw new SyntaxError("JSON: expected , or }");
    }
  }
}

/** MongoDB extended JSON forms → their BSON values; other objects unchanged. */
function fromExtended(o: Record<string, unknown>): unknown {
  const keys = Object.keys(o);
  if (keys.length !== 1) return o;
  const v = o[keys[0]!];
  if (keys[0] === "$oid" && typeof v === "string" && /^[0-9a-f]{24}$/i.test(v)) return BsonObjectId.fromHex(v);
  if (keys[0] === "$date" && typeof v === "string" && !Number.isNaN(Date.parse(v))) return new Date(v);
  if (keys[0] === "$binary" && v !== null && typeof v === "object") {
    const b = (v as { base64?: unknown }).base64;
    if (typeof b === "string") return new Uint8Array(Buffer.from(b, "base64"));
  }
  return o;
}

/** json text of a BSON column → the BSON document bytes sent to the client. */
export function jsonToBson(text: string): Uint8Array {
  const doc = new JsonReader(text).value();
  if (doc === null || typeof doc !== "object" || Array.isArray(doc)) return encodeBson({ value: doc });
  return encodeBson(doc as Record<string, unknown>);
}

function toJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return "null";
    const text = JSON.stringify(value);
    return Number.isInteger(value) && (value < -2147483648 || value > 2147483647) && !/e/i.test(text)
      ? `${text}.0`
      : text;
  }
  if (typeof value === "string" || typeof value === "boolean") return JSON.stringify(value);
  if (value instanceof Date) return `{"$date":${JSON.stringify(value.toISOString())}}`;
  if (value instanceof BsonObjectId) return `{"$oid":"${value.toString()}"}`;
  if (value instanceof Uint8Array) {
    return `{"$binary":{"base64":"${Buffer.from(value).toString("base64")}","subType":"00"}}`;
  }
  if (Array.isArray(value)) return `[${value.map(toJson).join(",")}]`;
  const o = value as Record<string, unknown>;
  return `{${Object.keys(o)
    .map((k) => `${JSON.stringify(k)}:${toJson(o[k])}`)
    .join(",")}}`;
}

/** A bound BSON document (its bytes) → json input text. */
export function bsonToJson(bytes: Uint8Array): string {
  return toJson(decodeBson(bytes));
}
