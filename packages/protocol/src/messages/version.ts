// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// SQ_VERSION (53): what IBM JDBC's Connection.isValid() sends, a round trip that proves
// the session answers. Client -> server: bodiless (bare.ts). Server -> client:
//
//   00 35  char version text (i16 length, bytes, a pad byte when the length is odd)
// then SQ_EOT.
//
// Established against IBM JDBC 15.0.0.1.1 (docs/protocol/jdbc-observed.md §9): it accepts
// this reply or a bare SQ_EOT as "valid"; an SQ_ERR makes isValid() false. Which text IDS
// puts there is not known; the emulator sends its version banner.

import { SQ_VERSION } from "../constants/opcodes.js";
import type { ByteReader } from "../io/byte-reader.js";
import type { ByteWriter } from "../io/byte-writer.js";

export interface VersionReplyMessage {
  readonly kind: "version";
  /** ASCII version text. */
  readonly text: string;
}

export function encodeVersionReply(msg: VersionReplyMessage, w: ByteWriter): void {
  w.u16(SQ_VERSION);
  w.char(new TextEncoder().encode(msg.text));
}

export function decodeVersionReply(r: ByteReader): VersionReplyMessage {
  const bytes = r.char();
  let text = "";
  for (const b of bytes) text += String.fromCharCode(b);
  return { kind: "version", text };
}
