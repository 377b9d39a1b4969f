// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 7: a fuzzer for both item decoders. Seeds are the message groups of the recorded
// real-client sessions (fixtures/transcripts), both directions, every message family they
// contain. Each case mutates one group (random bytes, bit flips, truncation, field-aware
// lengths/counts/type codes/opcodes, huge lengths, insertions, deletions), feeds it in
// random chunks, and drains the decoder. Every next() must return a message, NEED_MORE_DATA
// or throw SqliProtocolError — never another error, never loop, never take more than a few
// ms. CI runs 30,000 cases; INFORMIX_FUZZ_CASES=1000000 runs the big one.

import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import {
  ByteReader,
  ByteWriter,
  ClientItemDecoder,
  contextFromFeatures,
  encodeServerMessage,
  IDS15_SERVER_FEATURES,
  intersectFeatures,
  isNeedMoreData,
  type ProtocolContext,
  readSlPdu,
  ServerItemDecoder,
  SqliProtocolError,
} from "../../src/index.js";
import { hex } from "../helpers/chunks.js";
import { REPO_ROOT } from "../helpers/fixtures.js";
import { chunk, fuzzCases, fuzzSeed, MUTATIONS, type MutationKind, mutate, Rng } from "../helpers/mutate.js";

interface Seed {
  readonly direction: "client" | "server";
  readonly ctx: ProtocolContext;
  readonly bytes: Uint8Array;
}

type Entry = { readonly dir: "c>s" | "s>c"; readonly hex: string };

/** A small limit, so huge claimed lengths are refused without waiting for 64 MiB. */
const LIMIT = 1 << 20;
const JDBC_PROTOCOLS_OFFER = Uint8Array.of(0xff, 0xfc, 0x7f, 0xfc, 0x3c, 0x8c, 0xaa, 0x97, 0x06);
/** One next() may take this long at most (a hostile offset once took ~8 s per column). */
const MAX_CALL_MS = 50;

function afterLogin(bytes: Uint8Array): Uint8Array {
  const r = new ByteReader();
  r.push(bytes);
  readSlPdu(r);
  return bytes.subarray(bytes.length - r.available);
}

/** Every message group of every accepted session (the turn each peer sent at once). */
function loadSeeds(): Seed[] {
  const dir = join(REPO_ROOT, "fixtures", "transcripts");
  const seeds: Seed[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".json"))) {
    const t = JSON.parse(readFileSync(join(dir, file), "utf8")) as { sessions: Entry[][] };
    for (const session of t.sessions) {
      const turns = session.map((e) => ({ dir: e.dir, bytes: hex(e.hex) }));
      const firstC = turns.findIndex((e) => e.dir === "c>s");
      const firstS = turns.findIndex((e) => e.dir === "s>c");
      if (firstC < 0 || firstS < 0) continue;
      const clientRest = afterLogin(turns[firstC]!.bytes);
      const serverRest = afterLogin(turns[firstS]!.bytes);
      const cp = new ClientItemDecoder(() => contextFromFeatures(new Uint8Array(0)));
      const sp = new ServerItemDecoder(() => contextFromFeatures(new Uint8Array(0)));
      const later = turns.filter((_, i) => i !== firstC && i !== firstS);
      const firstClientTurn = clientRest.length > 0 ? clientRest : later.find((e) => e.dir === "c>s")?.bytes;
      const firstServerTurn = serverRest.length > 0 ? serverRest : later.find((e) => e.dir === "s>c")?.bytes;
      if (!firstClientTurn || !firstServerTurn) continue;
      cp.push(firstClientTurn);
      sp.push(firstServerTurn);
      const offer = cp.next();
      const reply = sp.next();
      if (isNeedMoreData(offer) || isNeedMoreData(reply)) continue;
      if (offer.kind !== "protocols" || reply.kind !== "protocols") continue;
      const ctx = contextFromFeatures(intersectFeatures(offer.features, reply.features));
      for (const e of turns) {
        if (e === turns[firstC] || e === turns[firstS]) continue;
        seeds.push({ direction: e.dir === "c>s" ? "client" : "server", ctx, bytes: e.bytes });
      }
      if (clientRest.length > 0) seeds.push({ direction: "client", ctx, bytes: clientRest });
      if (serverRest.length > 0) seeds.push({ direction: "server", ctx, bytes: serverRest });
    }
  }
  return seeds;
}

interface Outcome {
  readonly kind: "clean" | "need-more" | MutationKind | string;
}

