// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 7: a soak. 64 concurrent clients share a pool against the emulator for a bounded
// time, with mixed queries, streams, transactions and injected aborts (an AbortSignal
// fired while a call is on the wire, which breaks that connection). Every error must be
// explained by an injected fault; the pool must never exceed `max`; the process RSS and
// heap must stay flat. CI: 40 s; INFORMIX_SOAK_SECONDS=1800 for the 30-minute run.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type RunningEmulator, startEmulator } from "@informix-db/emulator";
import { connect, createPool, DriverError } from "informix-db";
import { envNumber, memory, watchEventLoop } from "./support/harness.js";
import { Rng } from "./support/mutate.js";

let emu: RunningEmulator;
const base = () => ({ user: "informix", password: "in4mix", server: "informix", database: "soak" });

before(async () => {
  emu = await startEmulator({ port: 0 });
  const admin = await connect({ ...base(), host: emu.host, port: emu.port, database: "" });
  await admin.query("CREATE DATABASE soak WITH LOG");
  await admin.selectDatabase("soak");
  await admin.query("CREATE TABLE item (id SERIAL, client INT, name VARCHAR(30), price DECIMAL(8,2))");
  for (let i = 0; i < 50; i++)
    await admin.query("INSERT INTO item (client, name, price) VALUES (0, ?, ?)", [`i${i}`, `${i}.25`]);
  await admin.close();
});

after(async () => {
  await emu?.close();
});

test("issue 7: 64 clients through a pool: only injected faults fail, memory stays flat", async () => {
  const seconds = envNumber("INFORMIX_SOAK_SECONDS", 40);
  const clients = 64;
  const max = 8;
  const pool = createPool({
    ...base(),
    host: emu.host,
    port: emu.port,
    max,
    acquireTimeout: 60_000,
    closeTimeout: 1000,
  });
  const rng = new Rng(envNumber("INFORMIX_FUZZ_SEED", 64));
  const counts = new Map<string, number>();
  const bump = (k: string) => counts.set(k, (counts.get(k) ?? 0) + 1);
  const unexplained: string[] = [];
  let peak = 0;
  const sizeWatch = setInterval(() => {
    peak = Math.max(peak, pool.size);
  }, 5);
  const deadline = Date.now() + seconds * 1000;
  let warm: ReturnType<typeof memory> | undefined;
  const warmAt = Date.now() + Math.min(10_000, (seconds * 1000) / 4);
  const loop = watchEventLoop();

  const work = async (client: number) => {
    while (Date.now() < deadline) {
      const pick = rng.int(100);
      const abort = pick < 5;
      const controller = new AbortController();
      if (abort) setTimeout(() => controller.abort(new Error("injected")), rng.int(5));
      try {
        if (pick < 40) {
          const r = await pool.query("SELECT id, name, price FROM item WHERE id <= ? ORDER BY id", [1 + rng.int(50)], {
            signal: controller.signal,
          });
          assert.ok(r.rows.length > 0);
          bump("select");
        } else if (pick < 60) {
          const conn = await pool.acquire();
          try {
            let n = 0;
            for await (const _ of conn.stream("SELECT id FROM item WHERE client = 0", [], { fetchSize: 7 })) n++;
            assert.ok(n >= 50);
          } finally {
            await pool.release(conn);
          }
          bump("stream");
        } else if (pick < 85) {
          await pool.transaction(async (tx) => {
            await tx.query("INSERT INTO item (client, name, price) VALUES (?, ?, ?)", [client, "t", "1.00"], {
              signal: controller.signal,
            });
            await tx.query("DELETE FROM item WHERE client = ?", [client]);
          });
          bump("transaction");
        } else {
          await pool.query("UPDATE item SET price = price WHERE id = ?", [1 + rng.int(50)], {
            signal: controller.signal,
          });
          bump("update");
        }
      } catch (error) {
        const code = error instanceof DriverError ? error.code : `untyped ${String(error)}`;
        const injected =
          abort && (code === "ABORTED" || code === "CONNECTION_BROKEN" || code === "COMMIT_OUTCOME_UNKNOWN");
        // Lock conflicts between concurrent transactions are the server's answer, not a fault.
        const lock = error instanceof DriverError && error.retryable && code === "SQL_ERROR";
        bump(injected ? `injected ${code}` : lock ? "lock conflict" : `error ${code}`);
        if (!injected && !lock) unexplained.push(`${code}: ${(error as Error).message}`);
      }
      if (warm === undefined && Date.now() >= warmAt && client === 1) {
        warm = memory();
        loop.reset();
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, i) => work(i + 1)));
  clearInterval(sizeWatch);
  const stalls = loop.stop();
  await pool.close();
  const end = memory();
  const figures = {
    seconds,
    clients,
    max,
    peak,
    calls: Object.fromEntries([...counts].sort()),
    eventLoop: stalls,
    memory: { afterWarmup: warm, end },
  };
  console.log(`soak ${JSON.stringify(figures)}`);
  assert.deepEqual(unexplained.slice(0, 5), [], "every error is explained by an injected fault");
  assert.ok(peak <= max, `pool peaked at ${peak}`);
  if (warm) {
    assert.ok(end.heapMiB - warm.heapMiB < 48, `heap ${warm.heapMiB} → ${end.heapMiB} MiB`);
    assert.ok(end.rssMiB - warm.rssMiB < 160, `RSS ${warm.rssMiB} → ${end.rssMiB} MiB`);
  }
});
