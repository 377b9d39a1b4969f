// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// A growable big-endian writer. One per session (never module-level): `take()` hands
// out a copy of what was written and resets, so a socket may keep the returned bytes.

export class ByteWriter {
  private buf: Uint8Array;
  private view: DataView;
  private pos = 0;

  constructor(initialCapacity = 256) {
    this.buf = new Uint8Array(initialCapacity);
    this.view = new DataView(this.buf.buffer);
  }

  get length(): number {
    return this.pos;
  }

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.pos + n));
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  u8(v: number): this {
    this.ensure(1);
    this.buf[this.pos++] = v & 0xff;
    return this;
  }

  i16(v: number): this {
    this.ensure(2);
    this.view.setInt16(this.pos, v);
    this.pos += 2;
    return this;
  }

  u16(v: number): this {
    this.ensure(2);
    this.view.setUint16(this.pos, v);
    this.pos += 2;
    return this;
  }

  i32(v: number): this {
    this.ensure(4);
    this.view.setInt32(this.pos, v);
    this.pos += 4;
    return this;
  }

  u32(v: number): this {
    this.ensure(4);
    this.view.setUint32(this.pos, v);
    this.pos += 4;
    return this;
  }

  i64(v: bigint): this {
    this.ensure(8);
    this.view.setBigInt64(this.pos, v);
    this.pos += 8;
    return this;
  }

  f32(v: number): this {
    this.ensure(4);
    this.view.setFloat32(this.pos, v);
    this.pos += 4;
    return this;
  }

  f64(v: number): this {
    this.ensure(8);
    this.view.setFloat64(this.pos, v);
    this.pos += 8;
    return this;
  }

  bytes(b: Uint8Array): this {
    this.ensure(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
    return this;
  }

  zeros(n: number): this {
    this.ensure(n);
    this.buf.fill(0, this.pos, this.pos + n);
    this.pos += n;
    return this;
  }

  /** One zero byte when `length` is odd, keeping the stream 2-byte aligned. */
  padTo2(length: number): this {
    return length & 1 ? this.u8(0) : this;
  }

  /** SQLI "char": int16 length, bytes, pad to even. */
  char(b: Uint8Array): this {
    return this.u16(b.length).bytes(b).padTo2(b.length);
  }

  /** Long SQL text (feature 62): int32 length, bytes, pad to even. */
  char4(b: Uint8Array): this {
    return this.i32(b.length).bytes(b).padTo2(b.length);
  }

  /** Login "ASC string": int16 length including a trailing NUL, bytes, NUL; no pad. */
  s16z(b: Uint8Array): this {
    return this.u16(b.length + 1)
      .bytes(b)
      .u8(0);
  }

  /** Fixed-width NUL-padded field (e.g. "sqlexec" in 12 bytes). */
  fixed(b: Uint8Array, width: number): this {
    this.bytes(b.subarray(0, width));
    return this.zeros(Math.max(0, width - b.length));
  }

  /** Overwrites an int16 already written at `at` (used for length prefixes). */
  patchU16(at: number, v: number): this {
    this.view.setUint16(at, v);
    return this;
  }

  /** A copy of the bytes written so far; the writer is reset for the next message group. */
  take(): Uint8Array {
    const out = this.buf.slice(0, this.pos);
    this.pos = 0;
    return out;
  }
}
