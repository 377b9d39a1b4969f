// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The syntax tree of an SPL routine (CREATE PROCEDURE / CREATE FUNCTION), as parse-*.ts
// build it and translate-*.ts turn it into PL/pgSQL. Expressions and embedded SQL stay
// token slices of the source: the SQL rewriter (rewrite-expr, rewriter) owns their
// Informix → PostgreSQL translation, so SPL and top-level SQL share one dialect. `at` is
// the 0-based source offset of the node (errors report it 1-based, as IDS does).

import type { Token } from "../tokenizer.js";

/** An expression: tokens of the source, rewritten by rewrite-expr when translated. */
export interface Expr {
  readonly tokens: readonly Token[];
  readonly at: number;
}

/** An SPL type: PostgreSQL type text (a declared Informix type, or `tab.col%TYPE` for LIKE). */
export interface SplType {
  readonly pg: string;
}

/** IN (the default), OUT or INOUT (IDS 10+; sysproccolumns.paramattr 1, 4, 2). */
export type ParamMode = "in" | "out" | "inout";

export interface Param {
  readonly name: string;
  readonly mode: ParamMode;
  readonly type: SplType;
  readonly default: Expr | null;
  readonly at: number;
}

export interface ReturnValue {
  readonly type: SplType;
  /** RETURNING INT AS total: the column name clients see. */
  readonly name: string | null;
}

export interface Define {
  readonly names: readonly string[];
  readonly type: SplType;
  readonly global: boolean;
  /** DEFINE GLOBAL ... DEFAULT value. */
  readonly default: Expr | null;
  readonly at: number;
}

export interface Handler {
  /** ON EXCEPTION IN (codes); null catches every error. */
  readonly codes: readonly Expr[] | null;
  /** SET sqlcode_var [, isam_var [, text_var]]. */
  readonly set: readonly string[];
  readonly body: readonly Stmt[];
  /** WITH RESUME: go on after the failing statement instead of leaving the block. */
  readonly resume: boolean;
  readonly at: number;
}

export interface Block {
  readonly kind: "block";
  readonly defines: readonly Define[];
  readonly handlers: readonly Handler[];
  readonly body: readonly Stmt[];
  readonly at: number;
}

/** SQL text of the source between two offsets, with an INTO list already blanked out. */
export interface SqlText {
  readonly start: number;
  readonly end: number;
}

export type LoopKind = "for" | "while" | "foreach" | "loop";

export interface ForItem {
  readonly from: Expr;
  readonly to: Expr | null;
  readonly step: Expr | null;
}

/** `name(args)` of CALL / EXECUTE PROCEDURE / FOREACH EXECUTE. */
export interface Call {
  readonly tokens: readonly Token[];
  readonly at: number;
}

export type Stmt =
  | Block
  | { readonly kind: "let"; readonly targets: readonly string[]; readonly values: readonly Expr[]; readonly at: number }
  | {
      readonly kind: "if";
      readonly branches: readonly { readonly cond: Expr; readonly body: readonly Stmt[] }[];
      readonly otherwise: readonly Stmt[] | null;
      readonly at: number;
    }
  | {
      readonly kind: "for";
      readonly variable: string;
      readonly items: readonly ForItem[];
      readonly body: readonly Stmt[];
      readonly label: string | null;
      readonly at: number;
    }
  | {
      readonly kind: "while";
      readonly cond: Expr;
      readonly body: readonly Stmt[];
      readonly label: string | null;
      readonly at: number;
    }
  | { readonly kind: "loop"; readonly body: readonly Stmt[]; readonly label: string | null; readonly at: number }
  | {
      readonly kind: "foreach";
      /** The SELECT (INTO blanked) or the routine called with EXECUTE PROCEDURE/FUNCTION. */
      readonly source: { readonly select: SqlText } | { readonly call: Call };
      readonly into: readonly string[];
      readonly body: readonly Stmt[];
      readonly label: string | null;
      readonly at: number;
    }
  | {
      readonly kind: "exit" | "continue";
      readonly loop: LoopKind | null;
      readonly label: string | null;
      readonly when: Expr | null;
      readonly at: number;
    }
  | { readonly kind: "return"; readonly values: readonly Expr[]; readonly resume: boolean; readonly at: number }
  | {
      readonly kind: "raise";
      readonly sqlcode: Expr;
      readonly isam: Expr | null;
      readonly text: Expr | null;
      readonly at: number;
    }
  | { readonly kind: "call"; readonly call: Call; readonly into: readonly string[]; readonly at: number }
  | { readonly kind: "system"; readonly command: Expr; readonly at: number }
  /** TRACE and SET DEBUG FILE: accepted and ignored (IDS writes a trace file on the server). */
  | { readonly kind: "noop"; readonly at: number }
  | { readonly kind: "sql"; readonly text: SqlText; readonly into: readonly string[]; readonly at: number };

export interface Routine {
  /** CREATE PROCEDURE or CREATE FUNCTION (sysprocedures.isproc). */
  readonly kind: "procedure" | "function";
  readonly name: string;
  readonly dba: boolean;
  readonly ifNotExists: boolean;
  readonly params: readonly Param[];
  readonly returns: readonly ReturnValue[];
  readonly body: Block;
  /** Has RETURN ... WITH RESUME: returns many rows. */
  readonly iterator: boolean;
  readonly document: string | null;
  readonly at: number;
}
