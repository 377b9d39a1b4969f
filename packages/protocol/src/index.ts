// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Public barrel of @informix-db/protocol. Every export is listed by name; a change
// here is an API change.

import * as opcodes from "./constants/opcodes.js";
import * as typeCodes from "./constants/type-codes.js";

export { opcodes, typeCodes };

// Capabilities and session setup
export {
  contextFromFeatures,
  DEFAULT_CONTEXT,
  FEATURE_BIGINT,
  FEATURE_LARGE_TUPLE,
  FEATURE_LONG_ROW_ID,
  FEATURE_REMOVE_64K_LIMIT,
  hasFeature,
  IDS15_SERVER_FEATURES,
  intersectFeatures,
  JDBC_CLIENT_FEATURES,
  type ProtocolContext,
} from "./constants/capabilities.js";
export { opcodeName } from "./constants/opcodes.js";
export { type ProtocolErrorCode, SqliProtocolError } from "./errors.js";
export { ByteReader } from "./io/byte-reader.js";
export { ByteWriter } from "./io/byte-writer.js";
export { isNeedMoreData, NEED_MORE_DATA, type NeedMoreData } from "./io/need-more-data.js";
// Messages
export type { BareKind, BareMessage } from "./messages/bare.js";
export { type BindMessage, type BindParameter, bindFraming, INDICATOR_NULL } from "./messages/bind.js";
export type { BBindMessage, BlobMessage, FetchBlobMessage } from "./messages/blob.js";
export {
  type CurNameMessage,
  type IdMessage,
  type NFetchMessage,
  type RetTypeColumn,
  type RetTypeMessage,
  SFETCH_ABSOLUTE,
  SFETCH_LAST,
  SFETCH_NEXT,
  type SFetchMessage,
} from "./messages/cursor.js";
export type { DbOpenMessage } from "./messages/dbopen.js";
export type { DescribeField, DescribeMessage } from "./messages/describe.js";
export {
  type CostMessage,
  DONE_WARN_ANSI,
  DONE_WARN_IDS,
  DONE_WARN_LOGGED,
  DONE_WARN_SET,
  type DoneMessage,
  type InsertDoneMessage,
  type XactStatMessage,
} from "./messages/done.js";
export type { ErrMessage } from "./messages/err.js";
export type { InfoMessage } from "./messages/info.js";
export type { ProtocolsMessage } from "./messages/protocols.js";
export type { CommandMessage, PrepareMessage } from "./messages/sql-text.js";
export type { RollbackWorkMessage, SavepointMessage } from "./messages/transaction.js";
export type { TupIdMessage, TupleMessage } from "./messages/tuple.js";
export {
  type ConnectRequest,
  decodeConnectRequest,
  ENHANCED_PROTOCOL_CAP,
  encodeConnectRequest,
  type ProcessInfo,
} from "./session/connect-request.js";
export {
  type ConnectOutcome,
  type ConnectResponse,
  decodeConnectResponse,
  encodeConnectResponse,
} from "./session/connect-response.js";
export {
  frameSlPdu,
  readSlPdu,
  SL_HEADER_SIZE,
  SLTYPE_CONACC,
  SLTYPE_CONREJ,
  SLTYPE_CONREQ,
  SLTYPE_REDIRECT,
  type SlPdu,
} from "./session/sl-header.js";
// Streams
export { ClientItemDecoder } from "./streams/client-item-decoder.js";
export { type ClientMessage, encodeClientMessage } from "./streams/client-messages.js";
export { encodeClientGroup, encodeServerGroup } from "./streams/group-encoder.js";
export { ServerItemDecoder } from "./streams/server-item-decoder.js";
export { encodeServerMessage, type ServerMessage } from "./streams/server-messages.js";
export { ascii, codecForLocale, latin1, type TextCodec, utf8 } from "./text/code-pages.js";
export type { BindSlot, ColumnType, TypeCodec } from "./types/codec.js";
