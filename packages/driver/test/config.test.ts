// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors

import assert from "node:assert/strict";
import { test } from "node:test";
import { parseConnectionString } from "informix-db";
import { resolveConfig } from "../src/connection/config.js";
import { loginEnvironment } from "../src/connection/handshake.js";

test("informix:// URL with server, env and options", () => {
  const o = parseConnectionString(
    "informix://us%40r:p%3Ass@db.example:9090/stores?server=ol_informix&clientLocale=en_US.utf8&DBDATE=MDY4/&fetchSize=50",
  );
  assert.deepEqual(o, {
    host: "db.example",
    port: 9090,
    user: "us@r",
    password: "p:ss",
    database: "stores",
    server: "ol_informix",
    clientLocale: "en_US.utf8",
    fetchSize: 50,
    env: { DBDATE: "MDY4/" },
  });
});

test("informixs:// turns TLS on; no database is fine", () => {
  const o = parseConnectionString("informixs://u:p@h/?server=s");
  assert.equal(o.tls, true);
  assert.equal(o.database, undefined);
});

test("JDBC URL with properties", () => {
  const o = parseConnectionString(
    "jdbc:informix-sqli://host:9088/db:INFORMIXSERVER=ol_informix;user=u;password=p;DB_LOCALE=en_US.819;IFX_LOCK_MODE_WAIT=10",
  );
  assert.deepEqual(o, {
    host: "host",
    port: 9088,
    database: "db",
    server: "ol_informix",
    user: "u",
    password: "p",
    dbLocale: "en_US.819",
    env: { IFX_LOCK_MODE_WAIT: "10" },
  });
});

test("JDBC URL without database", () => {
  const o = parseConnectionString("jdbc:informix-sqli://h:1526:INFORMIXSERVER=x");
  assert.deepEqual(o, { host: "h", port: 1526, server: "x" });
});

test("bad strings and ports are INVALID_ARGUMENT", () => {
  assert.throws(() => parseConnectionString("postgres://x"), { code: "INVALID_ARGUMENT" });
  assert.throws(() => resolveConfig({ port: 70000 }), { code: "INVALID_ARGUMENT" });
});

test("defaults: port 9088, server informix, JDBC's env order", () => {
  const c = resolveConfig({ env: { DBDATE: "DMY4/", OPTOFC: 1 } });
  assert.equal(c.port, 9088);
  assert.deepEqual(loginEnvironment(c), [
    ["DBPATH", "."],
    ["CLIENT_LOCALE", "en_US.8859-1"],
    ["CLNT_PAM_CAPABLE", "1"],
    ["DBDATE", "DMY4/"],
    ["IFX_UPDDESC", "1"],
    ["NODEFDAC", "no"],
    ["OPTOFC", "1"],
  ]);
  assert.deepEqual(
    loginEnvironment(resolveConfig({ dbLocale: "en_US.819" })).map(([n]) => n),
    ["DBPATH", "CLNT_PAM_CAPABLE", "IFX_UPDDESC", "DB_LOCALE", "NODEFDAC"],
  );
});
