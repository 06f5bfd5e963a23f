import { describe, expect, it } from 'vitest';
import { answersSentence, holdsEveryWord, rankPages, rarity, sentenceCoverage } from '../../src/search/browser/rank';

const TOTAL = 100;

describe('combining the separate term searches into one ranking', () => {
  it('ranks a page that holds the whole query above pages that hold a common word of it', () => {
    // "我想去麻屯镇卫生院看病": the name's pairs are rare, 看病 is everywhere.
    const ranked = rankPages(
      [
        { pagesWithTerm: 3, hits: [{ id: 'matun', score: 4 }, { id: 'plan', score: 1 }, { id: 'group', score: 2 }] },
        { pagesWithTerm: 5, hits: [{ id: 'matun', score: 4 }, { id: 'plan', score: 1 }] },
        { pagesWithTerm: 60, hits: [{ id: 'plan', score: 1 }, { id: 'guide', score: 9 }, { id: 'faq', score: 8 }] },
      ],
      TOTAL,
    );
    expect(ranked[0].id).toBe('matun');
    expect(ranked.map((r) => r.id)).not.toContain('faq');
    expect(ranked.find((r) => r.id === 'plan')!.coverage).toBeCloseTo(1);
  });

  it('counts terms no page holds against every page, so one common pair of an unknown name matches nothing', () => {
    // "北京协和医院": 京协 and 协和 are on no page, 和医 and 医院 are common.
    const terms = [
      { pagesWithTerm: 0, hits: [] },
      { pagesWithTerm: 0, hits: [] },
      { pagesWithTerm: 40, hits: [{ id: 'plan', score: 3 }, { id: 'guide', score: 2 }] },
      { pagesWithTerm: 70, hits: [{ id: 'plan', score: 3 }] },
    ];
    expect(rankPages(terms, TOTAL)).toEqual([]);
    // The same pages, without the unknown pairs, would match in full.
    expect(rankPages(terms.slice(2), TOTAL).map((r) => r.id)).toContain('plan');
    expect(rankPages([{ pagesWithTerm: 0, hits: [] }], TOTAL)).toEqual([]);
  });

  it('keeps a sentence whose one filler pair is on no page ("…医院派了…")', () => {
    const ranked = rankPages(
      [
        { pagesWithTerm: 2, hits: [{ id: 'a', score: 3 }] },
        { pagesWithTerm: 3, hits: [{ id: 'a', score: 3 }] },
        { pagesWithTerm: 4, hits: [{ id: 'a', score: 3 }] },
        { pagesWithTerm: 0, hits: [] },
      ],
      TOTAL,
    );
    expect(ranked.map((r) => r.id)).toEqual(['a']);
  });

  it('weights rare terms above common ones (BM25 rarity)', () => {
    expect(rarity(TOTAL, 1)).toBeGreaterThan(rarity(TOTAL, 50));
    const ranked = rankPages(
      [
        { pagesWithTerm: 1, hits: [{ id: 'rare', score: 2 }] },
        { pagesWithTerm: 80, hits: [{ id: 'common', score: 2 }] },
      ],
      TOTAL,
      0,
    );
    expect(ranked.map((r) => r.id)).toEqual(['rare', 'common']);
  });
});

describe('every word of the query on every result', () => {
  const hits = new Map([
    ['p1', new Set(['a', 'b'])],
    ['p2', new Set(['a'])],
    ['135', new Set(['a', 'c'])],
  ]);
  const hitsOf = (term: string) => hits.get(term);

  it.each([
    [[{ terms: ['p1', 'p2'] }], ['a']],
    [[{ terms: ['p1'] }, { terms: ['135'] }], ['a']],
    [[{ terms: ['p1'] }], ['a', 'b']],
    [[{ terms: ['p1'] }, { terms: ['unknown'] }], []],
    [[], []],
  ])('%j holds on %j', (words, expected) => {
    expect(['a', 'b', 'c'].filter((id) => holdsEveryWord(id, words, hitsOf))).toEqual(expected);
  });
});

describe('a sentence answered by a page that holds most of it', () => {
  it.each([
    [['去麻屯镇卫生院看病'], '麻屯镇卫生院（乡镇卫生院）河南省洛阳市孟津县', true],
    [['孟津县妇幼保健院能转诊'], '孟津县妇幼保健院 孟津县第一医疗卫生共同体', true],
    [['高密市人民医院派', '技术指导团队'], '高密市人民医院向镇街卫生院派驻技术指导团队', true],
    [['北京协和医院'], '组建医共体和医院集团。北京市卫生健康委员会', false],
    [['深圳罗湖医院集团'], '城市医院集团', false],
    [['小浪底镇卫生院'], '小浪底', false],
  ])('%j in "%s": %s', (runs, text, expected) => {
    expect(answersSentence(sentenceCoverage(runs, text))).toBe(expected);
  });
});
