// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Locales without GLS files (issue 10 §4), driver against the emulator: databases keep the
// locale they were created with, data travels in the database's code set, the driver
// follows the DBOPEN locale-mismatch warning as IBM JDBC does, and a character a code set
// lacks is a typed error (client side) or -202 (server side), never a silent '?'.

import assert from "node:assert/strict";
import { connect as netConnect, type Socket } from "node:net";
import { after, before, test } from "node:test";
import { type RunningEmulator, startEmulator } from "@informix-db/emulator";
import { type ConnectOptions, connect, DriverError, InformixError } from "informix-db";

let emu: RunningEmulator;
const opts = (extra: Partial<ConnectOptions> = {}): ConnectOptions => ({
  host: emu.host,
  port: emu.port,
  user: "informix",
  password: "in4mix",
  server: "informix",
  ...extra,
});

before(async () => {
  emu = await startEmulator({ port: 0 });
  for (const [db, dbLocale] of [
    ["loc_utf8", "en_US.utf8"],
    ["loc_1252", "de_DE.cp1252"],
    ["loc_sjis", "ja_JP.sjis-s"],
    ["loc_default", undefined],
  ] as const) {
    await using admin = await connect(opts(dbLocale ? { dbLocale } : {}));
    await admin.query(`CREATE DATABASE ${db} WITH LOG`);
  }
});

after(async () => {
  await emu?.close();
});

test("each database keeps the locale it was created with (systables GL rows, sysdbslocale)", async () => {
  await using conn = await connect(opts({ database: "loc_utf8", dbLocale: "en_US.utf8" }));
  const site = await conn.query("SELECT site FROM systables WHERE tabname = ' GL_CTYPE'");
  assert.equal(site.rows[0]!["site"], "en_US.utf8");
  await conn.selectDatabase("sysmaster");
  const all = await conn.query("SELECT dbs_dbsname, dbs_collate FROM sysdbslocale ORDER BY 1");
  const byName = Object.fromEntries(
    all.rows.map((r) => [String(r["dbs_dbsname"]).trim(), String(r["dbs_collate"]).trim()]),
  );
  assert.equal(byName["loc_1252"], "de_DE.cp1252");
  assert.equal(byName["loc_sjis"], "ja_JP.sjis-s");
  assert.equal(byName["loc_default"], "en_US.819");
});

test("UTF-8 database: multibyte text round-trips; lengths of CHAR are bytes, as in IDS", async () => {
  await using conn = await connect(opts({ database: "loc_utf8", dbLocale: "en_US.utf8" }));
  await conn.query("CREATE TEMP TABLE u (id INT, s NVARCHAR(40), c CHAR(4))");
  const samples = ["你好世界", "مرحبا", "ñoño 🎉", "Здравствуй"];
  for (const [i, s] of samples.entries()) await conn.query("INSERT INTO u VALUES (?, ?, ?)", [i, s, "éé"]);
  const rows = (await conn.query("SELECT s, c FROM u ORDER BY id")).rows;
  assert.deepEqual(
    rows.map((r) => r["s"]),
    samples,
  );
  assert.equal(rows[0]!["c"], "éé"); // 4 bytes fill CHAR(4): no padding blank
  // A bound value longer than the column is cut at a character boundary (not ANSI).
  await conn.query("INSERT INTO u VALUES (?, ?, ?)", [9, "x", "ééé"]);
  assert.equal((await conn.query("SELECT c FROM u WHERE id = 9")).rows[0]!["c"], "éé");
});

test("the driver follows the database's locale when the server warns of a mismatch", async () => {
  // No dbLocale: the server compares with en_US.8859-1, warns, and the driver reads the locale.
  await using conn = await connect(opts({ database: "loc_utf8" }));
  assert.equal(conn.databaseInfo?.locale, "en_US.utf8");
  await conn.query("CREATE TEMP TABLE f (s VARCHAR(20))");
  await conn.query("INSERT INTO f VALUES (?)", ["日本 €"]);
  assert.equal((await conn.query("SELECT s FROM f")).rows[0]!["s"], "日本 €");
  // A matching DB_LOCALE gets no warning and needs no catalog read.
  await using plain = await connect(opts({ database: "loc_default" }));
  assert.equal(plain.databaseInfo?.locale, undefined);
});

