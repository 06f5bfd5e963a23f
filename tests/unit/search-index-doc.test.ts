/**
 * What the search index takes of a page's search document (indexDoc, src/search/build/index-doc.ts): the title, the
 * text a result shows, its terms weighted by heading level, its names weighted by length. Expected terms are worked out here from the page's runs of text with the shared
 * tokenizer (src/search/shared/tokens.ts), never read back from the function under test.
 */
import { describe, expect, it } from 'vitest';
import { indexDoc, storedPage, type IndexDoc } from '../../src/search/build/index-doc';
import type { SearchDocument } from '../../src/search/build/documents';
import { indexTokens, pairToken } from '../../src/search/shared/tokens';
import { nameField, nameWeight } from '../../src/search/build/name-weights';
import { indicatorForms } from '../../src/search/build/aliases';
import { figureTokens, readFigures } from '../../src/search/shared/numbers';
import { wordKey } from '../../src/search/shared/index-layout';

/** A page's search document (src/search/build/documents.ts), as the page's view writes it. */
const page: SearchDocument = {
  title: '麻屯镇卫生院 · 孟津县第一医疗卫生共同体',
  kind: 'institution',
  region: '洛阳市',
  name: '麻屯镇卫生院',
  sections: ['怎样转诊：上转'],
  text: [
    { text: '麻屯镇卫生院', weight: 7 },
    { text: '属于孟津县第一医疗卫生共同体，实行双向转诊。' },
    { text: '怎样转诊：上转', weight: 6 },
    { text: '先到镇卫生院看。' },
  ],
};

/** The runs of text the page above shows, with their weights (h1 7, h2 6, the rest 1). */
const runs: [string, number][] = [
  ['麻屯镇卫生院', 7],
  ['属于孟津县第一医疗卫生共同体，实行双向转诊。', 1],
  ['怎样转诊：上转', 6],
  ['先到镇卫生院看。', 1],
];

/** A text's terms: each Han character, each pair token, each Latin word or number (as the index keys it). */
const termsOf = (text: string) => [
  ...(text.match(/\p{Script=Han}/gu) ?? []),
  ...indexTokens(text),
  ...(text.replace(/\p{Script=Han}+/gu, ' ').match(/[\p{Script=Latin}\p{N}]+(?:[.,][\p{Script=Latin}\p{N}]+)*/gu) ?? []).map(wordKey),
];

/** Every term of some weighted runs with its summed weight. */
function weighted(list: [string, number][]): Map<string, number> {
  const terms = new Map<string, number>();
  for (const [text, weight] of list) for (const term of termsOf(text)) terms.set(term, (terms.get(term) ?? 0) + weight);
  return terms;
}

const doc = indexDoc('/institutions/matun/', page);
/** A page of blocks (text, or [text, heading level]); its name is its h1. */
const of = (blocks: (string | [string, 1 | 2 | 3 | 4 | 6])[], more: Partial<SearchDocument> = {}) => {
  const text = blocks.map((b) => (typeof b === 'string' ? { text: b } : { text: b[0], weight: [0, 7, 6, 5, 4, 3, 2][b[1]] }));
  const name = blocks.find((b): b is [string, 1] => Array.isArray(b) && b[1] === 1)?.[0] ?? '';
  const sections = blocks.filter((b): b is [string, 2 | 3] => Array.isArray(b) && (b[1] === 2 || b[1] === 3)).map((b) => b[0]);
  return indexDoc('/x/', { title: '页', name, sections, text, ...more });
};
/** Whether any of a text's terms is among a doc's terms. */
const holdsAny = (d: IndexDoc, text: string) => termsOf(text).some((term) => d.terms.has(term));

