// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// PostgreSQL DDL behind the Informix catalog. Schema `ifx` holds the list of databases,
// the side catalog (owner and creation date of each table, the declared Informix type
// of each column, keyed by table oid and attnum) and helper functions the rewriter
// calls. Every database schema gets views named like the Informix catalog tables
// (systables, syscolumns, sysindexes, sysconstraints, sysdefaults) built from
// pg_catalog plus the side catalog; user tables get tabid = their oid (always ≥ 100).

import { pgIdent, pgString } from "../sql/context.js";
import { SPL_RUNTIME_SQL } from "../sql/spl/runtime-sql.js";
import { BUILTIN_FUNCTIONS_SQL } from "./builtin-functions-sql.js";
import { foreignKeyIndexName, foreignKeyIndexRows, keyCatalogSql } from "./catalog-keys-sql.js";
import { objectCatalogSql, SYSMASTER_OBJECTS_SQL, sequenceTableRows, viewTabtype } from "./catalog-objects-sql.js";
import { privilegeCatalogSql, ROUTINE_TYPE_FUNCTIONS_SQL } from "./catalog-privileges-sql.js";
import { CATALOG_TABIDS } from "./catalog-tabids.js";
import { triggerCatalogSql } from "./catalog-trigger-sql.js";
import { moreCatalogSql } from "./catalog-views-sql.js";
import { JDBC_CATALOG_SQL } from "./jdbc-catalog-sql.js";
import { TEXT_CONVERSION_SQL } from "./text-conversion-sql.js";
import { USER_TYPES_SQL, userTypeViewsSql } from "./user-types-sql.js";

