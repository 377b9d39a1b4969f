// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Named ROW types in results (issue 9). DESCRIBE names a named ROW column by its type
// (`person_t`, type word 22 | 0x1000, the type's extended id), and a collection of them by
// a spelling that holds the name (`LIST(person_t not null)`); the tuple carries the value
// as `ROW('Ann',40)`, without field names. Before the row layout is compiled, the types are
// read from the database's catalog, as IBM documents it (Guide to SQL: Reference):
//   sysxtdtypes(extended_id, name, mode 'R' named ROW, …)
//   sysattrtypes(extended_id, seqno, levelno, parent_no, fieldname, fieldno, type, length, xtd_type_id)
// and each is spelled `ROW(name varchar(30), age integer)`, so that values decode to objects
// keyed by field name. Definitions are kept per session (type ids are stable until a DROP TYPE).

import {
  type DescribeField,
  formatTypeShape,
  isCompositeTypeName,
  parseTypeShape,
  typeCodes as T,
  type TypeShape,
} from "@informix-db/protocol";
import type { Session } from "../connection/session.js";
import { InformixError } from "../errors.js";
import { RowDecoder } from "../result/row-decoder.js";
import { closeCursor, fetchBatch, fetchBuffer, openCursor, prepareStatement } from "./statement-ops.js";

/** Spellings of built-in types, first word (anything else in a composite spelling is a user type). */
const BUILT_IN =
  /^(char|character|nchar|varchar|nvarchar|lvarchar|smallint|integer|int|int8|bigint|serial|serial8|bigserial|float|smallfloat|real|double|decimal|dec|numeric|money|date|datetime|interval|boolean|text|byte|blob|clob|json|bson)\b/;
const MAX_ROUNDS = 4;
/** Per session: `#id` or name → the ROW(...) spelling, null for a name that is no named ROW type. */
const definitions = new WeakMap<Session, Map<string, string | null>>();

const SCALARS: Readonly<Record<number, (length: number) => string>> = {
  [T.SQLCHAR]: (n) => `char(${n})`,
  [T.SQLSMINT]: () => "smallint",
  [T.SQLINT]: () => "integer",
  [T.SQLFLOAT]: () => "float",
  [T.SQLSMFLOAT]: () => "smallfloat",
  [T.SQLDECIMAL]: (n) => `decimal(${(n >> 8) & 0xff},${n & 0xff})`,
  [T.SQLSERIAL]: () => "serial",
  [T.SQLDATE]: () => "date",
  [T.SQLMONEY]: (n) => `money(${(n >> 8) & 0xff},${n & 0xff})`,
  [T.SQLDTIME]: () => "datetime",
  [T.SQLVCHAR]: (n) => `varchar(${n & 0xff})`,
  [T.SQLINTERVAL]: () => "interval",
  [T.SQLNCHAR]: (n) => `nchar(${n})`,
  [T.SQLNVCHAR]: (n) => `nvarchar(${n & 0xff})`,
  [T.SQLINT8]: () => "int8",
  [T.SQLSERIAL8]: () => "serial8",
  [T.SQLLVARCHAR]: () => "lvarchar",
  [T.SQLBOOL]: () => "boolean",
  [T.SQLINFXBIGINT]: () => "bigint",
  [T.SQLBIGSERIAL]: () => "bigserial",
};

interface AttrRow {
  readonly xid: number;
  readonly name: string;
  readonly seqno: number;
  readonly parent: number;
  readonly field: string | null;
  readonly fieldno: number;
  readonly type: number;
  readonly length: number;
  readonly childXid: number;
}

function sqlString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

async function query(session: Session, sql: string): Promise<unknown[][]> {
  const h = await prepareStatement(session, sql, 0, session.ctx.codec);
  const buffer = fetchBuffer(h, 64);
  const decoder = new RowDecoder(h.layout!, h.fields, h.columns, { rowMode: "array", types: {}, raw: false });
  const rows: unknown[][] = [];
  let batch = await openCursor(session, h, "_ifxxtd", [], buffer, session.ctx.codec);
  for (;;) {
    batch ??= await fetchBatch(session, h, buffer);
    const n = batch.tuples.starts.length;
    for (let i = 0; i < n; i++) rows.push(decoder.decodeAt(batch.tuples, i) as unknown[]);
    if (batch.done || n === 0) break;
    batch = undefined;
  }
  await closeCursor(session, h, true);
  return rows;
}

/** Spells the member `seqno` of one type's attribute rows; null when it names an unknown type. */
function spell(rows: readonly AttrRow[], seqno: number, known: ReadonlyMap<string, string | null>): string | null {
  const row = rows.find((r) => r.seqno === seqno);
  if (row === undefined) return null;
  const base = row.type & T.SQLTYPE_MASK;
  const children = rows.filter((r) => r.parent === seqno && r.seqno !== seqno).sort((a, b) => a.fieldno - b.fieldno);
  if (row.childXid !== 0 && row.seqno !== 1 && (row.type & T.SQLNAMED) !== 0)
    return known.get(`#${row.childXid}`) ?? null;
  if (base === T.SQLROW) {
    const fields = children.map((c) => {
      const s = spell(rows, c.seqno, known);
      return s === null ? null : `${c.field ?? `field${c.fieldno}`} ${s}`;
    });
    return fields.includes(null) || fields.length === 0 ? null : `ROW(${fields.join(", ")})`;
  }
  if (base === T.SQLSET || base === T.SQLMULTISET || base === T.SQLLIST) {
    const element = children[0] === undefined ? null : spell(rows, children[0].seqno, known);
    const kind = base === T.SQLSET ? "SET" : base === T.SQLMULTISET ? "MULTISET" : "LIST";
    return element === null ? null : `${kind}(${element} not null)`;
  }
  return SCALARS[base]?.(row.length) ?? "lvarchar";
}

