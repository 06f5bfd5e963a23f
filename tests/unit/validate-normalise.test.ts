import { describe, expect, it } from 'vitest';
import { MAY_CHANGE } from '../../src/data/validate';

/** Every code point of the BMP and a few astral planes' worth, as strings. */
function* codePoints(): Generator<string> {
  for (let c = 0; c <= 0x2ffff; c++) if (c < 0xd800 || c > 0xdfff) yield String.fromCodePoint(c);
}

describe('the fast path that skips normalising plain texts', () => {
  it('lets through only characters that NFC leaves alone and that no later character can combine with or reorder', () => {
    const wrong: string[] = [];
    const skipped: string[] = [];
    for (const ch of codePoints()) {
      if (MAY_CHANGE.test(`x${ch}x`)) continue;
      skipped.push(ch);
      // A skipped character must be NFC on its own and not a combining mark (which NFC could reorder).
      if (ch.normalize('NFC') !== ch || /\p{M}/u.test(ch)) wrong.push(ch.codePointAt(0)!.toString(16));
    }
    expect(wrong).toEqual([]);
    expect(skipped.length).toBeGreaterThan(20_000);
    // Nor may two skipped characters compose: every pair of the non-ideographs, and ideographs beside them.
    const small = skipped.filter((ch) => ch < '\u4e00' || ch > '\u9fff');
    const pairs = [...small, '资', '中', '\u9fff'];
    for (const a of pairs) for (const b of pairs) if ((a + b).normalize('NFC') !== a + b) wrong.push(`${a}${b}`);
    expect(wrong).toEqual([]);
  });

  it('sends every text that trimming or NFC would change to the slow path', () => {
    const texts = [' 资中县', '资中县 ', '资中县\u3000', '\u00a0资中县', 'e\u0301', 'Å', '\u212b', '\uf900', '\u2000', '가', '\u1100\u1161', '\u302b\u302a', '资中县\n', '\ufeff资中县'];
    for (const text of texts) {
      expect(text.normalize('NFC').trim() !== text, `fixture ${JSON.stringify(text)} should need normalising`).toBe(text !== 'Å' && text !== '가');
      if (text.normalize('NFC').trim() !== text) expect(MAY_CHANGE.test(text), JSON.stringify(text)).toBe(true);
    }
    for (const plain of ['资中县人民医院', 'zizhong-people-hospital', '2021年，县域内就诊率达到93.91%', '（一）门诊']) expect(MAY_CHANGE.test(plain)).toBe(false);
  });
});
