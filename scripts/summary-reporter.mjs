// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// node:test reporter: one line per failure with its error, then the closing line
// `N passed, N failed, N skipped` that CI reads. Suites are not counted, only tests.

export default async function* summaryReporter(source) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const failures = [];
  for await (const event of source) {
    if (event.type !== "test:pass" && event.type !== "test:fail") continue;
    const { data } = event;
    if (data.details?.type === "suite") {
      // A suite fails on its own only when a hook or its body threw.
      if (event.type === "test:fail" && data.details.error?.failureType !== "subtestsFailed") {
        failed++;
        failures.push(data);
      }
      continue;
    }
    if (data.skip !== undefined || data.todo !== undefined) skipped++;
    else if (event.type === "test:pass") passed++;
    else {
      failed++;
      failures.push(data);
    }
  }
  for (const data of failures) {
    const error = data.details?.error;
    const cause = error?.cause ?? error;
    yield `FAIL ${data.file ?? ""} › ${data.name}\n  ${String(cause?.stack ?? cause?.message ?? cause)
      .split("\n")
      .join("\n  ")}\n`;
  }
  yield `${passed} passed, ${failed} failed, ${skipped} skipped\n`;
}
