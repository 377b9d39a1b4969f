// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Micro benchmark: the client's per-row work on a fetch reply, without a socket. A reply of
// 1,000 SQ_TUPLEs of the replay benchmark's row (INTEGER, VARCHAR(40), DECIMAL(10,2):
// `i, "name i", "i.25"`) then DONE, COST, EOT is pushed into a ServerItemDecoder, read the
// way the driver's fetch does (nextTuples() into a tuple run, the rest with next()), and
// every row is built as an object by the driver's RowDecoder. CPU time per row (best of 15
// rounds of 200 replies, after a warm-up), so other jobs on the machine count less.
// The driver's RowDecoder is not exported: this imports it from the driver's dist.
// Usage: node bench/micro/fetch-reply.mjs [--root=<checkout>] (to compare another build)

const arg = (name, fallback) => {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? hit.split("=")[1] : fallback;
};
const root = arg("root", new URL("../..", import.meta.url).pathname);
const P = await import(`${root}/packages/protocol/dist/src/index.js`);
const { RowDecoder } = await import(`${root}/packages/driver/dist/src/result/row-decoder.js`);
const T = P.typeCodes;

const fields = [
  { name: "id", type: T.SQLINT, encodedLength: 4 },
  { name: "name", type: T.SQLVCHAR, encodedLength: 40 },
  { name: "amount", type: T.SQLDECIMAL, encodedLength: P.decimalEncodedLength(10, 2) },
];
const layout = P.compileRowLayout(fields, P.latin1);
const ctx = P.contextFromFeatures(P.intersectFeatures(P.JDBC_CLIENT_FEATURES, P.IDS15_SERVER_FEATURES));
const ROWS = 1000;
const w = new P.ByteWriter(1 << 16);
const row = new P.ByteWriter(256);
for (let i = 1; i <= ROWS; i++) {
  layout.encodeRow([i, `name ${i}`, `${i}.25`], row);
  P.encodeServerMessage({ kind: "tuple", warnings: 0, data: row.take() }, ctx, w);
}
P.encodeServerMessage({ kind: "done", warnings: 0, rows: ROWS, rowId: 0, serial: 0 }, ctx, w);
P.encodeServerMessage({ kind: "cost", estimatedRows: ROWS, estimatedCost: 1 }, ctx, w);
P.encodeServerMessage({ kind: "eot" }, ctx, w);
const reply = w.take();
const columns = fields.map((f) => ({ name: f.name, type: "column" }));
const decoder = new RowDecoder(layout, fields, columns, { rowMode: "object", types: {}, raw: false });

function readReply() {
  const d = new P.ServerItemDecoder(() => ctx);
  d.push(reply);
  // Builds without tuple runs (before 2026-12-06) decode every tuple as a message.
  const run = typeof P.tupleRun === "function" ? P.tupleRun() : undefined;
  const rows = [];
  for (;;) {
    if (run !== undefined) d.nextTuples(run);
    const m = d.next();
    if (m.kind === "eot") break;
    if (m.kind === "tuple") rows.push(decoder.decode(m.data));
  }
  if (run !== undefined) for (let i = 0; i < run.starts.length; i++) rows.push(decoder.decodeAt(run, i));
  if (rows.length !== ROWS) throw new Error(`${rows.length} rows`);
  return rows;
}

for (let i = 0; i < 2000; i++) readReply();
let best = Number.POSITIVE_INFINITY;
for (let round = 0; round < 15; round++) {
  const cpu = process.cpuUsage();
  for (let i = 0; i < 200; i++) readReply();
  const used = process.cpuUsage(cpu);
  best = Math.min(best, ((used.user + used.system) * 1000) / (200 * ROWS));
}
console.log(JSON.stringify({ bench: "fetch-reply", rows: ROWS, bytes: reply.length, cpuNsPerRow: Math.round(best) }));
