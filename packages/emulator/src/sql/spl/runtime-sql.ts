// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// PostgreSQL helpers that translated SPL calls at run time (created once, in schema ifx):
//
// - ifx.spl_sqlcode / ifx.spl_isamcode: the Informix SQLCODE / ISAM code of the error an ON
//   EXCEPTION handler caught. RAISE EXCEPTION raises SQLSTATE IXSPL with DETAIL
//   "sqlcode:isam"; other PostgreSQL errors get the code the engine reports for them at top
//   level (engine/pg-errors.ts; keep the two in step).
// - ifx.spl_global_get / ifx.spl_global_set: DEFINE GLOBAL variables. IDS keeps them per
//   session, shared by every routine the session runs, initialised by the first DEFINE GLOBAL
//   executed. They live in custom settings named after the Informix session id (several
//   Informix sessions share one PostgreSQL connection), encoded 'N' (NULL) or 'V' || text.

/** SQLSTATE of RAISE EXCEPTION (DETAIL carries "sqlcode:isam", MESSAGE the text). */
export const SPL_RAISE_SQLSTATE = "IXSPL";

export const SPL_RUNTIME_SQL = String.raw`
CREATE FUNCTION ifx.spl_sqlcode(state text, detail text) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
SELECT CASE state
  WHEN '${SPL_RAISE_SQLSTATE}' THEN CAST(split_part(detail, ':', 1) AS integer)
  WHEN '23505' THEN -268 WHEN '23502' THEN -391 WHEN '23503' THEN -691 WHEN '23514' THEN -530
  WHEN '22012' THEN -1202 WHEN '22P02' THEN -1213 WHEN '22007' THEN -1213 WHEN '22003' THEN -1215
  WHEN '22001' THEN -1279 WHEN '21000' THEN -284 WHEN '42P01' THEN -206 WHEN '42703' THEN -217
  WHEN '42883' THEN -674 ELSE -201 END $$;
CREATE FUNCTION ifx.spl_isamcode(state text, detail text) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
SELECT CASE state
  WHEN '${SPL_RAISE_SQLSTATE}' THEN CAST(split_part(detail, ':', 2) AS integer)
  WHEN '23505' THEN -100 WHEN '23503' THEN -111 WHEN '42P01' THEN -111 WHEN '42703' THEN -111 ELSE 0 END $$;
CREATE FUNCTION ifx.spl_global_key(name text) RETURNS text LANGUAGE sql STABLE AS $$
SELECT 'ifx_global.s' || COALESCE(NULLIF(current_setting('ifx.sid', true), ''), '0') || '_' || name $$;
CREATE FUNCTION ifx.spl_global_get(name text, dflt text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE k text := ifx.spl_global_key(name); v text := current_setting(k, true);
BEGIN
  IF v IS NULL OR v = '' THEN
    v := CASE WHEN dflt IS NULL THEN 'N' ELSE 'V' || dflt END;
    PERFORM set_config(k, v, false);
  END IF;
  RETURN CASE WHEN v = 'N' THEN NULL ELSE substr(v, 2) END;
END $$;
CREATE FUNCTION ifx.spl_global_set(name text, val text) RETURNS void LANGUAGE sql AS $$
SELECT set_config(ifx.spl_global_key(name), CASE WHEN val IS NULL THEN 'N' ELSE 'V' || val END, false) $$;
`;
