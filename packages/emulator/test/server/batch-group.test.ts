// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 10 §3 / issue 8 §3: a run of SQ_BIND SQ_EXECUTE pairs for one prepared INSERT,
// UPDATE or DELETE in one request group (JDBC's executeBatch: SQ_ID once, then the pairs)
// goes to the engine as one call (server/batch-group.ts, engine/batch-runner.ts). The
// replies must stay what the per-row path sends: per row [SQ_SGKTUPLE] SQ_DONE (row count,
// SERIAL) SQ_COST; on a failing row k the rows before it applied, row k's own error, the
// rest of the group skipped, in a transaction and in autocommit, on both engines.

import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  type BindParameter,
  type ClientMessage,
  compileRowLayout,
  GENKEYS_AUTO,
  type ServerMessage,
  typeCodes as T,
} from "@informix-db/protocol";
import { type RunningEmulator, startEmulator } from "../../src/index.js";
import { errorOf, WireClient } from "./wire-client.js";

const int = (n: number): BindParameter => {
  const payload = new Uint8Array(4);
  new DataView(payload.buffer).setInt32(0, n);
  return { type: T.SQLINT, indicator: 0, precision: 0, payload };
};
const chars = (s: string): BindParameter => {
  const payload = new TextEncoder().encode(s);
  return { type: T.SQLCHAR, indicator: 0, precision: payload.length, payload };
};
const NULL_INT: BindParameter = { type: T.SQLINT, indicator: -1, precision: 0, payload: null };

const kinds = (r: readonly ServerMessage[]) => r.map((m) => m.kind);
const pairs = (n: number) => Array.from({ length: n }, () => ["done", "cost"]).flat();

