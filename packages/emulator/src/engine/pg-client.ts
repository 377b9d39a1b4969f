// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The engine's only door to PostgreSQL: the extended query protocol, because only
// RowDescription carries the source table/column and the type modifier of each result
// column (PGlite's describeQuery() drops them). All values travel as text. The same
// client drives both engines through a PgTransport: PGlite's execProtocol, or a socket
// to a PostgreSQL server (postgres/pg-socket.ts). Callers serialise access themselves
// (see multiplexer.ts).

import { PGlite, protocol } from "@electric-sql/pglite";

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

/** One column of a RowDescription. */
export interface PgField {
  readonly name: string;
  readonly tableID: number;
  readonly columnID: number;
  readonly dataTypeID: number;
  readonly dataTypeModifier: number;
}

export interface PgResult {
  readonly fields: readonly PgField[];
  readonly rows: (string | null)[][];
  /** Command tag, e.g. "INSERT 0 1". */
  readonly command: string;
}

export interface PgDescription {
  readonly paramTypes: readonly number[];
  readonly fields: readonly PgField[];
}

/** One backend message as PGlite's protocol parser gives it. */
export type Message = { name: string } & Record<string, unknown>;

/** Carries one group of frontend messages (ending in Sync or Query) and returns the replies. */
export interface PgTransport {
  request(bytes: Uint8Array): Promise<Message[]>;
  close(): Promise<void>;
}

/** Session settings every connection starts with: the text forms the value converters expect. */
/** DateStyle of a new connection: ISO output (the engine reads dates back as ISO text), IDS's default MDY input. */
export const SETUP_DATE_STYLE = "ISO, MDY";
export const SESSION_SETUP = `SET IntervalStyle = 'postgres'; SET DateStyle = '${SETUP_DATE_STYLE}'; SET extra_float_digits = 1`;

class PgliteTransport implements PgTransport {
  constructor(private readonly db: PGlite) {}

  async request(bytes: Uint8Array): Promise<Message[]> {
    const result = await this.db.execProtocol(bytes, { throwOnError: false });
    return result.messages as unknown as Message[];
  }

  async dump(): Promise<Uint8Array> {
    const file = await this.db.dumpDataDir("none");
    return new Uint8Array(await file.arrayBuffer());
  }

  async close(): Promise<void> {
    await this.db.close();
  }
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function check(messages: readonly Message[]): void {
  const err = messages.find((m) => m.name === "error");
  if (err === undefined) return;
  const fields = err as Record<string, string | undefined>;
  throw new PgError(
    fields["code"] ?? "XX000",
    String(fields["message"] ?? "error"),
    Number(fields["position"] ?? 0),
    fields,
  );
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

  private async send(parts: readonly Uint8Array[]): Promise<Message[]> {
    const messages = await this.transport.request(concat(parts));
    check(messages);
    return messages;
  }

  /** Parse + Describe: parameter types and result columns, without running anything. */
  async describe(sql: string): Promise<PgDescription> {
    const s = protocol.serialize;
    const messages = await this.send([s.parse({ text: sql }), s.describe({ type: "S" }), s.sync()]);
    const params = messages.find((m) => m.name === "parameterDescription");
    const rows = messages.find((m) => m.name === "rowDescription");
    return {
      paramTypes: (params?.["dataTypeIDs"] as number[] | undefined) ?? [],
      fields: (rows?.["fields"] as PgField[] | undefined) ?? [],
    };
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
    const s = protocol.serialize;
    const statement = [
      s.parse({ text: sql }),
      s.bind({ values: [...params] }),
      s.describe({ type: "P" }),
      s.execute({}),
    ];
    const messages = await this.send(
      wrap
        ? [
            s.parse({ text: wrap.before }),
            s.bind({}),
            s.execute({}),
            ...statement,
            ...(wrap.after === undefined ? [] : [s.parse({ text: wrap.after }), s.bind({}), s.execute({})]),
            s.sync(),
          ]
        : [...statement, s.sync()],
    );
    const desc = messages.find((m) => m.name === "rowDescription");
    const rows: (string | null)[][] = [];
    const commands: string[] = [];
    for (const m of messages) {
      if (m.name === "dataRow") rows.push(m["fields"] as (string | null)[]);
      else if (m.name === "commandComplete") commands.push(String(m["text"]));
    }
    this.rowsReceived += rows.length;
    const command = (wrap ? commands[1] : commands[0]) ?? "";
    return { fields: (desc?.["fields"] as PgField[] | undefined) ?? [], rows, command };
  }

  /** Runs a script of statements (simple query protocol, no parameters). */
  async exec(sql: string): Promise<void> {
    await this.send([protocol.serialize.query(sql)]);
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
