// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Wire trace: with INFORMIX_EMULATOR_TRACE set (to "1"/"stderr" or a file path), every
// message in both directions is logged as one JSON line with its decoded form and the
// hex of the bytes, e.g. to compare a session with an oracle capture.

import { appendFileSync } from "node:fs";

export type TraceSink = (session: number, direction: "c>s" | "s>c", what: unknown, bytes?: Uint8Array) => void;

const toHex = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString("hex");

function replacer(_key: string, value: unknown): unknown {
  if (typeof value === "bigint") return `${value}n`;
  if (value instanceof Uint8Array) return toHex(value);
  return value;
}

export function traceSinkFromEnv(setting = process.env["INFORMIX_EMULATOR_TRACE"]): TraceSink | undefined {
  if (!setting || setting === "0") return undefined;
  const write =
    setting === "1" || setting === "stderr"
      ? (line: string) => process.stderr.write(line)
      : (line: string) => appendFileSync(setting, line);
  return (session, direction, what, bytes) => {
    const record = { t: new Date().toISOString(), session, direction, what, ...(bytes ? { hex: toHex(bytes) } : {}) };
    write(`${JSON.stringify(record, replacer)}\n`);
  };
}
