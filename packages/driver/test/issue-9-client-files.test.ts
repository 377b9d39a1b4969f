// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 9 item 2, the client side of SQ_FILE against the emulator: conn.writeBlobColumn() runs
// FILETOBLOB/FILETOCLOB(BLOB_PLACEHOLDER, 'client') with bytes, a string or a stream as the
// client file; conn.readBlobColumn() runs LOTOFILE(col, BLOB_PLACEHOLDER, 'client') and returns
// what the server wrote. Files live in memory for one statement: a request for any other file
// is refused and the statement fails with the server's SQL error; the connection stays usable.

import assert from "node:assert/strict";
import { Readable } from "node:stream";
import { after, before, test } from "node:test";
import { type RunningEmulator, startEmulator } from "@informix-db/emulator";
import { BlobLocator, ClobLocator, type Connection, connect, DriverError, InformixError } from "informix-db";

let emu: RunningEmulator;
let conn: Connection;
const utf8 = { clientLocale: "en_US.utf8", dbLocale: "en_US.utf8" };
const opts = () => ({ host: emu.host, port: emu.port, user: "informix", password: "in4mix", server: "informix" });

before(async () => {
  emu = await startEmulator({ port: 0 });
  const admin = await connect({ ...opts(), ...utf8 });
  await admin.query("CREATE DATABASE clientfiles WITH LOG");
  await admin.close();
  conn = await connect({ ...opts(), ...utf8, database: "clientfiles" });
  await conn.query("CREATE TABLE b (id INT, data BLOB)");
  await conn.query("CREATE TABLE c (id INT, body CLOB)");
});

after(async () => {
  await conn?.close();
  await emu?.close();
});

const KIB64 = 64 * 1024;
const MIB = 1024 * 1024;
const SIZES = [0, 1, KIB64 + 1, MIB];
const pattern = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 131 + (i >> 8)) & 0xff);
const insertBlob = "INSERT INTO b VALUES (?, FILETOBLOB(BLOB_PLACEHOLDER, 'client'))";
const selectBlob = "SELECT LOTOFILE(data, BLOB_PLACEHOLDER, 'client') FROM b WHERE id = ?";
const countOf = async (table: string, id: number) =>
  Number((await conn.query<{ n: unknown }>(`SELECT COUNT(*) AS n FROM ${table} WHERE id = ?`, [id])).rows[0]!.n);
const sqlcodeOf = (e: unknown) => (e instanceof InformixError ? e.sqlcode : undefined);

async function assertUsable(): Promise<void> {
  assert.equal(conn.state, "idle");
  const { rows } = await conn.query<{ one: number }>("SELECT 1 AS one FROM systables WHERE tabid = 1");
  assert.equal(rows[0]?.one, 1);
}

test("issue 9: BLOB through FILETOBLOB/LOTOFILE 'client' comes back byte for byte (0, 1, 64 KiB+1, 1 MiB)", async () => {
  for (const [i, size] of SIZES.entries()) {
    const bytes = pattern(size);
    const result = await conn.writeBlobColumn(insertBlob, { data: bytes, params: [i] });
    assert.equal(result.rowCount, 1);
    const back = await conn.readBlobColumn(selectBlob, [i]);
    assert.ok(back instanceof Uint8Array, `size ${size}: bytes, not null`);
    assert.equal(back.length, size);
    assert.deepEqual(Buffer.from(back).equals(Buffer.from(bytes)), true, `size ${size}: exact bytes`);
  }
  // The stored value is the LOB itself, as the fast path reads it back.
  const { rows } = await conn.query<{ data: unknown }>("SELECT data FROM b WHERE id = ?", [2]);
  assert.ok(rows[0]!.data instanceof BlobLocator);
  assert.deepEqual(await conn.readLob(rows[0]!.data), pattern(KIB64 + 1));
});

