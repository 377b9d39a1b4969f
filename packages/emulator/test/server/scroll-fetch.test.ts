// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 6 §4: SQ_SFETCH on a scroll cursor (SQ_SCROLL before SQ_OPEN), as the Python
// driver uses it: one SQ_TUPLE and its 1-based SQ_TUPID per fetch; past either end no
// row, and DONE (docs/protocol/statements.md, scroll fetch).

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { compileRowLayout, type RowLayout, SFETCH_ABSOLUTE, SFETCH_LAST, SFETCH_NEXT } from "@informix-db/protocol";
import { type RunningEmulator, startEmulator } from "../../src/index.js";
import { WireClient } from "./wire-client.js";

let emu: RunningEmulator;
let c: WireClient;

before(async () => {
  emu = await startEmulator({ port: 0 });
  c = await WireClient.open(emu.port);
  await c.ready();
  await c.command("create database sc with log");
  await c.command("create table t (n integer)");
  for (let i = 1; i <= 5; i++) await c.command(`insert into t values (${i * 10})`);
});

after(async () => {
  c?.destroy();
  await emu?.close();
});

test("SQ_SFETCH moves a scroll cursor: next, absolute, last, prior, first, relative, past the end", async () => {
  const prep = await c.group([
    { kind: "prepare", paramCount: 0, sql: "select n from t order by n" },
    { kind: "ndescribe" },
  ]);
  const d = prep[0];
  assert.ok(d?.kind === "describe");
  const layout: RowLayout = compileRowLayout(d.fields);
  const id = d.statementId;
  const opened = await c.group([
    { kind: "id", statementId: id },
    { kind: "curname", name: "_ifxc_scroll" },
    { kind: "scroll" },
    { kind: "open" },
  ]);
  assert.deepEqual(opened, [{ kind: "eot" }]);
  const fetch = async (scrollType: number, row = 0) => {
    const reply = await c.group([
      { kind: "id", statementId: id },
      { kind: "sfetch", scrollType, row, bufferSize: 4096 },
    ]);
    const tuple = reply.find((m) => m.kind === "tuple");
    const tupid = reply.find((m) => m.kind === "tupid");
    if (tuple?.kind !== "tuple") return reply.some((m) => m.kind === "done") ? "end" : JSON.stringify(reply);
    return `${layout.decodeRow(tuple.data)[0]}@${tupid?.kind === "tupid" ? tupid.position : "?"}`;
  };
  assert.equal(await fetch(SFETCH_NEXT), "10@1");
  assert.equal(await fetch(SFETCH_ABSOLUTE, 3), "30@3");
  assert.equal(await fetch(SFETCH_NEXT), "40@4");
  assert.equal(await fetch(SFETCH_LAST), "50@5");
  assert.equal(await fetch(2), "40@4");
  assert.equal(await fetch(3), "10@1");
  assert.equal(await fetch(7, 2), "30@3");
  assert.equal(await fetch(5), "30@3");
  assert.equal(await fetch(SFETCH_ABSOLUTE, 9), "end");
  assert.equal(await fetch(SFETCH_ABSOLUTE, 2), "20@2");
  assert.deepEqual(await c.group([{ kind: "id", statementId: id }, { kind: "close" }, { kind: "release" }]), [
    { kind: "eot" },
  ]);
});
