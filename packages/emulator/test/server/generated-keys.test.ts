// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 6: IBM JDBC's generated-keys request (code 134) in each of its three modes, sent
// in the PREPARE group as JDBC sends it. The PREPARE reply carries SQ_SGKDESCRIBE (135) of
// the table's SERIAL/SERIAL8/BIGSERIAL column, each EXECUTE reply one SQ_SGKTUPLE (136) with
// the generated value, before SQ_DONE (docs/protocol/jdbc-observed.md, "RETURN_GENERATED_KEYS").
// Before, the column-name and column-index modes were read as mode-only, their column list
// was taken for the next message and the session broke (-460).

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  type ClientMessage,
  compileRowLayout,
  GENKEYS_AUTO,
  GENKEYS_BY_INDEX,
  GENKEYS_BY_NAME,
  type ServerMessage,
  typeCodes as T,
} from "@informix-db/protocol";
import { type RunningEmulator, startEmulator } from "../../src/index.js";
import { errorOf, WireClient } from "./wire-client.js";

const show = (v: unknown) => JSON.stringify(v, (_, x) => (typeof x === "bigint" ? `${x}n` : x));

let emu: RunningEmulator;
let client: WireClient;

before(async () => {
  emu = await startEmulator({ port: 0 });
  client = await WireClient.open(emu.port);
  await client.ready();
  await client.command("create database gkdb with log");
  await client.command("create table gk (v0 int, id serial, v varchar(10))");
  await client.command("create table gk8 (id serial8, v varchar(10))");
  await client.command("create table gkb (v varchar(10), id bigserial)");
  await client.command("create table gkn (v varchar(10))");
});

after(async () => {
  client?.destroy();
  await emu?.close();
});

const A = [{ type: 0, indicator: 0, precision: 0, payload: Uint8Array.of(0x61) }];

/** PREPARE with `genkeys`, then EXECUTE twice; the PREPARE reply and both EXECUTE replies. */
async function insertTwice(table: string, genkeys: ClientMessage): Promise<ServerMessage[][]> {
  const prep = await client.group([
    { kind: "prepare", paramCount: 1, sql: `insert into ${table} (v) values (?)` },
    genkeys,
    { kind: "ndescribe" },
    { kind: "wantdone" },
  ]);
  const d = prep.find((m) => m.kind === "describe");
  if (d?.kind !== "describe") return [prep];
  const replies = [prep];
  for (let i = 0; i < 2; i++) {
    replies.push(
      await client.group([
        { kind: "id", statementId: d.statementId },
        { kind: "bind", parameters: A },
        { kind: "execute" },
      ]),
    );
  }
  await client.group([{ kind: "id", statementId: d.statementId }, { kind: "release" }]);
  return replies;
}

/** The key rows of the EXECUTE replies, decoded with the PREPARE reply's SQ_SGKDESCRIBE. */
function keysOf([prep, ...executes]: ServerMessage[][]): { type: number; name: string; rows: unknown[][] } {
  const desc = prep?.find((m) => m.kind === "sgkdescribe");
  if (desc?.kind !== "sgkdescribe") throw new Error(`no SQ_SGKDESCRIBE: ${show(prep)}`);
  assert.equal(desc.fields.length, 1);
  const layout = compileRowLayout(desc.fields);
  const rows = executes.map((reply) => {
    const keys = reply.filter((m) => m.kind === "sgktuple");
    assert.equal(keys.length, 1, show(reply));
    // before SQ_DONE, as JDBC was seen to accept
    assert.ok(reply.findIndex((m) => m.kind === "sgktuple") < reply.findIndex((m) => m.kind === "done"));
    return keys[0]?.kind === "sgktuple" ? layout.decodeRow(keys[0].data) : [];
  });
  return { type: desc.fields[0]?.type ?? -1, name: desc.fields[0]?.name ?? "", rows };
}

test("issue 6: SERIAL keys in each of the three modes, two EXECUTEs each", async () => {
  const modes: ClientMessage[] = [
    { kind: "genkeys", mode: GENKEYS_AUTO },
    { kind: "genkeys", mode: GENKEYS_BY_INDEX, indexes: [2] },
    { kind: "genkeys", mode: GENKEYS_BY_NAME, names: ["ID"] },
  ];
  let next = 1;
  for (const genkeys of modes) {
    const replies = await insertTwice("gk", genkeys);
    for (const r of replies) assert.equal(errorOf(r), undefined, show(genkeys));
    const keys = keysOf(replies);
    assert.equal(keys.type & T.SQLTYPE_MASK, T.SQLSERIAL);
    assert.equal(keys.name, "id");
    assert.deepEqual(keys.rows, [[next], [next + 1]]);
    next += 2;
  }
  assert.deepEqual(await client.query("select id from gk order by id"), [[1], [2], [3], [4], [5], [6]]);
});

test("issue 6: SERIAL8 and BIGSERIAL keys", async () => {
  const k8 = keysOf(await insertTwice("gk8", { kind: "genkeys", mode: GENKEYS_AUTO }));
  assert.equal(k8.type & T.SQLTYPE_MASK, T.SQLSERIAL8);
  assert.deepEqual(k8.rows, [[1n], [2n]]);
  const kb = keysOf(await insertTwice("gkb", { kind: "genkeys", mode: GENKEYS_BY_NAME, names: ["id"] }));
  assert.equal(kb.type & T.SQLTYPE_MASK, T.SQLBIGSERIAL);
  assert.deepEqual(kb.rows, [[1n], [2n]]);
});

test("issue 6: no serial column, no keys; an unknown key column is -217, a non-serial one -999; the session goes on", async () => {
  const none = await insertTwice("gkn", { kind: "genkeys", mode: GENKEYS_AUTO });
  assert.equal(none.length, 3);
  for (const r of none) {
    assert.equal(errorOf(r), undefined);
    assert.ok(!r.some((m) => m.kind === "sgkdescribe" || m.kind === "sgktuple"), show(r));
  }
  const unknown = await insertTwice("gk", { kind: "genkeys", mode: GENKEYS_BY_NAME, names: ["nope"] });
  assert.equal(errorOf(unknown[0] ?? [])?.sqlcode, -217);
  const position = await insertTwice("gk", { kind: "genkeys", mode: GENKEYS_BY_INDEX, indexes: [9] });
  assert.equal(errorOf(position[0] ?? [])?.sqlcode, -217);
  const plain = await insertTwice("gk", { kind: "genkeys", mode: GENKEYS_BY_INDEX, indexes: [1] });
  assert.equal(errorOf(plain[0] ?? [])?.sqlcode, -999);
  assert.equal((await client.query("select id from gk")).length, 6);
});
