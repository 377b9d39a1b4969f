// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Catalog tables about a database's views, synonyms, sequences, check constraints and users,
// which schema browsers read (DBeaver's Informix plugin reads a view's text from sysviews;
// dbschema-like tools read syssyntable, syssequences, syschecks, sysdepend, sysusers).
// Layouts from IBM's Guide to SQL: Reference.
//
// A view or synonym keeps the Informix statement that created it as the PostgreSQL comment of
// its view (statement-runner.ts): sysviews gives that text in 64-character pieces as IDS does,
// and a comment that starts with CREATE [PUBLIC | PRIVATE] SYNONYM marks a synonym (systables
// tabtype 'S', or 'P' for a private one; a row in syssyntable naming the table it stands for).
// A view made before its comment existed shows PostgreSQL's text of its query instead.

/** Whether view `c` (a pg_class row) is a synonym: its comment is a CREATE ... SYNONYM statement. */
export function isSynonym(c: string): string {
  return String.raw`COALESCE(obj_description(${c}.oid, 'pg_class') ~* '^\s*create\s+((public|private)\s+)?synonym\s', false)`;
}

/** Its systables tabtype: 'P' for a private synonym, 'S' for another synonym, else 'V'. */
export function viewTabtype(c: string): string {
  return String.raw`CASE WHEN obj_description(${c}.oid, 'pg_class') ~* '^\s*create\s+private\s+synonym\s' THEN 'P'
    WHEN ${isSynonym(c)} THEN 'S' ELSE 'V' END`;
}

/** The relations view `v` (an oid expression) reads, from the dependencies of its rewrite rule. */
function viewBases(v: string): string {
  return `SELECT DISTINCT d.refobjid AS base FROM pg_rewrite r JOIN pg_depend d ON d.objid = r.oid AND d.classid = CAST('pg_rewrite' AS regclass)
    WHERE r.ev_class = ${v} AND d.refclassid = CAST('pg_class' AS regclass) AND d.refobjid <> ${v}`;
}

/** sysviews, syssynonyms, syssyntable, sysdepend, syssequences, syschecks, sysusers and sysfragments of schema `s` / `ns`. */
export function objectCatalogSql(s: string, ns: string, database: string): string {
  return String.raw`
CREATE VIEW ${s}.sysviews AS
WITH v AS (
  SELECT c.oid, COALESCE(obj_description(c.oid, 'pg_class'),
    'create view ' || c.relname || ' as ' || btrim(pg_get_viewdef(c.oid), E' \n')) AS body
  FROM pg_class c JOIN ifx.tables t ON t.reloid = c.oid
  WHERE c.relnamespace = ${ns} AND c.relkind = 'v' AND NOT ${isSynonym("c")}
)
SELECT CAST(v.oid AS integer) AS tabid, CAST(k AS smallint) AS seqno, CAST(substr(v.body, k * 64 + 1, 64) AS char(64)) AS viewtext
FROM v, LATERAL generate_series(0, GREATEST((length(v.body) - 1) / 64, 0)) AS k;
CREATE VIEW ${s}.syssyntable AS
SELECT CAST(c.oid AS integer) AS tabid, CAST(NULL AS varchar(128)) AS servername, CAST(NULL AS varchar(128)) AS dbname,
  CAST(bt.owner AS char(32)) AS owner, CAST(b.relname AS varchar(128)) AS tabname, CAST(b.oid AS integer) AS btabid
FROM pg_class c JOIN ifx.tables t ON t.reloid = c.oid,
  LATERAL (${viewBases("c.oid")}) AS d JOIN pg_class b ON b.oid = d.base LEFT JOIN ifx.tables bt ON bt.reloid = b.oid
WHERE c.relnamespace = ${ns} AND c.relkind = 'v' AND ${isSynonym("c")};
CREATE VIEW ${s}.syssynonyms AS
SELECT CAST(t.owner AS char(32)) AS owner, CAST(c.relname AS varchar(128)) AS synname, t.created,
  CAST(c.oid AS integer) AS tabid
FROM pg_class c JOIN ifx.tables t ON t.reloid = c.oid
WHERE c.relnamespace = ${ns} AND c.relkind = 'v' AND ${isSynonym("c")};
CREATE VIEW ${s}.sysdepend AS
SELECT CAST(b.oid AS integer) AS btabid, CAST(CASE WHEN b.relkind = 'v' THEN ${viewTabtype("b")} ELSE 'T' END AS char(1)) AS btype,
  CAST(c.oid AS integer) AS dtabid, CAST('V' AS char(1)) AS dtype
FROM pg_class c JOIN ifx.tables t ON t.reloid = c.oid,
  LATERAL (${viewBases("c.oid")}) AS d JOIN pg_class b ON b.oid = d.base JOIN ifx.tables bt ON bt.reloid = b.oid
WHERE c.relnamespace = ${ns} AND c.relkind = 'v' AND NOT ${isSynonym("c")};
CREATE VIEW ${s}.syssequences AS
SELECT CAST(c.oid AS integer) AS seqid, CAST(c.oid AS integer) AS tabid, q.seqstart AS start_val, q.seqincrement AS inc_val,
  q.seqmax AS max_val, q.seqmin AS min_val, CAST(CASE WHEN q.seqcycle THEN '1' ELSE '0' END AS char(1)) AS cycle,
  CAST(NULL AS bigint) AS restart_val, CAST(CASE WHEN q.seqcache > 1 THEN q.seqcache ELSE 0 END AS integer) AS cache,
  CAST('1' AS char(1)) AS "order"
FROM pg_sequence q JOIN pg_class c ON c.oid = q.seqrelid
WHERE c.relnamespace = ${ns} AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i'));
CREATE VIEW ${s}.syschecks AS
WITH k AS (
  SELECT co.oid, regexp_replace(pg_get_constraintdef(co.oid), '^CHECK ', '') AS body
  FROM pg_constraint co JOIN pg_class c ON c.oid = co.conrelid JOIN ifx.tables t ON t.reloid = c.oid
  WHERE c.relnamespace = ${ns} AND co.contype = 'c'
)
SELECT CAST(k.oid AS integer) AS constrid, CAST('T' AS char(1)) AS type, CAST(n AS smallint) AS seqno,
  CAST(substr(k.body, n * 32 + 1, 32) AS char(32)) AS checktext
FROM k, LATERAL generate_series(0, GREATEST((length(k.body) - 1) / 32, 0)) AS n;
CREATE VIEW ${s}.sysusers AS
SELECT CAST(d.owner AS char(32)) AS username, CAST('D' AS char(1)) AS usertype, CAST(5 AS smallint) AS priority,
  CAST(NULL AS char(16)) AS password, CAST(NULL AS char(32)) AS defrole
FROM ifx.databases d WHERE d.name = ${database}
UNION ALL
SELECT CAST('public' AS char(32)), CAST('C' AS char(1)), CAST(5 AS smallint), CAST(NULL AS char(16)), CAST(NULL AS char(32))
FROM ifx.databases d WHERE d.name = ${database} AND NOT d.ansi;
CREATE VIEW ${s}.sysfragments AS
SELECT CAST(NULL AS char(1)) AS fragtype, 0 AS tabid, CAST(NULL AS varchar(128)) AS indexname, 0 AS colno, 0 AS partn,
  CAST(NULL AS char(1)) AS strategy, CAST(NULL AS char(1)) AS location, CAST(NULL AS varchar(128)) AS servername,
  0 AS evalpos, CAST(NULL AS text) AS exprtext, 0 AS flags, CAST(NULL AS varchar(128)) AS dbspace,
  CAST(0 AS smallint) AS levels, 0 AS npused, CAST(0 AS double precision) AS nrows, 0 AS clust,
  CAST(NULL AS varchar(128)) AS partition
WHERE false;
`;
}

