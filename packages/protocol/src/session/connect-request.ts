// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// CONREQ: the binary login request (SL type 1), as IBM JDBC builds it. Body:
//
//   00 64  00 65  i32 61                ASSOC, ASCBINARY, ASF version
//   s16z "IEEEM"                        client float format (IEEE big-endian)
//   00 6C  "sqlexec" in 12 bytes        BPARMS marker, product
//   s16z "9.280"  s16z "RDS#R000000"    client version, serial (constants)
//   s16z "sqli"                         application id
//   i32 cap1 (316)  i32 cap2  i32 cap3  capability words
//   i16 1                               flags
//   s16z user, s16z password            (`00 00` for no password)
//   "ol" in 8  i32 61  "tlitcp" in 8  i32 1
//   00 68  00 0B  i32 3                 INITREQ, ASF_XCONNECT, ASF_AMBIG_SEOL
//   s16z server name, s16z database     (clients send `00 00`: DBOPEN opens it later)
//   4 x i16 0                           reserved
//   00 6A  i16 n  n x (s16z name, s16z value)    environment
//   [00 6B  i32 0  i32 pid  i32 tid  s16z host  s16z tty  s16z cwd]   process info
//   [00 74  i16 len  i32 uid  i32 gid  s16z application]              misc
//   00 7F                               ASCEOT
// s16z = int16 length including a trailing NUL, the bytes, the NUL; no padding.

import { ByteReader } from "../io/byte-reader.js";
import { ByteWriter } from "../io/byte-writer.js";
import { isNeedMoreData } from "../io/need-more-data.js";
import { latin1 } from "../text/code-pages.js";
import {
  ASC_ASSOC,
  ASC_BINARY,
  ASC_BPARMS,
  ASC_ENV,
  ASC_EOT,
  ASC_INITREQ,
  ASC_MISC_60,
  ASC_PINFO,
  ASF_AMBIG_SEOL,
  ASF_VERSION,
  ASF_XCONNECT,
  frameSlPdu,
  SLTYPE_CONREQ,
} from "./sl-header.js";

/** Cap_1 = (capability class << 8) | protocol version 0x3C; the server echoes it. */
export const ENHANCED_PROTOCOL_CAP = 316;
const CLIENT_FLOAT_FORMAT = "IEEEM";
const PRODUCT = "sqlexec";
const PRODUCT_WIDTH = 12;
const CLIENT_VERSION = "9.280";
const CLIENT_SERIAL = "RDS#R000000";
const APPLICATION_ID = "sqli";
const FAMILY = "ol";
const TRANSPORT = "tlitcp";
const NAME_WIDTH = 8;
const NETWORK_LEVEL = 1;
const LOGIN_FLAGS = 1;
const RESERVED_SHORTS = 4;

export interface ProcessInfo {
  readonly pid: number;
  readonly threadId: number;
  readonly hostname: string;
  readonly tty: string;
  readonly cwd: string;
}

export interface ConnectRequest {
  readonly user: string;
  /** Null sends no password (`00 00`). */
  readonly password: string | null;
  /** INFORMIXSERVER: must match the server's DBSERVERNAME or an alias. */
  readonly server: string;
  /** Database named in the PDU; clients leave it empty and send SQ_DBOPEN later. */
  readonly database: string;
  /** Environment pairs in the order sent. */
  readonly env: ReadonlyArray<readonly [string, string]>;
  readonly processInfo?: ProcessInfo;
  readonly application?: string;
  readonly cap1: number;
}

const text = (s: string) => latin1.encode(s);
const str = (b: Uint8Array) => latin1.decode(b);

