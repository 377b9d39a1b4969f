// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// PAM answer, client -> server (session-layer notes §9):
//
// SQ_RESPONSE (130)   char response (the user's answer to a challenge: often a password)
//
// SQ_ACK (128, bare) starts the exchange. The emulator's listeners are not PAM listeners,
// so it answers SQ_ERR; traces must never show the response text.

import { SQ_RESPONSE } from "../constants/opcodes.js";
import type { ByteReader } from "../io/byte-reader.js";
import type { ByteWriter } from "../io/byte-writer.js";
import { latin1 } from "../text/code-pages.js";

export interface PamResponseMessage {
  readonly kind: "pamresponse";
  readonly response: string;
}

export function encodePamResponse(msg: PamResponseMessage, w: ByteWriter): void {
  w.u16(SQ_RESPONSE).char(latin1.encode(msg.response));
}

export function decodePamResponse(r: ByteReader): PamResponseMessage {
  return { kind: "pamresponse", response: latin1.decode(r.char()) };
}
