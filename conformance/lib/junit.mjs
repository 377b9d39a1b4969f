// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// pytest's JUnit XML, read into one entry per test: outcome (passed, failure, error,
// skipped), the message with its traceback, and record_property values.

function decodeXml(s) {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-fA-F]+);/g, (_, n) => String.fromCodePoint(Number.parseInt(n, 16)))
    .replace(/&amp;/g, "&");
}

function attr(tag, name) {
  const m = tag.match(new RegExp(`\\s${name}="([^"]*)"`));
  return m ? decodeXml(m[1]) : null;
}

/**
 * Parses JUnit XML into Map<key, { outcome, message, properties }>, where key is
 * `keyOf(classname, name)` (the test name alone by default).
 */
export function parseJunit(xml, keyOf = (_classname, name) => name) {
  const out = new Map();
  const re = /<testcase\b([^>]*?)(\/>|>([\s\S]*?)<\/testcase>)/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const key = keyOf(attr(m[1], "classname") ?? "", attr(m[1], "name"));
    const body = m[3] ?? "";
    const bad = body.match(/<(failure|error)\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1>)/);
    const skipped = body.match(/<skipped\b([^>]*)/);
    const properties = {};
    for (const p of body.matchAll(/<property\b([^>]*)\/>/g)) properties[attr(p[1], "name")] = attr(p[1], "value");
    const entry = { outcome: "passed", message: "", properties };
    if (bad) {
      entry.outcome = bad[1];
      entry.message = `${attr(bad[2], "message") ?? ""}\n${decodeXml(bad[3] ?? "")}`.trim();
    } else if (skipped) {
      entry.outcome = "skipped";
      entry.message = attr(skipped[1], "message") ?? "";
    }
    // An error in teardown adds a second <testcase> entry for the same test; keep the worst.
    if (!out.has(key) || entry.outcome !== "passed") out.set(key, entry);
  }
  return out;
}
