// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors

import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { findServer, parseOptions, parseServices } from "@informix-db/cli";

test("options: flags over URL over environment over defaults", () => {
  const env = { IFX_USER: "envuser", IFX_PASSWORD: "envpw", INFORMIXSERVER: "ol_env", DBDATE: "Y4MD-" };
  const a = parseOptions(["informix://u:p@h:1234/db1?server=ol_url", "-p", "9999", "--json"], env);
  assert.equal(a.connect.host, "h");
  assert.equal(a.connect.port, 9999);
  assert.equal(a.connect.server, "ol_url");
  assert.equal(a.connect.user, "u");
  assert.equal(a.connect.password, "p");
  assert.equal(a.connect.database, "db1");
  assert.deepEqual(a.connect.env, { DBDATE: "Y4MD-" });
  assert.equal(a.format, "json");
  const b = parseOptions(["stores_demo"], env);
  assert.equal(b.connect.database, "stores_demo");
  assert.equal(b.connect.server, "ol_env");
  assert.equal(b.connect.user, "envuser");
  assert.equal(b.passwordGiven, true);
  assert.equal(b.connect.host, "localhost");
  assert.equal(b.connect.port, 9088);
  assert.throws(() => parseOptions(["-p", "x"], {}), /--port/);
});

test("INFORMIXSQLHOSTS gives host, port and TLS of INFORMIXSERVER", () => {
  const dir = mkdtempSync(join(tmpdir(), "ifx-"));
  const path = join(dir, "sqlhosts");
  writeFileSync(
    path,
    "# name type host service\nol_tcp onsoctcp db1.example.com 9088\nol_ssl onsocssl db2 9089 s=0\nol_drda drsoctcp db1 9090\n",
  );
  const o = parseOptions([], { INFORMIXSERVER: "ol_ssl", INFORMIXSQLHOSTS: path });
  assert.deepEqual([o.connect.host, o.connect.port, o.connect.tls], ["db2", 9089, true]);
  assert.throws(() => parseOptions([], { INFORMIXSERVER: "ol_drda", INFORMIXSQLHOSTS: path }), /SQLI/);
  assert.throws(() => parseOptions([], { INFORMIXSERVER: "nosuch", INFORMIXSQLHOSTS: path }), /no entry/);
  const services = parseServices("sqlexec 9088/tcp ifx # Informix\nother 1/udp\n");
  assert.equal(findServer("ol onsoctcp h ifx", "ol", services).port, 9088);
});
