// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 12: TLS to an IP address must not print Node's DEP0123 warning ("Setting the TLS
// ServerName to an IP address is not permitted by RFC 6066"), and the certificate's IP SAN is
// still checked. Node emits a deprecation warning once per process, and each test file runs in
// a process of its own, so this file sees it if the driver ever sends an IP as SNI.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { type PeerCertificate, checkServerIdentity as tlsCheckServerIdentity } from "node:tls";
import { type RunningEmulator, startEmulator } from "@informix-db/emulator";
import { connect } from "informix-db";

const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/tls/${name}`, import.meta.url), "utf8");
const cert = fixture("cert.pem");
const key = fixture("key.pem");

let emu: RunningEmulator;
const warnings: Error[] = [];
const onWarning = (w: Error) => warnings.push(w);

before(async () => {
  process.on("warning", onWarning);
  emu = await startEmulator({ port: 0, tls: { key, cert } });
});

after(async () => {
  process.off("warning", onWarning);
  await emu?.close();
});

const opts = () => ({
  port: emu.port,
  user: "informix",
  password: "in4mix",
  server: "informix",
  connectTimeout: 10_000,
});

test("issue 12: TLS to 127.0.0.1 verifies the IP SAN and prints no DEP0123 warning", async () => {
  const checked: string[] = [];
  const checkServerIdentity = (host: string, peer: PeerCertificate) => {
    checked.push(host);
    return tlsCheckServerIdentity(host, peer);
  };
  const conn = await connect({ ...opts(), host: "127.0.0.1", tls: { ca: cert, checkServerIdentity } });
  assert.equal(conn.state, "idle");
  assert.deepEqual(checked, ["127.0.0.1"], "the IP address is checked against the certificate");
  await conn.close();
  await new Promise((resolve) => setImmediate(resolve));
  const dep = warnings.filter((w) => (w as { code?: string }).code === "DEP0123" || /RFC 6066/.test(w.message));
  assert.deepEqual(
    dep.map((w) => w.message),
    [],
  );
});
