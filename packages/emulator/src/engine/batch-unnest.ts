// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The multi-row form of a one-row INSERT … VALUES, for a run of its executions
// (batch-runner.ts): the same INSERT fed by unnest() of one array per parameter,
//   INSERT INTO t (a, b) VALUES ($1, upper($2)) RETURNING "id"
//   → INSERT INTO t (a, b) SELECT u.c1, upper(u.c2)
//     FROM unnest($1::int4[], $2::text[]) WITH ORDINALITY AS u(c1, c2, n) ORDER BY u.n RETURNING "id"
// PostgreSQL then plans and runs one statement for the whole run: about a third of the
// engine's time of one Bind+Execute per row. Each array element is the text the row's
// parameter would have had, typed as that parameter was (ParameterDescription), so every
// value converts exactly as it does alone; rows are inserted (and BEFORE ROW triggers,
// the SERIAL rule among them, fire) in the run's order.
//
// Only a plain VALUES list qualifies: no quotes (a `$1` in a literal is not a parameter),
// no subquery, parameters of built-in types only. Anything else keeps one Execute per row.

/** Array element types by PostgreSQL type oid (built-in types only). */
const ARRAY_TYPES: ReadonlyMap<number, string> = new Map([
  [16, "bool"],
  [17, "bytea"],
  [20, "int8"],
  [21, "int2"],
  [23, "int4"],
  [25, "text"],
  [700, "float4"],
  [701, "float8"],
  [1042, "bpchar"],
  [1043, "varchar"],
  [1082, "date"],
  [1083, "time"],
  [1114, "timestamp"],
  [1186, "interval"],
  [1700, "numeric"],
]);

const INSERT_VALUES = /^(insert\s+into\s+[^$'"]+?)\s+values\s*\((.*)\)(\s+returning\s+[^$';()]+)?$/is;

/** The unnest() form of `sql`, or null when it does not qualify (see the header). */
export function unnestInsert(sql: string, paramTypes: readonly number[]): string | null {
  const m = INSERT_VALUES.exec(sql.trim());
  if (!m || paramTypes.length === 0) return null;
  const [, head, body = "", returning = ""] = m;
  if (/['";]|\$\$|\bselect\b/i.test(body) || !balanced(body)) return null;
  const casts: string[] = [];
  for (const [i, oid] of paramTypes.entries()) {
    const type = ARRAY_TYPES.get(oid);
    if (type === undefined) return null;
    casts.push(`$${i + 1}::${type}[]`);
  }
  let unknown = false;
  const values = body.replace(/\$(\d+)/g, (_, n: string) => {
    if (Number(n) < 1 || Number(n) > paramTypes.length) unknown = true;
    return `u.c${n}`;
  });
  if (unknown) return null;
  const columns = paramTypes.map((_, i) => `c${i + 1}`).join(", ");
  return (
    `${head} SELECT ${values} FROM unnest(${casts.join(", ")}) WITH ORDINALITY AS u(${columns}, ifx_n) ` +
    `ORDER BY u.ifx_n${returning}`
  );
}

/** Whether the parentheses of a VALUES body balance without closing the list early ("1), (2"). */
function balanced(body: string): boolean {
  let depth = 0;
  for (const ch of body) {
    if (ch === "(") depth++;
    else if (ch === ")" && --depth < 0) return false;
  }
  return depth === 0;
}

/** A PostgreSQL array literal of text elements (NULL unquoted, others quoted and escaped). */
export function arrayLiteral(values: readonly (string | null)[]): string {
  let out = "{";
  for (let i = 0; i < values.length; i++) {
    if (i > 0) out += ",";
    const v = values[i];
    out += v === null || v === undefined ? "NULL" : `"${v.replace(/[\\"]/g, "\\$&")}"`;
  }
  return `${out}}`;
}
