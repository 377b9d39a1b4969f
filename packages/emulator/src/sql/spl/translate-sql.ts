// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// How the SPL translator hands expressions and embedded SQL to the SQL rewriter, so that
// SPL bodies speak the same Informix dialect as top-level statements: an expression goes
// through the table-name and expression passes; an SQL statement goes through rewrite()
// (handed in by the rewriter, which imports this folder), on its source text padded with blanks to its offset, so that any error the
// rewriter raises carries its offset in the whole CREATE statement. Only statements that
// become PostgreSQL SQL may appear (not DATABASE, BEGIN WORK, ...: -201 at the statement).

import { InformixSqlError } from "../../engine/informix-sql-error.js";
import type { RewriteContext } from "../context.js";
import type { Plan } from "../plan.js";
import { render } from "../render.js";
import { rewriteExpr } from "../rewrite-expr.js";
import { rewriteTableNames } from "../rewrite-names.js";
import type { Call, Expr, SqlText } from "./ast.js";

/** One line of PL/pgSQL and the source offset of the SPL it came from. */
export interface Line {
  readonly text: string;
  readonly at: number;
}

export class SqlTranslator {
  constructor(
    /** The CREATE statement, with SELECT ... INTO lists blanked. */
    readonly source: string,
    readonly ctx: RewriteContext,
    /** rewriter.ts's rewrite(), bound to the session's context. */
    private readonly rewrite: (sql: string) => Plan,
  ) {}

  expr(e: Expr): string {
    return render(rewriteExpr(rewriteTableNames(e.tokens), this.ctx)).sql;
  }

  call(c: Call): string {
    return this.expr(c);
  }

  /** The PostgreSQL text of an embedded SQL statement. */
  sql(text: SqlText, at: number): string {
    const plan = this.rewrite(" ".repeat(text.start) + this.source.slice(text.start, text.end));
    if (plan.kind !== "sql") throw new InformixSqlError(-201, 0, "", at + 1);
    return plan.sql;
  }
}
