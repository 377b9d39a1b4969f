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
  type ProtocolContext,
  type ServerMessage,
  typeCodes as T,
} from "@informix-db/protocol";
import { InformixSqlError } from "../engine/informix-sql-error.js";
import type { EngineColumn, EngineSession, EngineStatement, EngineValue } from "../engine/types.js";
import { type Sbspace, type SmartLob, SQLCODE_SMART_LOB } from "./sbspace.js";
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

interface OpenLob {
  readonly lob: SmartLob;
  position: number;
}

const column = (name: string, type: number, encodedLength: number): EngineColumn => ({
  name,
  type,
  encodedLength,
  extendedId: 0,
  extendedOwner: "",
  extendedName: "",
});

/** Built-in routines reachable through the fast path, by handle (docs/protocol/smart-lobs.md §4). */
const ROUTINES = ["ifx_lo_close", "ifx_lo_tell", "ifx_lo_release", "ifx_lo_open", "ifx_lo_read"] as const;
/** The most bytes one ifx_lo_read returns: its value is an LVARCHAR [inferred]. */
const MAX_READ = 32_739;
const ROUTINE_BASE = 1000;
const USER_ROUTINE_BASE = 100000;

export class SmartLobs {
  private readonly fds = new Map<number, OpenLob>();
  private nextFd = 1;
  private call: { handle: number; paramCount: number } | undefined;
  /** User routines resolved on this session: handle → its EXECUTE FUNCTION statement. */
  private readonly userRoutines = new Map<number, EngineStatement>();
  private nextUserHandle = USER_ROUTINE_BASE;

  constructor(
    private readonly space: Sbspace,
    private readonly ask: AskClient,
    private readonly ctx: () => ProtocolContext,
  ) {}

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
      if (o.fn === "open") {
        const fd = this.nextFd++;
        this.fds.set(fd, { lob, position: 0 });
        out[o.column] = fd;
      } else if (o.fn === "locopy") out[o.column] = this.space.copy(v);
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
    const routine = ROUTINES[call.handle - ROUTINE_BASE];
    if (routine === "ifx_lo_open") {
      // ifx_lo_open(locator, mode): a locator not of this sbspace is -9810.
      const locator = values[0];
      if (!(locator instanceof Uint8Array)) throw new InformixSqlError(SQLCODE_SMART_LOB);
      const fd = this.nextFd++;
      this.fds.set(fd, { lob: this.space.get(locator), position: 0 });
      return fpInteger(fd);
    }
    const fd = Number(values[0]);
    const open = this.fds.get(fd);
    if (open === undefined) throw new InformixSqlError(SQLCODE_SMART_LOB);
    switch (routine) {
      case "ifx_lo_tell":
        return fpInteger(open.position);
      case "ifx_lo_read": {
        const n = Number(values[1]);
        if (!Number.isInteger(n) || n < 0 || n > MAX_READ) throw new InformixSqlError(SQLCODE_SMART_LOB);
        const bytes = this.space.bytes(open.lob);
        const chunk = bytes.subarray(Math.min(open.position, bytes.length), Math.min(open.position + n, bytes.length));
        open.position += chunk.length;
        return fpBytes(chunk);
      }
      default:
        this.fds.delete(fd);
        return fpInteger(0);
    }
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
    this.fds.clear();
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

function fpInteger(n: number): ServerMessage {
  const payload = new Uint8Array(4);
  new DataView(payload.buffer).setInt32(0, n);
  const value: FpReturnValue = { type: T.SQLINT, indicator: 0, precision: 0, payload };
  return { kind: "fproutine", values: [value] };
}

/** ifx_lo_read's value: an LVARCHAR ("informix"."lvarchar") of the bytes read, i16-framed. */
function fpBytes(bytes: Uint8Array): ServerMessage {
  const payload = new Uint8Array(2 + bytes.length);
  new DataView(payload.buffer).setUint16(0, bytes.length);
  payload.set(bytes, 2);
  const value: FpReturnValue = {
    type: T.SQLLVARCHAR,
    owner: "informix",
    typeName: "lvarchar",
    indicator: 0,
    precision: bytes.length,
    payload,
  };
  return { kind: "fproutine", values: [value] };
}

async function readServerFile(name: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(name));
  } catch {
    throw new InformixSqlError(SQLCODE_SMART_LOB, 0, name);
  }
}
