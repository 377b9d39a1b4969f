// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The statement half of a session: prepared statements by id, SQ_ID addressing,
// binds, cursors and fetches, transactions. Each client message appends its replies
// to the current reply group; errors are thrown as InformixSqlError.
//
// Reply shapes (docs/protocol/statements.md):
//   PREPARE+NDESCRIBE+WANTDONE   SQ_DESCRIBE, SQ_DONE, SQ_COST
//   COMMAND                      SQ_DESCRIBE, [SQ_INSERTDONE], SQ_DONE, SQ_COST
//   BIND+EXECUTE                 [SQ_INSERTDONE], SQ_DONE, SQ_COST
//   CURNAME+OPEN                 nothing (the fetch answers)
//   NFETCH                       SQ_TUPLE*, and SQ_DONE + SQ_COST once the cursor is exhausted
//   SFETCH                       SQ_TUPLE + SQ_TUPID, or SQ_DONE + SQ_COST past either end
//   BBIND, BLOB, FETCHBLOB       blob-exchange.ts (BYTE/TEXT)
//   anything else decoded        SQ_ERR -999 (not implemented), e.g. fast path
//   CLOSE, RELEASE               nothing
//
// Ending a transaction (SQ_CMMTWORK, SQ_RBWORK, or COMMIT/ROLLBACK WORK as SQL) closes
// every open cursor not declared WITH HOLD (SQ_HOLD before its OPEN), as IDS does; a
// fetch from it is then -400.

import type { BindMessage, ClientMessage, ProtocolContext, ServerMessage } from "@informix-db/protocol";
import {
  blobDescriptorBytes,
  DONE_WARN_ANSI,
  DONE_WARN_IDS,
  DONE_WARN_LOCALE_MISMATCH,
  DONE_WARN_LOGGED,
  DONE_WARN_SECONDARY,
  DONE_WARN_SET,
  GETROUTINE_BY_ID,
  typeCodes as T,
} from "@informix-db/protocol";
import { DEFAULT_DB_LOCALE } from "../engine/databases.js";
import { InformixSqlError } from "../engine/informix-sql-error.js";
import type {
  DatabaseInfo,
  EngineColumn,
  EngineCursor,
  EngineSession,
  EngineStatement,
  EngineValue,
} from "../engine/types.js";
import { SERVER_VERSION_TEXT } from "../sql/context.js";
import { DEFAULT_SESSION_DATES, glDatetimeFormatOf, moneyFormatOf, type SessionDates } from "../sql/date-format.js";
import { batchableBind, type RunTarget } from "./batch-group.js";
import { decodeBindValues } from "./bind-values.js";
import { BlobExchange } from "./blob-exchange.js";
import { Blobspace, SQLCODE_CANNOT_OPEN_BLOB } from "./blobspace.js";
import { afterPositioned, positionedParams } from "./current-of.js";
import { cost, done, MAX_ROWS_PER_READ, rowsPerRead, scrollTarget, TUPLE_OVERHEAD } from "./cursor-replies.js";
import { describeInput, describeStatement } from "./describe.js";
import { keyColumns, keysDescribe, keysTuple } from "./generated-keys.js";
import { OutParameterCalls } from "./out-parameters.js";
import type { Sbspace } from "./sbspace.js";
import { type AskClient, type LobStatement, SmartLobs } from "./smart-lobs.js";
import { RowEncoder, retTypeColumns } from "./values.js";

const SCROLL_FOR_UPDATE = -526;

/** -400 "Fetch attempted on unopen cursor"; -258 "System error - invalid statement id received by the sqlexec process". */
const SQLCODE_CURSOR_NOT_OPEN = -400;
/**
 * -999 "Not implemented yet": IDS's own code for a request it does not carry out. The
 * emulator answers it, with no parameter, to every request it decodes but does not
 * support (docs/emulator-reliability.md lists them).
 */
