// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// An error the emulated server reports to its client as SQ_ERR: the SQLCODE, the
// ISAM code, the character offset in the statement, and the message parameter that
// replaces %s in the catalogue text (a table or column name), exactly as IDS sends them.

export class InformixSqlError extends Error {
  override readonly name = "InformixSqlError";

  constructor(
    readonly sqlcode: number,
    readonly isamCode = 0,
    /** The %s parameter of the message text (not the whole text). */
    readonly parameter = "",
    /** 1-based character offset of the error in the SQL text, 0 when none. */
    readonly offset = 0,
  ) {
    super(`SQLCODE ${sqlcode}${isamCode ? ` ISAM ${isamCode}` : ""}${parameter ? `: ${parameter}` : ""}`);
  }
}
