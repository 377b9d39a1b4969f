// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 11: the emulator plays a cluster, a primary, a read-only secondary
// (`readOnlySecondary`: writes fail with ISAM -140, sqlwarn6 at DATABASE) and a redirector
// (a Connection Manager sending clients to the primary). The primary dies mid-run and a pool
// listing both servers keeps reading from the secondary. Both servers start with the same
// stores_demo data, as a replicated pair has.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type RunningEmulator, startEmulator } from "@informix-db/emulator";
import { ConnectionError, connect, createPool, InformixError } from "informix-db";
import { FaultProxy } from "./support/fault-proxy.js";

let primary: RunningEmulator;
let secondary: RunningEmulator;
let redirector: RunningEmulator;
const login = { user: "informix", password: "in4mix", database: "stores_demo" };
const COUNT = "SELECT COUNT(*) AS n FROM customer";

before(async () => {
  [primary, secondary] = await Promise.all([
    startEmulator({ port: 0, server: "ol_pri", demo: true }),
    startEmulator({ port: 0, server: "ol_sec", demo: true, readOnlySecondary: true }),
  ]);
  redirector = await startEmulator({
    port: 0,
    redirectTo: { server: "ol_pri", host: "127.0.0.1", port: primary.port },
  });
});

after(async () => {
  await redirector?.close();
  await secondary?.close();
  await primary?.close();
});

function refusedWith(sqlcode: number) {
  return (e: unknown) => e instanceof InformixError && e.sqlcode === sqlcode && e.isamCode === -140;
}

test("issue 11: a read-only secondary serves reads, refuses writes with IDS's errors, and says what it is", async () => {
  await using conn = await connect({ ...login, host: "127.0.0.1", port: secondary.port, server: "ol_sec" });
  assert.equal(conn.databaseInfo?.readOnly, true, "sqlwarn6 at DATABASE: the server is a secondary");
  const before = Number((await conn.query(COUNT)).rows[0]?.n);
  assert.ok(before > 0);
  await assert.rejects(
    conn.query("INSERT INTO customer (fname, lname) VALUES (?, ?)", ["Ada", "Lovelace"]),
    refusedWith(-271),
  );
  await assert.rejects(conn.query("UPDATE customer SET fname = 'x' WHERE customer_num = 101"), refusedWith(-346));
  await assert.rejects(conn.query("DELETE FROM customer WHERE customer_num = 101"), refusedWith(-240));
  await assert.rejects(conn.query("CREATE TABLE t_sec (a INT)"), refusedWith(-26097));
  await assert.rejects(conn.query("DROP TABLE customer"), refusedWith(-26097));
  await assert.rejects(
    conn.query(
      "MERGE INTO customer t USING (SELECT 101 AS id FROM systables WHERE tabid = 1) s ON (t.customer_num = s.id) WHEN MATCHED THEN UPDATE SET t.fname = 'm'",
    ),
    refusedWith(-26097),
  );
  const stmt = await conn.prepare("UPDATE customer SET fname = ? WHERE customer_num = ?");
  await assert.rejects(stmt.query(["y", 102]), refusedWith(-346), "a prepared write is refused at EXECUTE");
  await stmt.close();
  // Inside a transaction the refusal loses nothing else.
  await conn.transaction(async (tx) => {
    await assert.rejects(tx.query("DELETE FROM customer"), refusedWith(-240));
    assert.equal(Number((await tx.query(COUNT)).rows[0]?.n), before);
  });
  assert.equal(Number((await conn.query(COUNT)).rows[0]?.n), before, "nothing was written");
  assert.equal(conn.state, "idle", "the connection stays usable");
});

test("issue 11: the primary is writable and does not report itself a secondary", async () => {
  await using conn = await connect({ ...login, host: "127.0.0.1", port: redirector.port, server: "cm_cluster" });
  assert.equal(conn.config.server, "ol_pri", "the redirector sent the client to the primary");
  assert.equal(conn.databaseInfo?.readOnly, false);
  await conn.transaction(async (tx) => {
    const r = await tx.query("UPDATE customer SET fname = fname WHERE customer_num = 101");
    assert.equal(r.rowCount, 1);
  });
});

test("issue 11: a pool over the cluster keeps reading from the secondary when the primary dies mid-run", async () => {
  // The primary is reached through a proxy the test kills; the secondary stays up.
  const toPrimary = new FaultProxy("127.0.0.1", primary.port);
  await toPrimary.start();
  const hosts = [
    { host: "127.0.0.1", port: toPrimary.port, server: "ol_pri" },
    { host: "127.0.0.1", port: secondary.port, server: "ol_sec" },
  ];
  await using pool = createPool({ ...login, hosts, min: 2, max: 3 });
  const first = await pool.acquire();
  assert.equal(first.config.server, "ol_pri");
  assert.equal(first.databaseInfo?.readOnly, false);
  await pool.release(first);
  let stop = false;
  let served = 0;
  const errors: unknown[] = [];
  const worker = async () => {
    while (!stop) {
      try {
        await pool.query(COUNT);
        served++;
      } catch (error) {
        errors.push(error);
      }
    }
  };
  const workers = [worker(), worker()];
  await new Promise((r) => setTimeout(r, 100));
  await toPrimary.close();
  const servedAtKill = served;
  await new Promise((r) => setTimeout(r, 500));
  stop = true;
  await Promise.all(workers);
  assert.ok(served > servedAtKill, "reads kept being served after the primary died");
  for (const e of errors) assert.ok(e instanceof ConnectionError, `only connection errors: ${String(e)}`);
  await pool.withConnection(async (conn) => {
    assert.equal(conn.config.server, "ol_sec", "new connections log in to the secondary");
    assert.equal(conn.databaseInfo?.readOnly, true, "and can tell that writes must wait for a primary");
    await assert.rejects(conn.query("DELETE FROM customer WHERE customer_num = 101"), refusedWith(-240));
  });
});