export const SQLCODE_NOT_IMPLEMENTED = -999;
const SQLCODE_BAD_STATEMENT_ID = -258;
/** Statements after which the DONE warnings describe the database now open. */
const OPENS_DATABASE = new Set([T.SQ_DATABASE, T.SQ_CREADB, T.SQ_STARTDB]);
interface PreparedState {
  readonly id: number;
  readonly statement: EngineStatement;
  params: EngineValue[];
  cursorName: string;
  cursor: EngineCursor | undefined;
  encoder: RowEncoder | undefined;
  /** Rows read from the engine; those from `pendingAt` on are not sent yet. */
  pending: EngineValue[][];
  pendingAt: number;
  /** A tuple encoded for the previous fetch that did not fit its buffer. */
  carry: Uint8Array | undefined;
  exhausted: boolean;
  fetched: number;
  /** SQ_SCROLL came before SQ_OPEN: SQ_SFETCH may move anywhere in the rows. */
  scroll: boolean;
  /** SQ_HOLD came since the last SQ_OPEN; `hold` is whether the open cursor survives COMMIT. */
  holdRequested: boolean;
  hold: boolean;
  /** A scroll cursor's rows, read when first needed, and its 1-based position (0: before the first). */
  scrollRows: EngineValue[][] | undefined;
  position: number;
  /** Smart-LOB functions the session carries out (smart-lobs.ts), with the DESCRIBE view. */
  lob?: LobStatement;
  /** SQ_GENKEYS came with the PREPARE: the key columns each EXECUTE reports (generated-keys.ts). */
  keys?: readonly EngineColumn[];
}

/** What DESCRIBE, binds and rows see: the smart-LOB view when the statement has one. */
const viewOf = (s: PreparedState): EngineStatement => s.lob?.view ?? s.statement;

export function doneWarnings(db: DatabaseInfo): number {
  const replication = db.readOnlySecondary === true ? DONE_WARN_SECONDARY : 0;
  return (
    DONE_WARN_SET | DONE_WARN_IDS | (db.logged ? DONE_WARN_LOGGED : 0) | (db.ansi ? DONE_WARN_ANSI : 0) | replication
  );
}

export class StatementHandler {
  private readonly statements = new Map<number, PreparedState>();
  private current: PreparedState | undefined;
  private readonly blobs: BlobExchange;
  private readonly lobs: SmartLobs | undefined;
  private readonly outCalls: OutParameterCalls;

  constructor(
    private readonly engine: EngineSession,
    private readonly ctx: () => ProtocolContext,
    private readonly listDatabases: () => Promise<string[]>,
    /** True when the client's DB_LOCALE does not name this database locale (DONE warning). */
    private readonly localeMismatch: (locale: string) => boolean = () => false,
    /** DBDATE's field order and DBCENTURY, for checking bound date text. */
    private readonly dates: SessionDates = DEFAULT_SESSION_DATES,
    /** Where BYTE/TEXT values live, and how a long SQ_FETCHBLOB reply is sent before the group ends. */
    blobs: {
      readonly blobspace: Blobspace;
      readonly sendAhead: () => Promise<void>;
      readonly ask?: AskClient;
      readonly sbspace?: Sbspace;
    } = {
      blobspace: new Blobspace(),
      sendAhead: async () => undefined,
    },
  ) {
    this.blobs = new BlobExchange(blobs.blobspace, ctx, blobs.sendAhead);
    this.lobs = blobs.ask && blobs.sbspace ? new SmartLobs(blobs.sbspace, blobs.ask, ctx) : undefined;
    this.outCalls = new OutParameterCalls(engine);
  }

  /** The database open in this session, if any. */
  get database(): DatabaseInfo | null {
    return this.engine.database;
  }

  private warningsOf(db: DatabaseInfo): number {
    return doneWarnings(db) | (this.localeMismatch(db.locale ?? DEFAULT_DB_LOCALE) ? DONE_WARN_LOCALE_MISMATCH : 0);
  }

