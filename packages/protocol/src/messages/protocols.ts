// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// SQ_PROTOCOLS (126), the same shape in both directions, first message after CONACC:
//
//   00 7E  i16 n  n feature bytes  [00 pad if n is odd]
//
// JDBC offers 9 bytes `ff fc 7f fc 3c 8c aa 97 06`; the Python informix-driver the
// first 8. IDS 15 replies `bd be 9f fe 7f b7 ff ef ff`. Later layouts follow the
// features both sides set (constants/capabilities.ts).

import { SQ_PROTOCOLS } from "../constants/opcodes.js";
import type { ByteReader } from "../io/byte-reader.js";
import type { ByteWriter } from "../io/byte-writer.js";

export interface ProtocolsMessage {
  readonly kind: "protocols";
  readonly features: Uint8Array;
}

export function encodeProtocols(msg: ProtocolsMessage, w: ByteWriter): void {
  w.u16(SQ_PROTOCOLS).u16(msg.features.length).bytes(msg.features).padTo2(msg.features.length);
}

/** Reads the body after the opcode. */
export function decodeProtocols(r: ByteReader): ProtocolsMessage {
  const n = r.u16();
  const features = r.bytes(n).slice();
  r.padTo2(n);
  return { kind: "protocols", features };
}
