// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// More Informix catalog tables of every database, as views over pg_catalog (systables lists them
// all, catalog-tabids.ts, so each must answer a SELECT). Columns as the IDS Guide to SQL:
// Reference describes them:
//   sysindices    the columns of sysindexes IDS also has in sysindices (not indexkeys)
//   systriggers   (trigid, trigname, owner, tabid, event, old, new, mode): CREATE TRIGGER's triggers
//                 (sql/rewrite-trigger.ts); the REFERENCING names are not kept (NULL)
//   syscoldepend  no rows (no column dependencies)
// Views, synonyms, sequences, checks and users are in catalog-objects-sql.ts.

/** The views, for the database `name` (a literal) in schema `s` (quoted), namespace expression `ns`. */
export function moreCatalogSql(s: string, ns: string): string {
  return `
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
CREATE VIEW ${s}.syscoldepend AS
SELECT CAST(0 AS integer) AS constrid, CAST(0 AS integer) AS tabid, CAST(0 AS smallint) AS colno WHERE false;
`;
}
