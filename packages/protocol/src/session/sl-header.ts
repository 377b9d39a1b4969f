// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The session-layer (SL) header that frames only the login PDUs on TCP/TLS:
//
//   u16 pdu_size   total length including these 6 bytes
//   u8  sl_type    1 CONREQ, 2 CONACC, 3 CONREJ, 13 REDIRECT
//   u8  sl_attr    60 (0x3C) = SQLI binary ASC
//   u16 sl_opts    client sends 0; IDS 15 answers 0x1000
//
// After CONACC every message is raw (2-byte code, no length).

import type { ByteReader } from "../io/byte-reader.js";

export const SL_HEADER_SIZE = 6;
export const SLTYPE_CONREQ = 1;
export const SLTYPE_CONACC = 2;
export const SLTYPE_CONREJ = 3;
export const SLTYPE_REDIRECT = 13;
export const SL_ATTR_SQLI = 0x3c;
export const SL_OPTS_SERVER = 0x1000;

/** Login ASC item tags (a number space of their own, distinct from SQ_* codes). */
export const ASC_ASSOC = 100;
export const ASC_BINARY = 101;
export const ASC_INITRESP = 102;
export const ASC_DBLIST = 103;
export const ASC_INITREQ = 104;
export const ASC_ENV = 106;
export const ASC_PINFO = 107;
export const ASC_BPARMS = 108;
export const ASC_MISC_110 = 110;
export const ASC_MISC_60 = 116;
export const ASC_EOT = 127;

/** ASF protocol version (61) and the connect option value JDBC sends (ASF_XCONNECT = 11, ASF_AMBIG_SEOL = 3). */
export const ASF_VERSION = 61;
export const ASF_XCONNECT = 11;
export const ASF_AMBIG_SEOL = 3;

export interface SlPdu {
  readonly slType: number;
  readonly slAttr: number;
  readonly slOpts: number;
  /** The bytes after the header. */
  readonly body: Uint8Array;
}

/** Reads one SL-framed PDU; throws NEED_MORE_DATA until all of it has arrived. */
export function readSlPdu(reader: ByteReader): SlPdu {
  const size = reader.u16();
  if (size < SL_HEADER_SIZE) throw new RangeError(`SL PDU size ${size} is smaller than its header`);
  const slType = reader.u8();
  const slAttr = reader.u8();
  const slOpts = reader.u16();
  const body = reader.bytes(size - SL_HEADER_SIZE);
  return { slType, slAttr, slOpts, body };
}

/** Frames a login body with the SL header. */
export function frameSlPdu(slType: number, slOpts: number, body: Uint8Array): Uint8Array {
  const size = SL_HEADER_SIZE + body.length;
  if (size > 0xffff) throw new RangeError(`login PDU of ${size} bytes exceeds 65535`);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint16(0, size);
  out[2] = slType;
  out[3] = SL_ATTR_SQLI;
  view.setUint16(4, slOpts);
  out.set(body, SL_HEADER_SIZE);
  return out;
}
