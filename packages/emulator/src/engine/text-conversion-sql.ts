// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// PostgreSQL functions that make values text as IDS does: DATETIME and INTERVAL with every field
// of their qualifier (the rewriter passes the qualifier: sql/value-text.ts) or the session's
// GL_DATETIME, MONEY and numbers with DBMONEY's symbols and decimal separator; and the to_char
// template of a GL_DATETIME format known only at run time (TO_CHAR/TO_DATE's format argument).

import { pgString } from "../sql/context.js";
import { GL_DIRECTIVES } from "../sql/date-format.js";

const directiveCase = Object.entries(GL_DIRECTIVES)
  .map(([k, v]) => `WHEN ${pgString(k)} THEN ${pgString(v)}`)
  .join(" ");

export const TEXT_CONVERSION_SQL = String.raw`
-- Numbers as text with DBMONEY's decimal separator (ifx.money_decimal); MONEY with its front and
-- back symbols too ('$' and '.' when DBMONEY is not set: 100.50 is '$100.50').
CREATE FUNCTION ifx.number_text(numeric) RETURNS text LANGUAGE sql STABLE STRICT AS $$
  SELECT CASE WHEN current_setting('ifx.money_decimal', true) = ',' THEN translate(CAST($1 AS text), '.', ',')
    ELSE CAST($1 AS text) END $$;
CREATE FUNCTION ifx.number_text(double precision) RETURNS text LANGUAGE sql STABLE STRICT AS $$
  SELECT CASE WHEN current_setting('ifx.money_decimal', true) = ',' THEN translate(CAST($1 AS text), '.', ',')
    ELSE CAST($1 AS text) END $$;
CREATE FUNCTION ifx.money_text(numeric) RETURNS text LANGUAGE sql STABLE STRICT AS $$
  SELECT CASE WHEN $1 < 0 THEN '-' ELSE '' END
    || COALESCE(current_setting('ifx.money_front', true), '$') || ifx.number_text(abs($1))
    || COALESCE(current_setting('ifx.money_back', true), '') $$;
-- A GL_DATETIME format (%Y-%m-%d ...) as a to_char template (sql/date-format.ts templateOfGlDate,
-- for formats that are not literals): directives translated, other text quoted.
CREATE FUNCTION ifx.gl_template(f text) RETURNS text LANGUAGE plpgsql IMMUTABLE STRICT AS $$
DECLARE r text := ''; lit text := ''; i integer := 1; m text[]; d text;
BEGIN
  WHILE i <= length(f) LOOP
    m := CASE WHEN substr(f, i, 1) = '%' THEN regexp_match(substr(f, i), '^(%[-0-9.]*(iy|iY|F[1-5]?|[a-zA-Z%]))') END;
    d := CASE m[2] ${directiveCase} END;
    IF d IS NULL THEN
      lit := lit || substr(f, i, 1);
      i := i + 1;
    ELSE
      IF lit <> '' THEN r := r || '"' || regexp_replace(lit, '(["\\])', '\\\1', 'g') || '"'; lit := ''; END IF;
      r := r || d;
      i := i + length(m[1]);
    END IF;
  END LOOP;
  IF lit <> '' THEN r := r || '"' || regexp_replace(lit, '(["\\])', '\\\1', 'g') || '"'; END IF;
  RETURN r;
END $$;
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
