// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The PostgreSQL frontend/backend protocol (v3) as the engine uses it: the frontend messages
// it sends (Query, Parse, Bind, Describe, Execute, Close, Sync) and one reader for a whole
// reply (every backend message up to ReadyForQuery), shared by both engines.
//
// Why not PGlite's protocol module: its parser copies every field into a new ArrayBuffer and
// decodes it with a TextDecoder, through down-levelled private fields; on result-heavy work
// that was ~30% of the emulator's time (issue 8 §3). Here a reply is one buffer: a field is
// read in place (an ASCII loop for short values, Buffer's UTF-8 decoder for the rest), and
// messages the engine does not use are skipped by their length.
//
// Message layouts (PostgreSQL docs, "Message Formats"): a type byte, an int32 length that
// counts itself but not the type byte, then the body. Backend messages read here:
//   '1' ParseComplete, '2' BindComplete, '3' CloseComplete, 'n' NoData, 's' PortalSuspended,
//   'I' EmptyQueryResponse                                             (no body used)
//   'T' RowDescription      int16 n, then n × (cstring name, int32 table oid, int16 attnum,
//                           int32 type oid, int16 typlen, int32 typmod, int16 format)
//   't' ParameterDescription int16 n, n × int32 type oid
//   'D' DataRow             int16 n, n × (int32 length or -1 for NULL, bytes)
//   'C' CommandComplete     cstring tag
//   'E' ErrorResponse       (byte code, cstring value)* then 0
//   'Z' ReadyForQuery       byte status; ends the reply
// Anything else (NoticeResponse, ParameterStatus, NotificationResponse) is skipped.

import { Buffer } from "node:buffer";

/** One column of a RowDescription. */
export interface PgField {
  readonly name: string;
  readonly tableID: number;
  readonly columnID: number;
  readonly dataTypeID: number;
  readonly dataTypeModifier: number;
}

/** What a reply carried, in the order the engine needs it. */
export interface PgReply {
  /** The last RowDescription, or null. */
  fields: PgField[] | null;
  /** Parameter types of the last ParameterDescription, or null. */
  paramTypes: number[] | null;
  /** DataRow fields as text (NULL as null), every portal's rows in order. */
  rows: (string | null)[][];
  /** CommandComplete tags, in order. */
  commands: string[];
  /** For each CommandComplete, the number of rows received before it (a portal's rows end there). */
  rowEnds: number[];
  /** The first ErrorResponse's fields by name (code, message, position, detail, table, ...). */
  error: Record<string, string> | null;
}

/** Field codes of ErrorResponse, by the names the engine (and PGlite's DatabaseError) uses. */
const ERROR_FIELDS: Readonly<Record<string, string>> = {
  S: "severity",
  V: "severityNonLocalized",
  C: "code",
  M: "message",
  D: "detail",
  H: "hint",
  P: "position",
  p: "internalPosition",
  q: "internalQuery",
  W: "where",
  s: "schema",
  t: "table",
  c: "column",
  d: "dataType",
  n: "constraint",
  F: "file",
  L: "line",
  R: "routine",
};

const READY_FOR_QUERY = 0x5a; // 'Z'
/** Buffers larger than this are not kept between requests. */
export const KEEP_BYTES = 1 << 20;

/** A field's text: short ASCII values without a native call, anything else as UTF-8. */
function text(b: Buffer, start: number, end: number): string {
  if (end - start <= 16) {
    let s = "";
    for (let i = start; i < end; i++) {
      const c = b[i]!;
      if (c >= 0x80) return b.toString("utf8", start, end);
      s += String.fromCharCode(c);
    }
    return s;
  }
  return b.toString("utf8", start, end);
}

function cstringEnd(b: Buffer, at: number): number {
  const end = b.indexOf(0, at);
  return end < 0 ? b.length : end;
}

/** Reads one reply (complete messages, ending with ReadyForQuery). */
export function readReply(bytes: Uint8Array): PgReply {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const reply: PgReply = { fields: null, paramTypes: null, rows: [], commands: [], rowEnds: [], error: null };
  let at = 0;
  while (at + 5 <= b.length) {
    const type = b[at]!;
    const length = b.readInt32BE(at + 1);
    // A length below its own 4 bytes, or past the bytes received, is not PostgreSQL's: fail,
    // never loop (a negative length would send `at` backwards for ever).
    if (length < 4 || at + 1 + length > b.length)
      throw new Error(`malformed PostgreSQL reply: message ${type} of length ${length} at ${at} of ${b.length} bytes`);
    const next = at + 1 + length;
    let p = at + 5;
    switch (type) {
      case 0x44: {
        // 'D' DataRow
        const n = b.readInt16BE(p);
        p += 2;
        const row = new Array<string | null>(n);
        for (let i = 0; i < n; i++) {
          const len = b.readInt32BE(p);
          p += 4;
          if (len < 0) row[i] = null;
          else {
            row[i] = text(b, p, p + len);
            p += len;
          }
        }
        reply.rows.push(row);
        break;
      }
      case 0x43: // 'C' CommandComplete
        reply.commands.push(b.toString("latin1", p, cstringEnd(b, p)));
        reply.rowEnds.push(reply.rows.length);
        break;
      case 0x54: {
        // 'T' RowDescription
        const n = b.readInt16BE(p);
        p += 2;
        const fields: PgField[] = [];
        for (let i = 0; i < n; i++) {
          const end = cstringEnd(b, p);
          const name = b.toString("utf8", p, end);
          p = end + 1;
          fields.push({
            name,
            tableID: b.readUInt32BE(p),
            columnID: b.readInt16BE(p + 4),
            dataTypeID: b.readUInt32BE(p + 6),
            dataTypeModifier: b.readInt32BE(p + 12),
          });
          p += 18;
        }
        reply.fields = fields;
        break;
      }
      case 0x74: {
        // 't' ParameterDescription
        const n = b.readInt16BE(p);
        const types: number[] = [];
        for (let i = 0; i < n; i++) types.push(b.readUInt32BE(p + 2 + i * 4));
        reply.paramTypes = types;
        break;
      }
      case 0x45: {
        // 'E' ErrorResponse: the first one is the statement's; later ones cannot happen before Sync
        if (reply.error !== null) break;
        const error: Record<string, string> = {};
        while (p < next && b[p] !== 0) {
          const code = String.fromCharCode(b[p]!);
          const end = cstringEnd(b, p + 1);
          error[ERROR_FIELDS[code] ?? code] = b.toString("utf8", p + 1, end);
          p = end + 1;
        }
        reply.error = error;
        break;
      }
      default:
        break;
    }
    at = next;
  }
  return reply;
}

