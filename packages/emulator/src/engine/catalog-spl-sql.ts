// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The SPL routines of a database in its catalog views. A routine is a PL/pgSQL function in
// the database's schema whose body starts with the marker line sql/spl/translate-routine.ts
// writes ("-- informix-spl <procedure|function> owner=... mode=O|D iterator=t|f"), followed
// by the CREATE text as "-- " lines and the DOCUMENT text as "--doc " lines. sysprocedures
// gets one row per routine (isproc 't' for CREATE PROCEDURE; externalname NULL, which is how
// IDS marks SPL routines); sysprocbody holds the text in 256-character pieces (datakey 'T')
// and the DOCUMENT text (datakey 'D'). numargs counts OUT parameters (ifx_out_<name>, see
// sql/spl/translate-routine.ts), which PostgreSQL's pronargs leaves out.

const IS_SPL = String.raw`p.prosrc ~ '^\s*-- informix-spl '`;

/** sysprocedures rows of the SPL routines in schema `ns` (a regnamespace expression). */
export function splProcedureRows(ns: string): string {
  return String.raw`SELECT CAST(p.proname AS varchar(128)), CAST(substring(p.prosrc from 'owner=(\S+)') AS char(32)),
  CAST(p.oid AS integer), CAST(substring(p.prosrc from 'mode=(\w)') AS char(1)), 0, 0, 0, 0,
  CAST(p.pronargs + (SELECT count(*) FROM unnest(p.proargmodes, p.proargnames) AS a(m, n)
    WHERE a.m = 'o' AND starts_with(a.n, 'ifx_out_')) AS smallint),
  CAST(CASE WHEN p.prosrc ~ '^\s*-- informix-spl procedure' THEN 't' ELSE 'f' END AS char(1)),
  CAST(NULL AS varchar(128)), CAST(NULL AS varchar(255)), CAST('I' AS char(1)), 2, true, false, true,
  substring(p.prosrc from 'iterator=(\w)') = 't', 0, false
FROM pg_proc p WHERE p.pronamespace = ${ns} AND ${IS_SPL}`;
}

/** The sysprocbody view of database schema `s` (quoted) / `ns` (regnamespace). */
export function sysprocbodySql(s: string, ns: string): string {
  return String.raw`
CREATE VIEW ${s}.sysprocbody AS
WITH lines AS (
  SELECT p.oid, l.line, l.n
  FROM pg_proc p,
  LATERAL regexp_split_to_table(substring(p.prosrc from '-- informix-spl [^\n]*\n(.*?)\n-- informix-spl end'), '\n')
    WITH ORDINALITY AS l(line, n)
  WHERE p.pronamespace = ${ns} AND ${IS_SPL}
), texts AS (
  SELECT oid, 'T' AS datakey, string_agg(substr(line, 4), chr(10) ORDER BY n) AS body
  FROM lines WHERE line LIKE '-- %' OR line = '--' GROUP BY oid
  UNION ALL
  SELECT oid, 'D', string_agg(substr(line, 7), chr(10) ORDER BY n) FROM lines WHERE line LIKE '--doc %' GROUP BY oid
)
SELECT CAST(t.oid AS integer) AS procid, CAST(t.datakey AS char(1)) AS datakey, CAST(k + 1 AS integer) AS seqno,
  CAST(substr(t.body, k * 256 + 1, 256) AS char(256)) AS data
FROM texts t, LATERAL generate_series(0, GREATEST((length(t.body) - 1) / 256, 0)) AS k;
`;
}
