import { describe, expect, it } from 'vitest';
import { charCode, indexTokens, meaningfulQuery, pairToken, queryParts, queryTerms, queryWords } from '../../src/search/shared/tokens';

const searches = (query: string) => queryTerms(query).map((t) => t.search);

describe('the words index and query share for Chinese', () => {
  it('codes every Han character of the BMP as three symbols, and leaves the rare ones beyond without a code', () => {
    expect(charCode('麻')).toMatch(/^[0-9a-z]{3}$/);
    expect(charCode('麻')).not.toBe(charCode('屯'));
    expect(charCode('\u3400')).toBe('000');
    expect(charCode('\u9FFF')).toMatch(/^[0-9a-z]{3}$/);
    expect(charCode('𠀀')).toBeUndefined();
    expect(pairToken('𠀀', '麻')).toBeUndefined();
  });

  it('indexes every pair of neighbouring Han characters', () => {
    expect(indexTokens('麻屯镇')).toEqual([pairToken('麻', '屯'), pairToken('屯', '镇')]);
    expect(indexTokens('DRG 105,423 人次')).toEqual([pairToken('人', '次')]);
    expect(indexTokens('no Chinese here')).toEqual([]);
  });

  it('turns a name inside a longer word into tokens the longer word was indexed with', () => {
    const indexed = new Set(indexTokens('孟津县小浪底镇卫生院和麻屯镇卫生院实行双向转诊、结余留用'));
    for (const query of ['小浪底', '浪底镇', '卫生院', '麻屯', '转诊', '向转', '结余留用', '余留']) {
      for (const term of searches(query)) expect(indexed.has(term), `${query}: ${term}`).toBe(true);
    }
  });

  it('searches a lone character, or one without a code, as itself', () => {
    expect(searches('镇')).toEqual(['镇']);
    expect(searches('𠀀麻屯')).toEqual([pairToken('麻', '屯'), '𠀀']);
  });

  it('keeps Latin words and numbers as words of their own, and drops repeated pairs', () => {
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
});

describe('the words of a query every result must hold', () => {
  /** An index that holds the pairs of these texts. */
  const indexOf = (...texts: string[]) => {
    const held = new Set(texts.flatMap(indexTokens));
    return (term: string) => held.has(term) || !term.startsWith('yq');
  };
  const site = indexOf('麻屯镇卫生院', '医共体和医疗集团', '北京市', '县医院', '高密市人民医院', '技术指导团队', '看病', '昆明市');

  it.each([
    ['麻屯镇卫生院', ['麻屯镇卫生院']],
    ['去麻屯镇卫生院看病', ['麻屯镇卫生院', '看病']],
    ['北京协和医院', ['北京', '和医院']],
    ['高密市人民医院派 技术指导团队', ['高密市人民医院', '技术指导团队']],
    ['昆明 87.49', ['昆明', '87.49']],
    ['县', ['县']],
    ['小狼底', []],
  ])('%s → %j', (query, expected) => {
    expect(queryWords(query, site).map((w) => w.text)).toEqual(expected);
  });

  it("gives each word the terms the index is asked for: a long word's pairs, a lone character, a number", () => {
    expect(queryWords('麻屯镇', site)).toEqual([{ text: '麻屯镇', terms: [pairToken('麻', '屯'), pairToken('屯', '镇')] }]);
    expect(queryWords('县 105,423', site)).toEqual([
      { text: '县', terms: ['县'] },
      { text: '105,423', terms: ['105,423'] },
    ]);
  });
});