test("issue 9: CLOB through FILETOCLOB/LOTOFILE 'client': a string is stored in the connection's code set", async () => {
  for (const [i, size] of SIZES.entries()) {
    const text = "añb€".repeat(Math.ceil(size / 4)).slice(0, size);
    await conn.writeBlobColumn("INSERT INTO c VALUES (?, FILETOCLOB(BLOB_PLACEHOLDER, 'client'))", {
      data: text,
      params: [i],
    });
    const back = await conn.readBlobColumn("SELECT LOTOFILE(body, BLOB_PLACEHOLDER, 'client') FROM c WHERE id = ?", [
      i,
    ]);
    assert.ok(back instanceof Uint8Array);
    assert.equal(new TextDecoder().decode(back), text, `size ${size}: the UTF-8 bytes of the text`);
    const { rows } = await conn.query<{ body: unknown }>("SELECT body FROM c WHERE id = ?", [i]);
    assert.ok(rows[0]!.body instanceof ClobLocator);
    assert.equal(await conn.readLob(rows[0]!.body), text);
  }
  // Bytes are stored as given.
  await conn.writeBlobColumn("INSERT INTO c VALUES (?, FILETOCLOB(BLOB_PLACEHOLDER, 'client'))", {
    data: new TextEncoder().encode("raw"),
    params: [9],
  });
  const raw = await conn.readBlobColumn("SELECT LOTOFILE(body, BLOB_PLACEHOLDER, 'client') FROM c WHERE id = 9");
  assert.equal(new TextDecoder().decode(raw!), "raw");
});

test("issue 9: a stream source is sent in chunks as the server asks: async generator, Node Readable, ReadableStream", async () => {
  const bytes = pattern(MIB);
  async function* pieces() {
    for (let at = 0; at < bytes.length; at += 10_007) yield bytes.subarray(at, at + 10_007);
  }
  const web = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let at = 0; at < bytes.length; at += 70_000) controller.enqueue(bytes.slice(at, at + 70_000));
      controller.close();
    },
  });
  const sources = [pieces(), Readable.from([Buffer.from(bytes.subarray(0, 5)), Buffer.from(bytes.subarray(5))]), web];
  for (const [i, data] of sources.entries()) {
    const id = 100 + i;
    await conn.writeBlobColumn(insertBlob, { data, params: [id] });
    const back = await conn.readBlobColumn(selectBlob, [id]);
    assert.ok(back !== null && Buffer.from(back).equals(Buffer.from(bytes)), `source ${i}: exact bytes`);
  }
});

test("issue 9: readBlobColumn is null for no row and for NULL; several rows are INVALID_ARGUMENT", async () => {
  assert.equal(await conn.readBlobColumn(selectBlob, [424242]), null);
  await conn.query("INSERT INTO b VALUES (200, NULL)");
  assert.equal(await conn.readBlobColumn(selectBlob, [200]), null);
  await conn.writeBlobColumn(insertBlob, { data: pattern(3), params: [201] });
  await conn.writeBlobColumn(insertBlob, { data: pattern(4), params: [201] });
  await assert.rejects(conn.readBlobColumn(selectBlob, [201]), (e: unknown) => {
    assert.ok(e instanceof DriverError);
    assert.equal(e.code, "INVALID_ARGUMENT");
    assert.match(e.message, /2 rows/);
    return true;
  });
  await assertUsable();
});

test("issue 9: BLOB_PLACEHOLDER zero or two times is INVALID_ARGUMENT and nothing is sent", async () => {
  const invalid = (e: unknown) =>
    e instanceof DriverError && e.code === "INVALID_ARGUMENT" && /exactly once/.test(e.message);
  await assert.rejects(
    conn.writeBlobColumn("INSERT INTO b VALUES (300, FILETOBLOB('x', 'client'))", { data: pattern(1) }),
    invalid,
  );
  await assert.rejects(
    conn.writeBlobColumn("INSERT INTO b VALUES (300, FILETOBLOB(BLOB_PLACEHOLDER, 'client')) -- BLOB_PLACEHOLDER", {
      data: pattern(1),
    }),
    invalid,
  );
  await assert.rejects(conn.readBlobColumn("SELECT LOTOFILE(data, 'x', 'client') FROM b WHERE id = 1"), invalid);
  await assert.rejects(
    conn.readBlobColumn("SELECT LOTOFILE(data, BLOB_PLACEHOLDER, 'client'), 'BLOB_PLACEHOLDER' FROM b WHERE id = 1"),
    invalid,
  );
  assert.equal(await countOf("b", 300), 0, "no statement ran");
  // A value that is not a source is refused before sending, too.
  await assert.rejects(
    conn.writeBlobColumn(insertBlob, { data: 42 as unknown as Uint8Array, params: [300] }),
    (e: unknown) => e instanceof DriverError && e.code === "INVALID_ARGUMENT",
  );
  assert.equal(await countOf("b", 300), 0);
  await assertUsable();
});