test("Windows-1252 and Shift-JIS databases store their own characters", async () => {
  await using w = await connect(opts({ database: "loc_1252", dbLocale: "de_DE.cp1252" }));
  await w.query("CREATE TEMP TABLE w (s VARCHAR(10))");
  await w.query("INSERT INTO w VALUES (?)", ["5 € – ok"]);
  assert.equal((await w.query("SELECT s FROM w")).rows[0]!["s"], "5 € – ok");
  await using j = await connect(opts({ database: "loc_sjis", dbLocale: "ja_JP.sjis-s" }));
  await j.query("CREATE TEMP TABLE j (s VARCHAR(10))");
  await j.query("INSERT INTO j VALUES ('日本語')");
  assert.equal((await j.query("SELECT s FROM j WHERE s = ?", ["日本語"])).rows[0]!["s"], "日本語");
});

test("LENGTH and OCTET_LENGTH count bytes in the database's code set, CHAR_LENGTH characters", async () => {
  // GLS User's Guide: LENGTH is bytes without trailing blanks, OCTET_LENGTH bytes, CHAR_LENGTH
  // logical characters. Values are stored as UTF-8 underneath whatever the database's code set.
  const lengths = async (database: string, dbLocale: string, text: string) => {
    await using conn = await connect(opts({ database, dbLocale }));
    await conn.query("CREATE TEMP TABLE l (v VARCHAR(40), c CHAR(20))");
    await conn.query("INSERT INTO l VALUES (?, ?)", [`${text}  `, text]);
    const r = await conn.query(
      "SELECT LENGTH(v) AS len, OCTET_LENGTH(v) AS oct, CHAR_LENGTH(v) AS chars, OCTET_LENGTH(c) AS coct FROM l",
    );
    const row = r.rows[0]!;
    return [row["len"], row["oct"], row["chars"], row["coct"]].map(Number);
  };
  // "日本語 €é 😀": 8 characters; UTF-8 3+3+3+1+3+2+1+4 = 20 bytes (22 with the two blanks).
  assert.deepEqual(await lengths("loc_utf8", "en_US.utf8", "日本語 €é 😀"), [20, 22, 10, 20]);
  // Windows-1252: one byte per character.
  assert.deepEqual(await lengths("loc_1252", "de_DE.cp1252", "5 € – ok"), [8, 10, 10, 20]);
  // Shift-JIS: kanji two bytes, half-width katakana and ASCII one: 6 + 2 + 3 = 11. A CHAR(20)
  // is 20 bytes whatever it holds.
  assert.deepEqual(await lengths("loc_sjis", "ja_JP.sjis-s", "日本語ｱｲ ab"), [11, 13, 10, 20]);
});

test("a character the code set lacks is UNMAPPABLE_CHARACTER, nothing is sent, the connection goes on", async () => {
  await using conn = await connect(opts({ database: "loc_default" }));
  await conn.query("CREATE TEMP TABLE l (s VARCHAR(10))");
  await assert.rejects(conn.query("INSERT INTO l VALUES (?)", ["5 €"]), (e: unknown) => {
    assert.ok(e instanceof DriverError);
    assert.equal(e.code, "UNMAPPABLE_CHARACTER");
    assert.match(e.message, /parameter 1: character U\+20AC \("€"\) at index 2 is not in code set 8859-1/);
    return true;
  });
  await assert.rejects(conn.query("INSERT INTO l VALUES ('€')"), (e: unknown) => {
    assert.ok(e instanceof DriverError && e.code === "UNMAPPABLE_CHARACTER" && !e.fatal);
    return true;
  });
  await conn.query("INSERT INTO l VALUES (?)", ["café"]);
  assert.deepEqual(
    (await conn.query("SELECT s FROM l")).rows.map((r) => r["s"]),
    ["café"],
  );
});

test("an unknown locale is refused at connect", async () => {
  await assert.rejects(connect(opts({ clientLocale: "en_US.ebcdic" })), (e: unknown) => {
    assert.ok(e instanceof DriverError && e.code === "INVALID_ARGUMENT");
    assert.match(e.message, /clientLocale en_US\.ebcdic: unknown code set/);
    return true;
  });
});

