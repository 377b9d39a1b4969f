// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Decodes what a server sends after login, one message per next() (used by the driver).

import type { ProtocolContext } from "../constants/capabilities.js";
import * as Op from "../constants/opcodes.js";
import type { ByteReader } from "../io/byte-reader.js";
import { decodeBlob } from "../messages/blob.js";
import { decodeDbList } from "../messages/dblist.js";
import { decodeDescribe } from "../messages/describe.js";
import { decodeCost, decodeDone, decodeInsertDone, decodeXactStat } from "../messages/done.js";
import { decodeErr } from "../messages/err.js";
import { decodeFpRoutine, decodeGetRoutineReply } from "../messages/fast-path.js";
import { decodeLoDataReply } from "../messages/file-transfer.js";
import { decodeSgkDescribe, decodeSgkTuple } from "../messages/genkeys-reply.js";
import { decodeInputDescribe } from "../messages/input-describe.js";
import { decodeIfpDescribe } from "../messages/out-parameters.js";
import { decodeProtocols } from "../messages/protocols.js";
import { decodeSqFile } from "../messages/sq-file.js";
import { decodeTupId, decodeTuple, decodeTupleRun, type TupleRun } from "../messages/tuple.js";
import { decodeVersionReply } from "../messages/version.js";
import { ItemDecoder, type ItemDecoderLimits } from "./item-decoder.js";
import type { ServerMessage } from "./server-messages.js";

export class ServerItemDecoder extends ItemDecoder<ServerMessage> {
  constructor(context: () => ProtocolContext, limits: ItemDecoderLimits = {}) {
    super((code, r) => decodeServerBody(code, r, context()), "server", limits);
  }

  /**
   * Takes every whole SQ_TUPLE buffered next into `run` in one pass (a fetch reply's rows);
   * returns how many. next() then goes on with whatever follows them.
   */
  nextTuples(run: TupleRun): number {
    return decodeTupleRun(this.byteReader, run);
  }
}

function decodeServerBody(code: number, r: ByteReader, ctx: ProtocolContext): ServerMessage | undefined {
  switch (code) {
    case Op.SQ_EOT:
      return { kind: "eot" };
    case Op.SQ_EXIT:
      return { kind: "exit" };
    case Op.SQ_CLOSE:
      return { kind: "close" };
    case Op.SQ_PROTOCOLS:
      return decodeProtocols(r);
    case Op.SQ_DESCRIBE:
      return decodeDescribe(r, ctx);
    case Op.SQ_IDESCRIBE:
      return decodeInputDescribe(r, ctx);
    case Op.SQ_IFPDESCRIBE:
      return decodeIfpDescribe(r, ctx);
    case Op.SQ_SGKDESCRIBE:
      return decodeSgkDescribe(r, ctx);
    case Op.SQ_SGKTUPLE:
      return decodeSgkTuple(r);
    case Op.SQ_TUPLE:
      return decodeTuple(r);
    case Op.SQ_TUPID:
      return decodeTupId(r);
    case Op.SQ_DONE:
      return decodeDone(r, ctx);
    case Op.SQ_COST:
      return decodeCost(r);
    case Op.SQ_INSERTDONE:
      return decodeInsertDone(r, ctx);
    case Op.SQ_XACTSTAT:
      return decodeXactStat(r);
    case Op.SQ_ERR:
      return decodeErr(r, ctx);
    case Op.SQ_BLOB:
      return decodeBlob(r);
    case Op.SQ_LODATA:
      // The answer to an SQ_LODATA write (smart-lobs.md §4.1).
      return decodeLoDataReply(r);
    case Op.SQ_DBLIST:
      return decodeDbList(r, ctx);
    case Op.SQ_GETROUTINE:
      return decodeGetRoutineReply(r, ctx);
    case Op.SQ_FPROUTINE:
      return decodeFpRoutine(r, ctx);
    case Op.SQ_VERSION:
      return decodeVersionReply(r);
    case Op.SQ_FILE:
      // Mid-reply request for a client file (LOTOFILE/FILETOBLOB 'client'); the SQ_EOT after it is the next item.
      return decodeSqFile(r);
    default:
      return undefined;
  }
}
