// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 10 §1: the SPL parser on its own — the syntax tree of a routine, the end of an
// expression where SPL has no separator, SELECT ... INTO cut out at unchanged offsets, and
// -201 at the offending token's 1-based offset.

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { InformixSqlError } from "../../src/engine/informix-sql-error.js";
import { parseRoutine } from "../../src/sql/spl/parse-routine.js";
import { tokenize } from "../../src/sql/tokenizer.js";

function parse(sql: string) {
  return parseRoutine(sql, tokenize(sql));
}

function text(tokens: readonly { text: string }[]): string {
  return tokens.map((t) => t.text).join(" ");
}

function syntaxOffset(sql: string): number {
  try {
    parse(sql);
  } catch (e) {
    assert.ok(e instanceof InformixSqlError);
    assert.equal(e.sqlcode, -201);
    return e.offset;
  }
  assert.fail("no error");
}

describe("issue 10: SPL parser", () => {
  it("reads the header: kind, name, parameters, RETURNING with AS names, DOCUMENT", () => {
    const { routine } = parse(
      "CREATE DBA FUNCTION owner.f(a INT, b CHAR(5) DEFAULT 'x') RETURNING INT AS total, DECIMAL(8,2) WITH (NOT VARIANT); RETURN a, 1.5; END FUNCTION DOCUMENT 'doubles', 'a value' WITH LISTING IN '/tmp/x';",
    );
    assert.equal(routine.kind, "function");
    assert.equal(routine.name, "f");
    assert.equal(routine.dba, true);
    assert.deepEqual(
      routine.params.map((p) => [p.name, p.type.pg, p.default ? text(p.default.tokens) : null]),
      [
        ["a", "integer", null],
        ["b", "char(5)", "'x'"],
      ],
    );
    assert.deepEqual(
      routine.returns.map((r) => [r.type.pg, r.name]),
      [
        ["integer", "total"],
        ["numeric(8,2)", null],
      ],
    );
    assert.equal(routine.document, "doubles\na value");
    assert.equal(routine.iterator, false);
  });

  it("ends a loop header's expressions at the first statement word, outside parentheses and CASE", () => {
    const { routine } = parse(
      "CREATE PROCEDURE p() DEFINE i INT; FOR i = CASE WHEN 1 = 1 THEN 1 ELSE 2 END TO (SELECT MAX(x) FROM t) STEP 2 LET i = i; END FOR; WHILE i < 10 AND i > 0 LET i = i + 1; END WHILE END PROCEDURE",
    );
    const [loop, wh] = routine.body.body;
    assert.ok(loop?.kind === "for");
    assert.equal(text(loop.items[0]!.from.tokens), "CASE WHEN 1 = 1 THEN 1 ELSE 2 END");
    assert.equal(text(loop.items[0].to!.tokens), "( SELECT MAX ( x ) FROM t )");
    assert.equal(text(loop.items[0].step!.tokens), "2");
    assert.equal(loop.body[0]?.kind, "let");
    assert.ok(wh?.kind === "while");
    assert.equal(text(wh.cond.tokens), "i < 10 AND i > 0");
  });

  it("reads FOR lists, FOREACH with a cursor and INTO, EXIT kinds, ON EXCEPTION, RETURN WITH RESUME", () => {
    const sql = `CREATE FUNCTION g() RETURNING INT
      DEFINE i, n INT;
      ON EXCEPTION IN (-206, -217) SET n END EXCEPTION WITH RESUME
      FOR i IN (1, 5 TO 9 STEP 2, 20) CONTINUE FOR WHEN i = 5; END FOR
      FOREACH c1 WITH HOLD FOR SELECT a INTO n FROM t WHERE a > 0
        RETURN n WITH RESUME;
        EXIT FOREACH;
      END FOREACH
    END FUNCTION`;
    const { routine, source } = parse(sql);
    assert.equal(routine.iterator, true);
    const h = routine.body.handlers[0]!;
    assert.deepEqual(
      h.codes?.map((c) => text(c.tokens)),
      ["- 206", "- 217"],
    );
    assert.deepEqual(h.set, ["n"]);
    assert.equal(h.resume, true);
    const [loop, each] = routine.body.body;
    assert.ok(loop?.kind === "for");
    assert.deepEqual(
      loop.items.map((it) => [
        text(it.from.tokens),
        it.to ? text(it.to.tokens) : null,
        it.step ? text(it.step.tokens) : null,
      ]),
      [
        ["1", null, null],
        ["5", "9", "2"],
        ["20", null, null],
      ],
    );
    assert.ok(each?.kind === "foreach" && "select" in each.source);
    assert.deepEqual(each.into, ["n"]);
    // The INTO list is blanked at the same offsets; the SELECT text is what the rewriter gets.
    const sel = source.slice(each.source.select.start, each.source.select.end);
    assert.equal(sel.replace(/\s+/g, " "), "SELECT a FROM t WHERE a > 0");
    assert.equal(source.length, sql.length);
    assert.deepEqual(
      each.body.map((s) => s.kind),
      ["return", "exit"],
    );
  });

  it("reports -201 at the offending token", () => {
    const cases: [string, string][] = [
      ["CREATE PROCEDURE p() LET x = ; END PROCEDURE", ";"],
      ["CREATE PROCEDURE p() IF 1 = 1 THEN END FOR END PROCEDURE", "FOR"],
      ["CREATE PROCEDURE p() LET x = 1; DEFINE y INT; END PROCEDURE", "DEFINE"],
      ["CREATE FUNCTION f() RETURNING INT; RETURN 1; END PROCEDURE", "PROCEDURE"],
      ["CREATE PROCEDURE p() RAISE EXCEPTION 1, 2, 3, 4; END PROCEDURE", "4"],
      ["CREATE PROCEDURE p() FOREACH SELECT a FROM t END FOREACH END PROCEDURE", "SELECT"],
      ["CREATE PROCEDURE p(a INT END PROCEDURE", "END"],
    ];
    for (const [sql, at] of cases) assert.equal(syntaxOffset(sql), sql.lastIndexOf(at) + 1, sql);
  });
});
