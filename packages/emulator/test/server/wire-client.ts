// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// A byte-level SQLI client over TCP, built from the protocol package only, for tests that
// must send exactly the bytes a hostile or unusual client sends (no driver in between).

import { type Socket, connect as tcpConnect } from "node:net";
import {
  type BindParameter,
  ByteReader,
  ByteWriter,
  type ClientMessage,
  compileRowLayout,
  contextFromFeatures,
  decodeConnectResponse,
  encodeClientGroup,
  encodeConnectRequest,
  IDS15_SERVER_FEATURES,
  intersectFeatures,
  isNeedMoreData,
  JDBC_CLIENT_FEATURES,
  type ProtocolContext,
  readSlPdu,
  ServerItemDecoder,
  type ServerMessage,
} from "@informix-db/protocol";

/** JDBC's feature offer plus the long-fetch-buffer bit, as the session tests use. */
export const OFFER = Uint8Array.of(...JDBC_CLIENT_FEATURES, 0x06);

export interface Credentials {
  readonly user?: string;
  readonly password?: string;
  readonly server?: string;
}

export class WireClient {
  ctx: ProtocolContext = contextFromFeatures(intersectFeatures(OFFER, IDS15_SERVER_FEATURES));
  private readonly decoder = new ServerItemDecoder(() => this.ctx);
  private readonly w = new ByteWriter();
  private readonly loginBytes = new ByteReader();
  private loggedIn = false;
  private waiter: (() => void) | undefined;
  /** Resolves when the server closes or resets the connection. */
  readonly closed: Promise<void>;
  isClosed = false;

