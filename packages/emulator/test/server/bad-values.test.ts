// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 7: every bad value a client binds gets IDS's error, never -999, and the bytes
// IDS reads as NULL (INTEGER 80 00 00 00, SMALLINT 80 00, DATE 80 00 00 00) are NULL.
// Text longer than a CHAR/VARCHAR column is cut to fit outside ANSI databases and
// refused with -1279 in an ANSI one. Codes: docs/emulator-sql.md, Errors.

import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type BindParameter, typeCodes as T } from "@informix-db/protocol";
import { type RunningEmulator, startEmulator } from "../../src/index.js";
import { errorOf, WireClient } from "./wire-client.js";

const bytes = (n: number, write: (v: DataView) => void) => {
  const b = new Uint8Array(n);
  write(new DataView(b.buffer));
  return b;
};
const f64 = (v: number) => bytes(8, (d) => d.setFloat64(0, v));
const f32 = (v: number) => bytes(4, (d) => d.setFloat32(0, v));
const i32 = (v: number) => bytes(4, (d) => d.setInt32(0, v));
const i16 = (v: number) => bytes(2, (d) => d.setInt16(0, v));
const text = (s: string) => new TextEncoder().encode(s);
const param = (type: number, payload: Uint8Array): BindParameter => ({
  type,
  indicator: 0,
  precision: type === T.SQLCHAR ? payload.length : 0,
  payload,
});

const ONE: BindParameter = { type: T.SQLINT, indicator: 0, precision: 0, payload: i32(1) };

/** column, bound type, payload, expected SQLCODE (both database kinds). */
const REFUSED: Array<[string, number, Uint8Array, number]> = [
  ["d", T.SQLFLOAT, f64(Number.NaN), -1226],
  ["d", T.SQLFLOAT, f64(Number.POSITIVE_INFINITY), -1226],
  ["d", T.SQLFLOAT, f64(1e300), -1226],
  ["m", T.SQLFLOAT, f64(1e10), -1226],
  ["f", T.SQLFLOAT, f64(Number.NaN), -1226],
  ["f", T.SQLFLOAT, f64(Number.NEGATIVE_INFINITY), -1226],
  ["sf", T.SQLSMFLOAT, f32(Number.NaN), -1226],
  ["sf", T.SQLFLOAT, f64(1e300), -1226],
  ["s", T.SQLINT, i32(40000), -1214],
  ["i", T.SQLFLOAT, f64(1e12), -1215],
  ["i", T.SQLFLOAT, f64(Number.NaN), -1215],
  ["b", T.SQLFLOAT, f64(1e30), -1215],
  ["i", T.SQLCHAR, text("12x"), -1213],
  ["d", T.SQLCHAR, text("NaN"), -1213],
  ["f", T.SQLCHAR, text("Infinity"), -1213],
  ["d", T.SQLCHAR, text("1e400"), -1226],
  ["dt", T.SQLDATE, i32(2000000000), -1204],
  ["dt", T.SQLCHAR, text("10000-01-01"), -1204],
  ["dt", T.SQLCHAR, text("2024-13-01"), -1205],
  ["dt", T.SQLCHAR, text("13/01/2024"), -1205],
  ["dt", T.SQLCHAR, text("2024-02-30"), -1206],
  ["dt", T.SQLCHAR, text("02/30/2024"), -1206],
  ["nn", T.SQLINT, i32(-2147483648), -391],
];

let emu: RunningEmulator;
let c: WireClient;

before(async () => {
  emu = await startEmulator({ port: 0 });
  c = await WireClient.open(emu.port);
  await c.ready();
  for (const db of ["bv", "bva"]) {
    await c.command(`create database ${db} with log${db === "bva" ? " mode ansi" : ""}`);
    await c.command(
      "create table t (d decimal(10,2), i integer, f float, s smallint, dt date, c char(3), v varchar(3), " +
        "b int8, sf smallfloat, m money(8,2), nn integer not null)",
    );
    if (db === "bva") await c.command("commit work");
  }
});

after(async () => {
  c?.destroy();
  await emu?.close();
});

for (const db of ["bv", "bva"]) {
  describe(`issue 7: bound values in ${db === "bva" ? "an ANSI" : "a logged"} database`, () => {
    before(async () => {
      await c.group([{ kind: "dbopen", database: db, flags: 0 }]);
    });

    test("each bad value gets IDS's SQLCODE, never -999", async () => {
      const got: string[] = [];
      const want: string[] = [];
      for (const [column, type, payload, code] of REFUSED) {
        const reply =
          column === "nn"
            ? await c.execute("insert into t (nn) values (?)", [param(type, payload)])
            : await c.execute(`insert into t (${column}, nn) values (?, ?)`, [param(type, payload), ONE]);
        const label = `${column}<-${type}:${Buffer.from(payload).toString("hex")}`;
        got.push(`${label} ${errorOf(reply)?.sqlcode ?? "ok"}`);
        want.push(`${label} ${code}`);
      }
      assert.deepEqual(got, want);
      assert.equal(Number((await c.query("select count(*) from t"))[0]?.[0]), 0);
    });

    test("INTEGER 80 00 00 00, SMALLINT 80 00 and DATE 80 00 00 00 are NULL, as on IDS", async () => {
      const reply = await c.execute("insert into t (i, s, dt, nn) values (?, ?, ?, ?)", [
        param(T.SQLINT, i32(-2147483648)),
        param(T.SQLSMINT, i16(-32768)),
        param(T.SQLDATE, i32(-2147483648)),
        param(T.SQLINT, i32(7)),
      ]);
      assert.equal(errorOf(reply), undefined);
      const rows = await c.query("select count(*) from t where i is null and s is null and dt is null and nn = 7");
      assert.equal(Number(rows[0]?.[0]), 1);
      await c.command("delete from t");
    });

    test(
      db === "bva" ? "text too long for CHAR/VARCHAR is -1279" : "text too long for CHAR/VARCHAR is cut to fit",
      async () => {
        const reply = await c.execute("insert into t (c, v, nn) values (?, ?, ?)", [
          param(T.SQLCHAR, text("abcdef")),
          param(T.SQLCHAR, text("uvwxyz")),
          param(T.SQLINT, i32(8)),
        ]);
        if (db === "bva") {
          assert.equal(errorOf(reply)?.sqlcode, -1279);
        } else {
          assert.equal(errorOf(reply), undefined);
          assert.deepEqual(await c.query("select c, v from t where nn = 8"), [["abc", "uvw"]]);
        }
        await c.command("delete from t");
      },
    );
  });
}
