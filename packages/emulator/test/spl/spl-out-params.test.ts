// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 10: SPL OUT and INOUT parameters. CREATE FUNCTION f(a INT, OUT b INT) RETURNING INT
// is accepted and recorded as IDS does (sysprocedures.numargs counts b, sysproccolumns
// paramattr 1 IN / 4 OUT / 2 INOUT / 5 return value); EXECUTE FUNCTION with the IN arguments
// returns the RETURNING values only; an argument for the OUT parameter is -9752.

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createEngine } from "../../src/engine/create-engine.js";
import type { Engine, EngineSession } from "../../src/engine/types.js";
import { exec, query, rejects } from "../engine/helpers.js";

const OUT_ARGUMENT = -9752;

for (const spec of ["pglite", "postgres"])
  describe(`issue 10: SPL OUT and INOUT parameters (${spec})`, () => {
    let engine: Engine;
    let s: EngineSession;
    before(async () => {
      engine = await createEngine(spec, {});
      s = engine.openSession("informix");
      await exec(s, "CREATE DATABASE splout WITH LOG");
      await exec(
        s,
        "CREATE FUNCTION op_split(a INT, OUT b INT, OUT c VARCHAR(10)) RETURNING INT;" +
          " LET b = a * 10; LET c = 'v' || a; RETURN a + 1; END FUNCTION",
      );
      await exec(
        s,
        "CREATE FUNCTION op_bump(INOUT n INT, step INT) RETURNING INT; LET n = n + step; RETURN n * 2; END FUNCTION",
      );
      await exec(s, "CREATE PROCEDURE op_only(a INT, OUT b INT) LET b = a * 3; END PROCEDURE");
      // A parameter named out is a parameter, not a mode.
      await exec(s, "CREATE FUNCTION op_named(out INT) RETURNING INT; RETURN out + 100; END FUNCTION");
    });
    after(async () => {
      await s.close();
      await engine.close();
    });

    it("EXECUTE FUNCTION with the IN arguments returns the RETURNING values only", async () => {
      const r = await query(s, "EXECUTE FUNCTION op_split(4)");
      assert.deepEqual(r.rows, [[5]]);
      assert.deepEqual(
        r.columns.map((c) => c.name),
        ["(expression)"],
      );
      const bumped = await query(s, "EXECUTE FUNCTION op_bump(?, ?)", [5, 2]);
      assert.deepEqual(bumped.rows, [[14]]);
      const named = await query(s, "EXECUTE FUNCTION op_named(1)");
      assert.deepEqual(named.rows, [[101]]);
    });

    it("a procedure with only OUT parameters returns no columns", async () => {
      const st = await s.prepare("EXECUTE PROCEDURE op_only(?)");
      assert.equal(st.isQuery, false);
      assert.equal(st.columns.length, 0);
      await exec(s, "EXECUTE PROCEDURE op_only(2)");
    });

    it("an argument for an OUT parameter is -9752 with the routine's name and id", async () => {
      // The parameter is <name>:<procid>: (IBM JDBC reads the routine id from it).
      const [[procid]] = (await query(s, "SELECT procid FROM sysprocedures WHERE procname = 'op_split'")).rows as [
        [number],
      ];
      await rejects(s.prepare("EXECUTE FUNCTION op_split(1, ?, ?)"), OUT_ARGUMENT, 0, `op_split:${procid}:`);
      await rejects(s.prepare("EXECUTE PROCEDURE op_only(1, 2)"), OUT_ARGUMENT, 0);
      // Too many arguments for any routine of that name stays -674.
      await rejects(s.prepare("EXECUTE FUNCTION op_split(1, 2, 3, 4)"), -674);
      const { rows } = await query(s, "SELECT count(*) FROM systables WHERE tabid = 1");
      assert.deepEqual(rows, [["1"]]);
    });

    it("sysprocedures counts OUT parameters; sysproccolumns gives each its paramattr", async () => {
      const procs = await query(
        s,
        "SELECT procname, numargs FROM sysprocedures WHERE procname LIKE 'op_%' ORDER BY procname",
      );
      assert.deepEqual(procs.rows, [
        ["op_bump", 2],
        ["op_named", 1],
        ["op_only", 2],
        ["op_split", 3],
      ]);
      const cols = await query(
        s,
        "SELECT c.paramid, c.paramname, c.paramtype, c.paramattr FROM sysproccolumns c, sysprocedures p" +
          " WHERE c.procid = p.procid AND p.procname = 'op_split' ORDER BY c.paramid",
      );
      assert.deepEqual(cols.rows, [
        [1, "a", 2, 1],
        [2, "b", 2, 4],
        [3, "c", 13, 4],
        [4, "", 2, 5],
      ]);
      const bump = await query(
        s,
        "SELECT c.paramname, c.paramattr FROM sysproccolumns c, sysprocedures p" +
          " WHERE c.procid = p.procid AND p.procname = 'op_bump' ORDER BY c.paramid",
      );
      assert.deepEqual(bump.rows, [
        ["n", 2],
        ["step", 1],
        ["", 5],
      ]);
    });
  });
