// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Big-endian integer reads straight from bytes. Codecs that only need these do not need a
// DataView, which lets row layouts skip `.buffer`/`.byteOffset` (each costs more than an
// INTEGER decode on Node 20) and decode a row's subarray with offsets relative to it.

/** Signed 16-bit big-endian integer at `offset`. */
export function readInt16(bytes: Uint8Array, offset: number): number {
  return ((bytes[offset]! << 24) | (bytes[offset + 1]! << 16)) >> 16;
}

/** Signed 32-bit big-endian integer at `offset`. */
export function readInt32(bytes: Uint8Array, offset: number): number {
  return (bytes[offset]! << 24) | (bytes[offset + 1]! << 16) | (bytes[offset + 2]! << 8) | bytes[offset + 3]!;
}
