// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// More Informix catalog tables of every database, as views over pg_catalog (systables lists them
// all, catalog-tabids.ts, so each must answer a SELECT). Columns as the IDS Guide to SQL:
// Reference describes them:
//   sysviews      (tabid, seqno, viewtext CHAR(64)): the view's text in 64-character pieces;
//                 the text is PostgreSQL's rendering of the query, not the CREATE VIEW as written
//   syschecks     (constrid, type, seqno, checktext CHAR(32)): type 'T' rows of the check's text
//   sysdepend     (btabid, btype, dtabid, dtype): a view (dtype 'V') on a table or view
//   syssequences  (seqid, tabid, start_val, inc_val, max_val, min_val, cycle, restart_val, cache, order)
//   sysusers      (username, usertype, priority, password, defrole): the database owner ('D')
//                 and PUBLIC ('C')
//   sysindices    the columns of sysindexes IDS also has in sysindices (not indexkeys)
//   systriggers   (trigid, trigname, owner, tabid, event, old, new, mode): CREATE TRIGGER's triggers
//                 (sql/rewrite-trigger.ts); the REFERENCING names are not kept (NULL)
//   syssynonyms, syscoldepend: no rows (a synonym is a view here; no column dependencies)

/** The views, for the database `name` (a literal) in schema `s` (quoted), namespace expression `ns`. */
export function moreCatalogSql(s: string, ns: string, name: string): string {
  return `
CREATE VIEW ${s}.sysviews AS
SELECT CAST(c.oid AS integer) AS tabid, CAST(g.n AS smallint) AS seqno,
  CAST(substr(v.txt, g.n * 64 + 1, 64) AS char(64)) AS viewtext
FROM pg_class c JOIN ifx.tables t ON t.reloid = c.oid
CROSS JOIN LATERAL (SELECT 'create view ' || c.relname || ' as '
  || regexp_replace(trim(pg_get_viewdef(c.oid)), '[[:space:]]+', ' ', 'g') AS txt) v
CROSS JOIN LATERAL generate_series(0, (length(v.txt) - 1) / 64) AS g(n)
WHERE c.relnamespace = ${ns} AND c.relkind = 'v';
CREATE VIEW ${s}.syschecks AS
SELECT CAST(co.oid AS integer) AS constrid, CAST('T' AS char(1)) AS type, CAST(g.n AS smallint) AS seqno,
  CAST(substr(x.txt, g.n * 32 + 1, 32) AS char(32)) AS checktext
FROM pg_constraint co JOIN pg_class c ON c.oid = co.conrelid JOIN ifx.tables t ON t.reloid = c.oid
CROSS JOIN LATERAL (SELECT regexp_replace(pg_get_constraintdef(co.oid), '^CHECK ', '') AS txt) x
CROSS JOIN LATERAL generate_series(0, (length(x.txt) - 1) / 32) AS g(n)
WHERE c.relnamespace = ${ns} AND co.contype = 'c';
CREATE VIEW ${s}.sysdepend AS
SELECT DISTINCT CAST(d.refobjid AS integer) AS btabid,
  CAST(CASE b.relkind WHEN 'v' THEN 'V' ELSE 'T' END AS char(1)) AS btype,
  CAST(r.ev_class AS integer) AS dtabid, CAST('V' AS char(1)) AS dtype
FROM pg_depend d JOIN pg_rewrite r ON r.oid = d.objid JOIN pg_class b ON b.oid = d.refobjid
JOIN pg_class v ON v.oid = r.ev_class JOIN ifx.tables t ON t.reloid = v.oid
WHERE d.classid = CAST('pg_rewrite' AS regclass) AND d.refclassid = CAST('pg_class' AS regclass)
  AND d.refobjid <> r.ev_class AND v.relnamespace = ${ns} AND b.relnamespace = ${ns};
CREATE VIEW ${s}.syssequences AS
SELECT CAST(c.oid AS integer) AS seqid, CAST(c.oid AS integer) AS tabid, q.seqstart AS start_val,
  q.seqincrement AS inc_val, q.seqmax AS max_val, q.seqmin AS min_val,
  CAST(CASE WHEN q.seqcycle THEN '1' ELSE '0' END AS char(1)) AS cycle, CAST(NULL AS bigint) AS restart_val,
  CAST(q.seqcache AS integer) AS cache, CAST('1' AS char(1)) AS "order"
FROM pg_sequence q JOIN pg_class c ON c.oid = q.seqrelid
WHERE c.relnamespace = ${ns} AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i'));
CREATE VIEW ${s}.sysusers AS
SELECT CAST(owner AS char(32)) AS username, CAST('D' AS char(1)) AS usertype, CAST(9 AS smallint) AS priority,
  CAST(NULL AS char(16)) AS password, CAST(NULL AS char(32)) AS defrole
FROM ifx.databases WHERE name = ${name}
UNION ALL
SELECT CAST('public' AS char(32)), CAST('C' AS char(1)), CAST(5 AS smallint), CAST(NULL AS char(16)), CAST(NULL AS char(32));
CREATE VIEW ${s}.sysindices AS
SELECT idxname, owner, tabid, idxtype, clustered, levels, leaves, nunique, clust FROM ${s}.sysindexes;
CREATE VIEW ${s}.systriggers AS
SELECT DISTINCT ON (x.name) CAST(x.oid AS integer) AS trigid, CAST(x.name AS varchar(128)) AS trigname,
  CAST(t.owner AS char(32)) AS owner, CAST(x.tgrelid AS integer) AS tabid,
  CAST(CASE WHEN x.tgtype & 4 <> 0 THEN 'I' WHEN x.tgtype & 8 <> 0 THEN 'D' ELSE 'U' END AS char(1)) AS event,
  CAST(NULL AS varchar(128)) AS old, CAST(NULL AS varchar(128)) AS new, CAST('E' AS char(1)) AS mode
FROM (SELECT g.oid, g.tgrelid, g.tgtype, regexp_replace(p.proname, '^ifx_trg_(.*)_(before|row|after)$', '\\1') AS name
  FROM pg_trigger g JOIN pg_proc p ON p.oid = g.tgfoid WHERE p.proname LIKE 'ifx_trg_%') x
JOIN pg_class c ON c.oid = x.tgrelid JOIN ifx.tables t ON t.reloid = c.oid
WHERE c.relnamespace = ${ns}
ORDER BY x.name, x.oid;
CREATE VIEW ${s}.syssynonyms AS
SELECT CAST('' AS char(32)) AS owner, CAST('' AS varchar(128)) AS synname, CAST(NULL AS date) AS created,
  CAST(0 AS integer) AS tabid WHERE false;
CREATE VIEW ${s}.syscoldepend AS
SELECT CAST(0 AS integer) AS constrid, CAST(0 AS integer) AS tabid, CAST(0 AS smallint) AS colno WHERE false;
`;
}
