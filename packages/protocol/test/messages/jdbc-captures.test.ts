// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Every message group IBM JDBC sent to our loopback fake server (fixtures/jdbc) and
// every reply JDBC accepted: decoded at every chunk split, then re-encoded to the
// same bytes. Login PDUs are SL-framed and tested in session tests.

import assert from "node:assert/strict";
import { test } from "node:test";
import {
  ByteWriter,
  ClientItemDecoder,
  contextFromFeatures,
  encodeClientMessage,
  encodeServerMessage,
  IDS15_SERVER_FEATURES,
  intersectFeatures,
  JDBC_CLIENT_FEATURES,
  ServerItemDecoder,
} from "../../src/index.js";
import { decodeAllSplits, toHex } from "../helpers/chunks.js";
import { loadHexFixtures } from "../helpers/fixtures.js";

const JDBC_OFFER = Uint8Array.of(...JDBC_CLIENT_FEATURES, 0x06);
const ctx = contextFromFeatures(intersectFeatures(JDBC_OFFER, IDS15_SERVER_FEATURES));

for (const fixture of loadHexFixtures("jdbc")) {
  if (fixture.file.includes("conreq") || fixture.file.includes("conacc") || fixture.file.includes("conrej")) continue;
  const fromServer = fixture.description.startsWith("fake server");
  test(`JDBC capture ${fixture.file}: decodes at every split and re-encodes exactly`, () => {
    const w = new ByteWriter();
    if (fromServer) {
      const messages = decodeAllSplits(fixture.bytes, () => new ServerItemDecoder(() => ctx));
      assert.ok(messages.length > 0);
      for (const m of messages) encodeServerMessage(m, ctx, w);
    } else {
      const messages = decodeAllSplits(fixture.bytes, () => new ClientItemDecoder(() => ctx));
      assert.ok(messages.length > 0);
      for (const m of messages) encodeClientMessage(m, ctx, w);
    }
    assert.equal(toHex(w.take()), toHex(fixture.bytes));
  });
}
