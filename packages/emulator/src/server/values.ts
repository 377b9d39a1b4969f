// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Turns engine rows (EngineValue: temporal values as Informix literal text) into SQ_TUPLE
// bodies with the protocol codecs, in the types SQ_RETTYPE asked for (retTypeColumns). Bound
// values come in through bind-values.ts.

import {
  ByteWriter,
  blobDescriptorBytes,
  type ColumnType,
  codecForColumn,
  compileRowLayout,
  encodeCollectionSendRecv,
  encodeRowSendRecv,
  InformixDate,
  InformixDateTime,
  InformixInterval,
  opaqueCodec,
  type ProtocolContext,
  parseCompositeLiteral,
  parseTypeShape,
  type RetTypeColumn,
  type RowLayout,
  resizeBlobDescriptor,
  type SendRecvField,
  SmartLobLocator,
  sendRecvCollection,
  sendRecvFields,
  typeCodes as T,
  unreadableSendRecvForm,
} from "@informix-db/protocol";
import type { EngineColumn, EngineValue } from "../engine/types.js";

type Converter = (value: EngineValue) => unknown;

/** A column as SQ_RETTYPE asked for it; a ROW asked as SENDRECV keeps its fields' types. */
type RetColumn = EngineColumn & {
  readonly sendRecv?: { readonly fields: SendRecvField[]; readonly rowType: number };
  readonly sendRecvCollection?: { readonly kind: number; readonly element: ColumnType };
  /** A ROW/collection asked as SENDRECV whose fields the binary form cannot carry here. */
  readonly sendRecvUnreadable?: true;
};

/**
 * The columns in the types the client asked for with SQ_RETTYPE: BOOLEAN as 45 (1/0), BLOB/CLOB
 * as SENDRECV 44 (the locator's raw bytes, smart-lobs.md §1), a ROW or collection as SENDRECV 44
 * (the binary form with its schema, composite-types.md; only of scalar fields/elements, others
 * stay text).
 * Others keep their type.
 */
export function retTypeColumns(columns: readonly EngineColumn[], wanted: readonly RetTypeColumn[]): RetColumn[] {
  return columns.map((c, i) => {
    const want = (wanted[i]?.type ?? c.type) & T.SQLTYPE_MASK;
    const base = c.type & T.SQLTYPE_MASK;
    if (want === T.SQLBOOL || (want === T.SQLSENDRECV && base === T.SQLUDTFIXED))
      return { ...c, type: wanted[i]!.type };
    if (want === T.SQLSENDRECV && (base === T.SQLSET || base === T.SQLMULTISET || base === T.SQLLIST)) {
      const collection = sendRecvCollection(parseTypeShape(c.definition ?? c.extendedName));
      if (collection !== undefined) return { ...c, type: T.SQLSENDRECV, sendRecvCollection: collection };
    }
    if (want === T.SQLSENDRECV && base === T.SQLROW) {
      const fields = sendRecvFields(parseTypeShape(c.definition ?? c.extendedName));
      const rowType = c.type & 0xffff & ~T.SQLNONULL;
      if (fields !== undefined) return { ...c, type: T.SQLSENDRECV, sendRecv: { fields, rowType } };
    }
    // Other fields (DATETIME, LVARCHAR, nested, …): a form JDBC steps over and refuses to read,
    // never the text form (JDBC would read its envelope as the form's length).
    if (want === T.SQLSENDRECV && isComposite(base)) return { ...c, type: T.SQLSENDRECV, sendRecvUnreadable: true };
    return c;
  });
}

const isComposite = (base: number) =>
  base === T.SQLROW || base === T.SQLSET || base === T.SQLMULTISET || base === T.SQLLIST;

const identity: Converter = (v) => v;

function converterFor(column: RetColumn, blobBytes: number, ctx: ProtocolContext): Converter {
  const collection = column.sendRecvCollection;
  if (collection !== undefined)
    return (v) =>
      encodeCollectionSendRecv(
        collection.kind,
        collection.element,
        typeof v === "string" ? parseCompositeLiteral(v) : null,
        ctx.codec,
      );
  if (column.sendRecvUnreadable === true) return () => unreadableSendRecvForm();
  const row = column.sendRecv;
  if (row !== undefined)
    return (v) =>
      encodeRowSendRecv(row.fields, typeof v === "string" ? parseCompositeLiteral(v) : null, row.rowType, ctx.codec);
  switch (column.type & T.SQLTYPE_MASK) {
    case T.SQLBYTES:
    case T.SQLTEXT:
      // Rows keep the 56-byte form; a session with long row ids gets the 68-byte one.
      return (v) => (v instanceof Uint8Array ? resizeBlobDescriptor(v, blobBytes) : v);
    case T.SQLUDTVAR:
    case T.SQLUDTFIXED:
    case T.SQLSENDRECV:
      // A user opaque type (CREATE OPAQUE TYPE) holds the text it was given: its bytes; a fixed
      // length one (41) always sends INTERNALLENGTH bytes, zero filled.
      if (codecForColumn(column) === opaqueCodec) {
        const fixed = (column.type & T.SQLTYPE_MASK) === T.SQLUDTFIXED ? column.encodedLength : 0;
        return (v) => (typeof v === "string" ? fixedLength(ctx.codec.encode(v), fixed) : v);
      }
      // BLOB/CLOB (SENDRECV when IBM JDBC's SQ_RETTYPE asks so): rows keep the locator's bytes (server/sbspace.ts).
      if (column.extendedId !== T.XID_BLOB && column.extendedId !== T.XID_CLOB) return identity;
      return (v) =>
        v instanceof Uint8Array ? SmartLobLocator.of(column.extendedId === T.XID_CLOB ? "clob" : "blob", v) : v;
    case T.SQLDATE:
      return (v) => (typeof v === "string" ? InformixDate.parse(v) : v);
    case T.SQLDTIME:
      return (v) => (typeof v === "string" ? InformixDateTime.parse(v, column.encodedLength) : v);
    case T.SQLINTERVAL:
      return (v) => (typeof v === "string" ? InformixInterval.parse(v, column.encodedLength) : v);
    default:
      return identity;
  }
}

function fixedLength(bytes: Uint8Array, length: number): Uint8Array {
  if (length === 0 || bytes.length === length) return bytes;
  const out = new Uint8Array(length);
  out.set(bytes.subarray(0, length));
  return out;
}

const isBlob = (type: number) => (type & T.SQLTYPE_MASK) === T.SQLBYTES || (type & T.SQLTYPE_MASK) === T.SQLTEXT;

/** Encodes engine rows of one statement as tuple bodies. */
export class RowEncoder {
  private readonly layout: RowLayout;
  private readonly converters: Converter[];
  private readonly writer = new ByteWriter(256);
  private readonly values: unknown[];

  constructor(columns: readonly RetColumn[], ctx: ProtocolContext) {
    // BYTE/TEXT descriptors are 68 bytes in a session with long row ids (types/byte-text.ts).
    const blobBytes = blobDescriptorBytes(ctx);
    const typed = columns.map((c) => (isBlob(c.type) ? { ...c, encodedLength: blobBytes } : c));
    this.layout = compileRowLayout(typed as readonly ColumnType[], ctx.codec);
    this.converters = columns.map((c) => converterFor(c, blobBytes, ctx));
    this.values = new Array<unknown>(columns.length);
  }

  encode(row: readonly EngineValue[]): Uint8Array {
    for (let i = 0; i < this.converters.length; i++) this.values[i] = this.converters[i]!(row[i] ?? null);
    this.layout.encodeRow(this.values, this.writer);
    return this.writer.take();
  }
}
