// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Late decoding (STYLE R5): the protocol hands up raw SQ_TUPLE bodies; a row is decoded
// only when the consumer materialises it, through the protocol's compiled row layout.
// Parser overrides (by Informix type name) run on the decoded value; `raw` hands out
// each column's tuple bytes instead.

import {
  codecForColumn,
  compileRowLayout,
  type DescribeField,
  type RowLayout,
  typeCodes as T,
  type TextCodec,
  type TupleRun,
  TypeCodecError,
} from "@informix-db/protocol";
import { DriverError, ProtocolError } from "../errors.js";
import type { ColumnInfo } from "./columns.js";

/** Replaces the default JS value of a type; receives the default value (never null). */
export type TypeParser = (value: unknown, column: ColumnInfo) => unknown;
/** Parsers keyed by Informix type name ("DECIMAL", "DATETIME", "INT8", …). */
export type TypeParsers = Readonly<Record<string, TypeParser>>;

export type Row = Record<string, unknown> | unknown[];

export interface RowOptions {
  readonly rowMode: "object" | "array";
  readonly types: TypeParsers;
  /** Columns as their raw tuple bytes (Uint8Array), no decoding. */
  readonly raw: boolean;
}

/**
 * Compiles the layout; an unsupported column type becomes a NOT_SUPPORTED error. BYTE/TEXT
 * columns hold a `blobBytes`-byte descriptor (68 with long row ids, else 56).
 */
export function compileLayout(fields: readonly DescribeField[], text: TextCodec, blobBytes = 56): RowLayout {
  const columns = fields.map((f) => (isBlobColumn(f.type) ? { ...f, encodedLength: blobBytes } : f));
  try {
    return compileRowLayout(columns, text);
  } catch (cause) {
    if (cause instanceof TypeCodecError) {
      throw new DriverError("NOT_SUPPORTED", `cannot decode this result: ${cause.message}`, { cause });
    }
    throw cause;
  }
}

const isBlobColumn = (type: number) => (type & T.SQLTYPE_MASK) === T.SQLBYTES || (type & T.SQLTYPE_MASK) === T.SQLTEXT;

export class RowDecoder {
  /** Indices of the BYTE/TEXT columns, whose values are fetched apart (statement/blob-io.ts); none in raw mode. */
  readonly blobColumns: readonly number[];
  private readonly parsers: Array<TypeParser | undefined>;
  private readonly names: string[];
  private readonly hasParsers: boolean;
  /**
   * Object rows of plain values (no parsers, not raw) are decoded into `scratch` and copied
   * into a clone of `template` (every column name, in order): the clone gets the final
   * object shape at once instead of growing it one property at a time, and no value array
   * is left behind per row.
   */
  private readonly plainObjects: boolean;
  private readonly scratch: unknown[];
  private readonly template: Record<string, unknown> = {};

  constructor(
    private readonly layout: RowLayout,
    private readonly fields: readonly DescribeField[],
    private readonly columns: readonly ColumnInfo[],
    private readonly options: RowOptions,
  ) {
    this.parsers = columns.map((c) => options.types[c.type]);
    this.hasParsers = this.parsers.some((p) => p !== undefined);
    this.names = columns.map((c) => c.name);
    this.blobColumns = options.raw ? [] : fields.flatMap((f, i) => (isBlobColumn(f.type) ? [i] : []));
    this.plainObjects = options.rowMode === "object" && !options.raw && !this.hasParsers;
    this.scratch = new Array<unknown>(columns.length).fill(null);
    for (const name of this.names) this.template[name] = null;
  }

  /** The blob descriptors of a row (null for NULL), in blobColumns order. */
  blobDescriptors(tuple: Uint8Array): (Uint8Array | null)[] {
    const values = this.decodeValues(tuple);
    return this.blobColumns.map((i) => values[i] as Uint8Array | null);
  }

  /** True when the k-th blob column is TEXT (decoded with the connection's code set). */
  blobIsText(k: number): boolean {
    return ((this.fields[this.blobColumns[k]!]?.type ?? 0) & T.SQLTYPE_MASK) === T.SQLTEXT;
  }

  private decodeValues(tuple: Uint8Array, start = 0, end = tuple.length): unknown[] {
    try {
      return this.options.raw ? this.rawValues(tuple.subarray(start, end)) : this.layout.decodeRow(tuple, start, end);
    } catch (cause) {
      if (cause instanceof TypeCodecError) throw new ProtocolError(`undecodable row: ${cause.message}`, { cause });
      throw cause;
    }
  }

  /** Runs a user parser; its failure is the caller's, so it does not break the connection. */
  private parse(parser: TypeParser, value: unknown, i: number): unknown {
    const column = this.columns[i]!;
    try {
      return parser(value, column);
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      throw new DriverError(
        "INVALID_ARGUMENT",
        `the ${column.type} parser failed on column "${column.name}": ${reason}`,
        {
          cause,
        },
      );
    }
  }

  /** The row of a tuple; `blobs` are its BYTE/TEXT values (blobColumns order), fetched by the caller. */
  decode(tuple: Uint8Array, blobs?: readonly unknown[]): Row {
    return this.build(this.decodeValues(tuple), blobs);
  }

  /** The row of tuple `i` of a fetch batch. */
  decodeAt(run: TupleRun, i: number, blobs?: readonly unknown[]): Row {
    if (this.plainObjects && blobs === undefined)
      return this.plainObject(run.buffers[i]!, run.starts[i]!, run.ends[i]!);
    return this.build(this.decodeValues(run.buffers[i]!, run.starts[i], run.ends[i]), blobs);
  }

  private plainObject(tuple: Uint8Array, start: number, end: number): Row {
    const values = this.scratch;
    try {
      this.layout.decodeRow(tuple, start, end, values);
    } catch (cause) {
      if (cause instanceof TypeCodecError) throw new ProtocolError(`undecodable row: ${cause.message}`, { cause });
      throw cause;
    }
    const names = this.names;
    const row: Record<string, unknown> = { ...this.template };
    for (let i = 0; i < values.length; i++) row[names[i]!] = values[i];
    return row;
  }

  private build(values: unknown[], blobs: readonly unknown[] | undefined): Row {
    if (blobs !== undefined) for (let k = 0; k < this.blobColumns.length; k++) values[this.blobColumns[k]!] = blobs[k];
    if (this.hasParsers && !this.options.raw) {
      for (let i = 0; i < values.length; i++) {
        const parser = this.parsers[i];
        if (parser !== undefined && values[i] !== null) values[i] = this.parse(parser, values[i], i);
      }
    }
    if (this.options.rowMode === "array") return values;
    const row: Record<string, unknown> = {};
    for (let i = 0; i < values.length; i++) row[this.names[i]!] = values[i];
    return row;
  }

  private rawValues(tuple: Uint8Array): unknown[] {
    const out: unknown[] = [];
    let offset = 0;
    for (const field of this.layout.columns) {
      const size = codecForColumn(field).tupleSize(field, tuple, offset);
      if (offset + size > tuple.length) throw new TypeCodecError("TUPLE_TOO_SHORT", "tuple ends inside a column");
      out.push(tuple.slice(offset, offset + size));
      offset += size;
    }
    return out;
  }
}
