// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// What one client may cost the emulator, and the defaults. IDS bounds the time to log in
// (onconfig LISTEN_TIMEOUT, 60 s by default) and has no idle timeout unless an
// administrator sets one, so neither does the emulator by default.

export interface SessionLimits {
  /** Time from connect to the end of SQ_PROTOCOLS; then the connection is closed. 0 = none. */
  readonly loginTimeoutMs: number;
  /** Time a logged-in session may send nothing while no request runs; then it is closed. 0 = none. */
  readonly idleTimeoutMs: number;
  /**
   * The most bytes one message may claim (SQL text, bind values, chunks), checked from
   * its length fields before the bytes are buffered. SQL text over it is SQ_ERR -460,
   * anything else is a malformed request; either way the connection is closed, since
   * the rest of the message cannot be skipped safely.
   */
  readonly maxMessageBytes: number;
  /**
   * Input held for a session before it stops reading the socket (TCP pushes back on the
   * client) until its requests are handled.
   */
  readonly maxBufferedBytes: number;
  /** Output a client has not read yet before the session stops handling its requests. */
  readonly maxUnreadReplyBytes: number;
}

export const DEFAULT_LIMITS: SessionLimits = {
  loginTimeoutMs: 60_000,
  idleTimeoutMs: 0,
  maxMessageBytes: 16 * 1024 * 1024,
  maxBufferedBytes: 1024 * 1024,
  maxUnreadReplyBytes: 1024 * 1024,
};

/** -460 Statement length exceeds maximum (what IDS answers to SQL text it cannot take). */
export const SQLCODE_STATEMENT_TOO_LONG = -460;
