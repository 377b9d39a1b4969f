// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors

import assert from "node:assert/strict";
import { test } from "node:test";
import { encodeRecord, formatDate, parseDate, parseDbdate, parseLoadUnload, RecordReader } from "@informix-db/cli";
import { type ColumnInfo, InformixDate } from "informix-db";

const col = (type: string): ColumnInfo => ({ name: "c", type, typeCode: 0, nullable: true });
const MDY4 = parseDbdate(undefined);

test("UNLOAD records: a delimiter after every field, NULL empty, empty string as '\\ ', escapes", () => {
  const columns = ["INTEGER", "CHAR", "VARCHAR", "VARCHAR", "VARCHAR", "DATE", "BOOLEAN", "INT8"].map(col);
  const line = encodeRecord(
    [101, "Ludwig   ", "a|b\\c\nd", "", null, InformixDate.of(2025, 5, 20), true, 9007199254740993n],
    columns,
    "|",
    MDY4,
  );
  assert.equal(line, "101|Ludwig|a\\|b\\\\c\\\nd|\\ ||05/20/2025|t|9007199254740993|\n");
});

test("LOAD records read back exactly what UNLOAD wrote, across any chunking", () => {
  const columns = ["VARCHAR", "VARCHAR", "VARCHAR", "CHAR"].map(col);
  const rows = [
    ["x|y", "", null, "z"],
    ["multi\nline", "back\\slash", "trailing  ", null],
  ];
  const text = rows.map((r) => encodeRecord(r, columns, "|", MDY4)).join("");
  for (const size of [1, 2, 3, 7, text.length]) {
    const reader = new RecordReader("|");
    const out = [];
    for (let i = 0; i < text.length; i += size) out.push(...reader.push(text.slice(i, i + size)));
    assert.equal(reader.end(), undefined);
    assert.deepEqual(out, rows, `chunks of ${size}`);
  }
});

test("LOAD: a last line without newline or final delimiter, CRLF lines, another delimiter", () => {
  const reader = new RecordReader(";");
  assert.deepEqual(reader.push("1;a;\r\n2;b"), [["1", "a"]]);
  assert.deepEqual(reader.end(), ["2", "b"]);
  assert.throws(() => new RecordReader("\\"), /delimiter/);
});

test("DBDATE: orders, year widths and separators", () => {
  const d = InformixDate.of(2024, 1, 2);
  assert.equal(formatDate(d, parseDbdate("MDY4/")), "01/02/2024");
  assert.equal(formatDate(d, parseDbdate("DMY4.")), "02.01.2024");
  assert.equal(formatDate(d, parseDbdate("Y4MD-")), "2024-01-02");
  assert.equal(formatDate(d, parseDbdate("Y2MD0")), "240102");
  assert.equal(parseDate("02.01.2024", parseDbdate("DMY4.")).toString(), "2024-01-02");
  assert.equal(parseDate("240102", parseDbdate("Y2MD0")).toString(), "2024-01-02");
  assert.throws(() => parseDate("2024-01-02", MDY4), /not a date/);
});

test("LOAD and UNLOAD statements are recognised with their file and delimiter", () => {
  assert.deepEqual(parseLoadUnload("UNLOAD TO 'cust.unl' DELIMITER ';' SELECT * FROM customer"), {
    kind: "unload",
    file: "cust.unl",
    delimiter: ";",
    select: "SELECT * FROM customer",
  });
  assert.deepEqual(parseLoadUnload('load from "it\'s.unl" insert into t (a, b)'), {
    kind: "load",
    file: "it's.unl",
    delimiter: undefined,
    table: "t",
    columns: ["a", "b"],
  });
  assert.equal(parseLoadUnload("SELECT 1"), undefined);
  assert.throws(() => parseLoadUnload("UNLOAD cust.unl"), /UNLOAD TO 'file'/);
});
