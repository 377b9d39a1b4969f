// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// A routine that calls itself for ever fails its statement (-208, PostgreSQL's 54001 "stack depth
// limit exceeded") on both engines; the session goes on. On PGlite it used to exhaust the
// JavaScript stack under the WebAssembly PostgreSQL and leave the engine hung.

import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { createEngine } from "../../src/engine/create-engine.js";
import type { Engine, EngineSession } from "../../src/engine/types.js";
import { exec, query, rejects } from "../engine/helpers.js";

const MEMORY_EXHAUSTED = -208;

for (const spec of ["pglite", "postgres"]) {
  describe(`issue 10: endless recursion in SPL is an SQL error (${spec})`, () => {
    let engine: Engine | undefined;
    let s: EngineSession | undefined;
    after(async () => {
      await s?.close();
      await engine?.close();
    });

    it("EXECUTE FUNCTION, a call in a select list and a procedure fail with -208; the session stays usable", async () => {
      engine = await createEngine(spec, {});
      s = engine.openSession("informix");
      await exec(s, "create database recursion_db with log");
      await exec(s, "create function forever(n int) returning int; return forever(n + 1); end function");
      await exec(s, "create procedure forever_p(n int) call forever_p(n + 1); end procedure");
      await rejects(query(s, "execute function forever(1)"), MEMORY_EXHAUSTED);
      await rejects(query(s, "select forever(tabid) from systables where tabid = 1"), MEMORY_EXHAUSTED);
      await rejects(exec(s, "execute procedure forever_p(1)"), MEMORY_EXHAUSTED);
      const { rows } = await query(s, "select count(*) from systables where tabid = 1");
      assert.deepEqual(rows, [["1"]]);
      // A recursion that ends is not affected.
      await exec(
        s,
        "create function fact(n int) returning decimal(32,0); if n <= 1 then return 1; end if; return n * fact(n - 1); end function",
      );
      const fact = await query(s, "execute function fact(20)");
      assert.equal(fact.rows[0]?.[0], "2432902008176640000");
    });
  });
}
