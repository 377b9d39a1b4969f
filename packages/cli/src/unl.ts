// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The UNLOAD/LOAD file format as dbaccess writes and reads it (IBM's "UNLOAD TO file" page):
// one record per line, every field followed by the delimiter (so a line ends with it), NULL as
// an empty field, an empty string as a backslash and a blank, and a backslash before a
// delimiter, a backslash or a newline that is part of the data. CHAR values lose their
// trailing blanks, VARCHAR values keep them. DATE follows DBDATE (default MDY4/: mm/dd/yyyy);
// DATETIME and INTERVAL appear as their literal digits; BOOLEAN as t or f.

import { type ColumnInfo, InformixDate } from "informix-db";

/** DBDATE: the order of day, month and year, the year's width, the separator. */
export interface DateFormat {
  readonly order: readonly ("D" | "M" | "Y")[];
  readonly yearDigits: 2 | 4;
  readonly separator: string;
}

/** Parses a DBDATE value such as "MDY4/", "DMY4.", "Y4MD-"; undefined or "" gives MDY4/. */
export function parseDbdate(dbdate: string | undefined): DateFormat {
  const m = /^([DMY])(4|2)?([DMY])(4|2)?([DMY])(4|2)?([^A-Za-z1-9]?)$/i.exec((dbdate ?? "").trim());
  if (!m) return { order: ["M", "D", "Y"], yearDigits: 4, separator: "/" };
  const order = [m[1], m[3], m[5]].map((x) => x!.toUpperCase()) as ("D" | "M" | "Y")[];
  if (new Set(order).size !== 3) return { order: ["M", "D", "Y"], yearDigits: 4, separator: "/" };
  const width = m[2] ?? m[4] ?? m[6];
  return { order, yearDigits: width === "2" ? 2 : 4, separator: m[7] === "0" ? "" : (m[7] ?? "") };
}

export function formatDate(d: InformixDate, f: DateFormat): string {
  const [y, mo, da] = d.toString().split("-") as [string, string, string];
  const part = { Y: f.yearDigits === 2 ? y.slice(-2) : y, M: mo, D: da };
  return f.order.map((k) => part[k]).join(f.separator);
}

export function parseDate(text: string, f: DateFormat): InformixDate {
  const parts = f.separator === "" ? splitFixed(text, f) : text.split(f.separator);
  if (parts.length !== 3) throw new Error(`"${text}" is not a date in the DBDATE order ${f.order.join("")}`);
  const v: Record<string, number> = {};
  f.order.forEach((k, i) => {
    v[k] = Number(parts[i]);
  });
  let year = v["Y"]!;
  if (parts[f.order.indexOf("Y")]!.length <= 2) year += year < 50 ? 2000 : 1900;
  return InformixDate.of(year, v["M"]!, v["D"]!);
}

function splitFixed(text: string, f: DateFormat): string[] {
  const out: string[] = [];
  let at = 0;
  for (const k of f.order) {
    const n = k === "Y" ? f.yearDigits : 2;
    out.push(text.slice(at, at + n));
    at += n;
  }
  return out;
}

/** Renders one value as an UNLOAD field (before escaping). */
export function fieldText(value: unknown, column: ColumnInfo, dates: DateFormat): string {
  if (value === null || value === undefined) return "";
  if (value instanceof InformixDate) return formatDate(value, dates);
  if (typeof value === "boolean") return value ? "t" : "f";
  if (typeof value === "string") {
    const text = column.type === "CHAR" || column.type === "NCHAR" ? value.trimEnd() : value;
    return text;
  }
  if (value instanceof Uint8Array) return Buffer.from(value).toString("hex");
  return String(value);
}

/** One UNLOAD line: escaped fields, each followed by the delimiter, then a newline. */
export function encodeRecord(
  values: readonly unknown[],
  columns: readonly ColumnInfo[],
  delimiter: string,
  dates: DateFormat,
): string {
  let line = "";
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value === null || value === undefined) {
      line += delimiter;
      continue;
    }
    const text = fieldText(value, columns[i]!, dates);
    if (text === "") line += `\\ ${delimiter}`;
    else line += escapeField(text, delimiter) + delimiter;
  }
  return `${line}\n`;
}

function escapeField(text: string, delimiter: string): string {
  let out = "";
  for (const c of text) out += c === "\\" || c === "\n" || c === delimiter ? `\\${c}` : c;
  return out;
}

/** A decoded LOAD field: null for NULL, else the text with escapes removed. */
export type Field = string | null;

/**
 * Reads UNLOAD records from text arriving in chunks (a record may span chunks, and lines: an
 * escaped newline is data). `push` returns the records completed so far; `end` the last one if
 * the file does not end with a newline.
 */
export class RecordReader {
  readonly #delimiter: string;
  #fields: Field[] = [];
  #field = "";
  #escaped = false;
  #emptyMark = false;
  #line = 1;

  constructor(delimiter: string) {
    if (delimiter.length !== 1 || delimiter === "\\" || delimiter === "\n") {
      throw new Error(`the delimiter must be one character other than backslash and newline, not "${delimiter}"`);
    }
    this.#delimiter = delimiter;
  }

  /** The input line where the next record starts (for error messages). */
  get line(): number {
    return this.#line;
  }

  push(chunk: string): Field[][] {
    const out: Field[][] = [];
    for (const c of chunk) {
      if (this.#escaped) {
        this.#escaped = false;
        // "\ " alone is the empty string; a backslash before any other character makes it data.
        if (c === " " && this.#field === "") this.#emptyMark = true;
        else this.#field += c;
        continue;
      }
      if (c === "\\") this.#escaped = true;
      else if (c === this.#delimiter) this.#closeField();
      else if (c === "\n") {
        if (this.#field !== "" || this.#emptyMark) this.#closeField(); // a last field without delimiter
        out.push(this.#fields);
        this.#fields = [];
        this.#line++;
      } else if (c !== "\r" || this.#field !== "") this.#field += c;
    }
    return out;
  }

  end(): Field[] | undefined {
    if (this.#field !== "" || this.#emptyMark) this.#closeField();
    const last = this.#fields;
    this.#fields = [];
    return last.length > 0 ? last : undefined;
  }

  #closeField(): void {
    this.#fields.push(this.#field === "" && !this.#emptyMark ? null : this.#field);
    this.#field = "";
    this.#emptyMark = false;
  }
}
