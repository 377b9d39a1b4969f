// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The contract every Informix type codec fulfils. One file per type implements it
// (decode, encode, NULL, bind form and constants together) and registry.ts lists them.
//
// Two wire forms exist and differ:
// - tuple form: how a value sits inside SQ_TUPLE (fixed width from the descriptor, or a
//   length envelope for variable types); NULL is a type-specific sentinel;
// - bind form: how a parameter travels in SQ_BIND after the type word and indicator:
//   an int16 "precision" slot, then the payload (NULL is indicator -1 and no payload).

import type { ByteReader } from "../io/byte-reader.js";
import type { ByteWriter } from "../io/byte-writer.js";
import type { TextCodec } from "../text/code-pages.js";

/** What a codec needs to know about a column (from SQ_DESCRIBE or a declaration). */
export interface ColumnType {
  /** Full 16-bit type word: base type in the low byte, SQLNONULL etc. in the high byte. */
  readonly type: number;
  /** Length, `(p << 8) | s` for DECIMAL/MONEY, or the qualifier for DATETIME/INTERVAL. */
  readonly encodedLength: number;
  /** Extended type id for opaque types (1 LVARCHAR, 5 BOOLEAN, 10 BLOB, 11 CLOB). */
  readonly extendedId?: number;
  /** Extended type name, e.g. "lvarchar", "boolean". */
  readonly extendedName?: string;
  /** DISTINCT types (type word flag 0x800): the source's extended id (1 LVARCHAR, 5 BOOLEAN; 0 built in), SQ_DESCRIBE's source type field. */
  readonly sourceType?: number;
}

/** A parameter value as it travels in SQ_BIND, before or after decoding. */
export interface BindSlot {
  /** Type word sent before the indicator. */
  readonly type: number;
  /** The int16 precision/length slot. */
  readonly precision: number;
}

/**
 * One Informix type's codec. Character codecs use the optional `text` argument (the
 * database code set); when it is absent they use Latin-1, which never loses bytes.
 * Other codecs ignore it.
 */
export interface TypeCodec<T> {
  /** Informix type name, e.g. "DECIMAL". */
  readonly name: string;
  /** Base type codes (low byte of the type word) this codec serves. */
  readonly baseTypes: readonly number[];
  /**
   * False when `decode` never reads its `view` argument (only `bytes`). Row layouts whose
   * codecs all say false skip making a DataView and get a placeholder. Absent means true.
   */
  readonly usesView?: boolean;

  /** Bytes the value starting at `offset` occupies in a tuple (fixed types ignore `bytes`). */
  tupleSize(column: ColumnType, bytes: Uint8Array, offset: number): number;
  /** Decodes `size` bytes at `offset`; returns null for the NULL sentinel. */
  decode(
    bytes: Uint8Array,
    view: DataView,
    offset: number,
    size: number,
    column: ColumnType,
    text?: TextCodec,
  ): T | null;
  /** Writes the tuple form of `value` (null writes the NULL sentinel). Used by the emulator. */
  encode(value: T | null, column: ColumnType, out: ByteWriter, text?: TextCodec): void;

  /** The type word and precision slot a parameter of this value is sent with. */
  bindSlot(value: T, column?: ColumnType, text?: TextCodec): BindSlot;
  /** Writes the bind payload (everything after the precision slot, padded to even). */
  encodeBind(value: T, slot: BindSlot, out: ByteWriter, text?: TextCodec): void;
  /** Reads a bind payload (emulator side), including its pad byte. */
  readBind(reader: ByteReader, slot: BindSlot): Uint8Array;
  /** Decodes a payload returned by `readBind`. */
  decodeBind(payload: Uint8Array, slot: BindSlot, text?: TextCodec): T;
}
