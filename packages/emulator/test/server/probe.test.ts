import { test } from "node:test";
import { startEmulator } from "../../src/server/listener.js";
import { WireClient } from "./wire-client.js";
import { typeCodes as T } from "@informix-db/protocol";

function f64(v: number) { const b = new Uint8Array(8); new DataView(b.buffer).setFloat64(0, v); return b; }
function f32(v: number) { const b = new Uint8Array(4); new DataView(b.buffer).setFloat32(0, v); return b; }
function i32(v: number) { const b = new Uint8Array(4); new DataView(b.buffer).setInt32(0, v); return b; }
function i16(v: number) { const b = new Uint8Array(2); new DataView(b.buffer).setInt16(0, v); return b; }
const txt = (s: string) => new TextEncoder().encode(s);

test("probe", async () => {
  const emu = await startEmulator({ port: 0 });
  const c = await WireClient.open(emu.port);
  await c.ready();
  for (const db of ["pdb", "pansi"]) {
  console.log(JSON.stringify(await c.command(db === "pdb" ? "create database pdb with log" : "create database pansi with log mode ansi")));
  console.log(JSON.stringify(await c.command("create table t (d decimal(10,2), i integer, f float, s smallint, dt date, c char(3), v varchar(3), b int8, sf smallfloat, m money(8,2), dd decimal(5), dtm datetime year to second)")));
  const cols = ["d","i","f","s","dt","c","v","b","sf","m","dd","dtm"];
  const cases: [string, number, Uint8Array, number?][] = [
    ["d", T.SQLFLOAT, f64(NaN)], ["d", T.SQLFLOAT, f64(Infinity)], ["d", T.SQLFLOAT, f64(1e300)],
    ["f", T.SQLFLOAT, f64(NaN)], ["f", T.SQLFLOAT, f64(-Infinity)], ["sf", T.SQLSMFLOAT, f32(NaN)], ["sf", T.SQLFLOAT, f64(1e300)],
    ["i", T.SQLINT, i32(-2147483648)], ["s", T.SQLINT, i32(40000)], ["s", T.SQLSMINT, i16(-32768)], ["i", T.SQLFLOAT, f64(1e12)], ["i", T.SQLFLOAT, f64(NaN)],
    ["dt", T.SQLCHAR, txt("2024-02-30")], ["dt", T.SQLCHAR, txt("13/45/2024")], ["dt", T.SQLDATE, i32(-2147483648)], ["dt", T.SQLDATE, i32(2000000000)],
    ["c", T.SQLCHAR, txt("abcdef")], ["v", T.SQLCHAR, txt("abcdef")], ["i", T.SQLCHAR, txt("12x")], ["d", T.SQLCHAR, txt("1e400")], ["d", T.SQLCHAR, txt("NaN")],
    ["m", T.SQLFLOAT, f64(1e10)], ["dd", T.SQLFLOAT, f64(NaN)], ["dtm", T.SQLCHAR, txt("2024-13-01 00:00:00")], ["b", T.SQLFLOAT, f64(1e30)],
  ];
  for (const [col, type, payload] of cases) {
    const prep = await c.group([{ kind: "prepare", paramCount: 1, sql: `insert into t (${col}) values (?)` }, { kind: "ndescribe" }, { kind: "wantdone" }]);
    const d = prep[0]; if (d?.kind !== "describe") { console.log(col, JSON.stringify(prep)); continue; }
    const r = await c.group([{ kind: "id", statementId: d.statementId }, { kind: "bind", parameters: [{ type, indicator: 0, precision: type === T.SQLCHAR ? payload.length : 0, payload }] }, { kind: "execute" }]);
    await c.group([{ kind: "id", statementId: d.statementId }, { kind: "release" }]);
    console.log(db, col, type, Buffer.from(payload).toString("hex"), JSON.stringify(r.filter(m => m.kind === "err" || m.kind === "done")));
  }
  }
  c.destroy();
  await emu.close();
});
