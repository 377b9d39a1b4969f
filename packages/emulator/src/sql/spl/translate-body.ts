// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// SPL statements → PL/pgSQL lines. The mapping:
//   block (DEFINEs)           <<ifx_bN>> DECLARE ... BEGIN ... END
//   LET a = e / LET a, b = …  a := e / SELECT … INTO a, b (a call: SELECT * INTO a, b FROM f(…))
//   IF/ELIF/ELSE              IF/ELSIF/ELSE
//   FOR i = a TO b STEP s     FOR i IN SELECT generate_series(a, b, s) LOOP (lists: UNION ALL);
//                             the variable is the DEFINEd one, as in IDS (it keeps its value)
//   WHILE / LOOP              WHILE … LOOP / LOOP
//   FOREACH SELECT … INTO v   FOR v IN SELECT … LOOP (EXECUTE PROCEDURE f(): SELECT * FROM f())
//   EXIT/CONTINUE FOR|…       EXIT/CONTINUE <label of the innermost loop of that kind>
//   RETURN v [WITH RESUME]    OUT parameters := v; RETURN (iterator: RETURN NEXT [; RETURN])
//   RAISE EXCEPTION c, i, t   RAISE EXCEPTION SQLSTATE IXSPL, DETAIL 'c:i', MESSAGE t
//   CALL / EXECUTE PROCEDURE  PERFORM * FROM f(…) / SELECT * INTO … FROM f(…)
//   SYSTEM                    refused at run time: -668, as IDS reports a command it cannot run
//   TRACE, SET DEBUG FILE     NULL (ignored)
// ON EXCEPTION: PostgreSQL undoes a whole BEGIN … EXCEPTION block when it catches an error,
// IDS only the failing statement. So each simple statement under a handler gets its own
// BEGIN … EXCEPTION WHEN OTHERS wrapper that runs the matching handler (and re-raises
// otherwise); without WITH RESUME the handler then leaves the block (EXIT ifx_bN), with it
// control goes on at the next statement. Nested blocks wrap innermost handlers first.

import { InformixSqlError } from "../../engine/informix-sql-error.js";
import { pgIdent, pgString } from "../context.js";
import type { Block, Expr, Handler, LoopKind, Routine, Stmt } from "./ast.js";
import { SPL_RAISE_SQLSTATE } from "./runtime-sql.js";
import type { Line, SqlTranslator } from "./translate-sql.js";

const SYSTEM_FAILED = -668;

interface HandlerLevel {
  readonly label: string;
  /** Pre-translated handler lines (run inside EXCEPTION WHEN OTHERS). */
  readonly lines: readonly Line[];
}

function err(at: number): InformixSqlError {
  return new InformixSqlError(-201, 0, "", at + 1);
}

function indent(lines: readonly Line[]): Line[] {
  return lines.map((l) => ({ text: `  ${l.text}`, at: l.at }));
}

export class BodyTranslator {
  private counter = 0;
  private loops: { kind: LoopKind; label: string; user: string | null }[] = [];
  private handlers: HandlerLevel[] = [];
  /** DEFINE GLOBAL names and their PostgreSQL types. */
  private readonly globals = new Map<string, string>();
  /** True once some block has an ON EXCEPTION (the routine declares the diagnostics variables). */
  usesHandlers = false;

  constructor(
    private readonly routine: Routine,
    private readonly sql: SqlTranslator,
    /** OUT parameter names, one per RETURNING value. */
    private readonly outs: readonly string[],
  ) {}

  private e(x: Expr): string {
    return this.sql.expr(x);
  }

  private targets(names: readonly string[]): string {
    return names.map(pgIdent).join(", ");
  }

  block(b: Block): Line[] {
    const label = `ifx_b${this.counter++}`;
    const decl: Line[] = [];
    const init: Line[] = [];
    for (const d of b.defines) {
      for (const n of d.names) {
        decl.push({ text: `${pgIdent(n)} ${d.type.pg};`, at: d.at });
        if (!d.global) continue;
        this.globals.set(n, d.type.pg);
        const dflt = d.default ? `CAST((${this.e(d.default)}) AS text)` : "NULL";
        init.push({
          text: `${pgIdent(n)} := CAST(ifx.spl_global_get(${pgString(n)}, ${dflt}) AS ${d.type.pg});`,
          at: d.at,
        });
      }
    }
    const pushed = b.handlers.length > 0;
    if (pushed) {
      this.usesHandlers = true;
      this.handlers.push({ label, lines: this.handlerLines(b.handlers, label) });
    }
    const body = b.body.flatMap((s) => this.stmt(s));
    if (pushed) this.handlers.pop();
    return [
      { text: `<<${label}>>`, at: b.at },
      ...(decl.length > 0 ? [{ text: "DECLARE", at: b.at }, ...indent(decl)] : []),
      { text: "BEGIN", at: b.at },
      ...indent(init),
      ...indent(body),
      { text: "END;", at: b.at },
    ];
  }

