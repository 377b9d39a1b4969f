// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// A scripted in-memory server for state-machine tests: each client write is answered by
// the next step of the script with bytes built by the protocol package's encoders.

import {
  ByteWriter,
  contextFromFeatures,
  encodeConnectResponse,
  encodeServerGroup,
  IDS15_SERVER_FEATURES,
  intersectFeatures,
  latin1,
  type ServerMessage,
} from "@informix-db/protocol";
import type { Transport, TransportFactory } from "informix-db";

const OFFER = Uint8Array.of(0xff, 0xfc, 0x7f, 0xfc, 0x3c, 0x8c, 0xaa, 0x97, 0x06);
export const SERVER_CTX = contextFromFeatures(intersectFeatures(OFFER, IDS15_SERVER_FEATURES), latin1);

/** What a step answers: bytes, nothing (hang), or the end of the stream. */
export type StepReply = Uint8Array | "hang" | "close";
export type Step = (written: Uint8Array) => StepReply;

export function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("hex");
}

export function group(messages: ServerMessage[]): Uint8Array {
  return encodeServerGroup(messages, SERVER_CTX, new ByteWriter(256));
}

export function conacc(svcError = 0, outcome: "accept" | "reject" = "accept", serverName = "informix"): Uint8Array {
  return encodeConnectResponse({
    outcome,
    version: outcome === "accept" ? "IBM Informix Dynamic Server Version 15.0.1.0.3DE" : "",
    serial: "",
    serverName,
    cap1: 316,
    cap2: 0,
    cap3: 0,
    svcError,
    osError: 0,
    warnings: 0,
  });
}

/** The login steps of a successful connect without a database. */
export function loginSteps(): Step[] {
  return [() => conacc(), () => group([{ kind: "protocols", features: IDS15_SERVER_FEATURES }]), () => group([])];
}

export class FakeServer {
  readonly written: Uint8Array[] = [];
  private readonly inbox: Uint8Array[] = [];
  private waiter: ((c: Uint8Array | null) => void) | undefined;
  private ended = false;
  private closeListeners: Array<() => void> = [];
  destroyed = false;

  constructor(private readonly steps: Step[]) {}

  readonly factory: TransportFactory = async () => this.transport();

  /** The server goes away (a restart): the client's stream ends. */
  hangUp(): void {
    this.deliver(null);
  }

  private deliver(chunk: Uint8Array | null): void {
    if (chunk === null) {
      this.ended = true;
      for (const l of this.closeListeners.splice(0)) queueMicrotask(l);
    }
    const w = this.waiter;
    if (w) {
      this.waiter = undefined;
      w(chunk);
    } else if (chunk) this.inbox.push(chunk);
  }

  transport(): Transport {
    return {
      write: async (bytes) => {
        if (this.destroyed) throw new Error("write after destroy");
        this.written.push(bytes);
        const step = this.steps.shift();
        if (step === undefined) return;
        const reply = step(bytes);
        if (reply === "close") queueMicrotask(() => this.deliver(null));
        else if (reply !== "hang") {
          // Deliver in two chunks to exercise resumable decoding.
          const cut = reply.length >> 1;
          queueMicrotask(() => {
            this.deliver(reply.subarray(0, cut));
            this.deliver(reply.subarray(cut));
          });
        }
      },
      read: async () => {
        const c = this.inbox.shift();
        if (c) return c;
        if (this.ended || this.destroyed) return null;
        return new Promise((resolve) => {
          this.waiter = resolve;
        });
      },
      end: async () => {
        this.destroyed = true;
        this.deliver(null);
      },
      destroy: () => {
        this.destroyed = true;
        this.deliver(null);
      },
      onClose: (listener) => {
        if (this.ended) queueMicrotask(listener);
        else this.closeListeners.push(listener);
      },
    };
  }
}
