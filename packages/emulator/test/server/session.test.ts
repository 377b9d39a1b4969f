// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The emulator's SQLI session, byte level: a client (built from the protocol package)
// talks to SqliSession through an in-memory pipe, including every-byte chunking.

import assert from "node:assert/strict";
import { test } from "node:test";
import {
  ByteReader,
  ByteWriter,
  type ClientMessage,
  compileRowLayout,
  contextFromFeatures,
  decodeConnectResponse,
  EMULATOR_SERVER_FEATURES,
  encodeClientGroup,
  encodeConnectRequest,
  IDS15_SERVER_FEATURES,
  InformixDate,
  intersectFeatures,
  isNeedMoreData,
  JDBC_CLIENT_FEATURES,
  readSlPdu,
  ServerItemDecoder,
  type ServerMessage,
} from "@informix-db/protocol";
import { SqliSession } from "../../src/server/session.js";
import { COLUMNS, memoryEngine } from "./memory-engine.js";

const policy = {
  serverName: "informix",
  aliases: ["ol_alias"],
  user: "informix",
  password: "in4mix",
  version: "IBM Informix Dynamic Server Version 15.0.1.0",
  serial: "Software Serial Number AAA#B000000",
};

const OFFER_9 = Uint8Array.of(...JDBC_CLIENT_FEATURES, 0x06);

/** A client end of an in-memory connection to one SqliSession. */
class Pipe {
  readonly session: SqliSession;
  private readonly received: Uint8Array[] = [];
  ended = false;
  ctx = contextFromFeatures(intersectFeatures(OFFER_9, IDS15_SERVER_FEATURES));
  private readonly decoder = new ServerItemDecoder(() => this.ctx);
  private readonly w = new ByteWriter();

  constructor(private readonly chunkSize = Number.POSITIVE_INFINITY) {
    this.session = new SqliSession({
      id: 1,
      engine: memoryEngine,
      policy,
      io: {
        send: (b) => this.received.push(b),
        end: () => {
          this.ended = true;
        },
      },
    });
  }

  async send(bytes: Uint8Array): Promise<void> {
    for (let i = 0; i < bytes.length; i += Math.min(this.chunkSize, bytes.length)) {
      this.session.feed(bytes.slice(i, i + this.chunkSize));
    }
    await new Promise((r) => setTimeout(r, 5));
    await (this.session as unknown as { work: Promise<void> }).work;
  }

  take(): Uint8Array {
    const total = this.received.reduce((n, b) => n + b.length, 0);
    const out = new Uint8Array(total);
    let at = 0;
    for (const b of this.received.splice(0)) {
      out.set(b, at);
      at += b.length;
    }
    return out;
  }

  async login(user = "informix", password = "in4mix", server = "informix") {
    await this.send(encodeConnectRequest({ user, password, server, database: "", env: [["DBPATH", "."]], cap1: 316 }));
    const r = new ByteReader();
    r.push(this.take());
    const pdu = readSlPdu(r);
    return decodeConnectResponse(pdu.slType, pdu.body);
  }

  async group(messages: ClientMessage[]): Promise<ServerMessage[]> {
    await this.send(encodeClientGroup(messages, this.ctx, this.w));
    this.decoder.push(this.take());
    const out: ServerMessage[] = [];
    for (;;) {
      const m = this.decoder.next();
      if (isNeedMoreData(m)) break;
      out.push(m);
    }
    return out;
  }

  async ready(database = "plain"): Promise<ServerMessage[]> {
    assert.equal((await this.login()).outcome, "accept");
    const protocols = await this.group([{ kind: "protocols", features: OFFER_9 }]);
    assert.deepEqual(protocols, [{ kind: "protocols", features: EMULATOR_SERVER_FEATURES }, { kind: "eot" }]);
    assert.deepEqual(await this.group([{ kind: "info", env: [["DBTEMP", "/tmp"]] }]), [{ kind: "eot" }]);
    return this.group([{ kind: "dbopen", database, flags: 0 }]);
  }
}

test("a wrong password is rejected with -951 and the connection ends", async () => {
  const p = new Pipe();
  const res = await p.login("informix", "wrong");
  assert.equal(res.outcome, "reject");
  assert.equal(res.svcError, -951);
  assert.ok(p.ended);
});

test("a wrong server name is rejected with -761 naming the real server; an alias is accepted", async () => {
  const res = await new Pipe().login("informix", "in4mix", "ol_other");
  assert.equal(res.svcError, -761);
  assert.equal(res.serverName, "informix");
  assert.equal((await new Pipe().login("informix", "in4mix", "ol_alias")).outcome, "accept");
});

test("DBOPEN reports the database kind in the DONE warnings: 0x14 plain, 0x15 logged, 0x17 ANSI", async () => {
  for (const [db, warnings] of [
    ["plain", 0x14],
    ["logged", 0x15],
    ["ansi", 0x17],
  ] as const) {
    const reply = await new Pipe().ready(db);
    assert.equal(reply[0]?.kind, "done");
    assert.equal(reply[0]?.kind === "done" && reply[0].warnings, warnings, db);
    assert.deepEqual(
      reply.slice(1).map((m) => m.kind),
      ["cost", "eot"],
    );
  }
});

test("DBOPEN of an unknown database answers SQ_ERR -329 and the session stays usable", async () => {
  const p = new Pipe();
  const reply = await p.ready("nosuch");
  assert.deepEqual(reply[0], { kind: "err", sqlcode: -329, isamCode: -111, offset: 0, parameter: "nosuch" });
  const again = await p.group([{ kind: "dbopen", database: "plain", flags: 0 }]);
  assert.equal(again[0]?.kind, "done");
});

