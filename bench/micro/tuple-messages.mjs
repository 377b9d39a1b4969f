// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Micro benchmark: the ServerItemDecoder over a stream of SQ_TUPLE messages (rows of 40 to
// 120 bytes, then SQ_DONE and SQ_EOT per batch of 100), fed whole, in 64 KiB chunks and in
// 64-byte chunks. It measures the message layer the issue 7 hardening touched (length
// checks, per-message size limit, no re-decoding of a short item). Prints one JSON line.
// Usage: node [--expose-gc] bench/micro/tuple-messages.mjs [--seconds=2] [--protocol=<dist/src/index.js>]

const arg = (name, fallback) => {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? hit.split("=")[1] : fallback;
};
const seconds = Number(arg("seconds", 2));
const P = await import(arg("protocol", new URL("../../packages/protocol/dist/src/index.js", import.meta.url).href));

const ctx = P.contextFromFeatures(P.intersectFeatures(P.JDBC_CLIENT_FEATURES, P.IDS15_SERVER_FEATURES));
const w = new P.ByteWriter(1 << 20);
const ROWS = 10_000;
for (let i = 0; i < ROWS; i++) {
  const data = new Uint8Array(40 + (i % 81)).fill(i & 0xff);
  P.encodeServerMessage({ kind: "tuple", warnings: 0, data }, ctx, w);
  if (i % 100 === 99) {
    P.encodeServerMessage({ kind: "done", warnings: 0, rows: 100, rowId: 0, serial: 0 }, ctx, w);
    P.encodeServerMessage({ kind: "eot" }, ctx, w);
  }
}
const stream = w.take();

function run(chunkSize) {
  const d = new P.ServerItemDecoder(() => ctx);
  let tuples = 0;
  for (let at = 0; at < stream.length; at += chunkSize) {
    d.push(stream.subarray(at, Math.min(stream.length, at + chunkSize)));
    for (;;) {
      const m = d.next();
      if (P.isNeedMoreData(m)) break;
      if (m.kind === "tuple") tuples++;
    }
  }
  if (tuples !== ROWS) throw new Error(`decoded ${tuples} tuples`);
}

const results = {};
for (const [name, size] of [
  ["whole", stream.length],
  ["64KiB", 65536],
  ["64B", 64],
]) {
  for (let i = 0; i < 20; i++) run(size);
  let rounds = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < seconds * 1000) {
    run(size);
    rounds++;
  }
  const ms = performance.now() - t0;
  results[name] = {
    tuplesPerSec: Math.round((rounds * ROWS) / (ms / 1000)),
    nsPerTuple: Math.round((ms * 1e6) / (rounds * ROWS)),
  };
}
console.log(JSON.stringify({ bench: "tuple-messages", bytes: stream.length, rows: ROWS, ...results }));
