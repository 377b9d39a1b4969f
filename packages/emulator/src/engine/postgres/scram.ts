// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// SCRAM-SHA-256 (RFC 5802, RFC 7677), the password exchange PostgreSQL uses by default
// since version 14. PostgreSQL takes the user from the startup message, so the
// client-first message names no user ("n=*"), and there is no channel binding ("n,,").
// Passwords are used as given (no SASLprep): ASCII passwords are unaffected.

import { createHash, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from "node:crypto";

const GS2_HEADER = "n,,";

function hmac(key: Buffer, text: string): Buffer {
  return createHmac("sha256", key).update(text).digest();
}

function attributes(message: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of message.split(",")) {
    const eq = part.indexOf("=");
    if (eq > 0) out.set(part.slice(0, eq), part.slice(eq + 1));
  }
  return out;
}

export class ScramClient {
  private readonly firstBare: string;
  private expectedServerSignature: Buffer | null = null;

  /** `nonce` and `user` are for test vectors (RFC 7677 §3); PostgreSQL gets a random nonce and "*". */
  constructor(
    private readonly password: string,
    private readonly nonce = randomBytes(18).toString("base64"),
    user = "*",
  ) {
    this.firstBare = `n=${user},r=${nonce}`;
  }

  /** The SASLInitialResponse payload. */
  clientFirst(): string {
    return GS2_HEADER + this.firstBare;
  }

  /** The SASLResponse payload answering the server-first message. */
  clientFinal(serverFirst: string): string {
    const attrs = attributes(serverFirst);
    const nonce = attrs.get("r") ?? "";
    const salt = Buffer.from(attrs.get("s") ?? "", "base64");
    const iterations = Number(attrs.get("i"));
    if (!nonce.startsWith(this.nonce) || salt.length === 0 || !Number.isInteger(iterations) || iterations < 1) {
      throw new Error("PostgreSQL sent an invalid SCRAM server-first message");
    }
    const salted = pbkdf2Sync(this.password, salt, iterations, 32, "sha256");
    const clientKey = hmac(salted, "Client Key");
    const storedKey = createHash("sha256").update(clientKey).digest();
    const withoutProof = `c=${Buffer.from(GS2_HEADER).toString("base64")},r=${nonce}`;
    const authMessage = `${this.firstBare},${serverFirst},${withoutProof}`;
    const signature = hmac(storedKey, authMessage);
    const proof = Buffer.alloc(clientKey.length);
    for (let i = 0; i < proof.length; i++) proof[i] = (clientKey[i] ?? 0) ^ (signature[i] ?? 0);
    this.expectedServerSignature = hmac(hmac(salted, "Server Key"), authMessage);
    return `${withoutProof},p=${proof.toString("base64")}`;
  }

  /** Checks the server-final message: the server proves it knows the password too. */
  verifyServerFinal(serverFinal: string): void {
    const v = Buffer.from(attributes(serverFinal).get("v") ?? "", "base64");
    const expected = this.expectedServerSignature;
    if (expected === null || v.length !== expected.length || !timingSafeEqual(v, expected)) {
      throw new Error("PostgreSQL's SCRAM server signature does not match");
    }
  }
}
