// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 12: `ifx` driven in a real pseudo-terminal against the emulator — the prompt, multi-line
// statements, listing commands, timing, errors that leave the session usable, history kept
// across sessions, the hidden password prompt, a script with its progress bar and its failure
// report, and dbaccess-style UNLOAD and LOAD round trips.

import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { type RunningEmulator, startEmulator } from "@informix-db/emulator";
import { IFX, Terminal } from "./support/terminal.js";

let emu: RunningEmulator;
let dir: string;
const terminals: Terminal[] = [];

before(async () => {
  emu = await startEmulator({ port: 0, demo: true });
  dir = mkdtempSync(join(tmpdir(), "ifx-test-"));
});

after(async () => {
  for (const t of terminals) t.kill();
  await emu?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const env = (extra: NodeJS.ProcessEnv = {}) => ({
  IFX_PORT: String(emu.port),
  IFX_PASSWORD: "in4mix",
  IFX_HISTFILE: join(dir, "history"),
  ...extra,
});

function terminal(args: readonly string[], extra: NodeJS.ProcessEnv = {}): Terminal {
  const t = new Terminal(args, env(extra));
  terminals.push(t);
  return t;
}

/** ifx without a terminal (stdin a pipe): the script path that CI jobs and `ifx < file.sql` take. */
async function piped(
  args: readonly string[],
  stdin: string,
): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, [IFX, ...args], { env: { ...process.env, ...env() } });
  let out = "";
  let err = "";
  child.stdout.on("data", (d) => {
    out += d;
  });
  child.stderr.on("data", (d) => {
    err += d;
  });
  child.stdin.end(stdin);
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  return { code, out, err };
}

test("REPL: prompt, a multi-line statement as an aligned table, \\d, \\l, timing, an error, \\q", async () => {
  const t = terminal(["stores_demo"]);
  await t.waitFor(/Connected to informix \(Informix Dynamic Server Version [^)]+\)[\s\S]*stores_demo> $/);
  let at = t.text.length;
  t.type("SELECT customer_num, fname, lname\r");
  await t.waitFor(/ {10}-> $/, at);
  t.type("  FROM customer WHERE customer_num <= 102 ORDER BY 1;\r");
  const table = await t.waitFor(/\(2 rows\)\nstores_demo> $/, at);
  assert.match(
    table,
    /customer_num \| fname +\| lname\n-------------\+-----------------\+-+\n {9}101 \| Ludwig +\| Pauli\n {9}102 \| Carole +\| Sadler\n\(2 rows\)/,
  );

  at = t.text.length;
  t.type("\\d orders\r");
  const described = await t.waitFor(/paid_date +\| DATE\nstores_demo> $/, at);
  assert.match(described, /order_num +\| SERIAL NOT NULL/);
  assert.match(described, /ship_charge +\| MONEY\(6,2\)/);

  at = t.text.length;
  t.type("\\d\r");
  assert.match(await t.waitFor(/stock +\| table \| informix\nstores_demo> $/, at), /customer +\| table/);
  at = t.text.length;
  t.type("\\l\r");
  assert.match(await t.waitFor(/sysmaster[\s\S]*stores_demo> $/, at), /stores_demo/);

  at = t.text.length;
  t.type("\\timing\r");
  await t.waitFor(/Timing is on\.\nstores_demo> $/, at);
  at = t.text.length;
  t.type("SELECT COUNT(*) AS n FROM state;\r");
  assert.match(await t.waitFor(/Time: \d+\.\d{3} ms\nstores_demo> $/, at), /n\n-+\n *\d+\n\(1 row\)/);

  at = t.text.length;
  t.type("SELECT * FROM nosuch;\r");
  await t.waitFor(/error: \[-206\] Table \(nosuch\) is not in the database\.[^\n]*\nstores_demo> $/, at);
  at = t.text.length;
  t.type("SELECT 'still here' AS s FROM systables WHERE tabid = 1;\r");
  await t.waitFor(/still here\n\(1 row\)/, at);

  t.type("\\q\r");
  assert.equal(await t.exited, 0);
  const history = readFileSync(join(dir, "history"), "utf8");
  assert.match(history, /SELECT COUNT\(\*\) AS n FROM state;/);
});