test("the emulator answers bytes invalid in a UTF-8 database with -202 and the session goes on", async () => {
  // A client that sends Latin-1 bytes to a UTF-8 database: a transport rewrites the UTF-8
  // é (C3 A9) of the SQL text to E9 and a blank, which keeps the length fields right.
  const transport: ConnectOptions["transport"] = async (o) => {
    const socket = netConnect({ host: o.host, port: o.port });
    await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("error", reject));
    return rewritingTransport(socket);
  };
  await using lying = await connect(opts({ database: "loc_utf8", dbLocale: "en_US.utf8", transport }));
  await assert.rejects(lying.query("SELECT 'é' FROM systables WHERE tabid = 1"), (e: unknown) => {
    assert.ok(e instanceof InformixError);
    assert.equal(e.sqlcode, -202);
    return true;
  });
  const again = await lying.query("SELECT 'e' AS s FROM systables WHERE tabid = 1");
  assert.equal(again.rows[0]!["s"], "e");
});

function rewritingTransport(socket: Socket) {
  const chunks: Uint8Array[] = [];
  let waiting: (() => void) | undefined;
  let closed = false;
  socket.on("data", (d: Uint8Array) => {
    chunks.push(d);
    waiting?.();
  });
  socket.on("close", () => {
    closed = true;
    waiting?.();
  });
  return {
    async write(bytes: Uint8Array) {
      const out: number[] = [];
      for (let i = 0; i < bytes.length; i++) {
        if (bytes[i] === 0xc3 && bytes[i + 1] === 0xa9) {
          out.push(0xe9, 0x20); // keep the length: E9 + blank
          i++;
        } else out.push(bytes[i]!);
      }
      await new Promise<void>((resolve, reject) =>
        socket.write(Uint8Array.from(out), (e) => (e ? reject(e) : resolve())),
      );
    },
    async read(): Promise<Uint8Array | null> {
      while (chunks.length === 0 && !closed) {
        await new Promise<void>((r) => {
          waiting = r;
        });
      }
      return chunks.shift() ?? null;
    },
    async end() {
      await new Promise<void>((resolve) => socket.end(resolve));
    },
    destroy() {
      socket.destroy();
    },
  };
}

test("DBDATE orders date text: DMY4/ reads '25/12/2026' as Christmas, in literals and bound strings", async () => {
  await using dmy = await connect(opts({ database: "loc_default", env: { DBDATE: "DMY4/" } }));
  await dmy.query("CREATE TEMP TABLE d (id INT, d DATE)");
  await dmy.query("INSERT INTO d VALUES (1, '25/12/2026')");
  await dmy.query("INSERT INTO d VALUES (?, ?)", [2, "24/12/2026"]);
  await dmy.query("INSERT INTO d VALUES (3, '2026-12-23')"); // year first is always understood
  const days = (await dmy.query("SELECT d FROM d ORDER BY id")).rows.map((r) => String(r["d"]));
  assert.deepEqual(days, ["2026-12-25", "2026-12-24", "2026-12-23"]);
  // Fields are checked in the session's order: day 31 of February, not month 31.
  await assert.rejects(dmy.query("INSERT INTO d VALUES (?, ?)", [4, "31/02/2026"]), { sqlcode: -1206 });
  // Another session keeps IDS's default order, MDY.
  await using mdy = await connect(opts({ database: "loc_default", env: { DBDATE: "MDY4/" } }));
  const christmas = await mdy.query("SELECT COUNT(*) AS n FROM systables WHERE DATE('12/25/2026') = MDY(12, 25, 2026)");
  assert.equal(Number(christmas.rows[0]!["n"]) > 0, true);
  const again = await dmy.query("SELECT COUNT(*) AS n FROM d WHERE d = '25/12/2026'");
  assert.equal(Number(again.rows[0]!["n"]), 1);
});

