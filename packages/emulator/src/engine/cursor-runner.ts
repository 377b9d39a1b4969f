// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// FETCH and CLOSE of a streaming cursor (streaming-cursor.ts) for a session. Inside an
// open PostgreSQL transaction each runs under a savepoint, so a failing FETCH (say a
// division by zero at row 500,000) fails alone and the transaction goes on, as in IDS;
// a cursor transaction that holds only this cursor needs none (see fetchCursor).

import * as codes from "../sql/type-codes.js";
import { InformixSqlError } from "./informix-sql-error.js";
import { PgError } from "./pg-client.js";
import { mapPgError } from "./pg-errors.js";
import type { PgliteSession } from "./pglite-session.js";
import { STATEMENT_SAVEPOINT } from "./statement-runner.js";
import type { StreamingCursor } from "./streaming-cursor.js";

/** -400 "Fetch attempted on unopen cursor": its transaction rolled back. */
const CURSOR_NOT_OPEN = -400;

export async function fetchCursor(
  session: PgliteSession,
  cursor: StreamingCursor,
  maxRows: number,
): Promise<(string | null)[][]> {
  return session.serve(
    codes.SQ_SELECT,
    async () => {
      if (cursor.dead) throw new InformixSqlError(CURSOR_NOT_OPEN);
      const { pg } = session;
      const sql = `FETCH FORWARD ${maxRows} FROM ${cursor.name}`;
      const open = session.mux.transactionHolder === session;
      if (!open) return (await pg.run(sql)).rows;
      // A cursor transaction of this cursor alone needs no savepoint: should the FETCH fail,
      // the cursor is lost either way, so the cursor transaction is rolled back with it.
      if (session.cursorTx && ![...session.cursors].some((c) => c !== cursor && c.tx === session.txSerial && !c.dead)) {
        try {
          return (await pg.run(sql)).rows;
        } catch (e) {
          await session.abortCursorTransaction();
          if (e instanceof PgError && e.code === "34000") throw new InformixSqlError(CURSOR_NOT_OPEN);
          throw mapPgError(e, { sourceOffset: () => 0, creatingIndex: false });
        }
      }
      try {
        return (await pg.run(sql, [], STATEMENT_SAVEPOINT)).rows;
      } catch (e) {
        await pg.exec("ROLLBACK TO SAVEPOINT ifx_stmt; RELEASE SAVEPOINT ifx_stmt");
        if (e instanceof PgError && e.code === "34000") throw new InformixSqlError(CURSOR_NOT_OPEN);
        throw mapPgError(e, { sourceOffset: () => 0, creatingIndex: false });
      }
    },
    true,
  );
}

export async function closeCursor(session: PgliteSession, cursor: StreamingCursor): Promise<void> {
  session.cursors.delete(cursor);
  if (cursor.dead || cursor.rescued !== null) return;
  await session.mux.exclusive(async () => {
    const { pg } = session;
    const open = session.mux.transactionHolder === session;
    // The last cursor of a cursor transaction: its COMMIT ends the cursor transaction too.
    // CLOSE and COMMIT in one round trip; should the CLOSE fail, the cursor transaction is rolled back.
    if (session.cursorTx && open && ![...session.cursors].some((c) => c.tx !== -1 && !c.dead)) {
      await session.endCursorTransaction(`CLOSE ${cursor.name};`).catch(() => session.abortCursorTransaction());
      return;
    }
    if (!open) {
      await pg.exec(`CLOSE ${cursor.name}`).catch(() => undefined);
      return;
    }
    await pg.exec(`SAVEPOINT ifx_stmt; CLOSE ${cursor.name}; RELEASE SAVEPOINT ifx_stmt`).catch(async () => {
      await pg.exec("ROLLBACK TO SAVEPOINT ifx_stmt; RELEASE SAVEPOINT ifx_stmt");
    });
  });
}
