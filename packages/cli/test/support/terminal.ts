// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Drives `ifx` in a real pseudo-terminal: util-linux `script` allocates the pty, runs the
// command in it and relays our keystrokes to it, so ifx sees a terminal on stdin, stdout and
// stderr exactly as a person's shell would give it.

import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export const IFX = fileURLToPath(new URL("../../../bin/ifx.js", import.meta.url));

// biome-ignore lint/suspicious/noControlCharactersInRegex: terminal escape sequences are what this removes
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;

// biome-ignore lint/suspicious/noControlCharactersInRegex: terminal escape sequences are what this removes
const ERASED = /[^\n]*\r\u001b\[2K/g;

const quote = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;

export class Terminal {
  readonly #child: ChildProcess;
  #raw = "";
  readonly exited: Promise<number | null>;

  constructor(args: readonly string[], env: NodeJS.ProcessEnv) {
    const command = [process.execPath, IFX, ...args].map(quote).join(" ");
    this.#child = spawn("script", ["-qfec", command, "/dev/null"], {
      env: { ...process.env, TERM: "xterm", COLUMNS: "120", ...env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    this.#child.stdout!.on("data", (d: Buffer) => {
      this.#raw += d.toString("utf8");
    });
    this.#child.stderr!.on("data", (d: Buffer) => {
      this.#raw += d.toString("utf8");
    });
    this.exited = new Promise((resolve) => this.#child.on("exit", (code) => resolve(code)));
  }

  /** The screen output so far, without terminal control sequences. */
  get text(): string {
    // "\r ESC[2K" erases the line so far (the progress bar does that before other output).
    return this.#raw.replace(ERASED, "").replace(ANSI, "").replaceAll("\r", "");
  }

  get raw(): string {
    return this.#raw;
  }

  /** Types text; "\r" is the Enter key. */
  type(keys: string): void {
    this.#child.stdin!.write(keys);
  }

  /** Waits until the output after `from` (a length of `text`) matches; returns that part. */
  async waitFor(pattern: RegExp, from = 0, timeoutMs = 60_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const tail = this.text.slice(from);
      if (pattern.test(tail)) return tail;
      if (this.#child.exitCode !== null) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`no ${pattern} on the terminal; it shows:\n${this.text.slice(from).slice(-3000)}`);
  }

  kill(): void {
    if (this.#child.exitCode === null) this.#child.kill("SIGKILL");
  }
}
