// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Code sets without GLS files (issue 10 §4): every locale spelling finds its codec, text
// round-trips, known bytes come out (checked against the published code-page charts), and a
// character a code set lacks is a typed error naming it, never a silent '?'.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { latin1, utf8 } from "../../src/text/code-pages.js";
import { codecForLocale, codeSetOfLocale, findCodecForLocale } from "../../src/text/code-sets.js";
import { TypeCodecError } from "../../src/types/type-codec-error.js";

const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");

function codec(locale: string) {
  const c = findCodecForLocale(locale);
  assert.ok(c, `no codec for ${locale}`);
  return c;
}

function assertUnmappable(fn: () => unknown, char: string, codeSet: string) {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof TypeCodecError);
    assert.equal(e.code, "UNMAPPABLE_CHARACTER");
    assert.match(e.message, new RegExp(`"${char}"`));
    assert.match(e.message, new RegExp(`code set ${codeSet}`));
    return true;
  });
}

describe("locale names", () => {
  test("names and numbers of a code set reach the same codec, case-insensitively", () => {
    assert.equal(codeSetOfLocale("en_US.8859-1"), "8859-1");
    assert.equal(codeSetOfLocale("en_us.819"), "8859-1");
    assert.equal(codeSetOfLocale("en_US.UTF8"), "utf8");
    assert.equal(codeSetOfLocale("en_US.57372"), "utf8");
    assert.equal(codeSetOfLocale("de_DE.CP1252"), "cp1252");
    assert.equal(codeSetOfLocale("de_DE.1252"), "cp1252");
    assert.equal(codeSetOfLocale("fr_FR.923"), "8859-15");
    assert.equal(codeSetOfLocale("ja_jp.sjis"), "sjis-s");
    assert.equal(codeSetOfLocale("ko_kr.cp949"), "ksc");
    assert.equal(findCodecForLocale("en_US.819"), latin1);
    assert.equal(findCodecForLocale("en_US.utf8"), utf8);
  });

  test("an unknown code set is not found; codecForLocale falls back to Latin-1", () => {
    assert.equal(findCodecForLocale("en_US.ebcdic"), undefined);
    assert.equal(codeSetOfLocale("nolocale"), undefined);
    assert.equal(codecForLocale("en_US.ebcdic"), latin1);
    assert.equal(codecForLocale(undefined), latin1);
  });
});

describe("single-byte code sets", () => {
  test("every ISO 8859 and Windows 125x set round-trips all its defined bytes", () => {
    const sets = ["2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "13", "14", "15"].map((n) => `8859-${n}`);
    for (let n = 1250; n <= 1258; n++) sets.push(`cp${n}`);
    for (const name of sets) {
      const c = codec(`xx_XX.${name}`);
      const all = Uint8Array.from({ length: 256 }, (_, i) => i);
      const text = c.decode(all);
      assert.equal(text.length, 256, name);
      const defined = [...text].filter((ch) => ch !== "\ufffd").join("");
      assert.equal(c.decode(c.encode(defined)), defined, name);
    }
  });

  test("known bytes: the euro sign, Turkish and Cyrillic letters", () => {
    assert.equal(hex(codec("de_DE.cp1252").encode("€é")), "80e9");
    assert.equal(hex(codec("fr_FR.8859-15").encode("€")), "a4");
    assert.equal(hex(codec("tr_TR.8859-9").encode("Ğş")), "d0fe");
    assert.equal(codec("tr_TR.8859-9").decode(Uint8Array.of(0x80)), "\u0080"); // ISO keeps C1, unlike cp1254
    assert.equal(hex(codec("ru_RU.cp1251").encode("Жж")), "c6e6");
    assert.equal(hex(codec("ru_RU.8859-5").encode("Ж")), "b6");
    assert.equal(codec("cs_CZ.8859-2").decode(Uint8Array.of(0x61, 0xa9, 0x62)), "aŠb");
  });

  test("a character outside the set is UNMAPPABLE_CHARACTER naming it and the set", () => {
    assertUnmappable(() => latin1.encode("price: 5 €"), "€", "8859-1");
    assertUnmappable(() => codec("de_DE.cp1252").encode("Ğ"), "Ğ", "cp1252");
    assertUnmappable(() => codec("fr_FR.8859-15").encode("¤"), "¤", "8859-15");
  });
});

describe("UTF-8", () => {
  test("round-trips every plane; a lone surrogate is refused", () => {
    const s = "ñoño 🎉 你好 مرحبا";
    assert.equal(utf8.decode(utf8.encode(s)), s);
    assert.throws(
      () => utf8.encode("a\ud800b"),
      (e: unknown) => e instanceof TypeCodecError && /U\+D800/.test(e.message),
    );
    assert.throws(() => utf8.encode("\udc00"), TypeCodecError);
  });
});

describe("CJK code sets", () => {
  const cases: Array<[string, string, string]> = [
    ["ja_JP.sjis-s", "日本ｱ", "93fa967bb1"],
    ["ja_JP.ujis", "日本ｱ", "c6fccbdc8eb1"],
    ["zh_TW.big5", "中文", "a4a4a4e5"],
    ["ko_KR.ksc", "한국", "c7d1b1b9"],
    ["zh_CN.gb", "中文", "d6d0cec4"],
  ];
  for (const [locale, text, bytes] of cases) {
    test(`${locale}: known bytes both ways, ASCII kept, a Turkish letter refused`, () => {
      const c = codec(locale);
      assert.equal(hex(c.encode(text)), bytes);
      assert.equal(c.decode(Buffer.from(bytes, "hex")), text);
      assert.equal(c.decode(c.encode(`id=42 ${text}`)), `id=42 ${text}`);
      assertUnmappable(() => c.encode("ğ"), "ğ", c.name);
    });
  }
});
