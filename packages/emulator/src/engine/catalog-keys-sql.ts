// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Catalog views for keys and routines that IBM JDBC's DatabaseMetaData joins
// (getImportedKeys/getExportedKeys/getCrossReference read sysreferences, getProcedures reads
// sysprocedures), at their IDS tabids (sysreferences 12, sysprocedures 16). The routines listed
// are the built-ins of schema "informix"; they are C routines in IDS, so externalname is not
// NULL (only SPL routines have none); Flyway's clean drops the routines without one.
//
// IDS gives every FOREIGN KEY constraint an index on the referencing columns (its own, or a
// matching one it shares) and names it in sysconstraints.idxname; JDBC joins through that name
// to find the key's columns. PostgreSQL creates no such index, so each foreign key gets a row
// in sysindexes named like IDS's system-generated indexes: a blank, the table id, "_", the
// constraint id.

import { splProcedureRows, sysprocbodySql } from "./catalog-spl-sql.js";

/** sysindexes.idxname / sysconstraints.idxname of the index behind a foreign key. */
export function foreignKeyIndexName(tabid: string, constrid: string): string {
  return `' ' || ${tabid} || '_' || ${constrid}`;
}

/** sysindexes rows for the foreign keys of the database schema `ns` (a regnamespace expression). */
export function foreignKeyIndexRows(ns: string): string {
  const parts: string[] = [];
  for (let k = 1; k <= 16; k++) parts.push(`CAST(COALESCE(co.conkey[${k}], 0) AS smallint)`);
  return `SELECT CAST(${foreignKeyIndexName("c.oid", "co.oid")} AS varchar(128)), CAST(t.owner AS char(32)),
  CAST(c.oid AS integer), CAST('D' AS char(1)), CAST('-' AS char(1)),
  ${parts.join(", ")},
  CAST(1 AS smallint), 0, 0, 0
FROM pg_constraint co JOIN pg_class c ON c.oid = co.conrelid JOIN ifx.tables t ON t.reloid = c.oid
WHERE co.contype = 'f' AND c.relnamespace = ${ns}`;
}

/** sysreferences and sysprocedures of the database schema `s` (quoted) / `ns` (regnamespace). */
export function keyCatalogSql(s: string, ns: string): string {
  return `
CREATE VIEW ${s}.sysreferences AS
SELECT CAST(fk.oid AS integer) AS constrid, CAST(pk.oid AS integer) AS "primary", CAST(fk.confrelid AS integer) AS ptabid,
  CAST(CASE fk.confupdtype WHEN 'c' THEN 'C' WHEN 'n' THEN 'N' ELSE 'R' END AS char(1)) AS updrule,
  CAST(CASE fk.confdeltype WHEN 'c' THEN 'C' WHEN 'n' THEN 'N' ELSE 'R' END AS char(1)) AS delrule,
  CAST('N' AS char(1)) AS matchtype, CAST('' AS char(1)) AS pendant
FROM pg_constraint fk JOIN pg_class c ON c.oid = fk.conrelid
JOIN pg_constraint pk ON pk.conrelid = fk.confrelid AND pk.conindid = fk.conindid AND pk.contype IN ('p', 'u')
WHERE fk.contype = 'f' AND c.relnamespace = ${ns};
CREATE VIEW ${s}.sysprocedures AS
SELECT CAST(p.proname AS varchar(128)) AS procname, CAST('informix' AS char(32)) AS owner,
  CAST(p.oid AS integer) AS procid, CAST('O' AS char(1)) AS mode, 0 AS retsize, 0 AS symsize, 0 AS datasize,
  0 AS codesize, CAST(p.pronargs AS smallint) AS numargs, CAST('f' AS char(1)) AS isproc,
  CAST(NULL AS varchar(128)) AS specificname, CAST('(' || p.proname || ')' AS varchar(255)) AS externalname,
  CAST('I' AS char(1)) AS paramstyle, 2 AS langid, NOT p.provolatile = 'v' AS variant, false AS client,
  false AS handlesnulls, p.proretset AS iterator, 0 AS percallcost, true AS internal
FROM pg_proc p WHERE p.pronamespace = CAST('informix' AS regnamespace)
UNION ALL
${splProcedureRows(ns)};
${sysprocbodySql(s, ns)}
`;
}