  /** Prepared statements and open cursors held for the client (issue 11: tests of abandoned statements). */
  resources(): { statements: number; cursors: number } {
    let cursors = 0;
    for (const s of this.statements.values()) if (s.cursor !== undefined) cursors++;
    return { statements: this.statements.size, cursors };
  }

  /** The session ended: the engine session is released whatever else fails (its connection may be gone). */
  async close(): Promise<void> {
    try {
      await this.blobs.reset();
      this.lobs?.close();
      for (const s of this.statements.values()) await s.cursor?.close().catch(() => undefined);
      this.statements.clear();
    } finally {
      await this.engine.close();
    }
  }

  async handle(m: ClientMessage, out: ServerMessage[]): Promise<void> {
    switch (m.kind) {
      case "info": {
        // IBM JDBC sends its environment here (GL_DATETIME, DBMONEY, …), not in the login PDU.
        const env = new Map(m.env);
        const formats = {
          ...(env.has("GL_DATETIME") ? { datetimeFormat: glDatetimeFormatOf(env.get("GL_DATETIME")) } : {}),
          ...(env.has("DBMONEY") ? { money: moneyFormatOf(env.get("DBMONEY")) } : {}),
        };
        if (Object.keys(formats).length > 0) this.engine.setTextFormats?.(formats);
        return;
      }
      case "dbopen": {
        const db = await this.engine.openDatabase(m.database, (m.flags & 1) !== 0);
        out.push(done(0, this.warningsOf(db)), cost());
        return;
      }
      case "dblist":
        out.push({ kind: "dblist", databases: await this.listDatabases() });
        return;
      case "version":
        // IBM JDBC's isValid(): any answer but an error means the session is alive.
        out.push({ kind: "version", text: SERVER_VERSION_TEXT });
        return;
      case "dbclose":
        await this.engine.closeDatabase();
        out.push(done(0), cost());
        return;
      case "prepare":
      case "command": {
        const plan = this.lobs?.plan(m.sql);
        const statement = await this.engine.prepare(plan?.sql ?? m.sql);
        this.current = this.allocate(statement);
        if (plan && this.lobs) this.current.lob = this.lobs.view(plan, statement);
        return;
      }
      case "cidescribe":
        out.push(describeInput(viewOf(this.require())));
        return;
      case "ndescribe":
        out.push(describeStatement(viewOf(this.require()), this.require().id, blobDescriptorBytes(this.ctx())));
        return;
      case "getroutine":
        if (m.byId === GETROUTINE_BY_ID) {
          out.push(await this.outCalls.getRoutine(m));
          return;
        }
        if (!this.lobs) throw new InformixSqlError(SQLCODE_NOT_IMPLEMENTED);
        out.push(await this.lobs.getRoutine(m.signature, this.engine.database?.name ?? "", this.engine));
        return;
      case "lodata":
        if (!this.lobs) throw new InformixSqlError(SQLCODE_NOT_IMPLEMENTED);
        out.push(...this.lobs.loData(m));
        return;
      case "exfproutine":
        if (this.outCalls.owns(m.handle)) this.outCalls.call();
        if (!this.lobs) throw new InformixSqlError(SQLCODE_NOT_IMPLEMENTED);
        this.lobs.startCall(m.handle, m.paramCount);
        return;
      case "wantdone":
        out.push(done(0), cost());
        return;
      case "getifpdesc":
        out.push(await this.outCalls.describe(m));
        return;
      case "id":
        // An unknown id is only an error when something other than CLOSE/RELEASE uses it:
        // JDBC frees statement 0 after a PREPARE that failed and expects silence.
        this.current = this.statements.get(m.statementId);
        return;
      case "bind": {
        if (this.lobs?.calling) {
          const values = decodeBindValues(m, this.ctx(), [], false, this.dates.order, this.dates.century);
          out.push(await this.lobs.finishCall(m, values, this.engine), done(0), cost());
          return;
        }
        const s = this.require();
        s.params = decodeBindValues(
          m,
          this.ctx(),
          viewOf(s).params,
          this.engine.database?.ansi ?? false,
          this.dates.order,
          this.dates.century,
        );
        // A statement with FILETOBLOB: its hidden parameters are not the client's (smart-lobs.ts).
        await this.blobs.afterBind(m, s.lob ? lobTarget(s) : s);
        return;
      }
      case "bbind":
        await this.blobs.bbind(m.count);
        return;
      case "blob":
        await this.blobs.chunk(m.data);
        return;
      case "fetchblob":
        // A blob is readable while a cursor holds its row; after CLOSE IDS answers -602.
        // informix-driver addresses statement 0 whatever its cursor's id, so any open cursor counts.
        if (![...this.statements.values()].some((s) => s.cursor !== undefined))
          throw new InformixSqlError(SQLCODE_CANNOT_OPEN_BLOB);
        await this.blobs.fetch(m.descriptor, out);
        return;
      case "curname":
        this.require().cursorName = m.name;
        return;
      case "rettype": {
        // The types the client wants the columns in (server/values.ts retTypeColumns).
        const s = this.require();
        s.encoder = new RowEncoder(retTypeColumns(viewOf(s).columns, m.columns), this.ctx());
        return;
      }
      case "scroll":
        this.require().scroll = true;
        return;
      case "sfetch":
        await this.scrollFetch(this.require(), m.scrollType, m.row, out);
        return;
      case "hold":
        this.require().holdRequested = true;
        return;
      case "autofree":
      case "fpout":
        return;
      case "genkeys": {
        // IBM JDBC's generated-keys request: SQ_SGKDESCRIBE now, SQ_SGKTUPLE in each EXECUTE reply.
        const s = this.require();
        s.keys = await keyColumns(this.engine, s.statement, m);
        if (s.keys.length > 0) out.push(keysDescribe(s.keys, s.statement, s.id));
        return;
      }
      case "open":
        await this.open(this.require());
        return;
      case "nfetch":
        await this.fetch(this.require(), m.bufferSize, out);
        return;
      case "execute":
        await this.execute(this.require(), out);
        return;
      case "close": {
        const s = this.current;
        await s?.cursor?.close();
        if (s) s.cursor = undefined;
        return;
      }
      case "release":
        if (this.current) await this.release(this.current);
        return;
      case "begin":
        await this.engine.begin();
        out.push(done(0));
        return;
      case "cmmtwork":
        await this.engine.commit();
        await this.closeCursorsAtTransactionEnd();
        out.push(done(0));
        return;
      case "rbwork":
        await this.engine.rollback();
        await this.closeCursorsAtTransactionEnd();
        out.push(done(0));
        return;
      case "setsavepoint":
        await this.engine.savepoint(m.name, m.unique);
        out.push(done(0));
        return;
      case "rollbacksavepoint":
        await this.engine.rollbackToSavepoint(m.name);
        out.push(done(0));
        return;
      case "releasesavepoint":
        await this.engine.releaseSavepoint(m.name);
        out.push(done(0));
        return;
      default:
        throw new InformixSqlError(SQLCODE_NOT_IMPLEMENTED);
    }
  }

