import { describe, expect, it } from 'vitest';
import { excerpt, matchedPieces } from '../../src/search/browser/excerpt';

const marked = (segments: { text: string; mark: boolean }[]) => segments.filter((s) => s.mark).map((s) => s.text);
const joined = (segments: { text: string; mark: boolean }[]) => segments.map((s) => s.text).join('');

describe('the excerpt under a search result', () => {
  const text = '孟津县第一医疗卫生共同体由县人民医院牵头，成员为麻屯、常袋、横水、小浪底4个镇卫生院。远程影像诊断 105,423 人次。';

  it('marks what the page really says of a sentence query, not the words around it', () => {
    expect(marked(excerpt(text, ['去小浪底镇卫生院看病']))).toEqual(['小浪底', '镇卫生院']);
  });

  it('marks figures written with thousands separators and Latin words in any case', () => {
    expect(marked(excerpt(text, ['105423']))).toEqual(['105,423']);
    expect(marked(excerpt('按 DRG 付费', ['drg']))).toEqual(['DRG']);
  });

  it('shows the stretch around the match with ellipses where the text goes on', () => {
    const long = '前'.repeat(200) + '结余留用' + '后'.repeat(200);
    const segments = excerpt(long, ['结余留用'], 40);
    expect(joined(segments).startsWith('…')).toBe(true);
    expect(joined(segments).endsWith('…')).toBe(true);
    expect(joined(segments)).toHaveLength(42);
    expect(marked(segments)).toEqual(['结余留用']);
  });

  it('starts at the beginning when nothing matches', () => {
    expect(joined(excerpt('短文本', ['没有']))).toBe('短文本');
  });

  it('marks a single character only when it is the whole query part', () => {
    expect(matchedPieces(['镇'], text).map((r) => r.source)).toEqual(['镇']);
    expect(matchedPieces(['镇外'], text)).toEqual([]);
  });

  it('starts at the sentence that holds the match, not in the tail of the sentence before', () => {
    for (const before of ['数值前的“≥”表示来源写的是“以上”或“不低于”。', '说明文字很长很长很长很长很长很长！', '一句话；']) {
      const page = `${'无关的开头。'.repeat(10)}${before}昆明市的下转患者占比为中位数 0.85%。后面的话。`;
      expect(joined(excerpt(page, ['下转'])), before).toMatch(/^…昆明市的下转患者占比/);
    }
  });
});
