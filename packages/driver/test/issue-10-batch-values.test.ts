// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 10 §3: the emulator applies a run of BIND+EXECUTE pairs in one engine call
// (one multi-row INSERT for a plain VALUES list). Whatever form it takes, the rows must be
// exactly those the same values make one statement at a time: every type, NULLs, text
// with the characters an array literal escapes, explicit SERIAL values. Checked on both
// engines, inside a transaction and in autocommit.

import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type RunningEmulator, startEmulator } from "@informix-db/emulator";
import { type Connection, connect, Param } from "informix-db";

const COLUMNS =
  "k INTEGER, s SERIAL, i SMALLINT, b INT8, v VARCHAR(40), c CHAR(6), lv LVARCHAR(100), d DECIMAL(12,3), " +
  "m MONEY(10,2), f FLOAT, sf SMALLFLOAT, dt DATE, ts DATETIME YEAR TO SECOND, iv INTERVAL DAY TO SECOND, bo BOOLEAN";
const INSERT = "INSERT INTO %t VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

const TEXTS = ['a "quoted" word', "back\\slash", "{braces},commas", "NULL", "", "  padded ", "é ü ß ¤", "x'y"];

function rowOf(k: number): unknown[] {
  const text = TEXTS[k % TEXTS.length]!;
  const nulls = k % 5 === 4;
  return [
    k,
    k % 7 === 3 ? 1000 + k : 0,
    nulls ? null : (k % 300) - 150,
    nulls ? null : BigInt(k) * 1_000_000_007n,
    nulls ? null : text,
    nulls ? null : Param.char(text.slice(0, 6)),
    nulls ? null : Param.lvarchar(`${text}/${k}`),
    nulls ? null : Param.decimal(`${k % 2 ? "-" : ""}${k}.125`),
    nulls ? null : Param.money(`${k}.5`),
    nulls ? null : k / 3,
    nulls ? null : Param.smallfloat(k / 4),
    nulls ? null : Param.date(`2024-02-${String((k % 28) + 1).padStart(2, "0")}`),
    nulls ? null : Param.datetime(`2024-03-04 05:06:${String(k % 60).padStart(2, "0")}`, "YEAR TO SECOND"),
    nulls ? null : Param.interval(`${k % 9} 01:02:03`, "DAY TO SECOND"),
    nulls ? null : k % 2 === 0,
  ];
}

for (const engine of ["pglite", "postgres"] as const) {
  describe(`a batch's rows equal the same rows inserted one by one (${engine})`, () => {
    let emu: RunningEmulator;
    let conn: Connection;

    before(async () => {
      emu = await startEmulator({ port: 0, engine });
      conn = await connect({
        host: emu.host,
        port: emu.port,
        user: "informix",
        password: "in4mix",
        server: "informix",
      });
      await conn.query("CREATE DATABASE bv WITH LOG");
      await conn.selectDatabase("bv");
    });

    after(async () => {
      await conn?.close();
      await emu?.close();
    });

    async function compare(label: string, inTransaction: boolean): Promise<void> {
      const rows = Array.from({ length: 60 }, (_, k) => rowOf(k));
      for (const t of [`${label}_one`, `${label}_many`]) await conn.query(`CREATE TABLE ${t} (${COLUMNS})`);
      if (inTransaction) await conn.begin();
      const one = await conn.prepare(INSERT.replace("%t", `${label}_one`));
      const oneIds: unknown[] = [];
      for (const r of rows) oneIds.push((await one.query(r)).insertId);
      await one.close();
      const many = await conn.executeMany(INSERT.replace("%t", `${label}_many`), rows);
      if (inTransaction) await conn.commit();
      assert.deepEqual(many.insertIds, oneIds);
      const read = async (t: string) => (await conn.query(`SELECT * FROM ${t} ORDER BY k`)).rows;
      const expected = await read(`${label}_one`);
      assert.equal(expected.length, 60);
      assert.deepEqual(await read(`${label}_many`), expected);
    }

    test("inside a transaction", () => compare("tx", true));
    test("in autocommit", () => compare("ac", false));
  });
}
