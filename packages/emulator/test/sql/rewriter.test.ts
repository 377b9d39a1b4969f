// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { InformixSqlError } from "../../src/engine/informix-sql-error.js";
import type { RewriteContext } from "../../src/sql/context.js";
import type { Plan, SqlPlan } from "../../src/sql/plan.js";
import { rewrite } from "../../src/sql/rewriter.js";

const ctx: RewriteContext = {
  user: "informix",
  database: "stores",
  tempSchema: "ifx_tmp_1",
  serverName: "ol_test",
  hostName: "testhost",
  sessionId: 7,
  lastSerial: 42,
  lastRowCount: 3,
  lastSerial8: 0n,
  lastBigserial: 0n,
};

function sql(text: string): SqlPlan {
  const p = rewrite(text, ctx);
  assert.equal(p.kind, "sql");
  return p as SqlPlan;
}

function norm(s: string): string {
  return s.replace(/\s+/g, " ").replace(/\( /g, "(").replace(/ \)/g, ")").trim();
}

function pg(text: string): string {
  return norm(sql(text).sql);
}

describe("rewriter: statement classification", () => {
  const cases: [string, number, boolean][] = [
    ["select * from t", 2, true],
    ["insert into t values (1)", 6, false],
    ["update t set a = 1 where b = 2", 4, false],
    ["update t set a = 1", 33, false],
    ["delete from t where a = 1", 5, false],
    ["delete from t", 32, false],
    ["create table t (a int)", 14, false],
    ["create temp table t (a int)", 45, false],
    ["create index i on t (a)", 16, false],
    ["drop table t", 15, false],
    ["execute function f(1)", 56, true],
  ];
  for (const [text, type, isQuery] of cases) {
    it(text, () => {
      const p = sql(text);
      assert.equal(p.statementType, type);
      assert.equal(p.isQuery, isQuery);
    });
  }

  it("engine commands", () => {
    const kinds = (t: string): Plan => rewrite(t, ctx);
    assert.deepEqual(kinds("create database x with buffered log"), {
      statementType: 12,
      isQuery: false,
      kind: "createDatabase",
      name: "x",
      log: "buffered",
    });
    assert.equal(kinds("database x exclusive").kind, "database");
    assert.equal(kinds("begin work").statementType, 34);
    assert.equal(kinds("commit work").statementType, 35);
    assert.equal(kinds("rollback").statementType, 36);
    assert.deepEqual(kinds("set lock mode to wait 5"), {
      statementType: 46,
      isQuery: false,
      kind: "lockMode",
      wait: 5,
    });
    assert.equal((kinds("set lock mode to wait") as { wait: number }).wait, -1);
    assert.equal((kinds("set lock mode to not wait") as { wait: number }).wait, 0);
    assert.equal(kinds("savepoint s1 unique").kind, "savepoint");
    assert.equal(kinds("rollback work to savepoint s1").kind, "rollbackToSavepoint");
    assert.equal(kinds("update statistics for table t").kind, "noop");
  });

  it("rejects unknown statements with -201 at the first token", () => {
    assert.throws(
      () => rewrite("  frobnicate t", ctx),
      (e: unknown) => e instanceof InformixSqlError && e.sqlcode === -201 && e.offset === 3,
    );
  });

  it("needs an open database for SQL (-349)", () => {
    assert.throws(
      () => rewrite("select 1 from t", { ...ctx, database: null }),
      (e: unknown) => e instanceof InformixSqlError && e.sqlcode === -349,
    );
  });
});

