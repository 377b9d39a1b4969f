// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The BYTE/TEXT values of BlobScenarios.java, made by the same formula, so that rows one
// client wrote can be checked exactly by the other (issue 9):
//   BYTE  byte i of value `seed`:  (i * 31 + seed * 7 + (i >>> 8)) & 0xff
//   TEXT  char i of value `seed`:  ALPHABET[(i * 7 + seed) % ALPHABET.length]
// Row id 1..5 holds sizes 0, 1, 64 KiB + 1, 20 MiB and NULL; JDBC's rows use seed = id, the
// rows informix-db writes for JDBC to read use seed = 100 + id.

import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { CREDENTIALS, repoRoot } from "../lib/harness.mjs";

export const ALPHABET = "abcdefghijklmnopqrstuvwxyz ABCXYZ0123456789\n.,;";
export const SIZES = [0, 1, 64 * 1024 + 1, 20 * 1024 * 1024, -1];
export const DRIVER_DB = "cf_d_blobs";
export const JDBC_DB = "cf_j_blobs";

export function bytesOf(size, seed) {
  const b = new Uint8Array(size);
  for (let i = 0; i < size; i++) b[i] = (i * 31 + seed * 7 + (i >>> 8)) & 0xff;
  return b;
}

export function textOf(size, seed) {
  const codes = new Uint8Array(size);
  for (let i = 0; i < size; i++) codes[i] = ALPHABET.charCodeAt((i * 7 + seed) % ALPHABET.length);
  return Buffer.from(codes).toString("latin1");
}

/** The built driver (the harness builds nothing). */
export async function loadDriver() {
  return import(pathToFileURL(join(repoRoot, "packages", "driver", "dist", "src", "index.js")).href);
}

const options = (target, database) => ({
  host: target.host,
  port: target.port,
  ...CREDENTIALS,
  ...(database ? { database } : {}),
});

/** Creates DRIVER_DB and writes rows 1..5 (seed 100 + id) through informix-db, the large ones streamed. */
export async function writeDriverRows(target) {
  const { connect, Param } = await loadDriver();
  const admin = await connect(options(target));
  try {
    await admin.query(`CREATE DATABASE ${DRIVER_DB} WITH LOG`);
  } finally {
    await admin.close();
  }
  const conn = await connect(options(target, DRIVER_DB));
  try {
    await conn.query("CREATE TABLE cf_blobs (id INTEGER, b BYTE IN blobspace1, t TEXT IN TABLE)");
    for (const [k, size] of SIZES.entries()) {
      const id = k + 1;
      if (size < 0) {
        await conn.query("INSERT INTO cf_blobs (id, b, t) VALUES (?, ?, ?)", [id, null, null]);
        continue;
      }
      const bytes = bytesOf(size, 100 + id);
      async function* pieces() {
        for (let at = 0; at < bytes.length; at += 65536) yield bytes.subarray(at, at + 65536);
      }
      await conn.query("INSERT INTO cf_blobs (id, b, t) VALUES (?, ?, ?)", [
        id,
        size <= 1 ? bytes : pieces(),
        Param.text(textOf(size, 100 + id)),
      ]);
    }
  } finally {
    await conn.close();
  }
}

/** Reads JDBC_DB's rows through informix-db; returns the mismatches (empty when every value is exact). */
export async function checkJdbcRows(target) {
  const { connect } = await loadDriver();
  const conn = await connect(options(target, JDBC_DB));
  const problems = [];
  try {
    const { rows } = await conn.query("SELECT id, b, t FROM cf_blobs ORDER BY id");
    if (rows.length !== SIZES.length) problems.push(`${rows.length} rows, not ${SIZES.length}`);
    for (const row of rows) {
      const size = SIZES[row.id - 1];
      if (size < 0) {
        if (row.b !== null || row.t !== null) problems.push(`row ${row.id}: not NULL`);
        continue;
      }
      if (!(row.b instanceof Uint8Array) || !Buffer.from(row.b).equals(bytesOf(size, row.id)))
        problems.push(`row ${row.id}: BYTE differs (${row.b?.length} bytes)`);
      if (row.t !== textOf(size, row.id)) problems.push(`row ${row.id}: TEXT differs (${row.t?.length} chars)`);
    }
  } finally {
    await conn.close();
  }
  return problems;
}
