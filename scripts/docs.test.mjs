// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Issue 12: the documentation is checked like code. The error reference is regenerated and
// compared with docs/errors.md; every relative link in the repository's Markdown (README files,
// docs/, conformance/, bench/) must reach a file, and a `#fragment` a heading of that file. The API
// reference is generated from the TSDoc comments with TypeDoc (typedoc.json; `npm run docs` writes
// docs/api) into a temporary folder, and every link between its pages must reach a page.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { render } from "./generate-error-docs.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const SKIP = new Set(["node_modules", "dist", "target", ".venv", ".sdist", ".git", ".worktrees", "fixtures"]);

function markdownFiles(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) markdownFiles(path, out);
    else if (entry.name.endsWith(".md")) out.push(path);
  }
  return out;
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function anchors(markdown) {
  const seen = new Map();
  const out = new Set();
  let fenced = false;
  for (const line of markdown.split("\n")) {
    if (/^\s*```/.test(line)) fenced = !fenced;
    const m = !fenced && /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!m) continue;
    const base = m[1]
      .replace(/`/g, "")
      .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, "")
      .replace(/\s/g, "-");
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

/** Inline links and images outside code: [text](target) and ![alt](target). */
function links(markdown) {
  const out = [];
  let fenced = false;
  for (const line of markdown.split("\n")) {
    if (/^\s*```/.test(line)) {
      fenced = !fenced;
      continue;
    }
    if (fenced) continue;
    const prose = line.replace(/`[^`]*`/g, "");
    for (const m of prose.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) out.push(m[1]);
  }
  return out;
}

test("docs/errors.md is what scripts/generate-error-docs.mjs writes from the error catalogue", () => {
  assert.equal(
    readFileSync(join(root, "docs", "errors.md"), "utf8"),
    render(),
    "docs/errors.md is out of date: run node scripts/generate-error-docs.mjs",
  );
});

test("every relative link in the repository's Markdown reaches a file and, with #fragment, a heading", () => {
  const files = markdownFiles(root);
  assert.ok(files.length > 10, `found ${files.length} Markdown files`);
  const broken = [];
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    for (const link of links(text)) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(link)) continue; // https:, mailto: — not checked offline
      const [path, fragment] = link.split("#");
      const target = path === "" ? file : join(dirname(file), decodeURIComponent(path));
      const where = `${relative(root, file)}: ${link}`;
      if (
        !relative(root, target)
          .split("/")
          .every((part) => part !== "..")
      ) {
        broken.push(`${where} (outside the repository)`);
      } else if (!existsSync(target)) {
        broken.push(`${where} (no such file)`);
      } else if (fragment !== undefined && target.endsWith(".md") && statSync(target).isFile()) {
        if (!anchors(readFileSync(target, "utf8")).has(fragment)) broken.push(`${where} (no such heading)`);
      }
    }
  }
  assert.deepEqual(broken, []);
});

test("the link checker finds a broken link and a missing heading (it can fail)", () => {
  const md =
    "# Top\n## A `code` heading, with (punctuation)\n[x](#top) [y](#a-code-heading-with-punctuation) [z](#nope)";
  const found = anchors(md);
  const fragments = links(md).map((l) => l.slice(1));
  assert.deepEqual(
    fragments.filter((f) => !found.has(f)),
    ["nope"],
  );
});

test("TypeDoc generates the API reference of every package without errors, and its links resolve", () => {
  const out = mkdtempSync(join(tmpdir(), "informix-db-api-"));
  try {
    const r = spawnSync(join(root, "node_modules", ".bin", "typedoc"), ["--out", out], {
      cwd: root,
      encoding: "utf8",
      timeout: 300_000,
    });
    const output = `${r.stdout}${r.stderr}`;
    assert.equal(r.status, 0, output);
    assert.match(output, /Found 0 errors/);
    const pages = [];
    const walk = (dir) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name.endsWith(".html")) pages.push(p);
      }
    };
    walk(out);
    const text = pages.map((p) => readFileSync(p, "utf8")).join("\n");
    for (const name of ["informix-db", "@informix-db/protocol", "@informix-db/emulator", "@informix-db/kysely"]) {
      assert.ok(text.includes(name), `${name} is documented`);
    }
    for (const symbol of ["connect", "createPool", "InformixError", "startEmulator", "InformixDialect"]) {
      assert.ok(
        pages.some((p) => p.includes(`${symbol}.html`)),
        `${symbol} has a page`,
      );
    }
    const broken = [];
    for (const page of pages) {
      for (const m of readFileSync(page, "utf8").matchAll(/href="([^"]+)"/g)) {
        const href = m[1];
        if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("#")) continue;
        const path = decodeURIComponent(href.split("#")[0].split("?")[0]);
        if (!existsSync(join(dirname(page), path))) broken.push(`${relative(out, page)}: ${href}`);
      }
    }
    assert.ok(pages.length > 20, `${pages.length} pages`);
    assert.deepEqual(broken.slice(0, 20), []);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
