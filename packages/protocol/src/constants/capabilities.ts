// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// SQ_PROTOCOLS feature bits. Feature k is bit `0x80 >> (k % 8)` of byte `k / 8`
// (MSB first). Some features change field widths of later messages, so both
// peers derive a ProtocolContext from the bits *both* of them set: the client's
// offer AND the server's reply. IBM JDBC and the Python informix-driver offer the
// same 8 bytes, which leave features 69 and 70 (byte 8) off; a real IDS 15 replies
// with 9 bytes. See docs/protocol/login.md.

import { latin1, type TextCodec } from "../text/code-pages.js";

/** The 8-byte offer of IBM JDBC 15 and the Python informix-driver. */
export const JDBC_CLIENT_FEATURES = Uint8Array.of(0xff, 0xfc, 0x7f, 0xfc, 0x3c, 0x8c, 0xaa, 0x97);

/** The reply of a real IDS 15.0.1 (as recorded by the Python informix-driver). */
export const IDS15_SERVER_FEATURES = Uint8Array.of(0xbd, 0xbe, 0x9f, 0xfe, 0x7f, 0xb7, 0xff, 0xef, 0xff);

/** Feature numbers that change wire layouts or client behaviour. */
export const FEATURE_DESCRIBE_INPUT = 34;
export const FEATURE_PAM = 44;
export const FEATURE_FOUR_BYTE_OFFSET = 50;
export const FEATURE_BIGINT = 54;
export const FEATURE_SAVEPOINT = 56;
export const FEATURE_REMOVE_64K_LIMIT = 62;
export const FEATURE_TWO_GB_FETCH_BUFFER = 63;
export const FEATURE_LARGE_TUPLE = 69;
export const FEATURE_LONG_ROW_ID = 70;

export function hasFeature(bits: Uint8Array, feature: number): boolean {
  const byte = bits[feature >> 3];
  return byte !== undefined && (byte & (0x80 >> (feature & 7))) !== 0;
}

/** Features set in both masks. */
export function intersectFeatures(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(Math.min(a.length, b.length));
  for (let i = 0; i < out.length; i++) out[i] = a[i]! & b[i]!;
  return out;
}

/** What the emulator answers: exactly IDS 15's reply. */
export const EMULATOR_SERVER_FEATURES = IDS15_SERVER_FEATURES;

/** Everything a decoder or encoder needs to know about the negotiated session. */
export interface ProtocolContext {
  /** SQ_DESCRIBE field index and name-table size are int32, not int16 (feature 50; nmap lacks it). */
  readonly fourByteOffset: boolean;
  /** SQ_NFETCH/SQ_SFETCH buffer size is int32, not int16 (feature 63; nmap's 11.50-era offer lacks it). */
  readonly longFetchBuffer: boolean;
  /** SQL text in SQ_PREPARE/SQ_COMMAND has an int32 length; SQ_ERR offset is int32 (feature 62). */
  readonly longSqlText: boolean;
  /** SQ_DESCRIBE tuple size is int32 (feature 69). */
  readonly largeTuple: boolean;
  /** SQ_DONE rows and rowid are int64 (feature 70). */
  readonly longRowId: boolean;
  /** SQ_INSERTDONE carries an int64 BIGSERIAL after the INT8 SERIAL8 (feature 54). */
  readonly bigint: boolean;
  /** Code set of character data after login (the database locale). */
  readonly codec: TextCodec;
}

export function contextFromFeatures(negotiated: Uint8Array, codec: TextCodec = latin1): ProtocolContext {
  return {
    fourByteOffset: hasFeature(negotiated, FEATURE_FOUR_BYTE_OFFSET),
    longFetchBuffer: hasFeature(negotiated, FEATURE_TWO_GB_FETCH_BUFFER),
    longSqlText: hasFeature(negotiated, FEATURE_REMOVE_64K_LIMIT),
    largeTuple: hasFeature(negotiated, FEATURE_LARGE_TUPLE),
    longRowId: hasFeature(negotiated, FEATURE_LONG_ROW_ID),
    bigint: hasFeature(negotiated, FEATURE_BIGINT),
    codec,
  };
}

/** The context of a session that negotiated the JDBC offer against IDS 15. */
export const DEFAULT_CONTEXT: ProtocolContext = contextFromFeatures(
  intersectFeatures(JDBC_CLIENT_FEATURES, IDS15_SERVER_FEATURES),
);