export const BOOTSTRAP_SQL = String.raw`
${JDBC_CATALOG_SQL}
${ROUTINE_TYPE_FUNCTIONS_SQL}
CREATE SCHEMA ifx;
CREATE TABLE ifx.databases (name text PRIMARY KEY, owner text NOT NULL, created date NOT NULL,
  logged boolean NOT NULL, buffered boolean NOT NULL, ansi boolean NOT NULL,
  locale text NOT NULL DEFAULT 'en_US.819');
CREATE TABLE ifx.tables (reloid oid PRIMARY KEY, owner text NOT NULL, created date NOT NULL);
CREATE TABLE ifx.columns (reloid oid NOT NULL, attnum int2 NOT NULL, coltype int4 NOT NULL,
  collength int4 NOT NULL, xid int4 NOT NULL, xname text NOT NULL, xdef text, PRIMARY KEY (reloid, attnum));
${USER_TYPES_SQL}

${BUILTIN_FUNCTIONS_SQL}
-- MATCHES: the pattern as a regular expression, with backslash as the escape.
CREATE FUNCTION ifx.matches_re(p text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT ifx.matches_re(p, '\') $$;
${SPL_RUNTIME_SQL}
${TEXT_CONVERSION_SQL}
CREATE FUNCTION ifx.date(integer) RETURNS date LANGUAGE sql IMMUTABLE AS $$ SELECT DATE '1899-12-31' + $1 $$;
CREATE FUNCTION ifx.date(numeric) RETURNS date LANGUAGE sql IMMUTABLE AS $$ SELECT DATE '1899-12-31' + CAST($1 AS integer) $$;
CREATE FUNCTION ifx.date(timestamp) RETURNS date LANGUAGE sql IMMUTABLE AS $$ SELECT CAST($1 AS date) $$;
CREATE FUNCTION ifx.date(date) RETURNS date LANGUAGE sql IMMUTABLE AS $$ SELECT $1 $$;
-- LENGTH counts bytes in the database's code set, without trailing blanks (GLS User's Guide,
-- "The LENGTH function"). Text is stored as PostgreSQL's UTF-8, so the byte count is worked out
-- from the characters: one byte each in a single-byte code set; UTF-8's own length; in the
-- East Asian double-byte sets one byte for ASCII (and, in Shift-JIS, for half-width katakana)
-- and two for every other character.
CREATE FUNCTION ifx.code_set_class() RETURNS text LANGUAGE sql STABLE AS $$
  SELECT CASE
    WHEN l ~* '\.(utf8|utf-8|57372)$' THEN 'utf8'
    WHEN l ~* '\.(sjis|sjis-s|932|57350)$' THEN 'sjis'
    WHEN l ~* '\.(ujis|57351|big5|57352|gb|gb2312|gbk|57357|ksc|ksc5601|57356)$' THEN 'dbcs'
    ELSE 'sbcs' END
  FROM (SELECT COALESCE((SELECT locale FROM ifx.databases WHERE name = current_schema()), 'en_US.819') AS l) AS d $$;
CREATE FUNCTION ifx.octet_length(text) RETURNS integer LANGUAGE sql STABLE AS $$
  SELECT CASE ifx.code_set_class()
    WHEN 'sbcs' THEN length($1)
    WHEN 'utf8' THEN octet_length($1)
    WHEN 'sjis' THEN length($1) + length(regexp_replace($1, '[\x01-\x7f\uff61-\uff9f]', '', 'g'))
    ELSE length($1) + length(regexp_replace($1, '[\x01-\x7f]', '', 'g')) END $$;
-- A CHAR(n) value's OCTET_LENGTH is n, the bytes IDS stores it in (the value always fits them).
-- The emulator's column is PostgreSQL's char(n): n characters with the padding, counted here
-- as padding bytes plus characters.
CREATE FUNCTION ifx.octet_length(bpchar) RETURNS integer LANGUAGE sql STABLE AS $$
  SELECT octet_length($1) - octet_length(CAST($1 AS text)) + length(CAST($1 AS text)) $$;
CREATE FUNCTION ifx.length(text) RETURNS integer LANGUAGE sql STABLE AS $$ SELECT ifx.octet_length(rtrim($1)) $$;

-- DATE as text is spelled by the session's DBDATE (or GL_DATE): '08/31/2026' with IDS's
-- default MDY4/, '2026-08-31' with Y4MD- (informix-driver's test_server_agrees_with_what_we_bound
-- reads DATE::LVARCHAR so). The session keeps the to_char template in ifx.date_format. The
-- casts from date to the character types use it (below), so does assigning a DATE to a CHAR.
CREATE FUNCTION ifx.date_text(date) RETURNS text LANGUAGE sql STABLE STRICT AS $$
  SELECT to_char($1, COALESCE(NULLIF(current_setting('ifx.date_format', true), ''), 'MM/DD/YYYY')) $$;
-- Text with a two-digit year becomes a DATE by DBCENTURY (ifx.dbcentury): R, IDS's default, puts
-- it in the current century, where PostgreSQL would pick 1970-2069. The field order is DateStyle's.
CREATE FUNCTION ifx.text_date(text) RETURNS date LANGUAGE plpgsql STABLE STRICT AS $$
DECLARE
  m text[] := regexp_match($1, '^\s*(\d{1,2})([-/.])(\d{1,2})\2(\d{1,2})\s*$');
  c text := upper(COALESCE(NULLIF(current_setting('ifx.dbcentury', true), ''), 'R'));
  today date := current_date;
  base integer := CAST(EXTRACT(year FROM current_date) AS integer) / 100 * 100;
  dmy boolean := current_setting('DateStyle') LIKE '%DMY%';
  mon integer; dd integer; y integer; best date; d date;
BEGIN
  -- date_in, not CAST: the text-to-date cast is this function.
  IF m IS NULL OR current_setting('DateStyle') LIKE '%YMD%' THEN RETURN date_in(CAST($1 AS cstring)); END IF;
  mon := CAST(CASE WHEN dmy THEN m[3] ELSE m[1] END AS integer);
  dd := CAST(CASE WHEN dmy THEN m[1] ELSE m[3] END AS integer);
  FOR k IN -1..1 LOOP
    y := base + 100 * k + CAST(m[4] AS integer);
    d := make_date(y, mon, dd);
    IF c = 'R' AND k = 0 THEN best := d;
    ELSIF c = 'P' AND d <= today THEN best := d;
    ELSIF c = 'F' AND d >= today AND best IS NULL THEN best := d;
    ELSIF c = 'C' AND (best IS NULL OR abs(d - today) < abs(best - today)) THEN best := d;
    END IF;
  END LOOP;
  RETURN COALESCE(best, make_date(base + CAST(m[4] AS integer), mon, dd));
END $$;
CREATE FUNCTION ifx.text_date(bpchar) RETURNS date LANGUAGE sql STABLE STRICT AS $$ SELECT ifx.text_date(CAST($1 AS text)) $$;
CREATE FUNCTION ifx.date(text) RETURNS date LANGUAGE sql STABLE AS $$ SELECT ifx.text_date($1) $$;

-- SUM over SMALLINT, INTEGER and INT8 is DECIMAL in IDS (informix-driver's test_sum_returns_decimal);
-- PostgreSQL's sum(int2/int4) is bigint. The rewriter sums ifx.sum_arg(x), which widens integers
-- to numeric and leaves every other type (FLOAT, DECIMAL, INTERVAL, ...) as it is.
CREATE FUNCTION ifx.sum_arg(smallint) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT CAST($1 AS numeric) $$;
CREATE FUNCTION ifx.sum_arg(integer) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT CAST($1 AS numeric) $$;
CREATE FUNCTION ifx.sum_arg(bigint) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT CAST($1 AS numeric) $$;
CREATE FUNCTION ifx.sum_arg(anyelement) RETURNS anyelement LANGUAGE sql IMMUTABLE AS $$ SELECT $1 $$;

-- IDS truncates a DATETIME to the qualifier of the column (or CAST) it is assigned to
-- (informix-driver's test_fraction_bind_into_year_to_second_column: 15.987654 into YEAR TO
-- SECOND is 15); PostgreSQL's length coercion of timestamp(n) and time(n) rounds. The two
-- coercion functions in pg_cast are replaced by truncating ones (typmod n = fraction digits).
CREATE FUNCTION ifx.timestamp_trunc(timestamp, integer, boolean) RETURNS timestamp LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT CASE WHEN $2 < 0 OR $2 >= 6 THEN $1 ELSE $1 - make_interval(secs =>
    (CAST(EXTRACT(microseconds FROM $1) AS bigint) % CAST(10 ^ (6 - $2) AS bigint)) / 1000000.0) END $$;
CREATE FUNCTION ifx.time_trunc(time, integer, boolean) RETURNS time LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT CASE WHEN $2 < 0 OR $2 >= 6 THEN $1 ELSE $1 - make_interval(secs =>
    (CAST(EXTRACT(microseconds FROM $1) AS bigint) % CAST(10 ^ (6 - $2) AS bigint)) / 1000000.0) END $$;
-- BOOLEAN cast to a character type is 't' or 'f' in IDS (informix-driver's
-- test_server_agrees_with_what_we_bound: BOOLEAN::LVARCHAR); PostgreSQL's bool -> text,
-- varchar and bpchar casts spell 'true'/'false'. Its output function spells 't'/'f', so
-- those casts become I/O conversions.
-- pg_cast is per database and only a superuser may change it: PGlite's user is one, and so is the
-- postgres engine's own server; on a server where the emulator's role is not, these IDS rules
-- (and DBDATE / DBCENTURY in casts, above) are not applied (docs/emulator-sql.md).
DO $$
BEGIN
  IF (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user) THEN
    UPDATE pg_catalog.pg_cast SET castfunc = CAST('ifx.timestamp_trunc(timestamp,integer,boolean)' AS regprocedure)
      WHERE castsource = CAST('timestamp' AS regtype) AND casttarget = CAST('timestamp' AS regtype);
    UPDATE pg_catalog.pg_cast SET castfunc = CAST('ifx.time_trunc(time,integer,boolean)' AS regprocedure)
      WHERE castsource = CAST('time' AS regtype) AND casttarget = CAST('time' AS regtype);
    UPDATE pg_catalog.pg_cast SET castfunc = 0, castmethod = 'i'
      WHERE castsource = CAST('bool' AS regtype)
        AND casttarget IN (CAST('text' AS regtype), CAST('varchar' AS regtype), CAST('bpchar' AS regtype));
    CREATE CAST (date AS text) WITH FUNCTION ifx.date_text(date) AS ASSIGNMENT;
    CREATE CAST (date AS varchar) WITH FUNCTION ifx.date_text(date) AS ASSIGNMENT;
    CREATE CAST (date AS bpchar) WITH FUNCTION ifx.date_text(date) AS ASSIGNMENT;
    CREATE CAST (text AS date) WITH FUNCTION ifx.text_date(text);
    CREATE CAST (varchar AS date) WITH FUNCTION ifx.text_date(text);
    CREATE CAST (bpchar AS date) WITH FUNCTION ifx.text_date(bpchar);
  END IF;
END $$;

-- SERIAL semantics: 0 or NULL takes the next value; a larger explicit value moves the counter.
CREATE FUNCTION ifx.serial_fill() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE v bigint; col text := TG_ARGV[0]; seq regclass := CAST(TG_ARGV[1] AS regclass); nxt bigint;
BEGIN
  v := CAST(to_jsonb(NEW) ->> col AS bigint);
  IF v IS NULL OR v = 0 THEN
    NEW := jsonb_populate_record(NEW, jsonb_build_object(col, nextval(seq)));
  ELSE
    EXECUTE format('SELECT CASE WHEN is_called THEN last_value + 1 ELSE last_value END FROM %s', seq) INTO nxt;
    IF v >= nxt THEN PERFORM setval(seq, v, true); END IF;
  END IF;
  RETURN NEW;
END $$;
`;

