// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// One self-overwriting status line on stderr, only when stderr is a terminal (piped output
// stays clean), redrawn at most ten times a second: "[#######.......]  45% LOAD: 12000 rows".

export interface ProgressLine {
  update(label: string, done?: number, total?: number): void;
  clear(): void;
}

interface Terminal {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(text: string): unknown;
}

const WIDTH = 24;

export function progressLine(stream: Terminal): ProgressLine {
  if (!stream.isTTY) return { update() {}, clear() {} };
  let last = 0;
  let shown = false;
  return {
    update(label, done, total) {
      const now = Date.now();
      const finished = done !== undefined && total !== undefined && done >= total;
      if (now - last < 100 && !finished) return;
      last = now;
      let bar = "";
      if (done !== undefined && total !== undefined && total > 0) {
        const filled = Math.min(WIDTH, Math.round((done / total) * WIDTH));
        const pct = Math.min(100, Math.floor((done / total) * 100));
        bar = `[${"#".repeat(filled)}${".".repeat(WIDTH - filled)}] ${String(pct).padStart(3)}% `;
      }
      stream.write(`\r\x1b[2K${`${bar}${label}`.slice(0, (stream.columns || 80) - 1)}`);
      shown = true;
    },
    clear() {
      if (shown) stream.write("\r\x1b[2K");
      shown = false;
      last = 0;
    },
  };
}