test("issue 9: a client file nobody registered is refused: the statement fails with -9810, nothing stored", async () => {
  // A plain query() has no client files, not even the name the helpers use.
  for (const name of ["x.bin", "informix_db_client_file"]) {
    await assert.rejects(conn.query(`INSERT INTO b VALUES (400, FILETOBLOB('${name}', 'client'))`), (e: unknown) => {
      assert.equal(sqlcodeOf(e), -9810);
      assert.match((e as Error).message, new RegExp(name.replace(".", "\\.")));
      return true;
    });
    await assertUsable();
  }
  assert.equal(await countOf("b", 400), 0, "no row was inserted with an empty value");
  // LOTOFILE to a file nobody registered: the write is refused mid-fetch.
  await conn.writeBlobColumn(insertBlob, { data: pattern(10), params: [401] });
  await assert.rejects(conn.query("SELECT LOTOFILE(data, 'out.bin', 'client') FROM b WHERE id = 401"), (e: unknown) => {
    assert.equal(sqlcodeOf(e), -9810);
    return true;
  });
  await assertUsable();
  assert.deepEqual(await conn.readBlobColumn(selectBlob, [401]), pattern(10));
});

test("issue 9: a stream that throws midway fails the statement with its own error; no row, connection usable", async () => {
  const boom = new Error("source failed at 100000 bytes");
  let returned = false;
  async function* failing() {
    try {
      yield pattern(70_000);
      yield pattern(30_000);
      throw boom;
    } finally {
      returned = true;
    }
  }
  await assert.rejects(conn.writeBlobColumn(insertBlob, { data: failing(), params: [500] }), (e: unknown) => {
    assert.equal(e, boom);
    return true;
  });
  assert.ok(returned, "the source was ended");
  assert.equal(await countOf("b", 500), 0, "no row is visible");
  await assertUsable();
  // A stream the statement never reads (it fails first) is ended too: its return() runs.
  let ended = false;
  const endless: AsyncIterable<Uint8Array> = {
    [Symbol.asyncIterator]: () => ({
      next: async () => ({ done: false, value: pattern(4096) }),
      return: async () => {
        ended = true;
        return { done: true, value: undefined };
      },
    }),
  };
  await assert.rejects(
    conn.writeBlobColumn("INSERT INTO no_such_table VALUES (FILETOBLOB(BLOB_PLACEHOLDER, 'client'))", {
      data: endless,
    }),
    InformixError,
  );
  assert.ok(ended, "the stream was returned");
  await assertUsable();
});

test("issue 9: a stream that never yields times out like any call on the wire; the promise settles", async () => {
  const other = await connect({ ...opts(), ...utf8, database: "clientfiles" });
  try {
    const stuck: AsyncIterable<Uint8Array> = {
      [Symbol.asyncIterator]: () => ({ next: () => new Promise<IteratorResult<Uint8Array>>(() => undefined) }),
    };
    await assert.rejects(
      other.writeBlobColumn(insertBlob, { data: stuck, params: [600], timeout: 300 }),
      // An autocommitted INSERT on the wire: the driver cannot tell whether it committed.
      (e: unknown) =>
        e instanceof DriverError && e.code === "COMMIT_OUTCOME_UNKNOWN" && (e.cause as DriverError).code === "TIMEOUT",
    );
    assert.equal(other.state, "broken", "the call was on the wire: the connection is given up");
  } finally {
    await other.close();
  }
  assert.equal(await countOf("b", 600), 0);
});

test("issue 9: in a transaction, a written value commits or rolls back with it", async () => {
  await assert.rejects(
    conn.transaction(async (tx) => {
      await tx.writeBlobColumn(insertBlob, { data: pattern(5), params: [700] });
      assert.deepEqual(await tx.readBlobColumn(selectBlob, [700]), pattern(5), "visible inside");
      throw new Error("undo");
    }),
    /undo/,
  );
  assert.equal(await countOf("b", 700), 0, "rolled back");
  await conn.transaction((tx) => tx.writeBlobColumn(insertBlob, { data: pattern(6), params: [701] }));
  assert.deepEqual(await conn.readBlobColumn(selectBlob, [701]), pattern(6));
});
