// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// A big-endian reader over bytes that arrive in chunks. Readers throw NEED_MORE_DATA
// when the bytes are not there yet; the item decoder catches it in one place, rewinds
// to the mark it set at the start of the item, and asks for more input.
//
// Bytes handed out by `bytes()` are views into the internal buffer. The buffer is only
// ever appended to past its end or replaced by a fresh copy, never overwritten, so
// views stay valid after later pushes.
//
// Every length read from the wire is checked before use (R3 and issue 7): a negative or
// non-integer length is malformed, and a length above `maxItemBytes` is refused at once,
// before any byte of it is buffered, so a peer's claim never decides what we allocate.
// After a short read the reader remembers how many bytes the item needs at least
// (`wanted`), so the item decoder skips re-decoding until that many have arrived: a large
// item arriving in many chunks costs one pass, not one pass per chunk.

import { SqliProtocolError } from "../errors.js";
import { NEED_MORE_DATA } from "./need-more-data.js";

const EMPTY = new Uint8Array(0);
/** The view of an empty reader: zero bytes, nothing to share. A reader is made per bound value, so it is not made anew. */
const EMPTY_VIEW = new DataView(EMPTY.buffer);

export class ByteReader {
  private buf: Uint8Array = EMPTY;
  private view: DataView = EMPTY_VIEW;
  private pos = 0;
  private end = 0;
  private markPos = 0;
  /** Total bytes consumed since creation, for error offsets in traces. */
  private consumedBefore = 0;
  /** Bytes from the mark the current item needs at least (set by a short read). */
  private wantedFromMark = 0;

  /** @param maxItemBytes the largest single field or item accepted (bytes). */
  constructor(readonly maxItemBytes: number = Number.MAX_SAFE_INTEGER) {}

  /** Appends a chunk. The chunk is copied unless the reader was empty. */
  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    if (this.pos === this.end && this.markPos === this.pos) {
      this.consumedBefore += this.pos;
      this.buf = chunk;
      this.view = new DataView(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      this.pos = 0;
      this.markPos = 0;
      this.end = chunk.length;
      this.ownsTail = false;
      return;
    }
    const keepFrom = Math.min(this.markPos, this.pos);
    const live = this.end - keepFrom;
    if (this.ownsTail && this.end + chunk.length <= this.buf.length) {
      this.buf.set(chunk, this.end);
      this.end += chunk.length;
      return;
    }
    const next = new Uint8Array(Math.max(64, (live + chunk.length) * 2));
    next.set(this.buf.subarray(keepFrom, this.end), 0);
    next.set(chunk, live);
    this.consumedBefore += keepFrom;
    this.buf = next;
    this.view = new DataView(next.buffer);
    this.pos -= keepFrom;
    this.markPos -= keepFrom;
    this.end = live + chunk.length;
    this.ownsTail = true;
  }

  /** True when the buffer past `end` is ours to append into (never shared with a view). */
  private ownsTail = false;

  get available(): number {
    return this.end - this.pos;
  }

  /** Bytes buffered from the mark: the part of the current item received so far. */
  get sinceMark(): number {
    return this.end - this.markPos;
  }

  /** At least this many bytes from the mark are needed before the item can decode. */
  get wanted(): number {
    return this.wantedFromMark;
  }

  /** Stream offset of the next byte, counted from the first byte ever pushed. */
  get offset(): number {
    return this.consumedBefore + this.pos;
  }

  /**
   * The buffer and the read position, for a decoder that scans a run of small whole items
   * in place (messages/tuple.ts): it reads `buffer[position, limit)` itself and then calls
   * `consumeTo()`. Only between items (right after commit()).
   */
  get buffer(): Uint8Array {
    return this.buf;
  }

  get position(): number {
    return this.pos;
  }

  get limit(): number {
    return this.end;
  }

  /** Consumes whole items up to `position` (as reading them and commit() would). */
  consumeTo(position: number): void {
    this.pos = position;
    this.markPos = position;
    this.wantedFromMark = 0;
  }

  /** Remembers the start of an item; `rewind()` returns to it after a short read. */
  mark(): void {
    this.markPos = this.pos;
  }

  rewind(): void {
    this.pos = this.markPos;
  }

  /** Forgets the mark so consumed bytes can be released on the next push. */
  commit(): void {
    this.markPos = this.pos;
    this.wantedFromMark = 0;
  }

  /** Drops every buffered byte (a broken session must not keep a large buffer alive). */
  discard(): void {
    this.consumedBefore += this.end;
    this.buf = EMPTY;
    this.view = EMPTY_VIEW;
    this.pos = 0;
    this.end = 0;
    this.markPos = 0;
    this.wantedFromMark = 0;
    this.ownsTail = false;
  }

  private need(n: number): void {
    if (this.end - this.pos < n) {
      this.wantedFromMark = this.pos - this.markPos + n;
      throw NEED_MORE_DATA;
    }
  }

  /** Checks a length read from the wire before it is used: integer, not negative, within the limit. */
  checkLength(n: number, what = "length"): number {
    if (!Number.isInteger(n) || n < 0) {
      throw new SqliProtocolError("MALFORMED", `invalid ${what} ${n}`, this.offset);
    }
    if (n > this.maxItemBytes) {
      throw new SqliProtocolError(
        "TOO_LARGE",
        `${what} of ${n} bytes exceeds the limit of ${this.maxItemBytes} bytes`,
        this.offset,
      );
    }
    return n;
  }

  u8(): number {
    this.need(1);
    return this.buf[this.pos++]!;
  }

  i16(): number {
    this.need(2);
    const v = this.view.getInt16(this.pos);
    this.pos += 2;
    return v;
  }

  u16(): number {
    this.need(2);
    const v = this.view.getUint16(this.pos);
    this.pos += 2;
    return v;
  }

  i32(): number {
    this.need(4);
    const v = this.view.getInt32(this.pos);
    this.pos += 4;
    return v;
  }

  u32(): number {
    this.need(4);
    const v = this.view.getUint32(this.pos);
    this.pos += 4;
    return v;
  }

  i64(): bigint {
    this.need(8);
    const v = this.view.getBigInt64(this.pos);
    this.pos += 8;
    return v;
  }

  /** Peeks an int16 without consuming it. */
  peekI16(): number {
    this.need(2);
    return this.view.getInt16(this.pos);
  }

  bytes(n: number): Uint8Array {
    this.checkLength(n);
    this.need(n);
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  skip(n: number): void {
    this.checkLength(n);
    this.need(n);
    this.pos += n;
  }

  /** Skips the pad byte that follows an odd-length field. */
  padTo2(length: number): void {
    if (length & 1) this.skip(1);
  }

  /** SQLI "char": int16 length, bytes, one pad byte when the length is odd. */
  char(): Uint8Array {
    const n = this.u16();
    const out = this.bytes(n);
    if (n & 1) this.skip(1);
    return out;
  }

  /** Long SQL text (feature 62): int32 length, bytes, pad to even. */
  char4(): Uint8Array {
    const n = this.checkLength(this.i32(), "long text length");
    const out = this.bytes(n);
    if (n & 1) this.skip(1);
    return out;
  }

  /** Login "ASC string": int16 length including a trailing NUL, no padding. */
  s16z(): Uint8Array {
    const n = this.u16();
    const out = this.bytes(n);
    return n > 0 && out[n - 1] === 0 ? out.subarray(0, n - 1) : out;
  }
}
