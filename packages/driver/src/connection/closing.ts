// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Closing a connection: SQ_EXIT after the calls already queued, the server's SQ_EXIT (or
// the end of the stream), then the socket. Bounded in time (issue 7): when the queued
// calls or the goodbye take longer than `closeTimeout`, the connection is broken (its
// socket destroyed, its calls rejected) and close() settles anyway.

import { ConnectionError } from "../errors.js";
import type { Scheduler } from "./scheduler.js";
import type { Session } from "./session.js";

const SQ_EXIT_BYTES = Uint8Array.of(0x00, 0x38);
const EXIT_WAIT_MS = 2000;

export function closeSession(scheduler: Scheduler, session: Session, closeTimeout: number): Promise<void> {
  const graceful = scheduler
    .run(
      async (s) => {
        scheduler.state = "closing";
        await s.send(SQ_EXIT_BYTES);
        await waitForExit(s);
        await s.transport.end().catch(() => undefined);
      },
      {},
      true,
    )
    .catch(() => undefined);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      scheduler.break(new ConnectionError("CONNECTION_CLOSED", `close() gave up after ${closeTimeout} ms`));
      resolve();
    }, closeTimeout);
  });
  return Promise.race([graceful, deadline]).finally(() => {
    clearTimeout(timer);
    session.transport.destroy();
    scheduler.closed();
  });
}

/** Reads the server's SQ_EXIT (or end of stream), bounded in time. */
async function waitForExit(s: Session): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, EXIT_WAIT_MS);
  });
  const read = (async () => {
    for (;;) {
      const m = await s.nextMessage();
      if (m.kind === "exit") return;
    }
  })().catch(() => undefined);
  await Promise.race([read, deadline]);
  clearTimeout(timer);
}
