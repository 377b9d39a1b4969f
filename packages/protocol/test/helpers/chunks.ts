// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Feeds bytes to a resumable decoder at every split point and in 1-byte chunks, so
// every test proves that chunking does not change what is decoded (STYLE R14).

import assert from "node:assert/strict";
import { isNeedMoreData, type NeedMoreData } from "../../src/index.js";

export interface Decoder<M> {
  push(chunk: Uint8Array): void;
  next(): M | NeedMoreData;
  readonly buffered?: number;
}

export function drain<M>(decoder: Decoder<M>): M[] {
  const out: M[] = [];
  for (;;) {
    const m = decoder.next();
    if (isNeedMoreData(m)) return out;
    out.push(m);
  }
}

/** Decodes `bytes` whole, split at every offset, and byte by byte; asserts identical results. */
export function decodeAllSplits<M>(bytes: Uint8Array, make: () => Decoder<M>): M[] {
  const whole = make();
  whole.push(bytes);
  const expected = drain(whole);
  for (let cut = 1; cut < bytes.length; cut++) {
    const d = make();
    d.push(bytes.slice(0, cut));
    const got = drain(d);
    d.push(bytes.slice(cut));
    got.push(...drain(d));
    assert.deepEqual(got, expected, `split at ${cut}`);
  }
  const single = make();
  const got: M[] = [];
  for (const b of bytes) {
    single.push(Uint8Array.of(b));
    got.push(...drain(single));
  }
  assert.deepEqual(got, expected, "1-byte chunks");
  return expected;
}

export function hex(text: string): Uint8Array {
  const clean = text.replace(/#.*$/gm, "").replace(/[^0-9a-fA-F]/g, "");
  return Uint8Array.from(clean.match(/../g) ?? [], (h) => Number.parseInt(h, 16));
}

export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("hex");
}
