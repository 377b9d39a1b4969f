// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Runs one statement or backslash command on the connection and writes what it produced:
// rows in the chosen format, a count line for other statements, timing when asked. LOAD and
// UNLOAD run on the client (load-unload.ts); DATABASE goes through selectDatabase so that the
// connection knows the new database's kind (logged, ANSI).

import { performance } from "node:perf_hooks";
import type { Connection } from "informix-db";
import { columnType, describeTable, type ListingQuery, listDatabases, listTables } from "./catalog.js";
import { type OutputFormat, render } from "./format.js";
import { parseLoadUnload, runLoad, runUnload } from "./load-unload.js";
import type { ProgressLine } from "./progress.js";
import { parseDbdate } from "./unl.js";

export interface Output {
  write(text: string): void;
}

export const HELP = `\\l              list databases
\\d              list tables and views
\\d NAME         describe table NAME
\\c DATABASE     open another database
\\timing         timing on or off
\\format table|json|csv
\\q              quit
Statements end with ';' (CREATE PROCEDURE/FUNCTION at END PROCEDURE/FUNCTION;).
`;

const COUNT_WORDS: Readonly<Record<string, string>> = { INSERT: "inserted", UPDATE: "updated", DELETE: "deleted" };

export class Session {
  format: OutputFormat;
  timing: boolean;
  readonly #conn: Connection;
  readonly #out: Output;
  readonly #progress: ProgressLine;
  readonly #env: NodeJS.ProcessEnv;

  constructor(
    conn: Connection,
    out: Output,
    progress: ProgressLine,
    options: { format: OutputFormat; timing: boolean; env: NodeJS.ProcessEnv },
  ) {
    this.#conn = conn;
    this.#out = out;
    this.#progress = progress;
    this.format = options.format;
    this.timing = options.timing;
    this.#env = options.env;
  }

  /** Runs one SQL statement; throws the driver's error when it fails. */
  async run(sql: string): Promise<void> {
    const started = performance.now();
    await this.#execute(sql);
    if (this.timing) this.#out.write(`Time: ${(performance.now() - started).toFixed(3)} ms\n`);
  }

  /** Runs a backslash command; returns false for \q. */
  async command(line: string): Promise<boolean> {
    const [name = "", ...args] = line.trim().split(/\s+/);
    const arg = args.join(" ");
    switch (name) {
      case "\\q":
        return false;
      case "\\?":
      case "\\h":
        this.#out.write(HELP);
        return true;
      case "\\l":
        await this.#listing(listDatabases());
        return true;
      case "\\d":
        if (arg === "") await this.#listing(listTables());
        else await this.#describe(arg);
        return true;
      case "\\c": {
        const info = await this.#conn.selectDatabase(arg);
        this.#out.write(`Database ${info.name} opened (${describeDatabase(info)}).\n`);
        return true;
      }
      case "\\timing":
        this.timing = arg === "" ? !this.timing : arg === "on";
        this.#out.write(`Timing is ${this.timing ? "on" : "off"}.\n`);
        return true;
      case "\\format":
        if (arg !== "table" && arg !== "json" && arg !== "csv") throw new Error("\\format takes table, json or csv");
        this.format = arg;
        return true;
      default:
        throw new Error(`unknown command ${name}; \\? lists the commands`);
    }
  }

  async #execute(sql: string): Promise<void> {
    const special = parseLoadUnload(sql);
    const dates = parseDbdate(this.#env["DBDATE"]);
    if (special?.kind === "unload") {
      const delimiter = special.delimiter ?? this.#env["DBDELIMITER"] ?? "|";
      const rows = await runUnload(this.#conn, special, delimiter, dates, (n) =>
        this.#progress.update(`UNLOAD: ${n} rows`),
      );
      this.#progress.clear();
      this.#out.write(`${rows} row(s) unloaded.\n`);
      return;
    }
    if (special?.kind === "load") {
      const delimiter = special.delimiter ?? this.#env["DBDELIMITER"] ?? "|";
      const rows = await runLoad(this.#conn, special, delimiter, dates, (n, bytes, total) =>
        this.#progress.update(`LOAD: ${n} rows`, bytes, total),
      );
      this.#progress.clear();
      this.#out.write(`${rows} row(s) loaded.\n`);
      return;
    }
    const db = /^DATABASE\s+([\w@:]+)\s*(EXCLUSIVE)?\s*$/i.exec(sql.trim());
    if (db && !db[2]) {
      const info = await this.#conn.selectDatabase(db[1]!);
      this.#out.write(`Database ${info.name} opened (${describeDatabase(info)}).\n`);
      return;
    }
    const r = await this.#conn.query<unknown[]>(sql, [], { rowMode: "array" });
    if (r.columns.length > 0) {
      this.#out.write(render(this.format, r.columns, r.rows));
      if (this.format === "table") this.#out.write(`(${r.rowCount} row${r.rowCount === 1 ? "" : "s"})\n`);
      return;
    }
    if (this.format !== "table") return;
    const word = COUNT_WORDS[r.command];
    // The server's statement type names the common kinds; for the rest, the statement's own first words.
    const kind = /^STATEMENT\b/.test(r.command) || r.command === "" ? leadingWords(sql) : r.command;
    this.#out.write(word ? `${r.rowCount} row(s) ${word}.\n` : `${kind} done.\n`);
  }

  async #listing(q: ListingQuery): Promise<void> {
    const r = await this.#conn.query<unknown[]>(q.sql, q.params, { rowMode: "array" });
    this.#out.write(
      render(
        this.format,
        r.columns,
        r.rows.map((row) => row.map(trimText)),
      ),
    );
  }

  async #describe(name: string): Promise<void> {
    const q = describeTable(name);
    const r = await this.#conn.query<unknown[]>(q.sql, q.params, { rowMode: "array" });
    if (r.rows.length === 0) throw new Error(`no table or view named ${name}`);
    const columns = [
      { name: "column", type: "VARCHAR", typeCode: 13, nullable: false },
      { name: "type", type: "VARCHAR", typeCode: 13, nullable: false },
    ];
    const rows = r.rows.map((row) => [trimText(row[1]), columnType(Number(row[2]), Number(row[3]))]);
    this.#out.write(render(this.format, columns, rows));
  }
}

function leadingWords(sql: string): string {
  const words = sql
    .replace(/--[^\n]*|\{[^}]*\}|\/\*[\s\S]*?\*\//g, " ")
    .trim()
    .split(/\s+/);
  const n = /^(CREATE|DROP|ALTER|GRANT|REVOKE|SET|RENAME)$/i.test(words[0] ?? "") ? 2 : 1;
  const kind = words.slice(0, n).join(" ").toUpperCase();
  return n === 2 && /^(TEMP|UNIQUE|DISTINCT|CLUSTER|DBA)$/i.test(words[1] ?? "")
    ? `${kind} ${(words[2] ?? "").toUpperCase()}`
    : kind;
}

const trimText = (v: unknown) => (typeof v === "string" ? v.trimEnd() : v);

function describeDatabase(info: { logged: boolean; ansi: boolean; buffered: boolean }): string {
  if (info.ansi) return "ANSI mode";
  if (!info.logged) return "no log";
  return info.buffered ? "buffered log" : "logged";
}
