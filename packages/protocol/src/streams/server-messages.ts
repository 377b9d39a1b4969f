// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Every message a server sends after login, and its encoder. The driver decodes
// these (server-item-decoder.ts); the emulator encodes them.

import type { ProtocolContext } from "../constants/capabilities.js";
import { SQ_CLOSE, SQ_EOT, SQ_EXIT } from "../constants/opcodes.js";
import type { ByteWriter } from "../io/byte-writer.js";
import { type BlobMessage, encodeBlob } from "../messages/blob.js";
import { type DbListMessage, encodeDbList } from "../messages/dblist.js";
import { type DescribeMessage, encodeDescribe } from "../messages/describe.js";
import {
  type CostMessage,
  type DoneMessage,
  encodeCost,
  encodeDone,
  encodeInsertDone,
  encodeXactStat,
  type InsertDoneMessage,
  type XactStatMessage,
} from "../messages/done.js";
import { type ErrMessage, encodeErr } from "../messages/err.js";
import {
  encodeFpRoutine,
  encodeGetRoutineReply,
  type FpRoutineMessage,
  type GetRoutineReplyMessage,
} from "../messages/fast-path.js";
import { encodeLoDataReply, type LoDataReplyMessage } from "../messages/file-transfer.js";
import {
  encodeSgkDescribe,
  encodeSgkTuple,
  type SgkDescribeMessage,
  type SgkTupleMessage,
} from "../messages/genkeys-reply.js";
import { encodeInputDescribe, type InputDescribeMessage } from "../messages/input-describe.js";
import { encodeIfpDescribe, type IfpDescribeMessage } from "../messages/out-parameters.js";
import { encodeProtocols, type ProtocolsMessage } from "../messages/protocols.js";
import { encodeSqFile, type SqFileMessage } from "../messages/sq-file.js";
import { encodeTupId, encodeTuple, type TupIdMessage, type TupleMessage } from "../messages/tuple.js";
import { encodeVersionReply, type VersionReplyMessage } from "../messages/version.js";

/** Server messages without a body. SQ_CLOSE from the server: it closed the cursor itself. */
export interface ServerBareMessage {
  readonly kind: "eot" | "exit" | "close";
}

export type ServerMessage =
  | ServerBareMessage
  | ProtocolsMessage
  | DescribeMessage
  | InputDescribeMessage
  | IfpDescribeMessage
  | TupleMessage
  | TupIdMessage
  | DoneMessage
  | CostMessage
  | InsertDoneMessage
  | XactStatMessage
  | ErrMessage
  | LoDataReplyMessage
  | BlobMessage
  | DbListMessage
  | SqFileMessage
  | GetRoutineReplyMessage
  | FpRoutineMessage
  | VersionReplyMessage
  | SgkDescribeMessage
  | SgkTupleMessage;

const BARE = { eot: SQ_EOT, exit: SQ_EXIT, close: SQ_CLOSE } as const;

export function encodeServerMessage(msg: ServerMessage, ctx: ProtocolContext, w: ByteWriter): void {
  switch (msg.kind) {
    case "protocols":
      return encodeProtocols(msg, w);
    case "describe":
      return encodeDescribe(msg, ctx, w);
    case "idescribe":
      return encodeInputDescribe(msg, ctx, w);
    case "ifpdescribe":
      return encodeIfpDescribe(msg, ctx, w);
    case "sgkdescribe":
      return encodeSgkDescribe(msg, ctx, w);
    case "sgktuple":
      return encodeSgkTuple(msg, w);
    case "tuple":
      return encodeTuple(msg, w);
    case "tupid":
      return encodeTupId(msg, w);
    case "done":
      return encodeDone(msg, ctx, w);
    case "cost":
      return encodeCost(msg, w);
    case "insertdone":
      return encodeInsertDone(msg, ctx, w);
    case "xactstat":
      return encodeXactStat(msg, w);
    case "err":
      return encodeErr(msg, ctx, w);
    case "blob":
      return encodeBlob(msg, w);
    case "lodatareply":
      return encodeLoDataReply(msg, w);
    case "dblist":
      return encodeDbList(msg, ctx, w);
    case "sqfile":
      return encodeSqFile(msg, w);
    case "getroutinereply":
      return encodeGetRoutineReply(msg, ctx, w);
    case "fproutine":
      return encodeFpRoutine(msg, ctx, w);
    case "version":
      return encodeVersionReply(msg, w);
    default:
      w.u16(BARE[msg.kind]);
  }
}
