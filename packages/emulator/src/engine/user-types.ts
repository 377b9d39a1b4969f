// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Named ROW and DISTINCT types in the side catalog (engine/user-types-sql.ts): recording a
// CREATE ROW/DISTINCT TYPE, and giving a column declared with such a type its Informix type:
//   named ROW  coltype 22 | 0x1000 (4118), the type's extended id, extended name = its name;
//   DISTINCT   coltype = the source's coltype | 0x800, the type's extended id and name
// (sysxtdtypes.type is coded so for distinct types; IDS reference). A column whose type is
// or holds a user type also keeps the type's definition with every user type expanded
// (ifx.columns.xdef, `ROW(name varchar(30), age integer)`): values are converted by it.

import { formatTypeShape, parseTypeShape, type TypeShape } from "@informix-db/protocol";
import type { DeclaredType } from "../sql/informix-types.js";
import { parseColumnType } from "../sql/informix-types.js";
import type { UserTypePlan } from "../sql/rewrite-user-types.js";
import { tokenize } from "../sql/tokenizer.js";
import * as codes from "../sql/type-codes.js";
import type { ColumnType } from "./declared-types.js";
import { SQL } from "./error-codes.js";
import { InformixSqlError } from "./informix-sql-error.js";
import type { PgClient } from "./pg-client.js";

interface UserTypeRow {
  readonly xid: number;
  readonly mode: string;
  readonly type: number;
  readonly length: number;
  readonly definition: string;
}

const COMPOSITE_CODES = new Set([codes.SQLSET, codes.SQLMULTISET, codes.SQLLIST, codes.SQLROW]);

