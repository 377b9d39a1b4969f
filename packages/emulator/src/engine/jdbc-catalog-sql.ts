// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The catalogue functions IBM JDBC's DatabaseMetaData.getColumns calls on the server
// (informix.get_data_type, informix.schema_precision, ...). IDS ships them as built-in
// routines owned by "informix"; here they are PostgreSQL functions in a schema of that
// name. Their answers mirror what JDBC itself reports in ResultSetMetaData for the same
// types (java.sql.Types codes, precisions), observed against the emulator's DESCRIBE.

export const JDBC_CATALOG_SQL = String.raw`
CREATE SCHEMA informix;

CREATE FUNCTION informix.get_data_type(ct integer, xid integer, mode integer) RETURNS integer
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE ct % 256
    WHEN 0 THEN 1 WHEN 1 THEN 5 WHEN 2 THEN 4 WHEN 3 THEN 8 WHEN 4 THEN 7 WHEN 5 THEN 3
    WHEN 6 THEN 4 WHEN 7 THEN 91 WHEN 8 THEN 3 WHEN 10 THEN 93 WHEN 11 THEN -4 WHEN 12 THEN -1
    WHEN 13 THEN 12 WHEN 14 THEN 1 WHEN 15 THEN 1 WHEN 16 THEN 12 WHEN 17 THEN -5 WHEN 18 THEN -5
    WHEN 40 THEN CASE xid WHEN 1 THEN -1 ELSE 1111 END
    WHEN 41 THEN CASE xid WHEN 5 THEN 16 WHEN 10 THEN 2004 WHEN 11 THEN 2005 ELSE 1111 END
    WHEN 43 THEN -1 WHEN 45 THEN 16 WHEN 52 THEN -5 WHEN 53 THEN -5 ELSE 1111 END
$$;

CREATE FUNCTION informix.schema_coltypename(ct integer, xid integer) RETURNS varchar(32)
LANGUAGE sql IMMUTABLE AS $$
  SELECT CAST(CASE ct % 256
    WHEN 0 THEN 'CHAR' WHEN 1 THEN 'SMALLINT' WHEN 2 THEN 'INTEGER' WHEN 3 THEN 'FLOAT'
    WHEN 4 THEN 'SMALLFLOAT' WHEN 5 THEN 'DECIMAL' WHEN 6 THEN 'SERIAL' WHEN 7 THEN 'DATE'
    WHEN 8 THEN 'MONEY' WHEN 10 THEN 'DATETIME' WHEN 11 THEN 'BYTE' WHEN 12 THEN 'TEXT'
    WHEN 13 THEN 'VARCHAR' WHEN 14 THEN 'INTERVAL' WHEN 15 THEN 'NCHAR' WHEN 16 THEN 'NVARCHAR'
    WHEN 17 THEN 'INT8' WHEN 18 THEN 'SERIAL8' WHEN 43 THEN 'LVARCHAR' WHEN 45 THEN 'BOOLEAN'
    WHEN 52 THEN 'BIGINT' WHEN 53 THEN 'BIGSERIAL'
    WHEN 40 THEN CASE xid WHEN 1 THEN 'LVARCHAR' ELSE 'UDT' END
    WHEN 41 THEN CASE xid WHEN 5 THEN 'BOOLEAN' WHEN 10 THEN 'BLOB' WHEN 11 THEN 'CLOB' ELSE 'UDT' END
    ELSE 'UNKNOWN' END AS varchar(32))
$$;

-- For DATETIME and INTERVAL the precision is the encoded qualifier (collength): IBM JDBC
-- builds TYPE_NAME ("datetime year to second") and COLUMN_SIZE (19) from it itself; the
-- display width made it print "datetime  to" [jdbc-tools oracle].
CREATE FUNCTION informix.schema_precision(ct integer, xid integer, len integer) RETURNS integer
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE ct % 256
    WHEN 1 THEN 5 WHEN 2 THEN 10 WHEN 6 THEN 10 WHEN 3 THEN 15 WHEN 4 THEN 7 WHEN 7 THEN 10
    WHEN 17 THEN 19 WHEN 18 THEN 19 WHEN 52 THEN 19 WHEN 53 THEN 19 WHEN 45 THEN 1
    WHEN 5 THEN len / 256 WHEN 8 THEN len / 256
    WHEN 10 THEN len WHEN 14 THEN len
    WHEN 13 THEN len % 256 WHEN 16 THEN len % 256
    WHEN 41 THEN CASE xid WHEN 5 THEN 1 ELSE len END
    ELSE len END
$$;

CREATE FUNCTION informix.schema_numscale(ct integer, len integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE ct % 256
    WHEN 5 THEN NULLIF(len % 256, 255) WHEN 8 THEN len % 256
    WHEN 10 THEN GREATEST(len % 16 - 10, 0) WHEN 14 THEN GREATEST(len % 16 - 10, 0)
    WHEN 1 THEN 0 WHEN 2 THEN 0 WHEN 6 THEN 0 WHEN 17 THEN 0 WHEN 18 THEN 0 WHEN 52 THEN 0 WHEN 53 THEN 0
    ELSE NULL END
$$;

CREATE FUNCTION informix.schema_numprecradix(ct integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN ct % 256 IN (1, 2, 3, 4, 5, 6, 8, 17, 18, 52, 53) THEN 10 ELSE NULL END
$$;

CREATE FUNCTION informix.schema_isnullable(ct integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN ct >= 256 THEN 0 ELSE 1 END
$$;

CREATE FUNCTION informix.schema_nullable(ct integer) RETURNS varchar(3) LANGUAGE sql IMMUTABLE AS $$
  SELECT CAST(CASE WHEN ct >= 256 THEN 'NO' ELSE 'YES' END AS varchar(3))
$$;

CREATE FUNCTION informix.schema_isautoincr(ct integer) RETURNS varchar(3) LANGUAGE sql IMMUTABLE AS $$
  SELECT CAST(CASE WHEN ct % 256 IN (6, 18, 53) THEN 'YES' ELSE 'NO' END AS varchar(3))
$$;

CREATE FUNCTION informix.schema_datetype(ct integer, len integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE ct % 256 WHEN 7 THEN 91 WHEN 10 THEN 93 ELSE NULL END
$$;

CREATE FUNCTION informix.schema_charlen(ct integer, xid integer, len integer) RETURNS integer
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN ct % 256 IN (0, 15, 13, 16, 43) OR (ct % 256 = 40 AND xid = 1)
    THEN informix.schema_precision(ct, xid, len) ELSE NULL END
$$;

-- Built-in routine clients call at connect time (Liquibase's InformixDatabase:
-- EXECUTE PROCEDURE IFX_ALLOW_NEWLINE('T')). Newlines in quoted strings are always allowed here.
CREATE FUNCTION informix.ifx_allow_newline(allow boolean) RETURNS void LANGUAGE plpgsql AS $$ BEGIN END $$;

CREATE FUNCTION informix.get_default_value(ct integer, xid integer, len integer, def text) RETURNS varchar(256)
LANGUAGE sql IMMUTABLE AS $$ SELECT CAST(def AS varchar(256)) $$;
`;
