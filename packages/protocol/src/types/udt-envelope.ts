// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The envelope of opaque values in tuples (LVARCHAR, BOOLEAN; types 40, 41, 43, 45):
//   u8 null flag (0 present, 1 NULL) + i32 length + length bytes, no padding.
// NULL = 01 00 00 00 00 [captured, libsqli; impl lakeflow]. libsqli reads the same bytes as
// 3 zero bytes + i16 length; the readings differ only for lengths ≥ 65536.

import type { ByteWriter } from "../io/byte-writer.js";
import { TypeCodecError } from "./type-codec-error.js";

/** Bytes before the payload. */
export const ENVELOPE_HEADER = 5;
export const ENVELOPE_PRESENT = 0;
export const ENVELOPE_NULL = 1;
const LENGTH_OFFSET = 1;

/** Bytes the enveloped value at `offset` occupies (header + payload). */
export function envelopeSize(bytes: Uint8Array, offset: number): number {
  if (offset + ENVELOPE_HEADER > bytes.length) return ENVELOPE_HEADER;
  const p = offset + LENGTH_OFFSET;
  const length = (bytes[p]! << 24) | (bytes[p + 1]! << 16) | (bytes[p + 2]! << 8) | bytes[p + 3]!;
  if (length < 0) throw new TypeCodecError("INVALID_ENCODING", `negative envelope length ${length}`);
  return ENVELOPE_HEADER + length;
}

/** True when the envelope at `offset` is the NULL form. */
export function isEnvelopeNull(bytes: Uint8Array, offset: number): boolean {
  return bytes[offset] === ENVELOPE_NULL;
}

/** Writes an envelope around `payload` (null → the NULL form). */
export function writeEnvelope(payload: Uint8Array | null, out: ByteWriter): void {
  if (payload === null) out.u8(ENVELOPE_NULL).i32(0);
  else out.u8(ENVELOPE_PRESENT).i32(payload.length).bytes(payload);
}
