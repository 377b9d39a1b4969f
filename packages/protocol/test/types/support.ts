// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Helpers of the type codec tests: hex conversion, tuple encode/decode of one value, bind
// round trips through a real ByteReader (re-fed at every split, STYLE R14).

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { ByteReader } from "../../src/io/byte-reader.js";
import { ByteWriter } from "../../src/io/byte-writer.js";
import { isNeedMoreData } from "../../src/io/need-more-data.js";
import type { TextCodec } from "../../src/text/code-pages.js";
import type { BindSlot, ColumnType, TypeCodec } from "../../src/types/codec.js";

export function fromHex(text: string): Uint8Array {
  const clean = text.replace(/[^0-9a-f]/gi, "");
  return Uint8Array.from(clean.match(/../g) ?? [], (b) => Number.parseInt(b, 16));
}

export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Tuple bytes of one value. */
export function encodeValue<T>(codec: TypeCodec<T>, value: T | null, column: ColumnType, text?: TextCodec): string {
  const w = new ByteWriter(8);
  codec.encode(value, column, w, text);
  const bytes = w.take();
  assert.equal(bytes.length, codec.tupleSize(column, bytes, 0), "encoded length equals tupleSize");
  return toHex(bytes);
}

/** Decodes one value from tuple bytes, at offset 0 and again at an odd offset inside a larger buffer. */
export function decodeValue<T>(codec: TypeCodec<T>, hex: string, column: ColumnType, text?: TextCodec): T | null {
  const bytes = fromHex(hex);
  const size = codec.tupleSize(column, bytes, 0);
  assert.equal(size, bytes.length, "tupleSize equals the fixture length");
  const first = codec.decode(bytes, new DataView(bytes.buffer), 0, size, column, text);
  const shifted = new Uint8Array(bytes.length + 3);
  shifted.set(bytes, 3);
  const again = codec.decode(shifted, new DataView(shifted.buffer), 3, size, column, text);
  assert.deepEqual(again, first, "decoding does not depend on the offset");
  return first;
}

/** encodeBind → readBind (whole and at every split) → decodeBind; returns the decoded value and payload hex. */
export function bindRoundTrip<T>(
  codec: TypeCodec<T>,
  value: T,
  column?: ColumnType,
  text?: TextCodec,
): { slot: BindSlot; value: T; hex: string } {
  const slot = codec.bindSlot(value, column, text);
  const w = new ByteWriter(8);
  codec.encodeBind(value, slot, w, text);
  const bytes = w.take();
  assert.equal(bytes.length % 2, 0, "bind payload is padded to even");
  for (let cut = 0; cut < bytes.length; cut++) {
    const reader = new ByteReader();
    reader.push(bytes.slice(0, cut));
    reader.mark();
    try {
      codec.readBind(reader, slot);
      assert.fail(`readBind completed on ${cut} of ${bytes.length} bytes`);
    } catch (e) {
      if (!isNeedMoreData(e)) throw e;
    }
    reader.rewind();
    reader.push(bytes.slice(cut));
    const payload = codec.readBind(reader, slot);
    assert.equal(reader.available, 0, "readBind consumed the pad");
    assert.deepEqual(
      codec.decodeBind(payload, slot, text),
      codec.decodeBind(codec.readBind(wholeReader(bytes), slot), slot, text),
    );
  }
  const payload = codec.readBind(wholeReader(bytes), slot);
  return { slot, value: codec.decodeBind(payload, slot, text), hex: toHex(bytes) };
}

function wholeReader(bytes: Uint8Array): ByteReader {
  const r = new ByteReader();
  r.push(bytes.slice());
  return r;
}

/** One `kind: "value"` entry of test/fixtures/real-server-values.json. */
export interface ValueFixture {
  readonly id: string;
  readonly type: string;
  readonly qualifier_encoded?: number;
  readonly sql_type?: string;
  readonly encoded_length?: string;
  readonly floating_scale?: boolean;
  readonly value: string | null;
  readonly is_null: boolean;
  readonly hex: string;
  readonly tuple_hex?: string;
  readonly direction: string;
  readonly evidence: string;
}

export function loadValueFixtures(): ValueFixture[] {
  const url = new URL("../../../test/fixtures/real-server-values.json", import.meta.url);
  return JSON.parse(readFileSync(url, "utf8")) as ValueFixture[];
}
