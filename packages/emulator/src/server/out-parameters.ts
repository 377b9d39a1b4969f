// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// IBM JDBC's CallableStatement on a routine with OUT parameters (docs/protocol/jdbc-observed.md,
// "OUT parameters"). The PREPARE of `execute function f(?, ?)` fails with -9752 and the
// parameter `<name>:<procid>:` (engine/out-parameters.ts); JDBC makes that a warning
// (hasOutParameter() is true) and asks, by the procid:
//   SQ_GETIFPDESC (131)  -> SQ_IFPDESCRIBE (132): the routine's parameters, which JDBC then
//                           accepts registerOutParameter/setXXX for
// execute() then sends SQ_GETROUTINE by id (answered with a handle here) and SQ_EXFPROUTINE +
// SQ_BIND + SQ_FPOUT. JDBC reads the reply only with a server SQ_FPOUT whose layout is not
// known yet, so the call is answered -999 (not implemented): execute() fails with a clear
// SQL error and the session goes on.

import type { GetIfpDescMessage, GetRoutineMessage, IfpParameter, ServerMessage } from "@informix-db/protocol";
import { InformixSqlError } from "../engine/informix-sql-error.js";
import type { EngineSession } from "../engine/types.js";

/** sysproccolumns.paramattr (IBM's Guide to SQL: Reference): IN, INOUT and OUT parameters. */
const ARGUMENT_ATTRS = new Set([1, 2, 4]);
const SQLCODE_NO_ROUTINE = -674;
/** -999 "Not implemented yet" (statement-handler.ts). */
const SQLCODE_NOT_IMPLEMENTED = -999;
/** Handles of these calls, apart from the smart-LOB routines' (smart-lobs.ts). */
const HANDLE_BASE = 900_000_000;

interface RoutineParam {
  readonly attr: number;
  readonly type: number;
  readonly length: number;
}

export class OutParameterCalls {
  private readonly handles = new Set<number>();
  private nextHandle = HANDLE_BASE;

  constructor(private readonly engine: EngineSession) {}

  /** True for a handle this class gave out. */
  owns(handle: number): boolean {
    return this.handles.has(handle);
  }

  /** SQ_GETIFPDESC: SQ_IFPDESCRIBE with the routine's arguments (IN, INOUT, OUT), in order. */
  async describe(m: GetIfpDescMessage): Promise<ServerMessage> {
    const params = await this.arguments(m.number);
    const parameters: IfpParameter[] = params.map((p) => ({
      // The i16 before each record: 0 seen accepted; a 1 in the first makes JDBC read more.
      lead: 0,
      type: p.type,
      extendedId: 0,
      extendedOwner: "",
      extendedName: "",
      encodedLength: p.length,
    }));
    return { kind: "ifpdescribe", parameters };
  }

  /** SQ_GETROUTINE by id: a handle for the routine. */
  async getRoutine(m: GetRoutineMessage): Promise<ServerMessage> {
    await this.arguments(m.routineId ?? 0);
    const handle = this.nextHandle++;
    this.handles.add(handle);
    return { kind: "getroutinereply", database: this.engine.database?.name ?? "", handle };
  }

  /** SQ_EXFPROUTINE on one of our handles: not implemented (see the header). */
  call(): never {
    throw new InformixSqlError(SQLCODE_NOT_IMPLEMENTED);
  }

  /** The IN, INOUT and OUT parameters of routine `procid`, from sysproccolumns; -674 if none. */
  private async arguments(procid: number): Promise<RoutineParam[]> {
    const statement = await this.engine.prepare(
      "SELECT c.paramattr, c.paramtype, c.paramlen FROM sysproccolumns c WHERE c.procid = ? ORDER BY c.paramid",
    );
    try {
      const cursor = await this.engine.openCursor(statement, [procid]);
      const rows = await cursor.fetch(1000);
      await cursor.close();
      if (rows.length === 0) throw new InformixSqlError(SQLCODE_NO_ROUTINE, 0, String(procid));
      return rows
        .map((r) => ({ attr: Number(r[0]), type: Number(r[1]), length: Number(r[2]) }))
        .filter((p) => ARGUMENT_ATTRS.has(p.attr));
    } finally {
      this.engine.release?.(statement);
    }
  }
}
