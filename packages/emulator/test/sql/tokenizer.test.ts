// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { InformixSqlError } from "../../src/engine/informix-sql-error.js";
import { countParams, tokenize } from "../../src/sql/tokenizer.js";

describe("tokenizer", () => {
  it("splits words, strings with '' escapes, numbers and operators", () => {
    const t = tokenize("SELECT 'it''s', 1.5e3, a::int FROM t WHERE x <> 2");
    assert.deepEqual(
      t.map((x) => [x.kind, x.kind === "string" ? x.value : x.text]),
      [
        ["word", "SELECT"],
        ["string", "it's"],
        ["op", ","],
        ["number", "1.5e3"],
        ["op", ","],
        ["word", "a"],
        ["op", "::"],
        ["word", "int"],
        ["word", "FROM"],
        ["word", "t"],
        ["word", "WHERE"],
        ["word", "x"],
        ["op", "<>"],
        ["number", "2"],
      ],
    );
  });

  it("skips the three comment forms and keeps source offsets", () => {
    const t = tokenize("select -- c\n{ brace } /* block */ x");
    assert.deepEqual(
      t.map((x) => [x.text, x.start]),
      [
        ["select", 0],
        ["x", 34],
      ],
    );
  });

  it("numbers ? placeholders; `:` is an operator, as in DATETIME literals (issue 6)", () => {
    const t = tokenize("select ? , 1 from t where a = ?");
    assert.deepEqual(
      t.filter((x) => x.kind === "param").map((x) => x.param),
      [1, 2],
    );
    const literal = tokenize("DATETIME(2026-05-04 12:34:56) YEAR TO SECOND");
    assert.equal(countParams(literal), 0);
    assert.deepEqual(
      literal.filter((x) => x.kind === "op").map((x) => x.text),
      ["(", "-", "-", ":", ":", ")"],
    );
  });

  it("keeps double-quoted text as a 'quoted' token", () => {
    const [q] = tokenize('"informix"');
    assert.equal(q?.kind, "quoted");
    assert.equal(q?.value, "informix");
  });

  it("reports -201 with the offset of an unterminated string", () => {
    assert.throws(
      () => tokenize("select 'abc"),
      (e: unknown) => e instanceof InformixSqlError && e.sqlcode === -201 && e.offset === 8,
    );
  });
});
