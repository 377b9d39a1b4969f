// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// ServerItemDecoder.nextTuples(): a fetch reply's SQ_TUPLEs taken in one pass as ranges.
// Whatever the chunking, the ranges and the messages that follow must be what next()
// alone would have decoded (STYLE R14); a tuple the checked path must refuse is left to it.

import assert from "node:assert/strict";
import { test } from "node:test";
import {
  ByteWriter,
  contextFromFeatures,
  encodeServerMessage,
  IDS15_SERVER_FEATURES,
  intersectFeatures,
  isNeedMoreData,
  JDBC_CLIENT_FEATURES,
  ServerItemDecoder,
  type ServerMessage,
  SqliProtocolError,
  tupleAt,
  tupleRun,
} from "../../src/index.js";

const ctx = contextFromFeatures(intersectFeatures(JDBC_CLIENT_FEATURES, IDS15_SERVER_FEATURES));

/** Tuples of 0 to 6 bytes (odd sizes get a pad byte), then DONE, COST, EOT. */
function reply(): { bytes: Uint8Array; bodies: Uint8Array[] } {
  const w = new ByteWriter(256);
  const bodies: Uint8Array[] = [];
  for (let i = 0; i < 7; i++) {
    const data = Uint8Array.from({ length: i }, (_, k) => 0x40 + i * 8 + k);
    bodies.push(data);
    encodeServerMessage({ kind: "tuple", warnings: 0, data }, ctx, w);
  }
  encodeServerMessage({ kind: "done", warnings: 0, rows: 7, rowId: 0, serial: 0 }, ctx, w);
  encodeServerMessage({ kind: "cost", estimatedRows: 7, estimatedCost: 1 }, ctx, w);
  encodeServerMessage({ kind: "eot" }, ctx, w);
  return { bytes: w.take(), bodies };
}

/** Reads a whole reply the way the driver does: tuples into a run, everything else by next(). */
function readAll(chunks: Uint8Array[]): { bodies: number[][]; others: string[] } {
  const d = new ServerItemDecoder(() => ctx);
  const run = tupleRun();
  const others: string[] = [];
  for (const chunk of chunks) {
    d.push(chunk);
    for (;;) {
      d.nextTuples(run);
      const m = d.next();
      if (isNeedMoreData(m)) break;
      if (m.kind === "tuple") {
        run.buffers.push(m.data);
        run.starts.push(0);
        run.ends.push(m.data.length);
      } else others.push(m.kind);
    }
  }
  const bodies = run.starts.map((_, i) => [...tupleAt(run, i)]);
  return { bodies, others };
}

test("tuple runs: the same bodies and following messages at every split point and byte by byte", () => {
  const { bytes, bodies } = reply();
  const expected = { bodies: bodies.map((b) => [...b]), others: ["done", "cost", "eot"] };
  assert.deepEqual(readAll([bytes]), expected);
  for (let cut = 1; cut < bytes.length; cut++) {
    assert.deepEqual(readAll([bytes.slice(0, cut), bytes.slice(cut)]), expected, `split at ${cut}`);
  }
  assert.deepEqual(readAll([...bytes].map((b) => Uint8Array.of(b))), expected);
});

test("tuple runs: the ranges stay valid after later chunks arrive", () => {
  const { bytes, bodies } = reply();
  const d = new ServerItemDecoder(() => ctx);
  const run = tupleRun();
  d.push(bytes.slice(0, 20));
  assert.ok(d.nextTuples(run) > 0);
  const taken = run.starts.length;
  d.push(bytes.slice(20));
  d.nextTuples(run);
  for (let i = 0; i < taken; i++) assert.deepEqual([...tupleAt(run, i)], [...bodies[i]!]);
});

test("tuple runs: a size above the limit is not taken; next() refuses it with TOO_LARGE", () => {
  const w = new ByteWriter(64);
  encodeServerMessage({ kind: "tuple", warnings: 0, data: new Uint8Array(2) }, ctx, w);
  const bytes = w.take();
  // Claim 2 GiB - 1 bytes.
  bytes.set([0x7f, 0xff, 0xff, 0xff], 4);
  const d = new ServerItemDecoder(() => ctx, { maxMessageBytes: 1024 });
  d.push(bytes);
  const run = tupleRun();
  assert.equal(d.nextTuples(run), 0);
  assert.throws(
    () => d.next(),
    (e: unknown) => e instanceof SqliProtocolError && e.code === "TOO_LARGE",
  );
});

test("tuple runs: a run stops at the first message that is not a tuple", () => {
  const w = new ByteWriter(64);
  const messages: ServerMessage[] = [
    { kind: "tuple", warnings: 0, data: Uint8Array.of(1, 2) },
    { kind: "tupid", position: 3 },
    { kind: "tuple", warnings: 0, data: Uint8Array.of(3) },
  ];
  for (const m of messages) encodeServerMessage(m, ctx, w);
  const d = new ServerItemDecoder(() => ctx);
  d.push(w.take());
  const run = tupleRun();
  assert.equal(d.nextTuples(run), 1);
  assert.deepEqual(d.next(), { kind: "tupid", position: 3 });
  assert.equal(d.nextTuples(run), 1);
  assert.deepEqual([...tupleAt(run, 1)], [3]);
});
