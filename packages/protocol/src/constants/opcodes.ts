// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// SQLI message codes after login, spelled as IBM spells them (ESQL/JDBC names).
// Every message starts with one of these as a big-endian int16 and has no length
// field, so a decoder must know the layout of every code it can receive.

export const SQ_COMMAND = 1;
export const SQ_PREPARE = 2;
export const SQ_CURNAME = 3;
export const SQ_ID = 4;
export const SQ_BIND = 5;
export const SQ_OPEN = 6;
export const SQ_EXECUTE = 7;
export const SQ_DESCRIBE = 8;
export const SQ_NFETCH = 9;
export const SQ_CLOSE = 10;
export const SQ_RELEASE = 11;
export const SQ_EOT = 12;
export const SQ_ERR = 13;
export const SQ_TUPLE = 14;
export const SQ_DONE = 15;
export const SQ_CMMTWORK = 19;
export const SQ_RBWORK = 20;
export const SQ_NDESCRIBE = 22;
export const SQ_SFETCH = 23;
export const SQ_SCROLL = 24;
export const SQ_TUPID = 25;
export const SQ_DBLIST = 26;
export const SQ_BEGIN = 35;
export const SQ_DBOPEN = 36;
export const SQ_DBCLOSE = 37;
export const SQ_FETCHBLOB = 38;
export const SQ_BLOB = 39;
export const SQ_BBIND = 41;
export const SQ_HOLD = 43;
export const SQ_ISOLEVEL = 47;
export const SQ_LOCKWAIT = 48;
export const SQ_WANTDONE = 49;
export const SQ_VERSION = 53;
export const SQ_COST = 55;
export const SQ_EXIT = 56;
export const SQ_INFO = 81;
export const SQ_INSERTDONE = 94;
export const SQ_LODATA = 97;
export const SQ_FILE = 98;
export const SQ_XACTSTAT = 99;
export const SQ_RET_TYPE = 100;
export const SQ_GETROUTINE = 101;
export const SQ_EXFPROUTINE = 102;
export const SQ_FPROUTINE = 103;
export const SQ_FILE_READ = 106;
export const SQ_FILE_WRITE = 107;
export const SQ_AUTOFREE = 108;
export const SQ_CIDESCRIBE = 124;
export const SQ_IDESCRIBE = 125;
export const SQ_PROTOCOLS = 126;
export const SQ_ACCEPT = 127;
export const SQ_ACK = 128;
export const SQ_CHALLENGE = 129;
export const SQ_RESPONSE = 130;
/**
 * IBM JDBC asks about a routine's OUT parameters with 131 after SQLCODE -9752, reads the
 * answer 132 in `receiveIFPDescribe`, and sends 104 after the SQ_BIND of the fast-path call
 * (messages/out-parameters.ts). IBM's names for 131 and 104 are not public; these are ours.
 */
export const SQ_GETIFPDESC = 131;
export const SQ_IFPDESCRIBE = 132;
export const SQ_FPOUT = 104;
/**
 * IBM JDBC sends `00 86 00 01` after SQ_PREPARE of a statement prepared with
 * RETURN_GENERATED_KEYS (observed on loopback, docs/protocol/jdbc-observed.md). IBM's
 * name for it is not public; this one is ours.
 */
export const SQ_GENKEYS = 134;
export const SQ_SGKDESCRIBE = 135;
export const SQ_SGKTUPLE = 136;
export const SQ_SQLISETSVPT = 137;
export const SQ_SQLIRELSVPT = 138;
export const SQ_SQLIRBACKSVPT = 139;