test("PREPARE answers DESCRIBE, DONE, COST; the cursor fetches every row in buffer-sized batches", async () => {
  for (const chunk of [Number.POSITIVE_INFINITY, 1, 7]) {
    const p = new Pipe(chunk);
    await p.ready();
    const described = await p.group([
      { kind: "prepare", paramCount: 0, sql: "select * from t" },
      { kind: "ndescribe" },
      { kind: "wantdone" },
    ]);
    assert.deepEqual(
      described.map((m) => m.kind),
      ["describe", "done", "cost", "eot"],
    );
    const d = described[0]!;
    assert.ok(d.kind === "describe");
    assert.deepEqual(
      d.fields.map((f) => f.name),
      ["id", "name", "price", "born"],
    );
    assert.equal(d.statementId, 0);
    const layout = compileRowLayout(COLUMNS);
    const rows: unknown[][] = [];
    let reply = await p.group([
      { kind: "id", statementId: d.statementId },
      { kind: "curname", name: "_ifxc0000000000000" },
      { kind: "open" },
      { kind: "id", statementId: d.statementId },
      { kind: "nfetch", bufferSize: 256, arraySize: 0 },
    ]);
    for (let round = 0; round < 100; round++) {
      for (const m of reply) if (m.kind === "tuple") rows.push(layout.decodeRow(m.data));
      if (reply.some((m) => m.kind === "done")) break;
      reply = await p.group([
        { kind: "id", statementId: d.statementId },
        { kind: "nfetch", bufferSize: 256, arraySize: 0 },
      ]);
      assert.ok(reply.filter((m) => m.kind === "tuple").length > 0, "every non-final batch carries rows");
    }
    assert.equal(rows.length, 50);
    assert.deepEqual(rows[49], [50, "name 50", "12.50", InformixDate.parse("2024-02-29")]);
    assert.deepEqual(await p.group([{ kind: "id", statementId: 0 }, { kind: "close" }]), [{ kind: "eot" }]);
    assert.deepEqual(await p.group([{ kind: "id", statementId: 0 }, { kind: "release" }]), [{ kind: "eot" }]);
  }
});

test("a failed PREPARE answers only SQ_ERR with its offset, and frees nothing it did not take", async () => {
  const p = new Pipe();
  await p.ready();
  const reply = await p.group([
    { kind: "prepare", paramCount: 0, sql: "select x from nosuch" },
    { kind: "ndescribe" },
    { kind: "wantdone" },
  ]);
  assert.deepEqual(reply, [
    { kind: "err", sqlcode: -206, isamCode: -111, offset: 15, parameter: "nosuch" },
    { kind: "eot" },
  ]);
  const ok = await p.group([{ kind: "prepare", paramCount: 0, sql: "select * from t" }, { kind: "ndescribe" }]);
  assert.ok(ok[0]?.kind === "describe" && ok[0].statementId === 0);
});

test("BIND + EXECUTE of an INSERT answers DONE with the SERIAL and COST", async () => {
  const p = new Pipe();
  await p.ready();
  await p.group([
    { kind: "prepare", paramCount: 0, sql: "insert into t values (0)" },
    { kind: "ndescribe" },
    { kind: "wantdone" },
  ]);
  const reply = await p.group([{ kind: "id", statementId: 0 }, { kind: "execute" }]);
  assert.deepEqual(reply, [
    { kind: "done", warnings: 0, rows: 1, rowId: 0, serial: 7 },
    { kind: "cost", estimatedRows: 1, estimatedCost: 1 },
    { kind: "eot" },
  ]);
});

test("BEGIN on an unlogged database is an SQ_ERR; SQ_EXIT is echoed and ends the session", async () => {
  const p = new Pipe();
  await p.ready();
  const reply = await p.group([{ kind: "begin" }]);
  assert.equal(reply[0]?.kind === "err" && reply[0].sqlcode, -256);
  await p.send(Uint8Array.of(0x00, 0x38));
  assert.deepEqual([...p.take()], [0x00, 0x38]);
  assert.ok(p.ended);
});

test("issue 6: bytes that are not SQLI after login get SQ_ERR -999 at the group's end; the session goes on", async () => {
  const p = new Pipe();
  await p.ready();
  await p.send(Uint8Array.of(0x7f, 0x7f, 0x01, 0x02));
  assert.equal(p.ended, false);
  const reply = await p.group([]);
  assert.deepEqual(reply, [{ kind: "err", sqlcode: -999, isamCode: 0, offset: 0, parameter: "" }, { kind: "eot" }]);
  assert.equal((await p.group([{ kind: "dbopen", database: "plain", flags: 0 }]))[0]?.kind, "done");
  const other = new Pipe();
  assert.equal((await other.ready())[0]?.kind, "done");
});

test("bytes that are not a login PDU drop that connection only", async () => {
  const p = new Pipe();
  await p.send(Uint8Array.of(0x00, 0x02, 0x01, 0x02, 0, 0, 0, 0));
  assert.ok(p.ended);
});

test("SQ_CIDESCRIBE is answered with SQ_IDESCRIBE: one record per placeholder", async () => {
  const p = new Pipe();
  await p.ready();
  await p.group([{ kind: "prepare", paramCount: 1, sql: "select * from t where id < ?" }, { kind: "ndescribe" }]);
  const reply = await p.group([{ kind: "id", statementId: 0 }, { kind: "cidescribe" }]);
  assert.equal(reply[0]?.kind, "idescribe");
  assert.ok(reply[0]?.kind === "idescribe");
  assert.deepEqual(
    reply[0].parameters.map((x) => [x.type, x.encodedLength]),
    [[COLUMNS[0]!.type, 4]],
  );
});
