// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Splits SQL text into statements the way dbaccess reads a script: a `;` outside string
// literals and comments ends a statement. Informix has three comment forms (`--` to the end
// of the line, `{ … }` and `/* … */`) and two quote characters ('…' and "…", a doubled quote
// escaping itself). The body of CREATE PROCEDURE / CREATE FUNCTION is SPL, whose statements
// end in `;` too, so such a statement ends only at the `;` after END PROCEDURE / END FUNCTION.

/** One complete statement and the line (1-based) where it starts. */
export interface SplitStatement {
  readonly text: string;
  readonly line: number;
}

type State = "code" | "single" | "double" | "line-comment" | "brace-comment" | "c-comment";

const SPL_START = /^\s*CREATE\s+(?:DBA\s+)?(PROCEDURE|FUNCTION)\b/i;
const SPL_END = /\bEND\s+(PROCEDURE|FUNCTION)\s*$/i;

/** Incremental splitter: feed text (whole files or REPL lines), take complete statements. */
export class StatementSplitter {
  #state: State = "code";
  /** The current statement's text, comments included. */
  #text = "";
  /** The current statement's code only (comments and literals blanked), for keyword tests. */
  #code = "";
  #line = 1;
  #startLine = 1;

  /** True while a statement has begun and is not yet complete (the REPL's continuation prompt). */
  get pending(): boolean {
    return this.#text.trim() !== "";
  }

  /** Adds text; returns the statements it completed. */
  push(chunk: string): SplitStatement[] {
    const out: SplitStatement[] = [];
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      const next = chunk[i + 1];
      if (!this.pending && /\s/.test(c)) {
        if (c === "\n") this.#line++;
        continue;
      }
      if (!this.pending) this.#startLine = this.#line;
      if (c === "\n") this.#line++;
      switch (this.#state) {
        case "code":
          if (c === ";" && this.#endsHere()) {
            const text = this.#text.trim();
            this.#text = "";
            this.#code = "";
            if (text !== "") out.push({ text, line: this.#startLine });
            continue;
          }
          if (c === "'") this.#state = "single";
          else if (c === '"') this.#state = "double";
          else if (c === "-" && next === "-") this.#state = "line-comment";
          else if (c === "{") this.#state = "brace-comment";
          else if (c === "/" && next === "*") this.#state = "c-comment";
          this.#code += this.#state === "code" ? c : " ";
          break;
        case "single":
        case "double":
          if (c === (this.#state === "single" ? "'" : '"')) {
            if (next === c) {
              this.#text += c;
              i++;
            } else this.#state = "code";
          }
          break;
        case "line-comment":
          if (c === "\n") this.#state = "code";
          break;
        case "brace-comment":
          if (c === "}") this.#state = "code";
          break;
        case "c-comment":
          if (c === "*" && next === "/") {
            this.#text += c;
            i++;
            this.#state = "code";
            this.#text += "/";
            continue;
          }
          break;
      }
      this.#text += c;
    }
    return out;
  }

  /** What is left at the end of the input (a last statement without `;`), if anything. */
  end(): SplitStatement | undefined {
    const text = this.#text.trim();
    const line = this.#startLine;
    this.reset();
    return text === "" || /^(?:--[^\n]*\n?|\{[^}]*\}|\/\*[\s\S]*?\*\/|\s)*$/.test(text) ? undefined : { text, line };
  }

  /** Drops a partly typed statement (Ctrl-C in the REPL). */
  reset(): void {
    this.#state = "code";
    this.#text = "";
    this.#code = "";
  }

  #endsHere(): boolean {
    if (!SPL_START.test(this.#code)) return true;
    return SPL_END.test(this.#code);
  }
}

/** Splits a whole text into statements (a last one without `;` included). */
export function splitStatements(text: string): SplitStatement[] {
  const splitter = new StatementSplitter();
  const out = splitter.push(text);
  const last = splitter.end();
  if (last) out.push(last);
  return out;
}
