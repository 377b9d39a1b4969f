// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Cancellation: AbortSignal and per-call timeouts. Informix interrupts a running
// statement only through a TCP urgent byte, which Node sockets cannot send (session-layer
// notes §19). So a call still waiting in the queue is simply dropped, but a call already
// on the wire can only be abandoned by closing the connection: the scheduler then marks
// it broken and every later call fails fast.

import { AbortError, type DriverError, TimeoutError } from "../errors.js";

/** Options every call accepts. */
export interface CallOptions {
  /** Aborts the call (and breaks the connection if the call is already on the wire). */
  readonly signal?: AbortSignal;
  /** Milliseconds before the call fails with TimeoutError (0 = none); overrides `queryTimeout`. */
  readonly timeout?: number;
}

/** Arms the signal and timer of a call; `fire` runs at most once. Returns the disarm function. */
export function watchCall(
  options: CallOptions,
  defaultTimeout: number,
  fire: (error: DriverError) => void,
): () => void {
  let fired = false;
  const once = (error: DriverError) => {
    if (fired) return;
    fired = true;
    disarm();
    fire(error);
  };
  const signal = options.signal;
  const onAbort = () => once(new AbortError("the call was aborted", { cause: signal?.reason }));
  const ms = options.timeout ?? defaultTimeout;
  const timer = ms > 0 ? setTimeout(() => once(new TimeoutError(`the call timed out after ${ms} ms`)), ms) : undefined;
  function disarm() {
    if (timer !== undefined) clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
  }
  if (signal?.aborted) queueMicrotask(onAbort);
  else signal?.addEventListener("abort", onAbort, { once: true });
  return disarm;
}
