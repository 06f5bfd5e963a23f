import { describe, expect, it } from 'vitest';
import { rankPages, rarity } from '../../src/lib/search-rank';

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

  it('leaves out terms no page holds instead of sinking every page', () => {
    const ranked = rankPages(
      [
        { pagesWithTerm: 2, hits: [{ id: 'a', score: 3 }, { id: 'b', score: 1 }] },
        { pagesWithTerm: 0, hits: [] },
      ],
      TOTAL,
    );
    expect(ranked.map((r) => [r.id, r.coverage])).toEqual([
      ['a', 1],
      ['b', 1],
    ]);
    expect(rankPages([{ pagesWithTerm: 0, hits: [] }], TOTAL)).toEqual([]);
  });

  it('weights rare terms above common ones, as Pagefind does', () => {
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
