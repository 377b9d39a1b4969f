// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Helpers of the issue 7 harnesses: a plain TCP transport that can record each request
// and the server bytes that answered it, seeded randomness, env-sized runs, and the
// measurements (event-loop delay, memory after GC) the harnesses print.

import { connect as netConnect } from "node:net";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type { Transport, TransportFactory } from "informix-db";

/** One request and the bytes the server sent before the next request. */
export interface Turn {
  readonly request: Uint8Array;
  reply: Uint8Array;
}

/** A TCP transport; with `turns`, every write opens a turn that collects the reply bytes. */
export function tcpTransport(turns?: Turn[]): TransportFactory {
  return (target) =>
    new Promise<Transport>((resolve, reject) => {
      const socket = netConnect({ host: target.host, port: target.port });
      const inbox: Uint8Array[] = [];
      let waiter: ((c: Uint8Array | null) => void) | undefined;
      let ended = false;
      const listeners: Array<() => void> = [];
      const end = () => {
        ended = true;
        for (const l of listeners.splice(0)) l();
        const w = waiter;
        waiter = undefined;
        w?.(null);
      };
      socket.on("data", (b: Buffer) => {
        const chunk = new Uint8Array(b);
        if (turns && turns.length > 0) {
          const t = turns[turns.length - 1]!;
          t.reply = Uint8Array.from([...t.reply, ...chunk]);
        }
        const w = waiter;
        waiter = undefined;
        if (w) w(chunk);
        else inbox.push(chunk);
      });
      socket.on("close", end);
      socket.on("end", end);
      socket.once("error", (e) => {
        end();
        reject(e);
      });
      socket.once("connect", () =>
        resolve({
          write: (bytes) =>
            new Promise((ok, fail) => {
              turns?.push({ request: bytes.slice(), reply: new Uint8Array(0) });
              socket.write(bytes, (e) => (e ? fail(e) : ok()));
            }),
          read: () => {
            const c = inbox.shift();
            if (c) return Promise.resolve(c);
            if (ended) return Promise.resolve(null);
            return new Promise((r) => {
              waiter = r;
            });
          },
          end: async () => {
            socket.end();
          },
          destroy: () => {
            socket.destroy();
            end();
          },
          onClose: (l) => {
            if (ended) queueMicrotask(l);
            else listeners.push(l);
          },
        }),
      );
    });
}

/** Seconds/cases from the environment, or the CI default. */
export function envNumber(name: string, ciDefault: number): number {
  const n = Number(process.env[name]);
  return Number.isFinite(n) && n > 0 ? n : ciDefault;
}

/** Collects garbage (without --expose-gc) so heap figures compare like with like. */
export function collectGarbage(): void {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  gc();
  gc();
}

/** Heap and RSS in MiB after a full GC. */
export function memory(): { heapMiB: number; rssMiB: number } {
  collectGarbage();
  const m = process.memoryUsage();
  return { heapMiB: Math.round(m.heapUsed / 2 ** 20), rssMiB: Math.round(m.rss / 2 ** 20) };
}

/** Watches the event loop; `stop()` returns the max and p99 delay in ms. */
export function watchEventLoop(): { reset(): void; stop(): { maxMs: number; p99Ms: number } } {
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  return {
    reset() {
      h.reset();
    },
    stop() {
      h.disable();
      return { maxMs: Math.round(h.max / 1e6), p99Ms: Math.round(h.percentile(99) / 1e6) };
    },
  };
}