function parts(): string {
  const cols: string[] = [];
  for (let k = 0; k < 16; k++) {
    cols.push(
      `CAST(COALESCE(CASE WHEN (i.indoption[${k}] & 1) = 1 THEN -i.indkey[${k}] ELSE i.indkey[${k}] END, 0) AS smallint) AS part${k + 1}`,
    );
  }
  return cols.join(",\n  ");
}

/** Tabids of the locale rows of systables (their values on IDS are unverified). */
const GL_COLLATE_TABID = 90;
const GL_CTYPE_TABID = 91;

/** Schema and catalog views of one Informix database. */
export function databaseSql(name: string): string {
  const s = pgIdent(name);
  const ns = `CAST(${pgString(name)} AS regnamespace)`;
  const catalogRows = CATALOG_TABIDS.map(([t, id]) => `(${pgString(t)}, ${id})`).join(", ");
  return `
CREATE SCHEMA ${s};
${userTypeViewsSql(s, pgString(name))}
CREATE VIEW ${s}.systables AS
SELECT CAST(tabname AS varchar(128)) AS tabname, CAST(owner AS char(32)) AS owner,
  CAST(tabid AS integer) AS partnum, CAST(tabid AS integer) AS tabid, CAST(rowsize AS smallint) AS rowsize,
  CAST(ncols AS smallint) AS ncols, CAST(nindexes AS smallint) AS nindexes, CAST(nrows AS double precision) AS nrows,
  created, CAST(0 AS integer) AS version, CAST(tabtype AS char(1)) AS tabtype, CAST('R' AS char(1)) AS locklevel,
  CAST(0 AS double precision) AS npused, 16 AS fextsize, 16 AS nextsize, CAST(0 AS smallint) AS flags,
  CAST(site AS varchar(128)) AS site, CAST('' AS varchar(128)) AS dbname, 0 AS type_xid, 0 AS am_id, 2048 AS pagesize
FROM (
  SELECT v.name AS tabname, 'informix' AS owner, v.id AS tabid, 0 AS rowsize, 0 AS ncols, 0 AS nindexes, 0 AS nrows,
    DATE '2000-01-01' AS created, CASE v.name WHEN 'sysindexes' THEN 'V' ELSE 'T' END AS tabtype, '' AS site
  FROM (VALUES ${catalogRows}) AS v(name, id)
  UNION ALL
  -- The database locale, as GLS clients read it (select site from systables where tabname = ' GL_CTYPE').
  SELECT g.name, 'informix', g.id, 0, 0, 0, 0, DATE '2000-01-01', 'T', d.locale
  FROM (VALUES (' GL_COLLATE', ${GL_COLLATE_TABID}), (' GL_CTYPE', ${GL_CTYPE_TABID})) AS g(name, id)
  JOIN ifx.databases d ON d.name = ${pgString(name)}
  UNION ALL
  SELECT c.relname AS tabname, t.owner, CAST(c.oid AS integer) AS tabid,
    (SELECT COALESCE(SUM(CASE WHEN a.attlen > 0 THEN a.attlen ELSE 16 END), 0) FROM pg_attribute a
      WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped) AS rowsize,
    (SELECT COUNT(*) FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped) AS ncols,
    (SELECT COUNT(*) FROM pg_index x WHERE x.indrelid = c.oid) AS nindexes,
    GREATEST(c.reltuples, 0) AS nrows, t.created, CASE c.relkind WHEN 'v' THEN ${viewTabtype("c")} ELSE 'T' END AS tabtype, ''
  FROM pg_class c JOIN ifx.tables t ON t.reloid = c.oid WHERE c.relnamespace = ${ns}
  UNION ALL
  ${sequenceTableRows(ns)}
) AS x;
CREATE VIEW ${s}.syscolumns AS
SELECT CAST(a.attname AS varchar(128)) AS colname, CAST(c.oid AS integer) AS tabid, CAST(a.attnum AS smallint) AS colno,
  CAST(COALESCE(sc.coltype, 0) + CASE WHEN a.attnotnull THEN 256 ELSE 0 END AS smallint) AS coltype,
  CAST(COALESCE(sc.collength, 0) AS integer) AS collength, 0 AS colmin, 0 AS colmax,
  CAST(COALESCE(sc.xid, 0) AS integer) AS extended_id, 0 AS seclabelid, 0 AS colattr
FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN ifx.tables t ON t.reloid = c.oid
LEFT JOIN ifx.columns sc ON sc.reloid = a.attrelid AND sc.attnum = a.attnum
WHERE c.relnamespace = ${ns} AND a.attnum > 0 AND NOT a.attisdropped;
CREATE VIEW ${s}.sysindexes AS
SELECT CAST(ic.relname AS varchar(128)) AS idxname, CAST(t.owner AS char(32)) AS owner, CAST(c.oid AS integer) AS tabid,
  CAST(CASE WHEN i.indisunique THEN 'U' ELSE 'D' END AS char(1)) AS idxtype,
  CAST(CASE WHEN i.indisclustered THEN 'C' ELSE '-' END AS char(1)) AS clustered,
  ${parts()},
  CAST(1 AS smallint) AS levels, 0 AS leaves, 0 AS nunique, 0 AS clust
FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class c ON c.oid = i.indrelid
JOIN ifx.tables t ON t.reloid = c.oid WHERE c.relnamespace = ${ns}
UNION ALL
${foreignKeyIndexRows(ns)};
CREATE VIEW ${s}.sysconstraints AS
SELECT CAST(co.oid AS integer) AS constrid, CAST(co.conname AS varchar(128)) AS constrname,
  CAST(t.owner AS char(32)) AS owner, CAST(c.oid AS integer) AS tabid,
  CAST(CASE co.contype WHEN 'p' THEN 'P' WHEN 'u' THEN 'U' WHEN 'f' THEN 'R' WHEN 'c' THEN 'C' ELSE 'N' END AS char(1)) AS constrtype,
  CAST(CASE WHEN co.contype = 'f' THEN ${foreignKeyIndexName("c.oid", "co.oid")} ELSE ic.relname END AS varchar(128)) AS idxname
FROM pg_constraint co JOIN pg_class c ON c.oid = co.conrelid JOIN ifx.tables t ON t.reloid = c.oid
LEFT JOIN pg_class ic ON ic.oid = co.conindid WHERE c.relnamespace = ${ns};
CREATE VIEW ${s}.sysdefaults AS
SELECT CAST(c.oid AS integer) AS tabid, CAST(d.adnum AS smallint) AS colno, CAST('L' AS char(1)) AS type,
  CAST(pg_get_expr(d.adbin, d.adrelid) AS varchar(256)) AS "default", CAST('T' AS char(1)) AS class
FROM pg_attrdef d JOIN pg_class c ON c.oid = d.adrelid JOIN ifx.tables t ON t.reloid = c.oid
WHERE c.relnamespace = ${ns};
${objectCatalogSql(s, ns, pgString(name))}
${keyCatalogSql(s, ns)}
${privilegeCatalogSql(s, ns)}
${moreCatalogSql(s)}
${triggerCatalogSql(s, ns, pgString(name))}
`;
}

