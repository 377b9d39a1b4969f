// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Login PDUs against IBM JDBC: its CONREQ decodes, our re-encoding of it is identical,
// and the CONACC/CONREJ bytes JDBC accepted are exactly what our encoder produces.

import assert from "node:assert/strict";
import { test } from "node:test";
import {
  ByteReader,
  decodeConnectRequest,
  decodeConnectResponse,
  encodeConnectRequest,
  encodeConnectResponse,
  isNeedMoreData,
  readSlPdu,
  SLTYPE_CONREQ,
} from "../../src/index.js";
import { toHex } from "../helpers/chunks.js";
import { loadHexFixtures } from "../helpers/fixtures.js";

const jdbc = Object.fromEntries(loadHexFixtures("jdbc").map((f) => [f.file.slice(0, 2), f.bytes]));

function pdu(bytes: Uint8Array) {
  const r = new ByteReader();
  r.push(bytes);
  return readSlPdu(r);
}

test("JDBC CONREQ decodes to its user, password, server and environment", () => {
  const p = pdu(jdbc["01"]!);
  assert.equal(p.slType, SLTYPE_CONREQ);
  const req = decodeConnectRequest(p.body);
  assert.equal(req.user, "informix");
  assert.equal(req.password, "in4mix");
  assert.equal(req.server, "informix");
  assert.equal(req.database, "");
  assert.equal(req.cap1, 316);
  assert.deepEqual(Object.fromEntries(req.env), {
    DBPATH: ".",
    CLIENT_LOCALE: "en_US.8859-1",
    CLNT_PAM_CAPABLE: "1",
    DBDATE: "Y4MD-",
    IFX_UPDDESC: "1",
    NODEFDAC: "no",
  });
  assert.equal(req.processInfo?.hostname, "vm");
  assert.match(req.application ?? "", /^Thread\[/);
  assert.equal(toHex(encodeConnectRequest(req)), toHex(jdbc["01"]!));
});

test("CONREQ cut anywhere before its end waits for more bytes", () => {
  const bytes = jdbc["01"]!;
  for (let cut = 0; cut < bytes.length; cut++) {
    const r = new ByteReader();
    r.push(bytes.slice(0, cut));
    assert.throws(() => readSlPdu(r), isNeedMoreData);
  }
});

test("a truncated CONREQ body is a RangeError, not a hang", () => {
  const p = pdu(jdbc["01"]!);
  assert.throws(() => decodeConnectRequest(p.body.slice(0, 60)), RangeError);
});

const accept = {
  outcome: "accept" as const,
  version: "IBM Informix Dynamic Server Version 15.0.1.0",
  serial: "Software Serial Number AAA#B000000",
  serverName: "informix",
  cap1: 316,
  cap2: 0,
  cap3: 0,
  svcError: 0,
  osError: 0,
  warnings: 0,
};

test("CONACC that JDBC accepted is what we encode", () => {
  assert.equal(toHex(encodeConnectResponse(accept)), toHex(jdbc["32"]!));
  const p = pdu(jdbc["32"]!);
  assert.deepEqual(decodeConnectResponse(p.slType, p.body), accept);
});

test("CONREJ -951 that JDBC turned into SQLException -951 is what we encode", () => {
  const reject = { ...accept, outcome: "reject" as const, version: "", serial: "", svcError: -951 };
  assert.equal(toHex(encodeConnectResponse(reject)), toHex(jdbc["30"]!));
  const p = pdu(jdbc["30"]!);
  assert.equal(decodeConnectResponse(p.slType, p.body).svcError, -951);
});

test("CONREJ -761 carries the server's real name", () => {
  const p = pdu(jdbc["31"]!);
  const res = decodeConnectResponse(p.slType, p.body);
  assert.equal(res.outcome, "reject");
  assert.equal(res.svcError, -761);
  assert.equal(toHex(encodeConnectResponse(res)), toHex(jdbc["31"]!));
});

test("REDIRECT round-trips its detail text", () => {
  const redirect = { ...accept, outcome: "redirect" as const, redirect: "redirect=ol_b|db-b.example|9088" };
  const bytes = encodeConnectResponse(redirect);
  const p = pdu(bytes);
  assert.equal(decodeConnectResponse(p.slType, p.body).redirect, "redirect=ol_b|db-b.example|9088");
});

test("login strings are C strings: a server name sent with extra NULs (nmap's -761 retry) reads up to the first NUL", () => {
  const req = { user: "informix", password: "in4mix", server: "informix\0", database: "", env: [], cap1: 316 };
  const decoded = decodeConnectRequest(pdu(encodeConnectRequest(req)).body);
  assert.equal(decoded.server, "informix");
});
