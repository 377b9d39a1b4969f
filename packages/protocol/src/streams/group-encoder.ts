// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// A message group is one turn of the conversation: messages, then SQ_EOT. Each peer
// owns one ByteWriter; encodeXxxGroup appends the group and returns its bytes.

import type { ProtocolContext } from "../constants/capabilities.js";
import { SQ_EOT } from "../constants/opcodes.js";
import type { ByteWriter } from "../io/byte-writer.js";
import { type ClientMessage, encodeClientMessage } from "./client-messages.js";
import { encodeServerMessage, type ServerMessage } from "./server-messages.js";

/** Messages without the SQ_EOT, for a group written in pieces (a BYTE/TEXT value streamed after SQ_BBIND). */
export function encodeClientMessages(
  messages: readonly ClientMessage[],
  ctx: ProtocolContext,
  w: ByteWriter,
): Uint8Array {
  for (const m of messages) encodeClientMessage(m, ctx, w);
  return w.take();
}

export function encodeClientGroup(messages: readonly ClientMessage[], ctx: ProtocolContext, w: ByteWriter): Uint8Array {
  for (const m of messages) encodeClientMessage(m, ctx, w);
  w.u16(SQ_EOT);
  return w.take();
}

/** Server groups: messages then SQ_EOT (pass `terminate: false` when the group ends with SQ_EXIT). */
export function encodeServerGroup(
  messages: readonly ServerMessage[],
  ctx: ProtocolContext,
  w: ByteWriter,
  terminate = true,
): Uint8Array {
  for (const m of messages) encodeServerMessage(m, ctx, w);
  if (terminate) w.u16(SQ_EOT);
  return w.take();
}