  private constructor(readonly socket: Socket) {
    socket.on("data", (chunk: Buffer) => {
      const bytes = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length);
      if (this.loggedIn) this.decoder.push(bytes);
      else this.loginBytes.push(bytes.slice());
      this.wake();
    });
    socket.on("error", () => undefined);
    this.closed = new Promise((resolve) =>
      socket.once("close", () => {
        this.isClosed = true;
        this.wake();
        resolve();
      }),
    );
  }

  static async open(port: number, host = "127.0.0.1"): Promise<WireClient> {
    const socket = tcpConnect({ port, host });
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", resolve);
      socket.once("error", reject);
    });
    socket.setNoDelay(true);
    return new WireClient(socket);
  }

  private wake(): void {
    const w = this.waiter;
    this.waiter = undefined;
    w?.();
  }

  private async until<T>(read: () => T | undefined, timeoutMs: number): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = read();
      if (value !== undefined) return value;
      if (this.isClosed) throw new Error("connection closed by the server");
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no reply within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiter = () => {
          clearTimeout(t);
          resolve();
        };
      });
    }
  }

  write(bytes: Uint8Array): boolean {
    return this.socket.write(bytes);
  }

  async login(c: Credentials = {}, timeoutMs = 5000): Promise<ReturnType<typeof decodeConnectResponse>> {
    this.write(
      encodeConnectRequest({
        user: c.user ?? "informix",
        password: c.password ?? "in4mix",
        server: c.server ?? "informix",
        database: "",
        env: [["DBPATH", "."]],
        cap1: 316,
      }),
    );
    const res = await this.until(() => {
      this.loginBytes.mark();
      try {
        const pdu = readSlPdu(this.loginBytes);
        this.loginBytes.commit();
        return decodeConnectResponse(pdu.slType, pdu.body);
      } catch (e) {
        if (isNeedMoreData(e)) {
          this.loginBytes.rewind();
          return undefined;
        }
        throw e;
      }
    }, timeoutMs);
    this.loggedIn = true;
    return res;
  }

  /** Sends the group and reads the reply up to its SQ_EOT (or SQ_EXIT). */
  async group(messages: readonly ClientMessage[], timeoutMs = 5000): Promise<ServerMessage[]> {
    this.write(encodeClientGroup(messages, this.ctx, this.w));
    return this.reply(timeoutMs);
  }

  /** Sends raw bytes (which should end a group) and reads the reply group. */
  async raw(bytes: Uint8Array, timeoutMs = 5000): Promise<ServerMessage[]> {
    this.write(bytes);
    return this.reply(timeoutMs);
  }

  async reply(timeoutMs = 5000): Promise<ServerMessage[]> {
    const out: ServerMessage[] = [];
    await this.until(() => {
      for (;;) {
        const m = this.decoder.next();
        if (isNeedMoreData(m)) return undefined;
        out.push(m);
        if (m.kind === "eot" || m.kind === "exit") return true;
      }
    }, timeoutMs);
    return out;
  }

  /** Login, SQ_PROTOCOLS, SQ_INFO and optionally a database. */
  async ready(database?: string, c: Credentials = {}, timeoutMs = 5000): Promise<void> {
    const res = await this.login(c, timeoutMs);
    if (res.outcome !== "accept") throw new Error(`login rejected: ${res.svcError}`);
    const protocols = (await this.group([{ kind: "protocols", features: OFFER }], timeoutMs))[0];
    if (protocols?.kind === "protocols") this.ctx = contextFromFeatures(intersectFeatures(OFFER, protocols.features));
    await this.group([{ kind: "info", env: [["DBTEMP", "/tmp"]] }], timeoutMs);
    if (database !== undefined) {
      const r = await this.group([{ kind: "dbopen", database, flags: 0 }], timeoutMs);
      if (r[0]?.kind !== "done") throw new Error(`DBOPEN ${database}: ${JSON.stringify(r[0])}`);
    }
  }

  /** Prepares, binds, executes and releases one statement; returns the EXECUTE reply. */
  async execute(sql: string, parameters: BindParameter[]): Promise<ServerMessage[]> {
    const prep = await this.group([{ kind: "prepare", paramCount: parameters.length, sql }, { kind: "ndescribe" }]);
    const d = prep[0];
    if (d?.kind !== "describe") return prep;
    const id = d.statementId;
    const reply = await this.group([
      { kind: "id", statementId: id },
      { kind: "bind", parameters },
      { kind: "execute" },
    ]);
    await this.group([{ kind: "id", statementId: id }, { kind: "release" }]);
    return reply;
  }

  /** Runs a query and returns its rows, decoded with the protocol's row layout. */
  async query(sql: string): Promise<unknown[][]> {
    const prep = await this.group([{ kind: "prepare", paramCount: 0, sql }, { kind: "ndescribe" }]);
    const d = prep[0];
    if (d?.kind !== "describe") throw new Error(`PREPARE ${sql}: ${JSON.stringify(prep[0])}`);
    const layout = compileRowLayout(d.fields);
    const id = d.statementId;
    const rows: unknown[][] = [];
    let reply = await this.group([
      { kind: "id", statementId: id },
      { kind: "curname", name: "_ifxc_wire" },
      { kind: "open" },
      { kind: "id", statementId: id },
      { kind: "nfetch", bufferSize: 4096, arraySize: 0 },
    ]);
    for (;;) {
      for (const m of reply) if (m.kind === "tuple") rows.push(layout.decodeRow(m.data));
      if (reply.some((m) => m.kind === "done" || m.kind === "err")) break;
      reply = await this.group([
        { kind: "id", statementId: id },
        { kind: "nfetch", bufferSize: 4096, arraySize: 0 },
      ]);
    }
    await this.group([
      { kind: "id", statementId: id },
      { kind: "close" },
      { kind: "id", statementId: id },
      { kind: "release" },
    ]);
    return rows;
  }

  /** Runs one statement with SQ_COMMAND (no parameters) and returns the reply. */
  command(sql: string): Promise<ServerMessage[]> {
    return this.group([{ kind: "command", sql }, { kind: "ndescribe" }, { kind: "execute" }, { kind: "release" }]);
  }

  destroy(): void {
    this.socket.destroy();
  }
}

/** The first SQ_ERR of a reply, or undefined. */
export function errorOf(reply: readonly ServerMessage[]): { sqlcode: number; parameter: string } | undefined {
  const e = reply.find((m) => m.kind === "err");
  return e?.kind === "err" ? { sqlcode: e.sqlcode, parameter: e.parameter } : undefined;
}
