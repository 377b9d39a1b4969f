// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The syntax tree of an Informix CREATE TRIGGER (IDS Guide to SQL: Syntax, "CREATE TRIGGER
// statement"), as parse-trigger.ts builds it and translate-trigger.ts turns it into a PL/pgSQL
// trigger function. Conditions and action statements stay source slices: the SQL rewriter
// translates them, as it does SPL bodies (sql/spl/translate-sql.ts). `at` is a 0-based offset.

import type { Token } from "../tokenizer.js";

export type TriggerEvent = "insert" | "delete" | "update" | "select";

/** One statement of a triggered-action list. */
export type TriggerAction =
  /** INSERT, UPDATE or DELETE: its source text, rewritten as a top-level statement. */
  | { readonly kind: "sql"; readonly start: number; readonly end: number; readonly at: number }
  /**
   * EXECUTE PROCEDURE|FUNCTION name(args) [INTO col, ...]: the call's tokens (name through `)`);
   * INTO (FOR EACH ROW of an INSERT or UPDATE trigger) sets those columns of the new row.
   */
  | { readonly kind: "call"; readonly tokens: readonly Token[]; readonly into: readonly string[]; readonly at: number };

/** `[WHEN (condition)] (action, ...)`. */
export interface TriggeredAction {
  readonly when: { readonly tokens: readonly Token[]; readonly at: number } | null;
  readonly actions: readonly TriggerAction[];
  readonly at: number;
}

export interface Trigger {
  readonly name: string;
  readonly ifNotExists: boolean;
  readonly event: TriggerEvent;
  /** UPDATE OF / SELECT OF columns (empty: any column). */
  readonly columns: readonly string[];
  /** The table (or, for INSTEAD OF, the view), unqualified. */
  readonly table: string;
  readonly insteadOf: boolean;
  /** REFERENCING OLD / NEW correlation names. */
  readonly old: string | null;
  readonly new: string | null;
  readonly before: readonly TriggeredAction[];
  readonly row: readonly TriggeredAction[];
  readonly after: readonly TriggeredAction[];
  readonly enabled: boolean;
  /** Offset where the action clause starts (systrigbody splits the text there: 'D' header, 'A' actions). */
  readonly actionStart: number;
  readonly at: number;
}