  /** The current statement as the target of a BIND+EXECUTE run (batch-group.ts); undefined: bind by bind. */
  runTarget(first: BindMessage, invalidText: () => boolean): RunTarget | undefined {
    const s = this.current;
    if (!s || s.lob || this.lobs?.calling || !this.engine.executeMany || !batchableBind(s.statement, first)) return;
    const [ctx, ansi, { order, century }] = [this.ctx(), this.engine.database?.ansi ?? false, this.dates];
    const decode = (bind: BindMessage) => {
      s.params = decodeBindValues(bind, ctx, s.statement.params, ansi, order, century);
      return s.params;
    };
    // A run has no BYTE/TEXT values: its first bind resets that exchange as any bind does.
    const start = () => this.blobs.afterBind(first, s);
    return {
      engine: this.engine,
      ctx,
      statement: s.statement,
      statementId: s.id,
      keys: s.keys,
      invalidText,
      decode,
      start,
    };
  }

  /** The bound values, with the smart LOBs that FILETOBLOB/FILETOCLOB create now. */
  private async lobInputs(s: PreparedState): Promise<EngineValue[]> {
    return s.lob && this.lobs ? this.lobs.inputs(s.lob, s.params) : s.params;
  }

  private async lobRow(s: PreparedState, row: readonly EngineValue[]): Promise<readonly EngineValue[]> {
    return s.lob && this.lobs ? this.lobs.row(s.lob, row) : row;
  }

