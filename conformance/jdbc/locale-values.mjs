// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The texts of LocaleScenarios.java (issue 10 item 4), as informix-db writes and reads them:
// cf_d_loc<i> is created here in locale i before the JVM runs (JDBC reads it:
// locale_driver_read); cf_j_loc<i> is what JDBC wrote (locale_jdbc_write), read here without
// naming a locale: the driver follows the database's, as JDBC does.

import { CREDENTIALS } from "../lib/harness.mjs";
import { loadDriver } from "./blob-values.mjs";

/** Locale, texts of rows 1 and 2 (row 3 is NULL), a character the code set cannot hold (null: none). */
export const LOCALES = [
  [
    "en_US.8859-15",
    "\u20acuro \u0160\u0161\u017d\u017e\u0152\u0153\u0178",
    "\u00e0\u00e9\u00ee\u00f5\u00fc \u00df \u00bf",
    "\u0416",
  ],
  ["de_DE.1252", "\u20ac \u201eq\u201c \u2013\u2014 \u2122", "\u0152uvre \u00e4\u00f6\u00fc\u00df", "\u0416"],
  ["en_US.utf8", "\u65e5\u672c\u8a9e \u20ac\u00e9", "\ud83d\ude00 \u0416\u0438\u0437\u043d\u044c", null],
  ["ja_JP.sjis-s", "\u65e5\u672c\u8a9e\u30c6\u30ad\u30b9\u30c8", "\uff71\uff72 abc \u3042", "\u20ac"],
  ["ko_KR.ksc", "\ud55c\uad6d\uc5b4 \ud14d\uc2a4\ud2b8", "abc \uac00\ub098", "\u0e01"],
];
const DDL = "CREATE TABLE loc (id INT, c CHAR(40), v VARCHAR(80), n NVARCHAR(80), l LVARCHAR(200))";

const options = (target, database, dbLocale) => ({
  host: target.host,
  port: target.port,
  ...CREDENTIALS,
  ...(database ? { database } : {}),
  ...(dbLocale ? { dbLocale, clientLocale: dbLocale } : {}),
});

/** Creates cf_d_loc<i> in each locale and writes the texts through informix-db's parameters. */
export async function writeDriverLocaleRows(target) {
  const { connect } = await loadDriver();
  for (const [i, [locale, one, two]] of LOCALES.entries()) {
    const admin = await connect(options(target, undefined, locale));
    try {
      await admin.query(`CREATE DATABASE cf_d_loc${i} WITH LOG`);
    } finally {
      await admin.close();
    }
    const conn = await connect(options(target, `cf_d_loc${i}`, locale));
    try {
      await conn.query(DDL);
      for (const [id, text] of [
        [1, one],
        [2, two],
        [3, null],
      ])
        await conn.query("INSERT INTO loc VALUES (?, ?, ?, ?, ?)", [id, text, text, text, text]);
    } finally {
      await conn.close();
    }
  }
}

/** Reads cf_j_loc<i> through informix-db; returns the mismatches (empty when every text is exact). */
export async function checkJdbcLocaleRows(target) {
  const { connect, DriverError } = await loadDriver();
  const problems = [];
  for (const [i, [locale, one, two, foreign]] of LOCALES.entries()) {
    const conn = await connect(options(target, `cf_j_loc${i}`));
    try {
      const res = await conn.query("SELECT id, c, v, n, l FROM loc ORDER BY id");
      const want = [one, two, null];
      if (res.rows.length !== 3) problems.push(`${locale}: ${res.rows.length} rows, expected 3`);
      for (const [at, row] of res.rows.entries()) {
        const got = [row.c === null ? null : row.c.trimEnd(), row.v, row.n, row.l];
        for (const [k, value] of got.entries())
          if (value !== want[at])
            problems.push(`${locale} row ${row.id} column ${k + 2}: got ${JSON.stringify(value)}`);
      }
      if (foreign !== null) {
        const error = await conn.query("INSERT INTO loc (id, v) VALUES (9, ?)", [`ok ${foreign}`]).then(
          () => null,
          (e) => e,
        );
        if (!(error instanceof DriverError) || error.code !== "UNMAPPABLE_CHARACTER")
          problems.push(`${locale}: binding ${JSON.stringify(foreign)} gave ${error?.code ?? "no error"}`);
      }
    } finally {
      await conn.close();
    }
  }
  return problems;
}
