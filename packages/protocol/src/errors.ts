// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The one error class of the protocol package: bytes that cannot be SQLI. A peer
// that receives it cannot resynchronise (messages have no length), so the session
// carrying those bytes must end.

export type ProtocolErrorCode = "UNKNOWN_OPCODE" | "MALFORMED" | "UNEXPECTED_MESSAGE" | "TOO_LARGE";

export class SqliProtocolError extends Error {
  override readonly name = "SqliProtocolError";

  constructor(
    readonly code: ProtocolErrorCode,
    message: string,
    /** Stream offset of the message that failed, when known. */
    readonly offset?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