/** Names by code, for traces and error messages. */
export const OPCODE_NAMES: Readonly<Record<number, string>> = {
  [SQ_COMMAND]: "SQ_COMMAND",
  [SQ_PREPARE]: "SQ_PREPARE",
  [SQ_CURNAME]: "SQ_CURNAME",
  [SQ_ID]: "SQ_ID",
  [SQ_BIND]: "SQ_BIND",
  [SQ_OPEN]: "SQ_OPEN",
  [SQ_EXECUTE]: "SQ_EXECUTE",
  [SQ_DESCRIBE]: "SQ_DESCRIBE",
  [SQ_NFETCH]: "SQ_NFETCH",
  [SQ_CLOSE]: "SQ_CLOSE",
  [SQ_RELEASE]: "SQ_RELEASE",
  [SQ_EOT]: "SQ_EOT",
  [SQ_ERR]: "SQ_ERR",
  [SQ_TUPLE]: "SQ_TUPLE",
  [SQ_DONE]: "SQ_DONE",
  [SQ_CMMTWORK]: "SQ_CMMTWORK",
  [SQ_RBWORK]: "SQ_RBWORK",
  [SQ_NDESCRIBE]: "SQ_NDESCRIBE",
  [SQ_SFETCH]: "SQ_SFETCH",
  [SQ_SCROLL]: "SQ_SCROLL",
  [SQ_TUPID]: "SQ_TUPID",
  [SQ_DBLIST]: "SQ_DBLIST",
  [SQ_BEGIN]: "SQ_BEGIN",
  [SQ_DBOPEN]: "SQ_DBOPEN",
  [SQ_DBCLOSE]: "SQ_DBCLOSE",
  [SQ_FETCHBLOB]: "SQ_FETCHBLOB",
  [SQ_BLOB]: "SQ_BLOB",
  [SQ_BBIND]: "SQ_BBIND",
  [SQ_VERSION]: "SQ_VERSION",
  [SQ_HOLD]: "SQ_HOLD",
  [SQ_ISOLEVEL]: "SQ_ISOLEVEL",
  [SQ_LOCKWAIT]: "SQ_LOCKWAIT",
  [SQ_WANTDONE]: "SQ_WANTDONE",
  [SQ_COST]: "SQ_COST",
  [SQ_EXIT]: "SQ_EXIT",
  [SQ_INFO]: "SQ_INFO",
  [SQ_INSERTDONE]: "SQ_INSERTDONE",
  [SQ_LODATA]: "SQ_LODATA",
  [SQ_FILE]: "SQ_FILE",
  [SQ_XACTSTAT]: "SQ_XACTSTAT",
  [SQ_RET_TYPE]: "SQ_RET_TYPE",
  [SQ_GETROUTINE]: "SQ_GETROUTINE",
  [SQ_EXFPROUTINE]: "SQ_EXFPROUTINE",
  [SQ_FPROUTINE]: "SQ_FPROUTINE",
  [SQ_FILE_READ]: "SQ_FILE_READ",
  [SQ_FILE_WRITE]: "SQ_FILE_WRITE",
  [SQ_AUTOFREE]: "SQ_AUTOFREE",
  [SQ_CIDESCRIBE]: "SQ_CIDESCRIBE",
  [SQ_IDESCRIBE]: "SQ_IDESCRIBE",
  [SQ_PROTOCOLS]: "SQ_PROTOCOLS",
  [SQ_ACCEPT]: "SQ_ACCEPT",
  [SQ_ACK]: "SQ_ACK",
  [SQ_CHALLENGE]: "SQ_CHALLENGE",
  [SQ_RESPONSE]: "SQ_RESPONSE",
  [SQ_GETIFPDESC]: "SQ_GETIFPDESC",
  [SQ_IFPDESCRIBE]: "SQ_IFPDESCRIBE",
  [SQ_FPOUT]: "SQ_FPOUT",
  [SQ_GENKEYS]: "SQ_GENKEYS",
  [SQ_SGKDESCRIBE]: "SQ_SGKDESCRIBE",
  [SQ_SGKTUPLE]: "SQ_SGKTUPLE",
  [SQ_SQLISETSVPT]: "SQ_SQLISETSVPT",
  [SQ_SQLIRELSVPT]: "SQ_SQLIRELSVPT",
  [SQ_SQLIRBACKSVPT]: "SQ_SQLIRBACKSVPT",
};

export function opcodeName(code: number): string {
  return OPCODE_NAMES[code] ?? `opcode ${code}`;
}
