// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Run by runtimes.test.mjs under Node 22/24, Bun or Deno: connects with the driver's dist build
// (the path in argv) to the emulator the parent started, runs queries, a transaction and a
// stream, and prints one JSON line per check: {"name", "ok", "detail"}.
const [, , driverPath, port] = process.argv.length > 2 ? process.argv : ["", "", ...globalThis.Deno.args];
const { connect } = await import(driverPath);
const checks = [];
async function check(name, fn) {
  try {
    const detail = await fn();
    checks.push({ name, ok: true, detail });
  } catch (error) {
    checks.push({ name, ok: false, detail: String(error?.stack ?? error) });
  }
}
function expect(actual, expected) {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Error(`expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}
const conn = await connect({
  host: "127.0.0.1",
  port: Number(port),
  server: "informix",
  user: "informix",
  password: "in4mix",
  database: "stores_demo",
});
await check("query with a bound parameter", async () => {
  const { rows } = await conn.query("SELECT customer_num, fname FROM customer WHERE customer_num = ?", [101]);
  expect(
    rows.map((r) => [r.customer_num, r.fname.trimEnd()]),
    [[101, "Ludwig"]],
  );
});
await check("DECIMAL as an exact string, INT8 as bigint", async () => {
  const { rows } = await conn.query(
    "SELECT CAST(12.34 AS DECIMAL(6,2)) AS d, CAST(9007199254740993 AS INT8) AS b FROM systables WHERE tabid = 1",
  );
  expect([rows[0].d, typeof rows[0].b, String(rows[0].b)], ["12.34", "bigint", "9007199254740993"]);
});
await check("insert with a SERIAL, transaction rollback", async () => {
  const table = `rt_${Math.floor(Math.random() * 1e9)}`;
  await conn.query(`CREATE TABLE ${table} (id SERIAL, v VARCHAR(10))`);
  const ins = await conn.query(`INSERT INTO ${table} (v) VALUES (?)`, ["a"]);
  expect(ins.insertId, 1);
  await conn.begin();
  await conn.query(`INSERT INTO ${table} (v) VALUES (?)`, ["b"]);
  await conn.rollback();
  const { rows } = await conn.query(`SELECT COUNT(*) AS n FROM ${table}`);
  expect(String(rows[0].n), "1");
});
await check("stream() pulls every row", async () => {
  let n = 0;
  for await (const _ of conn.stream("SELECT * FROM customer", [], { fetchSize: 3 })) n++;
  const { rows } = await conn.query("SELECT COUNT(*) AS n FROM customer");
  expect(n, Number(rows[0].n));
});
await check("an SQL error is typed and leaves the session usable", async () => {
  let code;
  try {
    await conn.query("SELECT * FROM no_such_table");
  } catch (error) {
    code = [error.name, error.sqlcode];
  }
  expect(code, ["InformixError", -206]);
  const { rows } = await conn.query("SELECT COUNT(*) AS n FROM systables WHERE tabid = 1");
  expect(String(rows[0].n), "1");
});
await conn.close();
console.log(
  JSON.stringify({
    runtime:
      typeof Bun !== "undefined"
        ? `bun ${Bun.version}`
        : typeof Deno !== "undefined"
          ? `deno ${Deno.version.deno}`
          : `node ${process.version}`,
    checks,
  }),
);
