// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Wire trace: with INFORMIX_EMULATOR_TRACE set (to "1"/"stderr" or a file path), every
// message in both directions is logged as one JSON line with its decoded form and the
// hex of the bytes, e.g. to compare a session with an oracle capture.
//
// What a client sends is traced decoded and redacted, never as raw bytes: the login PDU
// carries the password (in the clear, in any order with the other fields), a PAM
// response is one, and SQ_BIND / SQ_BLOB / SQ_FILE_READ carry the application's values.
// The password and PAM answer are never written; parameter values only with the opt-in
// INFORMIX_EMULATOR_TRACE_VALUES=1 (or the `traceValues` option).

import { appendFileSync } from "node:fs";
import type { ClientMessage } from "@informix-db/protocol";

export type TraceSink = (session: number, direction: "c>s" | "s>c", what: unknown, bytes?: Uint8Array) => void;

const toHex = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString("hex");

function replacer(_key: string, value: unknown): unknown {
  if (typeof value === "bigint") return `${value}n`;
  if (value instanceof Uint8Array) return toHex(value);
  return value;
}

export const REDACTED = "***";

/** A client message as the trace may show it: secrets always hidden, values unless `values`. */
export function redactClientMessage(m: ClientMessage, values: boolean): unknown {
  switch (m.kind) {
    case "pamresponse":
      return { ...m, response: REDACTED };
    case "bind":
      if (values) return m;
      return {
        ...m,
        parameters: m.parameters.map((p) => ({
          ...p,
          payload: p.payload === null ? null : `${p.payload.length} bytes`,
        })),
      };
    case "blob":
      return values ? m : { kind: m.kind, data: `${m.data.length} bytes` };
    case "fileread":
      if (values) return m;
      return { kind: m.kind, chunks: m.chunks.map((c) => `${c.length} bytes`), ...(m.failed ? { failed: true } : {}) };
    default:
      return m;
  }
}

/** Does the environment opt in to parameter values in the trace? */
export function traceValuesFromEnv(setting = process.env["INFORMIX_EMULATOR_TRACE_VALUES"]): boolean {
  return setting !== undefined && setting !== "" && setting !== "0";
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
