// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The smart-LOB functions the server carries out itself, found in the statement text
// before the engine sees it (the engine cannot talk to the client mid-statement):
//
//   FILETOBLOB(name, 'client'|'server') / FILETOCLOB(...)   anywhere a value goes: becomes a
//       hidden `?`; at execution the file is read (SQ_FILE from the client, or the emulator's
//       own file system) into a new smart LOB whose locator fills that parameter
//   LOTOFILE(lob, name, 'client'|'server')   a select-list item: the engine returns the
//       locator; each fetched row writes the LOB to `name.<16 hex digits>` and the column
//       is that file name
//   IFX_LO_OPEN(lob, mode)                    a select-list item: the column is the new LO fd
//   LOCOPY(lob)                               a select-list item: the column is a new copy's locator
//
// Anything else about them (a LOTOFILE outside the select list) is -9810.

import { InformixSqlError } from "../engine/informix-sql-error.js";
import { isOp, isWord, type Token, tokenize } from "../sql/tokenizer.js";
import { type LobKind, SQLCODE_SMART_LOB } from "./sbspace.js";

export interface LobInput {
  /** 0-based position among the rewritten statement's `?` markers. */
  readonly param: number;
  readonly kind: LobKind;
  readonly name: string;
  readonly client: boolean;
}

export type LobOutput =
  | { readonly fn: "lotofile"; readonly column: number; readonly name: string; readonly client: boolean }
  | { readonly fn: "open"; readonly column: number; readonly mode: number }
  | { readonly fn: "locopy"; readonly column: number };

export interface LobSqlPlan {
  readonly sql: string;
  readonly inputs: readonly LobInput[];
  readonly outputs: readonly LobOutput[];
}

const FUNCTIONS = new Set(["filetoblob", "filetoclob", "lotofile", "ifx_lo_open", "locopy"]);

const bad = (t: Token | undefined) => new InformixSqlError(SQLCODE_SMART_LOB, 0, "", (t?.start ?? 0) + 1);

/** The rewritten statement when it calls one of the functions above; else undefined. */
export function planLobSql(sql: string): LobSqlPlan | undefined {
  if (!/filetoblob|filetoclob|lotofile|ifx_lo_open|locopy/i.test(sql)) return undefined;
  const tokens = tokenize(sql);
  const inputs: LobInput[] = [];
  const outputs: LobOutput[] = [];
  let out = "";
  let copied = 0;
  let params = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === "param") params++;
    if (t.kind !== "word" || !FUNCTIONS.has(t.value) || !isOp(tokens[i + 1], "(")) continue;
    const close = matching(tokens, i + 1);
    const args = splitArgs(tokens, i + 2, close);
    const text = (a: Token[]) => sql.slice(a[0]!.start, end(a.at(-1)!));
    const str = (a: Token[] | undefined) => {
      if (a?.length !== 1 || a[0]!.kind !== "string") throw bad(t);
      return a[0]!.value;
    };
    const where = (a: Token[] | undefined) => {
      const w = str(a).toLowerCase();
      if (w !== "client" && w !== "server") throw bad(t);
      return w === "client";
    };
    let replacement: string;
    if (t.value === "filetoblob" || t.value === "filetoclob") {
      if (args.length < 2) throw bad(t);
      inputs.push({
        param: params + inputs.length,
        kind: t.value === "filetoblob" ? "blob" : "clob",
        name: str(args[0]),
        client: where(args[1]),
      });
      replacement = "?";
    } else {
      const column = selectListIndex(tokens, i);
      if (column < 0 || args.length === 0 || args[0]!.length === 0) throw bad(t);
      if (t.value === "lotofile") {
        if (args.length !== 3) throw bad(t);
        outputs.push({ fn: "lotofile", column, name: str(args[1]), client: where(args[2]) });
      } else if (t.value === "ifx_lo_open") {
        const mode = args[1];
        if (args.length !== 2 || mode?.length !== 1 || mode[0]!.kind !== "number") throw bad(t);
        outputs.push({ fn: "open", column, mode: Number(mode[0]!.text) });
      } else {
        if (args.length !== 1) throw bad(t);
        outputs.push({ fn: "locopy", column });
      }
      replacement = text(args[0]!);
    }
    for (let k = i + 1; k <= close; k++) if (tokens[k]!.kind === "param") params++;
    out += sql.slice(copied, t.start) + replacement;
    copied = end(tokens[close]!);
    i = close;
  }
  if (inputs.length === 0 && outputs.length === 0) return undefined;
  return { sql: out + sql.slice(copied), inputs, outputs };
}

const end = (t: Token) => t.start + t.text.length;

function matching(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let k = open; k < tokens.length; k++) {
    if (isOp(tokens[k], "(")) depth++;
    else if (isOp(tokens[k], ")") && --depth === 0) return k;
  }
  throw bad(tokens[open]);
}

function splitArgs(tokens: readonly Token[], from: number, to: number): Token[][] {
  const args: Token[][] = [];
  let current: Token[] = [];
  let depth = 0;
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    if (isOp(t, "(")) depth++;
    else if (isOp(t, ")")) depth--;
    if (depth === 0 && isOp(t, ",")) {
      args.push(current);
      current = [];
    } else current.push(t);
  }
  if (current.length > 0 || args.length > 0) args.push(current);
  return args;
}

/** The 0-based select-list item a token sits in, or -1 outside a top-level select list. */
function selectListIndex(tokens: readonly Token[], at: number): number {
  let depth = 0;
  let commas = 0;
  for (let k = at - 1; k >= 0; k--) {
    const t = tokens[k]!;
    if (isOp(t, ")")) depth++;
    else if (isOp(t, "(")) {
      if (depth === 0) return -1;
      depth--;
    } else if (depth === 0 && isOp(t, ",")) commas++;
    else if (depth === 0 && isWord(t, "select")) return commas;
    else if (depth === 0 && isWord(t, "from", "where")) return -1;
  }
  return -1;
}
