// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Fast-path calls (docs/protocol/smart-lobs.md §3): SQ_GETROUTINE resolves a routine by its
// signature once per connection (the handle cache), then each call is one round trip,
// SQ_EXFPROUTINE + SQ_BIND → SQ_FPROUTINE with the routine's values.

import { type BindParameter, decodeBindPayload, type FpReturnValue } from "@informix-db/protocol";
import { DriverError, InformixError, ProtocolError } from "../errors.js";
import { bindParameters } from "../statement/parameters.js";
import type { Session } from "./session.js";

/** Resolved routines of one connection, by signature. */
export type RoutineCache = Map<string, { readonly database: string; readonly handle: number }>;

const BY_SESSION = new WeakMap<Session, RoutineCache>();

/** The routine cache of a session (for calls made by the driver itself, such as smart-LOB binds). */
export function routinesOf(s: Session): RoutineCache {
  let cache = BY_SESSION.get(s);
  if (cache === undefined) {
    cache = new Map();
    BY_SESSION.set(s, cache);
  }
  return cache;
}

/** Calls `signature` with `args`; returns its values. */
export async function callRoutine(
  s: Session,
  cache: RoutineCache,
  signature: string,
  args: readonly unknown[],
): Promise<unknown[]> {
  const values = await callRoutineRaw(s, cache, signature, args);
  return values.map((v) => returnValue(v, s));
}

/** Calls `signature` with `args`; returns its values as the server sent them (bind form). */
export async function callRoutineRaw(
  s: Session,
  cache: RoutineCache,
  signature: string,
  args: readonly unknown[],
): Promise<readonly FpReturnValue[]> {
  if (typeof signature !== "string" || signature.trim() === "")
    throw new DriverError(
      "INVALID_ARGUMENT",
      'callFunction needs a routine signature, e.g. "function informix.ifx_lo_close(integer)"',
    );
  if (!Array.isArray(args)) throw new DriverError("INVALID_ARGUMENT", "callFunction arguments must be an array");
  return callRoutineBound(s, cache, signature, bindParameters(args, s.ctx.codec));
}

/** Calls `signature` with SQ_BIND parameters made by the caller (named types such as ifx_lo_spec). */
export async function callRoutineBound(
  s: Session,
  cache: RoutineCache,
  signature: string,
  parameters: readonly BindParameter[],
): Promise<readonly FpReturnValue[]> {
  let routine = cache.get(signature);
  if (routine === undefined) {
    const reply = await s.exchange([{ kind: "getroutine", byId: 0, signature, fparamFlag: 0 }], ["getroutinereply"]);
    if (reply.error) throw new InformixError(reply.error);
    const m = reply.messages.find((x) => x.kind === "getroutinereply");
    if (m?.kind !== "getroutinereply") throw new ProtocolError("SQ_GETROUTINE answered without a handle");
    routine = { database: m.database, handle: m.handle };
    cache.set(signature, routine);
  }
  const reply = await s.exchange(
    [
      {
        kind: "exfproutine",
        database: routine.database,
        handle: routine.handle,
        paramCount: parameters.length,
        fparamFlag: 0,
      },
      { kind: "bind", parameters },
    ],
    ["fproutine"],
  );
  if (reply.error) throw new InformixError(reply.error);
  const m = reply.messages.find((x) => x.kind === "fproutine");
  if (m?.kind !== "fproutine") throw new ProtocolError("SQ_EXFPROUTINE answered without values");
  return m.values;
}

function returnValue(v: FpReturnValue, s: Session): unknown {
  if (v.payload === null || v.indicator === -1) return null;
  return decodeBindPayload(v.payload, { type: v.type, precision: v.precision }, s.ctx.codec);
}
