// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// DATE, DATETIME and INTERVAL beyond the real-server fixtures: calendar edges, every
// DATETIME qualifier, every INTERVAL class and leading precision, negative intervals,
// qualifier text, bind round trips and the JS conversions.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  SQLDATE,
  SQLDTIME,
  SQLINTERVAL,
  TU_DAY,
  TU_FRAC,
  TU_MONTH,
  TU_SECOND,
  TU_YEAR,
} from "../../src/constants/type-codes.js";
import type { ColumnType } from "../../src/types/codec.js";
import { dateCodec } from "../../src/types/date.js";
import { datetimeCodec } from "../../src/types/datetime.js";
import { intervalCodec } from "../../src/types/interval.js";
import {
  datetimeQualifier,
  decodeQualifier,
  intervalQualifier,
  parseQualifier,
  qualifierToText,
  qualifierTupleWidth,
} from "../../src/types/qualifier.js";
import { TypeCodecError } from "../../src/types/type-codec-error.js";
import { InformixDate } from "../../src/types/values/informix-date.js";
import { InformixDateTime } from "../../src/types/values/informix-datetime.js";
import { InformixInterval } from "../../src/types/values/informix-interval.js";
import { bindRoundTrip, decodeValue, encodeValue, fromHex } from "./support.js";

const DATE: ColumnType = { type: SQLDATE, encodedLength: 4 };
const dtCol = (q: number): ColumnType => ({ type: SQLDTIME, encodedLength: q });
const ivCol = (q: number): ColumnType => ({ type: SQLINTERVAL, encodedLength: q });
const codeOf = (code: string) => (e: unknown) => e instanceof TypeCodecError && e.code === code;
const STARTS = [TU_YEAR, TU_MONTH, TU_DAY, 6, 8, TU_SECOND, TU_FRAC];
const ENDS = [0, 2, 4, 6, 8, 10, 11, 12, 13, 14, 15];
const FIELD_NAMES = ["years", "months", "days", "hours", "minutes", "seconds"];
const FIELD_MAX = [0, 11, 0, 23, 59, 59];

describe("DATE", () => {
  for (const [text, hex] of [
    ["2000-02-29", "00008ee8"],
    ["2024-06-15", "0000b191"],
    ["1899-12-30", "ffffffff"],
  ] as const) {
    test(`${text} ⇄ ${hex}`, () => {
      assert.equal(encodeValue(dateCodec, InformixDate.parse(text), DATE), hex);
      assert.equal(String(decodeValue(dateCodec, hex, DATE)), text);
      assert.equal(String(bindRoundTrip(dateCodec, InformixDate.parse(text)).value), text);
    });
  }
  test("leap days and calendar limits", () => {
    assert.equal(InformixDate.of(2024, 2, 29).toString(), "2024-02-29");
    assert.throws(() => InformixDate.of(1900, 2, 29), codeOf("VALUE_OUT_OF_RANGE"));
    assert.throws(() => InformixDate.of(2023, 2, 29), codeOf("VALUE_OUT_OF_RANGE"));
    assert.throws(() => InformixDate.parse("10000-01-01"), codeOf("INVALID_VALUE"));
    assert.throws(() => InformixDate.fromDays(-693595), codeOf("VALUE_OUT_OF_RANGE"));
    assert.throws(() => InformixDate.fromDays(2958465), codeOf("VALUE_OUT_OF_RANGE"));
    for (let days = -693594; days <= 2958464; days += 997) {
      const d = InformixDate.fromDays(days);
      assert.equal(InformixDate.parse(d.toString()).days, days);
    }
  });
  test("JS conversions are UTC midnight, no time zone shift", () => {
    const d = InformixDate.parse("1970-01-02");
    assert.equal(d.toDate().toISOString(), "1970-01-02T00:00:00.000Z");
    assert.equal(JSON.stringify({ d }), '{"d":"1970-01-02"}');
    assert.equal(InformixDate.fromDate(new Date("2026-06-20T23:59:59Z")).toString(), "2026-06-20");
    assert.equal(InformixDate.parse("0001-01-01").toDate().toISOString(), "0001-01-01T00:00:00.000Z");
    assert.equal(encodeValue(dateCodec, null, DATE), "80000000");
  });
});

