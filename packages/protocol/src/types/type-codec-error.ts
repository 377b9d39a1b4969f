// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The one error class of the type codecs. A codec throws it when bytes or a value
// cannot be represented; `code` says which rule was broken, so callers can branch
// on it without parsing the message.

/** Stable codes of {@link TypeCodecError}. */
export type TypeCodecErrorCode =
  /** A tuple ended before every described column was read (statements-and-types.md §7 rule 4). */
  | "TUPLE_TOO_SHORT"
  /** A tuple had bytes left over after the last described column. */
  | "TUPLE_TOO_LONG"
  /** The value does not fit the column (range, precision, exponent, length). */
  | "VALUE_OUT_OF_RANGE"
  /** The value or its text is malformed for the type. */
  | "INVALID_VALUE"
  /** Bytes that no valid encoder produces (e.g. a nonzero digit beyond the qualifier). */
  | "INVALID_ENCODING"
  /** A DATETIME/INTERVAL qualifier that is not a legal start..end pair. */
  | "INVALID_QUALIFIER"
  /** No codec is registered for the type word / extended type. */
  | "UNSUPPORTED_TYPE"
  /** A character the connection's code set cannot represent (never replaced by '?'). */
  | "UNMAPPABLE_CHARACTER";

/** Raised by type codecs, the registry and row layouts. Not used for "need more data". */
export class TypeCodecError extends Error {
  override readonly name = "TypeCodecError";
  readonly code: TypeCodecErrorCode;

  constructor(code: TypeCodecErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
  }
}