test("DBDATE and GL_DATE spell DATE as text; MDY4/ is the default", async () => {
  const spelled = async (env: Record<string, string>): Promise<unknown[]> => {
    await using conn = await connect(opts({ database: "loc_default", env }));
    const r = await conn.query(
      "SELECT CAST(MDY(8, 31, 2026) AS VARCHAR(20)) AS c, CAST(MDY(1, 2, 2026) AS LVARCHAR) AS l FROM systables WHERE tabid = 1",
    );
    return [r.rows[0]!["c"], r.rows[0]!["l"]];
  };
  assert.deepEqual(await spelled({ DBDATE: "DMY4/" }), ["31/08/2026", "02/01/2026"]);
  assert.deepEqual(await spelled({ DBDATE: "Y4MD-" }), ["2026-08-31", "2026-01-02"]);
  assert.deepEqual(await spelled({ DBDATE: "MDY2." }), ["08.31.26", "01.02.26"]);
  assert.deepEqual(await spelled({ DBDATE: "MDY4/" }), ["08/31/2026", "01/02/2026"]);
  // DBDATE wins over GL_DATE (the driver sends Y4MD- unless told otherwise); an empty one is unset.
  assert.deepEqual(await spelled({ GL_DATE: "%d %b %Y" }), ["2026-08-31", "2026-01-02"]);
  assert.deepEqual(await spelled({ DBDATE: "", GL_DATE: "%d %b %Y" }), ["31 Aug 2026", "02 Jan 2026"]);
  // A DATE assigned to a character column is spelled the same way.
  await using dmy = await connect(opts({ database: "loc_default", env: { DBDATE: "DMY4-" } }));
  await dmy.query("CREATE TEMP TABLE dt (c CHAR(10))");
  await dmy.query("INSERT INTO dt SELECT MDY(8, 31, 2026) FROM systables WHERE tabid = 1");
  assert.equal((await dmy.query("SELECT c FROM dt")).rows[0]!["c"], "31-08-2026");
});

test("DBCENTURY expands a two-digit year in date text: R this century, P past, F future", async () => {
  const thisYear = new Date().getFullYear();
  const century = Math.floor(thisYear / 100) * 100;
  // A year ten years ahead and one ten years back, written with two digits.
  const ahead = (thisYear + 10) % 100;
  const back = (thisYear - 10) % 100;
  const yearOf = async (dbcentury: string, yy: number): Promise<number> => {
    await using conn = await connect(opts({ database: "loc_default", env: { DBDATE: "MDY4/", DBCENTURY: dbcentury } }));
    await conn.query("CREATE TEMP TABLE c2 (d DATE)");
    await conn.query("INSERT INTO c2 VALUES (?)", [`06/15/${String(yy).padStart(2, "0")}`]);
    const bound = String((await conn.query("SELECT d FROM c2")).rows[0]!["d"]);
    // The same rule applies to text the server converts: DATE('06/15/yy').
    const converted = await conn.query(
      `SELECT YEAR(DATE('06/15/${String(yy).padStart(2, "0")}')) AS y FROM systables WHERE tabid = 1`,
    );
    assert.equal(Number(converted.rows[0]!["y"]), Number(bound.slice(0, 4)));
    return Number(bound.slice(0, 4));
  };
  assert.equal(await yearOf("R", ahead), century + ahead);
  assert.equal(await yearOf("P", ahead), century + ahead - 100);
  assert.equal(await yearOf("F", back), century + back + 100);
  assert.equal(await yearOf("C", back), century + back);
  assert.equal(await yearOf("C", ahead), century + ahead);
});

test("TO_CHAR and TO_DATE take Informix's GL_DATETIME directives", async () => {
  await using conn = await connect(opts({ database: "loc_default" }));
  const r = await conn.query(
    `SELECT TO_CHAR(DATETIME(2026-08-31 14:05:09.12345) YEAR TO FRACTION(5), '%Y-%m-%d %H:%M:%S.%F3') AS a,
            TO_CHAR(MDY(8, 31, 2026), '%d %B %Y (%a)') AS b,
            TO_CHAR(DATETIME(2026-08-31 14:05) YEAR TO MINUTE, '%I:%M %p') AS c,
            TO_DATE('31/08/2026 14:05', '%d/%m/%Y %H:%M') AS d
       FROM systables WHERE tabid = 1`,
  );
  const row = r.rows[0]!;
  assert.equal(row["a"], "2026-08-31 14:05:09.123");
  assert.equal(row["b"], "31 August 2026 (Mon)");
  assert.equal(row["c"], "02:05 PM");
  // TO_DATE is a DATETIME YEAR TO FRACTION(5), as on IDS.
  assert.equal(String(row["d"]), "2026-08-31 14:05:00.00000");
  assert.equal(r.columns[3]!.type, "DATETIME");
  assert.equal(r.columns[3]!.qualifier, "YEAR TO FRACTION(5)");
});