describe("qualifiers", () => {
  test("encode, text and width", () => {
    assert.equal(datetimeQualifier(TU_YEAR, TU_SECOND), 0x0e0a);
    assert.equal(datetimeQualifier(TU_YEAR, 15), 0x130f);
    assert.equal(datetimeQualifier(TU_FRAC, 15), 0x05cf);
    assert.equal(intervalQualifier(TU_DAY, 15, 3), 0x0e4f);
    assert.equal(intervalQualifier(TU_SECOND, 12, 3), 0x05ac);
    assert.equal(qualifierToText(0x0e4f, "interval"), "DAY(3) TO FRACTION(5)");
    assert.equal(qualifierToText(0x0468, "datetime"), "HOUR TO MINUTE");
    assert.equal(qualifierToText(0x05cf, "datetime"), "FRACTION TO FRACTION(5)");
    assert.equal(parseQualifier("day(3) to fraction(5)", "interval"), 0x0e4f);
    assert.equal(parseQualifier("YEAR TO FRACTION", "datetime"), 0x110d);
    assert.equal(qualifierTupleWidth(0x0e0a), 8);
    assert.equal(qualifierTupleWidth(0x110d), 10);
    assert.equal(qualifierTupleWidth(0x130f), 11);
    assert.equal(qualifierTupleWidth(0x066a), 4);
  });
  test("illegal qualifiers are rejected", () => {
    for (const q of [0x0e09, 0x0e7a, 0x0440, 0x00cf, 0x1a4a]) {
      assert.throws(() => decodeQualifier(q), codeOf("INVALID_QUALIFIER"), `0x${q.toString(16)}`);
    }
    assert.throws(() => parseQualifier("YEAR(3) TO MONTH", "datetime"), codeOf("INVALID_QUALIFIER"));
    assert.throws(() => parseQualifier("YEAR TO NOON", "datetime"), codeOf("INVALID_QUALIFIER"));
  });
});

/** A value for every unit, valid for any qualifier (fraction .12345 cut to the qualifier). */
function sampleDateTime(q: number): InformixDateTime {
  const info = decodeQualifier(q);
  const fraction = 12345 - (12345 % 10 ** (5 - info.fractionDigits));
  const fields = { year: 2024, month: 2, day: 29, hour: 23, minute: 59, second: 58, fraction };
  return InformixDateTime.of(q, fields);
}

describe("DATETIME: every qualifier start..end", () => {
  for (const start of STARTS) {
    for (const end of ENDS) {
      if (start === TU_FRAC ? end <= TU_SECOND : end < start) continue;
      const q = datetimeQualifier(start, end);
      test(qualifierToText(q, "datetime"), () => {
        const value = sampleDateTime(q);
        const hex = encodeValue(datetimeCodec, value, dtCol(q));
        assert.equal(hex.length / 2, qualifierTupleWidth(q));
        const back = decodeValue(datetimeCodec, hex, dtCol(q));
        assert.ok(back?.equals(value), `${back} = ${value}`);
        assert.ok(InformixDateTime.parse(value.toString(), q).equals(value));
        assert.ok(bindRoundTrip(datetimeCodec, value).value.equals(value));
        assert.equal(decodeValue(datetimeCodec, "00".repeat(qualifierTupleWidth(q)), dtCol(q)), null);
      });
    }
  }
  test("year 0001 and 9999, FRACTION(5), leading zero pairs", () => {
    const q = datetimeQualifier(TU_YEAR, 15);
    const first = InformixDateTime.parse("0001-01-01 00:00:00.00001", q);
    assert.equal(encodeValue(datetimeCodec, first, dtCol(q)), "c601010100000000000a00");
    const last = InformixDateTime.parse("9999-12-31 23:59:59.99999", q);
    assert.equal(
      String(decodeValue(datetimeCodec, encodeValue(datetimeCodec, last, dtCol(q)), dtCol(q))),
      "9999-12-31 23:59:59.99999",
    );
    const hms = datetimeQualifier(6, TU_SECOND);
    assert.equal(encodeValue(datetimeCodec, InformixDateTime.parse("00:00:05", hms), dtCol(hms)), "c1050000");
    assert.equal(String(decodeValue(datetimeCodec, "c1050000", dtCol(hms))), "00:00:05");
    assert.equal(encodeValue(datetimeCodec, InformixDateTime.parse("2024-01", 0x0602), dtCol(0x0602)), "c7141801");
  });
  test("bind form drops trailing zero pairs (notes §4.2 example)", () => {
    const r = bindRoundTrip(datetimeCodec, InformixDateTime.parse("2026-06-20 12:34:56", "YEAR TO SECOND"));
    assert.deepEqual(r.slot, { type: SQLDTIME, precision: 0x0e0a });
    assert.equal(r.hex, "0008c7141a06140c2238");
    const yearToMinute = datetimeQualifier(TU_YEAR, 8);
    assert.equal(
      bindRoundTrip(datetimeCodec, InformixDateTime.parse("2026-06-20 00:00", yearToMinute)).hex,
      "0005c7141a061400",
    );
  });
  test("validation and JS conversions", () => {
    assert.throws(() => InformixDateTime.parse("2023-02-29", "YEAR TO DAY"), codeOf("VALUE_OUT_OF_RANGE"));
    assert.throws(() => InformixDateTime.parse("24:00", "HOUR TO MINUTE"), codeOf("VALUE_OUT_OF_RANGE"));
    assert.throws(() => InformixDateTime.parse("12:34:56", "HOUR TO MINUTE"), codeOf("INVALID_VALUE"));
    assert.equal(InformixDateTime.parse("12:34", "HOUR TO MINUTE").toDate().toISOString(), "1970-01-01T12:34:00.000Z");
    const full = InformixDateTime.parse("0099-03-04T05:06:07.12345", "YEAR TO FRACTION(5)");
    assert.equal(full.toString(), "0099-03-04 05:06:07.12345");
    assert.equal(full.toDate().toISOString(), "0099-03-04T05:06:07.123Z");
    assert.equal(JSON.stringify(full), '"0099-03-04 05:06:07.12345"');
    const fromJs = InformixDateTime.fromDate(new Date("2026-06-20T12:34:56.789Z"));
    assert.equal(fromJs.toString(), "2026-06-20 12:34:56.789");
    assert.throws(() => encodeValue(datetimeCodec, fromJs, dtCol(0x0e0a)), codeOf("INVALID_VALUE"));
  });
});