/** systables rows of the sequences of schema `ns` (tabtype 'Q'), in systables' inner column order. */
export function sequenceTableRows(ns: string): string {
  return `SELECT CAST(c.relname AS text), 'informix', CAST(c.oid AS integer), 0, 0, 0, 0, DATE '2000-01-01', 'Q', ''
  FROM pg_class c WHERE c.relnamespace = ${ns} AND c.relkind = 'S'
    AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i'))`;
}

/**
 * sysmaster tables that monitoring tools read: systabnames (every table of every database),
 * sysdbspaces (the root dbspace and the sbspace the emulator plays) and sysptprof (per-table
 * counters, which the emulator does not keep: zeros).
 */
export const SYSMASTER_OBJECTS_SQL = `
CREATE VIEW sysmaster.systabnames AS
SELECT CAST(c.oid AS integer) AS partnum, CAST(n.nspname AS char(128)) AS dbsname, CAST(t.owner AS char(32)) AS owner,
  CAST(c.relname AS char(128)) AS tabname, CAST(d.locale AS char(32)) AS collate
FROM ifx.tables t JOIN pg_class c ON c.oid = t.reloid JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN ifx.databases d ON d.name = n.nspname
WHERE c.relkind IN ('r', 'p');
CREATE VIEW sysmaster.sysdbspaces AS
SELECT CAST(v.n AS smallint) AS dbsnum, CAST(v.name AS char(128)) AS name, CAST('informix' AS char(32)) AS owner,
  2048 AS pagesize, CAST(v.n AS smallint) AS fchunk, CAST(1 AS smallint) AS nchunks, 0 AS is_mirrored,
  0 AS is_blobspace, v.sb AS is_sbspace, 0 AS is_temp, 0 AS flags
FROM (VALUES (1, 'rootdbs', 0), (2, 'sbspace', 1)) AS v(n, name, sb);
CREATE VIEW sysmaster.sysptprof AS
SELECT CAST(dbsname AS char(128)) AS dbsname, CAST(tabname AS char(128)) AS tabname, partnum,
  0 AS lockreqs, 0 AS lockwts, 0 AS deadlks, 0 AS lktouts, 0 AS isreads, 0 AS iswrites, 0 AS isrewrites,
  0 AS isdeletes, 0 AS bufreads, 0 AS bufwrites, 0 AS seqscans, 0 AS pagreads, 0 AS pagwrites
FROM sysmaster.systabnames;
`;
