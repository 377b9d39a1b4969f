// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The resumable loop both item decoders share: mark, read one whole message, and on a
// short read rewind to the mark and report NEED_MORE_DATA. This is the one catch site
// for short reads (R3); anything else a body decoder throws becomes a protocol error.

import { opcodeName } from "../constants/opcodes.js";
import { SqliProtocolError } from "../errors.js";
import { ByteReader } from "../io/byte-reader.js";
import { isNeedMoreData, NEED_MORE_DATA, type NeedMoreData } from "../io/need-more-data.js";

export type BodyDecoder<M> = (code: number, reader: ByteReader) => M | undefined;

export class ItemDecoder<M> {
  private readonly reader = new ByteReader();

  constructor(
    private readonly decodeBody: BodyDecoder<M>,
    private readonly direction: string,
  ) {}

  /** Queues bytes received from the peer. */
  push(chunk: Uint8Array): void {
    this.reader.push(chunk);
  }

  /** Bytes queued but not yet decoded. */
  get buffered(): number {
    return this.reader.available;
  }

  /** The next complete message, or NEED_MORE_DATA. Throws SqliProtocolError on bytes that are not SQLI. */
  next(): M | NeedMoreData {
    const r = this.reader;
    r.mark();
    const start = r.offset;
    let code = -1;
    try {
      code = r.i16();
      const message = this.decodeBody(code, r);
      if (message === undefined) {
        throw new SqliProtocolError("UNKNOWN_OPCODE", `unknown ${this.direction} message code ${code}`, start);
      }
      r.commit();
      return message;
    } catch (error) {
      if (isNeedMoreData(error)) {
        r.rewind();
        return NEED_MORE_DATA;
      }
      if (error instanceof SqliProtocolError) throw error;
      throw new SqliProtocolError("MALFORMED", `malformed ${opcodeName(code)} from ${this.direction}`, start, {
        cause: error,
      });
    }
  }

  /** After NEED_MORE_DATA: the least number of bytes the pending message needs in all. */
  get pendingMessageBytes(): number {
    return this.reader.wantedFromMark;
  }

  /** The underlying reader, for login PDUs read before the message stream starts. */
  get byteReader(): ByteReader {
    return this.reader;
  }
}