describe('a page\'s search document as the search index takes it', () => {
  it('titles the result with the page title, and gives its kind by its label and its region', () => {
    expect(doc).toMatchObject({ url: '/institutions/matun/', title: '麻屯镇卫生院 · 孟津县第一医疗卫生共同体', kind: '机构', region: '洛阳市' });
    expect(of([['双向转诊', 1]]).title).toBe('页');
    expect(of([['双向转诊', 1]]).kind).toBeUndefined();
  });

  it('shows the text, a block at a time', () => {
    expect(doc.text).toBe(runs.map(([text]) => text).join(' '));
  });

  it('weighs heading terms by heading level and body terms 1', () => {
    expect(doc.terms).toEqual(weighted(runs));
    expect(doc.length).toBe(runs.reduce((n, [text]) => n + termsOf(text).length, 0));
    expect(doc.terms.get(pairToken('到', '镇')!)).toBe(1);
    expect(doc.terms.get(pairToken('镇', '卫')!)).toBe(7 + 1);
    const levels = of([['甲乙', 3], ['丙丁', 4], ['戊己', 6], '庚辛']);
    expect(levels.terms).toEqual(weighted([['甲乙', 5], ['丙丁', 4], ['戊己', 2], ['庚辛', 1]]));
    // Latin words and numbers count as words of their own, lower case and without thousands commas.
    expect(of(['DRG 付费 105,423 人次']).terms).toEqual(weighted([['DRG 付费 105,423 人次', 1]]));
    expect(of(['DRG 付费 105,423 人次']).terms.get('105423')).toBe(1);
  });

  it('files the name and section names (before a "：") with the weights of their lengths', () => {
    for (const token of indexTokens('麻屯镇卫生院')) expect(doc.names.get(token)).toBe(nameWeight('name', 6));
    for (const token of indexTokens('怎样转诊')) expect(doc.names.get(token)).toBe(nameWeight('part', 4));
    // After the "：" is no name; nor is body text.
    expect(doc.names.has(pairToken('上', '转')!)).toBe(false);
    expect(doc.names.has(pairToken('属', '于')!)).toBe(false);
    expect([...doc.names.keys()].sort()).toEqual([...new Set([...indexTokens('麻屯镇卫生院'), ...indexTokens('怎样转诊')])].sort());
  });

  it('gives a term in several names the weight of the heaviest, not their sum', () => {
    // 孟津 is in the page name (12 characters, light) and a section name (3 characters, heavier).
    const both = of([['孟津县妇幼保健院概况介绍', 1], ['孟津县', 2], ['孟津县：简介', 3]]);
    expect(nameWeight('part', 3)).toBeGreaterThan(nameWeight('name', 12));
    expect(both.names.get(pairToken('孟', '津')!)).toBe(nameWeight('part', 3));
    expect(both.names.get(pairToken('保', '健')!)).toBe(nameWeight('name', 12));
    const short = of([['双向转诊', 1], ['转诊流程', 2]]);
    expect(short.names.get(pairToken('转', '诊')!)).toBe(nameWeight('name', 4));
    expect(short.names.get(pairToken('流', '程')!)).toBe(nameWeight('part', 4));
  });

  it('weighs aliases and pinyin like the name, shows none of them, and keys the page by each whole name', () => {
    const named = indexDoc('/i/', { title: '孟津县中医院', kind: 'institution', name: '孟津县中医院', aliases: ['孟津县中医医院'], spelled: ['mengjinxianzhongyiyuan'], text: [{ text: '孟津县中医院（县级医院）' }] });
    // An alias's pairs weigh as a name of its length (never more than the name's own pairs).
    for (const token of indexTokens('孟津县中医医院')) expect(named.names.get(token), token).toBe(nameWeight('name', indexTokens('孟津县中医院').includes(token) ? 6 : 7));
    expect(named.names.get('mengjinxianzhongyiyuan')).toBe(nameWeight('name', 6));
    expect(named.text).toBe('孟津县中医院（县级医院）');
    expect(named.hidden.split(' 。 ')).toEqual(['孟津县中医医院', 'mengjinxianzhongyiyuan']);
    expect(named.wholeNames).toEqual(['孟津县中医院', '孟津县中医医院']);
  });

  it('shows no whitespace between Han characters, and still pairs them', () => {
    const broken = of(['麻屯镇\n    卫生院 DRG 付费\n改革', '甲', '乙']);
    expect(broken.text).toBe('麻屯镇卫生院 DRG 付费改革 甲 乙');
    expect(broken.terms.get(pairToken('镇', '卫')!)).toBe(1);
    expect(broken.terms.get(pairToken('费', '改')!)).toBe(1);
    // Blocks are apart: their edges pair nothing.
    expect(broken.terms.has(pairToken('甲', '乙')!)).toBe(false);
  });

  it('lets a page answer to words it does not show', () => {
    const name = '基层医疗卫生机构诊疗人次占比';
    const forms = indicatorForms(name);
    expect(forms.length).toBeGreaterThan(0);
    const indicator = of([[name, 1], '定义见文件。'], { kind: 'indicator', hidden: forms });
    expect(indicator.kind).toBe('指标');
    expect(indicator.hidden.split(' 。 ')).toEqual(forms);
    for (const form of forms) {
      expect(indicator.text).not.toContain(form);
      for (const term of termsOf(form)) expect(indicator.terms.has(term), term).toBe(true);
    }
  });

  it('is found by its figures in 万, each with its row, and only by the figures it has', () => {
    const expected = [
      { id: 'o1', value: 105423 },
      { id: 'o2', value: 80 },
      { id: 'o2', value: 90 },
    ];
    const table = of(['孟津县 2023年 105,423 人次', '麻屯镇 80–90%', '639,000'], { figures: expected });
    expect(table.figures).toEqual(expected);
    expect(readFigures(storedPage(table).figures)).toEqual(expected);
    expect(figureTokens(105423).length).toBeGreaterThan(0);
    for (const token of figureTokens(105423)) expect(table.terms.get(token), token).toBe(1);
    // A number in the text that is no figure is a word, not a figure in 万.
    expect(table.terms.get('639000')).toBe(1);
    for (const token of figureTokens(639000)) expect(table.terms.has(token), token).toBe(false);
  });
});

describe('a page as a result reads it', () => {
  it('holds what the result shows and no terms', () => {
    const stored = storedPage(doc);
    expect(stored).toEqual({ url: doc.url, title: doc.title, kind: '机构', region: '洛阳市', text: doc.text });
    expect(JSON.stringify(stored)).not.toMatch(/yq[0-9a-z]{6}/);
    expect(storedPage(of(['甲']))).toEqual({ url: '/x/', title: '页', text: '甲' });
  });
});

describe('how much names count', () => {
  it('counts a short name fully and a long one less, and a section name half a page name', () => {
    expect(nameWeight('name', 3)).toBe(nameWeight('name', 4));
    expect(nameWeight('name', 8)).toBeLessThan(nameWeight('name', 4));
    expect(nameWeight('part', 4)).toBe(nameWeight('name', 4) / 2);
    expect(nameField('name', 99)).toBe('name40');
  });
});