  private handlerLines(handlers: readonly Handler[], label: string): Line[] {
    const at = handlers[0]!.at;
    const out: Line[] = [
      {
        text: "GET STACKED DIAGNOSTICS ifx_state = RETURNED_SQLSTATE, ifx_text = MESSAGE_TEXT, ifx_detail = PG_EXCEPTION_DETAIL;",
        at,
      },
      {
        text: "ifx_sqlcode := ifx.spl_sqlcode(ifx_state, ifx_detail); ifx_isam := ifx.spl_isamcode(ifx_state, ifx_detail);",
        at,
      },
    ];
    handlers.forEach((h, k) => {
      const cond = h.codes === null ? "TRUE" : `ifx_sqlcode IN (${h.codes.map((c) => this.e(c)).join(", ")})`;
      out.push({ text: `${k === 0 ? "IF" : "ELSIF"} ${cond} THEN`, at: h.at });
      const sets = ["ifx_sqlcode", "ifx_isam", "ifx_text"];
      const body: Line[] = h.set.map((v, i) => ({ text: `${pgIdent(v)} := ${sets[i]};`, at: h.at }));
      body.push(...h.body.flatMap((s) => this.stmt(s)));
      if (!h.resume) body.push({ text: `EXIT ${label};`, at: h.at });
      out.push(...indent(body));
    });
    out.push({ text: "ELSE", at }, { text: "  RAISE;", at }, { text: "END IF;", at });
    return out;
  }

  /** A simple statement, wrapped by every enclosing ON EXCEPTION level (innermost first). */
  private leaf(lines: Line[], at: number, assigned: readonly string[] = [], sync = true): Line[] {
    let out = [...lines, ...(sync ? this.syncGlobals(assigned, at) : [])];
    for (let k = this.handlers.length - 1; k >= 0; k--) {
      out = [
        { text: "BEGIN", at },
        ...indent(out),
        { text: "EXCEPTION WHEN OTHERS THEN", at },
        ...indent(this.handlers[k]!.lines),
        { text: "END;", at },
      ];
    }
    return out;
  }

  /** After a statement: store the globals it assigned, or re-read them all (a routine it called may have set them). */
  private syncGlobals(assigned: readonly string[], at: number): Line[] {
    if (this.globals.size === 0) return [];
    const mine = assigned.filter((n) => this.globals.has(n));
    if (mine.length > 0) {
      return mine.map((n) => ({
        text: `PERFORM ifx.spl_global_set(${pgString(n)}, CAST(${pgIdent(n)} AS text));`,
        at,
      }));
    }
    return [...this.globals].map(([n, type]) => ({
      text: `${pgIdent(n)} := CAST(ifx.spl_global_get(${pgString(n)}, NULL) AS ${type});`,
      at,
    }));
  }

  private loop(kind: LoopKind, user: string | null, at: number, head: string, body: readonly Stmt[]): Line[] {
    const label = `ifx_l${this.counter++}`;
    this.loops.push({ kind, label, user });
    const lines = body.flatMap((s) => this.stmt(s));
    this.loops.pop();
    return [{ text: `<<${label}>>`, at }, { text: `${head} LOOP`, at }, ...indent(lines), { text: "END LOOP;", at }];
  }

