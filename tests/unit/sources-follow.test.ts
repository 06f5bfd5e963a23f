/**
 * Sources a reader can follow: every citation names where the document was published; a document's page gives the
 * original address only when one was recorded and otherwise says so plainly; every page says how the source was
 * curated; the CSV names a source by the title its page shows.
 */
import { describe, expect, it } from 'vitest';
import type { DocumentMeta, Observation } from '../../src/schemas';
import { citeView } from '../../src/views/figures';
import { documentPage } from '../../src/views/content';
import { observationTable } from '../../src/downloads/csv';
import { loadDataset } from '../../src/data/read-sources';
import { datasetOf } from '../fixtures/dataset';

const doc = (id: string, extra: Partial<DocumentMeta> = {}) => ({
  id,
  data: { title: `${id}的本站标题`, originalTitle: `${id}的原标题`, issuer: '某县卫健局', date: '2024-08-13', type: 'report', regions: ['county'], outlet: `${id}刊载网站`, summary: '摘要', ...extra } as DocumentMeta,
});
const figure = (id: string, document: string): Observation => ({
  id,
  indicator: 'ind',
  subject: { type: 'region', id: 'county' },
  period: '2024',
  value: 5,
  kind: 'actual',
  source: { document, section: '一、', excerpt: '5个' },
});
const dataset = datasetOf({
  regions: [{ id: 'county', name: '某县', kind: 'county', aliases: [] }],
  indicators: [{ id: 'ind', name: '某指标', aliases: [], definition: '定义。', unit: '个', polarity: 'neutral', framework: 'local', definitionStatus: 'source' }],
  documents: [
    doc('no-url'),
    doc('with-url', { originalUrl: 'https://www.example.gov.cn/a.html', curationNote: '删去了网页导航。' }),
    doc('blank-note', { curationNote: undefined }),
  ],
  observations: [figure('f1', 'no-url'), figure('f2', 'with-url'), figure('f3', 'blank-note')],
});

describe('citations name the outlet', () => {
  it.each(['no-url', 'with-url', 'blank-note'])('a figure from %s cites its document, date and outlet', (id) => {
    const cite = citeView(dataset, { document: id, section: '一、', excerpt: '5个' });
    expect(cite.outlet).toBe(`${id}刊载网站`);
    expect(cite.title).toBe(`${id}的本站标题`);
    expect(cite.date).toBe('2024年8月13日');
  });
});

describe('a document page', () => {
  it('says plainly that no original address was recorded, and offers none', () => {
    for (const id of ['no-url', 'blank-note']) {
      const view = documentPage(dataset, id)!;
      expect(view.original.url).toBeUndefined();
      expect(view.original.noAddress).toMatch(/^原文网址未记录/);
    }
  });

  it('links the original address when the source gave one, and then says nothing is missing', () => {
    const view = documentPage(dataset, 'with-url')!;
    expect(view.original.url).toBe('https://www.example.gov.cn/a.html');
    expect(view.original.noAddress).toBeUndefined();
  });

  it('says how the source was curated: the editors’ note, or the site’s standing practice', () => {
    expect(documentPage(dataset, 'with-url')!.curation).toBe('删去了网页导航。');
    expect(documentPage(dataset, 'no-url')!.curation).toMatch(/本站.*整理/);
    expect(documentPage(dataset, 'blank-note')!.curation).toMatch(/本站.*整理/);
  });
});

describe('the CSV names each source as its page does', () => {
  const columns = observationTable({ dataset: dataset, siteUrl: 'https://example.org' }).columns;
  const cell = (key: string, o: Observation) => columns.find((c) => c.key === key)!.cell(o);

  it.each(['f1', 'f2', 'f3'])('figure %s: source_title is the page title, the original title and outlet beside it', (id) => {
    const o = dataset.observation.get(id)!;
    const d = dataset.document.get(o.source.document)!.data;
    expect(cell('source_title', o)).toBe(d.title);
    expect(cell('source_original_title', o)).toBe(d.originalTitle);
    expect(cell('source_outlet', o)).toBe(d.outlet);
    expect(cell('source_original_url', o)).toBe(d.originalUrl ?? null);
  });
});

describe('the site’s own documents', () => {
  const real = loadDataset(process.cwd());
  it('each names an outlet, and none claims an address the source did not give', () => {
    for (const d of real.documents) {
      expect(d.data.outlet.length, d.id).toBeGreaterThan(1);
      const view = documentPage(real as never, d.id)!;
      // The five scrapes record outlets but no addresses: the page must say so rather than invent one.
      if (!d.data.originalUrl) expect(view.original.noAddress, d.id).toMatch(/^原文网址未记录/);
      expect(view.curation.length, d.id).toBeGreaterThan(10);
    }
  });
});
