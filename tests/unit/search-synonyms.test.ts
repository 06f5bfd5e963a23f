/**
 * Readers' words (data/synonyms/) and mistyped names: the synonym groups are checked like every other data file, a
 * query is rewritten with a group's other words, and a correction is offered only when one name fits.
 */
import { describe, expect, it } from 'vitest';
import { validateDataset, type SourceFiles } from '../../src/data/validate';
import { queryVariants } from '../../src/search/shared/synonyms';
import { correctionOf } from '../../src/search/browser/correct';
import { readingsOf } from '../../src/search/shared/names';

const json = (path: string, value: unknown) => ({ path, text: JSON.stringify(value, null, 2) });
const files = (synonyms: unknown): SourceFiles => ({
  data: {
    regions: [json('data/regions/r.json', [{ id: 'prov', name: '某省', kind: 'province' }])],
    institutions: [],
    groups: [],
    indicators: [],
    observations: [],
    corrections: [],
    references: [],
    synonyms: [json('data/synonyms/s.json', synonyms)],
  },
  mdx: { documents: [], updates: [] },
});
const problemsOf = (synonyms: unknown) => validateDataset(files(synonyms), { now: new Date('2024-12-31') }).problems;

describe('synonym groups in data/synonyms/', () => {
  it('accepts groups of two or more words and gives them to the dataset', () => {
    const { problems, entries } = validateDataset(files([{ id: 'chronic', words: ['慢病', '慢性病'], note: '简称。' }]), { now: new Date('2024-12-31') });
    expect(problems).toEqual([]);
    expect(entries.synonyms).toEqual([{ id: 'chronic', words: ['慢病', '慢性病'], note: '简称。' }]);
  });

  it.each([
    ['one word', [{ id: 'a', words: ['慢病'] }]],
    ['a word with a space', [{ id: 'a', words: ['慢 病', '慢性病'] }]],
    ['a word with punctuation', [{ id: 'a', words: ['慢病。', '慢性病'] }]],
    ['an empty word', [{ id: 'a', words: ['', '慢性病'] }]],
    ['an unknown field', [{ id: 'a', words: ['慢病', '慢性病'], run: 'x' }]],
    ['a bad id', [{ id: 'A B', words: ['慢病', '慢性病'] }]],
  ])('rejects %s, naming the file in Chinese then English', (_, value) => {
    const problems = problemsOf(value);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0].file).toBe('data/synonyms/s.json');
    expect(problems[0].zh).toMatch(/\p{Script=Han}/u);
    expect(problems[0].en).toMatch(/[a-z]/);
  });
});

const groups = [
  ['率', '覆盖率', '比例', '占比'],
  ['慢病', '慢性病'],
  ['转诊', '转到'],
  ['县医院', '县人民医院'],
];

describe('a query with a group’s other words', () => {
  it('puts each other word in place of the one the query holds, as a word of its own', () => {
    expect(queryVariants('签约率', groups)).toEqual(['签约 覆盖率', '签约 比例', '签约 占比']);
    expect(queryVariants('慢病住院率', groups)).toContain('慢性病 住院率');
  });

  it('replaces every word at once first when there are several', () => {
    expect(queryVariants('横水镇转到县医院', groups)[0]).toBe('横水镇 转诊 县人民医院');
  });

  it('keeps the words it is told to keep, and has nothing for a query without a group’s word', () => {
    expect(queryVariants('横水镇转到县医院', groups, 6, (w) => w === '县医院')).toEqual(['横水镇 转诊 县医院']);
    expect(queryVariants('火星', groups)).toEqual([]);
  });
});

describe('a correction of a mistyped name', () => {
  const readings = readingsOf({ meng: '孟梦', jin: '津进晋', xian: '县', ning: '宁', qu: '区', yuan: '院园', ma: '麻', tun: '屯吞' });

  it('is the one name that sounds the same or is one character off', () => {
    expect(correctionOf('梦津县', ['孟津县', '孟津县人民医院'], readings)).toBe('孟津县');
    expect(correctionOf('进宁区', ['晋宁区'], readings)).toBe('晋宁区');
    expect(correctionOf('孟律县', ['孟津县'], readings)).toBe('孟津县');
  });

  it('is none when two different names fit, or when only the place word differs', () => {
    expect(correctionOf('进宁区', ['晋宁区', '津宁区'], readings)).toBeUndefined();
    expect(correctionOf('孟津镇', ['孟津县'], readings)).toBeUndefined();
    expect(correctionOf('火星', ['孟津县'], readings)).toBeUndefined();
  });

  it('is none for a piece from the middle of a name that is only one character off (470名医生)', () => {
    expect(correctionOf('名医生', ['下沉基层的二级、三级医院医生人数'], readings)).toBeUndefined();
    expect(correctionOf('孟律县', ['孟津县人民医院'], readings)).toBe('孟津县');
  });

  it('corrects a last character that is no place word (医阮 → 医院), never a place word (孟津镇)', () => {
    expect(correctionOf('临沂市中医医阮', ['临沂市中医医院'], readings)).toBe('临沂市中医医院');
    expect(correctionOf('孟津镇', ['孟津县'], readings)).toBeUndefined();
  });
});