  private require(): PreparedState {
    if (!this.current) throw new InformixSqlError(SQLCODE_BAD_STATEMENT_ID);
    return this.current;
  }

  private allocate(statement: EngineStatement): PreparedState {
    let id = 0;
    while (this.statements.has(id)) id++;
    const state: PreparedState = {
      id,
      statement,
      params: [],
      cursorName: "",
      cursor: undefined,
      encoder: undefined,
      pending: [],
      pendingAt: 0,
      carry: undefined,
      exhausted: false,
      fetched: 0,
      scroll: false,
      holdRequested: false,
      hold: false,
      scrollRows: undefined,
      position: 0,
    };
    this.statements.set(id, state);
    return state;
  }

  private async release(s: PreparedState): Promise<void> {
    await s.cursor?.close();
    this.engine.release?.(s.statement);
    this.statements.delete(s.id);
    if (this.current === s) this.current = undefined;
  }

  private async open(s: PreparedState): Promise<void> {
    await this.blobs.checkComplete(s);
    // IDS: -526 "Updates are not allowed on a scroll cursor" (informix-driver's test_statement_release).
    // SCROLL and HOLD describe this OPEN only: the statement may be opened again without them.
    const scroll = s.scroll;
    s.scroll = false;
    if (scroll && s.statement.forUpdate) {
      s.holdRequested = false;
      throw new InformixSqlError(SCROLL_FOR_UPDATE);
    }
    await s.cursor?.close();
    s.cursor = await this.engine.openCursor(s.statement, await this.lobInputs(s));
    s.hold = s.holdRequested;
    s.holdRequested = false;
    s.encoder ??= new RowEncoder(viewOf(s).columns, this.ctx());
    s.pending = [];
    s.pendingAt = 0;
    s.carry = undefined;
    s.exhausted = false;
    s.fetched = 0;
    s.scrollRows = undefined;
    s.position = 0;
  }

  /** COMMIT or ROLLBACK closes the cursors that are not WITH HOLD. */
  private async closeCursorsAtTransactionEnd(): Promise<void> {
    for (const s of this.statements.values()) {
      if (s.cursor === undefined || s.hold) continue;
      await s.cursor.close();
      s.cursor = undefined;
    }
  }

  /**
   * SQ_SFETCH: one row at the position the scroll type names, then SQ_TUPID with its
   * 1-based number (docs/protocol/statements.md: Python reads both); past either end no
   * row, DONE and COST, as at the end of an NFETCH. The rows not yet sent are read from
   * the engine the first time: a scroll cursor keeps its rows in the emulator.
   */
  private async scrollFetch(s: PreparedState, scrollType: number, row: number, out: ServerMessage[]): Promise<void> {
    if (!s.cursor || !s.encoder) throw new InformixSqlError(SQLCODE_CURSOR_NOT_OPEN);
    if (s.scrollRows === undefined) {
      const rows = s.pending.slice(s.pendingAt);
      for (let batch = await s.cursor.fetch(MAX_ROWS_PER_READ); batch.length > 0; ) {
        rows.push(...batch);
        batch = await s.cursor.fetch(MAX_ROWS_PER_READ);
      }
      s.scrollRows = rows;
      s.position = 0;
    }
    const n = s.scrollRows.length;
    const target = scrollTarget(scrollType, row, s.position, n);
    if (target === undefined) throw new InformixSqlError(SQLCODE_NOT_IMPLEMENTED);
    if (target < 1 || target > n) {
      s.position = target < 1 ? 0 : n + 1;
      out.push(done(0), cost());
      return;
    }
    s.position = target;
    out.push({ kind: "tuple", warnings: 0, data: s.encoder.encode(await this.lobRow(s, s.scrollRows[target - 1]!)) });
    out.push({ kind: "tupid", position: target });
  }

