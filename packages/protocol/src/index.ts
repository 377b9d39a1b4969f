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
  EMULATOR_SERVER_FEATURES,
  FEATURE_BIGINT,
  FEATURE_DESCRIBE_INPUT,
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
export { concatBytes } from "./io/concat-bytes.js";
export { isNeedMoreData, NEED_MORE_DATA, type NeedMoreData } from "./io/need-more-data.js";
// Messages
export type { BareKind, BareMessage } from "./messages/bare.js";
export { type BindMessage, type BindParameter, bindFraming, INDICATOR_NULL } from "./messages/bind.js";
export { type BBindMessage, type BlobMessage, type FetchBlobMessage, MAX_BLOB_CHUNK } from "./messages/blob.js";
export {
  type CurNameMessage,
  type IdMessage,
  type NFetchMessage,
  type RetTypeColumn,
  type RetTypeMessage,
  SFETCH_ABSOLUTE,
  SFETCH_CURRENT,
  SFETCH_FIRST,
  SFETCH_LAST,
  SFETCH_NEXT,
  SFETCH_PRIOR,
  SFETCH_RELATIVE,
  type SFetchMessage,
} from "./messages/cursor.js";
export type { DbListMessage } from "./messages/dblist.js";
export type { DbOpenMessage } from "./messages/dbopen.js";
export type { DescribeField, DescribeMessage } from "./messages/describe.js";
export {
  type CostMessage,
  DONE_WARN_ANSI,
  DONE_WARN_IDS,
  DONE_WARN_LOCALE_MISMATCH,
  DONE_WARN_LOGGED,
  DONE_WARN_SECONDARY,
  DONE_WARN_SET,
  type DoneMessage,
  type InsertDoneMessage,
  type XactStatMessage,
} from "./messages/done.js";
export type { ErrMessage } from "./messages/err.js";
export {
  decodeFpRoutine,
  decodeGetRoutineReply,
  type ExFpRoutineMessage,
  type FpReturnValue,
  type FpRoutineMessage,
  GETROUTINE_BY_ID,
  type GetRoutineMessage,
  type GetRoutineReplyMessage,
} from "./messages/fast-path.js";
export {
  FILE_TRANSFER_FAILED,
  type FileReadMessage,
  type FileWriteMessage,
  type LoDataMessage,
} from "./messages/file-transfer.js";
export {
  GENKEYS_AUTO,
  GENKEYS_BY_INDEX,
  GENKEYS_BY_NAME,
  type GenKeysMessage,
} from "./messages/genkeys.js";
export type { SgkDescribeMessage, SgkTupleMessage } from "./messages/genkeys-reply.js";
export type { InfoMessage } from "./messages/info.js";
export type { InputDescribeMessage, InputParameter } from "./messages/input-describe.js";
export type { FpOutMessage, GetIfpDescMessage, IfpDescribeMessage, IfpParameter } from "./messages/out-parameters.js";
export type { PamResponseMessage } from "./messages/pam.js";
export type { ProtocolsMessage } from "./messages/protocols.js";
export type { SessionOptionMessage } from "./messages/session-options.js";
export { decodeSqFile, MAX_SQFILE_CHUNK, type SqFileMessage } from "./messages/sq-file.js";
export type { CommandMessage, PrepareMessage } from "./messages/sql-text.js";
export type { RollbackWorkMessage, SavepointMessage } from "./messages/transaction.js";
export {
  type TupIdMessage,
  type TupleMessage,
  type TupleRun,
  tupleAt,
  tupleRun,
} from "./messages/tuple.js";
export type { VersionReplyMessage } from "./messages/version.js";
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
export { encodeClientGroup, encodeClientMessages, encodeServerGroup } from "./streams/group-encoder.js";
export { DEFAULT_MAX_MESSAGE_BYTES, type ItemDecoderLimits } from "./streams/item-decoder.js";
export { ServerItemDecoder } from "./streams/server-item-decoder.js";
export { encodeServerMessage, type ServerMessage } from "./streams/server-messages.js";
export { ascii, latin1, type TextCodec, utf8 } from "./text/code-pages.js";
export { codecForLocale, codeSetOfLocale, findCodecForLocale } from "./text/code-sets.js";
export { bigintCodec } from "./types/bigint.js";
export { booleanCodec } from "./types/boolean.js";
export { BSON_EXTENDED_NAME, type BsonInput, bsonBindParameter, bsonCodec } from "./types/bson.js";
export { BsonObjectId, decodeBson } from "./types/bson-document.js";
export { encodeBson } from "./types/bson-encode.js";
export {
  BLOB_DESCRIPTOR_BYTES,
  BLOB_FLAG_IN_BLOBSPACE,
  BLOB_FLAG_IN_TABLE,
  BLOB_FLAG_NULL,
  type BlobDescriptorFields,
  blobDescriptorBytes,
  byteTextCodec,
  isNullBlobDescriptor,
  LONG_BLOB_DESCRIPTOR_BYTES,
  makeBlobDescriptor,
  readBlobDescriptor,
  resizeBlobDescriptor,
} from "./types/byte-text.js";
export { charCodec } from "./types/char.js";
export type { BindSlot, ColumnType, TypeCodec } from "./types/codec.js";
export { type CompositeInput, collectionCodec, compositeText } from "./types/collection.js";
export { encodeCollectionSendRecv, sendRecvCollection, unreadableSendRecvForm } from "./types/collection-sendrecv.js";
export {
  type CollectionKind,
  formatTypeShape,
  isCompositeTypeName,
  parseTypeShape,
  type RowField,
  type TypeShape,
} from "./types/composite-shape.js";
export {
  type CompositeLiteral,
  decodeCompositeText,
  formatComposite,
  literalToJs,
  parseCompositeLiteral,
} from "./types/composite-text.js";
export { dateCodec } from "./types/date.js";
export { datetimeCodec } from "./types/datetime.js";
export { decimalCodec, decimalEncodedLength, decimalTupleWidth, moneyCodec } from "./types/decimal.js";
export { FLOATING_SCALE } from "./types/decimal-text.js";
export { floatCodec } from "./types/float.js";
export { int8Codec } from "./types/int8.js";
export { integerCodec } from "./types/integer.js";
export { intervalCodec } from "./types/interval.js";
export { JSON_EXTENDED_NAME, jsonCodec, jsonText } from "./types/json.js";
export { lvarcharCodec } from "./types/lvarchar.js";
export { type OpaqueValue, opaqueCodec } from "./types/opaque.js";
export {
  datetimeQualifier,
  decodeQualifier,
  intervalQualifier,
  parseQualifier,
  type Qualifier,
  qualifierToText,
  qualifierTupleWidth,
  type TemporalKind,
} from "./types/qualifier.js";
export {
  codecForBaseType,
  codecForColumn,
  codecForExtendedType,
  decodeBindPayload,
  isVariableWidthType,
  readBindPayload,
  TYPE_CODECS,
} from "./types/registry.js";
export { rowCodec } from "./types/row.js";
export {
  encodeRowSendRecv,
  type SendRecvField,
  sendRecvFields,
} from "./types/row-sendrecv.js";
export { decodeRowSendRecvBind } from "./types/row-sendrecv-bind.js";
export { smallfloatCodec } from "./types/smallfloat.js";
export { smallintCodec } from "./types/smallint.js";
export {
  BlobLocator,
  ClobLocator,
  locatorFromPayload,
  locatorToHexPayload,
  SMART_LOB_LOCATOR_BYTES,
  SmartLobLocator,
  smartLobBindParameter,
  smartLobCodec,
} from "./types/smart-lob.js";
export { compileRowLayout, type RowLayout } from "./types/tuple.js";
export { TypeCodecError, type TypeCodecErrorCode } from "./types/type-codec-error.js";
export { InformixDate } from "./types/values/informix-date.js";
export { type DateTimeFields, InformixDateTime } from "./types/values/informix-datetime.js";
export { InformixInterval, type IntervalFields } from "./types/values/informix-interval.js";
export { varcharCodec } from "./types/varchar.js";
