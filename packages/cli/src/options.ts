// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Command-line arguments and environment → what ifx does and where it connects. Precedence:
// options, then a URL argument, then the environment (INFORMIXSERVER with INFORMIXSQLHOSTS or
// $INFORMIXDIR/etc/sqlhosts for host and port; IFX_HOST, IFX_PORT, IFX_USER, IFX_PASSWORD;
// CLIENT_LOCALE, DB_LOCALE, and DBDATE, DELIMIDENT, … passed to the server at login), then defaults.

import { parseArgs } from "node:util";
import { type ConnectOptions, parseConnectionString } from "informix-db";
import type { OutputFormat } from "./format.js";
import { lookupServer } from "./sqlhosts.js";

export const USAGE = `usage: ifx [URL | DATABASE] [options]

  URL                    informix://user:pass@host:9088/db?server=NAME, informixs://… (TLS), or jdbc:informix-sqli://…
  -H, --host HOST        server host            (IFX_HOST, or sqlhosts; default localhost)
  -p, --port PORT        SQLI port              (IFX_PORT, or sqlhosts; default 9088)
  -s, --server NAME      INFORMIXSERVER         (INFORMIXSERVER; default informix)
  -d, --database DB      database to open
  -U, --user USER        user                   (IFX_USER; default informix)
  -P, --password PW      password               (IFX_PASSWORD; asked for in a terminal)
      --tls              connect with TLS
  -f, --file FILE        run the statements of FILE ("-" for stdin) and exit
  -e, --execute SQL      run SQL and exit
      --json             results as JSON lines
      --csv              results as CSV
      --timing           print how long each statement took
  -h, --help             this text
      --version          the version

Without -f or -e, ifx reads statements from stdin: an interactive prompt in a terminal, a script otherwise.
LOAD FROM 'file' [DELIMITER 'c'] INSERT INTO t and UNLOAD TO 'file' [DELIMITER 'c'] SELECT … work as in dbaccess
(default delimiter DBDELIMITER or |; dates in DBDATE order).`;

export interface CliOptions {
  readonly connect: ConnectOptions;
  readonly passwordGiven: boolean;
  readonly file: string | undefined;
  readonly execute: string | undefined;
  readonly format: OutputFormat;
  readonly timing: boolean;
  readonly help: boolean;
  readonly version: boolean;
}

const LOGIN_ENV = ["DBDATE", "DELIMIDENT", "DBCENTURY", "GL_DATE", "GL_DATETIME"];

export function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv): CliOptions {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      host: { type: "string", short: "H" },
      port: { type: "string", short: "p" },
      server: { type: "string", short: "s" },
      database: { type: "string", short: "d" },
      user: { type: "string", short: "U" },
      password: { type: "string", short: "P" },
      tls: { type: "boolean" },
      file: { type: "string", short: "f" },
      execute: { type: "string", short: "e" },
      json: { type: "boolean" },
      csv: { type: "boolean" },
      timing: { type: "boolean" },
      help: { type: "boolean", short: "h" },
      version: { type: "boolean" },
    },
  });
  if (positionals.length > 1) throw new Error(`one URL or database name expected, not ${positionals.join(" ")}`);
  const target = positionals[0];
  const fromUrl: ConnectOptions =
    target !== undefined && /^(informixs?|informix\+tls|jdbc:informix-sqli):/i.test(target)
      ? parseConnectionString(target)
      : {};
  const server = values.server ?? fromUrl.server ?? env["INFORMIXSERVER"] ?? "informix";
  const needHost = values.host === undefined && fromUrl.host === undefined && env["IFX_HOST"] === undefined;
  const sqlhosts = needHost ? lookupServer(env, server) : undefined;
  const portText = values.port ?? env["IFX_PORT"];
  const port = portText !== undefined ? Number(portText) : (fromUrl.port ?? sqlhosts?.port ?? 9088);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`--port must be 1..65535, not ${portText}`);
  const database = values.database ?? (fromUrl.host === undefined ? target : undefined) ?? fromUrl.database;
  const password = values.password ?? fromUrl.password ?? env["IFX_PASSWORD"];
  const loginEnv: Record<string, string | number | boolean> = { ...(fromUrl.env ?? {}) };
  for (const name of LOGIN_ENV) if (env[name] !== undefined && !(name in loginEnv)) loginEnv[name] = env[name]!;
  const tls = values.tls === true ? true : (fromUrl.tls ?? sqlhosts?.tls ?? false);
  const connect: ConnectOptions = {
    ...fromUrl,
    host: values.host ?? fromUrl.host ?? env["IFX_HOST"] ?? sqlhosts?.host ?? "localhost",
    port,
    server,
    user: values.user ?? fromUrl.user ?? env["IFX_USER"] ?? "informix",
    ...(password !== undefined ? { password } : {}),
    ...(database !== undefined ? { database } : {}),
    ...(Object.keys(loginEnv).length > 0 ? { env: loginEnv } : {}),
    ...(fromUrl.clientLocale === undefined && env["CLIENT_LOCALE"] ? { clientLocale: env["CLIENT_LOCALE"] } : {}),
    ...(fromUrl.dbLocale === undefined && env["DB_LOCALE"] ? { dbLocale: env["DB_LOCALE"] } : {}),
    tls,
  };
  return {
    connect,
    passwordGiven: password !== undefined,
    file: values.file,
    execute: values.execute,
    format: values.json ? "json" : values.csv ? "csv" : "table",
    timing: values.timing === true,
    help: values.help === true,
    version: values.version === true,
  };
}
