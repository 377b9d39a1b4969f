// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Catalog tables that IBM JDBC's DatabaseMetaData reads and that had no view: the table
// and column privileges (getTablePrivileges, getColumnPrivileges read systabauth and
// syscolauth), the table hierarchy (getSuperTables reads sysinherits) and the parameters of
// routines (getProcedureColumns, getFunctionColumns read sysproccolumns). Layouts from IBM's
// Guide to SQL: Reference.
//
// Privileges are not recorded (GRANT and REVOKE change nothing), so systabauth shows what a
// database that is not ANSI gives by default, as the client's NODEFDAC=no asks: PUBLIC
// holds Select, Update, Insert, Delete, Index, Alter and References on every table
// ('su-idxar-', granted by its owner); on the system catalog, Select only. Tables have no
// parents, so sysinherits is empty.

/** The Informix type code of a PostgreSQL type (routine parameters), without the NOT NULL bit. */
const PG_COLTYPE = `CASE t.typname
    WHEN 'int2' THEN 1 WHEN 'int4' THEN 2 WHEN 'float8' THEN 3 WHEN 'float4' THEN 4 WHEN 'numeric' THEN 5
    WHEN 'date' THEN 7 WHEN 'timestamp' THEN 10 WHEN 'bytea' THEN 11 WHEN 'bpchar' THEN 0 WHEN 'varchar' THEN 13
    WHEN 'interval' THEN 14 WHEN 'int8' THEN 52 WHEN 'bool' THEN 45 WHEN 'text' THEN 43 ELSE 40 END`;

/**
 * Its collength: the byte size of fixed types, DECIMAL(16) unscaled, DATETIME YEAR TO
 * FRACTION(3), INTERVAL DAY(9) TO FRACTION(5), 255 for character types (PostgreSQL keeps no
 * length for a routine's parameters).
 */
const PG_COLLENGTH = `CASE t.typname
    WHEN 'int2' THEN 2 WHEN 'int4' THEN 4 WHEN 'float8' THEN 8 WHEN 'float4' THEN 4 WHEN 'numeric' THEN 4351
    WHEN 'date' THEN 4 WHEN 'timestamp' THEN 4365 WHEN 'interval' THEN 5199 WHEN 'int8' THEN 8 WHEN 'bool' THEN 1
    WHEN 'bpchar' THEN 1 WHEN 'bytea' THEN 56 WHEN 'text' THEN 2048 ELSE 255 END`;

/**
 * One row per argument and result of each routine in `where` (a condition on pg_proc p).
 * paramattr (IBM's Guide to SQL: Reference): 1 IN, 2 INOUT, 3 a value of RETURN WITH
 * RESUME, 4 OUT, 5 a return value. An SPL OUT/INOUT parameter is ifx_out_<name> in
 * PostgreSQL (sql/spl/translate-routine.ts).
 */
function routineParameters(where: string): string {
  return `SELECT CAST(p.oid AS integer) AS procid, CAST(a.n AS integer) AS paramid,
  CAST(regexp_replace(COALESCE(a.name, ''), '^(ifx_ret[0-9]+_?|ifx_out_)', '') AS varchar(128)) AS paramname,
  CAST(${PG_COLTYPE} AS smallint) AS paramtype, CAST(${PG_COLLENGTH} AS smallint) AS paramlen,
  CAST(CASE WHEN t.typname = 'bool' THEN 5 ELSE 0 END AS integer) AS paramxid,
  CAST(CASE a.mode WHEN 'i' THEN 1 WHEN 'b' THEN 2 WHEN 'o' THEN CASE WHEN starts_with(a.name, 'ifx_out_') THEN 4 WHEN p.proretset THEN 3 ELSE 5 END
    WHEN 't' THEN 3 ELSE 0 END AS integer) AS paramattr
FROM pg_proc p,
  LATERAL unnest(
    COALESCE(p.proallargtypes, CAST(p.proargtypes AS oid[])),
    COALESCE(p.proargmodes, array_fill(CAST('i' AS "char"), ARRAY[p.pronargs])),
    p.proargnames
  ) WITH ORDINALITY AS a(typ, mode, name, n)
  JOIN pg_type t ON t.oid = a.typ
WHERE ${where}
UNION ALL
-- A function's single result when it has no OUT parameters (built-ins): paramattr 5.
SELECT CAST(p.oid AS integer), CAST(cardinality(CAST(p.proargtypes AS oid[])) + 1 AS integer), CAST('' AS varchar(128)),
  CAST(${PG_COLTYPE} AS smallint), CAST(${PG_COLLENGTH} AS smallint),
  CAST(CASE WHEN t.typname = 'bool' THEN 5 ELSE 0 END AS integer), 5
FROM pg_proc p JOIN pg_type t ON t.oid = p.prorettype
WHERE ${where} AND p.proallargtypes IS NULL AND t.typname NOT IN ('void', 'record', 'trigger')`;
}

