// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Smart LOBs on the wire side of a session (docs/protocol/smart-lobs.md): the SQ_FILE
// exchange behind FILETOBLOB/FILETOCLOB/LOTOFILE with 'client', their 'server' forms, the
// session's open LO descriptors (ifx_lo_open/close), and the fast path (SQ_GETROUTINE,
// SQ_EXFPROUTINE → SQ_FPROUTINE) for the built-in ifx_lo_* routines.

import { readFile, writeFile } from "node:fs/promises";
import {
  type BindMessage,
  ByteWriter,
  type ClientMessage,
  codecForBaseType,
  type FpReturnValue,
  type LoDataMessage,
  type ProtocolContext,
  type ServerMessage,
  typeCodes as T,
} from "@informix-db/protocol";
import { InformixSqlError } from "../engine/informix-sql-error.js";
import type { EngineColumn, EngineSession, EngineStatement, EngineValue } from "../engine/types.js";
import { LO_ROUTINES, LoFiles } from "./lo-routines.js";
import { type Sbspace, SQLCODE_SMART_LOB } from "./sbspace.js";
import { type LobSqlPlan, planLobSql } from "./smart-lob-sql.js";

/** Sends a request mid-reply; the answer is the client's messages up to SQ_EOT (after `expect`, if given). */
export type AskClient = (request: ServerMessage, expect?: ClientMessage["kind"]) => Promise<ClientMessage[]>;

/** SQ_FILE chunk size: IDS moves client files 4096 bytes at a time [py test_batch_scroll_lob]. */
const FILE_CHUNK = 4096;
/** Bytes asked for by one SQ_FILE read request. */
const READ_AMOUNT = 16 * FILE_CHUNK;
/** O_RDONLY and O_WRONLY|O_CREAT|O_TRUNC, as the open request's mode [inferred]. */
const MODE_READ = 0;
const MODE_WRITE = 0x241;
/** -674 "Routine (%s) can not be resolved." */
const SQLCODE_NO_ROUTINE = -674;

/** A prepared statement's view with its smart-LOB functions taken out. */
export interface LobStatement {
  readonly plan: LobSqlPlan;
  /** What DESCRIBE reports: the client's parameters only, the output columns' own types. */
  readonly view: EngineStatement;
}

const column = (name: string, type: number, encodedLength: number): EngineColumn => ({
  name,
  type,
  encodedLength,
  extendedId: 0,
  extendedOwner: "",
  extendedName: "",
});

/** Built-in routines reachable through the fast path, by handle (lo-routines.ts). */
const ROUTINES = LO_ROUTINES;
const ROUTINE_BASE = 1000;
const USER_ROUTINE_BASE = 100000;

export class SmartLobs {
  private readonly files: LoFiles;
  private call: { handle: number; paramCount: number } | undefined;
  /** User routines resolved on this session: handle → its EXECUTE FUNCTION statement. */
  private readonly userRoutines = new Map<number, EngineStatement>();
  private nextUserHandle = USER_ROUTINE_BASE;

  constructor(
    private readonly space: Sbspace,
    private readonly ask: AskClient,
    private readonly ctx: () => ProtocolContext,
  ) {
    this.files = new LoFiles(space);
  }

  /** SQL with smart-LOB functions, rewritten; undefined for any other statement. */
  plan(sql: string): LobSqlPlan | undefined {
    return planLobSql(sql);
  }

  view(plan: LobSqlPlan, statement: EngineStatement): LobStatement {
    const hidden = new Set(plan.inputs.map((i) => i.param));
    const columns = statement.columns.map((c) => c);
    for (const o of plan.outputs) {
      if (o.column >= columns.length) throw new InformixSqlError(SQLCODE_SMART_LOB);
      if (o.fn === "lotofile") columns[o.column] = column("(expression)", T.SQLLVARCHAR, 2048);
      else if (o.fn === "open") columns[o.column] = column("(expression)", T.SQLINT, 4);
    }
    const params = statement.params.filter((_, i) => !hidden.has(i));
    return {
      plan,
      view: {
        statementType: statement.statementType,
        isQuery: statement.isQuery,
        columns: columns.map((c) =>
          c.type === T.SQLLVARCHAR
            ? { ...c, type: T.SQLUDTVAR, extendedId: 1, extendedOwner: "informix", extendedName: "lvarchar" }
            : c,
        ),
        paramCount: params.length,
        params,
        ...(statement.forUpdate !== undefined ? { forUpdate: statement.forUpdate } : {}),
      },
    };
  }