  private async fetch(s: PreparedState, bufferSize: number, out: ServerMessage[]): Promise<void> {
    if (!s.cursor || !s.encoder) throw new InformixSqlError(SQLCODE_CURSOR_NOT_OPEN);
    let used = 0;
    let sent = 0;
    // An update cursor sends one row per NFETCH: its current row is the client's last row.
    const oneRow = s.cursor.positioned !== undefined;
    for (;;) {
      if (oneRow && sent > 0) break;
      let data = s.carry;
      s.carry = undefined;
      if (data === undefined) {
        if (s.pendingAt === s.pending.length && !s.exhausted) {
          s.pending = await s.cursor.fetch(oneRow ? 1 : rowsPerRead(bufferSize));
          s.pendingAt = 0;
          if (s.pending.length === 0) s.exhausted = true;
        }
        const row = s.pending[s.pendingAt];
        if (row === undefined) break;
        s.pendingAt++;
        data = s.encoder.encode(await this.lobRow(s, row));
      }
      if (sent > 0 && used + TUPLE_OVERHEAD + data.length > bufferSize) {
        s.carry = data;
        break;
      }
      used += TUPLE_OVERHEAD + data.length;
      sent++;
      out.push({ kind: "tuple", warnings: 0, data });
    }
    s.fetched += sent;
    if (s.exhausted && s.carry === undefined && s.pendingAt === s.pending.length) out.push(done(s.fetched), cost());
  }

  private async execute(s: PreparedState, out: ServerMessage[]): Promise<void> {
    await this.blobs.checkComplete(s);
    if (s.statement.isQuery) {
      // EXECUTE of a SELECT: run it and report the rows it found, as SELECT INTO does.
      const cursor = await this.engine.openCursor(s.statement, await this.lobInputs(s));
      let rows = 0;
      for (let batch = await cursor.fetch(1000); batch.length > 0; batch = await cursor.fetch(1000))
        rows += batch.length;
      await cursor.close();
      out.push(done(rows), cost());
      return;
    }
    const inputs = await this.lobInputs(s);
    // UPDATE/DELETE ... WHERE CURRENT OF: the named cursor's current row is one more parameter.
    const positioned = positionedParams(s.statement, inputs, this.statements.values());
    const result = await this.engine.execute(s.statement, positioned?.params ?? inputs);
    if (positioned) afterPositioned(positioned, s.statement, result);
    const type = s.statement.statementType;
    if (type === T.SQ_COMMIT || type === T.SQ_ROLLBACK) await this.closeCursorsAtTransactionEnd();
    if (s.statement.statementType === T.SQ_INSERT && (result.serial8 !== 0n || result.bigserial !== 0n)) {
      out.push({ kind: "insertdone", serial8: result.serial8, bigserial: result.bigserial });
    }
    // DATABASE and CREATE DATABASE report the new database's kind the way DBOPEN does;
    // JDBC reads it to decide whether to commit after each statement (ANSI).
    const db = OPENS_DATABASE.has(s.statement.statementType) ? this.engine.database : null;
    const keys = s.keys && keysTuple(s.keys, result, this.ctx());
    if (keys) out.push(keys);
    out.push(done(result.rowCount, db ? this.warningsOf(db) : 0, result.serial), cost());
  }
}

/** The BYTE/TEXT exchange's view of a statement whose smart-LOB parameters are hidden. */
function lobTarget(s: PreparedState): { readonly statement: EngineStatement; params: EngineValue[] } {
  return {
    statement: viewOf(s),
    get params() {
      return s.params;
    },
    set params(v: EngineValue[]) {
      s.params = v;
    },
  };
}
