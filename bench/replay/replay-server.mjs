// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// A record-and-replay SQLI server for bench/replay/replay-bench.mjs. It starts the emulator
// in this process and listens on its own loopback port. Each client connection is proxied
// to the emulator until a request has been seen once on it; from then on the same request
// is answered from the connection's recording, without the emulator, so serving it costs
// next to nothing. A connection should run one statement in a loop (statement ids are
// reused by the server, so two statements on one connection could share keys).
//
// No protocol parsing: both clients measured (informix-db and IBM JDBC) send one request
// group and wait for its reply, so a "request" is every byte the client sends between two
// replies and its "reply" every byte the server sends until the client speaks again. A
// request is looked up after every chunk (a partial request matches nothing). Its key
// masks what differs between otherwise identical calls: cursor names (`_ifxc` + 13
// digits or letters, the forms both clients use), and carries the requests before it since the last
// PREPARE or cursor open. Statement ids need no mask: once a PREPARE is answered from the
// recording the client gets the recorded id every time.
//
// Prints `replay listening on 127.0.0.1:PORT` and, on SIGTERM, one JSON line of counts.

import { createServer, connect as netConnect } from "node:net";
import { startEmulator } from "../../packages/emulator/dist/src/index.js";

const emu = await startEmulator({ port: 0, host: "127.0.0.1" });
let hits = 0;
let misses = 0;
let strays = 0;
let recorded = 0;

const CURSOR = /_ifxc[0-9a-z]{13}/g;
const SQ_PREPARE = 2;
const normal = (buf) => buf.toString("latin1").replace(CURSOR, "_ifxc#");
// A PREPARE or a cursor open starts a new chain; any other request is keyed with the
// requests before it since then (successive NFETCHes of one cursor get different replies).
const startsChain = (buf, text) => (buf[0] === 0 && buf[1] === SQ_PREPARE) || text.includes("_ifxc#");

const server = createServer((client) => {
  client.setNoDelay(true);
  const recordings = new Map(); // chain key → Buffer (the whole reply); per connection
  let chain = "";
  const keyOf = (buf) => {
    const text = normal(buf);
    return startsChain(buf, text) ? text : `${chain}|${text}`;
  };
  let upstream; // opened on the first miss
  let served = 0; // requests answered on this connection
  let pending = []; // client bytes of a request not yet matched or forwarded
  let forwarded; // chunks of the request forwarded to the emulator, until it answers
  let recordingKey; // that request's key, while its reply is being recorded
  let replyChunks = [];

  const finishRecording = () => {
    if (recordingKey !== undefined) {
      recordings.set(recordingKey, Buffer.concat(replyChunks));
      recorded++;
    }
    recordingKey = undefined;
    replyChunks = [];
  };
  const openUpstream = () => {
    upstream = netConnect(emu.port, "127.0.0.1");
    upstream.setNoDelay(true);
    upstream.on("data", (chunk) => {
      if (forwarded !== undefined) {
        recordingKey = keyOf(Buffer.concat(forwarded));
        chain = recordingKey;
        forwarded = undefined;
      }
      if (recordingKey !== undefined) replyChunks.push(chunk);
      client.write(chunk);
    });
    upstream.on("close", () => client.destroy());
    upstream.on("error", () => client.destroy());
  };

  client.on("data", (chunk) => {
    if (forwarded !== undefined) {
      // The rest of a request the emulator has not answered yet.
      forwarded.push(chunk);
      upstream.write(chunk);
      return;
    }
    finishRecording();
    pending.push(chunk);
    const request = pending.length === 1 ? chunk : Buffer.concat(pending);
    const key = keyOf(request);
    const reply = recordings.get(key);
    if (reply !== undefined) {
      hits++;
      served++;
      chain = key;
      pending = [];
      client.write(reply);
      return;
    }
    // Possibly the first part of a recorded request: wait for the rest.
    for (const k of recordings.keys()) if (k.length > key.length && k.startsWith(key)) return;
    // A miss after requests answered from the recording would reach an emulator session
    // that never saw them: the bench must record everything on its first pass.
    if (upstream === undefined && served > 0) strays++;
    if (upstream === undefined) openUpstream();
    misses++;
    if (process.env.REPLAY_DEBUG) process.stderr.write(`miss ${request.toString("hex").slice(0, 200)}\n`);
    served++;
    pending = [];
    forwarded = [request];
    upstream.write(request);
  });
  client.on("close", () => upstream?.destroy());
  client.on("error", () => upstream?.destroy());
});

await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
process.stdout.write(`replay listening on 127.0.0.1:${server.address().port} emulator ${emu.port}\n`);

const stop = async () => {
  process.stdout.write(`${JSON.stringify({ hits, misses, strays, recorded })}\n`);
  server.close();
  await emu.close();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
