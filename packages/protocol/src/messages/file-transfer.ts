// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Client file and smart-LOB transfer, client -> server [py `cursors.py`, `_messages.py`]:
//
// SQ_FILE_READ (106)   i32 total, then chunks `00 6a` i16 len, bytes, pad to even, until
//                      `total` bytes are sent (the answer to a server SQ_FILE read request);
//                      total -1 and no chunks: the client cannot read that file [inferred]
// SQ_FILE_WRITE (107)  i32 total bytes the client wrote (the answer to a server write);
//                      -1: the client cannot write that file [inferred]
// SQ_LODATA (97)       i16 sub-command (0 read, 1 read with seek, 2 write), i16 LO fd,
//                      i32 length, i16 buffer size; read with seek adds i64 offset, i16 whence;
//                      write is followed by the data: chunks i16 len, bytes, pad to even, until
//                      `length` bytes are sent [IBM JDBC setBytes on a BLOB, loopback capture]
//
// And server -> client:
// SQ_LODATA (97)       i16 sub-command (2: write), i32 bytes written: the answer to LO_WRITE before
//                      SQ_EOT (IBM JDBC's setBlob(InputStream) checks the count: "Write Fault"
//                      otherwise; a 6-byte body is what JDBC reads) [jdbc: accepted, not from IDS]
//
// The chunks of FILE_READ repeat the opcode, so the whole transfer is decoded as one
// message: `total` bounds it. The emulator has no client files or smart LOBs and
// answers SQ_ERR.

import { SQ_FILE_READ, SQ_FILE_WRITE, SQ_LODATA } from "../constants/opcodes.js";
import type { ByteReader } from "../io/byte-reader.js";
import type { ByteWriter } from "../io/byte-writer.js";

export const LO_READWITHSEEK = 1;
export const LO_WRITE = 2;

export interface FileReadMessage {
  readonly kind: "fileread";
  readonly chunks: readonly Uint8Array[];
  /** The client refused the read (no such client file): total -1 on the wire, no chunks. */
  readonly failed?: true;
}

/** SQ_FILE_READ / SQ_FILE_WRITE total of a client that cannot read or write the file [inferred: read(2)'s -1]. */
export const FILE_TRANSFER_FAILED = -1;

export interface FileWriteMessage {
  readonly kind: "filewrite";
  readonly total: number;
}

export interface LoDataMessage {
  readonly kind: "lodata";
  readonly subCommand: number;
  readonly loFd: number;
  readonly length: number;
  readonly bufferSize: number;
  readonly offset?: bigint;
  readonly whence?: number;
  /** LO_WRITE: the data, in the chunks it travelled in. */
  readonly chunks?: readonly Uint8Array[];
}

/** The server's answer to an SQ_LODATA write: the bytes it wrote. */
export interface LoDataReplyMessage {
  readonly kind: "lodatareply";
  readonly subCommand: number;
  readonly length: number;
}

export function encodeLoDataReply(msg: LoDataReplyMessage, w: ByteWriter): void {
  w.u16(SQ_LODATA).i16(msg.subCommand).i32(msg.length);
}

export function decodeLoDataReply(r: ByteReader): LoDataReplyMessage {
  const subCommand = r.i16();
  return { kind: "lodatareply", subCommand, length: r.i32() };
}

export function encodeFileRead(msg: FileReadMessage, w: ByteWriter): void {
  if (msg.failed) {
    w.u16(SQ_FILE_READ).i32(FILE_TRANSFER_FAILED);
    return;
  }
  w.u16(SQ_FILE_READ).i32(msg.chunks.reduce((n, c) => n + c.length, 0));
  for (const c of msg.chunks) w.u16(SQ_FILE_READ).u16(c.length).bytes(c).padTo2(c.length);
}

export function decodeFileRead(r: ByteReader): FileReadMessage {
  let left = r.i32();
  if (left < 0) return { kind: "fileread", chunks: [], failed: true };
  const chunks: Uint8Array[] = [];
  while (left > 0) {
    if (r.u16() !== SQ_FILE_READ) throw new RangeError("SQ_FILE_READ chunk expected");
    const n = r.u16();
    if (n === 0 || n > left) throw new RangeError(`SQ_FILE_READ chunk of ${n} bytes with ${left} left`);
    chunks.push(r.bytes(n).slice());
    r.padTo2(n);
    left -= n;
  }
  return { kind: "fileread", chunks };
}

export function encodeFileWrite(msg: FileWriteMessage, w: ByteWriter): void {
  w.u16(SQ_FILE_WRITE).i32(msg.total);
}

export function decodeFileWrite(r: ByteReader): FileWriteMessage {
  return { kind: "filewrite", total: r.i32() };
}

export function encodeLoData(msg: LoDataMessage, w: ByteWriter): void {
  w.u16(SQ_LODATA).i16(msg.subCommand).i16(msg.loFd).i32(msg.length).i16(msg.bufferSize);
  if (msg.subCommand === LO_READWITHSEEK) w.i64(msg.offset ?? 0n).i16(msg.whence ?? 0);
  if (msg.subCommand === LO_WRITE) for (const c of msg.chunks ?? []) w.u16(c.length).bytes(c).padTo2(c.length);
}

export function decodeLoData(r: ByteReader): LoDataMessage {
  const subCommand = r.i16();
  const loFd = r.i16();
  const length = r.i32();
  const bufferSize = r.i16();
  const base = { kind: "lodata", subCommand, loFd, length, bufferSize } as const;
  if (subCommand === LO_WRITE) {
    if (length < 0) throw new RangeError(`SQ_LODATA write of ${length} bytes`);
    const chunks: Uint8Array[] = [];
    for (let left = length; left > 0; ) {
      const n = r.u16();
      if (n === 0 || n > left) throw new RangeError(`SQ_LODATA chunk of ${n} bytes with ${left} left`);
      chunks.push(r.bytes(n).slice());
      r.padTo2(n);
      left -= n;
    }
    return { ...base, chunks };
  }
  if (subCommand !== LO_READWITHSEEK) return base;
  const offset = r.i64();
  return { ...base, offset, whence: r.i16() };
}
