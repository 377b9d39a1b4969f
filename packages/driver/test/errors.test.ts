// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import {
  AbortError,
  ConnectionError,
  DriverError,
  errorText,
  InformixError,
  ProtocolError,
  TimeoutError,
} from "informix-db";
import { ERROR_CATALOG } from "../src/generated/error-catalog.js";

test("InformixError renders the catalogue text with its parameter and ISAM text", () => {
  const e = new InformixError({ sqlcode: -206, isamCode: -111, parameter: "users", offset: 15 });
  assert.equal(e.name, "InformixError");
  assert.equal(e.code, "SQL_ERROR");
  assert.equal(e.sqlcode, -206);
  assert.equal(e.isamCode, -111);
  assert.equal(e.offset, 15);
  assert.equal(e.sqlstate, "42S02");
  assert.match(e.message, /^\[-206\] Table \(users\) is not in the database\. \(ISAM -111: No record found\.\)$/);
  assert.equal(e.fatal, false);
  assert.equal(e.retryable, false);
  assert.ok(e instanceof DriverError);
});

test("lock errors are retryable; unknown codes still get a message", () => {
  assert.equal(new InformixError({ sqlcode: -244, isamCode: -154 }).retryable, true);
  assert.equal(new InformixError({ sqlcode: -201 }).sqlstate, "42000");
  assert.equal(errorText(-12345), "Informix error -12345.");
});

test("every class has name === class name and the right flags", () => {
  const all = [
    new ConnectionError("CONNECTION_FAILED", "x", { sqlcode: -908 }),
    new ProtocolError("x"),
    new TimeoutError("x"),
    new AbortError("x"),
  ];
  assert.deepEqual(
    all.map((e) => e.name),
    ["ConnectionError", "ProtocolError", "TimeoutError", "AbortError"],
  );
  assert.deepEqual(
    all.map((e) => e.fatal),
    [true, true, false, false],
  );
  assert.equal((all[0] as ConnectionError).sqlcode, -908);
});

test("the catalogue covers the login and emulator codes", () => {
  for (const code of [-201, -206, -239, -268, -329, -349, -535, -255, -256, -761, -908, -930, -951, -8303, -9634]) {
    assert.ok(ERROR_CATALOG.has(code), `catalogue lacks ${code}`);
  }
});

test("the generated catalogue is error-texts.tsv and has every code the emulator raises", () => {
  // From dist/test: the sources the generator reads (scripts/generate-error-catalog.mjs).
  const packages = new URL("../../../", import.meta.url);
  const tsv = readFileSync(new URL("driver/scripts/error-texts.tsv", packages), "utf8");
  const rows = tsv.split("\n").filter((l) => l.trim() !== "" && !l.startsWith("#"));
  for (const row of rows) {
    const [code, sqlstate, text] = row.split("\t");
    assert.deepEqual(ERROR_CATALOG.get(Number(code)), [sqlstate, text], `catalogue entry for ${code}: regenerate it`);
  }
  assert.equal(ERROR_CATALOG.size, rows.length, "catalogue and error-texts.tsv have the same codes");
  const emulator = readFileSync(new URL("emulator/src/engine/error-codes.ts", packages), "utf8");
  const raised = [...emulator.matchAll(/\[(-\d+)\]:/g)].map((m) => Number(m[1]));
  assert.ok(raised.length > 30);
  for (const code of raised) assert.ok(ERROR_CATALOG.has(code), `catalogue lacks emulator code ${code}`);
});