function userNames(shape: TypeShape, into: Set<string>): Set<string> {
  if (shape.kind === "scalar") {
    if (!BUILT_IN.test(shape.name)) into.add(shape.name);
  } else if (shape.kind === "row") for (const f of shape.fields) userNames(f.type, into);
  else userNames(shape.element, into);
  return into;
}

function expand(shape: TypeShape, known: ReadonlyMap<string, string | null>): TypeShape {
  if (shape.kind === "scalar") {
    const d = known.get(shape.name);
    return d === undefined || d === null ? shape : parseTypeShape(d);
  }
  if (shape.kind === "row")
    return { kind: "row", fields: shape.fields.map((f) => ({ ...f, type: expand(f.type, known) })) };
  return { ...shape, element: expand(shape.element, known) };
}

/** Reads the definitions of the types named (by `#id` or name) into `known`. */
async function load(session: Session, wanted: ReadonlySet<string>, known: Map<string, string | null>): Promise<void> {
  let missing = [...wanted].filter((k) => !known.has(k));
  for (let round = 0; round < MAX_ROUNDS && missing.length > 0; round++) {
    const ids = missing.filter((k) => k.startsWith("#")).map((k) => Number(k.slice(1)));
    const names = missing.filter((k) => !k.startsWith("#"));
    const where = [
      ...(ids.length > 0 ? [`x.extended_id IN (${ids.join(", ")})`] : []),
      ...(names.length > 0 ? [`x.name IN (${names.map(sqlString).join(", ")})`] : []),
    ].join(" OR ");
    const raw = await query(
      session,
      "SELECT x.extended_id, x.name, a.seqno, a.parent_no, a.fieldname, a.fieldno, a.type, a.length, a.xtd_type_id " +
        `FROM sysxtdtypes x, sysattrtypes a WHERE a.extended_id = x.extended_id AND x.mode = 'R' AND (${where}) ` +
        "ORDER BY 1, 3",
    );
    const rows: AttrRow[] = raw.map((r) => ({
      xid: Number(r[0]),
      name: String(r[1]).trim(),
      seqno: Number(r[2]),
      parent: Number(r[3]),
      field: r[4] === null ? null : String(r[4]).trim(),
      fieldno: Number(r[5]),
      type: Number(r[6]),
      length: Number(r[7]),
      childXid: Number(r[8]),
    }));
    const byType = new Map<number, AttrRow[]>();
    for (const r of rows) byType.set(r.xid, [...(byType.get(r.xid) ?? []), r]);
    const next = new Set<string>();
    for (const [xid, members] of byType) {
      const spelled = spell(members, 1, known);
      if (spelled === null) {
        for (const m of members) if (m.childXid !== 0) next.add(`#${m.childXid}`);
        continue;
      }
      known.set(`#${xid}`, spelled);
      known.set(members[0]!.name, spelled);
    }
    for (const k of missing) if (!known.has(k) && next.size === 0) known.set(k, null);
    missing = [...next, ...missing.filter((k) => !known.has(k) && !next.has(k))].filter((k) => !known.has(k));
    if (next.size === 0) break;
  }
}

/**
 * The fields to compile the row layout with: named ROW types (and collections or ROWs that
 * hold them) get their full ROW(...) spelling as extended name. Fields that need nothing are
 * returned as they are, without a query.
 */
export async function resolveNamedRows(
  session: Session,
  fields: readonly DescribeField[],
): Promise<readonly DescribeField[]> {
  const wanted = new Set<string>();
  const composite = new Set([T.SQLROW, T.SQLSET, T.SQLMULTISET, T.SQLLIST, T.SQLCOLLECTION]);
  for (const f of fields) {
    const base = f.type & T.SQLTYPE_MASK;
    if (!composite.has(base)) continue;
    if (!isCompositeTypeName(f.extendedName)) {
      if (base === T.SQLROW && f.extendedId > 0) wanted.add(`#${f.extendedId}`);
    } else for (const n of userNames(parseTypeShape(f.extendedName), new Set())) wanted.add(n);
  }
  if (wanted.size === 0) return fields;
  const known = definitions.get(session) ?? new Map<string, string | null>();
  definitions.set(session, known);
  try {
    await load(session, wanted, known);
  } catch (error) {
    // A catalog the user may not read (or a server without it): the ROW values decode by position.
    if (!(error instanceof InformixError)) throw error;
    for (const k of wanted) if (!known.has(k)) known.set(k, null);
  }
  return fields.map((f) => {
    const base = f.type & T.SQLTYPE_MASK;
    if (!composite.has(base)) return f;
    if (!isCompositeTypeName(f.extendedName)) {
      const d = known.get(`#${f.extendedId}`);
      return d === undefined || d === null ? f : { ...f, extendedName: d };
    }
    const shape = parseTypeShape(f.extendedName);
    return userNames(shape, new Set()).size === 0 ? f : { ...f, extendedName: formatTypeShape(expand(shape, known)) };
  });
}

/** Drops what the session knows of named ROW types (after type DDL). */
export function forgetNamedRows(session: Session): void {
  definitions.delete(session);
}
