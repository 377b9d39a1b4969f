// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// IDS built-in SQL functions that PostgreSQL lacks or spells differently, created in schema
// `informix` (on every session's search_path, last: IDS resolves built-ins owned by informix
// unqualified). Semantics from the IDS SQL reference ("Expression", function expressions):
//   INSTR(s, sub [, start [, n]])  1-based position of the n-th occurrence from `start`, 0 if none; a
//                                  negative start counts from the end and searches backwards
//   HEX(int)                       '0x' and eight upper-case hex digits (two's complement)
//   ADD_MONTHS(d, n)               the same day n months later (clamped to the month's last day)
//   LAST_DAY(d)                    the last day of d's month
//   MONTHS_BETWEEN(a, b)           whole months between the dates, plus the rest in 31-day months
//   NEXT_DAY(d, 'MON')             the first date after d that falls on that weekday (SUN … SAT)
//   TRUNC/ROUND(d [, 'fmt'])       a DATE or DATETIME to the format's unit: YEAR (YYYY, YY), Q, MONTH
//                                  (MM, MON), DD (the default), DAY (the week, from Sunday), HH, MI;
//                                  ROUND goes up from July 1, the 16th, noon, Wednesday noon, …
//   BITAND/BITOR/BITXOR/BITANDNOT(a, b), BITNOT(a)   on INTEGER and INT8
//   ROOT(x [, n])                  the n-th root (square root by default), FLOAT
// ifx.padded(s): a CHAR value as text with its trailing blanks (`||` of CHAR columns, value-text.ts).
// MDY(m, d, y) is ifx.mdy: a month, day or year out of range is -1205, -1206 or -1204 as on IDS.
// CHAR_LENGTH(s) is ifx.char_length: a CHAR value's trailing blanks count (CHAR(15) 'Ludwig' is 15).
// A character value and a number (`zipcode = 94086`, `zipcode + 1`): IDS converts the text to a
// number; operators informix.= … informix./ on (bpchar, numeric) do the same (text that is not a
// number fails as on IDS). Only this order: with (numeric, bpchar) too, PostgreSQL would pick it
// for `int_col = '101'` (an unknown literal prefers the string category) and lose the index.
// MATCHES … ESCAPE 'c' calls ifx.matches_re(p, c), the pattern translation with another escape.
// NVL2 is a rewrite (sql/rewrite-expr.ts): its arguments may be of any types.

import { SPL_RAISE_SQLSTATE } from "../sql/spl/runtime-sql.js";

