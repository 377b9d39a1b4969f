// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Result output: aligned text tables (numbers right-aligned, NULL as an empty cell), JSON
// lines (bigint as a number when exact, else a string) and CSV (RFC 4180 quoting).

import type { ColumnInfo } from "informix-db";

export type OutputFormat = "table" | "json" | "csv";

const NUMERIC = new Set(["SMALLINT", "INTEGER", "SERIAL", "INT8", "BIGINT", "SERIAL8", "BIGSERIAL", "FLOAT"]);
const RIGHT = new Set([...NUMERIC, "SMALLFLOAT", "DECIMAL", "MONEY"]);

export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Uint8Array) return `\\x${Buffer.from(value).toString("hex")}`;
  return String(value);
}

export function jsonReplacer(_key: string, value: unknown): unknown {
  if (typeof value !== "bigint") return value;
  const safe = value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER);
  return safe ? Number(value) : value.toString();
}

/** An aligned table with a header, a rule and one line per row (multi-line values are flattened). */
export function renderTable(columns: readonly ColumnInfo[], rows: readonly unknown[][]): string {
  const cells = rows.map((r) => r.map((v) => cellText(v).replace(/\r?\n/g, "↵")));
  const widths = columns.map((c, i) => Math.max(c.name.length, ...cells.map((r) => r[i]!.length)));
  const pad = (text: string, i: number) =>
    RIGHT.has(columns[i]!.type) ? text.padStart(widths[i]!) : text.padEnd(widths[i]!);
  const lines = [
    columns
      .map((c, i) => c.name.padEnd(widths[i]!))
      .join(" | ")
      .trimEnd(),
    widths.map((w) => "-".repeat(w)).join("-+-"),
    ...cells.map((r) => r.map(pad).join(" | ").trimEnd()),
  ];
  return `${lines.join("\n")}\n`;
}

export function renderJsonLines(columns: readonly ColumnInfo[], rows: readonly unknown[][]): string {
  return rows
    .map((r) => `${JSON.stringify(Object.fromEntries(columns.map((c, i) => [c.name, r[i]])), jsonReplacer)}\n`)
    .join("");
}

function csvField(value: unknown): string {
  const text = cellText(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function renderCsv(columns: readonly ColumnInfo[], rows: readonly unknown[][]): string {
  const lines = [columns.map((c) => csvField(c.name)).join(","), ...rows.map((r) => r.map(csvField).join(","))];
  return `${lines.join("\r\n")}\r\n`;
}

export function render(format: OutputFormat, columns: readonly ColumnInfo[], rows: readonly unknown[][]): string {
  if (format === "json") return renderJsonLines(columns, rows);
  if (format === "csv") return renderCsv(columns, rows);
  return renderTable(columns, rows);
}
