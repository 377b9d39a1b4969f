// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The resumable loop both item decoders share: mark, read one whole message, and on a
// short read rewind to the mark and report NEED_MORE_DATA. This is the one catch site
// for short reads (R3); anything else a body decoder throws becomes a protocol error.
//
// Hostile input (issue 7): one message may not exceed `maxMessageBytes`, checked against
// the length a field claims before its bytes arrive, and against what is buffered while
// an item is incomplete. After a short read, next() does not decode again until the
// bytes the item is known to need have arrived, so work per chunk stays bounded.

import { opcodeName } from "../constants/opcodes.js";
import { SqliProtocolError } from "../errors.js";
import { ByteReader } from "../io/byte-reader.js";
import { isNeedMoreData, NEED_MORE_DATA, type NeedMoreData } from "../io/need-more-data.js";

export type BodyDecoder<M> = (code: number, reader: ByteReader) => M | undefined;

/** Default for {@link ItemDecoderLimits.maxMessageBytes}: 64 MiB. */
export const DEFAULT_MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

export interface ItemDecoderLimits {
  /** The largest message (or single length-prefixed field) accepted, in bytes. */
  readonly maxMessageBytes?: number;
}

export class ItemDecoder<M> {
  private readonly reader: ByteReader;
  private readonly maxMessageBytes: number;

  constructor(
    private readonly decodeBody: BodyDecoder<M>,
    private readonly direction: string,
    limits: ItemDecoderLimits = {},
  ) {
    this.maxMessageBytes = limits.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
    this.reader = new ByteReader(this.maxMessageBytes);
  }

  /** Drops every buffered byte; the decoder is unusable for the old stream afterwards. */
  discard(): void {
    this.reader.discard();
  }

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
    if (r.sinceMark < r.wanted) return NEED_MORE_DATA;
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
        if (r.wanted > this.maxMessageBytes || r.sinceMark > this.maxMessageBytes) {
          throw new SqliProtocolError(
            "TOO_LARGE",
            `${opcodeName(code)} from ${this.direction} exceeds the limit of ${this.maxMessageBytes} bytes`,
            start,
          );
        }
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
    return this.reader.wanted;
  }

  /** The underlying reader, for login PDUs read before the message stream starts. */
  get byteReader(): ByteReader {
    return this.reader;
  }
}