export const BUILTIN_FUNCTIONS_SQL = String.raw`
CREATE FUNCTION ifx.matches_re(p text, esc text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE r text := '^'; i int := 1; j int; c text; n int := length(p);
BEGIN
  WHILE i <= n LOOP
    c := substr(p, i, 1);
    IF c = esc AND i < n THEN
      i := i + 1; r := r || regexp_replace(substr(p, i, 1), '([^A-Za-z0-9 ])', '\\\1', 'g');
    ELSIF c = '*' THEN r := r || '.*';
    ELSIF c = '?' THEN r := r || '.';
    ELSIF c = '[' THEN
      j := strpos(substr(p, i + 1), ']');
      IF j = 0 THEN r := r || '\['; ELSE r := r || substr(p, i, j + 1); i := i + j; END IF;
    ELSE r := r || regexp_replace(c, '([^A-Za-z0-9 ])', '\\\1', 'g');
    END IF;
    i := i + 1;
  END LOOP;
  RETURN r || '$';
END $$;
CREATE FUNCTION ifx.char_length(s text) RETURNS integer LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT char_length(s) $$;
CREATE FUNCTION ifx.char_length(s bpchar) RETURNS integer LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT char_length(CAST(s AS text)) + octet_length(s) - octet_length(CAST(s AS text)) $$;
CREATE FUNCTION ifx.padded(s bpchar) RETURNS text LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT CAST(s AS text) || repeat(' ', octet_length(s) - octet_length(CAST(s AS text))) $$;
DO $$ DECLARE o record; BEGIN
  FOR o IN SELECT * FROM (VALUES ('=', 'eq', 'boolean'), ('<>', 'ne', 'boolean'), ('<', 'lt', 'boolean'),
    ('<=', 'le', 'boolean'), ('>', 'gt', 'boolean'), ('>=', 'ge', 'boolean'), ('+', 'add', 'numeric'),
    ('-', 'sub', 'numeric'), ('*', 'mul', 'numeric'), ('/', 'div', 'numeric')) AS v(op, name, result) LOOP
    EXECUTE format('CREATE FUNCTION ifx.char_%s(a bpchar, b numeric) RETURNS %s LANGUAGE sql IMMUTABLE STRICT '
      'AS $f$ SELECT CAST(trim(a) AS numeric) %s b $f$', o.name, o.result, o.op);
    EXECUTE format('CREATE OPERATOR informix.%s (LEFTARG = bpchar, RIGHTARG = numeric, FUNCTION = ifx.char_%s)',
      o.op, o.name);
  END LOOP;
END $$;
CREATE FUNCTION ifx.mdy(m integer, d integer, y integer) RETURNS date LANGUAGE plpgsql IMMUTABLE STRICT AS $$
BEGIN
  IF m < 1 OR m > 12 THEN RAISE EXCEPTION 'Invalid month in date' USING ERRCODE = '${SPL_RAISE_SQLSTATE}', DETAIL = '-1205:0'; END IF;
  IF y < 1 OR y > 9999 THEN RAISE EXCEPTION 'Invalid year in date' USING ERRCODE = '${SPL_RAISE_SQLSTATE}', DETAIL = '-1204:0'; END IF;
  IF d < 1 OR d > EXTRACT(DAY FROM make_date(y, m, 1) + INTERVAL '1 month' - INTERVAL '1 day') THEN
    RAISE EXCEPTION 'Invalid day in date' USING ERRCODE = '${SPL_RAISE_SQLSTATE}', DETAIL = '-1206:0';
  END IF;
  RETURN make_date(y, m, d);
END $$;
CREATE FUNCTION informix.next_day(d date, wd text) RETURNS date LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT d + ((CAST(strpos('SUNMONTUEWEDTHUFRISAT', upper(substr(trim(wd), 1, 3))) / 3 AS integer)
    - CAST(EXTRACT(DOW FROM d) AS integer) + 6) % 7) + 1 $$;
CREATE FUNCTION informix.next_day(d timestamp, wd text) RETURNS timestamp LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT d + (informix.next_day(CAST(d AS date), wd) - CAST(d AS date)) * INTERVAL '1 day' $$;
CREATE FUNCTION ifx.date_unit(f text) RETURNS text LANGUAGE plpgsql IMMUTABLE STRICT AS $$
BEGIN
  CASE upper(trim(f))
    WHEN 'YEAR', 'YYYY', 'YYY', 'YY', 'Y', 'SYYYY', 'SYEAR' THEN RETURN 'year';
    WHEN 'Q' THEN RETURN 'quarter';
    WHEN 'MONTH', 'MON', 'MM', 'RM' THEN RETURN 'month';
    WHEN 'DD', 'DDD', 'J' THEN RETURN 'day';
    WHEN 'DAY', 'DY', 'D' THEN RETURN 'week';
    WHEN 'HH', 'HH12', 'HH24' THEN RETURN 'hour';
    WHEN 'MI' THEN RETURN 'minute';
    ELSE RAISE EXCEPTION 'invalid format %', f USING ERRCODE = '22007';
  END CASE;
END $$;
CREATE FUNCTION informix.trunc(d timestamp, f text DEFAULT 'DD') RETURNS timestamp LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT CASE ifx.date_unit(f) WHEN 'week' THEN date_trunc('day', d) - CAST(EXTRACT(DOW FROM d) AS integer) * INTERVAL '1 day'
    ELSE date_trunc(ifx.date_unit(f), d) END $$;
CREATE FUNCTION informix.trunc(d date, f text DEFAULT 'DD') RETURNS date LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT CAST(informix.trunc(CAST(d AS timestamp), f) AS date) $$;
CREATE FUNCTION informix.round(d timestamp, f text DEFAULT 'DD') RETURNS timestamp LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT informix.trunc(d + CASE ifx.date_unit(f)
    WHEN 'year' THEN INTERVAL '6 months'
    WHEN 'quarter' THEN (date_trunc('quarter', d) + INTERVAL '3 months' - date_trunc('quarter', d)) / 2
    WHEN 'month' THEN date_trunc('month', d) + INTERVAL '1 month' - date_trunc('month', d) - INTERVAL '15 days'
    WHEN 'week' THEN INTERVAL '3 days 12 hours'
    WHEN 'day' THEN INTERVAL '12 hours'
    WHEN 'hour' THEN INTERVAL '30 minutes'
    ELSE INTERVAL '30 seconds' END, f) $$;
CREATE FUNCTION informix.round(d date, f text DEFAULT 'DD') RETURNS date LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT CAST(informix.round(CAST(d AS timestamp), f) AS date) $$;
CREATE FUNCTION informix.bitand(a integer, b integer) RETURNS integer LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT a & b $$;
CREATE FUNCTION informix.bitand(a bigint, b bigint) RETURNS bigint LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT a & b $$;
CREATE FUNCTION informix.bitor(a integer, b integer) RETURNS integer LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT a | b $$;
CREATE FUNCTION informix.bitor(a bigint, b bigint) RETURNS bigint LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT a | b $$;
CREATE FUNCTION informix.bitxor(a integer, b integer) RETURNS integer LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT a # b $$;
CREATE FUNCTION informix.bitxor(a bigint, b bigint) RETURNS bigint LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT a # b $$;
CREATE FUNCTION informix.bitandnot(a integer, b integer) RETURNS integer LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT a & ~b $$;
CREATE FUNCTION informix.bitandnot(a bigint, b bigint) RETURNS bigint LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT a & ~b $$;
CREATE FUNCTION informix.bitnot(a integer) RETURNS integer LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT ~a $$;
CREATE FUNCTION informix.bitnot(a bigint) RETURNS bigint LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT ~a $$;
CREATE FUNCTION informix.root(x double precision, n double precision DEFAULT 2) RETURNS double precision
  LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT CASE WHEN x < 0 AND n = 3 THEN -power(-x, 1 / n) ELSE power(x, 1 / n) END $$;
CREATE FUNCTION informix.instr(s text, sub text, start integer DEFAULT 1, n integer DEFAULT 1) RETURNS integer
LANGUAGE plpgsql IMMUTABLE STRICT AS $$
DECLARE pos integer := GREATEST(start, 1) - 1; found integer; seen integer := 0;
BEGIN
  IF sub = '' OR n < 1 THEN RETURN 0; END IF;
  IF start < 0 THEN
    -- A negative start counts from the end, and the search goes backwards from there.
    FOR p IN REVERSE (length(s) + start + 1)..1 LOOP
      IF substr(s, p, length(sub)) = sub THEN
        seen := seen + 1;
        IF seen = n THEN RETURN p; END IF;
      END IF;
    END LOOP;
    RETURN 0;
  END IF;
  FOR k IN 1..n LOOP
    found := strpos(substr(s, pos + 1), sub);
    IF found = 0 THEN RETURN 0; END IF;
    pos := pos + found;
  END LOOP;
  RETURN pos;
END $$;
CREATE FUNCTION informix.hex(v bigint) RETURNS varchar(19) LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT CAST('0x' || upper(CASE WHEN v BETWEEN -2147483648 AND 2147483647
    THEN lpad(to_hex(CAST(v AS integer)), 8, '0') ELSE lpad(to_hex(v), 16, '0') END) AS varchar(19)) $$;
CREATE FUNCTION informix.add_months(d date, n integer) RETURNS date LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT CAST(d + make_interval(months => n) AS date) $$;
CREATE FUNCTION informix.add_months(d timestamp, n integer) RETURNS timestamp LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT d + make_interval(months => n) $$;
CREATE FUNCTION informix.last_day(d date) RETURNS date LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT CAST(date_trunc('month', d) + INTERVAL '1 month' - INTERVAL '1 day' AS date) $$;
CREATE FUNCTION informix.last_day(d timestamp) RETURNS timestamp LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT date_trunc('month', d) + INTERVAL '1 month' - INTERVAL '1 day' + (d - date_trunc('day', d)) $$;
CREATE FUNCTION informix.months_between(a date, b date) RETURNS numeric LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT CASE
    WHEN EXTRACT(day FROM a) = EXTRACT(day FROM b)
      OR (a = informix.last_day(a) AND b = informix.last_day(b))
    THEN CAST((EXTRACT(year FROM a) - EXTRACT(year FROM b)) * 12 + EXTRACT(month FROM a) - EXTRACT(month FROM b) AS numeric)
    ELSE CAST((EXTRACT(year FROM a) - EXTRACT(year FROM b)) * 12 + EXTRACT(month FROM a) - EXTRACT(month FROM b)
      + (EXTRACT(day FROM a) - EXTRACT(day FROM b)) / 31.0 AS numeric)
  END $$;
`;
