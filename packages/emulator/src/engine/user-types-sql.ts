// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The side catalog of extended data types (named ROW types and DISTINCT types, issue 9) and
// the catalog views IDS clients read them from. IDS's catalog (Guide to SQL: Reference):
//   sysxtdtypes(extended_id, domain, mode, owner, name, type, source, maxlen, length, byvalue,
//     cannothash, align, locator) — mode 'R' named ROW, 'D' distinct, 'B' opaque (type 40 with
//     maxlen for INTERNALLENGTH = VARIABLE, 41 with length for a fixed length); for a distinct type of a
//     built-in type `type` is the source's coltype + 0x800 and `source` is 0; the first type
//     created in a database gets extended_id 2049 (a public catalog dump).
//   sysattrtypes(extended_id, seqno, levelno, parent_no, fieldname, fieldno, type, length,
//     xtd_type_id) — a named ROW type has a row for itself (seqno 1, levelno 0, type 4118 =
//     ROW | 0x1000) and one per field (levelno 1, parent_no 1, fieldno 1…) [same dump].
// The PostgreSQL object of a type is a domain in the database's schema, named like the type
// (over the field list's composite type, or over the source type).
// Built-in opaque types (lvarchar, boolean, blob, clob, json, bson) are not listed [emulator choice].

/** First extended id of a user-defined type. */
export const FIRST_USER_XID = 2049;

export const USER_TYPES_SQL = `
CREATE SEQUENCE ifx.xtd_ids START WITH ${FIRST_USER_XID};
CREATE TABLE ifx.xtdtypes (extended_id int4 PRIMARY KEY, schema text NOT NULL, owner text NOT NULL,
  name text NOT NULL, mode char(1) NOT NULL, type int4 NOT NULL, source int4 NOT NULL, length int4 NOT NULL,
  definition text NOT NULL, UNIQUE (schema, name));
CREATE TABLE ifx.attrtypes (extended_id int4 NOT NULL, seqno int2 NOT NULL, levelno int2 NOT NULL,
  parent_no int2 NOT NULL, fieldname text, fieldno int2 NOT NULL, type int2 NOT NULL, length int2 NOT NULL,
  xtd_type_id int4 NOT NULL, PRIMARY KEY (extended_id, seqno));
-- BSON columns: a domain over json, so that d::JSON is a cast (engine/bson-values.ts).
CREATE DOMAIN ifx.bson AS json;
-- IDS's BSON accessors, bson_value_<type>(doc, 'path.to.field') (IDS JSON compatibility guide);
-- BSON columns are json here (engine/bson-values.ts). A missing field is NULL.
CREATE FUNCTION informix.bson_value_int(d json, p text) RETURNS integer LANGUAGE sql IMMUTABLE STRICT AS
  $$ SELECT CAST(d #>> string_to_array(p, '.') AS integer) $$;
CREATE FUNCTION informix.bson_value_bigint(d json, p text) RETURNS bigint LANGUAGE sql IMMUTABLE STRICT AS
  $$ SELECT CAST(d #>> string_to_array(p, '.') AS bigint) $$;
CREATE FUNCTION informix.bson_value_double(d json, p text) RETURNS double precision LANGUAGE sql IMMUTABLE STRICT AS
  $$ SELECT CAST(d #>> string_to_array(p, '.') AS double precision) $$;
CREATE FUNCTION informix.bson_value_lvarchar(d json, p text) RETURNS text LANGUAGE sql IMMUTABLE STRICT AS
  $$ SELECT d #>> string_to_array(p, '.') $$;
CREATE FUNCTION informix.bson_value_varchar(d json, p text) RETURNS varchar(255) LANGUAGE sql IMMUTABLE STRICT AS
  $$ SELECT CAST(d #>> string_to_array(p, '.') AS varchar(255)) $$;
CREATE FUNCTION informix.bson_value_boolean(d json, p text) RETURNS boolean LANGUAGE sql IMMUTABLE STRICT AS
  $$ SELECT CAST(d #>> string_to_array(p, '.') AS boolean) $$;
`;

/** The sysxtdtypes and sysattrtypes views of database schema `s` (quoted) named `name` (a literal). */
export function userTypeViewsSql(s: string, name: string): string {
  return `
CREATE VIEW ${s}.sysxtdtypes AS
SELECT x.extended_id, CAST('' AS char(1)) AS domain, CAST(x.mode AS char(1)) AS mode,
  CAST(x.owner AS varchar(32)) AS owner, CAST(x.name AS varchar(128)) AS name, CAST(x.type AS smallint) AS type,
  x.source, CASE WHEN x.mode = 'R' OR (x.mode = 'B' AND x.type = 40) THEN x.length ELSE 0 END AS maxlen,
  CASE WHEN x.mode = 'R' OR (x.mode = 'B' AND x.type = 40) THEN 0 ELSE x.length END AS length, CAST('F' AS char(1)) AS byvalue,
  CAST('F' AS char(1)) AS cannothash, CAST(4 AS smallint) AS align, 0 AS locator
FROM ifx.xtdtypes x WHERE x.schema = ${name};
CREATE VIEW ${s}.sysattrtypes AS
SELECT a.extended_id, a.seqno, a.levelno, a.parent_no, CAST(a.fieldname AS varchar(128)) AS fieldname,
  a.fieldno, a.type, a.length, a.xtd_type_id
FROM ifx.attrtypes a JOIN ifx.xtdtypes x ON x.extended_id = a.extended_id WHERE x.schema = ${name};
`;
}
