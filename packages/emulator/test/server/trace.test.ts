// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 7: the wire trace never shows the password (decoded, in hex, or split across
// records), nor a PAM answer; bound values appear only with the traceValues opt-in.

import assert from "node:assert/strict";
import { test } from "node:test";
import { typeCodes as T } from "@informix-db/protocol";
import { startEmulator, type TraceSink } from "../../src/index.js";
import { traceSinkFromEnv } from "../../src/server/trace.js";
import { WireClient } from "./wire-client.js";

const PASSWORD = "Zq7-secret-Pw";
const VALUE = "value-4711-marker";

const hex = (s: string) => Buffer.from(s, "latin1").toString("hex");

/** Every record the emulator traces, as the JSON line the file sink writes. */
async function traceOf(traceValues: boolean): Promise<string> {
  const lines: string[] = [];
  const sink: TraceSink = (session, direction, what, bytes) => {
    lines.push(
      JSON.stringify(
        { session, direction, what, hex: bytes ? Buffer.from(bytes).toString("hex") : undefined },
        (_k, v) => (typeof v === "bigint" ? `${v}n` : v instanceof Uint8Array ? Buffer.from(v).toString("hex") : v),
      ),
    );
  };
  const emu = await startEmulator({ port: 0, password: PASSWORD, trace: sink, traceValues });
  try {
    const c = await WireClient.open(emu.port);
    await c.ready(undefined, { password: PASSWORD });
    await c.command("create database tr with log");
    await c.command("create table t (v varchar(40))");
    const payload = new TextEncoder().encode(VALUE);
    await c.execute("insert into t values (?)", [{ type: T.SQLVCHAR, indicator: 0, precision: 0, payload }]);
    await c.group([{ kind: "pamresponse", response: PASSWORD }]);
    c.destroy();
    // A second client logs in with a wrong password: it must not be traced either.
    const bad = await WireClient.open(emu.port);
    await bad.login({ password: `${PASSWORD}-wrong` });
    bad.destroy();
  } finally {
    await emu.close();
  }
  return lines.join("\n");
}

test("issue 7: the password never appears in the wire trace, decoded or in hex", async () => {
  for (const values of [false, true]) {
    const trace = await traceOf(values);
    assert.ok(trace.includes('"conreq"'), "the login is traced");
    assert.equal(trace.includes(PASSWORD), false, "password in clear");
    assert.equal(trace.toLowerCase().includes(hex(PASSWORD)), false, "password in hex");
    assert.equal(trace.toLowerCase().includes(hex(PASSWORD.slice(0, 6))), false, "part of the password in hex");
  }
});

test("issue 7: bound values appear in the trace only with the opt-in", async () => {
  const without = await traceOf(false);
  assert.equal(without.includes(VALUE) || without.includes(hex(VALUE)), false);
  assert.match(without, /"payload":"17 bytes"/);
  const withValues = await traceOf(true);
  assert.ok(withValues.includes(hex(VALUE)), "the value is shown when asked for");
});

test("INFORMIX_EMULATOR_TRACE off means no sink", () => {
  assert.equal(traceSinkFromEnv(""), undefined);
  assert.equal(traceSinkFromEnv("0"), undefined);
  assert.equal(typeof traceSinkFromEnv("1"), "function");
});