describe("rewriter: dialect", () => {
  it("FIRST / SKIP / LIMIT", () => {
    assert.equal(pg("select first 5 skip 2 a from t order by a"), "select a from t order by a LIMIT 5 OFFSET 2");
    assert.equal(pg("select limit 3 a from t"), "select a from t LIMIT 3");
    assert.equal(pg("select first ? a from t"), "select a from t LIMIT $1");
    assert.equal(
      pg("select first 1 a from t union select b from u"),
      "(select a from t LIMIT 1) union select b from u",
    );
  });

  it('table names: db:owner.table, owner.table, "owner".table', () => {
    assert.equal(pg("select * from stores:informix.customer"), 'select * from "stores".customer');
    assert.equal(pg('select tabname from "informix".systables'), "select tabname from systables");
    assert.equal(pg("select * from sysmaster:sysdual, informix.t"), 'select * from "sysmaster".sysdual, t');
    assert.equal(pg("insert into db:t values (1)"), 'insert into "db".t values (1)');
  });

  it("TODAY, CURRENT, DATETIME and INTERVAL literals", () => {
    assert.equal(pg("select today from t"), 'select CURRENT_DATE AS "(today)" from t');
    assert.equal(pg("select current year to second from t"), 'select LOCALTIMESTAMP(0) AS "(current)" from t');
    assert.equal(pg("select current from t"), 'select LOCALTIMESTAMP(3) AS "(current)" from t');
    assert.equal(
      pg("select datetime(2024-01-02 10:11:12.123) year to fraction(3) from t"),
      "select TIMESTAMP '2024-01-02 10:11:12.123' AS \"(expression)\" from t",
    );
    assert.equal(
      pg("select datetime(10:11) hour to minute from t"),
      "select TIME '10:11:00' AS \"(expression)\" from t",
    );
    assert.equal(
      pg("select interval(-3 03:27:01.5) day to fraction(1) from t"),
      "select INTERVAL '-3 days -3 hours -27 minutes -1.5 seconds' AS \"(expression)\" from t",
    );
    assert.equal(
      pg("select interval(5-02) year to month from t"),
      "select INTERVAL '5 years 2 months' AS \"(expression)\" from t",
    );
  });

  it("MATCHES, NVL, DECODE, MDY, DATE, YEAR, UNITS, EXTEND", () => {
    assert.equal(
      pg("select a from t where a matches 'A*'"),
      "select a from t where CAST(a AS text) ~ ifx.matches_re('A*')",
    );
    assert.equal(
      pg("select a from t where a not matches ?"),
      "select a from t where CAST(a AS text) !~ ifx.matches_re($1)",
    );
    assert.equal(pg("select nvl(a, 0) from t"), 'select coalesce(a, 0) AS "(expression)" from t');
    assert.equal(
      pg("select decode(a, 1, 'x', 'y') from t"),
      "select (CASE a WHEN 1 THEN 'x' ELSE 'y' END) AS \"(expression)\" from t",
    );
    assert.equal(
      pg("select mdy(12, 25, 2024) from t"),
      'select ifx.mdy(CAST(12 AS int), CAST(25 AS int), CAST(2024 AS int)) AS "(expression)" from t',
    );
    assert.equal(pg("select date(a) from t"), 'select ifx.date(a) AS "(expression)" from t');
    assert.equal(
      pg("select year(d) from t"),
      'select CAST(EXTRACT(YEAR FROM CAST(d AS timestamp)) AS smallint) AS "(expression)" from t',
    );
    assert.equal(pg("select d + 3 units day from t"), "select d + (3) * INTERVAL '1 day' AS \"(expression)\" from t");
    assert.equal(
      pg("select extend(d, year to minute) from t"),
      "select date_trunc('minute', CAST(d AS timestamp)) AS \"(expression)\" from t",
    );
  });

  it("DBINFO, USER, SITENAME and casts with Informix type names", () => {
    assert.equal(
      pg("select dbinfo('dbhostname'), dbinfo('sessionid'), user, sitename from t"),
      `select CAST('testhost' AS varchar(8)) AS "(expression)", 7 AS "(expression)", 'informix' AS "(user)", 'ol_test' AS "(sitename)" from t`,
    );
    assert.equal(pg("select dbinfo('sqlca.sqlerrd1') from t"), 'select 42 AS "(expression)" from t');
    assert.equal(sql("select dbinfo('sqlca.sqlerrd1') from t").dynamic, true);
    assert.equal(
      pg("select a::decimal(10,2), cast(b as lvarchar(100)) from t"),
      'select a::numeric(10,2) AS "(expression)", CAST(b AS varchar(100)) AS "(expression)" from t',
    );
    assert.equal(pg('select a from t where b = "text"'), "select a from t where b = 'text'");
  });

  it("old OUTER join becomes LEFT JOIN with the join condition in ON", () => {
    assert.equal(
      pg("select c.a, o.b from c, outer o where c.k = o.k and c.x = 1"),
      "select c.a, o.b FROM c LEFT JOIN o ON (c.k = o.k) WHERE (c.x = 1)",
    );
  });

  it("INTO TEMP becomes CREATE TABLE in the session's temp schema", () => {
    const p = sql("select a from t into temp tt with no log");
    assert.equal(p.isQuery, false);
    assert.equal(p.intoTemp, "tt");
    assert.equal(norm(p.sql), 'CREATE TABLE "ifx_tmp_1"."tt" AS select a from t');
  });

  it("CREATE TABLE maps types and moves constraint names", () => {
    const p = sql(
      "create table t (id serial(100), n char(20) not null, d decimal(10,2), u varchar(30) unique constraint u_t, " +
        "primary key (id) constraint pk_t) in dbs1 extent size 16 lock mode row",
    );
    assert.equal(
      norm(p.sql),
      'CREATE TABLE "stores"."t" ("id" integer, "n" char(20) not null, "d" numeric(10,2), "u" varchar(30) CONSTRAINT u_t unique, CONSTRAINT pk_t primary key (id))',
    );
    assert.deepEqual(
      p.table?.columns.map((c) => [c.name, c.type.code, c.type.encodedLength]),
      [
        ["id", 6, 4],
        ["n", 0, 20],
        ["d", 5, (10 << 8) | 2],
        ["u", 13, 30],
      ],
    );
    assert.deepEqual(p.table?.columns[0]?.type.serial, { kind: "serial", start: 100 });
  });

  it("maps PostgreSQL error positions back to the Informix source offset", () => {
    const p = sql("select first 2 nosuch from t");
    const pos = p.sql.indexOf("nosuch") + 1;
    assert.equal(p.sourceOffset(pos), 16);
  });
});

