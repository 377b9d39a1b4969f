// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The rows of UdtScenarios.java (named ROW, DISTINCT and BSON columns, issue 9), as
// informix-db writes and reads them: cf_d_udt is written here before the JVM runs (JDBC
// reads it: udt_driver_read); cf_j_udt is what JDBC wrote (udt_jdbc_write), checked here,
// with its unnamed ROW table cf_row (written by setObject of a Struct).

import { CREDENTIALS } from "../lib/harness.mjs";
import { loadDriver } from "./blob-values.mjs";

export const DRIVER_DB = "cf_d_udt";
export const JDBC_DB = "cf_j_udt";
const DDL = [
  "CREATE ROW TYPE person_t (name VARCHAR(30), age INT)",
  "CREATE DISTINCT TYPE dollars AS DECIMAL(10,2)",
  "CREATE DISTINCT TYPE code_t AS INTEGER",
  "CREATE DISTINCT TYPE tag_t AS VARCHAR(20)",
  "CREATE DISTINCT TYPE memo_t AS LVARCHAR(500)",
  "CREATE TABLE cf_udt (id INT, p person_t, price dollars, code code_t, tag tag_t, memo memo_t, doc BSON)",
];
export const ROWS = [
  {
    id: 1,
    p: { name: "Ann", age: 40 },
    price: "19.99",
    code: 42,
    tag: "red",
    memo: "a memo",
    doc: { a: 1, big: 12345678901n, f: 2.5, s: "x" },
  },
  {
    id: 2,
    p: { name: "O'Neil", age: -3 },
    price: "-0.01",
    code: -2147483647,
    tag: "",
    memo: "it's",
    doc: { a: -7, big: -9007199254740993n, f: -0.125, s: "" },
  },
  { id: 3, p: null, price: null, code: null, tag: null, memo: null, doc: null },
];
const ROW_TYPE = "ROW(name varchar(30), age integer)";

const options = (target, database) => ({ host: target.host, port: target.port, ...CREDENTIALS, database });

/** Creates DRIVER_DB and writes ROWS through informix-db's parameters. */
export async function writeDriverUdtRows(target) {
  const { connect, Param } = await loadDriver();
  const admin = await connect(options(target, undefined));
  try {
    await admin.query(`CREATE DATABASE ${DRIVER_DB} WITH LOG`);
  } finally {
    await admin.close();
  }
  const conn = await connect(options(target, DRIVER_DB));
  try {
    for (const ddl of DDL) await conn.query(ddl);
    for (const r of ROWS) {
      await conn.query("INSERT INTO cf_udt (id, p, price, code, tag, memo, doc) VALUES (?, ?, ?, ?, ?, ?, ?)", [
        r.id,
        r.p === null ? null : Param.row(r.p, ROW_TYPE),
        r.price === null ? null : Param.decimal(r.price),
        r.code,
        r.tag,
        r.memo,
        r.doc === null ? null : Param.bson(r.doc),
      ]);
    }
  } finally {
    await conn.close();
  }
}

/** Reads JDBC_DB through informix-db; returns the mismatches (empty when every value is exact). */
export async function checkJdbcUdtRows(target) {
  const { connect } = await loadDriver();
  const conn = await connect(options(target, JDBC_DB));
  try {
    const res = await conn.query("SELECT id, p, price, code, tag, memo, doc FROM cf_udt ORDER BY id");
    const show = (v) => JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? `${x}n` : x));
    const problems = [];
    if (res.rows.length !== ROWS.length) problems.push(`${res.rows.length} rows, expected ${ROWS.length}`);
    for (const [i, want] of ROWS.entries()) {
      const got = {
        ...res.rows[i],
        tag: typeof res.rows[i]?.tag === "string" ? res.rows[i].tag.trimEnd() : res.rows[i]?.tag,
      };
      if (show(got) !== show(want)) problems.push(`row ${want.id}: got ${show(got)}, expected ${show(want)}`);
    }
    const types = res.columns.map((c) => `${c.name}:${c.type}:${c.extendedName ?? ""}`).join(" ");
    const wantTypes =
      "id:INTEGER: p:ROW:person_t price:DECIMAL:dollars code:INTEGER:code_t tag:VARCHAR:tag_t memo:LVARCHAR:memo_t doc:BSON:bson";
    if (types !== wantTypes) problems.push(`columns ${types}, expected ${wantTypes}`);
    // The unnamed ROW table JDBC wrote with setObject(Struct) (its binary form; b padded by JDBC).
    const structs = await conn.query("SELECT id, r FROM cf_row ORDER BY id");
    const wantStructs = [
      { id: 1, r: { a: 7, b: "x'y       ", c: "12.34", d: "2024-02-29", e: -5n } },
      { id: 2, r: { a: null, b: null, c: null, d: null, e: null } },
      { id: 3, r: null },
    ];
    if (show(structs.rows) !== show(wantStructs))
      problems.push(`cf_row: got ${show(structs.rows)}, expected ${show(wantStructs)}`);
    // ROW fields of DATETIME and BOOLEAN (row 4 written by JDBC's setObject of a Struct: its binary form).
    const rowx = await conn.query("SELECT id, r FROM cf_rowx ORDER BY id");
    const wantRowx = [
      { id: 1, r: { a: 5, d: "2024-02-29 10:11:12", b: true } },
      { id: 2, r: { a: null, d: null, b: null } },
      { id: 3, r: null },
      { id: 4, r: { a: -1, d: "1999-12-31 23:59:58", b: false } },
    ];
    if (show(rowx.rows) !== show(wantRowx))
      problems.push(`cf_rowx: got ${show(rowx.rows)}, expected ${show(wantRowx)}`);
    // The opaque type JDBC wrote (setString): { typeName, bytes } here.
    const opaque = await conn.query("SELECT id, c FROM cf_opaque ORDER BY id");
    const got = opaque.rows.map((r) => ({
      id: r.id,
      c: r.c === null ? null : { typeName: r.c.typeName, text: new TextDecoder().decode(r.c.bytes) },
    }));
    const wantOpaque = [
      { id: 1, c: { typeName: "circle_t", text: "(1,2,3)" } },
      { id: 2, c: null },
    ];
    if (show(got) !== show(wantOpaque)) problems.push(`cf_opaque: got ${show(got)}, expected ${show(wantOpaque)}`);
    // The collections udt_jdbc_write read whole with getObject, read here as arrays.
    const colls = await conn.query("SELECT id, s, m, l FROM cf_coll ORDER BY id");
    const wantColls = [
      { id: 1, s: [1, 2], m: ["ab", "c", "c"], l: ["1.50", "-2.25"] },
      { id: 2, s: null, m: null, l: null },
      { id: 3, s: [], m: [], l: [] },
      { id: 4, s: [5, 6], m: ["x", "y'z", "x"], l: null },
    ];
    if (show(colls.rows) !== show(wantColls))
      problems.push(`cf_coll: got ${show(colls.rows)}, expected ${show(wantColls)}`);
    return problems;
  } finally {
    await conn.close();
  }
}
