// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// SQ_BIND (5), client -> server, after SQ_ID. Carries the values of the `?` markers:
//
//   00 05  i16 n
//   per parameter:
//     i16 type                        base type code (the value's type, not the column's)
//     [char owner, char name]         types above 18 except BIGINT/BIGSERIAL (52, 53): IBM JDBC
//                                     sends LVARCHAR (43) and BOOLEAN (45) with "informix" and
//                                     their name, and an i32 length before the value
//     i16 indicator                   0 value, -1 NULL (no payload follows)
//     i16 precision                   type-specific: length, scale, or qualifier
//     payload, padded to even:
//       SMALLINT 2, INTEGER/SERIAL/DATE/SMALLFLOAT 4, FLOAT/BIGINT/BIGSERIAL 8,
//       INT8/SERIAL8 10; CHAR/VARCHAR/NCHAR/NVARCHAR/LVARCHAR/BOOLEAN and
//       DECIMAL/MONEY/DATETIME/INTERVAL: i16 length + bytes; named types (above):
//       i32 length + bytes; BYTE/TEXT: the blob descriptor, 68 bytes when feature 70 (long
//       row ids) is negotiated, as IBM JDBC does, else 56 (types/byte-text.ts); the value
//       follows in SQ_BBIND (messages/blob.ts).
// Each type's codec owns its framing (types/registry.ts readBindPayload); the value
// bytes are kept raw here and decoded later by the same codec (R5).

import type { ProtocolContext } from "../constants/capabilities.js";
import { SQ_BIND } from "../constants/opcodes.js";
import * as T from "../constants/type-codes.js";
import type { ByteReader } from "../io/byte-reader.js";
import type { ByteWriter } from "../io/byte-writer.js";
import { blobDescriptorBytes } from "../types/byte-text.js";
import { readBindPayload } from "../types/registry.js";

export const INDICATOR_VALUE = 0;
export const INDICATOR_NULL = -1;
export const BLOB_DESCRIPTOR_SIZE = 56;

export interface BindParameter {
  readonly type: number;
  readonly owner?: string;
  readonly typeName?: string;
  readonly indicator: number;
  readonly precision: number;
  /** Value bytes without length prefix or pad; null when the indicator says NULL. */
  readonly payload: Uint8Array | null;
}

export interface BindMessage {
  readonly kind: "bind";
  readonly parameters: readonly BindParameter[];
}

const FIXED_WIDTHS: Readonly<Record<number, number>> = {
  [T.SQLSMINT]: 2,
  [T.SQLINT]: 4,
  [T.SQLSERIAL]: 4,
  [T.SQLDATE]: 4,
  [T.SQLSMFLOAT]: 4,
  [T.SQLFLOAT]: 8,
  [T.SQLINFXBIGINT]: 8,
  [T.SQLBIGSERIAL]: 8,
  [T.SQLINT8]: 10,
  [T.SQLSERIAL8]: 10,
  [T.SQLBYTES]: BLOB_DESCRIPTOR_SIZE,
  [T.SQLTEXT]: BLOB_DESCRIPTOR_SIZE,
};

/** Types sent with their owner and name (and an i32-framed value). */
function carriesTypeName(base: number): boolean {
  return base > T.SQLSERIAL8 && base !== T.SQLINFXBIGINT && base !== T.SQLBIGSERIAL;
}

/** How the payload of a base type is framed in SQ_BIND (the encoding side of the codecs' readBind). */
export function bindFraming(type: number): "fixed" | "short-length" | "int-length" {
  const base = type & T.SQLTYPE_MASK;
  if (FIXED_WIDTHS[base] !== undefined) return "fixed";
  if (carriesTypeName(base)) return "int-length";
  return "short-length";
}

export function encodeBind(msg: BindMessage, ctx: ProtocolContext, w: ByteWriter): void {
  w.u16(SQ_BIND).i16(msg.parameters.length);
  for (const p of msg.parameters) {
    w.u16(p.type);
    if (carriesTypeName(p.type & T.SQLTYPE_MASK)) {
      w.char(ctx.codec.encode(p.owner ?? "")).char(ctx.codec.encode(p.typeName ?? ""));
    }
    w.i16(p.payload === null ? INDICATOR_NULL : p.indicator).i16(p.precision);
    if (p.payload === null) continue;
    const framing = bindFraming(p.type);
    const prefix = framing === "short-length" ? 2 : framing === "int-length" ? 4 : 0;
    if (framing === "short-length") w.u16(p.payload.length);
    else if (framing === "int-length") w.i32(p.payload.length);
    w.bytes(p.payload).padTo2(prefix + p.payload.length);
  }
}

export function decodeBind(r: ByteReader, ctx: ProtocolContext): BindMessage {
  const count = r.i16();
  if (count < 0) throw new RangeError(`SQ_BIND with negative count ${count}`);
  const parameters: BindParameter[] = [];
  for (let i = 0; i < count; i++) {
    const type = r.u16();
    const base = type & T.SQLTYPE_MASK;
    let owner: string | undefined;
    let typeName: string | undefined;
    if (carriesTypeName(base)) {
      owner = ctx.codec.decode(r.char());
      typeName = ctx.codec.decode(r.char());
    }
    const indicator = r.i16();
    const precision = r.i16();
    let payload: Uint8Array | null = null;
    if (indicator !== INDICATOR_NULL) {
      payload =
        base === T.SQLBYTES || base === T.SQLTEXT
          ? r.bytes(blobDescriptorBytes(ctx)).slice()
          : readBindPayload(r, { type, precision }).slice();
    }
    const base2 = { type, indicator, precision, payload };
    parameters.push(owner === undefined ? base2 : { ...base2, owner, typeName: typeName ?? "" });
  }
  return { kind: "bind", parameters };
}
