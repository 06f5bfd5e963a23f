import { describe, expect, it } from 'vitest';
import { charCode, indexTokens, meaningfulQuery, pairToken, queryParts, queryTerms, readableContent, TOKEN_MARK } from '../../src/lib/search-tokens';

const searches = (query: string) => queryTerms(query).map((t) => t.search);

describe('the words index and query share for Chinese', () => {
  it('codes a character as four letters, and every Han character below the run-end code', () => {
    expect(charCode('麻')).toMatch(/^[a-z]{4}$/);
    expect(charCode('麻')).not.toBe(charCode('屯'));
    // The last code point of CJK extension block G still sorts below "zzzz".
    expect(charCode('\u{3134A}') < 'zzzz').toBe(true);
  });

  it('indexes every pair of neighbouring characters and the last character of each run', () => {
    expect(indexTokens('麻屯镇')).toEqual([pairToken('麻', '屯'), pairToken('屯', '镇'), `${TOKEN_MARK}${charCode('镇')}zzzz`]);
    expect(indexTokens('DRG 105,423 人次')).toEqual([pairToken('人', '次'), `${TOKEN_MARK}${charCode('次')}zzzz`]);
    expect(indexTokens('no Chinese here')).toEqual([]);
  });

  it('turns a name inside a longer word into tokens the longer word was indexed with', () => {
    const indexed = new Set(indexTokens('孟津县小浪底镇卫生院和麻屯镇卫生院实行双向转诊、结余留用'));
    for (const query of ['小浪底', '浪底镇', '卫生院', '麻屯', '转诊', '向转', '结余留用', '余留']) {
      for (const term of searches(query)) expect(indexed.has(term), `${query}: ${term}`).toBe(true);
    }
  });

  it('searches a lone character as the prefix of the pairs it begins, which also covers the end of a run', () => {
    const [term] = searches('镇');
    expect(term).toBe(TOKEN_MARK + charCode('镇'));
    expect(indexTokens('麻屯镇').filter((t) => t.startsWith(term))).toHaveLength(1);
    expect(indexTokens('镇卫生院').filter((t) => t.startsWith(term))).toHaveLength(1);
  });

  it('keeps Latin words and numbers as Pagefind words, and drops repeated pairs', () => {
    expect(searches('DRG 87.49 105,423')).toEqual(['drg', '87.49', '105,423']);
    expect(searches('135安宁模式')).toEqual([pairToken('安', '宁'), pairToken('宁', '模'), pairToken('模', '式'), '135']);
    expect(searches('转诊 转诊')).toEqual([pairToken('转', '诊')]);
    expect(queryTerms('小浪底').map((t) => t.text)).toEqual(['小浪', '浪底']);
  });

  it('cuts question words and particles out of a query, unless nothing else is left', () => {
    expect(meaningfulQuery('请问石林县人民医院是牵头医院吗').split(/\s+/).filter(Boolean)).toEqual(['石林县人民医院是牵头医院']);
    expect(meaningfulQuery('资中县中医医院牵头的医共体有哪些分院').split(/\s+/).filter(Boolean)).toEqual(['资中县中医医院牵头', '医共体', '分院']);
    expect(meaningfulQuery('什么')).toBe('什么');
  });

  it('lists the parts a reader would recognise, longest first', () => {
    expect(queryParts('孟津 麻屯镇卫生院 DRG')).toEqual(['麻屯镇卫生院', 'DRG', '孟津']);
  });

  it('shows stored page text without tokens, segment marks or the full stops Pagefind adds after Chinese blocks', () => {
    const stored = `麻\u200B屯\u200B镇\u200B卫生\u200B院. 类型：乡镇\u200B卫生院 ${indexTokens('麻屯镇卫生院').join(' ')}.`;
    expect(readableContent(stored)).toBe('麻屯镇卫生院 类型：乡镇卫生院');
    expect(readableContent('DRG 付费. 1.5 倍')).toBe('DRG 付费 1.5 倍');
  });
});
