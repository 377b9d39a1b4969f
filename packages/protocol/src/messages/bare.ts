// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Messages that are only their 2-byte code. The same code can mean different things
// per direction (SQ_CLOSE from the server marks a cursor the server closed itself).

import {
  SQ_ACK,
  SQ_AUTOFREE,
  SQ_BEGIN,
  SQ_CIDESCRIBE,
  SQ_CLOSE,
  SQ_CMMTWORK,
  SQ_DBCLOSE,
  SQ_DBLIST,
  SQ_EOT,
  SQ_EXECUTE,
  SQ_EXIT,
  SQ_HOLD,
  SQ_NDESCRIBE,
  SQ_OPEN,
  SQ_RELEASE,
  SQ_SCROLL,
  SQ_VERSION,
  SQ_WANTDONE,
} from "../constants/opcodes.js";
import type { ByteWriter } from "../io/byte-writer.js";

export const BARE_CODES = {
  eot: SQ_EOT,
  exit: SQ_EXIT,
  ndescribe: SQ_NDESCRIBE,
  wantdone: SQ_WANTDONE,
  open: SQ_OPEN,
  execute: SQ_EXECUTE,
  close: SQ_CLOSE,
  release: SQ_RELEASE,
  scroll: SQ_SCROLL,
  hold: SQ_HOLD,
  autofree: SQ_AUTOFREE,
  begin: SQ_BEGIN,
  cmmtwork: SQ_CMMTWORK,
  dbclose: SQ_DBCLOSE,
  dblist: SQ_DBLIST,
  ack: SQ_ACK,
  cidescribe: SQ_CIDESCRIBE,
  /** IBM JDBC's isValid() probe; the server answers with version.ts. */
  version: SQ_VERSION,
} as const;

export type BareKind = keyof typeof BARE_CODES;

export interface BareMessage<K extends BareKind = BareKind> {
  readonly kind: K;
}

export function encodeBare(msg: BareMessage, w: ByteWriter): void {
  w.u16(BARE_CODES[msg.kind]);
}
