// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// IDS built-in SQL functions that PostgreSQL lacks or spells differently, created in schema
// `informix` (on every session's search_path, last: IDS resolves built-ins owned by informix
// unqualified). Semantics from the IDS SQL reference ("Expression", function expressions):
//   INSTR(s, sub [, start [, n]])  1-based position of the n-th occurrence from `start`, 0 if none
//   HEX(int)                       '0x' and eight upper-case hex digits (two's complement)
//   ADD_MONTHS(d, n)               the same day n months later (clamped to the month's last day)
//   LAST_DAY(d)                    the last day of d's month
//   MONTHS_BETWEEN(a, b)           whole months between the dates, plus the rest in 31-day months
// NVL2 is a rewrite (sql/rewrite-expr.ts): its arguments may be of any types.

export const BUILTIN_FUNCTIONS_SQL = `
CREATE FUNCTION informix.instr(s text, sub text, start integer DEFAULT 1, n integer DEFAULT 1) RETURNS integer
LANGUAGE plpgsql IMMUTABLE STRICT AS $$
DECLARE pos integer := GREATEST(start, 1) - 1; found integer;
BEGIN
  IF sub = '' OR n < 1 THEN RETURN 0; END IF;
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
