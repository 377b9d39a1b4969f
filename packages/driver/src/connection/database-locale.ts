// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Following the database's locale. When the DB_LOCALE a client sent (IDS's default
// en_US.8859-1 when it sent none) does not name the database's locale, the DBOPEN DONE
// carries the locale-mismatch warning and the server uses the database's locale: its
// character data then travels in the database's code set. IBM JDBC reacts by reading the
// locale from systables and converting with it (docs/protocol/jdbc-observed.md §8); so do we.

import { findCodecForLocale } from "@informix-db/protocol";
import { RowDecoder } from "../result/row-decoder.js";
import { closeCursor, fetchBatch, fetchBuffer, openCursor, prepareStatement } from "../statement/statement-ops.js";
import type { Session } from "./session.js";

/** IBM JDBC's query, word for word: the site column of the locale row names the locale. */
const LOCALE_SQL = "select FIRST 1 site from informix.systables where tabname = ' GL_COLLATE'";

/** The open database's locale as its catalog names it, or undefined when it has none. */
export async function readDatabaseLocale(session: Session): Promise<string | undefined> {
  const h = await prepareStatement(session, LOCALE_SQL, 0, session.ctx.codec);
  const buffer = fetchBuffer(h, 1);
  const batch = (await openCursor(session, h, "_ifxlocale", [], buffer)) ?? (await fetchBatch(session, h, buffer));
  const decoder = new RowDecoder(h.layout!, h.fields, h.columns, { rowMode: "array", types: {}, raw: false });
  const tuples = batch.tuples;
  await closeCursor(session, h, true);
  const site = tuples.starts.length > 0 ? (decoder.decodeAt(tuples, 0) as unknown[])[0] : undefined;
  return typeof site === "string" && site.trim() !== "" ? site.trim() : undefined;
}

/**
 * After a DBOPEN with the mismatch warning: switch the session to the database's code set.
 * A locale this driver cannot convert leaves the session as it was; the name is returned
 * so that the caller can report it.
 */
export async function adoptDatabaseLocale(session: Session): Promise<string | undefined> {
  const locale = await readDatabaseLocale(session);
  const codec = locale === undefined ? undefined : findCodecForLocale(locale);
  if (codec !== undefined) session.ctx = { ...session.ctx, codec };
  return locale;
}