test("issue 7: item decoders survive mutated real sessions (typed error, message or need-more; no stall)", () => {
  const seeds = loadSeeds();
  assert.ok(seeds.length > 50, `seeds from the transcripts (${seeds.length})`);
  const cases = fuzzCases(30_000);
  const seed = fuzzSeed();
  const rng = new Rng(seed);
  const outcomes = new Map<string, number>();
  const count = (k: Outcome["kind"]) => outcomes.set(k, (outcomes.get(k) ?? 0) + 1);
  let maxCallMs = 0;
  let slowest = "";
  let messages = 0;
  const started = performance.now();
  for (let n = 0; n < cases; n++) {
    const s = rng.pick(seeds);
    const kind: MutationKind = n % 10 === 0 ? "none" : rng.pick(MUTATIONS);
    const bytes = mutate(s.bytes, kind, rng);
    const parts = chunk(bytes, rng);
    const run = () => {
      const decoder =
        s.direction === "client"
          ? new ClientItemDecoder(() => s.ctx, { maxMessageBytes: LIMIT })
          : new ServerItemDecoder(() => s.ctx, { maxMessageBytes: LIMIT });
      let failed: string | undefined;
      let decoded = 0;
      let worst = 0;
      feed: for (const part of parts) {
        decoder.push(part);
        for (;;) {
          const t0 = performance.now();
          let m: ReturnType<typeof decoder.next>;
          try {
            m = decoder.next();
          } catch (error) {
            worst = Math.max(worst, performance.now() - t0);
            assert.ok(
              error instanceof SqliProtocolError,
              `case ${n} (seed ${seed}, ${kind}): untyped ${String(error)} ${(error as Error)?.stack ?? ""}`,
            );
            failed = error.code;
            break feed;
          }
          worst = Math.max(worst, performance.now() - t0);
          if (isNeedMoreData(m)) break;
          // Each message consumes at least its 2-byte code, so L bytes hold at most L/2 messages.
          assert.ok(++decoded <= bytes.length / 2, `case ${n}: decoder does not advance`);
        }
      }
      return { failed, decoded, worst, buffered: decoder.buffered };
    };
    let r = run();
    // A slow call on a shared machine may be a GC pause or preemption: time it again.
    if (r.worst >= MAX_CALL_MS) {
      const again = run();
      if (again.worst < r.worst) r = again;
    }
    const failed = r.failed;
    messages += r.decoded;
    if (r.worst > maxCallMs) [maxCallMs, slowest] = [r.worst, `case ${n} ${kind} ${s.direction}`];
    if (kind === "none") assert.equal(failed, undefined, `case ${n}: an unmutated group decodes`);
    count(failed ?? (r.buffered > 0 ? "need-more" : "clean"));
  }
  const seconds = (performance.now() - started) / 1000;
  assert.ok(maxCallMs < MAX_CALL_MS, `slowest next() took ${maxCallMs.toFixed(1)} ms (${slowest})`);
  const figures = {
    cases,
    seed,
    seeds: seeds.length,
    messages,
    outcomes: Object.fromEntries([...outcomes].sort()),
    maxNextMs: Number(maxCallMs.toFixed(2)),
    slowest,
    seconds: Number(seconds.toFixed(1)),
  };
  console.log(`decoder fuzz ${JSON.stringify(figures)}`);
});

test("issue 7: a DESCRIBE with a negative column-name offset is MALFORMED at once", () => {
  const ctx = contextFromFeatures(intersectFeatures(JDBC_PROTOCOLS_OFFER, IDS15_SERVER_FEATURES));
  assert.ok(ctx.fourByteOffset, "IDS 15 with JDBC's offer uses 4-byte name offsets");
  const w = new ByteWriter();
  const field = {
    name: "a",
    startPosition: 0,
    type: 2,
    extendedId: 0,
    extendedOwner: "",
    extendedName: "",
    reference: 0,
    alignment: 0,
    sourceType: 0,
    encodedLength: 4,
  };
  encodeServerMessage(
    { kind: "describe", statementType: 2, statementId: 1, estimatedCost: 0, tupleSize: 4, fields: [field, field] },
    ctx,
    w,
  );
  const bytes = w.take();
  // op, type, id, cost, tuple size, count, name table size: then the first field's name offset.
  const at = 2 + 2 + 2 + 4 + (ctx.largeTuple ? 4 : 2) + 2 + 4;
  new DataView(bytes.buffer).setInt32(at, -0x80000000);
  const d = new ServerItemDecoder(() => ctx);
  d.push(bytes);
  const t0 = performance.now();
  assert.throws(
    () => d.next(),
    (e: unknown) => e instanceof SqliProtocolError && e.code === "MALFORMED",
  );
  assert.ok(performance.now() - t0 < MAX_CALL_MS);
});

test("issue 7: a claimed 2 GB tuple is TOO_LARGE before any of it is buffered", () => {
  const ctx = contextFromFeatures(new Uint8Array(0));
  const d = new ServerItemDecoder(() => ctx, { maxMessageBytes: LIMIT });
  d.push(Uint8Array.of(0x00, 0x0e, 0x00, 0x00, 0x7f, 0xff, 0xff, 0xf0, 1, 2));
  assert.throws(
    () => d.next(),
    (e: unknown) => e instanceof SqliProtocolError && e.code === "TOO_LARGE",
  );
  // Without a claimed length: an item that keeps growing past the limit is refused too.
  const c = new ClientItemDecoder(() => ctx, { maxMessageBytes: 64 });
  c.push(Uint8Array.of(0x00, 0x1a)); // SQ_DBLIST from a server: names until an empty one.
  const s = new ServerItemDecoder(() => ctx, { maxMessageBytes: 64 });
  s.push(Uint8Array.of(0x00, 0x1a));
  let error: unknown;
  for (let i = 0; i < 40 && error === undefined; i++) {
    try {
      s.push(Uint8Array.of(0x00, 0x02, 0x61, 0x62));
      s.next();
    } catch (e) {
      error = e;
    }
  }
  assert.ok(error instanceof SqliProtocolError && error.code === "TOO_LARGE", String(error));
});

test("issue 7: a short item is not decoded again until the bytes it needs arrived", () => {
  const ctx = contextFromFeatures(new Uint8Array(0));
  const d = new ServerItemDecoder(() => ctx);
  const size = 100_000;
  d.push(
    Uint8Array.of(0x00, 0x0e, 0x00, 0x00, (size >>> 24) & 255, (size >>> 16) & 255, (size >>> 8) & 255, size & 255),
  );
  assert.ok(isNeedMoreData(d.next()));
  for (let i = 0; i < size / 1000 - 1; i++) {
    d.push(new Uint8Array(1000));
    assert.ok(isNeedMoreData(d.next()));
  }
  d.push(new Uint8Array(1000));
  const m = d.next();
  assert.ok(!isNeedMoreData(m) && m.kind === "tuple" && m.data.length === size);
});