for (const engine of ["pglite", "postgres"] as const) {
  describe(`a run of BIND+EXECUTE in one group (${engine})`, () => {
    let emu: RunningEmulator;
    let c: WireClient;
    let other: WireClient;

    before(async () => {
      emu = await startEmulator({ port: 0, engine });
      c = await WireClient.open(emu.port);
      await c.ready();
      await c.command("create database bg with log");
      await c.command("create table s (id serial, n integer, v varchar(10))");
      await c.command("create table u (n integer primary key, sm smallint, nn integer not null)");
      other = await WireClient.open(emu.port);
      await other.ready("bg");
    });

    after(async () => {
      c?.destroy();
      other?.destroy();
      await emu?.close();
    });

    async function prepare(sql: string, paramCount: number, extra: ClientMessage[] = []): Promise<number> {
      const r = await c.group([{ kind: "prepare", paramCount, sql }, ...extra, { kind: "ndescribe" }]);
      const d = r.find((m) => m.kind === "describe");
      assert.ok(d?.kind === "describe", JSON.stringify(r));
      return d.statementId;
    }

    /** JDBC's executeBatch group: SQ_ID, then SQ_BIND SQ_EXECUTE per row. */
    const batch = (id: number, rows: BindParameter[][], idEach = false): ClientMessage[] => [
      ...(idEach ? [] : [{ kind: "id", statementId: id } as const]),
      ...rows.flatMap((parameters): ClientMessage[] => [
        ...(idEach ? [{ kind: "id", statementId: id } as const] : []),
        { kind: "bind", parameters },
        { kind: "execute" },
      ]),
    ];

    const rowsOf = async (sql: string) => (await c.query(sql)).map((r) => r.map((v) => v));

    test("in a transaction: every row applied, one DONE per row with its own SERIAL", async () => {
      await c.group([{ kind: "begin" }]);
      const id = await prepare("insert into s (n, v) values (?, ?)", 2);
      const reply = await c.group(
        batch(
          id,
          [...Array(40).keys()].map((i) => [int(i), chars(`v${i}`)]),
        ),
      );
      assert.deepEqual(kinds(reply), [...pairs(40), "eot"]);
      const dones = reply.filter((m) => m.kind === "done");
      const stored = await rowsOf("select id, n from s order by id");
      assert.equal(stored.length, 40);
      assert.deepEqual(
        dones.map((m) => (m.kind === "done" ? [m.rows, m.serial] : [])),
        stored.map(([serial]) => [1, serial]),
      );
      assert.deepEqual(
        stored.map(([, n]) => n),
        [...Array(40).keys()],
      );
      // The same rows again with SQ_ID before each pair (informix-driver's layout).
      const again = await c.group(
        batch(
          id,
          [int(100), int(101), int(102)].map((n) => [n, chars("x")]),
          true,
        ),
      );
      assert.deepEqual(kinds(again), [...pairs(3), "eot"]);
      await c.group([{ kind: "cmmtwork" }]);
      assert.deepEqual(await other.query("select count(*) from s"), [["43"]]);
    });

    test("an UPDATE run answers each row's own row count", async () => {
      await c.command("delete from s");
      const ins = await prepare("insert into s (n, v) values (?, 'a')", 1);
      await c.group(batch(ins, [[int(1)], [int(2)], [int(2)]]));
      const upd = await prepare("update s set v = ? where n = ?", 2);
      const reply = await c.group(
        batch(upd, [
          [chars("b"), int(2)],
          [chars("c"), int(9)],
          [chars("d"), int(1)],
        ]),
      );
      assert.deepEqual(
        reply.filter((m) => m.kind === "done").map((m) => (m.kind === "done" ? m.rows : -1)),
        [2, 0, 1],
      );
      assert.deepEqual(await c.query("select n, v from s order by n, v"), [
        [1, "d"],
        [2, "b"],
        [2, "b"],
      ]);
    });

    test("an error at row k in a transaction: rows before k stay, row k's error, the rest skipped", async () => {
      await c.command("delete from u");
      await c.group([{ kind: "begin" }]);
      const id = await prepare("insert into u (n, nn) values (?, 0)", 1);
      const alone = await c.group(batch(id, [[int(50)], [int(50)]]));
      const duplicate = errorOf(alone)?.sqlcode;
      assert.ok(duplicate !== undefined && duplicate < 0, JSON.stringify(alone));
      const reply = await c.group(
        batch(
          id,
          [1, 2, 3, 2, 4, 5].map((n) => [int(n)]),
        ),
      );
      assert.deepEqual(kinds(reply), [...pairs(3), "err", "eot"]);
      assert.equal(errorOf(reply)?.sqlcode, duplicate);
      // The transaction goes on: the rows before the failing one are in it.
      assert.deepEqual(await c.query("select n from u order by n"), [[1], [2], [3], [50]]);
      assert.deepEqual(kinds(await c.group(batch(id, [[int(6)], [int(7)]]))), [...pairs(2), "eot"]);
      await c.group([{ kind: "rbwork", savepoint: 0 }]);
      assert.deepEqual(await c.query("select count(*) from u"), [["0"]]);
    });

    test("an error at row k in autocommit: rows before k are committed, the session goes on", async () => {
      await c.command("delete from u");
      const id = await prepare("insert into u (n, sm, nn) values (?, ?, ?)", 3);
      // Row 3 violates NOT NULL in the engine; the rows after it never run.
      const reply = await c.group(
        batch(id, [
          [int(1), int(1), int(0)],
          [int(2), int(1), int(0)],
          [int(3), int(1), NULL_INT],
          [int(4), int(1), int(0)],
        ]),
      );
      assert.deepEqual(kinds(reply), [...pairs(2), "err", "eot"]);
      assert.deepEqual(await other.query("select n from u order by n"), [[1], [2]]);
      // Row 2 does not fit SMALLINT: refused before the engine, row 1 applied.
      const bad = await c.group(
        batch(id, [
          [int(10), int(1), int(0)],
          [int(11), int(40000), int(0)],
          [int(12), int(1), int(0)],
        ]),
      );
      assert.deepEqual(kinds(bad), [...pairs(1), "err", "eot"]);
      assert.equal(errorOf(bad)?.sqlcode, -1214);
      assert.deepEqual(await other.query("select n from u order by n"), [[1], [2], [10]]);
      const ok = await c.group(
        batch(
          id,
          [20, 21].map((n) => [int(n), int(1), int(0)]),
        ),
      );
      assert.deepEqual(kinds(ok), [...pairs(2), "eot"]);
      assert.deepEqual(await other.query("select count(*) from u"), [["5"]]);
    });

    test("generated keys (SQ_GENKEYS): one SQ_SGKTUPLE per row before its DONE", async () => {
      await c.command("create table gk (id serial, v varchar(10))");
      const r = await c.group([
        { kind: "prepare", paramCount: 1, sql: "insert into gk (v) values (?)" },
        { kind: "genkeys", mode: GENKEYS_AUTO },
        { kind: "ndescribe" },
        { kind: "wantdone" },
      ]);
      const desc = r.find((m) => m.kind === "sgkdescribe");
      const d = r.find((m) => m.kind === "describe");
      assert.ok(desc?.kind === "sgkdescribe" && d?.kind === "describe", JSON.stringify(r));
      const layout = compileRowLayout(desc.fields);
      const reply = await c.group(batch(d.statementId, [[chars("a")], [chars("b")], [chars("c")], [chars("d")]]));
      assert.deepEqual(kinds(reply), [...Array(4).fill(["sgktuple", "done", "cost"]).flat(), "eot"]);
      const keys = reply.flatMap((m) => (m.kind === "sgktuple" ? [layout.decodeRow(m.data)[0]] : []));
      assert.deepEqual(keys, [1, 2, 3, 4]);
      assert.deepEqual(
        reply.flatMap((m) => (m.kind === "done" ? [m.serial] : [])),
        [1, 2, 3, 4],
      );
    });

    test("-710: a run of a statement prepared before ALTER TABLE fails at its first row, nothing applied", async () => {
      await c.command("create table al (n integer)");
      const id = await prepare("insert into al values (?)", 1);
      await other.command("alter table al add (m integer)");
      const reply = await c.group(batch(id, [[int(1)], [int(2)]]));
      assert.deepEqual(kinds(reply), ["err", "eot"]);
      assert.equal(errorOf(reply)?.sqlcode, -710);
      assert.deepEqual(await c.query("select count(*) from al"), [["0"]]);
    });

    test("a run followed by other requests in the same group: they are answered in order", async () => {
      const id = await prepare("insert into s (n, v) values (?, 'z')", 1);
      const reply = await c.group([
        ...batch(id, [[int(900)], [int(901)]]),
        { kind: "bind", parameters: [int(902)] },
        { kind: "execute" },
        { kind: "release" },
        { kind: "command", sql: "delete from s where n >= 900" },
        { kind: "ndescribe" },
        { kind: "execute" },
        { kind: "release" },
      ]);
      assert.equal(errorOf(reply), undefined, JSON.stringify(reply));
      const dones = reply.filter((m) => m.kind === "done").map((m) => (m.kind === "done" ? m.rows : -1));
      assert.deepEqual(dones.slice(0, 3), [1, 1, 1]);
      assert.equal(dones.at(-1), 3);
    });
  });
}
