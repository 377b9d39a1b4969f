// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// A TCP proxy between the driver and the emulator that injects one fault per connection
// at a byte offset of one direction (issue 7): cut (both sockets torn down), corrupt
// (the byte at the offset inverted) or delay (the rest held back for a while).

import { createServer, connect as netConnect, type Server, type Socket } from "node:net";

export type FaultAction = "cut" | "corrupt" | "delay";
export type Direction = "c2s" | "s2c";

export interface Fault {
  readonly direction: Direction;
  readonly offset: number;
  readonly action: FaultAction;
}

export const DELAY_MS = 40;

export class FaultProxy {
  private server: Server | undefined;
  /** The fault the next accepted connection gets (a function: one per connection). */
  next: () => Fault | undefined = () => undefined;
  readonly live = new Set<Socket>();
  /** Bytes seen per direction on the last connection (to size the sweep). */
  lastCounts = { c2s: 0, s2c: 0 };
  port = 0;
  /** Connections accepted and faults armed, for the figures. */
  accepted = 0;
  armed = 0;

  constructor(
    private readonly upstreamHost: string,
    private readonly upstreamPort: number,
  ) {}

  async start(): Promise<void> {
    this.server = createServer((client) => this.accept(client));
    await new Promise<void>((r) => this.server!.listen(0, "127.0.0.1", r));
    const address = this.server.address();
    this.port = typeof address === "object" && address ? address.port : 0;
  }

  private accept(client: Socket): void {
    const fault = this.next();
    this.accepted++;
    if (fault) this.armed++;
    const upstream = netConnect({ host: this.upstreamHost, port: this.upstreamPort });
    const counts = { c2s: 0, s2c: 0 };
    this.lastCounts = counts;
    for (const s of [client, upstream]) {
      this.live.add(s);
      s.on("close", () => this.live.delete(s));
      s.on("error", () => undefined);
    }
    const kill = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
    let held = false;
    const pipe = (from: Socket, to: Socket, direction: Direction) => {
      from.on("data", (chunk: Buffer) => {
        const start = counts[direction];
        counts[direction] += chunk.length;
        if (held) {
          // A delay is in progress: keep order by queueing behind it.
          setTimeout(() => to.write(chunk), DELAY_MS);
          return;
        }
        if (!fault || fault.direction !== direction || fault.offset < start || fault.offset >= start + chunk.length) {
          to.write(chunk);
          return;
        }
        const at = fault.offset - start;
        if (fault.action === "cut") {
          to.write(chunk.subarray(0, at), kill);
          return;
        }
        if (fault.action === "corrupt") {
          const copy = Buffer.from(chunk);
          copy[at] = copy[at]! ^ 0xff;
          to.write(copy);
          return;
        }
        to.write(chunk.subarray(0, at));
        held = true;
        setTimeout(() => {
          held = false;
          to.write(chunk.subarray(at));
        }, DELAY_MS);
      });
    };
    pipe(client, upstream, "c2s");
    pipe(upstream, client, "s2c");
  }

  async close(): Promise<void> {
    for (const s of this.live) s.destroy();
    await new Promise<void>((r) => this.server?.close(() => r()) ?? r());
  }
}
