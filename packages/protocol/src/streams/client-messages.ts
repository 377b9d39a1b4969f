// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Every message a client sends after login, and its encoder. The emulator decodes
// these (client-item-decoder.ts); the driver encodes them (request-encoder.ts).

import type { ProtocolContext } from "../constants/capabilities.js";
import type { ByteWriter } from "../io/byte-writer.js";
import { type BareMessage, encodeBare } from "../messages/bare.js";
import { type BindMessage, encodeBind } from "../messages/bind.js";
import {
  type BBindMessage,
  type BlobMessage,
  encodeBBind,
  encodeBlob,
  encodeFetchBlob,
  type FetchBlobMessage,
} from "../messages/blob.js";
import {
  type CurNameMessage,
  encodeCurName,
  encodeId,
  encodeNFetch,
  encodeRetType,
  encodeSFetch,
  type IdMessage,
  type NFetchMessage,
  type RetTypeMessage,
  type SFetchMessage,
} from "../messages/cursor.js";
import { type DbOpenMessage, encodeDbOpen } from "../messages/dbopen.js";
import {
  type ExFpRoutineMessage,
  encodeExFpRoutine,
  encodeGetRoutine,
  type GetRoutineMessage,
} from "../messages/fast-path.js";
import {
  encodeFileRead,
  encodeFileWrite,
  encodeLoData,
  type FileReadMessage,
  type FileWriteMessage,
  type LoDataMessage,
} from "../messages/file-transfer.js";
import { encodeGenKeys, type GenKeysMessage } from "../messages/genkeys.js";
import { encodeInfo, type InfoMessage } from "../messages/info.js";
import {
  encodeFpOut,
  encodeGetIfpDesc,
  type FpOutMessage,
  type GetIfpDescMessage,
} from "../messages/out-parameters.js";
import { encodePamResponse, type PamResponseMessage } from "../messages/pam.js";
import { encodeProtocols, type ProtocolsMessage } from "../messages/protocols.js";
import { encodeSessionOption, type SessionOptionMessage } from "../messages/session-options.js";
import { type CommandMessage, encodeCommand, encodePrepare, type PrepareMessage } from "../messages/sql-text.js";
import {
  encodeRollbackWork,
  encodeSavepoint,
  type RollbackWorkMessage,
  type SavepointMessage,
} from "../messages/transaction.js";

export type ClientMessage =
  | BareMessage
  | GetIfpDescMessage
  | FpOutMessage
  | ProtocolsMessage
  | InfoMessage
  | DbOpenMessage
  | PrepareMessage
  | CommandMessage
  | IdMessage
  | CurNameMessage
  | NFetchMessage
  | SFetchMessage
  | RetTypeMessage
  | BindMessage
  | BBindMessage
  | BlobMessage
  | FetchBlobMessage
  | RollbackWorkMessage
  | SavepointMessage
  | GetRoutineMessage
  | ExFpRoutineMessage
  | FileReadMessage
  | FileWriteMessage
  | LoDataMessage
  | PamResponseMessage
  | SessionOptionMessage
  | GenKeysMessage;

export function encodeClientMessage(msg: ClientMessage, ctx: ProtocolContext, w: ByteWriter): void {
  switch (msg.kind) {
    case "protocols":
      return encodeProtocols(msg, w);
    case "info":
      return encodeInfo(msg, w);
    case "dbopen":
      return encodeDbOpen(msg, ctx, w);
    case "prepare":
      return encodePrepare(msg, ctx, w);
    case "command":
      return encodeCommand(msg, ctx, w);
    case "id":
      return encodeId(msg, w);
    case "curname":
      return encodeCurName(msg, w);
    case "nfetch":
      return encodeNFetch(msg, ctx, w);
    case "sfetch":
      return encodeSFetch(msg, ctx, w);
    case "rettype":
      return encodeRetType(msg, w);
    case "bind":
      return encodeBind(msg, ctx, w);
    case "bbind":
      return encodeBBind(msg, w);
    case "blob":
      return encodeBlob(msg, w);
    case "fetchblob":
      return encodeFetchBlob(msg, w);
    case "rbwork":
      return encodeRollbackWork(msg, w);
    case "setsavepoint":
    case "releasesavepoint":
    case "rollbacksavepoint":
      return encodeSavepoint(msg, ctx, w);
    case "getroutine":
      return encodeGetRoutine(msg, ctx, w);
    case "exfproutine":
      return encodeExFpRoutine(msg, ctx, w);
    case "fileread":
      return encodeFileRead(msg, w);
    case "filewrite":
      return encodeFileWrite(msg, w);
    case "lodata":
      return encodeLoData(msg, w);
    case "pamresponse":
      return encodePamResponse(msg, w);
    case "isolevel":
    case "lockwait":
      return encodeSessionOption(msg, w);
    case "genkeys":
      return encodeGenKeys(msg, ctx, w);
    case "getifpdesc":
      return encodeGetIfpDesc(msg, ctx, w);
    case "fpout":
      return encodeFpOut(msg, w);
    default:
      return encodeBare(msg, w);
  }
}
