// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Range checks shared by the integer codecs. Informix reserves the most negative value of
// each width as the NULL sentinel, so legal ranges are symmetric (SMALLINT ±32767).

import { TypeCodecError } from "./type-codec-error.js";

/** Throws VALUE_OUT_OF_RANGE unless `value` is an integer with |value| ≤ max. */
export function checkInteger(name: string, value: number, max: number): void {
  if (!Number.isInteger(value) || value > max || value < -max) {
    throw new TypeCodecError("VALUE_OUT_OF_RANGE", `${name} value ${value} is outside -${max}..${max}`);
  }
}

/** Throws VALUE_OUT_OF_RANGE unless `value` is a bigint with |value| ≤ max. */
export function checkBigInteger(name: string, value: bigint, max: bigint): void {
  if (typeof value !== "bigint" || value > max || value < -max) {
    throw new TypeCodecError("VALUE_OUT_OF_RANGE", `${name} value ${String(value)} is outside -${max}..${max}`);
  }
}
