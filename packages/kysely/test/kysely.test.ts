// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 12: the Kysely dialect against the emulator, used as Kysely's own tests use a dialect:
// compiled SQL, select with FIRST/SKIP, insert with the SERIAL as insertId, `||`, transactions,
// streaming, introspection and migrations with Kysely's Migrator.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type RunningEmulator, startEmulator } from "@informix-db/emulator";
import { createPool } from "informix-db";
import { type Generated, Kysely, type Migration, Migrator, sql } from "kysely";
import { InformixDialect } from "../src/index.js";

interface Database {
  k_person: { id: Generated<number>; first_name: string; last_name: string | null; age: number | null };
  customer: { customer_num: number; fname: string; lname: string };
}

let emu: RunningEmulator;
let db: Kysely<Database>;

before(async () => {
  emu = await startEmulator({ port: 0, demo: true });
  const pool = createPool({
    host: emu.host,
    port: emu.port,
    server: "informix",
    user: "informix",
    password: "in4mix",
    database: "stores_demo",
    max: 2,
  });
  db = new Kysely<Database>({ dialect: new InformixDialect({ pool }) });
  await db.schema
    .createTable("k_person")
    .addColumn("id", "integer", (c) => c.autoIncrement().primaryKey())
    .addColumn("first_name", "varchar(50)", (c) => c.notNull())
    .addColumn("last_name", "varchar(50)")
    .addColumn("age", "integer")
    .execute();
});

after(async () => {
  await db?.destroy();
  await emu?.close();
});

test("compiles to Informix SQL: bare identifiers, ? placeholders, SKIP/FIRST after SELECT", () => {
  const q = db
    .selectFrom("customer")
    .select(["customer_num", "fname"])
    .where("customer_num", ">", 101)
    .orderBy("customer_num")
    .limit(2)
    .offset(1)
    .compile();
  assert.equal(
    q.sql,
    "select skip 1 first 2 customer_num, fname from customer where customer_num > ? order by customer_num",
  );
  assert.deepEqual(q.parameters, [101]);
  const ddl = db.schema
    .createTable("t")
    .addColumn("id", "bigint", (c) => c.autoIncrement().primaryKey())
    .addColumn("at", "timestamp")
    .addColumn("ok", "boolean", (c) => c.defaultTo(true))
    .compile();
  assert.equal(
    ddl.sql,
    "create table t (id bigserial primary key, at datetime year to fraction(5), ok boolean default 't')",
  );
  assert.equal(db.schema.alterTable("t").addColumn("n", "integer").compile().sql, "alter table t add n integer");
  assert.throws(() => db.insertInto("k_person").values({ first_name: "x" }).returning("id").compile(), /RETURNING/);
});

test("select with limit and offset runs as SKIP/FIRST", async () => {
  const rows = await db
    .selectFrom("customer")
    .select(["customer_num"])
    .orderBy("customer_num")
    .limit(2)
    .offset(1)
    .execute();
  assert.deepEqual(rows, [{ customer_num: 102 }, { customer_num: 103 }]);
  const first = await db
    .selectFrom("customer")
    .select("customer_num")
    .orderBy("customer_num", "desc")
    .executeTakeFirst();
  assert.ok(first && first.customer_num > 101);
});

test("insert reports the SERIAL as insertId, and the row count", async () => {
  const a = await db
    .insertInto("k_person")
    .values({ first_name: "Ada", last_name: "Lovelace", age: 36 })
    .executeTakeFirst();
  const b = await db
    .insertInto("k_person")
    .values({ first_name: "Alan", last_name: "Turing", age: 41 })
    .executeTakeFirst();
  assert.equal(typeof a.insertId, "bigint");
  assert.equal(b.insertId, (a.insertId ?? 0n) + 1n);
  assert.equal(a.numInsertedOrUpdatedRows, 1n);
  const row = await db
    .selectFrom("k_person")
    .selectAll()
    .where("id", "=", Number(b.insertId))
    .executeTakeFirstOrThrow();
  assert.equal(row.first_name, "Alan");
  const upd = await db.updateTable("k_person").set({ age: 42 }).where("first_name", "=", "Alan").executeTakeFirst();
  assert.equal(upd.numUpdatedRows, 1n);
});

test("|| concatenates", async () => {
  const row = await db
    .selectFrom("k_person")
    .select((eb) => eb("first_name", "||", eb.val(" ")).as("f"))
    .select(sql<string>`first_name || ' ' || last_name`.as("full_name"))
    .where("first_name", "=", "Ada")
    .executeTakeFirstOrThrow();
  assert.equal(row.full_name, "Ada Lovelace");
  assert.equal(row.f, "Ada ");
});

test("transactions commit and roll back", async () => {
  await db.transaction().execute(async (trx) => {
    await trx.insertInto("k_person").values({ first_name: "Committed" }).execute();
  });
  await assert.rejects(
    db.transaction().execute(async (trx) => {
      await trx.insertInto("k_person").values({ first_name: "RolledBack" }).execute();
      throw new Error("boom");
    }),
    /boom/,
  );
  const names = (await db.selectFrom("k_person").select("first_name").execute()).map((r) => r.first_name);
  assert.ok(names.includes("Committed"));
  assert.ok(!names.includes("RolledBack"));
});