async function lookup(pg: PgClient, schema: string, names: readonly string[]): Promise<Map<string, UserTypeRow>> {
  const out = new Map<string, UserTypeRow>();
  if (names.length === 0) return out;
  const rows = await pg.rows(
    "SELECT name, extended_id, mode, type, length, definition FROM ifx.xtdtypes WHERE schema = $1 AND name = ANY($2::text[])",
    [schema, `{${names.map((n) => `"${n.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(",")}}`],
  );
  for (const r of rows) {
    out.set(r[0]!, { xid: Number(r[1]), mode: r[2]!, type: Number(r[3]), length: Number(r[4]), definition: r[5]! });
  }
  return out;
}

function scalarNames(shape: TypeShape, into: Set<string>): Set<string> {
  if (shape.kind === "scalar") into.add(shape.name);
  else if (shape.kind === "row") for (const f of shape.fields) scalarNames(f.type, into);
  else scalarNames(shape.element, into);
  return into;
}

/** The shape with every user type replaced by its (already expanded) definition. */
function expand(shape: TypeShape, types: ReadonlyMap<string, UserTypeRow>): TypeShape {
  if (shape.kind === "scalar") {
    const t = types.get(shape.name);
    return t ? parseTypeShape(t.definition) : shape;
  }
  if (shape.kind === "row")
    return { kind: "row", fields: shape.fields.map((f) => ({ ...f, type: expand(f.type, types) })) };
  return { ...shape, element: expand(shape.element, types) };
}

/** The declared type of a type spelling (`decimal(10,2)`, `ROW(a integer)`, `person_t`). */
export function declaredOf(spelling: string): DeclaredType {
  const parsed = parseColumnType(tokenize(spelling), 0);
  if (parsed === null) throw new InformixSqlError(-201);
  return parsed.type;
}

/** A declared column type with user types resolved; throws -9628 for a name that is no type. */
export async function resolveColumnType(
  pg: PgClient,
  schema: string,
  type: ColumnType & { readonly userType?: string },
): Promise<ColumnType> {
  if (type.userType !== undefined) {
    const t = (await lookup(pg, schema, [type.userType])).get(type.userType);
    if (t === undefined) throw new InformixSqlError(SQL.TYPE_NOT_FOUND, 0, type.userType);
    if (t.mode === "R") {
      return { code: t.type, encodedLength: t.length, xid: t.xid, xname: type.userType, definition: t.definition };
    }
    // An opaque type: UDTVAR/UDTFIXED with its extended id and name (its values are text here).
    if (t.mode === "B") return { code: t.type, encodedLength: t.length, xid: t.xid, xname: type.userType };
    const source = await resolveColumnType(pg, schema, declaredOf(t.definition));
    const definition = source.definition ?? (COMPOSITE_CODES.has(source.code & 0xff) ? source.xname : undefined);
    return {
      code: (source.code & codes.SQLTYPE_MASK) | codes.SQLDISTINCT,
      encodedLength: source.encodedLength,
      xid: t.xid,
      xname: type.userType,
      ...(definition !== undefined ? { definition } : {}),
    };
  }
  if (!COMPOSITE_CODES.has(type.code & codes.SQLTYPE_MASK) || type.xname === "") return type;
  const shape = parseTypeShape(type.xname);
  const types = await lookup(pg, schema, [...scalarNames(shape, new Set())]);
  if (types.size === 0) return type;
  return { ...type, definition: formatTypeShape(expand(shape, types)) };
}

const SHORT_MAX = 0x7fff;

/**
 * The sysattrtypes rows of a named ROW type's fields (seqno from 2; the type's own row is
 * added first): a field that is an unnamed ROW or a collection has its members below it
 * (levelno + 1, parent_no its seqno), a named type field has its extended id in
 * xtd_type_id. Returns the type's length (the sum of its fields').
 */
async function attributeRows(
  pg: PgClient,
  schema: string,
  shape: TypeShape & { kind: "row" },
  attrs: (string | number | null)[][],
): Promise<number> {
  let seqno = 1;
  const add = async (member: TypeShape, name: string | null, fieldno: number, level: number, parent: number) => {
    const t = await resolveColumnType(pg, schema, declaredOf(formatTypeShape(member)));
    const row: (string | number | null)[] = [++seqno, level, parent, name, fieldno, t.code, 0, t.xid];
    attrs.push(row);
    const self = seqno;
    let length = t.encodedLength;
    if (t.xid === 0 && member.kind === "row") {
      length = 0;
      for (const [i, f] of member.fields.entries()) length += await add(f.type, f.name, i + 1, level + 1, self);
    } else if (t.xid === 0 && member.kind !== "scalar" && member.kind !== "row") {
      await add(member.element, null, 0, level + 1, self);
    }
    row[6] = Math.min(length, SHORT_MAX);
    return length;
  };
  let length = 0;
  for (const [i, f] of shape.fields.entries()) length += await add(f.type, f.name, i + 1, 1, 1);
  attrs.unshift([1, 0, 0, null, 0, codes.SQLROW | codes.SQLNAMED, Math.min(length, SHORT_MAX), 0]);
  return length;
}

/** Records a CREATE ROW/DISTINCT TYPE (after its domain was created); an existing name is kept. */
export async function registerUserType(pg: PgClient, plan: UserTypePlan, owner: string): Promise<void> {
  await pg.exec(PRUNE_USER_TYPES_SQL);
  if ((await lookup(pg, plan.schema, [plan.name])).size > 0) return;
  const resolved: ColumnType = plan.mode === "B" ? plan.type : await resolveColumnType(pg, plan.schema, plan.type);
  const xid = Number((await pg.rows("SELECT nextval('ifx.xtd_ids')"))[0]![0]);
  const attrs: (string | number | null)[][] = [];
  let type: number;
  let length: number;
  let definition: string;
  if (plan.mode === "R") {
    definition = resolved.definition ?? resolved.xname;
    const shape = parseTypeShape(plan.type.xname);
    if (shape.kind !== "row") throw new InformixSqlError(-201);
    type = codes.SQLROW | codes.SQLNAMED;
    length = await attributeRows(pg, plan.schema, shape, attrs);
  } else if (plan.mode === "B") {
    definition = plan.spelling;
    type = plan.type.code;
    length = plan.type.encodedLength;
  } else {
    definition = plan.spelling;
    type = (resolved.code & codes.SQLTYPE_MASK) | codes.SQLDISTINCT;
    length = resolved.encodedLength;
  }
  const source = plan.mode === "D" && resolved.xid >= 2048 ? resolved.xid : 0;
  await pg.run("INSERT INTO ifx.xtdtypes VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING", [
    String(xid),
    plan.schema,
    owner,
    plan.name,
    plan.mode,
    String(type),
    String(source),
    String(length),
    definition,
  ]);
  for (const a of attrs) {
    await pg.run("INSERT INTO ifx.attrtypes VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)", [
      String(xid),
      ...a.map((v) => (v === null ? null : String(v))),
    ]);
  }
}

/** Forgets the types whose domain is gone (DROP TYPE, DROP DATABASE). */
export const PRUNE_USER_TYPES_SQL =
  "DELETE FROM ifx.attrtypes a WHERE NOT EXISTS (SELECT 1 FROM ifx.xtdtypes x WHERE x.extended_id = a.extended_id " +
  "AND to_regtype(format('%I.%I', x.schema, x.name)) IS NOT NULL);" +
  "DELETE FROM ifx.xtdtypes x WHERE to_regtype(format('%I.%I', x.schema, x.name)) IS NULL";
