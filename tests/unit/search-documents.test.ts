/**
 * Each page's search document (src/search/build/documents.ts), made from its view and the dataset without building
 * the site: one per indexed page, the same by path as in the whole iterable, figures as their values (never a number
 * read off the text a cell shows), MDX bodies as their text without Markdown.
 */
import { describe, expect, it } from 'vitest';
import type { Indicator, Observation } from '../../src/schemas';
import { residentEntries } from '../fixtures/resident-site';
import { datasetOf } from '../fixtures/dataset';
import { searchDocumentOf, searchDocuments, searchPaths } from '../../src/search/build/documents';
import { indexDoc } from '../../src/search/build/index-doc';
import { figureTokens } from '../../src/search/shared/numbers';

const base = residentEntries();
const indicator = {
  id: 'visit-rate-median',
  name: '县域内就诊率（中位数）',
  aliases: [],
  definition: '各县县域内就诊率的中位数',
  unit: '%',
  polarity: 'higher-is-better',
  definitionStatus: 'official',
  framework: 'nhc-2024',
} as unknown as Indicator;
/** A median across nine counties: its row says "（9 个）", and 9 is no figure of it. */
const median = {
  id: 'median-2024',
  indicator: indicator.id,
  subject: { type: 'region', id: 'luoyang' },
  period: '2024',
  value: 87.49,
  kind: 'actual',
  statistic: 'median',
  across: { label: '县', count: 9 },
  source: { document: 'plan', section: '一', excerpt: '中位数为87.49%' },
} as unknown as Observation;
const range = { ...median, id: 'range-2023', period: '2023', value: 80, valueHigh: 90, statistic: undefined, across: undefined } as unknown as Observation;
const BODY = '## 主要内容\n\n全县推行**双向转诊**，详见[县卫健委](https://example.org/)的说明。\n\n<Note title="办理时间">工作日上午</Note>\n';
const dataset = datasetOf({
  ...base,
  indicators: [indicator],
  observations: [median, range],
  documents: base.documents!.map((d) => (d.id === 'plan' ? { ...d, body: BODY } : d)),
});
const all = [...searchDocuments(dataset)];
const byPath = new Map(all.map((d) => [d.path, d.document]));

describe('search documents', () => {
  it('cover each indexed page once, in a stable order, and no page search leaves out', () => {
    const paths = all.map((d) => d.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths).toEqual(searchPaths(dataset));
    expect([...searchDocuments(dataset)].map((d) => d.path)).toEqual(paths);
    for (const path of ['/groups/first/', '/groups/first/referral/', '/institutions/matun/', '/regions/mengjin/', '/indicators/visit-rate-median/', '/documents/plan/', '/updates/u1/', '/guide/', '/glossary/', '/'])
      expect(paths, path).toContain(path);
    for (const path of ['/search/', '/404/', '/embed/indicators/visit-rate-median/', '/institutions/nowhere/', '/indicators/nowhere/']) expect(searchDocumentOf(dataset, path), path).toBeUndefined();
  });

  it('are the same asked for by path as in the whole set', () => {
    for (const { path, document } of all) expect(searchDocumentOf(dataset, path), path).toEqual(document);
  });

  it('are plain data, the same every time they are made', () => {
    const again = [...searchDocuments(datasetOf({ ...base, indicators: [indicator], observations: [median, range], documents: base.documents!.map((d) => (d.id === 'plan' ? { ...d, body: BODY } : d)) }))];
    expect(JSON.parse(JSON.stringify(all))).toEqual(again);
  });

  it("give an indicator page's figures as their values, each with its row, both ends of a range, and not a count the text shows", () => {
    const page = byPath.get('/indicators/visit-rate-median/')!;
    expect(page.kind).toBe('indicator');
    expect(page.name).toBe(indicator.name);
    const text = page.text.map((b) => b.text).join(' ');
    expect(text).toContain('（9 个）');
    expect(page.figures).toEqual(
      expect.arrayContaining([
        { id: 'median-2024', value: 87.49 },
        { id: 'range-2023', value: 80 },
        { id: 'range-2023', value: 90 },
      ]),
    );
    expect(page.figures!.map((f) => f.value)).not.toContain(9);
  });

  it("hold a document's MDX body as its text, its headings as sections, without Markdown", () => {
    const page = byPath.get('/documents/plan/')!;
    const text = page.text.map((b) => b.text);
    expect(text).toEqual(expect.arrayContaining(['主要内容', '全县推行双向转诊，详见县卫健委的说明。', '办理时间', '工作日上午']));
    expect(page.sections).toContain('主要内容');
    expect(text.join(' ')).not.toMatch(/\*\*|\]\(|##|<Note|example\.org/);
    expect(page.text.find((b) => b.text === '主要内容')?.weight).toBe(6);
  });

  it('index through the terms of their text, so a query finds what the page says', () => {
    const doc = indexDoc('/indicators/visit-rate-median/', byPath.get('/indicators/visit-rate-median/')!);
    expect(doc.kind).toBe('指标');
    expect(figureTokens(87.49)).toEqual([]);
    expect(doc.text).toContain('87.49%');
    expect(doc.terms.has('87.49')).toBe(true);
  });

  it('leave out a directory\'s lists: the home page names no group', () => {
    const home = byPath.get('/')!;
    const text = home.text.map((b) => b.text).join(' ');
    for (const g of base.groups!) expect(text).not.toContain(g.name);
    expect(home.kind).toBeUndefined();
  });
});