export function encodeConnectRequest(req: ConnectRequest): Uint8Array {
  const w = new ByteWriter(512);
  w.u16(ASC_ASSOC).u16(ASC_BINARY).i32(ASF_VERSION);
  w.s16z(text(CLIENT_FLOAT_FORMAT));
  w.u16(ASC_BPARMS).fixed(text(PRODUCT), PRODUCT_WIDTH);
  w.s16z(text(CLIENT_VERSION)).s16z(text(CLIENT_SERIAL)).s16z(text(APPLICATION_ID));
  w.i32(req.cap1).i32(0).i32(0).i16(LOGIN_FLAGS);
  w.s16z(text(req.user));
  if (req.password === null) w.u16(0);
  else w.s16z(text(req.password));
  w.fixed(text(FAMILY), NAME_WIDTH).i32(ASF_VERSION).fixed(text(TRANSPORT), NAME_WIDTH).i32(NETWORK_LEVEL);
  w.u16(ASC_INITREQ).u16(ASF_XCONNECT).i32(ASF_AMBIG_SEOL);
  w.s16z(text(req.server));
  if (req.database === "") w.u16(0);
  else w.s16z(text(req.database));
  w.zeros(RESERVED_SHORTS * 2);
  w.u16(ASC_ENV).u16(req.env.length);
  for (const [name, value] of req.env) w.s16z(text(name)).s16z(text(value));
  if (req.processInfo) {
    const p = req.processInfo;
    w.u16(ASC_PINFO).i32(0).i32(p.pid).i32(p.threadId).s16z(text(p.hostname));
    if (p.tty === "") w.u16(0);
    else w.s16z(text(p.tty));
    w.s16z(text(p.cwd));
  }
  if (req.application !== undefined) {
    const app = text(req.application);
    w.u16(ASC_MISC_60)
      .u16(10 + app.length + 1)
      .i32(0)
      .i32(0)
      .s16z(app);
  }
  w.u16(ASC_EOT);
  return frameSlPdu(SLTYPE_CONREQ, 0, w.take());
}

/**
 * An s16z read as the C string the server sees: up to the first NUL. nmap, retrying
 * after -761 with the name from the reply, sends it with its NUL plus one more.
 * A bare `00 00` (empty, no NUL) is accepted too.
 */
function optionalS16z(r: ByteReader): string {
  const bytes = r.s16z();
  const nul = bytes.indexOf(0);
  return str(nul < 0 ? bytes : bytes.subarray(0, nul));
}

/** Decodes a CONREQ body (the bytes after the SL header). Throws RangeError on a malformed body. */
export function decodeConnectRequest(body: Uint8Array): ConnectRequest {
  try {
    return readConnectRequest(body);
  } catch (error) {
    if (isNeedMoreData(error)) throw new RangeError("CONREQ: body ends before its ASCEOT");
    throw error;
  }
}

function readConnectRequest(body: Uint8Array): ConnectRequest {
  const r = new ByteReader();
  r.push(body);
  const expect = (tag: number, what: string) => {
    const got = r.u16();
    if (got !== tag) throw new RangeError(`CONREQ: expected ${what} (${tag}), found ${got}`);
  };
  expect(ASC_ASSOC, "SQ_ASSOC");
  expect(ASC_BINARY, "SQ_ASCBINARY");
  r.i32();
  r.s16z(); // float format
  expect(ASC_BPARMS, "product marker");
  r.skip(PRODUCT_WIDTH);
  r.s16z(); // version
  r.s16z(); // serial
  r.s16z(); // application id
  const cap1 = r.i32();
  r.i32();
  r.i32();
  r.i16(); // flags
  const user = optionalS16z(r);
  // No password is a bare `00 00`, not an empty s16z (`00 01 00`).
  const password = r.peekI16() === 0 ? null : optionalS16z(r);
  if (password === null) r.u16();
  r.skip(NAME_WIDTH + 4 + NAME_WIDTH + 4);
  expect(ASC_INITREQ, "SQ_ASCINITREQ");
  r.u16();
  r.i32();
  const server = optionalS16z(r);
  const database = optionalS16z(r);
  r.skip(RESERVED_SHORTS * 2);
  const env: Array<readonly [string, string]> = [];
  let processInfo: ProcessInfo | undefined;
  let application: string | undefined;
  for (;;) {
    const tag = r.u16();
    if (tag === ASC_EOT) break;
    if (tag === ASC_ENV) {
      const count = r.u16();
      for (let i = 0; i < count; i++) env.push([optionalS16z(r), optionalS16z(r)]);
    } else if (tag === ASC_PINFO) {
      r.i32();
      const pid = r.i32();
      const threadId = r.i32();
      const hostname = optionalS16z(r);
      const tty = optionalS16z(r);
      const cwd = optionalS16z(r);
      processInfo = { pid, threadId, hostname, tty, cwd };
    } else if (tag === ASC_MISC_60) {
      const length = r.u16();
      const block = r.bytes(length);
      const inner = new ByteReader();
      inner.push(block);
      inner.skip(8);
      application = inner.available >= 2 ? str(inner.s16z()) : "";
    } else {
      throw new RangeError(`CONREQ: unknown item tag ${tag}`);
    }
  }
  const base = { user, password, server, database, env, cap1 };
  return {
    ...base,
    ...(processInfo ? { processInfo } : {}),
    ...(application !== undefined ? { application } : {}),
  };
}
