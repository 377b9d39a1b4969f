// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Informix locale names (`language_territory.codeset`, e.g. en_US.8859-1, en_us.819,
// de_DE.cp1252, ja_jp.sjis-s, zh_tw.big5) to codecs. The code set is named by its GLS
// name or its number; the numbers are the ones IBM's JDBC guide lists next to each name
// (8859-15 = 923 as the Python informix-driver maps it). Names compare case-insensitively.

import { latin1, type TextCodec, utf8 } from "./code-pages.js";
import { type MultiByteSpec, multiByteCodec } from "./multi-byte.js";
import { singleByteCodec } from "./single-byte.js";

/** Canonical code-set name by every spelling a locale may use. */
const ALIASES: Readonly<Record<string, string>> = {
  "8859-1": "8859-1",
  "819": "8859-1",
  "8859-2": "8859-2",
  "912": "8859-2",
  "8859-3": "8859-3",
  "57346": "8859-3",
  "8859-4": "8859-4",
  "57347": "8859-4",
  "8859-5": "8859-5",
  "915": "8859-5",
  "8859-6": "8859-6",
  "1089": "8859-6",
  "8859-7": "8859-7",
  "813": "8859-7",
  "8859-8": "8859-8",
  "916": "8859-8",
  "8859-9": "8859-9",
  "920": "8859-9",
  "8859-10": "8859-10",
  "8859-11": "8859-11",
  "8859-13": "8859-13",
  "8859-14": "8859-14",
  "8859-15": "8859-15",
  "923": "8859-15",
  utf8: "utf8",
  "utf-8": "utf8",
  "57372": "utf8",
  "sjis-s": "sjis-s",
  "932": "sjis-s",
  sjis: "sjis-s",
  "57350": "sjis-s",
  ujis: "ujis",
  "57351": "ujis",
  big5: "big5",
  "57352": "big5",
  ksc: "ksc",
  ks5601: "ksc",
  cp949: "ksc",
  "57356": "ksc",
  gb: "gb",
  "gb2312-80": "gb",
  cp936: "gb",
  "57357": "gb",
};
for (let n = 1250; n <= 1258; n++) {
  (ALIASES as Record<string, string>)[`cp${n}`] = `cp${n}`;
  (ALIASES as Record<string, string>)[String(n)] = `cp${n}`;
}

const CJK: Readonly<Record<string, MultiByteSpec>> = {
  "sjis-s": {
    label: "shift_jis",
    single: [[0xa1, 0xdf]],
    lead: [
      [0x81, 0x9f],
      [0xe0, 0xfc],
    ],
    trail: [
      [0x40, 0x7e],
      [0x80, 0xfc],
    ],
  },
  ujis: {
    label: "euc-jp",
    single: [],
    lead: [[0xa1, 0xfe]],
    trail: [[0xa1, 0xfe]],
    prefixed: { prefix: 0x8e, trail: [0xa1, 0xdf] },
  },
  big5: {
    label: "big5",
    single: [],
    lead: [[0x81, 0xfe]],
    trail: [
      [0x40, 0x7e],
      [0xa1, 0xfe],
    ],
  },
  ksc: { label: "euc-kr", single: [], lead: [[0x81, 0xfe]], trail: [[0x41, 0xfe]] },
  gb: {
    label: "gbk",
    single: [],
    lead: [[0x81, 0xfe]],
    trail: [
      [0x40, 0x7e],
      [0x80, 0xfe],
    ],
  },
};

const codecs = new Map<string, TextCodec | null>([
  ["8859-1", latin1],
  ["utf8", utf8],
]);

/** The canonical code-set name of a locale (`en_US.819` → "8859-1"), or undefined if unknown. */
export function codeSetOfLocale(locale: string): string | undefined {
  const dot = locale.lastIndexOf(".");
  const codeset = (dot === -1 ? locale : locale.slice(dot + 1)).toLowerCase();
  return ALIASES[codeset];
}

/**
 * The codec of a locale, or undefined when its code set is unknown or the runtime cannot
 * decode it (a CJK set on a runtime whose TextDecoder lacks the encoding).
 */
export function findCodecForLocale(locale: string): TextCodec | undefined {
  const name = codeSetOfLocale(locale);
  if (name === undefined) return undefined;
  let codec = codecs.get(name);
  if (codec === undefined) {
    const spec = CJK[name];
    codec = (spec ? multiByteCodec(name, spec) : singleByteCodec(name)) ?? null;
    codecs.set(name, codec);
  }
  return codec ?? undefined;
}

/**
 * Picks the codec of a locale name such as `en_US.8859-1`, `en_US.819`, `en_US.utf8`
 * or `en_US.57372`. Unknown code sets fall back to Latin-1, which never loses bytes.
 * A client that must refuse an unknown locale uses {@link findCodecForLocale}.
 */
export function codecForLocale(locale: string | undefined): TextCodec {
  return (locale === undefined ? undefined : findCodecForLocale(locale)) ?? latin1;
}
