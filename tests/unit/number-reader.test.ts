/**
 * One reader of numbers written in digits (src/data/figures.ts `writtenNumbers`): the excerpt check, the search query
 * and the search index read "63.9万" alike. Expected values from the data: Zizhong's 2024-08 family-doctor contracts are
 * 639,000 people, quoted as "有效签约人数63.9万人".
 */
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/read-sources';
import { excerptContainsValue, numbersInText, writtenNumbers } from '../../src/data/figures';
import { figureNamed, queryNumbers } from '../../src/search/shared/numbers';

const figure = loadDataset(process.cwd()).observations.find((o) => o.id === 'zizhong-family-doctor-contracted-people-2024-08')!;

describe('numbers written in digits', () => {
  it('reads the excerpt’s 63.9万 as the figure’s 639,000, and the check accepts it', () => {
    expect(figure.source.excerpt).toBe('有效签约人数63.9万人');
    expect(writtenNumbers(figure.source.excerpt)).toEqual([{ digits: '63.9', unit: '万', number: 63.9, value: figure.value }]);
    expect(numbersInText(figure.source.excerpt)).toContain(figure.value);
    expect(excerptContainsValue(figure.source.excerpt, figure.value)).toBe(true);
  });

  it('reads a query the same way, so "63.9万" and "639,000" find the figure and "64万" (its rounding) does too', () => {
    for (const query of ['签约 63.9万', '639,000人', '64万']) expect(figureNamed([{ id: figure.id, value: figure.value }], queryNumbers(query)), query).toBeDefined();
    expect(figureNamed([{ id: figure.id, value: figure.value }], queryNumbers('65万'))).toBeUndefined();
  });

  it('takes thousands commas only in groups of three, and full-width digits as digits', () => {
    expect(writtenNumbers('105,423 人次').map((n) => n.value)).toEqual([105423]);
    expect(writtenNumbers('1,2').map((n) => n.value)).toEqual([1, 2]);
    expect(writtenNumbers('８７．４９％').map((n) => n.value)).toEqual([87.49]);
  });
});

describe('a field holding one number, as the editor and the importer read it (readNumberField)', () => {
  it('reads what staff type: commas in threes, full-width digits, a percentage as shown, 万 where allowed', async () => {
    const { readNumberField } = await import('../../src/data/figures');
    const { parseNumber } = await import('../../src/editor/ui/app/values');
    expect(['105423', '105,423', '１０５，４２３', ' 105423 '].map((s) => readNumberField(s))).toEqual([105423, 105423, 105423, 105423]);
    expect(readNumberField('87.49%')).toBe(87.49);
    expect(readNumberField('10.5万')).toBe(105000);
    expect(readNumberField('10.5万', { multipliers: false })).toBeUndefined();
    expect(readNumberField('87.49%', { percent: false })).toBeUndefined();
    // Not a number as written: commas out of threes, words, two numbers.
    for (const text of ['1,2345', '约90', '15-35', '']) expect(readNumberField(text), text).toBeUndefined();
    // The editor keeps what is not a number as typed, for check to name.
    expect(parseNumber('约90')).toBe('约90');
    expect(parseNumber('１０.５万')).toBe(105000);
  });
});
