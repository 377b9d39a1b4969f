// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The triggers of a database in its catalog views (IDS Guide to SQL: Reference, SYSTRIGGERS,
// SYSTRIGBODY, SYSOBJSTATE). A trigger is a PL/pgSQL function in the database's schema whose
// body starts with the marker lines sql/triggers/translate-trigger.ts writes ("--name ...",
// "--owner ...", "--event ...", "--old ...", "--new ...", then the CREATE TRIGGER text as
// "--D " lines up to the action clause and "--A " lines from there), run by PostgreSQL
// triggers on its table. A function whose triggers went with their table (DROP TABLE) is no
// trigger any more: the views skip it.
//
//   systriggers   one row per trigger: trigid (the function's oid), tabid (its table's oid),
//                 event I/D/U/S, or i/d/u for INSTEAD OF; old/new the REFERENCING names
//   systrigbody   the text in 256-character pieces: datakey 'D' the header (CREATE TRIGGER
//                 ... up to the action clause), 'A' the actions; no 'B'/'H'/'S' linearized code
//   sysobjstate   objtype 'T' rows: state 'E' or 'D' (SET TRIGGERS, CREATE ... DISABLED)

const MARKER = String.raw`'^\s*-- informix-trigger\n'`;

function field(name: string): string {
  return String.raw`substring(t.prosrc from '\n--${name} ([^\n]*)')`;
}

/** systriggers, systrigbody and sysobjstate of schema `s` (quoted) / `ns` (regnamespace) of database `database` (a literal). */
export function triggerCatalogSql(s: string, ns: string, database: string): string {
  return String.raw`
CREATE VIEW ${s}.systriggers AS
WITH t AS (
  SELECT p.oid, p.prosrc, (SELECT min(g.tgrelid) FROM pg_trigger g WHERE g.tgfoid = p.oid) AS rel
  FROM pg_proc p WHERE p.pronamespace = ${ns} AND p.prosrc ~ ${MARKER}
)
SELECT CAST(t.oid AS integer) AS trigid, CAST(${field("name")} AS varchar(128)) AS trigname,
  CAST(${field("owner")} AS varchar(32)) AS owner, CAST(t.rel AS integer) AS tabid,
  CAST(${field("event")} AS char(1)) AS event, CAST(NULLIF(${field("old")}, '') AS varchar(128)) AS old,
  CAST(NULLIF(${field("new")}, '') AS varchar(128)) AS new, CAST(NULL AS char(1)) AS mode,
  CAST(COALESCE(d.locale, 'en_US.819') AS char(32)) AS collation
FROM t LEFT JOIN ifx.databases d ON d.name = ${database}
WHERE t.rel IS NOT NULL;
CREATE VIEW ${s}.systrigbody AS
WITH lines AS (
  SELECT p.oid, l.line, l.n
  FROM pg_proc p,
  LATERAL regexp_split_to_table(substring(p.prosrc from '-- informix-trigger\n(.*?)\n-- informix-trigger end'), '\n')
    WITH ORDINALITY AS l(line, n)
  WHERE p.pronamespace = ${ns} AND p.prosrc ~ ${MARKER} AND EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgfoid = p.oid)
), texts AS (
  SELECT oid, substr(line, 3, 1) AS datakey, string_agg(substr(line, 5), chr(10) ORDER BY n) AS body
  FROM lines WHERE line ~ '^--[DA] ' GROUP BY oid, substr(line, 3, 1)
)
SELECT CAST(x.oid AS integer) AS trigid, CAST(x.datakey AS char(1)) AS datakey, CAST(k AS integer) AS seqno,
  CAST(substr(x.body, k * 256 + 1, 256) AS char(256)) AS data
FROM texts x, LATERAL generate_series(0, GREATEST((length(x.body) - 1) / 256, 0)) AS k;
CREATE VIEW ${s}.sysobjstate AS
SELECT CAST('T' AS char(1)) AS objtype, CAST(t.owner AS char(32)) AS owner, CAST(t.trigname AS varchar(128)) AS name,
  t.tabid, CAST(CASE WHEN EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgfoid = CAST(t.trigid AS oid) AND g.tgenabled <> 'D')
    THEN 'E' ELSE 'D' END AS char(1)) AS state
FROM ${s}.systriggers t;
`;
}
