// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The connection state machine against a scripted in-memory server.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import type { DescribeMessage, ServerMessage } from "@informix-db/protocol";
import { AbortError, ConnectionError, connect, InformixError, ProtocolError, TimeoutError } from "informix-db";
import { conacc, FakeServer, group, hex, loginSteps, type Step } from "./support/fake-server.js";

function fixture(name: string): string {
  const url = new URL(`../../../../fixtures/jdbc/${name}`, import.meta.url);
  return readFileSync(url, "utf8")
    .split("\n")
    .filter((l) => !l.startsWith("#"))
    .join("")
    .replace(/\s+/g, "");
}

const describeInt: DescribeMessage = {
  kind: "describe",
  statementType: 2,
  statementId: 3,
  estimatedCost: 1,
  tupleSize: 4,
  fields: [
    {
      name: "id",
      startPosition: 0,
      type: 2,
      extendedId: 0,
      extendedOwner: "",
      extendedName: "",
      reference: 0,
      alignment: 0,
      sourceType: 0,
      encodedLength: 4,
    },
  ],
};
const done = (rows = 0): ServerMessage => ({ kind: "done", warnings: 0, rows, rowId: 0, serial: 0 });
const cost: ServerMessage = { kind: "cost", estimatedRows: 1, estimatedCost: 1 };
const int = (n: number) => Uint8Array.of(0, 0, 0, n);

/** prepare → open+fetch → close+release of `SELECT id` returning `ids`. */
function selectSteps(ids: number[]): Step[] {
  return [
    () => group([describeInt, done(), cost]),
    () =>
      group([
        ...ids.map((n) => ({ kind: "tuple", warnings: 0, data: int(n) }) as ServerMessage),
        done(ids.length),
        cost,
      ]),
    () => group([]),
  ];
}

async function open(steps: Step[]) {
  const server = new FakeServer([...loginSteps(), ...steps]);
  const conn = await connect({ transport: server.factory, user: "informix", password: "in4mix", connectTimeout: 0 });
  return { server, conn };
}

test("login sends JDBC's CONREQ, SQ_PROTOCOLS and SQ_INFO bytes", async () => {
  const { server, conn } = await open([]);
  const conreq = hex(server.written[0]!);
  const jdbc = fixture("01-conreq.hex");
  const tag107 = (h: string) => h.indexOf("006b00000000");
  assert.equal(conreq.slice(4, tag107(conreq)), jdbc.slice(4, tag107(jdbc)));
  assert.equal(hex(server.written[1]!), fixture("02-sq-protocols-offer.hex"));
  assert.equal(hex(server.written[2]!), fixture("04-sq-info.hex"));
  assert.equal(conn.state, "idle");
  assert.match(conn.serverInfo.version, /15\.0\.1/);
  await conn.close();
});

test("rejected logins: -951 and -761 with the server's real name", async () => {
  const bad = new FakeServer([() => conacc(-951, "reject")]);
  await assert.rejects(connect({ transport: bad.factory, user: "bob", password: "x" }), (e: unknown) => {
    assert.ok(e instanceof InformixError);
    assert.equal(e.sqlcode, -951);
    assert.equal(e.code, "LOGIN_FAILED");
    assert.match(e.message, /bob/);
    return true;
  });
  const wrong = new FakeServer([() => conacc(-761, "reject", "ol_real")]);
  await assert.rejects(connect({ transport: wrong.factory, server: "nope" }), (e: unknown) => {
    assert.ok(e instanceof InformixError);
    assert.equal(e.sqlcode, -761);
    assert.match(e.message, /ol_real/);
    return true;
  });
});

