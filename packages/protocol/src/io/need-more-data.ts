// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The "need more bytes" signal of the resumable decoders. It is a frozen plain object,
// not an Error: a short read is the normal case when bytes arrive in chunks, and
// building an Error (with its stack) for every chunk boundary would be waste.

export interface NeedMoreData {
  readonly needMoreData: true;
}

export const NEED_MORE_DATA: NeedMoreData = Object.freeze({ needMoreData: true });

export function isNeedMoreData(value: unknown): value is NeedMoreData {
  return value === NEED_MORE_DATA;
}