/**
 * The sysmaster database, with sysdual and sysdatabases. IDS creates it with unbuffered
 * logging (is_logging 1, is_buff_log 0): clients that open sysmaster and turn autocommit off
 * (informix-driver's own suite) get real transactions there, not -256.
 */
export const SYSMASTER_SQL = `
${databaseSql("sysmaster")}
CREATE TABLE sysmaster.sysdual (dummy char(1));
INSERT INTO sysmaster.sysdual VALUES ('X');
CREATE VIEW sysmaster.sysdatabases AS
SELECT CAST(name AS varchar(128)) AS name, 0 AS partnum, CAST(owner AS char(32)) AS owner, created,
  CASE WHEN logged THEN 1 ELSE 0 END AS is_logging, CASE WHEN buffered THEN 1 ELSE 0 END AS is_buff_log,
  CASE WHEN ansi THEN 1 ELSE 0 END AS is_ansi, 0 AS is_nls, 0 AS is_case_insens, CAST(0 AS smallint) AS flags
FROM ifx.databases;
-- Only the calling session (enough for "WHERE sid = DBINFO('sessionid')", which Liquibase sends).
CREATE VIEW sysmaster.syssessions AS
SELECT CAST(current_setting('ifx.sid', true) AS integer) AS sid,
  CAST(current_setting('ifx.user', true) AS char(32)) AS username, CAST(0 AS smallint) AS uid, 0 AS pid,
  CAST('' AS char(256)) AS hostname, CAST('' AS char(16)) AS tty,
  CAST(EXTRACT(EPOCH FROM now()) AS integer) AS connected
WHERE current_setting('ifx.sid', true) IS NOT NULL;
-- The locale each database was created with (dbs_collate), as GLS tools read it.
CREATE VIEW sysmaster.sysdbslocale AS
SELECT CAST(name AS char(128)) AS dbs_dbsname, CAST(locale AS char(32)) AS dbs_collate FROM ifx.databases;
INSERT INTO ifx.databases VALUES ('sysmaster', 'informix', CURRENT_DATE, true, false, false);
${SYSMASTER_OBJECTS_SQL}`;
