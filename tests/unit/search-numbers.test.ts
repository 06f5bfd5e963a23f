import { describe, expect, it } from 'vitest';
import { figureNamed, figureTokens, numberToken, queryNumbers, readFigures, writeFigures } from '../../src/search/shared/numbers';
import { queryParts, queryTerms, queryWords } from '../../src/search/shared/tokens';

const searches = (query: string) => queryTerms(query).map((t) => t.search);

describe('figures as people write them', () => {
  it('finds a figure of 10,000 or more by every way it rounds in 万, and a query in 万 by the same token', () => {
    for (const [value, query] of [[105423, '10.5万'], [105423, '11万'], [105423, '10.54万'], [105000, '10.5万'], [639000, '63.9万'], [639000, '64万'], [73730, '7.37万'], [73730, '7.4万'], [250_000_000, '2.5亿']] as const) {
      expect(figureTokens(value), `${value} as ${query}`).toEqual(expect.arrayContaining(searches(query)));
    }
    // Not what the figure rounds to, and nothing for small figures (nobody writes 1,207 as 0.12万).
    for (const [value, query] of [[105423, '10.6万'], [105423, '10万'], [73730, '7.3万']] as const) expect(figureTokens(value)).not.toEqual(expect.arrayContaining(searches(query)));
    expect(figureTokens(1207)).toEqual([]);
  });

  it('reads a number in 万 as one term and one word, with or without commas, trailing zeros or a space', () => {
    expect(searches('10.5万')).toEqual([numberToken('10.5', '万')]);
    expect(searches('10.50 万')).toEqual(searches('10.5万'));
    expect(searches('1,050万')).toEqual([numberToken('1050', '万')]);
    expect(searches('远程影像 10.5万')).toContain(numberToken('10.5', '万'));
    expect(queryWords('10.5万', () => true)).toEqual([{ text: '10.5万', terms: searches('10.5万') }]);
    expect(queryParts('远程影像10.5万')).toEqual(['10.5万', '远程影像']);
  });

  it('takes a number in a query as the figures that round to it', () => {
    expect(queryNumbers('10.5万')).toEqual([{ value: 105000, tolerance: 500 }]);
    expect(queryNumbers('87.49%')).toEqual([{ value: 87.49, tolerance: 0.005 }]);
    expect(queryNumbers('昆明 105,423 人次')).toEqual([{ value: 105423, tolerance: 0.5 }]);
    expect(queryNumbers('麻屯镇')).toEqual([]);
  });

  it("links to the row of the figure a query's number names, not to another figure", () => {
    const figures = [{ id: 'a', value: 73730 }, { id: 'b', value: 105423 }, { id: 'c', value: 87.49 }];
    expect(figureNamed(figures, queryNumbers('10.5万'))?.id).toBe('b');
    expect(figureNamed(figures, queryNumbers('105423'))?.id).toBe('b');
    expect(figureNamed(figures, queryNumbers('7.4万'))?.id).toBe('a');
    expect(figureNamed(figures, queryNumbers('87.49%'))?.id).toBe('c');
    expect(figureNamed(figures, queryNumbers('87.5'))?.id).toBe('c');
    expect(figureNamed(figures, queryNumbers('87.4'))).toBeUndefined();
    expect(figureNamed(figures, queryNumbers('10.6万'))).toBeUndefined();
    expect(figureNamed(figures, [])).toBeUndefined();
  });

  it('keeps figures in one metadata value and reads them back, skipping what is not a figure', () => {
    const figures = [{ id: 'zizhong-remote-imaging-cases-cum', value: 105423 }, { id: 'x', value: 87.49 }];
    expect(readFigures(writeFigures(figures))).toEqual(figures);
    expect(readFigures(undefined)).toEqual([]);
    expect(readFigures('a=1 b= c=x d')).toEqual([{ id: 'a', value: 1 }]);
  });
});
