// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The emulator's reader of PostgreSQL replies (engine/pg-wire.ts): a reply it cannot frame is
// an error, never a loop. A negative message length once sent the reader backwards for ever
// (a reply's bytes overwritten by the next one, see postgres/pg-socket.ts), freezing the process.

import assert from "node:assert/strict";
import { test } from "node:test";
import { readReply } from "../../src/engine/pg-wire.js";

/** One backend message: type byte, i32 length (itself included), body. */
function message(type: string, body: number[]): number[] {
  const n = body.length + 4;
  return [type.charCodeAt(0), (n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255, ...body];
}

const command = (tag: string) => message("C", [...Buffer.from(tag), 0]);
const ready = message("Z", ["I".charCodeAt(0)]);

test("a well-formed reply is read: command tags up to ReadyForQuery", () => {
  const reply = readReply(Uint8Array.from([...command("SELECT 0"), ...ready]));
  assert.deepEqual(reply.commands, ["SELECT 0"]);
  assert.equal(reply.error, null);
});

test("a message length below 4, negative, or past the bytes received is an error, not a loop", () => {
  for (const bad of [
    [0x43, 0xff, 0xff, 0xff, 0xff, 0, 0, 0], // length -1: would point back at itself
    [0x43, 0x80, 0, 0, 0, 0, 0, 0], // a large negative length
    [0x43, 0, 0, 0, 2, 0, 0, 0], // shorter than the length field
    [0x43, 0, 0, 1, 0, 0, 0, 0], // 256 bytes claimed, 3 there
  ]) {
    assert.throws(() => readReply(Uint8Array.from([...command("BEGIN"), ...bad])), /malformed PostgreSQL reply/);
  }
});
