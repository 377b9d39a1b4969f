// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { datetimeParamToPg, datetimeToPg, pgToDatetime, pgToInterval } from "../../src/sql/datetime-values.js";
import { decodeQualifier, encodeDatetime, encodeInterval } from "../../src/sql/qualifier.js";

describe("qualifiers", () => {
  it("encode like syscolumns.collength", () => {
    assert.equal(encodeDatetime({ start: 0, end: 15, lead: 4 }), 4879);
    assert.equal(encodeDatetime({ start: 0, end: 10, lead: 4 }), 3594);
    assert.equal(encodeDatetime({ start: 0, end: 13, lead: 4 }), 4365);
    assert.equal(encodeDatetime({ start: 6, end: 8, lead: 2 }), (4 << 8) | (6 << 4) | 8);
    assert.equal(encodeInterval({ start: 4, end: 10, lead: 3 }), (9 << 8) | (4 << 4) | 10);
    assert.deepEqual(decodeQualifier(encodeInterval({ start: 4, end: 15, lead: 9 }), true), {
      start: 4,
      end: 15,
      lead: 9,
    });
  });
});

describe("DATETIME values", () => {
  it("formats exactly the declared qualifier with all fraction digits", () => {
    const q = { start: 0, end: 15, lead: 4 };
    assert.equal(pgToDatetime("2026-06-20 12:34:56.12", q), "2026-06-20 12:34:56.12000");
    assert.equal(pgToDatetime("0001-01-01 00:00:00", q), "0001-01-01 00:00:00.00000");
    assert.equal(pgToDatetime("9999-12-31 23:59:59.99999", q), "9999-12-31 23:59:59.99999");
    assert.equal(pgToDatetime("12:34:56", { start: 6, end: 8, lead: 2 }), "12:34");
    assert.equal(pgToDatetime("2026-06-20 00:00:00", { start: 0, end: 2, lead: 4 }), "2026-06");
    assert.equal(pgToDatetime("2000-06-20 00:00:00", { start: 2, end: 4, lead: 2 }), "06-20");
  });

  it("converts literals and partial parameters to PostgreSQL", () => {
    assert.equal(datetimeToPg("2024-1-2", { start: 0, end: 4, lead: 4 }), "2024-01-02 00:00:00");
    assert.equal(datetimeToPg("06-20", { start: 2, end: 4, lead: 2 }), "2000-06-20 00:00:00");
    assert.equal(datetimeParamToPg("2026-06", false), "2026-06-1 0:0:0");
    assert.equal(datetimeParamToPg("2026-06-20 12:34:56.12345", false), "2026-06-20 12:34:56.12345");
  });
});

describe("INTERVAL values", () => {
  it("formats negative day-to-fraction and year-to-month", () => {
    assert.equal(pgToInterval("-3 days -03:27:01.12345", { start: 4, end: 15, lead: 9 }), "-3 03:27:01.12345");
    assert.equal(pgToInterval("-3 years -2 mons", { start: 0, end: 2, lead: 4 }), "-3-02");
    assert.equal(pgToInterval("1 day 02:00:00", { start: 6, end: 8, lead: 3 }), "26:00");
    assert.equal(pgToInterval("00:00:00", { start: 4, end: 10, lead: 3 }), "0 00:00:00");
  });
});
