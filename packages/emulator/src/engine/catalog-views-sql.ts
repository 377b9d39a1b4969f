// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// More Informix catalog tables of every database, as views over pg_catalog (systables lists them
// all, catalog-tabids.ts, so each must answer a SELECT). Columns as the IDS Guide to SQL:
// Reference describes them:
//   sysindices    the columns of sysindexes IDS also has in sysindices (not indexkeys)
//   syscoldepend  no rows (no column dependencies)
// Views, synonyms, sequences, checks and users are in catalog-objects-sql.ts, triggers in
// catalog-trigger-sql.ts.

/** The views of the database in schema `s` (quoted). */
export function moreCatalogSql(s: string): string {
  return `
CREATE VIEW ${s}.sysindices AS
SELECT idxname, owner, tabid, idxtype, clustered, levels, leaves, nunique, clust FROM ${s}.sysindexes;
CREATE VIEW ${s}.syscoldepend AS
SELECT CAST(0 AS integer) AS constrid, CAST(0 AS integer) AS tabid, CAST(0 AS smallint) AS colno WHERE false;
`;
}
