// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 8: the PostgreSQL engine's connection plumbing. SCRAM-SHA-256 against RFC 7677's
// test vector; postgres:// URLs; an emulator on a PostgreSQL URL reuses the catalog an
// earlier emulator made there, and refuses a URL it cannot use with a clear error.

import assert from "node:assert/strict";
import { dirname } from "node:path";
import { after, before, describe, it } from "node:test";
import { engineSpecError } from "../../src/engine/create-engine.js";
import { LocalPostgres } from "../../src/engine/postgres/local-server.js";
import { parsePostgresUrl } from "../../src/engine/postgres/pg-socket.js";
import { ScramClient } from "../../src/engine/postgres/scram.js";
import { startEmulator } from "../../src/server/listener.js";
import { exec, query } from "./helpers.js";

describe("issue 8: SCRAM-SHA-256 and URLs", () => {
  it("computes RFC 7677's client proof and checks its server signature", () => {
    const scram = new ScramClient("pencil", "rOprNGfwEbeRWgbNEkqO", "user");
    assert.equal(scram.clientFirst(), "n,,n=user,r=rOprNGfwEbeRWgbNEkqO");
    const serverFirst = "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";
    assert.equal(
      scram.clientFinal(serverFirst),
      "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=",
    );
    scram.verifyServerFinal("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=");
    assert.throws(() => scram.verifyServerFinal("v=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="), /signature/);
    assert.throws(() => new ScramClient("pencil", "abc").clientFinal("r=zzz,s=AAAA,i=4096"), /invalid SCRAM/);
  });

  it("parses postgres:// URLs and names the engines", () => {
    assert.deepEqual(parsePostgresUrl("postgres://ifx:p%40ss@db.example:6543/informix"), {
      host: "db.example",
      port: 6543,
      user: "ifx",
      password: "p@ss",
      database: "informix",
    });
    assert.equal(parsePostgresUrl("postgresql://u@h/d?host=/run/pg").socketPath, "/run/pg/.s.PGSQL.5432");
    assert.equal(parsePostgresUrl("postgres://u@h").database, "u");
    assert.throws(() => parsePostgresUrl("postgres://u@h/d?sslmode=require"), /TLS/);
    assert.throws(() => parsePostgresUrl("mysql://u@h/d"), /not a PostgreSQL URL/);
    assert.equal(engineSpecError("pglite"), null);
    assert.equal(engineSpecError("postgres"), null);
    assert.equal(engineSpecError("postgres://u:p@h:1/d"), null);
    assert.match(engineSpecError("oracle") ?? "", /--engine must be/);
  });
});

describe("issue 8: an emulator on a postgres:// URL", () => {
  let local: LocalPostgres;
  let url: string;
  before(async () => {
    local = await LocalPostgres.start();
    url = `postgres://postgres@localhost/postgres?host=${dirname(local.target.socketPath ?? "")}`;
  });
  after(async () => {
    await local?.stop();
  });

  it("creates the catalog once; a second emulator reuses it, databases and rows included", async () => {
    const first = await startEmulator({ port: 0, engine: url });
    const s = first.engine.openSession("informix");
    await exec(s, "create database shared_db with log");
    await exec(s, "create table kept (id serial, v varchar(10))");
    await exec(s, "insert into kept (v) values ('one')");
    await exec(s, "create temp table scratch (x integer)");
    await first.close();

    const second = await startEmulator({ port: 0, engine: url, demo: true });
    const t = second.engine.openSession("informix");
    await t.openDatabase("shared_db", false);
    assert.deepEqual((await query(t, "select id, v from kept")).rows, [[1, "one"]]);
    assert.deepEqual(await second.engine.listDatabases(), ["shared_db", "stores_demo", "sysmaster"]);
    // The closed session's temp schema is gone; this emulator's sessions have their own names.
    await exec(t, "create temp table scratch (y integer)");
    // COUNT is DECIMAL(15,0), an exact decimal string (issue 6).
    assert.equal((await query(t, "select count(*) from scratch")).rows[0]?.[0], "0");
    await second.close();
  });

  it("refuses an unreachable server with a clear error", async () => {
    await assert.rejects(startEmulator({ port: 0, engine: "postgres://u@127.0.0.1:1/d" }), /ECONNREFUSED/);
  });
});
