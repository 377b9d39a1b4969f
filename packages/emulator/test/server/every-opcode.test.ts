// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 6 §4: every message code the protocol package knows, sent by a client in a group
// of its own, is answered with a whole reply group, never a dropped connection or an
// SQ_ERR carrying a JavaScript error text, and the session is still usable afterwards.
// Client messages go with their client layout; codes only a server sends go with the
// server layout (or, where the package has no encoder, a few arbitrary bytes).

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  ByteWriter,
  blobDescriptorBytes,
  type ClientMessage,
  encodeClientMessage,
  encodeServerMessage,
  opcodeName,
  opcodes,
  type ServerMessage,
} from "@informix-db/protocol";
import { type RunningEmulator, startEmulator } from "../../src/index.js";
import { WireClient } from "./wire-client.js";

const CLIENT: ClientMessage[] = [
  { kind: "command", sql: "select count(*) from systables" },
  { kind: "prepare", paramCount: 0, sql: "select tabname from systables" },
  { kind: "curname", name: "_ifxc0000000000001" },
  { kind: "version" },
  { kind: "id", statementId: 0 },
  { kind: "bind", parameters: [{ type: 2, indicator: 0, precision: 0, payload: Uint8Array.of(0, 0, 0, 42) }] },
  { kind: "nfetch", bufferSize: 4096, arraySize: 0 },
  { kind: "rbwork", savepoint: 0 },
  { kind: "sfetch", scrollType: 6, row: 1, bufferSize: 4096 },
  { kind: "dbopen", database: "opdb", flags: 0 },
  { kind: "fetchblob", descriptor: new Uint8Array(56) },
  { kind: "blob", data: Uint8Array.of(1, 2, 3) },
  { kind: "bbind", count: 1 },
  { kind: "isolevel", value: 2 },
  { kind: "lockwait", value: 0 },
  { kind: "genkeys", mode: 1 },
  { kind: "info", env: [["DBTEMP", "/tmp"]] },
  { kind: "lodata", subCommand: 0, loFd: 1, length: 10, bufferSize: 32000 },
  { kind: "fileread", chunks: [Uint8Array.of(1, 2, 3)] },
  { kind: "filewrite", total: 3 },
  { kind: "rettype", columns: [{ type: 13, encodedLength: 255 }] },
  { kind: "getroutine", byId: 0, signature: "function informix.ifx_lo_open(blob,integer)", fparamFlag: 0 },
  { kind: "exfproutine", database: "opdb", handle: 1, paramCount: 0, fparamFlag: 0 },
  { kind: "getifpdesc", flag: 1, routine: "pf", number: 1 },
  { kind: "fpout", count: 1, body: new Uint8Array(12), flag: 1 },
  { kind: "protocols", features: Uint8Array.of(0xff, 0xfc) },
  { kind: "pamresponse", response: "secret" },
  { kind: "setsavepoint", name: "sp", unique: false },
  { kind: "releasesavepoint", name: "sp", unique: false },
  { kind: "rollbacksavepoint", name: "sp", unique: false },
  ...(
    [
      "open",
      "execute",
      "close",
      "release",
      "eot",
      "cmmtwork",
      "ndescribe",
      "scroll",
      "dblist",
      "begin",
      "dbclose",
      "hold",
      "wantdone",
      "autofree",
      "cidescribe",
      "ack",
      "exit",
    ] as const
  ).map((kind) => ({ kind })),
];

const SERVER_ONLY: ServerMessage[] = [
  {
    kind: "describe",
    statementType: 2,
    statementId: 0,
    estimatedCost: 0,
    tupleSize: 4,
    fields: [],
  },
  { kind: "err", sqlcode: -201, isamCode: 0, offset: 0, parameter: "" },
  { kind: "tuple", warnings: 0, data: Uint8Array.of(0, 0, 0, 1) },
  { kind: "done", warnings: 0, rows: 1, rowId: 0, serial: 0 },
  { kind: "tupid", position: 1 },
  { kind: "cost", estimatedRows: 1, estimatedCost: 1 },
  { kind: "insertdone", serial8: 1n, bigserial: 0n },
  { kind: "xactstat", event: 1, newLevel: 1, oldLevel: 0 },
  { kind: "idescribe", parameters: [] },
  { kind: "ifpdescribe", parameters: [] },
];

