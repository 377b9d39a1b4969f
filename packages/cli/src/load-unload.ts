// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// dbaccess's client-side statements: UNLOAD TO 'file' [DELIMITER 'c'] SELECT … streams a
// query's rows into a file, and LOAD FROM 'file' [DELIMITER 'c'] INSERT INTO t [(cols)] streams
// a file's records into an INSERT prepared once. Neither exists on the server: the client reads
// or writes the file. Both stream (memory stays flat) and report progress as they go.

import { once } from "node:events";
import { createReadStream, createWriteStream, statSync } from "node:fs";
import { type ColumnInfo, type Connection, Param } from "informix-db";
import { type DateFormat, encodeRecord, type Field, parseDate, RecordReader } from "./unl.js";

export interface UnloadStatement {
  readonly kind: "unload";
  readonly file: string;
  readonly delimiter: string | undefined;
  readonly select: string;
}

export interface LoadStatement {
  readonly kind: "load";
  readonly file: string;
  readonly delimiter: string | undefined;
  readonly table: string;
  readonly columns: readonly string[] | undefined;
}

const QUOTED = `(?:'((?:[^']|'')*)'|"((?:[^"]|"")*)")`;
const UNLOAD = new RegExp(String.raw`^UNLOAD\s+TO\s+${QUOTED}(?:\s+DELIMITER\s+${QUOTED})?\s+(SELECT\b[\s\S]*)$`, "i");
const LOAD = new RegExp(
  String.raw`^LOAD\s+FROM\s+${QUOTED}(?:\s+DELIMITER\s+${QUOTED})?\s+INSERT\s+INTO\s+([\w.:@"]+)\s*(?:\(([^)]*)\))?\s*$`,
  "i",
);

const unquote = (single: string | undefined, double: string | undefined): string | undefined =>
  single !== undefined ? single.replaceAll("''", "'") : double?.replaceAll('""', '"');

/** Recognises LOAD and UNLOAD; undefined for any other statement (sent to the server as is). */
export function parseLoadUnload(sql: string): UnloadStatement | LoadStatement | undefined {
  const text = sql.trim();
  const u = UNLOAD.exec(text);
  if (u) return { kind: "unload", file: unquote(u[1], u[2])!, delimiter: unquote(u[3], u[4]), select: u[5]! };
  const l = LOAD.exec(text);
  if (l) {
    const columns = l[6]
      ?.split(",")
      .map((c) => c.trim())
      .filter((c) => c !== "");
    return { kind: "load", file: unquote(l[1], l[2])!, delimiter: unquote(l[3], l[4]), table: l[5]!, columns };
  }
  if (/^(UN)?LOAD\b/i.test(text)) {
    throw new Error(
      "expected UNLOAD TO 'file' [DELIMITER 'c'] SELECT … or LOAD FROM 'file' [DELIMITER 'c'] INSERT INTO table [(columns)]",
    );
  }
  return undefined;
}

/** Progress callback: rows so far, and for LOAD the bytes read of the file's size. */
export type Progress = (rows: number, bytes?: number, total?: number) => void;

export async function runUnload(
  conn: Connection,
  s: UnloadStatement,
  delimiter: string,
  dates: DateFormat,
  progress: Progress,
): Promise<number> {
  const stmt = await conn.prepare(s.select);
  const out = createWriteStream(s.file);
  const failed = once(out, "error").then(([e]) => {
    throw e;
  });
  failed.catch(() => {});
  let rows = 0;
  try {
    const columns = stmt.columns;
    for await (const row of stmt.stream<unknown[]>([], { rowMode: "array", fetchSize: 500 })) {
      if (!out.write(encodeRecord(row, columns, delimiter, dates))) await Promise.race([once(out, "drain"), failed]);
      if (++rows % 1000 === 0) progress(rows);
    }
    out.end();
    await Promise.race([once(out, "finish"), failed]);
    progress(rows);
    return rows;
  } finally {
    out.destroy();
    await stmt.close();
  }
}

export async function runLoad(
  conn: Connection,
  s: LoadStatement,
  delimiter: string,
  dates: DateFormat,
  progress: Progress,
): Promise<number> {
  const total = statSync(s.file).size;
  const reader = new RecordReader(delimiter);
  const input = createReadStream(s.file, { encoding: "utf8" });
  let stmt: Awaited<ReturnType<Connection["prepare"]>> | undefined;
  let rows = 0;
  let bytes = 0;
  // In a logged database outside a transaction, the whole file goes in one transaction: all or nothing.
  const own = conn.databaseInfo?.logged === true && !conn.inTransaction;
  if (own) await conn.begin();
  try {
    const insert = async (fields: Field[], line: number) => {
      if (stmt === undefined) {
        const cols = s.columns ? ` (${s.columns.join(", ")})` : "";
        const marks = fields.map(() => "?").join(", ");
        stmt = await conn.prepare(`INSERT INTO ${s.table}${cols} VALUES (${marks})`);
      }
      const params = stmt.params;
      try {
        await stmt.query(fields.map((f, i) => bindValue(f, params[i], dates)));
      } catch (e) {
        throw new Error(`${s.file}:${line}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
      }
      if (++rows % 1000 === 0) progress(rows, bytes, total);
    };
    for await (const chunk of input as AsyncIterable<string>) {
      bytes += Buffer.byteLength(chunk);
      let line = reader.line;
      for (const record of reader.push(chunk)) {
        await insert(record, line);
        line++;
      }
    }
    const last = reader.end();
    if (last) await insert(last, reader.line);
    if (own) await conn.commit();
    progress(rows, total, total);
    return rows;
  } catch (e) {
    if (own && conn.inTransaction) await conn.rollback().catch(() => {});
    throw e;
  } finally {
    input.destroy();
    await stmt?.close();
  }
}

/** Converts one LOAD field to a value of the INSERT parameter's type, as the server describes it. */
export function bindValue(field: Field, param: ColumnInfo | undefined, dates: DateFormat): unknown {
  if (field === null) return null;
  switch (param?.type) {
    case "SMALLINT":
    case "INTEGER":
    case "SERIAL":
    case "FLOAT":
    case "SMALLFLOAT": {
      const n = Number(field.trim());
      if (field.trim() === "" || !Number.isFinite(n)) throw new Error(`"${field}" is not a number`);
      return n;
    }
    case "INT8":
    case "BIGINT":
    case "SERIAL8":
    case "BIGSERIAL":
      return BigInt(field.trim());
    case "DECIMAL":
      return Param.decimal(field.trim());
    case "MONEY":
      return Param.money(field.trim());
    case "DATE":
      return parseDate(field.trim(), dates);
    case "DATETIME":
      return Param.datetime(field.trim(), param.qualifier);
    case "INTERVAL":
      return Param.interval(field.trim(), param.qualifier);
    case "BOOLEAN":
      if (/^[t1]$/i.test(field.trim())) return true;
      if (/^[f0]$/i.test(field.trim())) return false;
      throw new Error(`"${field}" is not a BOOLEAN (t or f)`);
    default:
      return field;
  }
}
