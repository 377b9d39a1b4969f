// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Login, as IBM JDBC does it (docs/protocol/login.md, jdbc-observed.md §1):
//   CONREQ (SL-framed)  → CONACC | CONREJ (svcError -951, -761, …) | REDIRECT
//   SQ_PROTOCOLS offer  → SQ_PROTOCOLS reply        (features in both decide widths)
//   [SQ_ACK             → reply, only if the reply sets feature 44 or 59]
//   SQ_INFO             → SQ_EOT
//   [SQ_DBOPEN          → SQ_DONE (warnings: 0x1 logged, 0x2 ANSI, 0x20 secondary) SQ_COST | SQ_ERR]

import {
  codecForLocale,
  contextFromFeatures,
  DEFAULT_CONTEXT,
  DONE_WARN_ANSI,
  DONE_WARN_LOCALE_MISMATCH,
  DONE_WARN_LOGGED,
  DONE_WARN_SECONDARY,
  decodeConnectResponse,
  ENHANCED_PROTOCOL_CAP,
  encodeConnectRequest,
  hasFeature,
  intersectFeatures,
  isNeedMoreData,
  type ProtocolContext,
  readSlPdu,
  type SlPdu,
} from "@informix-db/protocol";
import { ConnectionError, errorText, InformixError, ProtocolError } from "../errors.js";
import { clientProcessInfo } from "../transport/tcp.js";
import type { ResolvedConfig } from "./config.js";
import { adoptDatabaseLocale } from "./database-locale.js";
import type { Reply, Session } from "./session.js";

/** JDBC's 9-byte SQ_PROTOCOLS offer (fixtures/jdbc/02-sq-protocols-offer.hex); byte 9 = features 69, 70. */
export const JDBC_PROTOCOLS_OFFER = Uint8Array.of(0xff, 0xfc, 0x7f, 0xfc, 0x3c, 0x8c, 0xaa, 0x97, 0x06);
/** Features that make the client send SQ_ACK and wait (44 PAM, 59). */
const FEATURE_PAM = 44;
const FEATURE_ACK = 59;
/** JDBC's SQ_INFO environment (fixtures/jdbc/04-sq-info.hex). */
const INFO_ENV: ReadonlyArray<readonly [string, string]> = [
  ["DBTEMP", "/tmp"],
  ["SUBQCACHESZ", "10"],
];
const DEFAULT_CLIENT_LOCALE = "en_US.8859-1";
/** Java thread id JDBC sends for the main thread. */
const THREAD_ID = 1;

export interface ServerInfo {
  /** Version text from the login reply, e.g. "IBM Informix Dynamic Server Version 15.0.1.0.3DE". */
  readonly version: string;
  /** The server's DBSERVERNAME. */
  readonly serverName: string;
  readonly serial: string;
}

export interface DatabaseInfo {
  readonly name: string;
  /** The database has a transaction log. */
  readonly logged: boolean;
  /** MODE ANSI database (implicit transactions). */
  readonly ansi: boolean;
  /** Logged but not ANSI: BUFFERED or unbuffered log (not distinguishable on the wire). */
  readonly buffered: boolean;
  /**
   * The server is a read-only secondary of a cluster (sqlwarn6 at DATABASE): reads only,
   * writes fail with ISAM -140. Route writes to the primary.
   */
  readonly readOnly: boolean;
  /**
   * The database's locale, when it is not the DB_LOCALE the connection sent: the server
   * said so (DONE locale-mismatch warning) and the connection now converts with it.
   */
  readonly locale?: string;
}

/** The CONREQ environment block in JDBC's order; `env` overrides or appends. */
export function loginEnvironment(config: ResolvedConfig): Array<readonly [string, string]> {
  const pairs: Array<[string, string]> = [["DBPATH", "."]];
  if (config.dbLocale === undefined) {
    pairs.push(["CLIENT_LOCALE", config.clientLocale ?? DEFAULT_CLIENT_LOCALE]);
    pairs.push(["CLNT_PAM_CAPABLE", "1"], ["DBDATE", "Y4MD-"], ["IFX_UPDDESC", "1"]);
  } else {
    if (config.clientLocale !== undefined) pairs.push(["CLIENT_LOCALE", config.clientLocale]);
    pairs.push(["CLNT_PAM_CAPABLE", "1"], ["IFX_UPDDESC", "1"], ["DB_LOCALE", config.dbLocale]);
  }
  pairs.push(["NODEFDAC", "no"]);
  for (const [name, value] of config.env) {
    const at = pairs.findIndex(([n]) => n === name);
    if (at === -1) pairs.push([name, value]);
    else pairs[at] = [name, value];
  }
  return pairs;
}

export function buildConnectRequest(config: ResolvedConfig): Uint8Array {
  const p = clientProcessInfo();
  return encodeConnectRequest({
    user: config.user,
    password: config.password,
    server: config.server,
    database: "",
    env: loginEnvironment(config),
    processInfo: { pid: p.pid, threadId: THREAD_ID, hostname: p.hostname, tty: "", cwd: p.cwd },
    application: `informix-db@pid${p.pid}`,
    cap1: ENHANCED_PROTOCOL_CAP,
  });
}

