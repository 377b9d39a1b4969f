// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 9 item 2: the client side of SQ_FILE (98), from bytes. The server item decoder
// yields each request and then the SQ_EOT that ends it, at every chunk split; the client's
// answers encode byte for byte. Provenance: the request and answer layouts informix-driver
// reads and writes (`cursors.py` _handle_sq_file, _send_sqfile_read_response); the refusal
// (total -1) is synthetic [inferred], see docs/protocol/smart-lobs.md §2.

import assert from "node:assert/strict";
import { test } from "node:test";
import {
  ByteWriter,
  ClientItemDecoder,
  type ClientMessage,
  contextFromFeatures,
  encodeClientGroup,
  FILE_TRANSFER_FAILED,
  latin1,
  ServerItemDecoder,
} from "../../src/index.js";
import { decodeAllSplits, hex } from "../helpers/chunks.js";

const ctx = contextFromFeatures(new Uint8Array(0), latin1);
const toHex = (b: Uint8Array) => Buffer.from(b).toString("hex");

test("issue 9: the server decoder yields SQ_FILE open, read, write and close, each followed by SQ_EOT", () => {
  const bytes = hex(`
    00 62 00 00  00 05 6f 2e 62 69 6e 00   # open: op 0, char "o.bin" (5 bytes + pad)
    00 00 02 41  00 00 00 00  00 00 00 00  #   mode 0x241, flags 0, offset 0
    00 0c                                  # SQ_EOT
    00 62 00 02  10 00  00 01 00 00  00 0c # read: op 2, buffer 4096, amount 65536; SQ_EOT
    00 62 00 03                            # write: op 3
    00 6b 00 03  01 02 03 00               #   SQ_FILE_WRITE chunk of 3 (+ pad)
    00 6b 00 02  04 05                     #   SQ_FILE_WRITE chunk of 2
    00 0c                                  # SQ_EOT ends the chunks and the request
    00 62 00 01  00 0c                     # close: op 1; SQ_EOT
  `);
  const items = decodeAllSplits(bytes, () => new ServerItemDecoder(() => ctx));
  assert.deepEqual(items, [
    { kind: "sqfile", op: "open", name: latin1.encode("o.bin"), mode: 0x241, flags: 0, offset: 0 },
    { kind: "eot" },
    { kind: "sqfile", op: "read", bufferSize: 4096, amount: 65536 },
    { kind: "eot" },
    { kind: "sqfile", op: "write", chunks: [Uint8Array.of(1, 2, 3), Uint8Array.of(4, 5)] },
    { kind: "eot" },
    { kind: "sqfile", op: "close" },
    { kind: "eot" },
  ]);
});

test("issue 9: an SQ_FILE with an unknown operation is a typed protocol error, not a hang", () => {
  const d = new ServerItemDecoder(() => ctx);
  d.push(hex("00 62 00 07 00 0c"));
  assert.throws(() => d.next(), { name: "SqliProtocolError", code: "MALFORMED" });
});

const answer = (messages: ClientMessage[]) => toHex(encodeClientGroup(messages, ctx, new ByteWriter()));

test("issue 9: the client's answers, byte for byte", () => {
  // open and close: a bare SQ_EOT.
  assert.equal(answer([]), "000c");
  // write: SQ_FILE_WRITE, i32 bytes written, SQ_EOT.
  assert.equal(answer([{ kind: "filewrite", total: 5 }]), "006b00000005000c");
  // read: SQ_FILE_READ, i32 total, chunks (SQ_FILE_READ, len, bytes, pad), SQ_EOT.
  assert.equal(
    answer([{ kind: "fileread", chunks: [Uint8Array.of(1, 2, 3), Uint8Array.of(4, 5)] }]),
    "006a00000005" + "006a0003010203" + "00" + "006a00020405" + "000c",
  );
  // the end of the file: total 0, no chunk.
  assert.equal(answer([{ kind: "fileread", chunks: [] }]), "006a00000000000c");
  // refused (no such client file): total -1, no chunk.
  assert.equal(answer([{ kind: "fileread", chunks: [], failed: true }]), "006affffffff000c");
  assert.equal(answer([{ kind: "filewrite", total: FILE_TRANSFER_FAILED }]), "006bffffffff000c");
});

test("issue 9: the server side reads a refused read apart from an empty file, at every split", () => {
  const decode = (h: string) => decodeAllSplits(hex(h), () => new ClientItemDecoder(() => ctx));
  assert.deepEqual(decode("006affffffff000c"), [{ kind: "fileread", chunks: [], failed: true }, { kind: "eot" }]);
  assert.deepEqual(decode("006a00000000000c"), [{ kind: "fileread", chunks: [] }, { kind: "eot" }]);
  assert.deepEqual(decode("006bffffffff000c"), [{ kind: "filewrite", total: -1 }, { kind: "eot" }]);
});