test("controlled transactions: savepoints, an isolation level, and CREATE TABLE IF NOT EXISTS", async () => {
  const trx = await db.startTransaction().setIsolationLevel("read committed").execute();
  await trx.insertInto("k_person").values({ first_name: "Kept" }).execute();
  const sp = await trx.savepoint("sp1").execute();
  await sp.insertInto("k_person").values({ first_name: "Undone" }).execute();
  const back = await sp.rollbackToSavepoint("sp1").execute();
  await back.commit().execute();
  const names = (await db.selectFrom("k_person").select("first_name").execute()).map((r) => r.first_name);
  assert.ok(names.includes("Kept"));
  assert.ok(!names.includes("Undone"));
  await assert.rejects(
    db
      .transaction()
      .setIsolationLevel("snapshot")
      .execute(async () => {}),
    /snapshot/,
  );
  const create = () => db.schema.createTable("k_ine").ifNotExists().addColumn("id", "integer").execute();
  await create();
  await create();
  assert.equal(
    db.schema.createTable("x").ifNotExists().addColumn("id", "integer").compile().sql,
    "create table if not exists x (id integer)",
  );
});

test("stream() yields the rows in order", async () => {
  const seen: number[] = [];
  for await (const row of db.selectFrom("customer").select("customer_num").orderBy("customer_num").stream(5)) {
    seen.push(row.customer_num);
  }
  const all = await db.selectFrom("customer").select("customer_num").orderBy("customer_num").execute();
  assert.ok(seen.length > 5);
  assert.deepEqual(
    seen,
    all.map((r) => r.customer_num),
  );
});

test("the introspector reads tables and columns from the system catalog", async () => {
  const tables = await db.introspection.getTables();
  const person = tables.find((t) => t.name === "k_person");
  assert.ok(person, "k_person listed");
  assert.equal(person.isView, false);
  const id = person.columns.find((c) => c.name === "id");
  assert.deepEqual(
    { type: id?.dataType, auto: id?.isAutoIncrementing, nullable: id?.isNullable },
    { type: "serial", auto: true, nullable: false },
  );
  const last = person.columns.find((c) => c.name === "last_name");
  assert.deepEqual({ type: last?.dataType, nullable: last?.isNullable }, { type: "varchar", nullable: true });
  assert.ok(tables.some((t) => t.name === "customer"));
  assert.ok(!tables.some((t) => t.name === "systables"), "catalog tables are left out");
});

test("Kysely's Migrator runs migrations up and down on Informix", async () => {
  const migrations: Record<string, Migration> = {
    "001_pet": {
      // biome-ignore lint/suspicious/noExplicitAny: Kysely migrations take Kysely<any>
      async up(m: Kysely<any>) {
        await m.schema
          .createTable("k_pet")
          .addColumn("id", "integer", (c) => c.autoIncrement().primaryKey())
          .addColumn("name", "varchar(40)", (c) => c.notNull())
          .execute();
      },
      // biome-ignore lint/suspicious/noExplicitAny: Kysely migrations take Kysely<any>
      async down(m: Kysely<any>) {
        await m.schema.dropTable("k_pet").execute();
      },
    },
    "002_pet_species": {
      // biome-ignore lint/suspicious/noExplicitAny: Kysely migrations take Kysely<any>
      async up(m: Kysely<any>) {
        await m.schema.alterTable("k_pet").addColumn("species", "varchar(20)").execute();
      },
      // biome-ignore lint/suspicious/noExplicitAny: Kysely migrations take Kysely<any>
      async down(m: Kysely<any>) {
        await m.schema.alterTable("k_pet").dropColumn("species").execute();
      },
    },
  };
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const up = await migrator.migrateToLatest();
  assert.equal(up.error, undefined);
  assert.deepEqual(
    up.results?.map((r) => [r.migrationName, r.status]),
    [
      ["001_pet", "Success"],
      ["002_pet_species", "Success"],
    ],
  );
  // biome-ignore lint/suspicious/noExplicitAny: a table outside the Database type
  const anyDb = db as unknown as Kysely<any>;
  await anyDb.insertInto("k_pet").values({ name: "Rex", species: "dog" }).execute();
  const again = await migrator.migrateToLatest();
  assert.deepEqual(again.results, []);
  const down = await migrator.migrateDown();
  assert.deepEqual(
    down.results?.map((r) => [r.migrationName, r.direction, r.status]),
    [["002_pet_species", "Down", "Success"]],
  );
  const cols = (await db.introspection.getTables()).find((t) => t.name === "k_pet")?.columns.map((c) => c.name);
  assert.deepEqual(cols, ["id", "name"]);
  const listed = await migrator.getMigrations();
  assert.deepEqual(
    listed.map((m) => [m.name, m.executedAt !== undefined]),
    [
      ["001_pet", true],
      ["002_pet_species", false],
    ],
  );
});
