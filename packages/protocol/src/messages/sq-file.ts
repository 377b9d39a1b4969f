// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// SQ_FILE (98), server -> client: the server uses the client's file system, for
// LOTOFILE(col, name, 'client'), FILETOBLOB(name, 'client') and FILETOCLOB. It arrives
// in the middle of a reply (during SQ_EXECUTE or an SQ_NFETCH), each request ends with
// SQ_EOT, and the server waits for the client's answer before it goes on
// [py `cursors.py` _handle_sq_file; the order below is what informix-driver expects]:
//
//   open   00 62  i16 0  char file name  i32 mode  i32 flags  i32 offset     → client: SQ_EOT
//   read   00 62  i16 2  u16 buffer size  i32 amount (-1: all)               → client: SQ_FILE_READ
//   write  00 62  i16 3  { 00 6b  i16 length  bytes, pad to even }*           → client: SQ_FILE_WRITE
//   close  00 62  i16 1                                                       → client: SQ_EOT
//
// The client's answers are in file-transfer.ts. A read answer carries at most `amount`
// bytes, in chunks of at most `buffer size`; fewer than asked means the end of the file.

import { SQ_FILE, SQ_FILE_WRITE } from "../constants/opcodes.js";
import type { ByteReader } from "../io/byte-reader.js";
import type { ByteWriter } from "../io/byte-writer.js";

export const SQFILE_OPEN = 0;
export const SQFILE_CLOSE = 1;
export const SQFILE_READ = 2;
export const SQFILE_WRITE = 3;
/** The largest write chunk: its length is an i16. */
export const MAX_SQFILE_CHUNK = 0x7fff;

export type SqFileMessage =
  | {
      readonly kind: "sqfile";
      readonly op: "open";
      readonly name: Uint8Array;
      readonly mode: number;
      readonly flags: number;
      readonly offset: number;
    }
  | { readonly kind: "sqfile"; readonly op: "read"; readonly bufferSize: number; readonly amount: number }
  | { readonly kind: "sqfile"; readonly op: "write"; readonly chunks: readonly Uint8Array[] }
  | { readonly kind: "sqfile"; readonly op: "close" };

export function encodeSqFile(msg: SqFileMessage, w: ByteWriter): void {
  w.u16(SQ_FILE);
  switch (msg.op) {
    case "open":
      w.i16(SQFILE_OPEN).char(msg.name).i32(msg.mode).i32(msg.flags).i32(msg.offset);
      return;
    case "read":
      w.i16(SQFILE_READ).u16(msg.bufferSize).i32(msg.amount);
      return;
    case "write":
      w.i16(SQFILE_WRITE);
      for (const c of msg.chunks) {
        if (c.length > MAX_SQFILE_CHUNK) throw new RangeError(`SQ_FILE write chunk of ${c.length} bytes`);
        w.u16(SQ_FILE_WRITE).i16(c.length).bytes(c).padTo2(c.length);
      }
      return;
    case "close":
      w.i16(SQFILE_CLOSE);
  }
}

/**
 * Decodes an SQ_FILE request after its opcode. A write request's chunks run up to the
 * SQ_EOT that ends it; the SQ_EOT is left for the caller.
 */
export function decodeSqFile(r: ByteReader): SqFileMessage {
  const op = r.i16();
  switch (op) {
    case SQFILE_OPEN: {
      const name = r.char().slice();
      const mode = r.i32();
      const flags = r.i32();
      return { kind: "sqfile", op: "open", name, mode, flags, offset: r.i32() };
    }
    case SQFILE_READ: {
      const bufferSize = r.u16();
      return { kind: "sqfile", op: "read", bufferSize, amount: r.i32() };
    }
    case SQFILE_WRITE: {
      const chunks: Uint8Array[] = [];
      while ((r.peekI16() & 0xffff) === SQ_FILE_WRITE) {
        r.u16();
        const n = r.i16();
        if (n < 0) throw new RangeError(`SQ_FILE write chunk of ${n} bytes`);
        chunks.push(r.bytes(n).slice());
        r.padTo2(n);
      }
      return { kind: "sqfile", op: "write", chunks };
    }
    case SQFILE_CLOSE:
      return { kind: "sqfile", op: "close" };
    default:
      throw new RangeError(`SQ_FILE operation ${op}`);
  }
}
