// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// A parsed SPL routine → one PostgreSQL CREATE FUNCTION ... LANGUAGE plpgsql, in the schema
// of the open database (so routines resolve unqualified, ahead of the built-ins of schema
// informix). The shape:
//   - every RETURNING value is an OUT parameter (ifx_retN[_name], see outNames), so
//     `SELECT * FROM f(...)` (EXECUTE FUNCTION) yields the routine's columns and a
//     one-value function is a scalar usable in SELECT lists and WHERE;
//   - a routine with RETURN ... WITH RESUME returns SETOF (many rows); one without
//     RETURNING returns void;
//   - the body starts with the original Informix text as `-- ` comment lines under a
//     marker line; the sysprocedures/sysprocbody views read both from pg_proc.prosrc, so
//     the catalog needs no side table and disappears with the function;
//   - `#variable_conflict use_variable`: in IDS an SPL variable wins over a column of the
//     same name (qualify the column to mean it).
// The result keeps a map from PostgreSQL positions back to SPL source offsets.

import { pgIdent, pgString, type RewriteContext } from "../context.js";
import type { Plan } from "../plan.js";
import type { Param, Routine } from "./ast.js";
import { BodyTranslator } from "./translate-body.js";
import { type Line, SqlTranslator } from "./translate-sql.js";

/**
 * An SPL OUT/INOUT parameter is a PostgreSQL OUT/INOUT parameter named ifx_out_<name>, which
 * the body reaches through `<name> ALIAS FOR ifx_out_<name>`; its value is one more column of
 * the function's result, before the RETURNING values' columns (pg_proc order). EXECUTE
 * FUNCTION shows only the RETURNING values (engine/out-parameters.ts); the catalog views
 * report the parameter under its own name with paramattr 4 (OUT) or 2 (INOUT).
 */
const PG_MODE = { in: "", out: "OUT ", inout: "INOUT " } as const;
export const OUT_PREFIX = "ifx_out_";

function paramName(p: Param): string {
  return p.mode === "in" ? p.name : `${OUT_PREFIX}${p.name}`;
}

/** First line of prosrc of every SPL routine; the catalog views match it. */
export const SPL_MARKER = "-- informix-spl";

export interface TranslatedRoutine {
  readonly sql: string;
  readonly sourceOffset: (pgPosition: number) => number;
}

/**
 * OUT parameter names: ifx_retN, or ifx_retN_<name> for RETURNING ... AS name. Not the AS
 * name itself: an OUT parameter is a variable, and an SPL variable would win over a column of
 * that name inside the body, while IDS's AS name only labels the result column. DESCRIBE of
 * EXECUTE PROCEDURE/FUNCTION turns these back into the name or "(expression)".
 */
function outNames(r: Routine): string[] {
  return r.returns.map((v, k) => `ifx_ret${k + 1}${v.name !== null ? `_${v.name}` : ""}`);
}

function dollarTag(text: string): string {
  let tag = "$ifx_spl$";
  for (let k = 1; text.includes(tag); k++) tag = `$ifx_spl${k}$`;
  return tag;
}

export function translateRoutine(
  r: Routine,
  original: string,
  blanked: string,
  ctx: RewriteContext,
  rewrite: (sql: string) => Plan,
): TranslatedRoutine {
  const sql = new SqlTranslator(blanked, ctx, rewrite);
  const outs = outNames(r);
  const body = new BodyTranslator(r, sql, outs);
  const blockLines = body.block(r.body);
  const params = r.params.map(
    (p) =>
      `${PG_MODE[p.mode]}${pgIdent(paramName(p))} ${p.type.pg}${p.default ? ` DEFAULT ${sql.expr(p.default)}` : ""}`,
  );
  const aliases = r.params
    .filter((p) => p.mode !== "in")
    .map((p) => `${pgIdent(p.name)} ALIAS FOR ${pgIdent(paramName(p))};`);
  params.push(...r.returns.map((v, k) => `OUT ${pgIdent(outs[k]!)} ${v.type.pg}`));
  // Columns of the PostgreSQL result: the RETURNING values and the OUT/INOUT parameters.
  const columns = r.returns.length + r.params.filter((p) => p.mode !== "in").length;
  let returns = "";
  if (columns === 0) returns = " RETURNS void";
  else if (r.iterator) returns = ` RETURNS SETOF ${columns === 1 && r.returns[0] ? r.returns[0].type.pg : "record"}`;
  const meta = `${SPL_MARKER} ${r.kind} owner=${ctx.user} mode=${r.dba ? "D" : "O"} iterator=${r.iterator ? "t" : "f"}`;
  const lines: Line[] = [
    { text: meta, at: r.at },
    ...original.split(/\r?\n/).map((l) => ({ text: `-- ${l}`, at: r.at })),
    ...(r.document ? r.document.split("\n").map((l) => ({ text: `--doc ${l}`, at: r.at })) : []),
    { text: `${SPL_MARKER} end`, at: r.at },
    { text: "#variable_conflict use_variable", at: r.at },
  ];
  const declare = [...aliases];
  if (body.usesHandlers)
    declare.push("ifx_state text; ifx_text text; ifx_detail text; ifx_sqlcode integer; ifx_isam integer;");
  if (declare.length > 0) lines.push({ text: `DECLARE ${declare.join(" ")}`, at: r.at }, { text: "BEGIN", at: r.at });
  lines.push(...blockLines);
  if (declare.length > 0) lines.push({ text: "END;", at: r.at });
  const text = lines.map((l) => l.text).join("\n");
  const tag = dollarTag(text);
  const head =
    `CREATE FUNCTION ${pgIdent(ctx.database ?? "")}.${pgIdent(r.name)}(${params.join(", ")})${returns} ` +
    `LANGUAGE plpgsql AS ${tag}\n`;
  let create = `${head}${text}\n${tag}`;
  let offset = head.length;
  if (r.ifNotExists) {
    const prefix = `DO $ifx_do$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_proc WHERE proname = ${pgString(r.name)} AND pronamespace = CAST(${pgString(pgIdent(ctx.database ?? ""))} AS regnamespace)) THEN EXECUTE `;
    create = `${prefix}${pgString(create)}; END IF; END $ifx_do$`;
    offset = 0;
  }
  const starts: number[] = [];
  let pos = offset;
  for (const l of lines) {
    starts.push(pos);
    pos += l.text.length + 1;
  }
  const sourceOffset = (pgPosition: number): number => {
    const p = pgPosition - 1;
    let k = -1;
    for (let i = 0; i < starts.length && starts[i]! <= p; i++) k = i;
    return (k < 0 ? r.at : lines[k]!.at) + 1;
  };
  return { sql: create, sourceOffset };
}
