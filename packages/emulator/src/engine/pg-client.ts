// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The engine's only door to PostgreSQL: the extended query protocol, because only
// RowDescription carries the source table/column and the type modifier of each result
// column (PGlite's describeQuery() drops them). All values travel as text. The same
// client drives both engines through a PgTransport: PGlite's raw protocol stream, or a
// socket to a PostgreSQL server (postgres/pg-socket.ts); pg-wire.ts writes the requests
// and reads the replies. Callers serialise access themselves
// (see multiplexer.ts).

import { PGlite } from "@electric-sql/pglite";
import { concatBytes } from "@informix-db/protocol";
import { FrontendWriter, type PgField, type PgReply, readReply } from "./pg-wire.js";

export type { PgField } from "./pg-wire.js";

/** A PostgreSQL error with the fields the engine maps to Informix codes. */
export class PgError extends Error {
  override readonly name = "PgError";
  constructor(
    readonly code: string,
    message: string,
    readonly position: number,
    readonly fields: Readonly<Record<string, string | undefined>>,
  ) {
    super(message);
  }
}

export interface PgResult {
  readonly rows: (string | null)[][];
  /** Command tag, e.g. "INSERT 0 1". */
  readonly command: string;
}

/** One statement of a request (PgClient.steps). */
export interface PgStep {
  readonly sql: string;
  readonly params?: readonly (string | null)[];
  /**
   * A named prepared statement to run instead of parsing `sql` again: `parse` says whether
   * to Parse it first (its first run; after a failure, `close` drops a half-made one first).
   */
  readonly statement?: { readonly name: string; readonly parse: boolean; readonly close?: boolean };
}

export interface PgDescription {
  readonly paramTypes: readonly number[];
  readonly fields: readonly PgField[];
}

/**
 * Carries one request (frontend messages ending in Sync or Query) and returns the raw reply:
 * every backend message up to and including ReadyForQuery (read by pg-wire.ts).
 */
export interface PgTransport {
  request(bytes: Uint8Array): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** Session settings every connection starts with: the text forms the value converters expect. */
/** DateStyle of a new connection: ISO output (the engine reads dates back as ISO text), IDS's default MDY input. */
export const SETUP_DATE_STYLE = "ISO, MDY";
export const SESSION_SETUP = `SET IntervalStyle = 'postgres'; SET DateStyle = '${SETUP_DATE_STYLE}'; SET extra_float_digits = 1`;

/**
 * PGlite through its raw protocol stream: the reply's bytes are collected as PGlite hands
 * them over and read once by pg-wire.ts (execProtocol would also parse them with PGlite's
 * own, slower parser).
 */
class PgliteTransport implements PgTransport {
  constructor(private readonly db: PGlite) {}

  async request(bytes: Uint8Array): Promise<Uint8Array> {
    const chunks: Uint8Array[] = [];
    // A chunk is a view of PGlite's memory, reused for the next one: copy it. The data
    // directory is in memory (create() below), so there is no file system to sync: that
    // sync, an async step after every request, cost 10-40 µs of CPU each.
    await this.db.execProtocolRawStream(bytes, {
      onRawData: (chunk) => chunks.push(Uint8Array.prototype.slice.call(chunk)),
      syncToFs: false,
    });
    return chunks.length === 1 ? chunks[0]! : concatBytes(chunks);
  }

  async dump(): Promise<Uint8Array> {
    const file = await this.db.dumpDataDir("none");
    return new Uint8Array(await file.arrayBuffer());
  }

  async close(): Promise<void> {
    await this.db.close();
  }
}

function check(reply: PgReply): void {
  const fields = reply.error;
  if (fields === null) return;
  throw new PgError(fields["code"] ?? "XX000", fields["message"] ?? "error", Number(fields["position"] ?? 0), fields);
}

export class PgClient {
  /** The search_path the connection has now; null when unknown (after a rollback). */
  searchPath: string | null = null;
  /** Per-session GUCs last set on the connection (lock_timeout), to skip repeating them. */
  readonly settings = new Map<string, string>();
  /** Data rows received so far (tests check that cursors stream rather than materialise). */
  rowsReceived = 0;

