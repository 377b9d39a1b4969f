// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// The code set a session's character data travels in. IDS does no conversion on the
// wire: the client converts between its CLIENT_LOCALE and the database locale, and the
// server reads and writes bytes of the database's code set (the GLS guide, "Verify the
// database locale"):
// - before a database is open: the DB_LOCALE the client sent, else en_US.8859-1;
// - once one is open: the locale the database was created with. When the client's
//   DB_LOCALE (or the default, when it sent none) names another locale, the DBOPEN DONE
//   carries the locale-mismatch warning and the database's locale wins;
// - with EILSEQ_COMPAT_MODE 0 (IDS's default) bytes that are not valid in the database's
//   code set are refused with -202. Every byte is valid in a single-byte set; a multi-byte
//   set (utf8, the CJK sets) can receive invalid sequences.

import { codecForLocale, codeSetOfLocale, type TextCodec } from "@informix-db/protocol";

/** IDS's locale when the client sends no DB_LOCALE and the server sets none. */
export const DEFAULT_LOCALE = "en_US.8859-1";
const REPLACEMENT = "\ufffd";
/** U+FFFD written in UTF-8: a client may send the character itself. */
const UTF8_REPLACEMENT = [0xef, 0xbf, 0xbd];

/** Same locale: same language_territory and code set, whatever the spelling (en_us.819 = en_US.8859-1). */
export function sameLocale(a: string, b: string): boolean {
  const language = (l: string) => (l.includes(".") ? l.slice(0, l.lastIndexOf(".")) : l).toLowerCase();
  const set = (l: string) => codeSetOfLocale(l) ?? l.toLowerCase();
  return language(a) === language(b) && set(a) === set(b);
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf(REPLACEMENT); i !== -1; i = text.indexOf(REPLACEMENT, i + 1)) n++;
  return n;
}

function countUtf8Replacements(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 0; i + 2 < bytes.length; i++) {
    if (
      bytes[i] === UTF8_REPLACEMENT[0] &&
      bytes[i + 1] === UTF8_REPLACEMENT[1] &&
      bytes[i + 2] === UTF8_REPLACEMENT[2]
    )
      n++;
  }
  return n;
}

/**
 * The session's code set. Its codec decodes leniently, as the protocol decoders need, and
 * remembers whether any bytes were invalid, so that the request they came in can be
 * answered with -202 instead of storing replacement characters.
 */
export class SessionCodeSet {
  private invalid = false;
  private current: TextCodec;
  private currentLocale: string;
  private lastAsked: string | undefined;

  constructor(private readonly clientDbLocale: string | undefined) {
    this.currentLocale = clientDbLocale ?? DEFAULT_LOCALE;
    this.current = this.validating(codecForLocale(this.currentLocale));
  }

  get codec(): TextCodec {
    return this.current;
  }

  /** Switches to the locale of the database just opened (called after every request: the last one asked is remembered). */
  use(locale: string): void {
    if (locale === this.lastAsked) return;
    this.lastAsked = locale;
    if (sameLocale(locale, this.currentLocale)) return;
    this.currentLocale = locale;
    this.current = this.validating(codecForLocale(locale));
  }

  /** True when the client's DB_LOCALE (or IDS's default) does not name the database's locale. */
  mismatches(databaseLocale: string): boolean {
    return !sameLocale(this.clientDbLocale ?? DEFAULT_LOCALE, databaseLocale);
  }

  /** Whether invalid bytes were decoded since the last call. */
  takeInvalid(): boolean {
    const seen = this.invalid;
    this.invalid = false;
    return seen;
  }

  private validating(base: TextCodec): TextCodec {
    if (base.maxBytesPerChar === 1) return base;
    const isUtf8 = base.name === "utf8";
    return {
      name: base.name,
      maxBytesPerChar: base.maxBytesPerChar,
      encode: (text) => base.encode(text),
      decode: (bytes) => {
        const text = base.decode(bytes);
        if (text.includes(REPLACEMENT) && countReplacements(text) > (isUtf8 ? countUtf8Replacements(bytes) : 0)) {
          this.invalid = true;
        }
        return text;
      },
    };
  }
}
