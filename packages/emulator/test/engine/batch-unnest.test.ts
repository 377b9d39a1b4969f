// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The multi-row form of a batch's INSERT (engine/batch-unnest.ts): which statements
// qualify, and the array literal each parameter's values travel in.

import assert from "node:assert/strict";
import { test } from "node:test";
import { arrayLiteral, unnestInsert } from "../../src/engine/batch-unnest.js";

test("a plain VALUES list becomes INSERT … SELECT FROM unnest() in the run's order", () => {
  assert.equal(
    unnestInsert('insert into t (a, b) values ($1, upper($2)) RETURNING "id"', [23, 25]),
    "insert into t (a, b) SELECT u.c1, upper(u.c2) FROM unnest($1::int4[], $2::text[]) WITH ORDINALITY " +
      'AS u(c1, c2, ifx_n) ORDER BY u.ifx_n RETURNING "id"',
  );
  assert.equal(
    unnestInsert("INSERT INTO t VALUES ($2, CURRENT_DATE, $1)", [1700, 1043]),
    "INSERT INTO t SELECT u.c2, CURRENT_DATE, u.c1 FROM unnest($1::numeric[], $2::varchar[]) WITH ORDINALITY " +
      "AS u(c1, c2, ifx_n) ORDER BY u.ifx_n",
  );
});

test("anything else keeps one execution per row", () => {
  const no = [
    ["insert into t values ('$1', $1)", [23]],
    ["insert into t values ($1), ($2)", [23, 23]],
    ["insert into t select $1 from u", [23]],
    ["insert into t values ((select max(a) from u), $1)", [23]],
    ["insert into t values ($1)", [600]],
    ["insert into t values (1)", []],
    ["insert into t values ($1, $2)", [23]],
    ['insert into "t" values ($1)', [23]],
    ["update t set a = $1", [23]],
  ] as const;
  for (const [sql, types] of no) assert.equal(unnestInsert(sql, types), null, sql);
});

test("array literals quote every element and escape quotes and backslashes; NULL stays bare", () => {
  assert.equal(
    arrayLiteral(["a", null, 'b"c', "d\\e", "NULL", "", "{x},y"]),
    '{"a",NULL,"b\\"c","d\\\\e","NULL","","{x},y"}',
  );
  assert.equal(arrayLiteral([]), "{}");
});