test("REPL: history from the last session comes back with the Up key; Ctrl-C drops an open statement", async () => {
  const t = terminal(["stores_demo"]);
  await t.waitFor(/stores_demo> $/);
  let at = t.text.length;
  t.type("SELECT 'half\r");
  await t.waitFor(/-> $/, at);
  at = t.text.length;
  t.type("\x03");
  await t.waitFor(/stores_demo> $/, at);
  // Up: the Ctrl-C'd line, then \q, then the statement before it in the previous session.
  at = t.text.length;
  for (const key of ["\x1b[A", "\x1b[A", "\x1b[A", "\r"]) {
    t.type(key);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await t.waitFor(/still here\n\(1 row\)\nstores_demo> $/, at);
  t.type("\x04");
  assert.equal(await t.exited, 0);
});

test("a terminal asks for the password without echoing it", async () => {
  const t = terminal(["stores_demo"], { IFX_PASSWORD: undefined });
  await t.waitFor(/Password: $/);
  t.type("in4mix\r");
  await t.waitFor(/stores_demo> $/);
  assert.doesNotMatch(t.text, /in4mix/);
  t.type("\\q\r");
  assert.equal(await t.exited, 0);
});

test("a script file: statements run in order with a progress bar; the failing one is reported", async () => {
  const file = join(dir, "script.sql");
  writeFileSync(
    file,
    `-- set-up
CREATE TEMP TABLE t_script (id INT, name VARCHAR(20));
INSERT INTO t_script VALUES (1, 'one; not the end');
INSERT INTO t_script VALUES (2, 'two');
SELECT COUNT(*) AS n FROM t_script;
SELECT nosuchcol
  FROM t_script;
INSERT INTO t_script VALUES (3, 'never');
`,
  );
  const t = terminal(["stores_demo", "-f", file]);
  assert.equal(await t.exited, 1);
  assert.match(t.raw, /\[[#.]{24}\] +\d+% script\.sql: statement \d of 6/);
  assert.match(t.text, /1 row\(s\) inserted\.\n1 row\(s\) inserted\.\nn\n-+\n *2\n\(1 row\)/);
  assert.match(
    t.text,
    new RegExp(
      `ifx: statement 5 of 6 failed \\(${file.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}:6\\): \\[-217\\] Column \\(nosuchcol\\)[^\\n]*\\n {4}SELECT nosuchcol\\n {6}FROM t_script`,
    ),
  );
  assert.doesNotMatch(t.text, /never/);
});

test("stdin that is not a terminal is a script; --csv and --json formats", async () => {
  const csv = await piped(
    ["stores_demo", "--csv"],
    "SELECT customer_num, company FROM customer WHERE customer_num IN (101, 104) ORDER BY 1;",
  );
  assert.equal(csv.code, 0, csv.err);
  assert.equal(csv.out, "customer_num,company\r\n101,All Sports Supplies \r\n104,Play Ball!          \r\n");
  const json = await piped(["stores_demo", "--json"], "SELECT CAST(COUNT(*) AS INTEGER) AS n FROM customer;");
  assert.equal(json.out, '{"n":28}\n');
  assert.equal(json.err, "", "no progress bar when stderr is not a terminal");
});

test("UNLOAD TO and LOAD FROM: dbaccess's format, escapes, NULL and empty strings, a round trip", async () => {
  const unl = join(dir, "t.unl");
  // DBDATE goes to the server at login (how it reads '05/20/2025') and orders UNLOAD's dates.
  const t = terminal(["stores_demo"], { DBDATE: "MDY4/" });
  await t.waitFor(/stores_demo> $/);
  const at = t.text.length;
  t.type(
    "CREATE TABLE t_unl (id INT, c CHAR(8), v VARCHAR(40), d DATE, m MONEY(8,2), b BOOLEAN, dt DATETIME YEAR TO SECOND);\r" +
      "INSERT INTO t_unl VALUES (1, 'ab', 'pipe|back\\slash', '05/20/2025', 12.5, 't', DATETIME(2025-05-20 10:11:12) YEAR TO SECOND);\r" +
      "INSERT INTO t_unl VALUES (2, NULL, '', NULL, NULL, 'f', NULL);\r" +
      `UNLOAD TO '${unl}' SELECT * FROM t_unl ORDER BY id;\r`,
  );
  await t.waitFor(/2 row\(s\) unloaded\.\nstores_demo> $/, at);
  assert.equal(
    readFileSync(unl, "utf8"),
    "1|ab|pipe\\|back\\\\slash|05/20/2025|12.50|t|2025-05-20 10:11:12|\n2||\\ |||f||\n",
  );
  const at2 = t.text.length;
  t.type(
    "CREATE TABLE t_unl2 (id INT, c CHAR(8), v VARCHAR(40), d DATE, m MONEY(8,2), b BOOLEAN, dt DATETIME YEAR TO SECOND);\r" +
      `LOAD FROM '${unl}' INSERT INTO t_unl2;\r` +
      `UNLOAD TO '${unl}.2' DELIMITER ';' SELECT * FROM t_unl2 ORDER BY id;\r`,
  );
  await t.waitFor(/2 row\(s\) loaded\.[\s\S]*2 row\(s\) unloaded\.\nstores_demo> $/, at2);
  assert.equal(
    readFileSync(`${unl}.2`, "utf8"),
    "1;ab;pipe|back\\\\slash;05/20/2025;12.50;t;2025-05-20 10:11:12;\n2;;\\ ;;;f;;\n",
  );
  t.type("\\q\r");
  assert.equal(await t.exited, 0);
});

test("LOAD of a bad record names the file and line and loads nothing (one transaction)", async () => {
  const unl = join(dir, "bad.unl");
  writeFileSync(unl, "1|one|\n2|two|\nthree|3|\n");
  const r = await piped(
    ["stores_demo"],
    `CREATE TABLE t_bad (id INT, name VARCHAR(10));\nLOAD FROM '${unl}' INSERT INTO t_bad;\nSELECT COUNT(*) AS n FROM t_bad;`,
  );
  assert.equal(r.code, 1);
  assert.match(
    r.err,
    new RegExp(
      `statement 2 of 3 failed \\(stdin:2\\): ${unl.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}:3: "three" is not a number`,
    ),
  );
  const count = await piped(["stores_demo", "--json"], "SELECT CAST(COUNT(*) AS INTEGER) AS n FROM t_bad;");
  assert.equal(count.out, '{"n":0}\n');
});
