// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The SQLCODE IDS gives when a statement's row operation fails beneath it (an ISAM error): a
// lock it could not get (-107/-154), a deadlock (-143), a write on a read-only secondary
// (-140). The ISAM code says why; the SQLCODE says which operation.

import { typeCodes as codes } from "@informix-db/protocol";
import { ISAM, SQL } from "./error-codes.js";
import { InformixSqlError } from "./informix-sql-error.js";

/** -271 INSERT, -346 UPDATE, -240 DELETE (positioned forms included); undefined for any other statement. */
export function rowWriteError(statementType: number): number | undefined {
  switch (statementType) {
    case codes.SQ_INSERT:
      return SQL.INSERT_FAILED;
    case codes.SQ_UPDATE:
    case codes.SQ_UPDALL:
    case codes.SQ_UPDCURR:
      return SQL.UPDATE_FAILED;
    case codes.SQ_DELETE:
    case codes.SQ_DELALL:
    case codes.SQ_DELCURR:
      return SQL.DELETE_FAILED;
    default:
      return undefined;
  }
}

/** A lock conflict: the row error of the statement (-244 for a read), ISAM -154 after a wait, else -107. */
export function lockError(statementType: number): (timedOut: boolean) => InformixSqlError {
  const sqlcode = rowWriteError(statementType) ?? SQL.READ_LOCKED;
  return (timedOut) => new InformixSqlError(sqlcode, timedOut ? ISAM.LOCK_TIMEOUT : ISAM.LOCKED);
}

/** IDS reports a deadlock with the lock error of the statement type and ISAM -143. */
export function deadlockError(statementType: number): InformixSqlError {
  return new InformixSqlError(rowWriteError(statementType) ?? SQL.READ_LOCKED, ISAM.DEADLOCK);
}
