// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Driver ⇄ emulator over TLS. The emulator serves TLS with the test-only self-signed pair in
// test/fixtures/tls (see its README); the driver verifies it against that certificate as its
// CA, and refuses it, with a typed non-retryable ConnectionError, when it is not trusted.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { type RunningEmulator, startEmulator } from "@informix-db/emulator";
import { ConnectionError, connect, DriverError } from "informix-db";

const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/tls/${name}`, import.meta.url), "utf8");
const cert = fixture("cert.pem");
const key = fixture("key.pem");

let tlsEmu: RunningEmulator;
const opts = () => ({
  host: tlsEmu.host,
  port: tlsEmu.port,
  user: "informix",
  password: "in4mix",
  server: "informix",
  connectTimeout: 10_000,
});

before(async () => {
  tlsEmu = await startEmulator({ port: 0, demo: true, tls: { key, cert } });
});

after(async () => {
  await tlsEmu?.close();
});

test("TLS: verified against the test CA (rejectUnauthorized), login, query, stream", async () => {
  await using conn = await connect({
    ...opts(),
    database: "stores_demo",
    tls: { ca: cert, rejectUnauthorized: true },
  });
  assert.equal(conn.serverInfo.serverName, "informix");
  const r = await conn.query("SELECT fname, lname FROM customer WHERE customer_num = ?", [101]);
  assert.deepEqual(
    r.rows.map((row) => [String(row.fname).trim(), String(row.lname).trim()]),
    [["Ludwig", "Pauli"]],
  );
  let n = 0;
  for await (const _ of conn.stream("SELECT * FROM items", [], { fetchSize: 10 })) n++;
  assert.ok(n > 10, `streamed ${n} rows over TLS`);
});

test("TLS: the host name is checked too (localhost and 127.0.0.1 are in the certificate)", async () => {
  await using byName = await connect({ ...opts(), host: "localhost", tls: { ca: cert } });
  assert.equal(byName.state, "idle");
  await assert.rejects(connect({ ...opts(), tls: { ca: cert, servername: "db.example.com" } }), (e: unknown) => {
    assert.ok(e instanceof ConnectionError);
    assert.equal(e.code, "CONNECTION_FAILED");
    assert.match(e.message, /not trusted \(ERR_TLS_CERT_ALTNAME_INVALID/);
    return true;
  });
});

test("TLS: an untrusted certificate fails with a typed, fatal, non-retryable ConnectionError", async () => {
  for (const tls of [true, { rejectUnauthorized: true }] as const) {
    await assert.rejects(connect({ ...opts(), tls }), (e: unknown) => {
      assert.ok(e instanceof ConnectionError && e instanceof DriverError);
      assert.equal(e.name, "ConnectionError");
      assert.equal(e.code, "CONNECTION_FAILED");
      assert.equal(e.sqlcode, -908);
      assert.equal(e.fatal, true);
      assert.equal(e.retryable, false);
      assert.match(e.message, /TLS certificate is not trusted \(DEPTH_ZERO_SELF_SIGNED_CERT/);
      assert.match(e.message, /tls\.ca/);
      assert.equal((e.cause as { code?: string }).code, "DEPTH_ZERO_SELF_SIGNED_CERT");
      return true;
    });
  }
});

test("TLS: the informixs:// URL form turns TLS on, with the same verification", async () => {
  const url = `informixs://informix:in4mix@${tlsEmu.host}:${tlsEmu.port}/stores_demo?server=informix`;
  await assert.rejects(connect(url), { name: "ConnectionError", code: "CONNECTION_FAILED", retryable: false });
});

test("TLS: a plain TCP client against the TLS listener fails cleanly, it does not hang", async () => {
  await assert.rejects(connect({ ...opts(), connectTimeout: 5000 }), (e: unknown) => {
    assert.ok(e instanceof DriverError, String(e));
    assert.equal(e.fatal, true);
    return true;
  });
});
