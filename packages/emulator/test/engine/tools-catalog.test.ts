// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 6: catalog facts and SQL that the Java tools (conformance/jdbc-tools) rely on.

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { PgliteEngine } from "../../src/engine/pglite-engine.js";
import type { EngineSession } from "../../src/engine/types.js";
import { exec, query, rejects } from "./helpers.js";

describe("issue 6: catalog and SQL for Flyway, Liquibase, Hibernate and JDBC metadata", () => {
  let engine: PgliteEngine;
  let s: EngineSession;
  before(async () => {
    engine = await PgliteEngine.create({ serverName: "ol_emu", hostName: "emuhost" });
    s = engine.openSession("informix");
    await exec(s, "CREATE DATABASE tools_db WITH LOG");
    await exec(
      s,
      "CREATE TABLE tp (id SERIAL NOT NULL, name CHAR(10), PRIMARY KEY (id) CONSTRAINT pk_tp, UNIQUE (name) CONSTRAINT uq_tp_name)",
    );
    await exec(
      s,
      "CREATE TABLE tc (id INTEGER, p INTEGER, FOREIGN KEY (p) REFERENCES tp (id) ON DELETE CASCADE CONSTRAINT fk_tc_tp)",
    );
  });
  after(async () => {
    await s.close();
    await engine.close();
  });

  it("FOREIGN KEY ... REFERENCES ... CONSTRAINT name names the foreign key", async () => {
    const r = await query(
      s,
      "select c.constrname, c.constrtype from sysconstraints c, systables t where c.tabid = t.tabid and t.tabname = 'tc' and c.constrtype = 'R'",
    );
    assert.deepEqual(r.rows, [["fk_tc_tp", "R"]]);
    await rejects(exec(s, "INSERT INTO tc VALUES (1, 99)"), -691);
  });

  it("sysreferences links the foreign key to the referenced primary key, with its delete rule", async () => {
    const r = await query(
      s,
      `select fk.constrname, pk.constrname, r.delrule, pt.tabname from sysreferences r, sysconstraints fk,
        sysconstraints pk, systables pt where r.constrid = fk.constrid and r.primary = pk.constrid and r.ptabid = pt.tabid`,
    );
    assert.deepEqual(r.rows, [["fk_tc_tp", "pk_tp", "C", "tp"]]);
  });

  it("the foreign key's index is in sysindexes under sysconstraints.idxname, on the referencing column", async () => {
    const r = await query(
      s,
      `select i.idxname, i.idxtype, i.part1 from sysconstraints c, sysindexes i, systables t
        where t.tabname = 'tc' and c.tabid = t.tabid and c.constrtype = 'R' and i.idxname = c.idxname and i.tabid = t.tabid`,
    );
    assert.equal(r.rows.length, 1);
    const [name, type, part] = r.rows[0] as [string, string, number];
    assert.match(name, /^ \d+_\d+$/);
    assert.deepEqual([type, part], ["D", 2]);
  });

  it("CREATE INDEX takes db:owner.name and db:name index names", async () => {
    await exec(s, "CREATE INDEX tools_db:null.ix_tc_id ON tools_db:null.tc (id)");
    await exec(s, "CREATE INDEX tools_db:ix_tc_both ON tc (id, p)");
    const r = await query(s, "select idxname from sysindexes where idxname like 'ix_tc%' order by idxname");
    assert.deepEqual(r.rows, [["ix_tc_both"], ["ix_tc_id"]]);
  });

  it("sysprocedures lists the built-in routines; IFX_ALLOW_NEWLINE runs unqualified", async () => {
    const r = await query(s, "select procname, isproc from sysprocedures where procname = 'ifx_allow_newline'");
    assert.deepEqual(r.rows, [["ifx_allow_newline", "f"]]);
    await exec(s, "EXECUTE PROCEDURE IFX_ALLOW_NEWLINE('T')");
  });

  it("sysmaster:syssessions has the calling session under DBINFO('sessionid')", async () => {
    const r = await query(s, "select username from sysmaster:informix.syssessions where sid = dbinfo('sessionid')");
    assert.deepEqual(r.rows, [["informix".padEnd(32)]]);
  });

  it("DROP TABLE cascades to the foreign keys and views that reference it; RESTRICT does not", async () => {
    await exec(s, "CREATE TABLE dp (id INTEGER PRIMARY KEY)");
    await exec(s, "CREATE TABLE dc (p INTEGER REFERENCES dp (id))");
    await exec(s, "CREATE VIEW dv AS SELECT id FROM dp");
    await assert.rejects(exec(s, "DROP TABLE dp RESTRICT")); // its error code is not settled yet
    await exec(s, "DROP TABLE dp");
    const left = await query(s, "select tabname from systables where tabname in ('dp', 'dc', 'dv') order by 1");
    assert.deepEqual(left.rows, [["dc"]]);
    await exec(s, "INSERT INTO dc VALUES (42)");
  });

  it("CHAR trailing blanks do not count in = and LIKE", async () => {
    await exec(s, "INSERT INTO tp (name) VALUES ('ab')");
    const eq = await query(s, "select count(*) from tp where name = 'ab'");
    const like = await query(s, "select count(*) from tp where name like 'ab'");
    const notLike = await query(s, "select count(*) from tp where name not like 'a_'");
    assert.deepEqual([eq.rows, like.rows, notLike.rows], [[["1"]], [["1"]], [["0"]]]);
  });

  it("systabauth gives PUBLIC the default privileges of a non-ANSI database; syscolauth and sysinherits exist", async () => {
    const r = await query(
      s,
      "select a.grantor, a.grantee, a.tabauth from systabauth a, systables t where a.tabid = t.tabid and t.tabname = 'tp'",
    );
    assert.deepEqual(r.rows, [["informix", "public", "su-idxar-"]]);
    const cat = await query(s, "select tabauth from systabauth where tabid = 1");
    assert.deepEqual(cat.rows, [["s--------"]]);
    assert.deepEqual((await query(s, "select count(*) from syscolauth")).rows, [["0"]]);
    assert.deepEqual((await query(s, "select count(*) from sysinherits")).rows, [["0"]]);
  });

  it("sysproccolumns lists a routine's parameters and results; ifx_param_types names them", async () => {
    await exec(
      s,
      "CREATE FUNCTION pc_f(a INTEGER, b VARCHAR(10)) RETURNING DECIMAL(10,2) AS total; RETURN a; END FUNCTION",
    );
    const r = await query(
      s,
      `select c.paramid, c.paramname, c.paramtype, c.paramattr from sysproccolumns c, sysprocedures p
        where c.procid = p.procid and p.procname = 'pc_f' order by c.paramid`,
    );
    assert.deepEqual(r.rows, [
      [1, "a", 2, 1],
      [2, "b", 13, 1],
      [3, "total", 5, 5],
    ]);
    const t = await query(
      s,
      "select stores:informix.ifx_param_types(procid), ifx_ret_types(procid) from sysprocedures where procname = 'pc_f'",
    );
    assert.deepEqual(t.rows, [["integer,varchar", "decimal"]]);
  });

  it("owner.table.column names a column of an owner-qualified table; db:routine() calls the routine", async () => {
    const r = await query(
      s,
      `select informix.systables.tabname, count(*) from informix.systables, informix.syscolumns
        where informix.syscolumns.tabid = informix.systables.tabid and informix.systables.tabname = 'tp'
        group by informix.systables.tabname`,
    );
    assert.deepEqual(r.rows, [["tp", "2"]]);
    const f = await query(s, "select tools_db:informix.schema_coltypename(2, 0) from systables where tabid = 1");
    assert.deepEqual(f.rows, [["INTEGER"]]);
  });
});
