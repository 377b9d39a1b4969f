// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Connect options and the two URL forms:
//   informix://user:pass@host:9088/db?server=ol_informix&clientLocale=en_US.utf8&DBDATE=MDY4/
//   jdbc:informix-sqli://host:9088/db:INFORMIXSERVER=ol_informix;user=u;password=p;DB_LOCALE=en_US.819
// Query-string / property names that are not driver options become login environment
// variables (sent in the CONREQ env block, like JDBC's connection properties).

import { codeSetOfLocale, findCodecForLocale } from "@informix-db/protocol";
import { DriverError } from "../errors.js";
import type { TypeParsers } from "../result/row-decoder.js";
import { readSqlhostsFile, sqlhostsPathFromEnv } from "../transport/sqlhosts-file.js";
import type { TransportFactory } from "../transport/transport.js";
import { parseServices, resolveSqlhosts } from "./sqlhosts.js";

/** Options of {@link connect}. */
export interface ConnectOptions {
  /** Host name or address (default "localhost"). */
  readonly host?: string;
  /** SQLI port (default 9088). */
  readonly port?: number;
  /** INFORMIXSERVER: the server's DBSERVERNAME or an alias (default "informix"). */
  readonly server?: string;
  /** Database to open after login; none when absent. */
  readonly database?: string;
  readonly user?: string;
  readonly password?: string;
  /** CLIENT_LOCALE sent at login (default "en_US.8859-1"). Decides the code set of SQL text and strings. */
  readonly clientLocale?: string;
  /** DB_LOCALE sent at login (JDBC then leaves CLIENT_LOCALE and DBDATE out). */
  readonly dbLocale?: string;
  /** Login environment variables (DBDATE, IFX_LOCK_MODE_WAIT, IFX_ISOLATION_LEVEL, DELIMIDENT, OPTOFC, …). */
  readonly env?: Readonly<Record<string, string | number | boolean>>;
  /**
   * Servers to try in order (failover): the first that accepts the connection and the login
   * is used, each attempt bounded by `connectTimeout`. `port` and `server` default to the
   * top-level ones. When absent, `host`/`port`/`server` is the only candidate.
   */
  readonly hosts?: ReadonlyArray<HostEntry>;
  /**
   * Path of a sqlhosts file: `server` (INFORMIXSERVER) is looked up there, and a server
   * group's members become the failover list (in file order; `c=1` starts at a random one).
   * An `onsocssl` entry connects with TLS. Without this option, $INFORMIXSQLHOSTS (else
   * $INFORMIXDIR/etc/sqlhosts) is used when neither `host` nor `hosts` is given.
   */
  readonly sqlhosts?: string;
  /** Milliseconds for TCP connect plus login (default 30000; 0 = none). */
  readonly connectTimeout?: number;
  /** Default per-call timeout in milliseconds (0 = none). Expiry on the wire breaks the connection. */
  readonly queryTimeout?: number;
  /** TLS: true, or node:tls connect options. */
  readonly tls?: boolean | Readonly<Record<string, unknown>>;
  /** Prepared statements kept per connection for statements with parameters (default 32; 0 disables). */
  readonly statementCacheSize?: number;
  /**
   * Rows per SQ_NFETCH round trip, used to size the fetch buffer. Unset, the buffer is sized
   * in bytes instead, as IDS clients size it with FET_BUF_SIZE: 32,767 bytes (as many rows as
   * fit), or 100 rows at their declared width when that is more.
   */
  readonly fetchSize?: number;
  /** "object" (default) gives `{ column: value }` rows; "array" gives value arrays. */
  readonly rowMode?: RowMode;
  /** Per-connection value parsers by Informix type name (e.g. `{ DECIMAL: (v) => new Big(v) }`). */
  readonly types?: TypeParsers;
  /** Replaces the TCP/TLS transport (tests, custom sockets). */
  readonly transport?: TransportFactory;
  /** Aborts the connect. */
  readonly signal?: AbortSignal;
  /**
   * Largest server message accepted, in bytes (default 16 MiB). A reply that claims more
   * (a row, a name table, a text field) fails with a ProtocolError before anything of that
   * size is buffered, and the connection breaks.
   */
  readonly maxMessageBytes?: number;
  /** Milliseconds close() waits for queued calls and the server's goodbye before it tears the socket down (default 5000). */
  readonly closeTimeout?: number;
  /**
   * Put parameter values into error messages and causes (default false: errors name the
   * parameter's position and type only, so values such as secrets never reach logs).
   */
  readonly exposeParameterValues?: boolean;
}