/** systabauth, syscolauth, sysinherits and sysproccolumns of database schema `s` (quoted) / `ns` (regnamespace). */
export function privilegeCatalogSql(s: string, ns: string): string {
  return `
CREATE VIEW ${s}.systabauth AS
SELECT CAST(owner AS varchar(32)) AS grantor, CAST('public' AS varchar(32)) AS grantee, tabid,
  CAST(CASE WHEN tabid < 100 THEN 's--------' ELSE 'su-idxar-' END AS char(9)) AS tabauth
FROM ${s}.systables WHERE tabtype IN ('T', 'V') AND tabname NOT LIKE ' %';
CREATE VIEW ${s}.syscolauth AS
SELECT CAST(NULL AS varchar(32)) AS grantor, CAST(NULL AS varchar(32)) AS grantee, CAST(NULL AS integer) AS tabid,
  CAST(NULL AS smallint) AS colno, CAST(NULL AS char(3)) AS colauth
WHERE false;
CREATE VIEW ${s}.sysinherits AS
SELECT CAST(NULL AS integer) AS child, CAST(NULL AS integer) AS parent, CAST(NULL AS char(1)) AS childtype
WHERE false;
CREATE VIEW ${s}.sysproccolumns AS
${routineParameters(`(p.pronamespace = ${ns} OR p.pronamespace = CAST('informix' AS regnamespace))`)};
`;
}

/**
 * informix.ifx_param_types(procid) and informix.ifx_ret_types(procid), which JDBC's
 * getProcedureColumns selects beside each parameter: the routine's argument and result
 * types as a comma-separated list of Informix type names. What IDS returns exactly is not
 * documented; JDBC does not need more than a value.
 */
export const ROUTINE_TYPE_FUNCTIONS_SQL = `
-- BUFFER_LENGTH of getProcedureColumns: the bytes of a value.
CREATE FUNCTION informix.schema_bufflen(ct integer, len integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE ct % 256
    WHEN 1 THEN 2 WHEN 2 THEN 4 WHEN 6 THEN 4 WHEN 3 THEN 8 WHEN 4 THEN 4 WHEN 7 THEN 4 WHEN 45 THEN 1
    WHEN 17 THEN 8 WHEN 18 THEN 8 WHEN 52 THEN 8 WHEN 53 THEN 8
    WHEN 5 THEN (len / 256) / 2 + 2 WHEN 8 THEN (len / 256) / 2 + 2
    WHEN 10 THEN (len / 256) / 2 + 2 WHEN 14 THEN (len / 256) / 2 + 2
    WHEN 13 THEN len % 256 WHEN 16 THEN len % 256 ELSE len END
$$;
CREATE FUNCTION informix.ifx_param_types(procid integer) RETURNS varchar(2048) LANGUAGE sql STABLE AS $$
  SELECT COALESCE(string_agg(lower(informix.schema_coltypename(${PG_COLTYPE}, 0)), ',' ORDER BY a.n), '')
  FROM pg_proc p, LATERAL unnest(CAST(p.proargtypes AS oid[])) WITH ORDINALITY AS a(typ, n) JOIN pg_type t ON t.oid = a.typ
  WHERE p.oid = procid
$$;
CREATE FUNCTION informix.ifx_ret_types(procid integer) RETURNS varchar(2048) LANGUAGE sql STABLE AS $$
  SELECT COALESCE(string_agg(lower(informix.schema_coltypename(${PG_COLTYPE}, 0)), ',' ORDER BY a.n), '')
  FROM pg_proc p,
    LATERAL unnest(COALESCE(p.proallargtypes, ARRAY[p.prorettype]), COALESCE(p.proargmodes, ARRAY[CAST('o' AS "char")]))
      WITH ORDINALITY AS a(typ, mode, n)
    JOIN pg_type t ON t.oid = a.typ
  WHERE p.oid = procid AND a.mode IN ('o', 'b', 't') AND t.typname <> 'void'
$$;
`;
