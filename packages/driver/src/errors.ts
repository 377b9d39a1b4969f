// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The driver's error classes (STYLE R10): few classes, a stable `code` from one union,
// every server field unrenamed, `fatal` (the connection is unusable afterwards) and
// `retryable` (running the same work again may succeed) decided where the error is made.

import { ERROR_CATALOG } from "./generated/error-catalog.js";
import type { BatchResult } from "./result/result.js";

/** Every `code` a driver error can carry. */
export type ErrorCode =
  | "SQL_ERROR"
  | "LOGIN_FAILED"
  | "CONNECTION_FAILED"
  | "CONNECTION_LOST"
  | "CONNECTION_CLOSED"
  | "CONNECTION_BROKEN"
  /**
   * The connection failed while a COMMIT (or a statement the server commits on its own,
   * outside a transaction) was in flight: the work may or may not have been committed.
   * Reconcile before retrying (docs/reliability.md).
   */
  | "COMMIT_OUTCOME_UNKNOWN"
  | "PROTOCOL_ERROR"
  | "TIMEOUT"
  | "ABORTED"
  | "INVALID_ARGUMENT"
  /** A character the connection's code set (DB_LOCALE) cannot represent; nothing was sent. */
  | "UNMAPPABLE_CHARACTER"
  | "INVALID_STATE"
  | "NOT_SUPPORTED"
  | "POOL_TIMEOUT"
  | "POOL_CLOSED";

export interface DriverErrorOptions {
  readonly fatal?: boolean;
  readonly retryable?: boolean;
  readonly cause?: unknown;
  /** executeMany(): the 0-based row the error is about. */
  readonly batchIndex?: number;
  /** executeMany(): the results of the rows applied before it. */
  readonly batchApplied?: BatchResult;
}

/** Base class of every error this driver throws. */
export class DriverError extends Error {
  override readonly name: string = "DriverError";
  /** True when the connection that produced the error can no longer be used. */
  readonly fatal: boolean;
  /** True when running the same work again (on a healthy connection) may succeed. */
  readonly retryable: boolean;
  /**
   * executeMany(): the 0-based index of the row that failed (or was refused before
   * anything was sent); undefined for other calls.
   */
  readonly batchIndex: number | undefined;
  /**
   * executeMany(): the rows that were applied, all before `batchIndex` (none when the
   * rows were refused before sending). Inside a transaction they are not committed yet.
   */
  readonly batchApplied: BatchResult | undefined;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options: DriverErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.fatal = options.fatal ?? false;
    this.retryable = options.retryable ?? false;
    this.batchIndex = options.batchIndex;
    this.batchApplied = options.batchApplied;
  }
}

/** SQLCODEs and ISAM codes after which a retry may succeed (locks, deadlocks). */
const RETRYABLE_CODES = new Set([-107, -143, -154, -243, -244, -245, -246, -250, -263]);

/** Renders the catalogue text of `code` with `parameter` in place of `%s`. */
export function errorText(code: number, parameter = ""): string {
  const entry = ERROR_CATALOG.get(code);
  if (entry === undefined) return `Informix error ${code}${parameter ? ` (${parameter})` : ""}.`;
  const text = entry[1];
  if (!text.includes("%s")) return text;
  return text.replace("%s", parameter === "" ? "" : `(${parameter})`).replace(/ {2,}/g, " ");
}

/** The SQLSTATE of an Informix code ("IX000" for Informix-specific errors). */
export function sqlstateOf(code: number): string {
  return ERROR_CATALOG.get(code)?.[0] ?? "IX000";
}

export interface InformixErrorFields {
  readonly sqlcode: number;
  readonly isamCode?: number;
  readonly offset?: number;
  /** The `%s` of the message: a table, column or constraint name. */
  readonly parameter?: string;
  readonly sql?: string;
}

/** An error reported by the server (SQ_ERR, a rejected login, a failed DBOPEN). */
export class InformixError extends DriverError {
  override readonly name: string = "InformixError";
  readonly sqlcode: number;
  readonly isamCode: number;
  readonly sqlstate: string;
  /** 1-based position in the SQL text, 0 when the server gave none. */
  readonly offset: number;
  readonly parameter: string;
  readonly sql: string | undefined;