export type RowMode = "object" | "array";

/** One server of a failover list (see `hosts`). */
export interface HostEntry {
  readonly host: string;
  readonly port?: number;
  readonly server?: string;
}

/** A resolved failover candidate. */
export interface HostTarget {
  readonly host: string;
  readonly port: number;
  readonly server: string;
  /** TLS for this candidate (a sqlhosts `onsocssl` entry); the connection's `tls` otherwise. */
  readonly tls?: boolean | Readonly<Record<string, unknown>>;
}

/** Options after defaults and URL parsing. */
export interface ResolvedConfig {
  readonly host: string;
  readonly port: number;
  readonly server: string;
  /** Failover candidates in order (one: host/port/server). */
  readonly hosts: readonly HostTarget[];
  readonly database: string | undefined;
  readonly user: string;
  readonly password: string | null;
  readonly clientLocale: string | undefined;
  readonly dbLocale: string | undefined;
  readonly env: ReadonlyArray<readonly [string, string]>;
  readonly connectTimeout: number;
  readonly queryTimeout: number;
  readonly tls: boolean | Readonly<Record<string, unknown>>;
  readonly statementCacheSize: number;
  /** Undefined: the fetch buffer is sized in bytes (statement-ops.ts fetchBuffer). */
  readonly fetchSize: number | undefined;
  readonly rowMode: RowMode;
  readonly types: TypeParsers;
  readonly transport: TransportFactory | undefined;
  readonly maxMessageBytes: number;
  readonly closeTimeout: number;
  readonly exposeParameterValues: boolean;
}

export const DEFAULT_PORT = 9088;
const DEFAULT_CONNECT_TIMEOUT = 30_000;
const DEFAULT_STATEMENT_CACHE = 32;
/** 16 MiB: far above an Informix row (32 KB, or a few MB with large tuples), far below a hostile claim. */
export const DEFAULT_MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
const DEFAULT_CLOSE_TIMEOUT = 5000;
/** Smallest accepted maxMessageBytes: the login and describe replies of any server fit. */
const MIN_MAX_MESSAGE_BYTES = 64 * 1024;
const REDACTED = "[redacted]";
const INSPECT = Symbol.for("nodejs.util.inspect.custom");

/** URL keys (case-insensitive) that are driver options, not login environment variables. */
const OPTION_KEYS: Record<string, keyof ConnectOptions> = {
  informixserver: "server",
  server: "server",
  user: "user",
  password: "password",
  database: "database",
  client_locale: "clientLocale",
  clientlocale: "clientLocale",
  db_locale: "dbLocale",
  dblocale: "dbLocale",
  connecttimeout: "connectTimeout",
  login_timeout: "connectTimeout",
  logintimeout: "connectTimeout",
  querytimeout: "queryTimeout",
  statementcachesize: "statementCacheSize",
  fetchsize: "fetchSize",
  maxmessagebytes: "maxMessageBytes",
  closetimeout: "closeTimeout",
  rowmode: "rowMode",
  tls: "tls",
  ssl: "tls",
  ssl_connection: "tls",
  sqlhosts: "sqlhosts",
  sqlh_file: "sqlhosts",
};
const NUMERIC_OPTIONS = new Set<keyof ConnectOptions>([
  "connectTimeout",
  "queryTimeout",
  "statementCacheSize",
  "fetchSize",
  "maxMessageBytes",
  "closeTimeout",
]);

function invalid(message: string): DriverError {
  return new DriverError("INVALID_ARGUMENT", message);
}

