// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// PostgreSQL functions that make DATETIME and INTERVAL values text as IDS does, with every
// field of their qualifier (the rewriter passes the qualifier: sql/datetime-text.ts).

export const TEXT_CONVERSION_SQL = String.raw`
-- DATETIME as text: the to_char template of its qualifier ('YYYY-MM-DD HH24:MI:SS.FF5'), or the
-- session's GL_DATETIME (ifx.datetime_format) for a whole DATETIME (YEAR TO SECOND or finer).
CREATE FUNCTION ifx.datetime_text(timestamp, text, boolean) RETURNS text LANGUAGE sql STABLE STRICT AS $$
  SELECT to_char($1, CASE WHEN $3 THEN COALESCE(NULLIF(current_setting('ifx.datetime_format', true), ''), $2) ELSE $2 END) $$;
CREATE FUNCTION ifx.datetime_text(time, text, boolean) RETURNS text LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT to_char(CAST($1 AS interval), $2) $$;
CREATE FUNCTION ifx.datetime_text(date, text, boolean) RETURNS text LANGUAGE sql STABLE STRICT AS $$
  SELECT ifx.datetime_text(CAST($1 AS timestamp), $2, $3) $$;
-- INTERVAL as text from its qualifier (start and end unit codes: YEAR 0, MONTH 2, DAY 4, HOUR 6,
-- MINUTE 8, SECOND 10, FRACTION(n) 10 + n; lead: digits of the first field): the first field
-- right-aligned in its precision, the others zero-padded ('    1 02:03:04' for DAY(5) TO SECOND).
CREATE FUNCTION ifx.interval_text(iv interval, s integer, e integer, lead integer) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT AS $$
DECLARE
  units numeric[] := ARRAY[86400, 3600, 60, 1];
  seps text[] := ARRAY[' ', ':', ':'];
  m bigint; v numeric; q numeric; k integer; r text; neg boolean;
BEGIN
  IF s <= 2 THEN
    m := CAST(EXTRACT(year FROM iv) AS bigint) * 12 + CAST(EXTRACT(month FROM iv) AS bigint);
    neg := m < 0; m := abs(m);
    r := CASE WHEN s = 0 THEN CAST(m / 12 AS text) ELSE CAST(m AS text) END;
    IF neg THEN r := '-' || r; END IF;
    r := lpad(r, greatest(lead, length(r)));
    IF s = 0 AND e >= 2 THEN r := r || '-' || lpad(CAST(m % 12 AS text), 2, '0'); END IF;
    RETURN r;
  END IF;
  v := EXTRACT(epoch FROM iv);
  neg := v < 0; v := abs(v);
  IF s > 10 THEN
    RETURN CASE WHEN neg THEN '-' ELSE '' END || '.' || substr(to_char(v - trunc(v), 'FM0.000000'), 3, e - 10);
  END IF;
  k := s / 2 - 1;
  q := trunc(v / units[k]); v := v - q * units[k];
  r := CAST(q AS text);
  IF neg THEN r := '-' || r; END IF;
  r := lpad(r, greatest(lead, length(r)));
  WHILE k < 4 AND 2 * (k + 1) + 2 <= e LOOP
    k := k + 1;
    q := trunc(v / units[k]); v := v - q * units[k];
    r := r || seps[k - 1] || lpad(CAST(q AS text), 2, '0');
  END LOOP;
  IF e > 10 THEN r := r || '.' || substr(to_char(v - trunc(v), 'FM0.000000'), 3, e - 10); END IF;
  RETURN r;
END $$;
`;