describe("rewriter: tables a statement depends on (-710)", () => {
  it("lists the tables of queries and DML, at any depth", () => {
    assert.deepEqual(sql("select a from t, outer u where t.x = u.x and a in (select b from v)").tables, [
      "t",
      "u",
      "v",
    ]);
    assert.deepEqual(sql("select * from stores:informix.t join t on 1 = 1").tables, ['"stores".t', "t"]);
    assert.deepEqual(sql("insert into t (a) select b from u").tables, ["t", "u"]);
    assert.deepEqual(sql("update t set a = 1 where b = 2").tables, ["t"]);
    assert.deepEqual(sql("delete from t").tables, ["t"]);
    assert.equal(sql("create table t (a int)").tables, undefined);
  });

  it("names the table ALTER/DROP/RENAME changes; CREATE/DROP INDEX changes none", () => {
    assert.equal(sql("alter table t add (c int)").alters, "t");
    assert.equal(sql("drop table informix.t").alters, "t");
    assert.equal(sql("rename table t to u").alters, "t");
    assert.equal(sql("rename column t.a to b").alters, "t");
    assert.equal(sql("drop view v").alters, "v");
    assert.equal(sql("drop synonym s").alters, "s");
    assert.equal(sql("create index i on t (a)").alters, undefined);
    assert.equal(sql("drop index i").alters, undefined);
    assert.equal(sql("alter sequence s increment by 2").alters, undefined);
  });
});

describe("rewriter: select-list literals and placeholders", () => {
  it("rejects a bare placeholder in a select list with -201 at the `?`", () => {
    for (const [text, offset] of [
      ["select ? from t", 8],
      ["select ? as v from t", 8],
      ["select a, ? v from t", 11],
      ["select a from t where a in (select ? from u)", 36],
      ["select a from t union select ? from u", 30],
    ] as const) {
      assert.throws(
        () => rewrite(text, ctx),
        (e: unknown) => e instanceof InformixSqlError && e.sqlcode === -201 && e.offset === offset,
        text,
      );
    }
    assert.match(
      pg("select ?::integer, cast(? as integer) v, ? + 1 from t"),
      /^select \$1::integer AS "\(expression\)", CAST\(\$2 AS integer\) v, \$3 \+ 1 AS "\(expression\)"/,
    );
    assert.match(pg("select first ? a from t where a = ?"), /LIMIT \$1$/);
  });

  it("casts literals to their IDS types and names them (constant)", () => {
    assert.equal(
      pg("select 'abc', 'it''s' x, 7, -2 as n, 3000000000, 12.50, 0.001, 1e3, '' from t"),
      `select CAST('abc' AS char(3)) AS "(constant)", CAST('it''s' AS char(4)) x, CAST(7 AS integer) AS "(constant)", ` +
        `CAST(-2 AS integer) as n, CAST(3000000000 AS numeric(10,0)) AS "(constant)", ` +
        `CAST(12.50 AS numeric(4,2)) AS "(constant)", CAST(0.001 AS numeric(3,3)) AS "(constant)", ` +
        `CAST(1e3 AS double precision) AS "(constant)", '' AS "(constant)" from t`,
    );
    assert.equal(
      pg("select count(*), count(*) n, count(a) from t"),
      'select CAST(count(*) AS numeric(15,0)) AS "(count(*))", CAST(count(*) AS numeric(15,0)) n, ' +
        "CAST(count(a) AS numeric(15,0)) from t",
    );
    assert.equal(pg("select a from t where b = 'x' and c = 1"), "select a from t where b = 'x' and c = 1");
    assert.equal(pg("insert into t select 'x', 1 from u"), "insert into t select 'x', 1 from u");
  });
});