/**
 * Where the reply that starts at `from` ends: the offset just past its ReadyForQuery, or -1
 * when `bytes` does not hold all of it yet. `scan` is where to resume looking (a message start).
 */
export function replyEnd(bytes: Uint8Array, scan: number): { end: number; scan: number } {
  let at = scan;
  while (at + 5 <= bytes.length) {
    const len = ((bytes[at + 1]! << 24) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 8) | bytes[at + 4]!) >>> 0;
    const next = at + 1 + len;
    if (next > bytes.length) break;
    if (bytes[at] === READY_FOR_QUERY) return { end: next, scan: next };
    at = next;
  }
  return { end: -1, scan: at };
}

/**
 * Frontend messages, appended to one growing buffer and taken as one request. Text
 * parameters and SQL are UTF-8 (the connection's client_encoding).
 */
export class FrontendWriter {
  private buf = Buffer.allocUnsafe(1024);
  private at = 0;

  private ensure(n: number): void {
    if (this.at + n <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.at + n + 256));
    this.buf.copy(bigger, 0, 0, this.at);
    this.buf = bigger;
  }

  /** Starts a message; returns where its length goes. */
  private begin(type: number): number {
    this.ensure(5);
    this.buf[this.at] = type;
    const lengthAt = this.at + 1;
    this.at += 5;
    return lengthAt;
  }

  private end(lengthAt: number): void {
    this.buf.writeInt32BE(this.at - lengthAt, lengthAt);
  }

  private cstring(s: string): void {
    this.ensure((s.length <= 4096 ? s.length * 3 : Buffer.byteLength(s)) + 1);
    this.at += this.buf.write(s, this.at, "utf8");
    this.buf[this.at++] = 0;
  }

  private int16(v: number): void {
    this.ensure(2);
    this.buf.writeInt16BE(v, this.at);
    this.at += 2;
  }

  private int32(v: number): void {
    this.ensure(4);
    this.buf.writeInt32BE(v, this.at);
    this.at += 4;
  }

  /** Simple query: one or more statements separated by semicolons, no parameters. */
  query(sql: string): this {
    const l = this.begin(0x51); // 'Q'
    this.cstring(sql);
    this.end(l);
    return this;
  }

  /** Parse of `sql` into the named (or unnamed, "") prepared statement; parameter types inferred. */
  parse(sql: string, name = ""): this {
    const l = this.begin(0x50); // 'P'
    this.cstring(name);
    this.cstring(sql);
    this.int16(0);
    this.end(l);
    return this;
  }

  /** Bind of text parameters to a portal; results in text. */
  bind(values: readonly (string | null)[] = [], statement = "", portal = ""): this {
    const l = this.begin(0x42); // 'B'
    this.cstring(portal);
    this.cstring(statement);
    this.int16(0); // every parameter in text
    this.int16(values.length);
    for (const v of values) {
      if (v === null) {
        this.int32(-1);
        continue;
      }
      this.ensure(4 + (v.length <= 4096 ? v.length * 3 : Buffer.byteLength(v)));
      const lengthAt = this.at;
      this.at += 4;
      const n = this.buf.write(v, this.at, "utf8");
      this.buf.writeInt32BE(n, lengthAt);
      this.at += n;
    }
    this.int16(0); // every result in text
    this.end(l);
    return this;
  }

  /** Describe of a prepared statement ('S') or portal ('P'). */
  describe(kind: "S" | "P", name = ""): this {
    const l = this.begin(0x44); // 'D'
    this.ensure(1);
    this.buf[this.at++] = kind.charCodeAt(0);
    this.cstring(name);
    this.end(l);
    return this;
  }

  /** Execute of a portal; maxRows 0 means all. */
  execute(portal = "", maxRows = 0): this {
    const l = this.begin(0x45); // 'E'
    this.cstring(portal);
    this.int32(maxRows);
    this.end(l);
    return this;
  }

  /** Close of a prepared statement ('S') or portal ('P'). */
  close(kind: "S" | "P", name: string): this {
    const l = this.begin(0x43); // 'C'
    this.ensure(1);
    this.buf[this.at++] = kind.charCodeAt(0);
    this.cstring(name);
    this.end(l);
    return this;
  }

  sync(): this {
    const l = this.begin(0x53); // 'S'
    this.end(l);
    return this;
  }

  /** The request so far (a copy), and an empty writer. */
  take(): Uint8Array {
    const out = new Uint8Array(this.at);
    out.set(this.buf.subarray(0, this.at));
    this.at = 0;
    // A long value (a BYTE parameter, say) does not keep its buffer for the session's life.
    if (this.buf.length > KEEP_BYTES) this.buf = Buffer.allocUnsafe(1024);
    return out;
  }
}
