// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The byte pipe a session runs on. TCP/TLS live in tcp.ts; tests inject scripted fakes.
// Reading is pull-based: the session asks for the next chunk only when its decoder
// needs more bytes, and the server only sends what a request asked for (R8), so the
// socket is never paused for row backpressure.

/** A connected byte stream. */
export interface Transport {
  /** Writes one request group; resolves once the bytes were handed to the OS. */
  write(bytes: Uint8Array): Promise<void>;
  /** The next received chunk, or null when the peer ended the stream. */
  read(): Promise<Uint8Array | null>;
  /** Ends the stream after pending writes. */
  end(): Promise<void>;
  /** Tears the stream down now. */
  destroy(): void;
  /**
   * Optional: calls `listener` once when the stream ends or fails, even while nobody reads
   * (so an idle pooled connection learns at once that its server went away).
   */
  onClose?(listener: () => void): void;
}

export interface TransportTarget {
  readonly host: string;
  readonly port: number;
  /** TLS: `true` for defaults, or node:tls connect options. */
  readonly tls?: boolean | Readonly<Record<string, unknown>>;
  /** Milliseconds for the TCP (and TLS) connect; 0 = no limit. */
  readonly connectTimeout?: number;
  readonly signal?: AbortSignal;
}

/** Opens a transport; rejects with a ConnectionError (or AbortError/TimeoutError). */
export type TransportFactory = (target: TransportTarget) => Promise<Transport>;

/** What the login PDU says about the client process. */
export interface ClientProcessInfo {
  readonly pid: number;
  readonly hostname: string;
  readonly cwd: string;
}
