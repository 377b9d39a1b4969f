// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The login decision: which ConnectResponse a CONREQ gets. IDS checks the
// credentials before the server name (nmap's brute-force script treats -761 as
// "password right"), and a wrong name gets -761 with the real DBSERVERNAME in the
// server-name field, which clients such as nmap use to reconnect.

import {
  type ByteReader,
  type ConnectRequest,
  type ConnectResponse,
  decodeConnectRequest,
  isNeedMoreData,
  readSlPdu,
  SLTYPE_CONREQ,
  SqliProtocolError,
} from "@informix-db/protocol";

/** Incorrect password or user is not known on the database server. */
export const SQLCODE_BAD_PASSWORD = -951;
/** INFORMIXSERVER does not match either DBSERVERNAME or DBSERVERALIASES. */
export const SQLCODE_WRONG_SERVER = -761;

export interface LoginPolicy {
  readonly serverName: string;
  readonly aliases: readonly string[];
  readonly user: string;
  readonly password: string;
  readonly version: string;
  readonly serial: string;
  /** Play a redirector (Connection Manager): answer every CONREQ with REDIRECT and this detail. */
  readonly redirect?: string;
}

export function decideLogin(req: ConnectRequest, policy: LoginPolicy): ConnectResponse {
  const base = {
    version: policy.version,
    serial: policy.serial,
    serverName: policy.serverName,
    cap1: req.cap1,
    cap2: 0,
    cap3: 0,
    osError: 0,
    warnings: 0,
  };
  if (policy.redirect !== undefined) return { ...base, outcome: "redirect", svcError: 0, redirect: policy.redirect };
  if (req.user !== policy.user || (req.password ?? "") !== policy.password) {
    return { ...base, outcome: "reject", version: "", serial: "", svcError: SQLCODE_BAD_PASSWORD };
  }
  const names = [policy.serverName, ...policy.aliases].map((n) => n.toLowerCase());
  if (!names.includes(req.server.toLowerCase())) {
    return { ...base, outcome: "reject", version: "", serial: "", svcError: SQLCODE_WRONG_SERVER };
  }
  return { ...base, outcome: "accept", svcError: 0 };
}

/**
 * The CONREQ at the start of a connection, or undefined until all of it has arrived.
 * Bytes that are not one SL-framed CONREQ are a SqliProtocolError (the connection is dropped).
 */
export function readLoginRequest(reader: ByteReader): ConnectRequest | undefined {
  reader.mark();
  let pdu: ReturnType<typeof readSlPdu>;
  try {
    pdu = readSlPdu(reader);
  } catch (error) {
    if (isNeedMoreData(error)) {
      reader.rewind();
      return undefined;
    }
    throw new SqliProtocolError("MALFORMED", "login PDU is not SL-framed", 0, { cause: error });
  }
  reader.commit();
  if (pdu.slType !== SLTYPE_CONREQ) throw new SqliProtocolError("MALFORMED", `login PDU has SL type ${pdu.slType}`);
  return decodeConnectRequest(pdu.body);
}
