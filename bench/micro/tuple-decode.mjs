// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Micro benchmark: decode SQ_TUPLE bodies of a 5-column mixed row
// (INTEGER, VARCHAR(20), DECIMAL(10,2), DATE, DATETIME YEAR TO SECOND) with compileRowLayout.
// 10k rows are encoded once with encodeRow into one buffer (as a fetch batch would sit in the
// reader), then decoded repeatedly for ~2 s. Prints one JSON line.
// Usage: node [--expose-gc] bench/micro/tuple-decode.mjs [--seconds=2] [--rows=10000]

import { PerformanceObserver } from "node:perf_hooks";
import {
  ByteWriter,
  compileRowLayout,
  datetimeQualifier,
  decimalEncodedLength,
  InformixDate,
  InformixDateTime,
  latin1,
  typeCodes,
} from "../../packages/protocol/dist/src/index.js";

const arg = (name, fallback) => {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? Number(hit.split("=")[1]) : fallback;
};
const seconds = arg("seconds", 2);
const rowCount = arg("rows", 10_000);

const columns = [
  { type: typeCodes.SQLINT, encodedLength: 4 },
  { type: typeCodes.SQLVCHAR, encodedLength: 20 },
  { type: typeCodes.SQLDECIMAL, encodedLength: decimalEncodedLength(10, 2) },
  { type: typeCodes.SQLDATE, encodedLength: 4 },
  { type: typeCodes.SQLDTIME, encodedLength: datetimeQualifier(typeCodes.TU_YEAR, typeCodes.TU_SECOND) },
];
const layout = compileRowLayout(columns, latin1);

// Build the batch: every row differs, some values are NULL, names vary in length.
const writer = new ByteWriter(1 << 20);
const bounds = [];
for (let i = 0; i < rowCount; i++) {
  const start = writer.length;
  const second = i % 60;
  layout.encodeRow(
    [
      i % 97 === 0 ? null : i * 7919 - 1_000_000,
      i % 89 === 0 ? null : `customer-${i}`.slice(0, 5 + (i % 15)),
      i % 83 === 0 ? null : `${(i * 37) % 100000}.${String(i % 100).padStart(2, "0")}`,
      i % 79 === 0 ? null : InformixDate.fromDays(40000 + (i % 10000)),
      i % 73 === 0
        ? null
        : InformixDateTime.of(columns[4].encodedLength, {
            year: 2000 + (i % 26),
            month: 1 + (i % 12),
            day: 1 + (i % 28),
            hour: i % 24,
            minute: i % 60,
            second,
          }),
    ],
    writer,
  );
  bounds.push(start, writer.length);
}
const batch = writer.take();
const rows = [];
for (let i = 0; i < bounds.length; i += 2) rows.push(batch.subarray(bounds[i], bounds[i + 1]));

// Sanity: the first row decodes to what was encoded.
const first = layout.decodeRow(rows[1]);
if (first[0] !== 7919 - 1_000_000 || first[1] !== "custom") throw new Error(`bad decode ${JSON.stringify(first)}`);

function pass() {
  let sink = 0;
  for (let i = 0; i < rows.length; i++) sink += layout.decodeRow(rows[i]).length;
  return sink;
}

for (let i = 0; i < 50; i++) pass(); // warm up
globalThis.gc?.();
// GC pauses during the timed loop, by kind (minor = scavenge, major = mark-compact).
const GC_KINDS = { 1: "minor", 2: "major", 4: "incremental", 8: "weakcb" };
const gcStats = { count: 0, totalMs: 0, byKind: {} };
const gcObserver = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const kind = GC_KINDS[entry.detail?.kind] ?? String(entry.detail?.kind);
    gcStats.count++;
    gcStats.totalMs += entry.duration;
    gcStats.byKind[kind] = (gcStats.byKind[kind] ?? 0) + 1;
  }
});
gcObserver.observe({ entryTypes: ["gc"] });
const before = process.memoryUsage();
const started = process.hrtime.bigint();
const deadline = started + BigInt(Math.round(seconds * 1e9));
let decoded = 0;
let now = started;
while (now < deadline) {
  pass();
  decoded += rows.length;
  now = process.hrtime.bigint();
}
const elapsedSec = Number(now - started) / 1e9;
const after = process.memoryUsage();
await new Promise((resolve) => setTimeout(resolve, 100)); // GC entries are delivered asynchronously
gcObserver.disconnect();

console.log(
  JSON.stringify({
    bench: "tuple-decode",
    columns: "INTEGER, VARCHAR(20), DECIMAL(10,2), DATE, DATETIME YEAR TO SECOND",
    rows: rowCount,
    batchBytes: batch.length,
    rowsPerSec: Math.round(decoded / elapsedSec),
    nsPerRow: Number(((elapsedSec * 1e9) / decoded).toFixed(1)),
    elapsedSec: Number(elapsedSec.toFixed(3)),
    node: process.version,
    gcExposed: typeof globalThis.gc === "function",
    gc: { count: gcStats.count, totalMs: Number(gcStats.totalMs.toFixed(1)), byKind: gcStats.byKind },
    memory: {
      heapUsedBefore: before.heapUsed,
      heapUsedAfter: after.heapUsed,
      rssAfter: after.rss,
    },
  }),
);