  constructor(private readonly transport: PgTransport) {}

  /** A client on a new in-memory PGlite database. */
  static async create(dataDir?: Blob): Promise<PgClient> {
    const db = await PGlite.create(dataDir ? { loadDataDir: dataDir } : {});
    const client = new PgClient(new PgliteTransport(db));
    await client.exec(SESSION_SETUP);
    return client;
  }

  private readonly writer = new FrontendWriter();
  /** Named prepared statements no longer used: closed at the start of the next steps() request. */
  private unused: string[] = [];

  /** Drops a named prepared statement with the next request (Close of an unknown name is no error). */
  dropStatement(name: string): void {
    this.unused.push(name);
  }

  private async send(request: Uint8Array): Promise<PgReply> {
    const reply = readReply(await this.transport.request(request));
    check(reply);
    return reply;
  }

  /** Parse + Describe: parameter types and result columns, without running anything. */
  async describe(sql: string): Promise<PgDescription> {
    const reply = await this.send(this.writer.parse(sql).describe("S").sync().take());
    return { paramTypes: reply.paramTypes ?? [], fields: reply.fields ?? [] };
  }

  /**
   * Runs one statement with text parameters and returns every row. `wrap` runs a
   * statement before and (optionally) after it (SAVEPOINT / RELEASE, or BEGIN) in the same
   * round trip: when the statement fails, PostgreSQL skips the rest up to Sync and the
   * caller rolls back.
   */
  async run(
    sql: string,
    params: readonly (string | null)[] = [],
    wrap?: { readonly before: string; readonly after?: string },
  ): Promise<PgResult> {
    const steps: PgStep[] = [{ sql, params }];
    if (wrap) steps.unshift({ sql: wrap.before });
    if (wrap?.after !== undefined) steps.push({ sql: wrap.after });
    const reply = await this.steps(steps);
    return { rows: reply.rows, command: (wrap ? reply.commands[1] : reply.commands[0]) ?? "" };
  }

  /**
   * Runs statements in one round trip (one Sync): the first that fails ends the request
   * (PostgreSQL skips the rest) and is thrown. Rows and command tags of every step, in order;
   * `rowEnds[i]` is where step i's rows end in `rows` (for the steps that completed).
   */
  async steps(steps: readonly PgStep[]): Promise<{ rows: (string | null)[][]; commands: string[]; rowEnds: number[] }> {
    const w = this.writer;
    if (this.unused.length > 0) {
      for (const name of this.unused) w.close("S", name);
      this.unused = [];
    }
    for (const step of steps) {
      const named = step.statement;
      if (named === undefined) w.parse(step.sql).bind(step.params);
      else {
        if (named.close) w.close("S", named.name);
        if (named.parse) w.parse(step.sql, named.name);
        w.bind(step.params, named.name);
      }
      w.execute();
    }
    const reply = await this.send(w.sync().take());
    this.rowsReceived += reply.rows.length;
    return reply;
  }

  /** Runs a script of statements (simple query protocol, no parameters). */
  async exec(sql: string): Promise<void> {
    await this.send(this.writer.query(sql).take());
  }

  /** Rows of a query as text. */
  async rows(sql: string, params: readonly (string | null)[] = []): Promise<(string | null)[][]> {
    return (await this.run(sql, params)).rows;
  }

  /** PGlite's data directory as an uncompressed tar (a template for fast start), or null on a socket. */
  async dumpDataDir(): Promise<Uint8Array | null> {
    if (!(this.transport instanceof PgliteTransport)) return null;
    return this.transport.dump();
  }

  async close(): Promise<void> {
    await this.transport.close();
  }
}
