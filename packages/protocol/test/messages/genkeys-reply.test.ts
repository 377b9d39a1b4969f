// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// SQ_SGKDESCRIBE (135) and SQ_SGKTUPLE (136), the server's answer to SQ_GENKEYS (134), from
// bytes. Provenance: IBM JDBC 15.0.0.1.1 accepted exactly these layouts (a SERIAL key `id`,
// values 1 and 2) when the emulator injected them, and returned them from getGeneratedKeys()
// (docs/protocol/jdbc-observed.md, "RETURN_GENERATED_KEYS") [jdbc-observed, 2026-12-06].

import assert from "node:assert/strict";
import { test } from "node:test";
import {
  ByteWriter,
  contextFromFeatures,
  encodeServerMessage,
  IDS15_SERVER_FEATURES,
  intersectFeatures,
  JDBC_CLIENT_FEATURES,
  ServerItemDecoder,
  type ServerMessage,
} from "../../src/index.js";
import { decodeAllSplits, hex } from "../helpers/chunks.js";

// JDBC against IDS 15: 4-byte tuple sizes and name offsets (features 69 and 50).
const ctx = contextFromFeatures(intersectFeatures(Uint8Array.of(...JDBC_CLIENT_FEATURES, 0x06), IDS15_SERVER_FEATURES));

const BYTES = hex(`
  00 87                    # SQ_SGKDESCRIBE
  00 06  00 00             #   statement type 6 (INSERT), statement id 0
  00 00 00 00              #   estimated cost
  00 00 00 04              #   tuple size (i32, feature 69)
  00 01                    #   one field
  00 00 00 03              #   name table size (i32, feature 50)
  00 00 00 00              #   field 1: name offset
  00 00 00 00  00 06       #     start 0, type 6 (SERIAL)
  00 00 00 00  00 00 00 00 #     xid 0, owner "", type name ""
  00 00  00 00             #     reference, alignment
  00 00 00 00  00 00 00 04 #     source type 0, length 4
  69 64 00  00             #   name table "id" NUL, pad
  00 88  00 00             # SQ_SGKTUPLE, warnings 0
  00 00 00 04  00 00 00 01 #   size 4, value 1
  00 88  00 00             # SQ_SGKTUPLE (one message per row)
  00 00 00 04  00 00 00 02 #   size 4, value 2
`);

const MESSAGES: ServerMessage[] = [
  {
    kind: "sgkdescribe",
    statementType: 6,
    statementId: 0,
    estimatedCost: 0,
    tupleSize: 4,
    fields: [
      {
        name: "id",
        startPosition: 0,
        type: 6,
        extendedId: 0,
        extendedOwner: "",
        extendedName: "",
        reference: 0,
        alignment: 0,
        sourceType: 0,
        encodedLength: 4,
      },
    ],
  },
  { kind: "sgktuple", warnings: 0, data: Uint8Array.of(0, 0, 0, 1) },
  { kind: "sgktuple", warnings: 0, data: Uint8Array.of(0, 0, 0, 2) },
];

test("SQ_SGKDESCRIBE and SQ_SGKTUPLE decode from JDBC-accepted bytes at every chunk split", () => {
  const items = decodeAllSplits(BYTES, () => new ServerItemDecoder(() => ctx));
  assert.deepEqual(
    items.map((m) => (m.kind === "sgktuple" ? { ...m, data: Uint8Array.from(m.data) } : m)),
    MESSAGES,
  );
});

test("SQ_SGKDESCRIBE and SQ_SGKTUPLE encode to the JDBC-accepted bytes", () => {
  const w = new ByteWriter();
  for (const m of MESSAGES) encodeServerMessage(m, ctx, w);
  assert.deepEqual(w.take(), BYTES);
});

test("SQ_SGKTUPLE pads an odd-sized row to even", () => {
  const w = new ByteWriter();
  encodeServerMessage({ kind: "sgktuple", warnings: 0, data: Uint8Array.of(7, 8, 9) }, ctx, w);
  assert.deepEqual(w.take(), hex("00 88 00 00 00 00 00 03 07 08 09 00"));
});
