// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 9: a ROW or collection column IBM JDBC asks for as SENDRECV (44) whose fields the binary
// form cannot carry (LVARCHAR, INTERVAL, nested) is answered with the form's header and no
// entries, which JDBC steps over (rs.next() and the other columns work) and refuses in getObject
// (-79716), never with the text envelope (docs/protocol/composite-types.md).

import assert from "node:assert/strict";
import { test } from "node:test";
import { DEFAULT_CONTEXT, typeCodes as T } from "@informix-db/protocol";
import type { EngineColumn } from "../../src/engine/types.js";
import { RowEncoder, retTypeColumns } from "../../src/server/values.js";

const column = (name: string, type: number, extendedName: string): EngineColumn => ({
  name,
  type,
  encodedLength: 2048,
  extendedId: 0,
  extendedOwner: "",
  extendedName,
});

const SENDRECV = { type: T.SQLSENDRECV, encodedLength: 2048 };
const INT = { type: T.SQLINT, encodedLength: 4 };

test("issue 9: unreadable ROW/collection fields get the empty-header form; DATETIME/BOOLEAN fields the full form", () => {
  const columns = [
    column("u", T.SQLROW, "ROW(a integer, l lvarchar(100))"),
    column("n", T.SQLLIST, "LIST(ROW(a integer) not null)"),
    column("r", T.SQLROW, "ROW(a integer, d datetime year to second, b boolean)"),
    column("id", T.SQLINT, "integer"),
  ];
  const ret = retTypeColumns(columns, [SENDRECV, SENDRECV, SENDRECV, INT]);
  assert.deepEqual(
    ret.map((c) => c.type),
    [T.SQLSENDRECV, T.SQLSENDRECV, T.SQLSENDRECV, T.SQLINT],
  );
  const row = new RowEncoder(
    ret.map((c) => ({ ...c, encodedLength: c.type === T.SQLINT ? 4 : c.encodedLength })),
    DEFAULT_CONTEXT,
  ).encode(["ROW(1,'x')", null, "ROW(5,'2024-02-29 10:11:12','t')", 9]);
  const view = new DataView(row.buffer, row.byteOffset, row.byteLength);
  const header = 132 + 6;
  for (const at of [0, 4 + header]) {
    assert.equal(view.getInt32(at), header);
    assert.equal(view.getInt32(at + 4 + 132), 0, "no entries");
    assert.equal(view.getInt16(at + 4 + 136), 1);
  }
  // The readable ROW: 4 entries (the ROW and three fields), then its data; the INTEGER last.
  const r = 2 * (4 + header);
  assert.equal(view.getInt32(r + 4 + 132), 4);
  assert.equal(r + 4 + view.getInt32(r), row.length - 4);
  assert.equal(view.getInt32(row.length - 4), 9);
});
