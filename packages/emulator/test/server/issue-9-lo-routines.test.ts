// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 9 item 2: the smart-LOB routines IBM JDBC calls to write and read BLOB/CLOB values
// (server/lo-routines.ts): ifx_lo_col_sbinfo, ifx_lo_create, SQ_LODATA write and read,
// ifx_lo_stat, ifx_lo_seek, ifx_lo_close, on the sbspace. Values are in the forms JDBC sent
// and accepted on loopback (docs/protocol/smart-lobs.md §6). The wire end to end is
// conformance/jdbc (smart_lob_* scenarios) and the driver's issue-9-write-lob test.

import assert from "node:assert/strict";
import { test } from "node:test";
import { type FpReturnValue, SMART_LOB_LOCATOR_BYTES, typeCodes as T } from "@informix-db/protocol";
import { InformixSqlError } from "../../src/engine/informix-sql-error.js";
import { LO_STAT_BYTES, LoFiles } from "../../src/server/lo-routines.js";
import { Sbspace, SQLCODE_SMART_LOB } from "../../src/server/sbspace.js";

const int = (v: FpReturnValue) => new DataView(v.payload!.buffer, v.payload!.byteOffset).getInt32(0);
/** An opaque value's bytes (the encoder adds the i32 length). */
const named = (v: FpReturnValue) => v.payload!;
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof InformixSqlError ? e.sqlcode : 0;
  }
  return 0;
};
const write = (files: LoFiles, fd: number, ...chunks: Uint8Array[]) =>
  files.loData({
    kind: "lodata",
    subCommand: 2,
    loFd: fd,
    length: chunks.reduce((n, c) => n + c.length, 0),
    bufferSize: 32000,
    chunks,
  });

function created(files: LoFiles, kind: "blob" | "clob") {
  const spec = new Uint8Array(596);
  const [locator, fd] = files.call("ifx_lo_create", [spec, 8, new Uint8Array(72)], ["ifx_lo_spec", undefined, kind]);
  assert.equal(locator!.type, T.SQLUDTFIXED);
  assert.equal(locator!.typeName, kind);
  return { locator: named(locator!), fd: int(fd!) };
}

test("issue 9: ifx_lo_create returns the locator first, then the descriptor; LO_WRITE fills it", () => {
  const space = new Sbspace();
  const files = new LoFiles(space);
  const { locator, fd } = created(files, "clob");
  assert.equal(locator.length, SMART_LOB_LOCATOR_BYTES);
  assert.equal(space.get(locator).kind, "clob");
  assert.deepEqual(
    write(files, fd, Uint8Array.of(1, 2), Uint8Array.of(3)),
    [{ kind: "lodatareply", subCommand: 2, length: 3 }],
    "the answer is the count written",
  );
  assert.deepEqual(space.bytes(space.get(locator)), Uint8Array.of(1, 2, 3));
  assert.equal(int(files.call("ifx_lo_close", [fd], [])[0]!), 0);
  assert.equal(
    code(() => write(files, fd, Uint8Array.of(1))),
    SQLCODE_SMART_LOB,
  );
});

test("issue 9: ifx_lo_col_sbinfo gives the spec back as SENDRECV ifx_lo_spec", () => {
  const files = new LoFiles(new Sbspace());
  const spec = Uint8Array.from({ length: 596 }, (_, i) => i & 0xff);
  const [v] = files.call("ifx_lo_col_sbinfo", [new TextEncoder().encode("t.b"), spec], ["lvarchar", "ifx_lo_spec"]);
  assert.equal(v!.type, T.SQLSENDRECV);
  assert.equal(v!.typeName, "ifx_lo_spec");
  assert.deepEqual(named(v!), spec);
});

test("issue 9: ifx_lo_stat holds the size at 4 (low word), 8 (high word), 12 (sign 1)", () => {
  const files = new LoFiles(new Sbspace());
  const { fd } = created(files, "blob");
  write(files, fd, new Uint8Array(70_001));
  const [v] = files.call("ifx_lo_stat", [fd, new Uint8Array(LO_STAT_BYTES)], [undefined, "ifx_lo_stat"]);
  const stat = named(v!);
  assert.equal(stat.length, LO_STAT_BYTES);
  const view = new DataView(stat.buffer, stat.byteOffset);
  assert.equal(view.getUint32(4), 70_001);
  assert.equal(view.getUint32(8), 0);
  assert.equal(view.getInt16(12), 1);
});

