// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors

import assert from "node:assert/strict";
import { test } from "node:test";
import { StatementSplitter, splitStatements } from "@informix-db/cli";

const texts = (sql: string) => splitStatements(sql).map((s) => s.text);

test("statements end at ';' outside quotes and the three comment forms", () => {
  assert.deepEqual(
    texts("SELECT 'a;b' FROM t; -- x; y\nSELECT \"c;\" FROM u {;} /* ; */ ;\nINSERT INTO t VALUES ('it''s;')"),
    ["SELECT 'a;b' FROM t", '-- x; y\nSELECT "c;" FROM u {;} /* ; */', "INSERT INTO t VALUES ('it''s;')"],
  );
});

test("an SPL routine ends at the ';' after END PROCEDURE / END FUNCTION, not at its inner ';'", () => {
  const spl = `CREATE PROCEDURE p(a INT)
  DEFINE b INT;
  LET b = a + 1;
  IF b > 2 THEN RETURN; END IF;
END PROCEDURE;
CREATE DBA FUNCTION f() RETURNING INT; RETURN 1; END FUNCTION ;
SELECT 1 FROM sysdual;`;
  const out = splitStatements(spl);
  assert.equal(out.length, 3);
  assert.match(out[0]!.text, /^CREATE PROCEDURE[\s\S]*END PROCEDURE$/);
  assert.match(out[1]!.text, /^CREATE DBA FUNCTION[\s\S]*END FUNCTION$/);
  assert.deepEqual(
    out.map((s) => s.line),
    [1, 6, 7],
  );
});

test("incremental: pending while a statement is open, lines counted across pushes", () => {
  const s = new StatementSplitter();
  assert.deepEqual(s.push("\n\nSELECT *\n"), []);
  assert.equal(s.pending, true);
  assert.deepEqual(s.push("FROM t;  SELECT 2;\n"), [
    { text: "SELECT *\nFROM t", line: 3 },
    { text: "SELECT 2", line: 4 },
  ]);
  assert.equal(s.pending, false);
  s.push("SELECT 'open");
  s.reset();
  assert.equal(s.pending, false);
  assert.deepEqual(s.push("SELECT 3;"), [{ text: "SELECT 3", line: 5 }]);
});

test("a last statement without ';' is kept; trailing comments alone are not a statement", () => {
  assert.deepEqual(texts("SELECT 1; SELECT 2"), ["SELECT 1", "SELECT 2"]);
  assert.deepEqual(texts("SELECT 1; -- done\n"), ["SELECT 1"]);
  assert.deepEqual(texts("SELECT 1; { the end }"), ["SELECT 1"]);
});