  /** The client's values with each FILETOBLOB/FILETOCLOB's new locator put in its place. */
  async inputs(s: LobStatement, params: readonly EngineValue[]): Promise<EngineValue[]> {
    const out = [...params];
    for (const input of s.plan.inputs) {
      const bytes = input.client ? await this.readClientFile(input.name) : await readServerFile(input.name);
      out.splice(input.param, 0, this.space.create(input.kind, bytes).locator);
    }
    return out;
  }

  /** A fetched row with LOTOFILE/IFX_LO_OPEN/LOCOPY carried out. */
  async row(s: LobStatement, row: readonly EngineValue[]): Promise<EngineValue[]> {
    const out = [...row];
    for (const o of s.plan.outputs) {
      const v = out[o.column];
      if (!(v instanceof Uint8Array)) continue;
      const lob = this.space.get(v);
      if (o.fn === "open") out[o.column] = this.files.open(v, 0);
      else if (o.fn === "locopy") out[o.column] = this.space.copy(v);
      else {
        const name = `${o.name}.${lob.id.toString(16).padStart(16, "0")}`;
        if (o.client) await this.writeClientFile(name, this.space.bytes(lob));
        else await writeFile(name, this.space.bytes(lob));
        out[o.column] = name;
      }
    }
    return out;
  }

  private async exchange(request: ServerMessage, expect?: ClientMessage["kind"]): Promise<ClientMessage[]> {
    return this.ask(request, expect);
  }

