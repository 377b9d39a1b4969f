// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// SQ_INFO (81), client -> server after SQ_PROTOCOLS: a list of typed items ended by
// an item of type 0. JDBC sends one INFO_ENV (6) item:
//
//   00 51
//   00 06  i16 len                  item type 6, length of what follows up to and
//                                   including the pair-list terminator
//   i16 maxName  i16 maxValue       longest padded name / value
//   { char name, char value }*      char = i16 len, bytes, pad to even
//   00 00                           pair-list terminator
//   00 00                           item-list terminator
// The server answers with a bare SQ_EOT.

import { SQ_EOT, SQ_INFO } from "../constants/opcodes.js";
import type { ByteReader } from "../io/byte-reader.js";
import type { ByteWriter } from "../io/byte-writer.js";
import { latin1 } from "../text/code-pages.js";

export const INFO_DONE = 0;
export const INFO_ENV = 6;

export interface InfoMessage {
  readonly kind: "info";
  readonly env: ReadonlyArray<readonly [string, string]>;
}

const padded = (n: number) => n + (n & 1);

export function encodeInfo(msg: InfoMessage, w: ByteWriter): void {
  const pairs = msg.env.map(([k, v]) => [latin1.encode(k), latin1.encode(v)] as const);
  let maxName = 0;
  let maxValue = 0;
  let sum = 0;
  for (const [k, v] of pairs) {
    maxName = Math.max(maxName, padded(k.length));
    maxValue = Math.max(maxValue, padded(v.length));
    sum += 2 + padded(k.length) + 2 + padded(v.length);
  }
  w.u16(SQ_INFO)
    .u16(INFO_ENV)
    .u16(sum + 6)
    .u16(maxName)
    .u16(maxValue);
  for (const [k, v] of pairs) w.char(k).char(v);
  w.u16(0).u16(INFO_DONE);
}

/** Reads the body after the opcode; tolerates the variant whose length also counts the list terminator. */
export function decodeInfo(r: ByteReader): InfoMessage {
  const env: Array<readonly [string, string]> = [];
  for (;;) {
    const type = r.peekI16();
    if (type === SQ_EOT) break; // the item terminator was already inside the last item's length
    r.i16();
    if (type === INFO_DONE) break;
    const length = r.u16();
    if (type !== INFO_ENV) {
      r.skip(padded(length));
      continue;
    }
    r.u16();
    r.u16();
    for (;;) {
      const name = r.char();
      if (name.length === 0) break;
      env.push([latin1.decode(name), latin1.decode(r.char())]);
    }
  }
  return { kind: "info", env };
}
