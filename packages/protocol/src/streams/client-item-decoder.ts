// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Decodes what a client sends after login, one message per next() (used by the emulator).
// Every code a client may send has a decoder here, so a server can answer each one, even
// a request it does not support, and stay in step. Codes only a server sends (SQ_DONE,
// SQ_TUPLE, …) and unknown codes throw UNKNOWN_OPCODE: their client layout is undefined.

import type { ProtocolContext } from "../constants/capabilities.js";
import * as Op from "../constants/opcodes.js";
import type { ByteReader } from "../io/byte-reader.js";
import { BARE_CODES, type BareKind } from "../messages/bare.js";
import { decodeBind } from "../messages/bind.js";
import { decodeBBind, decodeBlob, decodeFetchBlob } from "../messages/blob.js";
import { decodeCurName, decodeId, decodeNFetch, decodeRetType, decodeSFetch } from "../messages/cursor.js";
import { decodeDbOpen } from "../messages/dbopen.js";
import { decodeExFpRoutine, decodeGetRoutine } from "../messages/fast-path.js";
import { decodeFileRead, decodeFileWrite, decodeLoData } from "../messages/file-transfer.js";
import { decodeGenKeys } from "../messages/genkeys.js";
import { decodeInfo } from "../messages/info.js";
import { decodeFpOut, decodeGetIfpDesc } from "../messages/out-parameters.js";
import { decodePamResponse } from "../messages/pam.js";
import { decodeProtocols } from "../messages/protocols.js";
import { decodeSessionOption } from "../messages/session-options.js";
import { decodeCommand, decodePrepare } from "../messages/sql-text.js";
import { decodeRollbackWork, decodeSavepoint } from "../messages/transaction.js";
import type { ClientMessage } from "./client-messages.js";
import { ItemDecoder, type ItemDecoderLimits } from "./item-decoder.js";

const BARE_BY_CODE = new Map<number, BareKind>(
  Object.entries(BARE_CODES).map(([kind, code]) => [code, kind as BareKind]),
);

export class ClientItemDecoder extends ItemDecoder<ClientMessage> {
  /** The context may change once SQ_PROTOCOLS is negotiated, hence a getter. */
  constructor(context: () => ProtocolContext, limits: ItemDecoderLimits = {}) {
    super((code, r) => decodeClientBody(code, r, context()), "client", limits);
  }
}

function decodeClientBody(code: number, r: ByteReader, ctx: ProtocolContext): ClientMessage | undefined {
  switch (code) {
    case Op.SQ_PROTOCOLS:
      return decodeProtocols(r);
    case Op.SQ_INFO:
      return decodeInfo(r);
    case Op.SQ_DBOPEN:
      return decodeDbOpen(r, ctx);
    case Op.SQ_PREPARE:
      return decodePrepare(r, ctx);
    case Op.SQ_COMMAND:
      return decodeCommand(r, ctx);
    case Op.SQ_ID:
      return decodeId(r);
    case Op.SQ_CURNAME:
      return decodeCurName(r);
    case Op.SQ_NFETCH:
      return decodeNFetch(r, ctx);
    case Op.SQ_SFETCH:
      return decodeSFetch(r, ctx);
    case Op.SQ_RET_TYPE:
      return decodeRetType(r);
    case Op.SQ_BIND:
      return decodeBind(r, ctx);
    case Op.SQ_BBIND:
      return decodeBBind(r);
    case Op.SQ_BLOB:
      return decodeBlob(r);
    case Op.SQ_FETCHBLOB:
      return decodeFetchBlob(r, ctx);
    case Op.SQ_RBWORK:
      return decodeRollbackWork(r);
    case Op.SQ_SQLISETSVPT:
      return decodeSavepoint("setsavepoint", r, ctx);
    case Op.SQ_SQLIRELSVPT:
      return decodeSavepoint("releasesavepoint", r, ctx);
    case Op.SQ_SQLIRBACKSVPT:
      return decodeSavepoint("rollbacksavepoint", r, ctx);
    case Op.SQ_GETROUTINE:
      return decodeGetRoutine(r, ctx);
    case Op.SQ_EXFPROUTINE:
      return decodeExFpRoutine(r, ctx);
    case Op.SQ_FILE_READ:
      return decodeFileRead(r);
    case Op.SQ_FILE_WRITE:
      return decodeFileWrite(r);
    case Op.SQ_LODATA:
      return decodeLoData(r);
    case Op.SQ_RESPONSE:
      return decodePamResponse(r);
    case Op.SQ_ISOLEVEL:
      return decodeSessionOption("isolevel", r);
    case Op.SQ_LOCKWAIT:
      return decodeSessionOption("lockwait", r);
    case Op.SQ_GENKEYS:
      return decodeGenKeys(r, ctx);
    case Op.SQ_GETIFPDESC:
      return decodeGetIfpDesc(r, ctx);
    case Op.SQ_FPOUT:
      return decodeFpOut(r);
    default: {
      const kind = BARE_BY_CODE.get(code);
      return kind === undefined ? undefined : { kind };
    }
  }
}