let emu: RunningEmulator;
let client: WireClient;
const probe: ClientMessage[] = [{ kind: "command", sql: "select count(*) from systables" }, { kind: "ndescribe" }];

before(async () => {
  emu = await startEmulator({ port: 0 });
  client = await WireClient.open(emu.port);
  await client.ready();
  await client.command("create database opdb with log");
});

after(async () => {
  client?.destroy();
  await emu?.close();
});

/** The bytes of one message per code: client layout first, else server layout, else code + 4 bytes. */
function messagesByCode(ctx: WireClient["ctx"]): Map<number, Uint8Array> {
  const byCode = new Map<number, Uint8Array>();
  const w = new ByteWriter();
  const put = (bytes: Uint8Array) => {
    const code = (bytes[0]! << 8) | bytes[1]!;
    if (!byCode.has(code)) byCode.set(code, bytes);
  };
  for (const m of CLIENT) {
    // A blob descriptor is 68 bytes in a session with long row ids (feature 70), else 56.
    const sized = m.kind === "fetchblob" ? { ...m, descriptor: new Uint8Array(blobDescriptorBytes(ctx)) } : m;
    encodeClientMessage(sized, ctx, w);
    put(w.take());
  }
  for (const m of SERVER_ONLY) {
    encodeServerMessage(m, ctx, w);
    put(w.take());
  }
  for (const code of Object.keys(opcodes.OPCODE_NAMES).map(Number)) {
    if (!byCode.has(code)) put(Uint8Array.of(code >> 8, code & 0xff, 0, 1, 0, 2));
  }
  return byCode;
}

test("issue 6 §4: every known message code is answered and the session survives", async () => {
  const byCode = messagesByCode(client.ctx);
  assert.deepEqual(
    [...byCode.keys()].sort((a, b) => a - b),
    Object.keys(opcodes.OPCODE_NAMES)
      .map(Number)
      .sort((a, b) => a - b),
  );
  const answers: string[] = [];
  for (const [code, bytes] of byCode) {
    const c = await WireClient.open(emu.port);
    try {
      await c.ready("opdb");
      const eot = Uint8Array.of(0, opcodes.SQ_EOT);
      const isGroupEnd = code === opcodes.SQ_EOT || code === opcodes.SQ_EXIT;
      const reply = await c.raw(isGroupEnd ? bytes : Uint8Array.of(...bytes, ...eot));
      const last = reply.at(-1)?.kind;
      assert.ok(last === "eot" || last === "exit", `${opcodeName(code)}: reply ends with ${last}`);
      for (const m of reply) {
        if (m.kind !== "err") continue;
        assert.doesNotMatch(m.parameter, /Error|undefined|at |\(/, `${opcodeName(code)}: JS text in SQ_ERR`);
      }
      const err = reply.find((m) => m.kind === "err");
      answers.push(`${opcodeName(code)}:${err?.kind === "err" ? err.sqlcode : "ok"}`);
      if (code === opcodes.SQ_EXIT) {
        await c.closed;
        continue;
      }
      assert.equal(c.isClosed, false, `${opcodeName(code)} closed the connection`);
      if (code === opcodes.SQ_DBCLOSE) {
        const reopened = await c.group([{ kind: "dbopen", database: "opdb", flags: 0 }]);
        assert.equal(reopened[0]?.kind, "done", "DBOPEN after DBCLOSE");
      }
      const after = await c.group(probe);
      assert.equal(after[0]?.kind, "describe", `${opcodeName(code)}: the session is not usable afterwards`);
    } finally {
      c.destroy();
    }
  }
  process.stdout.write(`# answers: ${answers.join(" ")}\n`);
});
