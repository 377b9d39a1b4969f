// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Public barrel of informix-db. Every export is listed by name; a change here is an API change.

export { BlobLocator, BsonObjectId, ClobLocator, SmartLobLocator } from "@informix-db/protocol";
export { connect } from "./connect.js";
export { BLOB_PLACEHOLDER, type WriteBlobOptions } from "./connection/blob-columns.js";
export type { CallOptions } from "./connection/cancel.js";
export type { ClientFileSource } from "./connection/client-files.js";
export type { ConnectOptions, HostEntry, RowMode } from "./connection/config.js";
export { parseConnectionString } from "./connection/config.js";
export { Connection, type IsolationLevel } from "./connection/connection.js";
export type { DatabaseInfo, ServerInfo } from "./connection/handshake.js";
export { LobHandle, type LobWhence } from "./connection/lob-handle.js";
export { LobReader } from "./connection/lob-reader.js";
export type { ConnectionState } from "./connection/scheduler.js";
export type { LobMode, OpenLobOptions } from "./connection/smart-lob-io.js";
export {
  findServer,
  parseServices,
  parseSqlhosts,
  resolveSqlhosts,
  type SqlhostsLine,
  type SqlhostsServer,
} from "./connection/sqlhosts.js";
export { Transaction } from "./connection/transaction.js";
export {
  AbortError,
  ConnectionError,
  DriverError,
  type ErrorCode,
  errorText,
  InformixError,
  ProtocolError,
  TimeoutError,
} from "./errors.js";
export { createPool, Pool } from "./pool/pool.js";
export type { AcquireOptions, PoolCloseOptions, PoolOptions, PoolStats, ReleaseOptions } from "./pool/pool-options.js";
export type { ColumnInfo } from "./result/columns.js";
export type { BatchResult, QueryResult } from "./result/result.js";
export type { Row, TypeParser, TypeParsers } from "./result/row-decoder.js";
export type { BatchOptions } from "./statement/batch.js";
export type { QueryOptions } from "./statement/executor.js";
export { Param, type ParamType, type TypedParameter } from "./statement/parameters.js";
export { PreparedStatement } from "./statement/prepared-statement.js";
export { ScrollCursor } from "./statement/scroll-cursor.js";
export type { Transport, TransportFactory, TransportTarget } from "./transport/transport.js";
export { InformixDate, InformixDateTime, InformixInterval } from "./values.js";