  constructor(fields: InformixErrorFields, options: DriverErrorOptions & { code?: ErrorCode; message?: string } = {}) {
    const isam = fields.isamCode ?? 0;
    const text = options.message ?? errorText(fields.sqlcode, fields.parameter ?? "");
    const isamText = isam !== 0 ? ` (ISAM ${isam}: ${errorText(isam)})` : "";
    super(options.code ?? "SQL_ERROR", `[${fields.sqlcode}] ${text}${isamText}`, {
      ...options,
      retryable: options.retryable ?? (RETRYABLE_CODES.has(fields.sqlcode) || RETRYABLE_CODES.has(isam)),
    });
    this.sqlcode = fields.sqlcode;
    this.isamCode = isam;
    this.sqlstate = sqlstateOf(fields.sqlcode);
    this.offset = fields.offset ?? 0;
    this.parameter = fields.parameter ?? "";
    this.sql = fields.sql;
  }
}

/** The connection could not be made, was lost, or is closed or broken. */
export class ConnectionError extends DriverError {
  override readonly name: string = "ConnectionError";
  /** Informix's code for the failure (-908, -930) when there is one, else 0. */
  readonly sqlcode: number;

  constructor(code: ErrorCode, message: string, options: DriverErrorOptions & { sqlcode?: number } = {}) {
    super(code, message, { fatal: true, ...options });
    this.sqlcode = options.sqlcode ?? 0;
  }
}

/** The server sent bytes that are not the expected SQLI; the connection is broken. */
export class ProtocolError extends DriverError {
  override readonly name: string = "ProtocolError";
  constructor(message: string, options: DriverErrorOptions = {}) {
    super("PROTOCOL_ERROR", message, { fatal: true, ...options });
  }
}

/** A connect, query or pool timeout expired. */
export class TimeoutError extends DriverError {
  override readonly name: string = "TimeoutError";
  constructor(message: string, options: DriverErrorOptions & { code?: ErrorCode } = {}) {
    super(options.code ?? "TIMEOUT", message, { retryable: true, ...options });
  }
}

/** The caller's AbortSignal fired. */
export class AbortError extends DriverError {
  override readonly name: string = "AbortError";
  constructor(message: string, options: DriverErrorOptions = {}) {
    super("ABORTED", message, options);
  }
}

/**
 * Where a public method was called. Issue 11: capturing a stack on every call cost ~5–8 µs,
 * so by default nothing is captured until an error is thrown: withCallSite() then takes the
 * stack at the catch site, inside the public method, where V8's async stack traces still
 * list the user's awaiting frames ("at async handler (app.js:12)"). `stack` is set only by
 * captureStackNow(), for the few places that need the caller's stack without an error
 * (the pool's leak warning).
 */
export interface CallSite {
  stack?: string;
}

/** A call site whose stack is taken only if an error is thrown (see {@link CallSite}). */
export function captureCallSite(_fn: (...args: never[]) => unknown): CallSite {
  return {};
}

/** Captures the stack of the caller of `fn` now (costs microseconds; use only when asked for). */
export function captureStackNow(fn: (...args: never[]) => unknown): CallSite {
  const site: CallSite = {};
  Error.captureStackTrace(site, fn);
  return site;
}

/**
 * Makes `error` show where the user called the driver: the stack of the call site (captured
 * now, at the catch site, when it was not captured at the call) replaces the internal
 * frames below the message.
 */
export function withCallSite<E>(error: E, site: CallSite): E {
  if (!(error instanceof Error)) return error;
  let stack = site.stack;
  if (stack === undefined) {
    const here: CallSite = {};
    Error.captureStackTrace(here, withCallSite);
    stack = here.stack;
  }
  if (stack !== undefined) {
    const frames = stack.split("\n").slice(1).join("\n");
    error.stack = `${error.name}: ${error.message}\n${frames}`;
  }
  return error;
}
