// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Every message family, both directions: encode, then decode the bytes at every split
// point and byte by byte, and get the same message back. Run under the narrow context
// (nmap's 7-byte offer: short lengths) and the wide one (JDBC against IDS 15).

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  ByteWriter,
  blobDescriptorBytes,
  ClientItemDecoder,
  type ClientMessage,
  contextFromFeatures,
  encodeClientMessage,
  encodeServerMessage,
  IDS15_SERVER_FEATURES,
  intersectFeatures,
  JDBC_CLIENT_FEATURES,
  type ProtocolContext,
  ServerItemDecoder,
  type ServerMessage,
  SqliProtocolError,
} from "../../src/index.js";
import { decodeAllSplits } from "../helpers/chunks.js";

const NMAP_OFFER = Uint8Array.of(0xff, 0xfc, 0x7f, 0xfc, 0x3c, 0x8c, 0x8a);
const contexts: Record<string, ProtocolContext> = {
  "nmap (short fields)": contextFromFeatures(intersectFeatures(NMAP_OFFER, IDS15_SERVER_FEATURES)),
  "JDBC on IDS 15 (long fields)": contextFromFeatures(
    intersectFeatures(Uint8Array.of(...JDBC_CLIENT_FEATURES, 0x06), IDS15_SERVER_FEATURES),
  ),
};

const CLIENT: ClientMessage[] = [
  { kind: "protocols", features: Uint8Array.of(0xff, 0xfc, 0x7f) },
  {
    kind: "info",
    env: [
      ["DBTEMP", "/tmp"],
      ["SUBQCACHESZ", "10"],
    ],
  },
  { kind: "dbopen", database: "stores_demo", flags: 0 },
  { kind: "prepare", paramCount: 2, sql: "SELECT * FROM t WHERE a = ? AND b = ?" },
  { kind: "command", sql: "UPDATE t SET x = 1" },
  { kind: "id", statementId: 7 },
  { kind: "curname", name: "_ifxc0000000000001" },
  { kind: "nfetch", bufferSize: 4096, arraySize: 0 },
  { kind: "sfetch", scrollType: 6, row: 42, bufferSize: 4096 },
  {
    kind: "rettype",
    columns: [
      { type: 13, encodedLength: 255 },
      { type: 43, owner: "informix", name: "lvarchar", encodedLength: 2048 },
    ],
  },
  {
    kind: "bind",
    parameters: [
      { type: 2, indicator: 0, precision: 0x0a00, payload: Uint8Array.of(0, 0, 0, 42) },
      { type: 0, indicator: 0, precision: 0, payload: Uint8Array.of(0x61, 0x62, 0x63) },
      { type: 5, indicator: 0, precision: 2, payload: Uint8Array.of(0xc1, 0x0c, 0x22) },
      { type: 45, owner: "informix", typeName: "boolean", indicator: 0, precision: 1, payload: Uint8Array.of(1) },
      { type: 13, indicator: -1, precision: 0, payload: null },
    ],
  },
  { kind: "bbind", count: 1 },
  { kind: "blob", data: Uint8Array.of(1, 2, 3) },
  { kind: "fetchblob", descriptor: new Uint8Array(56).fill(7) },
  { kind: "genkeys", mode: 1 },
  { kind: "rbwork", savepoint: 0 },
  { kind: "setsavepoint", name: "sp1", unique: true },
  { kind: "releasesavepoint", name: "sp1", unique: false },
  { kind: "rollbacksavepoint", name: "sp1", unique: false },
  { kind: "getroutine", byId: 0, signature: "function informix.ifx_lo_open(blob,integer)", fparamFlag: 0 },
  { kind: "exfproutine", database: "stores_demo", handle: 17, paramCount: 2, fparamFlag: 0 },
  { kind: "fileread", chunks: [Uint8Array.of(1, 2, 3), Uint8Array.of(4, 5)] },
  { kind: "fileread", chunks: [] },
  { kind: "filewrite", total: 5 },
  { kind: "lodata", subCommand: 0, loFd: 3, length: 100, bufferSize: 32000 },
  { kind: "lodata", subCommand: 1, loFd: 3, length: 100, bufferSize: 32000, offset: 10n, whence: 0 },
  {
    kind: "lodata",
    subCommand: 2,
    loFd: 3,
    length: 5,
    bufferSize: 32000,
    chunks: [Uint8Array.of(1, 2, 3), Uint8Array.of(4, 5)],
  },
  { kind: "lodata", subCommand: 2, loFd: 3, length: 0, bufferSize: 32000, chunks: [] },
  { kind: "pamresponse", response: "secret" },
  { kind: "isolevel", value: 2 },
  { kind: "lockwait", value: -1 },
  { kind: "genkeys", mode: 2, indexes: [2, 1] },
  { kind: "getifpdesc", flag: 1, routine: "pf", number: 16681 },
  { kind: "fpout", count: 1, body: new Uint8Array(12), flag: 1 },
  { kind: "getroutine", byId: 1, signature: "pf2", routineId: 24647, fparamFlag: 1 },
  { kind: "genkeys", mode: 3, names: ["abc", "de"] },
  ...(
    [
      "ndescribe",
      "wantdone",
      "open",
      "execute",
      "close",
      "release",
      "scroll",
      "hold",
      "autofree",
      "begin",
      "cmmtwork",
      "dbclose",
      "dblist",
      "ack",
      "cidescribe",
      "exit",
    ] as const
  ).map((kind) => ({ kind })),
  { kind: "eot" },
];

