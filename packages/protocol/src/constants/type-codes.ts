// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Informix SQL type codes (CSDK sqltypes.h names). The 16-bit type word on the wire
// carries the base type in its low byte and flags in its high byte.

export const SQLCHAR = 0;
export const SQLSMINT = 1;
export const SQLINT = 2;
export const SQLFLOAT = 3;
export const SQLSMFLOAT = 4;
export const SQLDECIMAL = 5;
export const SQLSERIAL = 6;
export const SQLDATE = 7;
export const SQLMONEY = 8;
export const SQLNULL = 9;
export const SQLDTIME = 10;
export const SQLBYTES = 11;
export const SQLTEXT = 12;
export const SQLVCHAR = 13;
export const SQLINTERVAL = 14;
export const SQLNCHAR = 15;
export const SQLNVCHAR = 16;
export const SQLINT8 = 17;
export const SQLSERIAL8 = 18;
export const SQLSET = 19;
export const SQLMULTISET = 20;
export const SQLLIST = 21;
export const SQLROW = 22;
export const SQLCOLLECTION = 23;
export const SQLUDTVAR = 40;
export const SQLUDTFIXED = 41;
export const SQLREFSER8 = 42;
export const SQLLVARCHAR = 43;
export const SQLSENDRECV = 44;
export const SQLBOOL = 45;
export const SQLIMPEXP = 46;
export const SQLIMPEXPBIN = 47;
export const SQLUNKNOWN = 51;
export const SQLINFXBIGINT = 52;
export const SQLBIGSERIAL = 53;

/** Mask that extracts the base type from a type word. */
export const SQLTYPE_MASK = 0xff;
/** Type-word flags (high byte). */
export const SQLNONULL = 0x0100;
export const SQLHOST = 0x0200;
export const SQLNETFLT = 0x0400;
export const SQLDISTINCT = 0x0800;
export const SQLNAMED = 0x1000;
export const SQLDLVARCHAR = 0x2000;
export const SQLDBOOLEAN = 0x4000;
export const SQLCLIENTCOLL = 0x8000;

/** Extended type ids (xid) of built-in opaque types. */
export const XID_LVARCHAR = 1;
export const XID_BOOLEAN = 5;
export const XID_BLOB = 10;
export const XID_CLOB = 11;

/** Time units of DATETIME/INTERVAL qualifiers (CSDK datetime.h). */
export const TU_YEAR = 0;
export const TU_MONTH = 2;
export const TU_DAY = 4;
export const TU_HOUR = 6;
export const TU_MINUTE = 8;
export const TU_SECOND = 10;
export const TU_FRAC = 12;
export const TU_F1 = 11;
export const TU_F2 = 12;
export const TU_F3 = 13;
export const TU_F4 = 14;
export const TU_F5 = 15;

/** Statement types of SQ_DESCRIBE (CSDK sqlstype.h), the ones the emulator produces. */
export const SQ_DATABASE = 1;
export const SQ_SELECT = 2;
export const SQ_SELINTO = 3;
export const SQ_UPDATE = 4;
export const SQ_DELETE = 5;
export const SQ_INSERT = 6;
export const SQ_UPDCURR = 7;
export const SQ_DELCURR = 8;
export const SQ_LOCK = 10;
export const SQ_UNLOCK = 11;
export const SQ_CREADB = 12;
export const SQ_DROPDB = 13;
export const SQ_CRETAB = 14;
export const SQ_DRPTAB = 15;
export const SQ_CREIDX = 16;
export const SQ_DRPIDX = 17;
export const SQ_GRANT = 18;
export const SQ_REVOKE = 19;
export const SQ_RENTAB = 20;
export const SQ_RENCOL = 21;
export const SQ_ALTER = 29;
export const SQ_UPDSTATS = 30;
export const SQ_CLSDB = 31;
export const SQ_DELALL = 32;
export const SQ_UPDALL = 33;
export const SQ_BEGWORK = 34;
export const SQ_COMMIT = 35;
export const SQ_ROLLBACK = 36;
export const SQ_STARTDB = 38;
export const SQ_CREVIEW = 40;
export const SQ_DROPVIEW = 41;
export const SQ_CREASYN = 43;
export const SQ_DROPSYN = 44;
export const SQ_CTEMP = 45;
export const SQ_WAITFOR = 46;
export const SQ_SETISOL = 48;
export const SQ_SETLOG = 49;
export const SQ_EXPLAIN = 50;
export const SQ_STRPROC = 53;
export const SQ_DRPPROC = 54;
export const SQ_EXECPROC = 56;
export const SQ_CRETRIG = 70;
export const SQ_DRPTRIG = 71;
export const SQ_UNKNOWN = 72;
/** CREATE ROW TYPE, DROP ROW TYPE, CREATE DISTINCT TYPE, CREATE OPAQUE TYPE, DROP TYPE (ESQL/C sqlstype.h). */
export const SQ_CREANRT = 90;
export const SQ_DROPNRT = 91;
export const SQ_CREADT = 92;
export const SQ_CREABT = 95;
export const SQ_DROPTYPE = 96;
export const SQ_SETENV = 110;
export const SQ_TRUNCATE = 122;
export const SQ_CRESEQ = 124;
export const SQ_DRPSEQ = 125;
export const SQ_MERGE = 128;
export const SQ_SAVEPOINT = 159;
export const SQ_RELSVPT = 160;
export const SQ_RBACKSVPT = 161;