test("issue 9: ifx_lo_seek returns the INT8 position; LO_READ answers SQ_BLOB chunks and an empty one", () => {
  const space = new Sbspace();
  const files = new LoFiles(space);
  const { locator, fd } = created(files, "blob");
  const data = Uint8Array.from({ length: 70_000 }, (_, i) => i & 0xff);
  write(files, fd, data);
  files.call("ifx_lo_close", [fd], []);
  const [rd] = files.call("ifx_lo_open", [locator, 0x800], ["blob", undefined]);
  const r = int(rd!);
  const [pos, status] = files.call("ifx_lo_seek", [r, 10n, 0, 0n], []);
  assert.equal(pos!.type, T.SQLINT8);
  assert.deepEqual(pos!.payload, Uint8Array.of(0, 1, 0, 0, 0, 10, 0, 0, 0, 0));
  assert.equal(int(status!), 0);
  const reply = files.loData({ kind: "lodata", subCommand: 0, loFd: r, length: 69_995, bufferSize: 32_000 });
  assert.deepEqual(
    reply.map((m) => (m.kind === "blob" ? m.data.length : -1)),
    [32_000, 32_000, 5_990, 0],
  );
  const got = reply.flatMap((m) => (m.kind === "blob" ? [...m.data] : []));
  assert.deepEqual(Uint8Array.from(got), data.subarray(10));
  // Past the end: the empty chunk alone.
  assert.deepEqual(files.loData({ kind: "lodata", subCommand: 0, loFd: r, length: 10, bufferSize: 32_000 }).length, 1);
  // JDBC hands a fetched locator back in its 144-hex-digit tuple form: accepted too.
  const hex = new TextEncoder().encode(Buffer.from(locator).toString("hex"));
  assert.ok(int(files.call("ifx_lo_open", [hex, 4], ["blob", undefined])[0]!) > 0);
});

test("issue 9: bad descriptors, seeks, modes and foreign locators are -9810", () => {
  const files = new LoFiles(new Sbspace());
  const { locator, fd } = created(files, "blob");
  assert.equal(
    code(() => files.call("ifx_lo_seek", [fd, -1n, 0, 0n], [])),
    SQLCODE_SMART_LOB,
  );
  assert.equal(
    code(() => files.call("ifx_lo_seek", [fd, 0n, 7, 0n], [])),
    SQLCODE_SMART_LOB,
  );
  assert.equal(
    code(() => files.call("ifx_lo_stat", [999, new Uint8Array(644)], [])),
    SQLCODE_SMART_LOB,
  );
  const [ro] = files.call("ifx_lo_open", [locator, 4], []);
  assert.equal(
    code(() => write(files, int(ro!), Uint8Array.of(1))),
    SQLCODE_SMART_LOB,
    "LO_RDONLY refuses writes",
  );
  assert.equal(
    code(() => files.loData({ kind: "lodata", subCommand: 9, loFd: fd, length: 1, bufferSize: 1 })),
    SQLCODE_SMART_LOB,
  );
  const foreign = new LoFiles(new Sbspace());
  assert.equal(
    code(() => foreign.call("ifx_lo_open", [locator, 4], [])),
    SQLCODE_SMART_LOB,
  );
});

test("issue 9: seek offsets count from 0 (LO_SEEK_SET 0, CUR 1, END 2); a write past the end leaves zeros; ifx_lo_tell", () => {
  // What IBM JDBC's Blob.setBytes(1, x) sends on a new Blob: seek(1, SET), then x (smart-lobs.md §4.3).
  const space = new Sbspace();
  const files = new LoFiles(space);
  const { locator, fd } = created(files, "blob");
  const seek = (offset: bigint, whence: number) =>
    new DataView(files.call("ifx_lo_seek", [fd, offset, whence, 0n], [])[0].payload!.buffer).getUint32(2);
  assert.equal(seek(1n, 0), 1);
  write(files, fd, Uint8Array.of(7, 8, 9));
  assert.deepEqual(space.bytes(space.get(locator)), Uint8Array.of(0, 7, 8, 9));
  assert.equal(seek(0n, 0), 0);
  write(files, fd, Uint8Array.of(1));
  assert.equal(seek(-1n, 1), 0, "CUR -1 after writing byte 0");
  assert.equal(seek(0n, 2), 4, "END");
  assert.deepEqual(space.bytes(space.get(locator)), Uint8Array.of(1, 7, 8, 9));
  // informix-db's ifx_lo_tell(integer) → INTEGER; IBM JDBC's ifx_lo_tell(int, int8) → INT8.
  const [small] = files.call("ifx_lo_tell", [fd], []);
  assert.equal(small!.type, T.SQLINT);
  assert.equal(int(small!), 4);
  const [wide] = files.call("ifx_lo_tell", [fd, 0n], []);
  assert.equal(wide!.type, T.SQLINT8);
  assert.deepEqual(wide!.payload, Uint8Array.of(0, 1, 0, 0, 0, 4, 0, 0, 0, 0));
});