const SERVER: ServerMessage[] = [
  { kind: "protocols", features: IDS15_SERVER_FEATURES },
  {
    kind: "describe",
    statementType: 2,
    statementId: 3,
    estimatedCost: 5,
    tupleSize: 30,
    fields: [
      {
        name: "id",
        startPosition: 0,
        type: 0x102,
        extendedId: 0,
        extendedOwner: "",
        extendedName: "",
        reference: 0,
        alignment: 0,
        sourceType: 0,
        encodedLength: 4,
      },
      {
        name: "flag",
        startPosition: 4,
        type: 41,
        extendedId: 5,
        extendedOwner: "informix",
        extendedName: "boolean",
        reference: 0,
        alignment: 0,
        sourceType: 0,
        encodedLength: 1,
      },
    ],
  },
  {
    kind: "idescribe",
    parameters: [{ type: 2, extendedId: 0, extendedOwner: "", extendedName: "", encodedLength: 4 }],
  },
  { kind: "idescribe", parameters: [] },
  {
    kind: "ifpdescribe",
    parameters: [
      { lead: 0, type: 2, extendedId: 0, extendedOwner: "", extendedName: "", encodedLength: 4 },
      { lead: 0, type: 13, extendedId: 0, extendedOwner: "", extendedName: "", encodedLength: 10 },
    ],
  },
  { kind: "tuple", warnings: 0, data: Uint8Array.of(0, 0, 0, 1, 3, 0x61, 0x62, 0x63) },
  {
    kind: "sgkdescribe",
    statementType: 6,
    statementId: 1,
    estimatedCost: 0,
    tupleSize: 10,
    fields: [
      {
        name: "id",
        startPosition: 0,
        type: 18,
        extendedId: 0,
        extendedOwner: "",
        extendedName: "",
        reference: 0,
        alignment: 0,
        sourceType: 0,
        encodedLength: 10,
      },
    ],
  },
  { kind: "sgktuple", warnings: 0, data: Uint8Array.of(0, 1, 0, 0, 0, 0, 0, 0, 0, 7) },
  { kind: "tupid", position: 9 },
  { kind: "done", warnings: 0x15, rows: 3, rowId: 257, serial: 12 },
  { kind: "cost", estimatedRows: 1, estimatedCost: 2 },
  { kind: "insertdone", serial8: -5000000001n, bigserial: 0n },
  { kind: "xactstat", event: 1, newLevel: 1, oldLevel: 0 },
  { kind: "err", sqlcode: -206, isamCode: -111, offset: 15, parameter: "nosuch" },
  { kind: "err", sqlcode: -368, isamCode: 0, offset: 0, parameter: "" },
  { kind: "blob", data: Uint8Array.of(9, 8, 7) },
  { kind: "dblist", databases: ["stores_demo", "sysmaster"] },
  { kind: "getroutinereply", database: "lobs", handle: 1006 },
  { kind: "lodatareply", subCommand: 2, length: 70_000 },
  {
    kind: "fproutine",
    values: [
      {
        type: 41,
        owner: "informix",
        typeName: "blob",
        indicator: 0,
        precision: 0,
        payload: new Uint8Array(72).fill(7),
      },
      {
        type: 44,
        owner: "informix",
        typeName: "ifx_lo_stat",
        indicator: 0,
        precision: 0,
        payload: Uint8Array.of(1, 2, 3),
      },
      { type: 2, indicator: 0, precision: 0, payload: Uint8Array.of(0, 0, 0, 1) },
      { type: 17, indicator: 0, precision: 4864, payload: Uint8Array.of(0, 1, 0, 0, 0, 5, 0, 0, 0, 0) },
      { type: 41, owner: "informix", typeName: "clob", indicator: -1, precision: 0, payload: null },
    ],
  },
  { kind: "close" },
  { kind: "exit" },
  { kind: "eot" },
];

