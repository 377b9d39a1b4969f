// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 10 §1: SPL routines on the engine — CREATE/DROP, every statement kind, EXECUTE
// PROCEDURE/FUNCTION with one row or many, routines in SELECT and WHERE, errors.

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createEngine } from "../../src/engine/create-engine.js";
import type { Engine, EngineSession } from "../../src/engine/types.js";
import { exec, query, rejects } from "../engine/helpers.js";

for (const spec of ["pglite", "postgres"])
  describe(`issue 10: SPL procedures and functions (${spec})`, () => {
    let engine: Engine;
    let s: EngineSession;
    before(async () => {
      engine = await createEngine(spec, {});
      s = engine.openSession("informix");
      await exec(s, "CREATE DATABASE spl WITH LOG");
      await exec(s, "CREATE TABLE emp (id SERIAL PRIMARY KEY, name CHAR(10), salary DECIMAL(10,2))");
      for (const [n, sal] of [
        ["ann", "100.00"],
        ["bob", "200.00"],
        ["cy", "300.00"],
      ] as const) {
        await exec(s, "INSERT INTO emp (name, salary) VALUES (?, ?)", [n, sal]);
      }
    });
    after(async () => {
      await s.close();
      await engine.close();
    });

    it("CREATE FUNCTION ... RETURNING; EXECUTE FUNCTION returns its value (informix-driver's test)", async () => {
      await exec(s, "CREATE FUNCTION ifxdrv_dbl(n INT) RETURNING INT; RETURN n * 2; END FUNCTION");
      const r = await query(s, "EXECUTE FUNCTION ifxdrv_dbl(21)");
      assert.deepEqual(r.rows, [[42]]);
      assert.equal(r.columns[0]?.name, "(expression)");
      const st = await s.prepare("EXECUTE FUNCTION ifxdrv_dbl(?)");
      assert.equal(st.isQuery, true);
      assert.equal(st.paramCount, 1);
    });

    it("routines are called in SELECT lists and WHERE", async () => {
      const r = await query(s, "SELECT name, ifxdrv_dbl(id) FROM emp WHERE ifxdrv_dbl(id) > 2 ORDER BY id");
      assert.deepEqual(r.rows, [
        ["bob       ", 4],
        ["cy        ", 6],
      ]);
    });

    it("DEFINE, LET, IF/ELIF/ELSE, FOR ranges and lists, WHILE, EXIT and CONTINUE", async () => {
      await exec(
        s,
        `CREATE FUNCTION loops(n INT) RETURNING INT, VARCHAR(20), INT
         DEFINE i, total INT;
         DEFINE word VARCHAR(20);
         DEFINE w INT;
         LET total = 0;
         FOR i = 1 TO n
           IF MOD(i, 2) = 0 THEN CONTINUE FOR; END IF
           LET total = total + i;
         END FOR;
         FOR i IN (100, 1 TO 3 STEP 2, 1000)
           LET total = total + i;
         END FOR
         IF total > 2000 THEN LET word = 'big';
         ELIF total > 1000 THEN LET word = 'medium';
         ELSE LET word = 'small';
         END IF
         LET w = 0;
         WHILE 1 = 1
           LET w = w + 1;
           EXIT WHILE WHEN w >= 5;
         END WHILE
         FOR i = 10 TO 1 STEP -3
           LET w = w + 100;
         END FOR
         RETURN total, word, w;
       END FUNCTION;`,
      );
      // 1+3+5 = 9, + 100 + 1 + 3 + 1000 = 1113; w: 5 + 4 loops (10, 7, 4, 1) * 100 = 405
      assert.deepEqual((await query(s, "EXECUTE FUNCTION loops(6)")).rows, [[1113, "medium", 405]]);
    });

    it("LET with multiple assignment from a SELECT and from a call; SELECT INTO", async () => {
      await exec(s, `CREATE FUNCTION two() RETURNING INT, INT; RETURN 7, 8; END FUNCTION;`);
      await exec(
        s,
        `CREATE FUNCTION multi() RETURNING INT, DECIMAL(10,2), INT, INT, CHAR(10)
         DEFINE c INT; DEFINE m DECIMAL(10,2); DEFINE a, b INT; DEFINE nm LIKE emp.name;
         LET c, m = (SELECT COUNT(*), MAX(salary) FROM emp);
         LET a, b = two();
         SELECT name INTO nm FROM emp WHERE id = 2;
         RETURN c, m, a, b, nm;
       END FUNCTION`,
      );
      assert.deepEqual((await query(s, "EXECUTE FUNCTION multi()")).rows, [[3, "300.00", 7, 8, "bob       "]]);
    });

    it("RETURN ... WITH RESUME returns many rows; FOREACH over a cursor and over EXECUTE", async () => {
      await exec(
        s,
        `CREATE PROCEDURE names(minsal DECIMAL(10,2)) RETURNING CHAR(10) AS name, DECIMAL(10,2);
         DEFINE n CHAR(10); DEFINE sal DECIMAL(10,2);
         FOREACH c1 FOR SELECT name, salary INTO n, sal FROM emp WHERE salary >= minsal ORDER BY id
           RETURN n, sal WITH RESUME;
         END FOREACH
       END PROCEDURE`,
      );
      const r = await query(s, "EXECUTE PROCEDURE names(150)");
      assert.deepEqual(r.rows, [
        ["bob       ", "200.00"],
        ["cy        ", "300.00"],
      ]);
      assert.deepEqual(
        r.columns.map((c) => c.name),
        ["name", "(expression)"],
      );
      await exec(
        s,
        `CREATE FUNCTION total_of_names() RETURNING DECIMAL(10,2), INT
         DEFINE n CHAR(10); DEFINE sal, tot DECIMAL(10,2); DEFINE k INT;
         LET tot = 0; LET k = 0;
         FOREACH EXECUTE PROCEDURE names(0) INTO n, sal
           LET tot = tot + sal; LET k = k + 1;
           IF k = 2 THEN EXIT FOREACH; END IF
         END FOREACH
         RETURN tot, k;
       END FUNCTION`,
      );
      assert.deepEqual((await query(s, "EXECUTE FUNCTION total_of_names()")).rows, [["300.00", 2]]);
    });

    it("a procedure writes through SQL; CALL; EXECUTE PROCEDURE of a procedure is not a query", async () => {
      await exec(
        s,
        `CREATE PROCEDURE raise_pay(pct INT)
         UPDATE emp SET salary = salary * (100 + pct) / 100;
         TRACE ON;
         TRACE 'raised';
       END PROCEDURE`,
      );
      await exec(s, "CREATE PROCEDURE twice(pct INT) CALL raise_pay(pct); CALL raise_pay(pct); END PROCEDURE");
      const st = await s.prepare("EXECUTE PROCEDURE twice(10)");
      assert.equal(st.isQuery, false);
      assert.equal(st.columns.length, 0);
      await s.execute(st, []);
      assert.deepEqual((await query(s, "SELECT salary FROM emp WHERE id = 1")).rows, [["121.00"]]);
    });

    it("RAISE EXCEPTION reaches the client with its codes and text; ON EXCEPTION catches", async () => {
      await exec(
        s,
        `CREATE PROCEDURE boom(n INT)
         IF n > 1 THEN RAISE EXCEPTION -746, 0, 'too big: ' || n; END IF
         RAISE EXCEPTION -206, -111;
       END PROCEDURE`,
      );
      await rejects(exec(s, "EXECUTE PROCEDURE boom(5)"), -746, 0, "too big: 5");
      await rejects(exec(s, "EXECUTE PROCEDURE boom(1)"), -206, -111);
      await exec(
        s,
        `CREATE FUNCTION catcher(d INT) RETURNING INT, INT, VARCHAR(40)
         DEFINE code, isam INT; DEFINE msg VARCHAR(40); DEFINE r INT;
         ON EXCEPTION IN (-1202) SET code
           RETURN code, 0, 'div';
         END EXCEPTION
         ON EXCEPTION SET code, isam, msg
           RETURN code, isam, msg;
         END EXCEPTION
         IF d < 0 THEN CALL boom(9); END IF
         LET r = 10 / d;
         RETURN r, 0, 'ok';
       END FUNCTION`,
      );
      assert.deepEqual((await query(s, "EXECUTE FUNCTION catcher(2)")).rows, [[5, 0, "ok"]]);
      assert.deepEqual((await query(s, "EXECUTE FUNCTION catcher(0)")).rows, [[-1202, 0, "div"]]);
      assert.deepEqual((await query(s, "EXECUTE FUNCTION catcher(-1)")).rows, [[-746, 0, "too big: 9"]]);
    });

    it("ON EXCEPTION WITH RESUME goes on after the failing statement and keeps earlier work", async () => {
      await exec(s, "CREATE TABLE log (k INT UNIQUE)");
      await exec(
        s,
        `CREATE FUNCTION resumer() RETURNING INT
         DEFINE errors INT;
         ON EXCEPTION IN (-268, -239)
           LET errors = errors + 1;
         END EXCEPTION WITH RESUME
         LET errors = 0;
         INSERT INTO log VALUES (1);
         INSERT INTO log VALUES (1);
         INSERT INTO log VALUES (2);
         RETURN errors;
       END FUNCTION`,
      );
      assert.deepEqual((await query(s, "EXECUTE FUNCTION resumer()")).rows, [[1]]);
      assert.deepEqual((await query(s, "SELECT k FROM log ORDER BY k")).rows, [[1], [2]]);
    });

    it("a BEGIN ... END block's handler without RESUME leaves the block only", async () => {
      await exec(
        s,
        `CREATE FUNCTION blocky() RETURNING INT
         DEFINE x INT;
         LET x = 1;
         BEGIN
           ON EXCEPTION LET x = x + 10; END EXCEPTION
           LET x = x + 100;
           LET x = x / 0;
           LET x = x + 1000;
         END
         LET x = x + 10000;
         RETURN x;
       END FUNCTION`,
      );
      assert.deepEqual((await query(s, "EXECUTE FUNCTION blocky()")).rows, [[10111]]);
    });

    it("DEFINE GLOBAL is shared by the routines of a session and keeps its value", async () => {
      await exec(
        s,
        `CREATE PROCEDURE bump() DEFINE GLOBAL counter INT DEFAULT 100; LET counter = counter + 1; END PROCEDURE`,
      );
      await exec(
        s,
        `CREATE FUNCTION readc() RETURNING INT
         DEFINE GLOBAL counter INT DEFAULT 0;
         CALL bump();
         RETURN counter;
       END FUNCTION`,
      );
      assert.deepEqual((await query(s, "EXECUTE FUNCTION readc()")).rows, [[1]]);
      assert.deepEqual((await query(s, "EXECUTE FUNCTION readc()")).rows, [[2]]);
      const other = engine.openSession("informix");
      await other.openDatabase("spl", false);
      assert.deepEqual((await query(other, "EXECUTE FUNCTION readc()")).rows, [[1]]);
      await other.close();
    });

    it("SYSTEM is refused with -668 when it runs", async () => {
      await exec(s, "CREATE PROCEDURE sys() SYSTEM 'ls /'; END PROCEDURE");
      await rejects(exec(s, "EXECUTE PROCEDURE sys()"), -668);
    });

    it("a syntax error in the body is -201 at its offset; the session goes on", async () => {
      const sql = "CREATE PROCEDURE bad() DEFINE x INT; LET x = 1; IF x THEN LET x = 2; END WHILE; END PROCEDURE";
      await rejects(s.prepare(sql), -201);
      await assert.rejects(s.prepare(sql), (e: unknown) => {
        assert.equal((e as { offset: number }).offset, sql.indexOf("WHILE") + 1);
        return true;
      });
      const mismatch = "CREATE FUNCTION f9() RETURNING INT; RETURN 1; END PROCEDURE";
      await assert.rejects(s.prepare(mismatch), (e: unknown) => {
        assert.equal((e as { offset: number }).offset, mismatch.lastIndexOf("PROCEDURE") + 1);
        return true;
      });
      assert.deepEqual((await query(s, "EXECUTE FUNCTION ifxdrv_dbl(1)")).rows, [[2]]);
    });

    it("CREATE of an existing routine is -673; DROP of an unknown one -674; DROP ROUTINE/PROCEDURE/FUNCTION", async () => {
      await rejects(exec(s, "CREATE FUNCTION ifxdrv_dbl(n INT) RETURNING INT; RETURN n; END FUNCTION"), -673);
      await rejects(exec(s, "DROP FUNCTION nosuch"), -674);
      await exec(s, "DROP FUNCTION IF EXISTS nosuch");
      await exec(s, "CREATE PROCEDURE gone() END PROCEDURE");
      await exec(s, "DROP ROUTINE gone");
      await rejects(exec(s, "EXECUTE PROCEDURE gone()"), -674);
      await exec(s, "CREATE PROCEDURE gone2(a INT, b CHAR(5)) END PROCEDURE");
      await exec(s, "DROP PROCEDURE gone2(INT, CHAR(5))");
    });

    it("sysprocedures lists SPL routines; sysprocbody holds their text", async () => {
      const r = await query(
        s,
        "SELECT procname, isproc, numargs, mode, externalname FROM sysprocedures WHERE procname IN ('ifxdrv_dbl', 'raise_pay') ORDER BY procname",
      );
      assert.deepEqual(r.rows, [
        ["ifxdrv_dbl", "f", 1, "O", null],
        ["raise_pay", "t", 1, "O", null],
      ]);
      const body = await query(
        s,
        "SELECT b.data FROM sysprocbody b, sysprocedures p WHERE b.procid = p.procid AND p.procname = 'ifxdrv_dbl' AND b.datakey = 'T' ORDER BY b.seqno",
      );
      assert.equal(
        body.rows.map((x) => String(x[0]).trimEnd()).join(""),
        "CREATE FUNCTION ifxdrv_dbl(n INT) RETURNING INT; RETURN n * 2; END FUNCTION",
      );
    });
  });
