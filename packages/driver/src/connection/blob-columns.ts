// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// conn.readBlobColumn() and conn.writeBlobColumn(): a BLOB or CLOB value moved through the
// server's LOTOFILE / FILETOBLOB / FILETOCLOB with a 'client' file that exists only in memory
// (client-files.ts answers the server's SQ_FILE requests). The caller's SQL holds the token
// BLOB_PLACEHOLDER exactly once, where the file name goes; it becomes a quoted name that
// is the same on every call, so the statement is prepared once and cached like any other.
// The virtual file is registered on the session only while that one statement runs.

import { type BindParameter, concatBytes, type TextCodec } from "@informix-db/protocol";
import { DriverError } from "../errors.js";
import type { QueryResult } from "../result/result.js";
import { type ConnectionCore, callOptions, type QueryOptions, runQuery, sourceOf } from "../statement/executor.js";
import { orderParameters } from "../statement/placeholders.js";
import { traceQuery } from "../transport/diagnostics.js";
import type { CallOptions } from "./cancel.js";
import { type ClientFileSource, ClientFiles, SourceReader } from "./client-files.js";

/** The token a readBlobColumn/writeBlobColumn statement holds where the client file name goes. */
export const BLOB_PLACEHOLDER = "BLOB_PLACEHOLDER";
/** The name the server is given for the virtual client file (LOTOFILE appends `.` + a suffix). */
export const CLIENT_FILE_NAME = "informix_db_client_file";

/** Options of `conn.writeBlobColumn`. */
export interface WriteBlobOptions extends CallOptions {
  /** The value: bytes, a string (in the connection's code set), or a stream of chunks. */
  readonly data: ClientFileSource;
  /** Values of the statement's other `?` / `:n` placeholders. */
  readonly params?: readonly unknown[];
}

/** What the flows need from the connection. */
export interface BlobColumnCore extends ConnectionCore {
  bindValues(values: readonly unknown[]): BindParameter[];
  text(): TextCodec;
  readonly databaseInfo: { readonly name: string } | undefined;
}

/** `sql` with the token replaced by the quoted file name; the token zero or 2+ times is INVALID_ARGUMENT. */
export function placeFileName(sql: unknown, method: string): string {
  if (typeof sql !== "string") throw new DriverError("INVALID_ARGUMENT", `${method}: sql must be a string`);
  const count = sql.split(BLOB_PLACEHOLDER).length - 1;
  if (count !== 1) {
    throw new DriverError(
      "INVALID_ARGUMENT",
      `${method}: the SQL must hold ${BLOB_PLACEHOLDER} exactly once, where the client file name goes (found ${count})`,
    );
  }
  return sql.replace(BLOB_PLACEHOLDER, `'${CLIENT_FILE_NAME}'`);
}

/**
 * Runs one statement with `files` answering its SQ_FILE requests. Everything is checked and
 * bound before the task is queued: a bad argument sends nothing.
 */
async function runWithFiles<R>(
  core: BlobColumnCore,
  files: ClientFiles,
  sql: string,
  params: unknown,
  options: CallOptions,
): Promise<QueryResult<R>> {
  const { plan, src } = sourceOf(sql, core.cache.capacity);
  if (!Array.isArray(params)) throw new DriverError("INVALID_ARGUMENT", "params must be an array");
  const binds = core.bindValues(orderParameters(plan, params));
  const queryOptions: QueryOptions = {};
  const run = () =>
    core.scheduler.run(async (s) => {
      s.files = files;
      try {
        return await runQuery<R>(core, s, src, binds, queryOptions);
      } finally {
        s.files = undefined;
      }
    }, callOptions(options));
  const { host, port } = core.config;
  const trace = () => ({ sql: src.sql, paramCount: src.paramCount, host, port, database: core.databaseInfo?.name });
  return traceQuery(trace, run);
}

/**
 * LOTOFILE(…, BLOB_PLACEHOLDER, 'client'): the bytes the server wrote for the one row the
 * query returns; null when it returns no row or the value is NULL. Several rows are
 * INVALID_ARGUMENT (narrow the WHERE clause, or read each locator with readLob).
 */
export async function readBlobColumn(
  core: BlobColumnCore,
  sql: string,
  params: readonly unknown[],
  options: CallOptions,
): Promise<Uint8Array | null> {
  const files = new ClientFiles(CLIENT_FILE_NAME, undefined);
  const result = await runWithFiles(core, files, placeFileName(sql, "readBlobColumn"), params, options);
  if (result.rows.length > 1) {
    throw new DriverError(
      "INVALID_ARGUMENT",
      `readBlobColumn: the query returned ${result.rows.length} rows; it reads the value of one row`,
    );
  }
  const [parts] = files.written.values();
  return result.rows.length === 0 || parts === undefined ? null : concatBytes(parts);
}

/**
 * FILETOBLOB(BLOB_PLACEHOLDER, 'client') / FILETOCLOB(…): runs the statement with `data` as the
 * client file; resolves to the statement's result. When a data stream fails, the statement
 * fails on the server (nothing is stored) and the stream's own error is thrown.
 */
export async function writeBlobColumn(
  core: BlobColumnCore,
  sql: string,
  options: WriteBlobOptions,
): Promise<QueryResult<Record<string, unknown>>> {
  const text = placeFileName(sql, "writeBlobColumn");
  if (typeof options !== "object" || options === null || !("data" in options)) {
    throw new DriverError("INVALID_ARGUMENT", "writeBlobColumn: options.data is required");
  }
  const source = new SourceReader(options.data, core.text());
  const files = new ClientFiles(CLIENT_FILE_NAME, source);
  let result: QueryResult<Record<string, unknown>>;
  try {
    result = await runWithFiles(core, files, text, options.params ?? [], options);
  } catch (error) {
    throw files.sourceError ?? error;
  } finally {
    await source.close().catch(() => undefined);
  }
  if (files.sourceError !== undefined) throw files.sourceError;
  return result;
}
