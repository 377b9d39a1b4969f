// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The BLOB/CLOB values of SmartLobScenarios.java (issue 9 item 2), made by the formula of
// blob-values.mjs: row id 1..4 holds sizes 0, 1, 64 KiB + 1 and NULL; JDBC's rows use
// seed = id, the rows informix-db writes for JDBC to read use seed = 100 + id. informix-db
// binds a Uint8Array (even ids) or a stream (odd ids) to the BLOB, a string to the CLOB.

import { CREDENTIALS } from "../lib/harness.mjs";
import { bytesOf, loadDriver, textOf } from "./blob-values.mjs";

export const SIZES = [0, 1, 64 * 1024 + 1, -1];
export const DRIVER_DB = "cf_d_slobs";
export const JDBC_DB = "cf_j_slobs";

const options = (target, database) => ({
  host: target.host,
  port: target.port,
  ...CREDENTIALS,
  ...(database ? { database } : {}),
});

/** Creates DRIVER_DB and writes rows 1..4 (seed 100 + id) through informix-db. */
export async function writeDriverSmartLobs(target) {
  const { connect } = await loadDriver();
  const admin = await connect(options(target));
  try {
    await admin.query(`CREATE DATABASE ${DRIVER_DB} WITH LOG`);
  } finally {
    await admin.close();
  }
  const conn = await connect(options(target, DRIVER_DB));
  try {
    await conn.query("CREATE TABLE cf_slobs (id INTEGER, b BLOB, c CLOB)");
    for (const [k, size] of SIZES.entries()) {
      const id = k + 1;
      if (size < 0) {
        await conn.query("INSERT INTO cf_slobs (id, b, c) VALUES (?, ?, ?)", [id, null, null]);
        continue;
      }
      const bytes = bytesOf(size, 100 + id);
      async function* pieces() {
        for (let at = 0; at < bytes.length; at += 10_000) yield bytes.subarray(at, at + 10_000);
      }
      await conn.query("INSERT INTO cf_slobs (id, b, c) VALUES (?, ?, ?)", [
        id,
        id % 2 === 0 ? bytes : pieces(),
        textOf(size, 100 + id),
      ]);
    }
  } finally {
    await conn.close();
  }
}

/** Reads JDBC_DB's rows through informix-db; returns the mismatches (empty when every value is exact). */
export async function checkJdbcSmartLobs(target) {
  const { connect } = await loadDriver();
  const conn = await connect(options(target, JDBC_DB));
  const problems = [];
  try {
    const { rows } = await conn.query("SELECT id, b, c FROM cf_slobs ORDER BY id");
    if (rows.length !== SIZES.length) problems.push(`${rows.length} rows, not ${SIZES.length}`);
    for (const row of rows) {
      const size = SIZES[row.id - 1];
      if (size < 0) {
        if (row.b !== null || row.c !== null) problems.push(`row ${row.id}: not NULL`);
        continue;
      }
      const b = await conn.readLob(row.b);
      const c = await conn.readLob(row.c);
      if (!Buffer.from(b).equals(bytesOf(size, row.id)))
        problems.push(`row ${row.id}: BLOB differs (${b.length} bytes)`);
      if (c !== textOf(size, row.id)) problems.push(`row ${row.id}: CLOB differs (${c.length} chars)`);
    }
  } finally {
    await conn.close();
  }
  return problems;
}