describe("INTERVAL: every class and leading precision", () => {
  const classes: [number, number][] = [];
  for (const start of [TU_YEAR, TU_MONTH])
    for (const end of [TU_YEAR, TU_MONTH]) if (end >= start) classes.push([start, end]);
  for (const start of [TU_DAY, 6, 8, TU_SECOND]) for (const end of ENDS) if (end >= start) classes.push([start, end]);
  for (const [start, end] of classes) {
    for (let precision = 1; precision <= 9; precision++) {
      const q = intervalQualifier(start, end, precision);
      test(qualifierToText(q, "interval"), () => {
        const info = decodeQualifier(q);
        const lead = 10 ** precision - 1;
        const fields: Record<string, number> = {};
        const one: Record<string, number> = {};
        for (let u = start; u <= info.integralEnd; u += 2) {
          fields[FIELD_NAMES[u / 2]!] = u === start ? lead : FIELD_MAX[u / 2]!;
          one[FIELD_NAMES[u / 2]!] = u === start ? 1 : 0;
        }
        const max = InformixInterval.of(q, { ...fields, fraction: 99999 - (99999 % 10 ** (5 - info.fractionDigits)) });
        for (const value of [max, InformixInterval.of(q, { ...one, negative: true })]) {
          for (const v of [value, InformixInterval.parse(`-${value.toString().replace(/^-/, "")}`, q)]) {
            const hex = encodeValue(intervalCodec, v, ivCol(q));
            assert.equal(hex.length / 2, info.tupleWidth);
            assert.ok(decodeValue(intervalCodec, hex, ivCol(q))?.equals(v), `${v} via ${hex}`);
            assert.ok(InformixInterval.parse(v.toString(), q).equals(v));
            assert.ok(bindRoundTrip(intervalCodec, v).value.equals(v));
          }
        }
      });
    }
  }
  test("negative intervals are complemented as one number", () => {
    const ym = InformixInterval.parse("-3-02", "YEAR(3) TO MONTH");
    assert.equal(encodeValue(intervalCodec, ym, ivCol(0x0502)), "39606200");
    assert.equal(ym.toMonths(), -38);
    const dt = InformixInterval.parse("-3 03:27:01.12345", "DAY(3) TO FRACTION(5)");
    assert.equal(
      String(decodeValue(intervalCodec, encodeValue(intervalCodec, dt, ivCol(0x0e4f)), ivCol(0x0e4f))),
      "-3 03:27:01.12345",
    );
    assert.equal(dt.toMilliseconds(), -(3 * 86400000 + 3 * 3600000 + 27 * 60000 + 1000 + 123));
    assert.equal(InformixInterval.parse("-0 00:00:00", "DAY TO SECOND").negative, false);
    assert.equal(
      encodeValue(intervalCodec, InformixInterval.parse("12 03:04:05", "DAY TO SECOND"), ivCol(0x084a)),
      "c40c030405",
    );
  });
  test("decodes the Python driver's unnormalised bind payloads (docs/protocol/types.md)", () => {
    const dayToFraction = { type: SQLINTERVAL, precision: 0x144f };
    const payload = fromHex("c8 00 00 00 00 01 01 02 03 32 00 00");
    assert.equal(String(intervalCodec.decodeBind(payload, dayToFraction)), "1 01:02:03.50000");
    const yearToMonth = fromHex("ca 00 00 00 00 01 02");
    assert.equal(String(intervalCodec.decodeBind(yearToMonth, { type: SQLINTERVAL, precision: 0x0b02 })), "1-02");
  });
  test("range checks and class rules", () => {
    assert.throws(() => InformixInterval.parse("1000", "SECOND(3) TO SECOND"), codeOf("INVALID_VALUE"));
    assert.throws(() => InformixInterval.of("DAY TO HOUR", { days: 1, hours: 24 }), codeOf("VALUE_OUT_OF_RANGE"));
    assert.throws(() => InformixInterval.of("DAY TO HOUR", { months: 1 }), codeOf("VALUE_OUT_OF_RANGE"));
    assert.throws(() => InformixInterval.of(intervalQualifier(TU_YEAR, TU_DAY, 4), {}), codeOf("INVALID_QUALIFIER"));
    assert.throws(() => InformixInterval.parse("1-02", "YEAR TO MONTH").toMilliseconds(), codeOf("INVALID_VALUE"));
  });
});
