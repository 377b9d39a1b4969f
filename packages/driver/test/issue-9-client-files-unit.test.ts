// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 9 item 2, without a server: the answers client-files.ts gives to SQ_FILE requests
// (chunk sizes, end of file, refusals, LOTOFILE names) and the BLOB_PLACEHOLDER check.

import assert from "node:assert/strict";
import { test } from "node:test";
import { type ClientMessage, latin1, type SqFileMessage } from "@informix-db/protocol";
import { placeFileName } from "../src/connection/blob-columns.js";
import { ClientFiles, refusal, SourceReader } from "../src/connection/client-files.js";

const open = (name: string): SqFileMessage => ({
  kind: "sqfile",
  op: "open",
  name: latin1.encode(name),
  mode: 0,
  flags: 0,
  offset: 0,
});
const read = (bufferSize: number, amount: number): SqFileMessage => ({
  kind: "sqfile",
  op: "read",
  bufferSize,
  amount,
});
const write = (...chunks: Uint8Array[]): SqFileMessage => ({ kind: "sqfile", op: "write", chunks });
const close: SqFileMessage = { kind: "sqfile", op: "close" };
const sizes = (m: ClientMessage[]) => (m[0]?.kind === "fileread" ? m[0].chunks.map((c) => c.length) : undefined);

test("issue 9: a source answers reads in chunks of at most the buffer size, short at the end, again on reopen", async () => {
  const bytes = Uint8Array.from({ length: 10_000 }, (_, i) => i & 0xff);
  const files = new ClientFiles("f", new SourceReader(bytes, latin1));
  assert.deepEqual(await files.answer(open("f"), latin1), []);
  assert.deepEqual(sizes(await files.answer(read(4096, 8192), latin1)), [4096, 4096]);
  assert.deepEqual(sizes(await files.answer(read(4096, 8192), latin1)), [1808]);
  assert.deepEqual(sizes(await files.answer(read(4096, 8192), latin1)), []);
  assert.deepEqual(await files.answer(close, latin1), []);
  // Bytes start over when the server opens the file again; -1 asks for everything; 0 means 4096.
  await files.answer(open("f"), latin1);
  assert.deepEqual(sizes(await files.answer(read(0, -1), latin1)), [4096, 4096, 1808]);
  // A source is not written to.
  assert.deepEqual(await files.answer(write(Uint8Array.of(1)), latin1), [{ kind: "filewrite", total: -1 }]);
});

test("issue 9: a stream is pulled as asked and cannot be read twice; other names are refused", async () => {
  let pulls = 0;
  async function* chunks() {
    for (let i = 0; i < 5; i++) {
      pulls++;
      yield new Uint8Array(3000).fill(i);
    }
  }
  const files = new ClientFiles("f", new SourceReader(chunks(), latin1));
  await files.answer(open("f"), latin1);
  assert.deepEqual(sizes(await files.answer(read(4096, 4000), latin1)), [3000, 1000]);
  assert.equal(pulls, 2, "only what the read needs");
  assert.deepEqual(sizes(await files.answer(read(4096, 100_000), latin1)), [2000, 3000, 3000, 3000]);
  await files.answer(close, latin1);
  await files.answer(open("f"), latin1);
  assert.deepEqual(await files.answer(read(4096, 10), latin1), [{ kind: "fileread", chunks: [], failed: true }]);
  await files.answer(open("f.1"), latin1);
  assert.deepEqual(await files.answer(read(4096, 10), latin1), [{ kind: "fileread", chunks: [], failed: true }]);
});

test("issue 9: a sink keeps each LOTOFILE file by the name the server used; other names are refused", async () => {
  const files = new ClientFiles("out", undefined);
  await files.answer(open("out.00000000000000a1"), latin1);
  assert.deepEqual(await files.answer(write(Uint8Array.of(1, 2), Uint8Array.of(3)), latin1), [
    { kind: "filewrite", total: 3 },
  ]);
  await files.answer(close, latin1);
  await files.answer(open("outside"), latin1);
  assert.deepEqual(await files.answer(write(Uint8Array.of(9)), latin1), [{ kind: "filewrite", total: -1 }]);
  assert.deepEqual(await files.answer(read(4096, 10), latin1), [{ kind: "fileread", chunks: [], failed: true }]);
  assert.deepEqual([...files.written.keys()], ["out.00000000000000a1"]);
  // No files at all (a plain query()): read and write are refused, open and close are plain SQ_EOT.
  assert.deepEqual(refusal(open("x")), []);
  assert.deepEqual(refusal(read(4096, 1)), [{ kind: "fileread", chunks: [], failed: true }]);
  assert.deepEqual(refusal(write(Uint8Array.of(1))), [{ kind: "filewrite", total: -1 }]);
});

test("issue 9: a failing or malformed stream is recorded as the source error and the read refused", async () => {
  const boom = new Error("boom");
  async function* bad() {
    yield Uint8Array.of(1);
    throw boom;
  }
  const files = new ClientFiles("f", new SourceReader(bad(), latin1));
  await files.answer(open("f"), latin1);
  assert.deepEqual(await files.answer(read(4096, 10), latin1), [{ kind: "fileread", chunks: [], failed: true }]);
  assert.equal(files.sourceError, boom);
  async function* numbers() {
    yield 42;
  }
  const odd = new ClientFiles("f", new SourceReader(numbers() as AsyncIterable<Uint8Array>, latin1));
  await odd.answer(open("f"), latin1);
  await odd.answer(read(4096, 10), latin1);
  assert.equal((odd.sourceError as { code?: string }).code, "INVALID_ARGUMENT");
  assert.throws(() => new SourceReader("\u4e2d", latin1), { code: "UNMAPPABLE_CHARACTER" });
});

test("issue 9: BLOB_PLACEHOLDER must appear exactly once", () => {
  assert.equal(
    placeFileName("SELECT LOTOFILE(b, BLOB_PLACEHOLDER, 'client') FROM t", "m"),
    "SELECT LOTOFILE(b, 'informix_db_client_file', 'client') FROM t",
  );
  for (const sql of ["SELECT 1", "BLOB_PLACEHOLDER BLOB_PLACEHOLDER", 7]) {
    assert.throws(() => placeFileName(sql, "m"), { code: "INVALID_ARGUMENT" });
  }
});