test("a query runs prepare and open+fetch; its CLOSE rides at the head of the next group (issue 11)", async () => {
  const again = () => group([{ kind: "tuple", warnings: 0, data: int(3) } as ServerMessage, done(1), cost]);
  const { server, conn } = await open([...selectSteps([1, 2]).slice(0, 2), again]);
  const r = await conn.query("SELECT id FROM t");
  assert.deepEqual(r.rows, [{ id: 1 }, { id: 2 }]);
  assert.equal(r.rowCount, 2);
  assert.equal(r.columns[0]!.type, "INTEGER");
  // SQ_ID 3, CURNAME _ifxc0000000000000, OPEN, NFETCH(i32 buffer, i16 0)
  assert.match(hex(server.written[4]!), /^00040003000300125f69667863(30){13}00060009[0-9a-f]{8}0000000c$/);
  assert.equal(server.written.length, 5, "no round trip of its own for the CLOSE");
  assert.equal(conn.state, "idle");
  // The same SQL again: cached (no PREPARE); SQ_ID 3 CLOSE first, then the new OPEN + NFETCH.
  assert.deepEqual((await conn.query("SELECT id FROM t")).rows, [{ id: 3 }]);
  assert.match(
    hex(server.written[5]!),
    /^00040003000a00040003000300125f69667863(30){12}3100060009[0-9a-f]{8}0000000c$/,
  );
});

test("an SQ_ERR keeps the connection usable", async () => {
  const err: ServerMessage = { kind: "err", sqlcode: -206, isamCode: -111, offset: 15, parameter: "nosuch" };
  const { conn } = await open([() => group([err]), ...selectSteps([7])]);
  const site = new Error().stack!.split("\n")[1];
  await assert.rejects(conn.query("SELECT id FROM nosuch"), (e: unknown) => {
    assert.ok(e instanceof InformixError);
    assert.equal(e.sqlcode, -206);
    assert.equal(e.sql, "SELECT id FROM nosuch");
    assert.ok(e.stack!.includes("connection-state.test.js"), "stack shows the caller");
    return true;
  });
  assert.ok(site);
  assert.equal(conn.state, "idle");
  assert.deepEqual((await conn.query("SELECT id FROM t", [], { rowMode: "array" })).rows, [[7]]);
});

test("garbage from the server breaks the connection; later calls fail fast", async () => {
  const { conn } = await open([() => Uint8Array.of(0x7f, 0x7f, 0, 0)]);
  await assert.rejects(conn.query("SELECT id FROM t"), ProtocolError);
  assert.equal(conn.state, "broken");
  await assert.rejects(conn.query("SELECT 1 FROM t"), (e: unknown) => {
    assert.ok(e instanceof ConnectionError);
    assert.equal(e.code, "CONNECTION_BROKEN");
    return true;
  });
  await conn.close();
  assert.equal(conn.state, "closed");
});

test("a timeout on the wire breaks and closes the connection", async () => {
  const { server, conn } = await open([() => "hang"]);
  await assert.rejects(conn.query("SELECT id FROM t", [], { timeout: 30 }), (e: unknown) => {
    assert.ok(e instanceof TimeoutError);
    assert.equal(e.fatal, true);
    return true;
  });
  assert.equal(conn.state, "broken");
  assert.equal(server.destroyed, true);
});

test("an aborted call still in the queue is dropped without harm", async () => {
  const { conn } = await open(selectSteps([1]));
  const first = conn.query("SELECT id FROM t");
  const ac = new AbortController();
  const second = conn.query("SELECT id FROM t", [], { signal: ac.signal });
  ac.abort();
  await assert.rejects(second, (e: unknown) => e instanceof AbortError && !e.fatal);
  assert.equal((await first).rows.length, 1);
  assert.equal(conn.state, "idle");
});

test("the server going away mid-call is CONNECTION_LOST", async () => {
  const { conn } = await open([() => "close"]);
  await assert.rejects(conn.query("SELECT id FROM t"), { name: "ConnectionError", code: "CONNECTION_LOST" });
  assert.equal(conn.state, "broken");
});

test("close() sends SQ_EXIT once and later calls fail with CONNECTION_CLOSED", async () => {
  const { server, conn } = await open([() => Uint8Array.of(0x00, 0x38)]);
  await Promise.all([conn.close(), conn.close()]);
  assert.equal(hex(server.written.at(-1)!), "0038");
  assert.equal(conn.state, "closed");
  await assert.rejects(conn.query("SELECT 1 FROM t"), { code: "CONNECTION_CLOSED" });
});

test("begin on a connection without a logged database is a typed error", async () => {
  const { conn } = await open([]);
  await assert.rejects(conn.begin(), { code: "NOT_SUPPORTED", sqlcode: -256 });
  assert.equal(conn.state, "idle");
});
