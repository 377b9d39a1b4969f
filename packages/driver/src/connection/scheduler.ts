// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// One connection, many callers: calls queue and run one at a time on the session. The
// state is an explicit union (R6): connecting → handshaking → idle ⇄ busy → closing →
// closed, plus terminal broken. A fatal error (lost socket, undecodable bytes, a timeout
// on the wire) breaks the connection: the transport is destroyed and every queued and
// later call fails fast with a ConnectionError. A server error (SQ_ERR) is not fatal:
// its group ended with SQ_EOT, so the wire is still in sync. A fatal error while a
// commit was in flight becomes COMMIT_OUTCOME_UNKNOWN (issue 7): the caller must
// reconcile, because the server may have committed before the connection failed.

import { AbortError, ConnectionError, DriverError, TimeoutError } from "../errors.js";
import { type CallOptions, watchCall } from "./cancel.js";
import type { Session } from "./session.js";

export type ConnectionState = "connecting" | "handshaking" | "idle" | "busy" | "closing" | "closed" | "broken";

interface Task {
  readonly work: (session: Session) => Promise<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
  started: boolean;
  settled: boolean;
  disarm: () => void;
}

export class Scheduler {
  state: ConnectionState = "connecting";
  /** Why the connection broke. */
  brokenBy: Error | undefined;
  /** close() was called: new calls are refused, queued ones still run. */
  closeRequested = false;
  /**
   * Cleanup of statements and cursors the program dropped without closing them, queued by
   * a finalizer (statement/abandoned.ts) and sent before the next call's exchange, never
   * from the finalizer itself (it may run in the middle of another exchange).
   */
  readonly cleanups: Array<(session: Session) => Promise<void>> = [];
  private readonly queue: Task[] = [];
  private active: Task | undefined;
  private session: Session | undefined;

  constructor(private readonly defaultTimeout: number) {}

  attach(session: Session): void {
    this.session = session;
  }

  /** The error a new call gets, or undefined when calls are accepted. */
  refusal(): DriverError | undefined {
    if (this.state === "broken") {
      const by = this.brokenBy;
      // Lost while idle (the server closed it, or restarted): no call was on the wire, so retrying is safe.
      if (by instanceof ConnectionError && by.code === "CONNECTION_LOST" && by.retryable) {
        return new ConnectionError("CONNECTION_LOST", by.message, { retryable: true, cause: by });
      }
      return new ConnectionError("CONNECTION_BROKEN", `the connection is broken: ${by?.message ?? ""}`, { cause: by });
    }
    if (this.closeRequested || this.state === "closing" || this.state === "closed") {
      return new ConnectionError("CONNECTION_CLOSED", "the connection is closed");
    }
    return undefined;
  }

  /** Queues `work`; it runs alone on the session. */
  run<T>(work: (session: Session) => Promise<T>, options: CallOptions = {}, internal = false): Promise<T> {
    const refused = internal && (this.state === "idle" || this.state === "busy") ? undefined : this.refusal();
    if (refused) return Promise.reject(refused);
    if (options.signal?.aborted) {
      return Promise.reject(new AbortError("the call was aborted", { cause: options.signal.reason }));
    }
    return new Promise<T>((resolve, reject) => {
      const task: Task = {
        work,
        resolve: resolve as (v: unknown) => void,
        reject,
        started: false,
        settled: false,
        disarm: () => undefined,
      };
      task.disarm = watchCall(options, this.defaultTimeout, (error) => this.cancel(task, error));
      this.queue.push(task);
      this.pump();
    });
  }

  private cancel(task: Task, error: DriverError): void {
    if (task.settled) return;
    if (!task.started) {
      const at = this.queue.indexOf(task);
      if (at !== -1) this.queue.splice(at, 1);
      this.settle(task, false, error);
      return;
    }
    // On the wire: the server cannot be interrupted, so the connection is given up.
    const message = `${error.message} while on the wire; the connection was closed`;
    const fatal = this.outcomeOf(
      error instanceof TimeoutError
        ? new TimeoutError(message, { fatal: true })
        : new AbortError(message, { fatal: true, cause: error.cause }),
    );
    this.settle(task, false, fatal);
    this.break(fatal);
  }

  /** A fatal error during a commit: the outcome is unknown, whatever broke the wire. */
  private outcomeOf(error: unknown): unknown {
    const session = this.session;
    if (session === undefined || !session.commitInFlight) return error;
    session.commitInFlight = false;
    const reason = error instanceof Error ? error.message : String(error);
    return new ConnectionError(
      "COMMIT_OUTCOME_UNKNOWN",
      `the connection failed while a commit was in flight (${reason}); the work may or may not be committed`,
      { cause: error },
    );
  }

  private settle(task: Task, ok: boolean, value: unknown): void {
    if (task.settled) return;
    task.settled = true;
    task.disarm();
    if (ok) task.resolve(value);
    else task.reject(value);
  }

  private pump(): void {
    if (this.active || this.session === undefined) return;
    if (this.state !== "idle") return;
    const task = this.queue.shift();
    if (task === undefined) return;
    this.active = task;
    task.started = true;
    this.state = "busy";
    const cleanups = this.cleanups.splice(0);
    const work =
      cleanups.length === 0
        ? task.work
        : async (session: Session) => {
            for (const cleanup of cleanups) await cleanup(session);
            return task.work(session);
          };
    work(this.session).then(
      (value) => this.finish(task, true, value),
      (error: unknown) => {
        let failure = error;
        if (!(error instanceof DriverError) || error.fatal) {
          failure = this.outcomeOf(error);
          this.break(failure);
        }
        this.finish(task, false, failure);
      },
    );
  }

  private finish(task: Task, ok: boolean, value: unknown): void {
    this.active = undefined;
    if (this.state === "busy") this.state = "idle";
    this.settle(task, ok, value);
    this.pump();
  }

  /** Marks the connection broken, destroys the transport, fails everything queued. */
  break(reason: unknown): void {
    if (this.state === "broken" || this.state === "closed") return;
    this.state = "broken";
    this.brokenBy = reason instanceof Error ? reason : new Error(String(reason));
    this.session?.transport.destroy();
    this.session?.discard();
    const error = this.refusal()!;
    for (const task of this.queue.splice(0)) this.settle(task, false, error);
  }

  /** The session is gone after a clean close. */
  closed(): void {
    this.state = "closed";
    this.session?.discard();
    for (const task of this.queue.splice(0)) {
      this.settle(task, false, new ConnectionError("CONNECTION_CLOSED", "the connection is closed"));
    }
  }
}