for (const [name, ctx] of Object.entries(contexts)) {
  describe(`every message family round-trips (${name})`, () => {
    test("client messages", () => {
      // A blob descriptor is 68 bytes where long row ids (feature 70) are negotiated, else 56.
      const client = CLIENT.map((m) =>
        m.kind === "fetchblob" ? { ...m, descriptor: new Uint8Array(blobDescriptorBytes(ctx)).fill(7) } : m,
      );
      const w = new ByteWriter();
      for (const m of client) encodeClientMessage(m, ctx, w);
      const decoded = decodeAllSplits(w.take(), () => new ClientItemDecoder(() => ctx));
      assert.deepEqual(decoded, client);
    });
    test("server messages", () => {
      const w = new ByteWriter();
      for (const m of SERVER) encodeServerMessage(m, ctx, w);
      const decoded = decodeAllSplits(w.take(), () => new ServerItemDecoder(() => ctx));
      const expected = SERVER.map((m) => (m.kind === "insertdone" && !ctx.bigint ? { ...m, bigserial: 0n } : m));
      assert.deepEqual(decoded, expected);
    });
  });
}

test("an unknown message code is a typed protocol error, not a hang", () => {
  const ctx = Object.values(contexts)[1]!;
  for (const make of [() => new ClientItemDecoder(() => ctx), () => new ServerItemDecoder(() => ctx)]) {
    const d = make();
    d.push(Uint8Array.of(0x7f, 0x7f, 0, 0));
    assert.throws(
      () => d.next(),
      (e: unknown) => e instanceof SqliProtocolError && e.code === "UNKNOWN_OPCODE",
    );
  }
});

test("random garbage never hangs a decoder: each input ends in a message, NEED_MORE_DATA or a typed error", () => {
  const ctx = Object.values(contexts)[1]!;
  let seed = 12345;
  const random = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed;
  };
  for (let round = 0; round < 2000; round++) {
    const bytes = Uint8Array.from({ length: 1 + (random() % 64) }, () => random() & 0xff);
    for (const d of [new ClientItemDecoder(() => ctx), new ServerItemDecoder(() => ctx)]) {
      d.push(bytes);
      try {
        for (let i = 0; i < 100 && d.buffered > 0; i++) {
          const before = d.buffered;
          const m = d.next();
          if (typeof m === "object" && m !== null && "needMoreData" in m) break;
          assert.ok(d.buffered < before, "a decoded message consumed bytes");
        }
      } catch (e) {
        assert.ok(e instanceof SqliProtocolError, String(e));
      }
    }
  }
});