/** Parses either URL form into options. */
export function parseConnectionString(url: string): ConnectOptions {
  const trimmed = url.trim();
  if (/^jdbc:informix-sqli:\/\//i.test(trimmed)) return parseJdbcUrl(trimmed);
  if (/^informix(\+tls|s)?:\/\//i.test(trimmed)) return parseInformixUrl(trimmed);
  throw invalid(`unsupported connection string "${trimmed.replace(/:[^:@/]*@/, ":***@")}"`);
}

function parseInformixUrl(text: string): ConnectOptions {
  let u: URL;
  try {
    u = new URL(text.replace(/^informix(\+tls|s)?:/i, "http:"));
  } catch (cause) {
    throw invalid(`malformed informix:// URL: ${(cause as Error).message}`);
  }
  const out: Record<string, unknown> = {};
  if (u.hostname) out["host"] = u.hostname.replace(/^\[|\]$/g, "");
  if (u.port) out["port"] = Number(u.port);
  if (u.username) out["user"] = decodeURIComponent(u.username);
  if (u.password) out["password"] = decodeURIComponent(u.password);
  const db = decodeURIComponent(u.pathname.replace(/^\//, ""));
  if (db) out["database"] = db;
  if (/^informix(\+tls|s):/i.test(text)) out["tls"] = true;
  const env: Record<string, string> = {};
  for (const [key, value] of u.searchParams) assign(out, env, key, value);
  if (Object.keys(env).length > 0) out["env"] = env;
  return out as ConnectOptions;
}

function parseJdbcUrl(text: string): ConnectOptions {
  const rest = text.replace(/^jdbc:informix-sqli:\/\//i, "");
  const m = /^(\[[^\]]+\]|[^:/]*)(?::(\d+))?(?:\/([^:]*))?(?::(.*))?$/s.exec(rest);
  if (!m) throw invalid(`malformed JDBC URL "${rest.replace(/password=[^;]*/i, "password=***")}"`);
  const out: Record<string, unknown> = {};
  if (m[1]) out["host"] = m[1].replace(/^\[|\]$/g, "");
  if (m[2]) out["port"] = Number(m[2]);
  if (m[3]) out["database"] = m[3];
  const env: Record<string, string> = {};
  for (const part of (m[4] ?? "").split(";")) {
    if (part.trim() === "") continue;
    const eq = part.indexOf("=");
    if (eq === -1) throw invalid(`JDBC URL property "${part}" has no "="`);
    assign(out, env, part.slice(0, eq).trim(), part.slice(eq + 1));
  }
  if (Object.keys(env).length > 0) out["env"] = env;
  return out as ConnectOptions;
}

function assign(out: Record<string, unknown>, env: Record<string, string>, key: string, value: string): void {
  const option = OPTION_KEYS[key.toLowerCase()];
  if (option === undefined) {
    env[key.toUpperCase()] = value;
    return;
  }
  if (NUMERIC_OPTIONS.has(option)) {
    const n = Number(value);
    if (!Number.isFinite(n) || n < 0) throw invalid(`option ${key} must be a non-negative number, got "${value}"`);
    // JDBC's LOGIN_TIMEOUT is in milliseconds too.
    out[option] = n;
  } else if (option === "tls") {
    out[option] = /^(1|true|yes|on)$/i.test(value);
  } else {
    out[option] = value;
  }
}

/** Applies defaults and validates. */
export function resolveConfig(options: ConnectOptions): ResolvedConfig {
  const port = options.port ?? DEFAULT_PORT;
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw invalid(`port must be 1..65535, got ${port}`);
  const env: Array<readonly [string, string]> = [];
  for (const [k, v] of Object.entries(options.env ?? {})) env.push([k, String(v)]);
  const fetchSize = options.fetchSize;
  if (fetchSize !== undefined && (!Number.isInteger(fetchSize) || fetchSize < 1)) {
    throw invalid(`fetchSize must be a positive integer`);
  }
  const maxMessageBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  if (!Number.isInteger(maxMessageBytes) || maxMessageBytes < MIN_MAX_MESSAGE_BYTES) {
    throw invalid(`maxMessageBytes must be an integer >= ${MIN_MAX_MESSAGE_BYTES}`);
  }
  for (const [name, locale] of [
    ["clientLocale", options.clientLocale],
    ["dbLocale", options.dbLocale],
  ] as const) {
    if (locale !== undefined && findCodecForLocale(locale) === undefined) {
      const known = codeSetOfLocale(locale) !== undefined;
      throw invalid(
        known
          ? `${name} ${locale}: this runtime's TextDecoder cannot decode its code set`
          : `${name} ${locale}: unknown code set (use e.g. en_US.8859-1, en_US.utf8, de_DE.cp1252, ja_JP.sjis-s)`,
      );
    }
  }
  const closeTimeout = options.closeTimeout ?? DEFAULT_CLOSE_TIMEOUT;
  if (!Number.isFinite(closeTimeout) || closeTimeout <= 0) throw invalid("closeTimeout must be a positive number");
  const server = options.server ?? "informix";
  const fromFile = sqlhostsTargets(options, server);
  const host = options.host ?? fromFile?.[0]?.host ?? "localhost";
  const hosts = fromFile ?? resolveHosts(options.hosts, { host, port, server });
  return redact({
    host,
    port: fromFile?.[0]?.port ?? port,
    server,
    hosts,
    database: options.database === "" ? undefined : options.database,
    user: options.user ?? "informix",
    password: options.password ?? null,
    clientLocale: options.clientLocale,
    dbLocale: options.dbLocale,
    env,
    connectTimeout: options.connectTimeout ?? DEFAULT_CONNECT_TIMEOUT,
    queryTimeout: options.queryTimeout ?? 0,
    tls: options.tls ?? false,
    statementCacheSize: options.statementCacheSize ?? DEFAULT_STATEMENT_CACHE,
    fetchSize,
    rowMode: options.rowMode ?? "object",
    types: options.types ?? {},
    transport: options.transport,
    maxMessageBytes,
    closeTimeout,
    exposeParameterValues: options.exposeParameterValues ?? false,
  });
}

/** The candidates a sqlhosts file gives for `server`, or undefined when none is used. */
function sqlhostsTargets(options: ConnectOptions, server: string): HostTarget[] | undefined {
  let path = options.sqlhosts;
  if (path !== undefined && options.hosts !== undefined) throw invalid("give either hosts or sqlhosts, not both");
  if (path === undefined && options.host === undefined && options.hosts === undefined) path = sqlhostsPathFromEnv();
  if (path === undefined) return undefined;
  const file = readSqlhostsFile(path);
  const tls = options.tls === undefined || options.tls === false ? true : options.tls;
  return resolveSqlhosts(file.text, server, parseServices(file.services)).map((e) => ({
    host: e.host,
    port: e.port,
    server: e.server,
    ...(e.tls ? { tls } : {}),
  }));
}

function resolveHosts(entries: ReadonlyArray<HostEntry> | undefined, fallback: HostTarget): readonly HostTarget[] {
  if (entries === undefined) return [fallback];
  if (!Array.isArray(entries) || entries.length === 0) throw invalid("hosts must be a non-empty array");
  return entries.map((e: HostEntry) => {
    if (typeof e?.host !== "string" || e.host === "") throw invalid("each hosts entry needs a host");
    const port = e.port ?? fallback.port;
    if (!Number.isInteger(port) || port <= 0 || port > 65535) throw invalid(`port must be 1..65535, got ${port}`);
    return { host: e.host, port, server: e.server ?? fallback.server };
  });
}

/** The config for one failover candidate (the secrets stay hidden). */
export function forTarget(config: ResolvedConfig, target: HostTarget): ResolvedConfig {
  return redact({ ...config, password: config.password, tls: config.tls, ...target });
}

/**
 * Hides the secrets of a resolved config (issue 7): `password` is not enumerable, so
 * spreading, Object.entries and JSON.stringify skip it, and util.inspect / console.log
 * and JSON.stringify print a copy with the password and the TLS options redacted.
 */
function redact(config: ResolvedConfig): ResolvedConfig {
  const { password, tls, ...rest } = config;
  const shown = () => ({
    ...rest,
    password: password === null ? null : REDACTED,
    tls: typeof tls === "object" ? REDACTED : tls,
  });
  const out = { ...rest } as Record<PropertyKey, unknown>;
  Object.defineProperty(out, "password", { value: password, enumerable: false });
  Object.defineProperty(out, "tls", { value: tls, enumerable: false });
  Object.defineProperty(out, "toJSON", { value: shown, enumerable: false });
  Object.defineProperty(out, INSPECT, { value: shown, enumerable: false });
  return Object.freeze(out) as unknown as ResolvedConfig;
}