  private async readClientFile(name: string): Promise<Uint8Array> {
    const encoded = this.ctx().codec.encode(name);
    await this.exchange({ kind: "sqfile", op: "open", name: encoded, mode: MODE_READ, flags: 0, offset: 0 });
    const parts: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const answer = await this.exchange(
        { kind: "sqfile", op: "read", bufferSize: FILE_CHUNK, amount: READ_AMOUNT },
        "fileread",
      );
      const read = answer.find((m) => m.kind === "fileread");
      // A client without that file answers total -1 (docs/protocol/smart-lobs.md §2): -9810 naming it.
      if (read?.kind !== "fileread" || read.failed) throw new InformixSqlError(SQLCODE_SMART_LOB, 0, name);
      let got = 0;
      for (const c of read.chunks) {
        parts.push(c);
        got += c.length;
      }
      total += got;
      if (got < READ_AMOUNT) break;
    }
    await this.exchange({ kind: "sqfile", op: "close" });
    const bytes = new Uint8Array(total);
    let at = 0;
    for (const p of parts) {
      bytes.set(p, at);
      at += p.length;
    }
    return bytes;
  }

  private async writeClientFile(name: string, bytes: Uint8Array): Promise<void> {
    const encoded = this.ctx().codec.encode(name);
    await this.exchange({ kind: "sqfile", op: "open", name: encoded, mode: MODE_WRITE, flags: 0, offset: 0 });
    for (let at = 0; at < bytes.length; at += READ_AMOUNT) {
      const chunks: Uint8Array[] = [];
      const stop = Math.min(bytes.length, at + READ_AMOUNT);
      for (let c = at; c < stop; c += FILE_CHUNK) chunks.push(bytes.subarray(c, Math.min(stop, c + FILE_CHUNK)));
      const answer = await this.exchange({ kind: "sqfile", op: "write", chunks }, "filewrite");
      const wrote = answer.find((m) => m.kind === "filewrite");
      if (wrote?.kind !== "filewrite" || wrote.total !== stop - at)
        throw new InformixSqlError(SQLCODE_SMART_LOB, 0, name);
    }
    await this.exchange({ kind: "sqfile", op: "close" });
  }

  /**
   * SQ_GETROUTINE: the handle of a routine named by its signature: a built-in ifx_lo_*
   * routine, else a user function or procedure of the database (run as EXECUTE FUNCTION).
   */
  async getRoutine(signature: string, database: string, engine: EngineSession): Promise<ServerMessage> {
    const m = /^\s*(function|procedure)?\s*(?:\w+\.)?(\w+)\s*\(([^)]*)\)\s*$/i.exec(signature);
    const name = m?.[2]?.toLowerCase() ?? "";
    const index = ROUTINES.indexOf(name as (typeof ROUTINES)[number]);
    if (index >= 0) return { kind: "getroutinereply", database, handle: ROUTINE_BASE + index };
    // -674 names the routine, as IDS does (its name, not the whole signature).
    if (m === undefined || m === null) throw new InformixSqlError(SQLCODE_NO_ROUTINE, 0, name);
    const args = m[3]!.trim() === "" ? 0 : m[3]!.split(",").length;
    const verb = m[1]?.toLowerCase() === "procedure" ? "PROCEDURE" : "FUNCTION";
    let statement: EngineStatement;
    try {
      statement = await engine.prepare(`EXECUTE ${verb} ${name}(${Array(args).fill("?").join(", ")})`);
    } catch {
      throw new InformixSqlError(SQLCODE_NO_ROUTINE, 0, name);
    }
    const handle = this.nextUserHandle++;
    this.userRoutines.set(handle, statement);
    return { kind: "getroutinereply", database, handle };
  }

  /** SQ_EXFPROUTINE: the call waits for the SQ_BIND that carries its arguments. */
  startCall(handle: number, paramCount: number): void {
    const builtIn = handle >= ROUTINE_BASE && handle < ROUTINE_BASE + ROUTINES.length;
    if (!builtIn && !this.userRoutines.has(handle)) throw new InformixSqlError(SQLCODE_NO_ROUTINE);
    this.call = { handle, paramCount };
  }

  /** True while an SQ_EXFPROUTINE waits for its SQ_BIND. */
  get calling(): boolean {
    return this.call !== undefined;
  }

  /** The SQ_BIND of a fast-path call: runs the routine; returns SQ_FPROUTINE. */
  async finishCall(bind: BindMessage, values: readonly EngineValue[], engine: EngineSession): Promise<ServerMessage> {
    const call = this.call!;
    this.call = undefined;
    if (bind.parameters.length !== call.paramCount) throw new InformixSqlError(SQLCODE_SMART_LOB);
    const user = this.userRoutines.get(call.handle);
    if (user !== undefined) return this.callUser(user, values, engine);
    const routine = ROUTINES[call.handle - ROUTINE_BASE]!;
    const values2 = this.files.call(
      routine,
      values,
      bind.parameters.map((p) => p.typeName),
    );
    return { kind: "fproutine", values: values2 };
  }

  /** SQ_LODATA on one of the session's descriptors. */
  loData(m: LoDataMessage): ServerMessage[] {
    return this.files.loData(m);
  }

  private async callUser(
    statement: EngineStatement,
    values: readonly EngineValue[],
    engine: EngineSession,
  ): Promise<ServerMessage> {
    if (!statement.isQuery) {
      await engine.execute(statement, values);
      return { kind: "fproutine", values: [] };
    }
    const cursor = await engine.openCursor(statement, values);
    const [row] = await cursor.fetch(1);
    await cursor.close();
    return {
      kind: "fproutine",
      values: statement.columns.map((c, i) => bindForm(c, row?.[i] ?? null, this.ctx())),
    };
  }

  /** Forgets the session's open descriptors. */
  close(): void {
    this.files.close();
    this.call = undefined;
  }
}

/** A routine's value in bind form (its column's type; NULL as indicator -1). */
function bindForm(c: EngineColumn, value: EngineValue, ctx: ProtocolContext): FpReturnValue {
  const codec = codecForBaseType(c.type);
  if (value === null || codec === undefined)
    return { type: c.type & T.SQLTYPE_MASK, indicator: -1, precision: 0, payload: null };
  const slot = codec.bindSlot(value, c, ctx.codec);
  const w = new ByteWriter(64);
  codec.encodeBind(value, slot, w, ctx.codec);
  // The bind form as encodeBind writes it (already padded to even).
  return { type: slot.type, indicator: 0, precision: slot.precision, payload: w.take() };
}

async function readServerFile(name: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(name));
  } catch {
    throw new InformixSqlError(SQLCODE_SMART_LOB, 0, name);
  }
}
