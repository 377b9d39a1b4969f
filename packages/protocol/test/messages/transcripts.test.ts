// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Replays the recorded conversations between real clients (IBM JDBC, the Python
// informix-driver, nmap) and the emulator (fixtures/transcripts, recorded by
// scripts/record-transcripts.mjs): both directions decode completely, whole and in
// small chunks, and every message re-encodes to exactly the bytes that were sent.

import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import {
  ByteReader,
  ByteWriter,
  ClientItemDecoder,
  type ClientMessage,
  contextFromFeatures,
  decodeConnectRequest,
  decodeConnectResponse,
  encodeClientMessage,
  encodeServerMessage,
  intersectFeatures,
  type ProtocolContext,
  readSlPdu,
  ServerItemDecoder,
  type ServerMessage,
} from "../../src/index.js";
import { type Decoder, drain, hex, toHex } from "../helpers/chunks.js";
import { REPO_ROOT } from "../helpers/fixtures.js";

interface Transcript {
  readonly description: string;
  readonly client: string;
  readonly sessions: ReadonlyArray<ReadonlyArray<{ readonly dir: "c>s" | "s>c"; readonly hex: string }>>;
}

const dir = join(REPO_ROOT, "fixtures", "transcripts");
const EMPTY_CONTEXT = contextFromFeatures(new Uint8Array(0));

function stream(session: Transcript["sessions"][number], direction: "c>s" | "s>c"): Uint8Array {
  return hex(
    session
      .filter((e) => e.dir === direction)
      .map((e) => e.hex)
      .join(""),
  );
}

/** Splits off the SL-framed login PDU; returns it and the raw message stream after it. */
function splitLogin(bytes: Uint8Array) {
  const r = new ByteReader();
  r.push(bytes);
  const pdu = readSlPdu(r);
  return { pdu, rest: bytes.subarray(bytes.length - r.available) };
}

for (const file of readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .sort()) {
  const transcript = JSON.parse(readFileSync(join(dir, file), "utf8")) as Transcript;
  describe(`transcript ${file} (${transcript.client})`, () => {
    transcript.sessions.forEach((session, n) => {
      test(`session ${n + 1}: every byte decodes and re-encodes exactly`, () => {
        const client = splitLogin(stream(session, "c>s"));
        const server = splitLogin(stream(session, "s>c"));
        decodeConnectRequest(client.pdu.body);
        const response = decodeConnectResponse(server.pdu.slType, server.pdu.body);
        if (response.outcome !== "accept") {
          assert.equal(client.rest.length, 0, "nothing follows a rejected login");
          return;
        }
        let ctx: ProtocolContext = EMPTY_CONTEXT;
        const decode = (chunk: number) => {
          const c = new ClientItemDecoder(() => ctx);
          const s = new ServerItemDecoder(() => ctx);
          // SQ_PROTOCOLS comes first both ways and does not depend on the context.
          c.push(client.rest.subarray(0, 16));
          s.push(server.rest.subarray(0, 16));
          const offer = c.next();
          const reply = s.next();
          assert.ok(typeof offer === "object" && "kind" in offer && offer.kind === "protocols");
          assert.ok(typeof reply === "object" && "kind" in reply && reply.kind === "protocols");
          ctx = contextFromFeatures(intersectFeatures(offer.features, reply.features));
          const feed = <M>(d: Decoder<M>, bytes: Uint8Array, from: number): M[] => {
            const out: M[] = [];
            for (let i = from; i < bytes.length; i += chunk) {
              d.push(bytes.subarray(i, Math.min(bytes.length, i + chunk)));
              out.push(...drain(d));
            }
            assert.equal(d.buffered, 0, "no bytes left undecoded");
            return out;
          };
          const clientRest: Decoder<ClientMessage> = c;
          return {
            clientMessages: [offer, ...feed<ClientMessage>(clientRest, client.rest, 16)],
            serverMessages: [reply, ...feed<ServerMessage>(s, server.rest, 16)],
          };
        };
        const whole = decode(Number.MAX_SAFE_INTEGER);
        assert.deepEqual(decode(1), whole, "1-byte chunks");
        assert.deepEqual(decode(97), whole, "97-byte chunks");
        const w = new ByteWriter();
        for (const m of whole.clientMessages) encodeClientMessage(m, ctx, w);
        assert.equal(toHex(w.take()), toHex(client.rest), "client stream re-encodes");
        for (const m of whole.serverMessages) encodeServerMessage(m, ctx, w);
        assert.equal(toHex(w.take()), toHex(server.rest), "server stream re-encodes");
      });
    });
  });
}