async function readLoginPdu(session: Session): Promise<SlPdu> {
  const reader = session.decoder.byteReader;
  for (;;) {
    reader.mark();
    try {
      const pdu = readSlPdu(reader);
      reader.commit();
      return pdu;
    } catch (error) {
      if (!isNeedMoreData(error)) throw new ProtocolError("login reply is not SL-framed", { cause: error });
      reader.rewind();
    }
    await session.fill();
  }
}

/**
 * A REDIRECT login reply (a Connection Manager sending the client elsewhere): failover.ts
 * follows `target`. The detail is `label=server|host|port` (protocol session/connect-response.ts).
 */
export class Redirected extends ConnectionError {
  constructor(
    readonly target: { readonly server: string; readonly host: string; readonly port: number },
    detail: string,
  ) {
    super("CONNECTION_FAILED", `the server redirects this connection (${detail})`);
  }
}

function redirectOf(detail: string): Error {
  const m = /^(?:[^=|]*=)?([^|]*)\|([^|]+)\|(\d+)$/.exec(detail.trim());
  const port = m ? Number(m[3]) : 0;
  if (!m || port <= 0 || port > 65535) {
    return new ConnectionError(
      "NOT_SUPPORTED",
      `the server redirects this connection (${detail}) to no usable address`,
    );
  }
  return new Redirected({ server: m[1]!, host: m[2]!, port }, detail);
}

/** CONREQ → CONACC. Throws InformixError (LOGIN_FAILED) for a rejection. */
export async function login(session: Session, config: ResolvedConfig): Promise<ServerInfo> {
  await session.send(buildConnectRequest(config));
  const pdu = await readLoginPdu(session);
  let response: ReturnType<typeof decodeConnectResponse>;
  try {
    response = decodeConnectResponse(pdu.slType, pdu.body);
  } catch (cause) {
    throw new ProtocolError(`malformed login reply: ${(cause as Error).message}`, { cause });
  }
  if (response.outcome === "redirect") throw redirectOf(response.redirect ?? "");
  if (response.outcome === "reject") {
    const sqlcode = response.svcError === 0 ? -408 : response.svcError;
    let message = errorText(sqlcode, sqlcode === -761 ? config.server : sqlcode === -951 ? config.user : "");
    if (sqlcode === -761 && response.serverName !== "") message += ` The server's name is "${response.serverName}".`;
    throw new InformixError(
      { sqlcode, isamCode: response.osError, parameter: config.server },
      { code: "LOGIN_FAILED", fatal: true, message },
    );
  }
  return { version: response.version, serverName: response.serverName, serial: response.serial };
}

/** SQ_PROTOCOLS, SQ_ACK if asked for, SQ_INFO. Returns the negotiated context. */
export async function negotiate(session: Session, config: ResolvedConfig): Promise<ProtocolContext> {
  const codec = codecForLocale(config.dbLocale ?? config.clientLocale ?? DEFAULT_CLIENT_LOCALE);
  session.ctx = { ...DEFAULT_CONTEXT, codec };
  const reply = await session.exchange([{ kind: "protocols", features: JDBC_PROTOCOLS_OFFER }], ["protocols"]);
  failOn(reply, config);
  const offer = reply.messages.find((m) => m.kind === "protocols");
  if (offer?.kind !== "protocols") throw new ProtocolError("no SQ_PROTOCOLS in the reply to SQ_PROTOCOLS");
  session.ctx = contextFromFeatures(intersectFeatures(JDBC_PROTOCOLS_OFFER, offer.features), codec);
  if (hasFeature(offer.features, FEATURE_PAM) || hasFeature(offer.features, FEATURE_ACK)) {
    failOn(await session.exchange([{ kind: "ack" }]), config);
  }
  failOn(await session.exchange([{ kind: "info", env: INFO_ENV }]), config);
  return session.ctx;
}

/** SQ_DBOPEN; the DONE warnings describe the database. */
export async function openDatabase(session: Session, name: string): Promise<DatabaseInfo> {
  const reply = await session.exchange([{ kind: "dbopen", database: name, flags: 0 }]);
  if (reply.error) {
    const e = reply.error;
    throw new InformixError({ sqlcode: e.sqlcode, isamCode: e.isamCode, parameter: e.parameter || name });
  }
  const done = reply.messages.find((m) => m.kind === "done");
  const warnings = done?.kind === "done" ? done.warnings : 0;
  const ansi = (warnings & DONE_WARN_ANSI) !== 0;
  const logged = ansi || (warnings & DONE_WARN_LOGGED) !== 0;
  const readOnly = (warnings & DONE_WARN_SECONDARY) !== 0;
  const info = { name, logged, ansi, buffered: logged && !ansi, readOnly };
  if ((warnings & DONE_WARN_LOCALE_MISMATCH) === 0) return info;
  const locale = await adoptDatabaseLocale(session);
  return locale === undefined ? info : { ...info, locale };
}

function failOn(reply: Reply, config: ResolvedConfig): void {
  if (!reply.error) return;
  const e = reply.error;
  throw new InformixError(
    { sqlcode: e.sqlcode, isamCode: e.isamCode, parameter: e.parameter || config.server },
    { code: "LOGIN_FAILED", fatal: true },
  );
}
