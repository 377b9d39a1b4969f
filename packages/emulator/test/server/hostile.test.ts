// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 7: the emulator under hostile clients. Garbage, truncated and slow logins,
// giant length claims, 200 concurrent sessions, clients that vanish mid-transaction and
// a client that writes 30,000 requests without reading: each costs only its own
// connection, and the other sessions keep being served. Figures are printed as
// `# figure: …` lines (docs/emulator-reliability.md records them); the bounds asserted
// here are generous so that a loaded machine does not fail them.

import assert from "node:assert/strict";
import { connect as tcpConnect } from "node:net";
import { after, before, describe, test } from "node:test";
import { ByteWriter, encodeClientGroup, encodeConnectRequest, typeCodes as T } from "@informix-db/protocol";
import { type RunningEmulator, startEmulator } from "../../src/index.js";
import { errorOf, WireClient } from "./wire-client.js";

const LOGIN_TIMEOUT_MS = 500;
const figure = (name: string, value: string) => process.stdout.write(`# figure: ${name}: ${value}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Opens a raw socket, writes `bytes`, and resolves with the ms until the server closed it. */
function closedAfter(port: number, write: (s: ReturnType<typeof tcpConnect>) => void, limitMs = 5000): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const s = tcpConnect({ port, host: "127.0.0.1" }, () => write(s));
    s.on("data", () => undefined);
    s.on("error", () => undefined);
    const t = setTimeout(() => {
      s.destroy();
      reject(new Error(`still open after ${limitMs} ms`));
    }, limitMs);
    s.on("close", () => {
      clearTimeout(t);
      resolve(Date.now() - started);
    });
  });
}

const SIMPLE: Parameters<WireClient["group"]>[0] = [
  { kind: "command", sql: "select count(*) from systables" },
  { kind: "ndescribe" },
  { kind: "execute" },
  { kind: "release" },
];

let emu: RunningEmulator;
let victim: WireClient;

before(async () => {
  emu = await startEmulator({ port: 0 });
  victim = await WireClient.open(emu.port);
  await victim.ready();
  await victim.command("create database hostile with log");
  await victim.command("create table acct (id integer primary key, v integer)");
  await victim.command("insert into acct values (1, 100)");
});

after(async () => {
  victim?.destroy();
  await emu?.close();
});

async function victimStillServed(): Promise<void> {
  const reply = await victim.group(SIMPLE);
  assert.equal(reply.at(-1)?.kind, "eot");
  assert.equal(errorOf(reply), undefined);
}

describe("issue 7: hostile clients cost only their own connection", () => {
  test("garbage before login: each connection is dropped at once", async () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed & 0xff;
    };
    const times = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        closedAfter(emu.port, (s) => {
          // Byte 0..1 is the SL length: keep it below the 6-byte header so the PDU is invalid at once.
          s.write(Uint8Array.of(0, i % 6, ...Array.from({ length: 30 }, random)));
        }),
      ),
    );
    figure("garbage login, max ms to drop", String(Math.max(...times)));
    assert.ok(Math.max(...times) < 2000);
    await victimStillServed();
  });

  test("a 2 GB SQL text claim is refused with -460 before it is buffered", async () => {
    const c = await WireClient.open(emu.port);
    await c.ready("hostile");
    const heapBefore = process.memoryUsage().heapUsed;
    const header = new ByteWriter().u16(2).i16(0);
    if (c.ctx.longSqlText) header.i32(0x7fffffff);
    else header.u16(0xffff);
    c.write(header.take());
    // Send 2 MB of the claimed text: more than the session buffers, far less than the claim.
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    for (let i = 0; i < 32 && !c.isClosed; i++) c.write(chunk);
    if (c.ctx.longSqlText) {
      const reply = await c.reply(5000);
      assert.equal(errorOf(reply)?.sqlcode, -460);
      await c.closed;
    } else {
      // 64 KB is the most a short length can claim: a 64 KB statement is accepted as text.
      c.destroy();
    }
    figure(
      "heap growth while refusing a 2 GB claim, MB",
      ((process.memoryUsage().heapUsed - heapBefore) / 1e6).toFixed(1),
    );
    await victimStillServed();
  });

  test("a bind value claiming 2 GB closes that connection only", async () => {
    const c = await WireClient.open(emu.port);
    await c.ready("hostile");
    const prep = await c.group([
      { kind: "prepare", paramCount: 1, sql: "insert into acct (v) values (?)" },
      { kind: "ndescribe" },
    ]);
    assert.equal(prep[0]?.kind, "describe");
    // SQ_ID 0, SQ_BIND 1 LVARCHAR parameter whose i32 length claims 2 GB.
    const w = new ByteWriter().u16(4).i16(0).u16(5).i16(1).u16(T.SQLLVARCHAR);
    const name = new TextEncoder().encode("informix");
    w.char(name).char(new TextEncoder().encode("lvarchar")).i16(0).i16(0).i32(0x7fffffff);
    c.write(w.take());
    c.write(new Uint8Array(64 * 1024));
    await c.closed;
    await victimStillServed();
  });

  test("200 concurrent sessions each log in and query", async () => {
    const started = performance.now();
    const results = await Promise.all(
      Array.from({ length: 200 }, async () => {
        const c = await WireClient.open(emu.port);
        try {
          await c.ready("hostile", {}, 30000);
          const reply = await c.group(SIMPLE, 30000);
          return errorOf(reply)?.sqlcode ?? 0;
        } finally {
          c.destroy();
        }
      }),
    );
    figure("200 concurrent sessions, login + query, ms", (performance.now() - started).toFixed(0));
    assert.deepEqual(new Set(results), new Set([0]));
    await victimStillServed();
  });

  test("a client that vanishes mid-transaction: its writes roll back and its lock is free at once", async () => {
    const a = await WireClient.open(emu.port);
    await a.ready("hostile");
    await a.group([{ kind: "begin" }]);
    assert.equal(errorOf(await a.command("update acct set v = 0 where id = 1")), undefined);
    assert.equal(errorOf(await a.command("insert into acct values (2, 200)")), undefined);
    const b = await WireClient.open(emu.port);
    await b.ready("hostile");
    const blocked = errorOf(await b.command("update acct set v = v + 1 where id = 1"));
    assert.ok(blocked !== undefined, "A's lock holds while A is connected");
    const gone = performance.now();
    a.destroy();
    let freedAfter = Number.NaN;
    for (let i = 0; i < 200; i++) {
      if (errorOf(await b.command("update acct set v = v + 1 where id = 1")) === undefined) {
        freedAfter = performance.now() - gone;
        break;
      }
      await sleep(5);
    }
    figure("lock of a vanished client free after, ms", freedAfter.toFixed(1));
    assert.ok(freedAfter < 1000, String(freedAfter));
    const rows = await b.query("select id, v from acct order by id");
    assert.deepEqual(rows, [[1, 101]], "A's update and insert were rolled back");
    await b.command("update acct set v = 100 where id = 1");
    b.destroy();
  });

  test("30,000 requests written without reading do not hold up another session", async () => {
    const hog = await WireClient.open(emu.port);
    await hog.ready("hostile");
    hog.socket.pause();
    const one = encodeClientGroup(SIMPLE, hog.ctx, new ByteWriter());
    const flood = new Uint8Array(one.length * 30000);
    for (let i = 0; i < 30000; i++) flood.set(one, i * one.length);
    const heapBefore = process.memoryUsage().heapUsed;
    hog.write(flood);
    const latencies: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t = performance.now();
      await victimStillServed();
      latencies.push(performance.now() - t);
      await sleep(20);
    }
    latencies.sort((x, y) => x - y);
    const max = latencies.at(-1)!;
    figure(
      "victim query while another client floods 30,000 requests, p50/max ms",
      `${latencies[15]!.toFixed(1)}/${max.toFixed(1)}`,
    );
    const floodGrowth = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
    figure("heap growth during the flood, MB", floodGrowth.toFixed(1));
    assert.ok(floodGrowth < 64, `heap grew ${floodGrowth} MB`);
    assert.ok(max < 1500, `victim waited ${max} ms`);
    hog.destroy();
    await hog.closed;
  });
});

test("issue 7: an idle timeout closes a quiet session and spares a busy one", async () => {
  const e = await startEmulator({ port: 0, idleTimeoutMs: 300 });
  try {
    const quiet = await WireClient.open(e.port);
    const busy = await WireClient.open(e.port);
    await quiet.ready();
    await busy.ready();
    const started = Date.now();
    const quietClosedAt = quiet.closed.then(() => Date.now());
    for (let i = 0; i < 8; i++) {
      await sleep(100);
      await busy.group(SIMPLE);
    }
    const closedAfter = (await quietClosedAt) - started;
    figure("idle timeout (300 ms) closed the quiet session after ms", String(closedAfter));
    assert.ok(closedAfter >= 250 && closedAfter < 2000, String(closedAfter));
    assert.equal(busy.isClosed, false);
    busy.destroy();
  } finally {
    await e.close();
  }
});

test("issue 7: truncated, silent and slowloris logins are closed by the login timeout", async () => {
  const e = await startEmulator({ port: 0, loginTimeoutMs: LOGIN_TIMEOUT_MS });
  try {
    const login = encodeConnectRequest({
      user: "informix",
      password: "in4mix",
      server: "informix",
      database: "",
      env: [],
      cap1: 316,
    });
    const [truncated, silent, slow, claimed] = await Promise.all([
      closedAfter(e.port, (s) => s.write(login.subarray(0, login.length >> 1))),
      closedAfter(e.port, () => undefined),
      closedAfter(e.port, (s) => {
        let i = 0;
        const drip = setInterval(() => {
          if (s.destroyed || i >= login.length) clearInterval(drip);
          else s.write(login.subarray(i, ++i));
        }, 50);
      }),
      // An SL header that claims 65535 bytes and sends 4.
      closedAfter(e.port, (s) => s.write(Uint8Array.of(0xff, 0xff, 1, 0x3c, 0, 0, 1, 2, 3, 4))),
    ]);
    figure(
      "login timeout (500 ms) closes truncated/silent/slowloris/claimed after ms",
      `${truncated}/${silent}/${slow}/${claimed}`,
    );
    for (const ms of [truncated, silent, slow, claimed])
      assert.ok(ms >= LOGIN_TIMEOUT_MS - 50 && ms < LOGIN_TIMEOUT_MS + 2500, String(ms));
    const c = await WireClient.open(e.port);
    await c.ready();
    assert.equal(c.isClosed, false, "a client that logs in in time is kept");
    c.destroy();
  } finally {
    await e.close();
  }
});
