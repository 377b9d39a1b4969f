// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Row layouts: the SQ_TUPLE body of one row decoded into JS values (and encoded, for the
// emulator). Layout rules (statements-and-types.md §7):
// - no padding between columns; the body is exactly the columns back to back;
// - fixed layout (no VARCHAR/NVARCHAR/opaque/LVARCHAR column): offsets are known up front;
// - variable layout: columns are walked in order, each variable one sizing itself from its
//   prefix (VARCHAR 1 + u8, envelopes 5 + i32);
// - a row shorter than its descriptor is an error, never NULLs (rule 4).
// Hot path: per row one result array plus the values; no closures, no subarrays. Layouts whose
// codecs read bytes only never touch a DataView (nor `.buffer`/`.byteOffset`, which are slow
// accessors on Node 20); the others make one DataView per underlying ArrayBuffer (rows of a
// fetch batch share it) and call codecs with offsets into the whole buffer.

import type { ByteWriter } from "../io/byte-writer.js";
import type { TextCodec } from "../text/code-pages.js";
import type { ColumnType, TypeCodec } from "./codec.js";
import { codecForColumn, isVariableWidthType } from "./registry.js";
import { TypeCodecError } from "./type-codec-error.js";

/** A row layout compiled once per column list. */
export interface RowLayout {
  /** The columns, in tuple order. */
  readonly columns: readonly ColumnType[];
  /** Row width in bytes when every column is fixed width; undefined for variable layouts. */
  readonly fixedWidth: number | undefined;
  /**
   * Decodes the values of one SQ_TUPLE body: `bytes[start, end)` (the whole array by
   * default) must be exactly the tuple's declared length. The values go into `into` when
   * given (a caller's scratch array, reused row after row), else into a new array.
   */
  decodeRow(bytes: Uint8Array, start?: number, end?: number, into?: unknown[]): unknown[];
  /** Writes the tuple body of `values` (null for NULL). Used by the emulator. */
  encodeRow(values: readonly unknown[], out: ByteWriter): void;
}

const VARIABLE = -1;
const EMPTY_BUFFER = new ArrayBuffer(0);
/** Handed to codecs that declare `usesView: false`; any read through it throws. */
const NO_VIEW = new DataView(EMPTY_BUFFER);

class CompiledRowLayout implements RowLayout {
  readonly fixedWidth: number | undefined;
  private readonly codecs: TypeCodec<unknown>[];
  /** Width per column, or VARIABLE. */
  private readonly widths: Int32Array;
  private readonly count: number;
  /** True when some codec reads through a DataView (FLOAT, BIGINT, …). */
  private readonly usesView: boolean;
  private lastArray: Uint8Array = new Uint8Array(EMPTY_BUFFER);
  private lastBase = 0;
  private lastBuffer: ArrayBufferLike = EMPTY_BUFFER;
  private lastView: DataView = new DataView(EMPTY_BUFFER);
  private lastBytes: Uint8Array = new Uint8Array(EMPTY_BUFFER);

  constructor(
    readonly columns: readonly ColumnType[],
    private readonly text: TextCodec | undefined,
  ) {
    this.count = columns.length;
    this.codecs = columns.map(codecForColumn);
    this.usesView = this.codecs.some((codec) => codec.usesView !== false);
    this.widths = new Int32Array(this.count);
    let total = 0;
    let fixed = true;
    for (let i = 0; i < this.count; i++) {
      const column = columns[i]!;
      if (isVariableWidthType(column.type)) {
        this.widths[i] = VARIABLE;
        fixed = false;
      } else {
        const width = this.codecs[i]!.tupleSize(column, this.lastBytes, 0);
        this.widths[i] = width;
        total += width;
      }
    }
    this.fixedWidth = fixed ? total : undefined;
  }

  decodeRow(bytes: Uint8Array, start = 0, end: number = bytes.length, into?: unknown[]): unknown[] {
    let data: Uint8Array = bytes;
    let view: DataView = NO_VIEW;
    let base = 0;
    if (this.usesView) {
      if (bytes !== this.lastArray) this.adopt(bytes);
      data = this.lastBytes;
      view = this.lastView;
      base = this.lastBase;
    }
    const codecs = this.codecs;
    const widths = this.widths;
    const columns = this.columns;
    const text = this.text;
    const count = this.count;
    const limit = base + end;
    const out = into ?? new Array<unknown>(count);
    let offset = base + start;
    for (let i = 0; i < count; i++) {
      const codec = codecs[i]!;
      let size = widths[i]!;
      if (size === VARIABLE) {
        if (offset >= limit) throw this.tooShort(i, end - start);
        size = codec.tupleSize(columns[i]!, data, offset);
      }
      if (offset + size > limit) throw this.tooShort(i, end - start);
      out[i] = codec.decode(data, view, offset, size, columns[i]!, text);
      offset += size;
    }
    if (offset !== limit) {
      throw new TypeCodecError(
        "TUPLE_TOO_LONG",
        `tuple of ${end - start} bytes has ${limit - offset} bytes after its last column`,
      );
    }
    return out;
  }

  /**
   * Points the view at `bytes`. Rows of one fetch batch are subarrays of one buffer, so the
   * DataView over the whole buffer is made once per batch; only the base offset changes.
   */
  private adopt(bytes: Uint8Array): void {
    this.lastArray = bytes;
    this.lastBase = bytes.byteOffset;
    if (bytes.buffer !== this.lastBuffer) {
      this.lastBuffer = bytes.buffer;
      this.lastView = new DataView(bytes.buffer);
      this.lastBytes = new Uint8Array(bytes.buffer);
    }
  }

  encodeRow(values: readonly unknown[], out: ByteWriter): void {
    if (values.length !== this.count) {
      throw new TypeCodecError("INVALID_VALUE", `row has ${values.length} values for ${this.count} columns`);
    }
    for (let i = 0; i < this.count; i++) {
      this.codecs[i]!.encode(values[i] ?? null, this.columns[i]!, out, this.text);
    }
  }

  private tooShort(column: number, length: number): TypeCodecError {
    return new TypeCodecError(
      "TUPLE_TOO_SHORT",
      `tuple of ${length} bytes ends inside column ${column + 1} of ${this.count}`,
    );
  }
}

/**
 * Compiles the layout of a column list (from SQ_DESCRIBE). `text` is the database code set
 * used for character columns (Latin-1 when absent). Throws UNSUPPORTED_TYPE for a column
 * without a codec.
 */
export function compileRowLayout(columns: readonly ColumnType[], text?: TextCodec): RowLayout {
  return new CompiledRowLayout(columns, text);
}