  stmt(s: Stmt): Line[] {
    const at = s.at;
    switch (s.kind) {
      case "block":
        return this.block(s);
      case "let":
        return this.leaf(this.let(s.targets, s.values, at), at, s.targets);
      case "if": {
        const out: Line[] = [];
        s.branches.forEach((b, k) => {
          out.push({ text: `${k === 0 ? "IF" : "ELSIF"} ${this.e(b.cond)} THEN`, at: b.cond.at });
          out.push(...indent(b.body.flatMap((x) => this.stmt(x))));
        });
        if (s.otherwise) out.push({ text: "ELSE", at }, ...indent(s.otherwise.flatMap((x) => this.stmt(x))));
        out.push({ text: "END IF;", at });
        return out;
      }
      case "for": {
        const parts = s.items.map((it) =>
          it.to === null
            ? `SELECT ${this.e(it.from)}`
            : `SELECT generate_series(${this.e(it.from)}, ${this.e(it.to)}, ${it.step ? this.e(it.step) : "1"})`,
        );
        return this.loop("for", s.label, at, `FOR ${pgIdent(s.variable)} IN ${parts.join(" UNION ALL ")}`, s.body);
      }
      case "while":
        return this.loop("while", s.label, at, `WHILE ${this.e(s.cond)}`, s.body);
      case "loop":
        return this.loop("loop", s.label, at, "", s.body).map((l) =>
          l.text === " LOOP" ? { text: "LOOP", at: l.at } : l,
        );
      case "foreach": {
        const query =
          "select" in s.source ? this.sql.sql(s.source.select, at) : `SELECT * FROM ${this.sql.call(s.source.call)}`;
        return this.loop("foreach", s.label, at, `FOR ${this.targets(s.into)} IN ${query}`, s.body);
      }
      case "exit":
      case "continue": {
        const target = [...this.loops]
          .reverse()
          .find((l) => (s.label !== null ? l.user === s.label : s.loop === null || l.kind === s.loop));
        if (target === undefined) throw err(at);
        const when = s.when ? ` WHEN ${this.e(s.when)}` : "";
        return [{ text: `${s.kind.toUpperCase()} ${target.label}${when};`, at }];
      }
      case "return":
        return this.leaf(this.return(s.values, s.resume, at), at, [], false);
      case "raise": {
        const code = this.e(s.sqlcode);
        const isam = s.isam ? this.e(s.isam) : "0";
        const text = s.text ? `COALESCE(CAST((${this.e(s.text)}) AS text), '')` : "''";
        return this.leaf(
          [raise(`CAST((${code}) AS text) || ':' || CAST(COALESCE((${isam}), 0) AS text)`, text, at)],
          at,
        );
      }
      case "call": {
        const call = this.sql.call(s.call);
        const text =
          s.into.length > 0 ? `SELECT * INTO ${this.targets(s.into)} FROM ${call};` : `PERFORM * FROM ${call};`;
        return this.leaf([{ text, at }], at, s.into);
      }
      case "system":
        return this.leaf([raise(pgString(`${SYSTEM_FAILED}:0`), "''", at)], at, [], false);
      case "noop":
        return [{ text: "NULL;", at }];
      case "sql": {
        const sql = this.sql.sql(s.text, at);
        const text = s.into.length > 0 ? `${sql} INTO ${this.targets(s.into)};` : `${sql};`;
        return this.leaf([{ text, at }], at, s.into);
      }
    }
  }

  private let(targets: readonly string[], values: readonly Expr[], at: number): Line[] {
    if (targets.length === 1 && values.length === 1) {
      return [{ text: `${pgIdent(targets[0]!)} := ${this.e(values[0]!)};`, at }];
    }
    const into = this.targets(targets);
    if (values.length === 1) {
      const v = values[0]!;
      const toks = v.tokens;
      const first = toks[0];
      const last = toks[toks.length - 1];
      if (first?.text === "(" && toks[1]?.value === "select" && last?.text === ")") {
        const inner = { start: toks[1]!.start, end: last.start };
        return [{ text: `${this.sql.sql(inner, at)} INTO ${into};`, at }];
      }
      return [{ text: `SELECT * INTO ${into} FROM ${this.e(v)};`, at }];
    }
    if (values.length !== targets.length) throw err(at);
    return [{ text: `SELECT ${values.map((v) => this.e(v)).join(", ")} INTO ${into};`, at }];
  }

  private return(values: readonly Expr[], resume: boolean, at: number): Line[] {
    if (values.length > this.outs.length) throw err(at);
    const out: Line[] = values.map((v, k) => ({ text: `${pgIdent(this.outs[k]!)} := ${this.e(v)};`, at }));
    if (this.routine.iterator) {
      if (values.length > 0) out.push({ text: "RETURN NEXT;", at });
      if (!resume) out.push({ text: "RETURN;", at });
    } else {
      if (resume) throw err(at);
      out.push({ text: "RETURN;", at });
    }
    return out;
  }
}

function raise(detail: string, message: string, at: number): Line {
  return {
    text: `RAISE EXCEPTION USING ERRCODE = '${SPL_RAISE_SQLSTATE}', MESSAGE = ${message}, DETAIL = ${detail};`,
    at,
  };
}
