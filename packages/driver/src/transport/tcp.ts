// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// TCP and TLS transports over node:net / node:tls. TLS starts right after the TCP
// connect; there is no STARTTLS-like message (session-layer notes §20).

import { isIP, connect as netConnect, type Socket } from "node:net";
import { hostname } from "node:os";
import { type ConnectionOptions, connect as tlsConnect } from "node:tls";
import { AbortError, ConnectionError, TimeoutError } from "../errors.js";
import type { ClientProcessInfo, Transport, TransportTarget } from "./transport.js";

/** -908: attempt to connect failed; -930: cannot connect (host unknown). */
const SQLCODE_CONNECT_FAILED = -908;
const SQLCODE_HOST_UNKNOWN = -930;

/**
 * Certificate verification failures of node:tls (OpenSSL X509_V_ERR_* names without the
 * prefix, plus Node's host name check). Retrying cannot fix them.
 */
const CERTIFICATE_ERRORS = new Set([
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "CERT_UNTRUSTED",
  "CERT_REJECTED",
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "CERT_SIGNATURE_FAILURE",
  "CERT_REVOKED",
  "INVALID_CA",
  "ERR_TLS_CERT_ALTNAME_INVALID",
]);

function isCertificateError(error: NodeJS.ErrnoException): boolean {
  return error.code !== undefined && CERTIFICATE_ERRORS.has(error.code);
}

class SocketTransport implements Transport {
  private readonly chunks: Uint8Array[] = [];
  private waiter: { resolve: (c: Uint8Array | null) => void; reject: (e: Error) => void } | undefined;
  private ended = false;
  private failure: Error | undefined;
  private closeListeners: Array<() => void> = [];

  constructor(private readonly socket: Socket) {
    socket.on("data", (chunk: Buffer) => this.deliver(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length)));
    socket.on("end", () => this.finish());
    socket.on("close", () => this.finish());
    socket.on("error", (error) => {
      this.failure ??= new ConnectionError("CONNECTION_LOST", `connection lost: ${error.message}`, { cause: error });
      this.finish();
    });
  }

  private deliver(chunk: Uint8Array): void {
    const w = this.waiter;
    if (w) {
      this.waiter = undefined;
      w.resolve(chunk);
    } else this.chunks.push(chunk);
  }

  private finish(): void {
    this.ended = true;
    for (const listener of this.closeListeners.splice(0)) listener();
    const w = this.waiter;
    if (!w) return;
    this.waiter = undefined;
    if (this.failure) w.reject(this.failure);
    else w.resolve(null);
  }

  read(): Promise<Uint8Array | null> {
    const chunk = this.chunks.shift();
    if (chunk) return Promise.resolve(chunk);
    if (this.failure) return Promise.reject(this.failure);
    if (this.ended) return Promise.resolve(null);
    return new Promise((resolve, reject) => {
      this.waiter = { resolve, reject };
    });
  }

  write(bytes: Uint8Array): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.socket.destroyed || this.ended) {
      return Promise.reject(new ConnectionError("CONNECTION_LOST", "connection to the server is closed"));
    }
    return new Promise((resolve, reject) => {
      this.socket.write(bytes, (error) => {
        if (error) reject(new ConnectionError("CONNECTION_LOST", `write failed: ${error.message}`, { cause: error }));
        else resolve();
      });
    });
  }

  end(): Promise<void> {
    if (this.socket.destroyed) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.socket.destroy(), 1000);
      this.socket.once("close", () => {
        clearTimeout(timer);
        resolve();
      });
      this.socket.end();
    });
  }

  destroy(): void {
    this.socket.destroy();
    this.chunks.length = 0;
    this.finish();
  }

  onClose(listener: () => void): void {
    if (this.ended) queueMicrotask(listener);
    else this.closeListeners.push(listener);
  }
}

/** Opens a TCP (or TLS) connection to `target`. */
export function openSocketTransport(target: TransportTarget): Promise<Transport> {
  return new Promise((resolve, reject) => {
    const where = `${target.host}:${target.port}`;
    let settled = false;
    let socket: Socket;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      cleanup();
      socket.destroy();
      reject(error);
    };
    const onAbort = () => fail(new AbortError(`connect to ${where} aborted`, { cause: target.signal?.reason }));
    const timer =
      target.connectTimeout && target.connectTimeout > 0
        ? setTimeout(
            () =>
              fail(
                new TimeoutError(`connect to ${where} timed out after ${target.connectTimeout} ms`, {
                  fatal: true,
                }),
              ),
            target.connectTimeout,
          )
        : undefined;
    const cleanup = () => {
      if (timer) clearTimeout(timer);
      target.signal?.removeEventListener("abort", onAbort);
    };
    const onError = (error: NodeJS.ErrnoException) => {
      const unknownHost = error.code === "ENOTFOUND" || error.code === "EAI_AGAIN";
      const sqlcode = unknownHost ? SQLCODE_HOST_UNKNOWN : SQLCODE_CONNECT_FAILED;
      const untrusted = Boolean(target.tls) && isCertificateError(error);
      const reason = untrusted
        ? `the server's TLS certificate is not trusted (${error.code}: ${error.message}); ` +
          "pass the CA that signed it as tls.ca"
        : error.message;
      fail(
        new ConnectionError("CONNECTION_FAILED", `[${sqlcode}] cannot connect to ${where}: ${reason}`, {
          sqlcode,
          retryable: !unknownHost && !untrusted,
          cause: error,
        }),
      );
    };
    const onConnected = () => {
      if (settled) return;
      settled = true;
      cleanup();
      socket.off("error", onError);
      socket.setNoDelay(true);
      resolve(new SocketTransport(socket));
    };
    if (target.tls) {
      const options: ConnectionOptions = {
        host: target.host,
        port: target.port,
        // SNI carries host names only (RFC 6066 §3): Node warns (DEP0123) when given an IP address,
        // and still checks an IP host against the certificate's IP SANs without it.
        ...(isIP(target.host) === 0 ? { servername: target.host } : {}),
        ...(typeof target.tls === "object" ? (target.tls as ConnectionOptions) : {}),
      };
      socket = tlsConnect(options, onConnected);
    } else {
      socket = netConnect({ host: target.host, port: target.port }, onConnected);
    }
    socket.once("error", onError);
    if (target.signal?.aborted) onAbort();
    else target.signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** Process facts for the login PDU (tag 107), as JDBC sends them. */
export function clientProcessInfo(): ClientProcessInfo {
  return { pid: process.pid, hostname: hostname(), cwd: process.cwd() };
}
