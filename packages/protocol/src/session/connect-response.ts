// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The server's answer to CONREQ: CONACC (SL type 2), CONREJ (3) or REDIRECT (13), all
// with the same ASC body:
//
//   00 64  00 65  i32 61
//   s16z "IEEEI"                        server float format
//   00 6C  "srvinfx" in 12 bytes
//   s16z version text                   e.g. "IBM Informix Dynamic Server Version 15.0.1.0"
//   s16z serial text                    "Software Serial Number AAA#B000000"
//   s16z server name                    DBSERVERNAME (clients reconnect with it after -761)
//   i32 cap1 i32 cap2 i32 cap3          cap1 echoes the client's 316
//   i16 flags
//   s16z user echo, s16z password echo  `00 00` each
//   "on" in 8  i32 61  "soctcp" in 8  i32 1
//   00 66  6 bytes 0  i16 svcError  i16 osError  i16 warnings      status (INITRESP)
//   | 00 67  i16 0  i16 n  n bytes   redirect detail "label=server|host|port"
//   00 7F
// A rejected login carries svcError (e.g. -951 bad user/password, -761 wrong server name).

import { ByteReader } from "../io/byte-reader.js";
import { ByteWriter } from "../io/byte-writer.js";
import { isNeedMoreData } from "../io/need-more-data.js";
import { latin1 } from "../text/code-pages.js";
import {
  ASC_ASSOC,
  ASC_BINARY,
  ASC_BPARMS,
  ASC_DBLIST,
  ASC_EOT,
  ASC_INITRESP,
  ASF_VERSION,
  frameSlPdu,
  SL_OPTS_SERVER,
  SLTYPE_CONACC,
  SLTYPE_CONREJ,
  SLTYPE_REDIRECT,
} from "./sl-header.js";

const SERVER_FLOAT_FORMAT = "IEEEI";
const SERVER_PRODUCT = "srvinfx";
const PRODUCT_WIDTH = 12;
const NAME_WIDTH = 8;
const STATUS_RESERVED = 6;
const NETWORK_LEVEL = 1;

export type ConnectOutcome = "accept" | "reject" | "redirect";

export interface ConnectResponse {
  readonly outcome: ConnectOutcome;
  readonly version: string;
  readonly serial: string;
  /** The server's DBSERVERNAME. */
  readonly serverName: string;
  readonly cap1: number;
  readonly cap2: number;
  readonly cap3: number;
  /** 0 on success; an Informix error code such as -951 or -761 otherwise. */
  readonly svcError: number;
  readonly osError: number;
  readonly warnings: number;
  /** REDIRECT only: the detail text, e.g. "redirect=ol_b|db-b.example|9088". */
  readonly redirect?: string;
}

const text = (s: string) => latin1.encode(s);
const SL_TYPES: Record<ConnectOutcome, number> = {
  accept: SLTYPE_CONACC,
  reject: SLTYPE_CONREJ,
  redirect: SLTYPE_REDIRECT,
};

export function encodeConnectResponse(res: ConnectResponse): Uint8Array {
  const w = new ByteWriter(256);
  w.u16(ASC_ASSOC).u16(ASC_BINARY).i32(ASF_VERSION);
  w.s16z(text(SERVER_FLOAT_FORMAT));
  w.u16(ASC_BPARMS).fixed(text(SERVER_PRODUCT), PRODUCT_WIDTH);
  w.s16z(text(res.version)).s16z(text(res.serial)).s16z(text(res.serverName));
  w.i32(res.cap1).i32(res.cap2).i32(res.cap3).i16(0);
  w.u16(0).u16(0);
  w.fixed(text("on"), NAME_WIDTH).i32(ASF_VERSION).fixed(text("soctcp"), NAME_WIDTH).i32(NETWORK_LEVEL);
  if (res.outcome === "redirect") {
    const detail = text(res.redirect ?? "");
    w.u16(ASC_DBLIST).i16(0).u16(detail.length).bytes(detail);
  } else {
    w.u16(ASC_INITRESP).zeros(STATUS_RESERVED).i16(res.svcError).i16(res.osError).i16(res.warnings);
  }
  w.u16(ASC_EOT);
  return frameSlPdu(SL_TYPES[res.outcome], SL_OPTS_SERVER, w.take());
}

/** Decodes the body of a CONACC/CONREJ/REDIRECT given its SL type. Throws RangeError when malformed. */
export function decodeConnectResponse(slType: number, body: Uint8Array): ConnectResponse {
  const outcome: ConnectOutcome | undefined =
    slType === SLTYPE_CONACC
      ? "accept"
      : slType === SLTYPE_CONREJ
        ? "reject"
        : slType === SLTYPE_REDIRECT
          ? "redirect"
          : undefined;
  if (!outcome) throw new RangeError(`login response has SL type ${slType}`);
  try {
    return readBody(outcome, body);
  } catch (error) {
    if (isNeedMoreData(error)) throw new RangeError("login response ends before its ASCEOT");
    throw error;
  }
}

function readBody(outcome: ConnectOutcome, body: Uint8Array): ConnectResponse {
  const r = new ByteReader();
  r.push(body);
  if (r.u16() !== ASC_ASSOC || r.u16() !== ASC_BINARY) throw new RangeError("login response lacks SQ_ASSOC");
  r.i32();
  r.s16z();
  if (r.u16() !== ASC_BPARMS) throw new RangeError("login response lacks the product marker (108)");
  r.skip(PRODUCT_WIDTH);
  const version = latin1.decode(r.s16z());
  const serial = latin1.decode(r.s16z());
  const serverName = latin1.decode(r.s16z());
  const cap1 = r.i32();
  const cap2 = r.i32();
  const cap3 = r.i32();
  r.i16();
  r.s16z();
  r.s16z();
  r.skip(NAME_WIDTH + 4 + NAME_WIDTH + 4);
  let svcError = 0;
  let osError = 0;
  let warnings = 0;
  let redirect: string | undefined;
  for (;;) {
    const tag = r.u16();
    if (tag === ASC_EOT) break;
    if (tag === ASC_INITRESP) {
      r.skip(STATUS_RESERVED);
      svcError = r.i16();
      osError = r.i16();
      warnings = r.i16();
    } else if (tag === ASC_DBLIST) {
      r.i16();
      const n = r.u16();
      redirect = latin1.decode(r.bytes(n)).replace(/\0+$/, "");
    } else {
      // Server metadata items (107, 110, 116, ...) are not needed; nothing after them is.
      break;
    }
  }
  const base = { outcome, version, serial, serverName, cap1, cap2, cap3, svcError, osError, warnings };
  return redirect === undefined ? base : { ...base, redirect };
}
