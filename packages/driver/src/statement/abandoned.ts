// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Statements and cursors dropped without close() (issue 11). On a long-lived pooled
// connection each would hold a server statement slot, or an open cursor, for the life of
// the session. When such an object is garbage-collected, a FinalizationRegistry queues
// its cleanup (SQ_CLOSE and/or SQ_RELEASE) on the connection's scheduler, which sends it
// before the connection's next exchange. The finalizer itself never touches the wire: it
// may run while another exchange is half read.

import type { Session } from "../connection/session.js";

export type Cleanup = (session: Session) => Promise<void>;

interface Orphan {
  readonly queue: Cleanup[];
  readonly cleanup: Cleanup;
}

const registry = new FinalizationRegistry<Orphan>((orphan) => orphan.queue.push(orphan.cleanup));

/**
 * Queues `cleanup` on `queue` once `owner` is collected. `cleanup` must not reference
 * `owner` (that would keep it alive). Returns the token for {@link forgetAbandoned}.
 */
export function watchAbandoned(owner: object, queue: Cleanup[], cleanup: Cleanup): object {
  const token = {};
  registry.register(owner, { queue, cleanup }, token);
  return token;
}

/** The owner was closed properly: nothing to clean up after it. */
export function forgetAbandoned(token: object): void {
  registry.unregister(token);
}
