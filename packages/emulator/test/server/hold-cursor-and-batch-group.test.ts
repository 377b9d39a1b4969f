// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 10 §2–3 at the wire: (1) ending a transaction closes every cursor not opened
// WITH HOLD (SQ_HOLD before SQ_OPEN) — SQ_CMMTWORK, SQ_RBWORK and COMMIT WORK as SQL — and
// a fetch from it is -400; (2) many `SQ_ID SQ_BIND SQ_EXECUTE` in one group are answered
// one DONE (and INSERTDONE) per row, and an error ends the group: later rows never run.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type BindParameter, type ClientMessage, type ServerMessage, typeCodes as T } from "@informix-db/protocol";
import { type RunningEmulator, startEmulator } from "../../src/index.js";
import { WireClient } from "./wire-client.js";

let emu: RunningEmulator;
let c: WireClient;

const int = (n: number): BindParameter => {
  const payload = new Uint8Array(4);
  new DataView(payload.buffer).setInt32(0, n);
  return { type: T.SQLINT, indicator: 0, precision: 0, payload };
};

before(async () => {
  emu = await startEmulator({ port: 0 });
  c = await WireClient.open(emu.port);
  await c.ready();
  await c.command("create database hc with log");
  await c.command("create table t (n integer primary key)");
  for (let i = 1; i <= 5; i++) await c.command(`insert into t values (${i})`);
  await c.command("create table s (id serial, n integer)");
});

after(async () => {
  c?.destroy();
  await emu?.close();
});

async function openCursor(sql: string, extra: ClientMessage[]): Promise<number> {
  const prep = await c.group([{ kind: "prepare", paramCount: 0, sql }, { kind: "ndescribe" }]);
  const d = prep[0];
  assert.ok(d?.kind === "describe", JSON.stringify(prep));
  const id = d.statementId;
  const opened = await c.group([
    { kind: "id", statementId: id },
    { kind: "curname", name: `_ifxc_h${id}` },
    ...extra,
    { kind: "open" },
  ]);
  assert.deepEqual(opened, [{ kind: "eot" }]);
  return id;
}

/** One NFETCH of a single row's worth of buffer: "row", "end" or the SQLCODE. */
async function fetchOne(id: number): Promise<string | number> {
  const r = await c.group([
    { kind: "id", statementId: id },
    { kind: "nfetch", bufferSize: 8, arraySize: 0 },
  ]);
  const err = r.find((m) => m.kind === "err");
  if (err?.kind === "err") return err.sqlcode;
  return r.some((m) => m.kind === "tuple") ? "row" : "end";
}

const kinds = (r: ServerMessage[]) => r.map((m) => m.kind);

test("COMMIT and ROLLBACK close the cursors that are not WITH HOLD (-400 on the next fetch)", async () => {
  for (const end of [[{ kind: "cmmtwork" }], [{ kind: "rbwork", savepoint: 0 }], "commit work"] as const) {
    assert.deepEqual(kinds(await c.group([{ kind: "begin" }])), ["done", "eot"]);
    const plain = await openCursor("select n from t order by n", []);
    const held = await openCursor("select n from t order by n", [{ kind: "hold" }]);
    const scrollHeld = await openCursor("select n from t order by n", [{ kind: "scroll" }, { kind: "hold" }]);
    assert.equal(await fetchOne(plain), "row");
    assert.equal(await fetchOne(held), "row");
    if (typeof end === "string") await c.command(end);
    else assert.deepEqual(kinds(await c.group([...end])), ["done", "eot"]);
    assert.equal(await fetchOne(plain), -400, `after ${JSON.stringify(end)}`);
    assert.equal(await fetchOne(held), "row");
    const s = await c.group([
      { kind: "id", statementId: scrollHeld },
      { kind: "sfetch", scrollType: 4, row: 0, bufferSize: 4096 },
    ]);
    assert.deepEqual(kinds(s), ["tuple", "tupid", "eot"]);
    // Opening the same statement again without SQ_HOLD gives an ordinary cursor.
    for (const id of [plain, held, scrollHeld]) {
      await c.group([{ kind: "id", statementId: id }, { kind: "close" }, { kind: "release" }]);
    }
  }
  // Outside a transaction nothing closes the cursor.
  const free = await openCursor("select n from t", []);
  assert.equal(await fetchOne(free), "row");
  assert.equal(await fetchOne(free), "row");
  await c.group([{ kind: "id", statementId: free }, { kind: "close" }, { kind: "release" }]);
});

test("many BIND/EXECUTE in one group: one DONE per row; an error skips the rest of the group", async () => {
  const prep = await c.group([
    { kind: "prepare", paramCount: 1, sql: "insert into s (n) values (?)" },
    { kind: "ndescribe" },
  ]);
  const d = prep[0];
  assert.ok(d?.kind === "describe");
  const rowsOf = (ns: number[]): ClientMessage[] =>
    ns.flatMap((n) => [
      { kind: "id", statementId: d.statementId },
      { kind: "bind", parameters: [int(n)] },
      { kind: "execute" },
    ]);
  const ok = await c.group(rowsOf([1, 2, 3]));
  const dones = ok.filter((m) => m.kind === "done");
  assert.deepEqual(
    dones.map((m) => (m.kind === "done" ? [m.rows, m.serial] : [])),
    [
      [1, 1],
      [1, 2],
      [1, 3],
    ],
  );
  const pk = await c.group([
    { kind: "prepare", paramCount: 1, sql: "insert into t values (?)" },
    { kind: "ndescribe" },
  ]);
  const p = pk[0];
  assert.ok(p?.kind === "describe");
  const group: ClientMessage[] = [6, 7, 3, 8, 9].flatMap((n) => [
    { kind: "id", statementId: p.statementId },
    { kind: "bind", parameters: [int(n)] },
    { kind: "execute" },
  ]);
  const failed = await c.group(group);
  assert.deepEqual(kinds(failed), ["done", "cost", "done", "cost", "err", "eot"]);
  assert.deepEqual(await c.query("select n from t where n > 5 order by n"), [[6], [7]]);
});
