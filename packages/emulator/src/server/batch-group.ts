// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// A run of SQ_BIND + SQ_EXECUTE pairs for one prepared INSERT, UPDATE or DELETE that the
// client sent in one request group (IBM JDBC's executeBatch: SQ_ID, then SQ_BIND SQ_EXECUTE
// per row, SQ_EOT; informix-db's executeMany sends the same) goes to the engine as one
// call (EngineSession.executeMany), which can apply the rows in far fewer PostgreSQL
// requests than one per row (engine/batch-runner.ts). Only pairs already buffered are
// taken: the session never waits for more bytes to make a run longer.
//
// The replies stay byte for byte what the per-row path sends: per row [SQ_INSERTDONE],
// [SQ_SGKTUPLE], SQ_DONE (row count, SERIAL in sqlerrd), SQ_COST. On a failing row k
// (a value that does not convert, text invalid in the code set: -202, or an engine
// error) the rows before k are applied and answered, row k's error follows, and the
// session skips the rest of the group as after any error.

import type { BindMessage, ClientMessage, ProtocolContext, ServerMessage } from "@informix-db/protocol";
import { typeCodes as T } from "@informix-db/protocol";
import { SQL } from "../engine/error-codes.js";
import { InformixSqlError } from "../engine/informix-sql-error.js";
import type { EngineColumn, EngineSession, EngineStatement, EngineValue } from "../engine/types.js";
import { isBlobType } from "./blob-exchange.js";
import { keysTuple } from "./generated-keys.js";

/** Rows handed to the engine at most in one call (what is buffered beyond waits for the next). */
export const MAX_RUN_ROWS = 1000;

const BATCHED_TYPES = new Set<number>([T.SQ_INSERT, T.SQ_UPDATE, T.SQ_DELETE, T.SQ_UPDALL, T.SQ_DELALL]);

/** Whether `bind` may start or continue a run for `statement` (no BYTE/TEXT: those go through SQ_BBIND). */
export function batchableBind(statement: EngineStatement, bind: BindMessage): boolean {
  return (
    BATCHED_TYPES.has(statement.statementType) &&
    !statement.isQuery &&
    statement.currentOf === undefined &&
    !statement.params.some((p) => isBlobType(p.type)) &&
    !bind.parameters.some((p) => isBlobType(p.type))
  );
}

/**
 * The run that starts with `first`: the binds of the BIND+EXECUTE pairs buffered after it
 * for the same statement (each may come after an SQ_ID naming it again), `first` included,
 * or null when there are fewer than two pairs. `take` returns the next buffered message
 * (undefined when none is complete); what is read past the run goes back through
 * `putBack`, in order.
 */
export function gatherRun(
  first: BindMessage,
  target: Pick<RunTarget, "statement" | "statementId">,
  take: () => ClientMessage | undefined,
  putBack: (messages: ClientMessage[]) => void,
): BindMessage[] | null {
  const firstExecute = take();
  if (firstExecute?.kind !== "execute") {
    putBack(firstExecute ? [firstExecute] : []);
    return null;
  }
  const binds = [first];
  let back: ClientMessage[] = [];
  while (binds.length < MAX_RUN_ROWS) {
    const read: ClientMessage[] = [];
    let bind = take();
    if (bind?.kind === "id" && bind.statementId === target.statementId) {
      read.push(bind);
      bind = take();
    }
    if (bind !== undefined) read.push(bind);
    if (bind?.kind !== "bind" || !batchableBind(target.statement, bind)) {
      back = read;
      break;
    }
    const execute = take();
    if (execute?.kind !== "execute") {
      back = execute ? [...read, execute] : read;
      break;
    }
    binds.push(bind);
  }
  putBack(binds.length < 2 ? [firstExecute, ...back] : back);
  return binds.length < 2 ? null : binds;
}

/** What executing a run needs from the statement handler. */
export interface RunTarget {
  readonly engine: EngineSession;
  readonly ctx: ProtocolContext;
  readonly statement: EngineStatement;
  /** The statement's id (an SQ_ID naming it again may come between the pairs). */
  readonly statementId: number;
  /** SQ_GENKEYS: the key columns each row reports. */
  readonly keys: readonly EngineColumn[] | undefined;
  /** A bind's values as the statement takes them (throws the conversion error). */
  decode(bind: BindMessage): EngineValue[];
  /** Whether text just decoded held bytes invalid in the code set (-202). */
  invalidText(): boolean;
  /** What the first bind does before the rows are decoded. */
  start(): Promise<void>;
}

/** Executes a run and appends each applied row's replies; throws the failing row's error. */
export async function executeRun(
  target: RunTarget,
  binds: readonly BindMessage[],
  out: ServerMessage[],
): Promise<void> {
  await target.start();
  const paramSets: EngineValue[][] = [];
  let failure: unknown;
  for (const bind of binds) {
    try {
      const values = target.decode(bind);
      if (target.invalidText()) throw new InformixSqlError(SQL.ILLEGAL_CHARACTER);
      paramSets.push(values);
    } catch (error) {
      failure = error;
      break;
    }
  }
  const { engine, statement, keys, ctx } = target;
  const { results, error } =
    paramSets.length > 0 && engine.executeMany ? await engine.executeMany(statement, paramSets) : { results: [] };
  for (const result of results) {
    if (statement.statementType === T.SQ_INSERT && (result.serial8 !== 0n || result.bigserial !== 0n)) {
      out.push({ kind: "insertdone", serial8: result.serial8, bigserial: result.bigserial });
    }
    const tuple = keys && keysTuple(keys, result, ctx);
    if (tuple) out.push(tuple);
    out.push(
      { kind: "done", warnings: 0, rows: result.rowCount, rowId: 0, serial: result.serial },
      { kind: "cost", estimatedRows: 1, estimatedCost: 1 },
    );
  }
  if (error !== undefined) throw error;
  if (failure !== undefined) throw failure;
}
