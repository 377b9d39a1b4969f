// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Fast start: a PGlite data directory with the catalog (and, for `demo`, stores_demo)
// already in it, built once and cached on disk. A fresh PGlite runs initdb (seconds, and
// most of the memory it ever uses); loading a dumped data directory skips that.
//
// The cache key is the PGlite version plus a hash of the emulator's engine and SQL code
// (catalog SQL, demo data, the DDL rewriter): any change there builds a new template.
// Where: $INFORMIX_EMULATOR_CACHE, else node_modules/.cache/informix-emulator next to the
// installed package, else <tmpdir>/informix-emulator-cache. Writers write a private
// temporary file and rename it into place, so two emulators starting at once never read a
// half-written template; a template that does not load is rebuilt.

import { createHash } from "node:crypto";
import { mkdirSync, openAsBlob, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, sep } from "node:path";
import { fileURLToPath } from "node:url";

/** Files whose content decides what a template holds: the compiled engine and SQL layers. */
function codeDirs(): string[] {
  const engineDir = dirname(dirname(fileURLToPath(import.meta.url)));
  return [engineDir, join(dirname(engineDir), "sql")];
}

function hashDir(hash: ReturnType<typeof createHash>, dir: string): void {
  let entries: string[];
  try {
    entries = readdirSync(dir, { recursive: true, encoding: "utf8" }).sort();
  } catch {
    return;
  }
  for (const name of entries) {
    if (!name.endsWith(".js")) continue;
    try {
      hash.update(name).update(readFileSync(join(dir, name)));
    } catch {
      // a directory named *.js, or a file removed meanwhile: not part of the key
    }
  }
}

function pgliteVersion(): string {
  try {
    const entry = fileURLToPath(import.meta.resolve("@electric-sql/pglite"));
    const pkg = JSON.parse(readFileSync(join(dirname(dirname(entry)), "package.json"), "utf8")) as { version?: string };
    return pkg.version ?? "unknown";
  } catch {
    return "unknown";
  }
}

let codeKey: string | undefined;

/** The cache key of a template: PGlite version, emulator code, and what it holds. */
export function templateKey(kind: string): string {
  if (codeKey === undefined) {
    const hash = createHash("sha256");
    for (const dir of codeDirs()) hashDir(hash, dir);
    codeKey = hash.digest("hex").slice(0, 16);
  }
  return `pglite-${pgliteVersion()}-${kind}-${codeKey}`;
}

/** The cache directory (see the header). */
export function cacheDir(): string {
  const env = process.env["INFORMIX_EMULATOR_CACHE"];
  if (env !== undefined && env !== "") return env;
  const here = fileURLToPath(import.meta.url);
  const at = here.lastIndexOf(`${sep}node_modules${sep}`);
  if (at >= 0) return join(here.slice(0, at), "node_modules", ".cache", "informix-emulator");
  // One folder per checkout: pruning old templates never touches another checkout's.
  const checkout = createHash("sha256")
    .update(dirname(dirname(here)))
    .digest("hex")
    .slice(0, 12);
  return join(tmpdir(), "informix-emulator-cache", checkout);
}

function fileOf(key: string): string {
  return join(cacheDir(), `${key}.tar`);
}

/** The cached data directory for `key` (backed by the file, not copied into memory), or null. */
export async function readTemplate(key: string): Promise<Blob | null> {
  try {
    return await openAsBlob(fileOf(key));
  } catch {
    return null;
  }
}

/** Stores a data directory under `key` (atomic rename); a cache that cannot be written is skipped. */
export function writeTemplate(key: string, data: Uint8Array): void {
  const file = fileOf(key);
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temp, data);
    renameSync(temp, file);
    // Templates of the same kind from earlier emulator code are dead weight (tens of MB each).
    const prefix = key.slice(0, key.lastIndexOf("-") + 1);
    for (const name of readdirSync(dirname(file))) {
      if (name.startsWith(prefix) && name.endsWith(".tar") && name !== `${key}.tar`)
        rmSync(join(dirname(file), name), { force: true });
    }
  } catch {
    rmSync(temp, { force: true });
  }
}

/** Forgets a template that did not load. */
export function dropTemplate(key: string): void {
  rmSync(fileOf(key), { force: true });
}
