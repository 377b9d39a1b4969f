// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 8 §1 on the wire: a FOR UPDATE cursor answers one SQ_TUPLE per SQ_NFETCH whatever
// the buffer (its current row is the client's last row), a plain cursor fills the buffer,
// and UPDATE/DELETE ... WHERE CURRENT OF <SQ_CURNAME name> report their row count in DONE.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { compileRowLayout, type ServerMessage } from "@informix-db/protocol";
import { type RunningEmulator, startEmulator } from "../../src/index.js";
import { WireClient } from "./wire-client.js";

let emu: RunningEmulator;
let c: WireClient;

before(async () => {
  emu = await startEmulator({ port: 0 });
  c = await WireClient.open(emu.port);
  await c.ready();
  await c.command("create database cur8 with log");
  await c.command("create table t (n integer, s char(8))");
  for (let i = 1; i <= 3; i++) await c.command(`insert into t values (${i}, 'r${i}')`);
});

after(async () => {
  c?.destroy();
  await emu?.close();
});

const tuples = (reply: ServerMessage[]) => reply.filter((m) => m.kind === "tuple").length;
const doneRows = (reply: ServerMessage[]) => {
  const d = reply.find((m) => m.kind === "done");
  return d?.kind === "done" ? d.rows : JSON.stringify(reply);
};

async function openCursor(sql: string, name: string) {
  const prep = await c.group([{ kind: "prepare", paramCount: 0, sql }, { kind: "ndescribe" }]);
  const d = prep[0];
  assert.ok(d?.kind === "describe", JSON.stringify(prep));
  const id = d.statementId;
  await c.group([{ kind: "id", statementId: id }, { kind: "curname", name }, { kind: "open" }]);
  const fetch = () =>
    c.group([
      { kind: "id", statementId: id },
      { kind: "nfetch", bufferSize: 4096, arraySize: 0 },
    ]);
  return { id, fields: d.fields, fetch };
}

test("issue 8: an update cursor sends one row per NFETCH; a positioned UPDATE/DELETE counts its row", async () => {
  await c.command("begin work");
  const plain = await openCursor("select n from t", "_plain");
  assert.equal(tuples(await plain.fetch()), 3, "a plain cursor fills the buffer");
  const cur = await openCursor("select n, s from t for update", "_ifxc000000000000v");
  assert.equal(cur.fields.length, 2, "the row identity is not described");
  const layout = compileRowLayout(cur.fields);
  const first = await cur.fetch();
  assert.equal(tuples(first), 1);
  const row = first.find((m) => m.kind === "tuple");
  assert.deepEqual(row?.kind === "tuple" ? layout.decodeRow(row.data) : null, [1, "r1      "]);
  const upd = await c.execute("update t set s = 'x' where current of _ifxc000000000000v ;", []);
  assert.equal(doneRows(upd), 1);
  assert.equal(tuples(await cur.fetch()), 1);
  assert.equal(doneRows(await c.execute("delete from t where current of _IFXC000000000000V", [])), 1);
  assert.equal(tuples(await cur.fetch()), 1);
  const end = await cur.fetch();
  assert.equal(tuples(end), 0);
  assert.equal(doneRows(end), 3, "DONE after the last row counts the rows fetched");
  const none = (await c.execute("delete from t where current of _ifxc000000000000v", [])).find((m) => m.kind === "err");
  assert.equal(none?.kind === "err" ? none.sqlcode : "no error", -266, "past the end there is no current row");
  await c.command("commit work");
  assert.deepEqual(await c.query("select n, s from t order by n"), [
    [1, "x       "],
    [3, "r3      "],
  ]);
});
