// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 10: IBM JDBC's CallableStatement on an SPL function with OUT parameters, at the wire
// (docs/protocol/jdbc-observed.md, "OUT parameters"): the PREPARE of `execute function
// f(?, ?, ?)` is -9752 with `<name>:<procid>:`; SQ_GETIFPDESC (131) by that id gets
// SQ_IFPDESCRIBE (132) with every argument; SQ_GETROUTINE by id gets a handle; the fast-path
// call itself is -999 and the session goes on.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { GETROUTINE_BY_ID, typeCodes as T } from "@informix-db/protocol";
import { type RunningEmulator, startEmulator } from "../../src/index.js";
import { errorOf, WireClient } from "./wire-client.js";

let emu: RunningEmulator;
let client: WireClient;

before(async () => {
  emu = await startEmulator({ port: 0 });
  client = await WireClient.open(emu.port);
  await client.ready();
  await client.command("create database outdb with log");
  await client.command(
    "create function pf2(a int, out b int, out c varchar(10)) returning int; let b = a * 2; let c = 'v'; return a + 1; end function",
  );
});

after(async () => {
  client?.destroy();
  await emu?.close();
});

test("issue 10: JDBC's OUT-parameter exchange: -9752 with the routine id, 131 -> 132, GETROUTINE by id, the call -999", async () => {
  const prep = await client.group([
    { kind: "prepare", paramCount: 3, sql: "execute function pf2(?, ?, ?)" },
    { kind: "ndescribe" },
    { kind: "wantdone" },
  ]);
  const err = errorOf(prep);
  assert.equal(err?.sqlcode, -9752);
  const id = Number(/^pf2:(\d+):$/.exec(err?.parameter ?? "")?.[1]);
  assert.ok(id > 0, `no routine id in ${err?.parameter}`);

  const described = await client.group([{ kind: "getifpdesc", flag: 1, routine: "pf2", number: id }]);
  const ifp = described.find((m) => m.kind === "ifpdescribe");
  assert.ok(ifp?.kind === "ifpdescribe", JSON.stringify(described));
  assert.deepEqual(
    ifp.parameters.map((p) => [p.lead, p.type, p.encodedLength]),
    [
      [0, T.SQLINT, 4],
      [0, T.SQLINT, 4],
      [0, T.SQLVCHAR, 255],
    ],
  );

  const routine = await client.group([
    { kind: "getroutine", byId: GETROUTINE_BY_ID, signature: "pf2", routineId: id, fparamFlag: 1 },
  ]);
  const reply = routine.find((m) => m.kind === "getroutinereply");
  assert.ok(reply?.kind === "getroutinereply", JSON.stringify(routine));
  assert.equal(reply.database, "outdb");

  const call = await client.group([
    { kind: "exfproutine", database: "outdb", handle: reply.handle, paramCount: 3, fparamFlag: 1 },
    {
      kind: "bind",
      parameters: [
        { type: T.SQLINT, indicator: 0, precision: 0, payload: Uint8Array.of(0, 0, 0, 4) },
        { type: T.SQLINT, indicator: -1, precision: 0, payload: null },
        { type: T.SQLINT, indicator: -1, precision: 0, payload: null },
      ],
    },
    { kind: "fpout", count: 1, body: new Uint8Array(12), flag: 1 },
  ]);
  assert.equal(errorOf(call)?.sqlcode, -999);

  // An unknown routine id is -674; the session goes on.
  const unknown = await client.group([{ kind: "getifpdesc", flag: 1, routine: "nope", number: 1 }]);
  assert.equal(errorOf(unknown)?.sqlcode, -674);
  await client.command("execute function pf2(1)");
});
