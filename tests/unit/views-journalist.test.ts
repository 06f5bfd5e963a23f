/** The journalist's pages as views: an indicator (every row, or a summary per province when too many), the catalogue, /data/. */
import { describe, expect, it } from 'vitest';
import type { Indicator, Observation, Region } from '../../src/schemas';
import { indicatorPage, INDICATOR_ROW_LIMIT, provinceSummary } from '../../src/views/indicators';
import { indicatorsIndex } from '../../src/views/catalogue';
import { dataPage } from '../../src/views/data';
import { formatBytes } from '../../src/downloads/registry';
import { datasetOf } from '../fixtures/dataset';
import { fixtureSite, visitRate } from './indicators-fixture';

const SITE = 'https://example.org';

describe('an indicator page with few figures', () => {
  const dataset = fixtureSite();
  const view = indicatorPage(dataset, 'visit-rate', SITE)!;

  it('lists every figure as a row, with the comparison chart and each place’s trend', () => {
    expect(view.reports.mode).toBe('rows');
    if (view.reports.mode !== 'rows') return;
    const ids = dataset.observations.filter((o) => o.indicator === 'visit-rate').map((o) => o.id);
    expect(view.reports.table.rows.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(view.reports.comparison?.key).toBe('compare-visit-rate');
    expect(view.reports.trends.map((c) => c.chart.key)).toContain('trend-region-county-c');
  });

  it('states the target, warns that the definition is a working one, and links its downloads with sizes', () => {
    expect(view.target).toEqual({ text: '约 90%', basis: '全国目标' });
    expect(view.caveat).toBeUndefined();
    expect(indicatorPage(fixtureSite({ definitionStatus: 'working' }), 'visit-rate', SITE)!.caveat?.status).toBe('working');
    expect(view.downloads.map((d) => d.href)).toEqual(['/data/indicators/visit-rate.csv', '/data/indicators/visit-rate.json']);
    expect(view.downloads.every((d) => d.bytes > 100)).toBe(true);
  });

  it('is undefined for an unknown indicator', () => {
    expect(indicatorPage(dataset, 'missing', SITE)).toBeUndefined();
  });
});

// A generated country: 4 provinces × 3 prefectures × 60 counties; every county reports 2024, most 2023 too, some a
// target and a baseline: a few thousand figures of one indicator.
const PROVINCES = ['乙省', '甲省', '丁省', '丙省'];
function generated(): { regions: Region[]; observations: Observation[]; indicator: Indicator } {
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const regions: Region[] = [];
  const observations: Observation[] = [];
  const indicator: Indicator = { ...visitRate, id: 'rate' };
  const add = (o: Omit<Observation, 'indicator' | 'source'>) => observations.push({ ...o, indicator: 'rate', source: { document: 'doc-a', section: '一', excerpt: String(o.value) } });
  PROVINCES.forEach((name, p) => {
    regions.push({ id: `p${p}`, name, kind: 'province', aliases: [] });
    for (let c = 0; c < 3; c++) {
      regions.push({ id: `p${p}c${c}`, name: `${name}${c}市`, kind: 'prefecture', parent: `p${p}`, aliases: [] });
      for (let k = 0; k < 60; k++) {
        const id = `p${p}c${c}k${k}`;
        regions.push({ id, name: `${name}${c}市${k}县`, kind: 'county', parent: `p${p}c${c}`, aliases: [] });
        const base = 70 + p * 5 + random() * 25;
        add({ id: `${id}-2024`, subject: { type: 'region', id }, period: '2024', kind: 'actual', value: Math.round(base * 100) / 100 });
        if (k % 5 !== 0) add({ id: `${id}-2023`, subject: { type: 'region', id }, period: '2023', kind: 'actual', value: Math.round((base - 3) * 100) / 100 });
        if (k % 3 === 0) add({ id: `${id}-2022`, subject: { type: 'region', id }, period: '2022', kind: 'actual', value: Math.round((base - 5) * 100) / 100 });
        if (k % 2 === 0) for (let q = 1; q <= 4; q++) add({ id: `${id}-2024q${q}`, subject: { type: 'region', id }, period: `2024-Q${q}`, kind: 'actual', value: Math.round((base + q) * 100) / 100 });
        if (k % 4 === 0) add({ id: `${id}-target`, subject: { type: 'region', id }, period: '2025', kind: 'target', value: 95 });
        if (k % 7 === 0) add({ id: `${id}-base`, subject: { type: 'region', id }, period: '2020', kind: 'baseline', value: 60 });
      }
    }
  });
  return { regions, observations, indicator };
}

describe('an indicator page with more figures than a page holds', () => {
  const { regions, observations, indicator } = generated();
  const dataset = datasetOf({ regions, indicators: [indicator], observations, documents: [{ id: 'doc-a', data: { title: '报告', issuer: '某委', date: '2024-12-03', type: 'report', regions: [], summary: '摘要' } as never }] });
  const view = indicatorPage(dataset, 'rate', SITE)!;
  const provinceOf = (o: Observation) => o.subject.id.match(/^p\d/)![0];

  it('summarises per province instead of listing every row', () => {
    expect(observations.length).toBeGreaterThan(2000);
    expect(observations.length).toBeGreaterThan(INDICATOR_ROW_LIMIT);
    expect(view.reports.mode).toBe('provinces');
  });

  it('compares the period most places report, says which, and gives each province’s places, median, range and how many meet the target', () => {
    if (view.reports.mode !== 'provinces') throw new Error('expected a summary');
    const summary = view.reports.provinces;
    // Every county reports 2024, fewer report 2023 or a quarter: 2024 is compared.
    expect(summary.periodCode).toBe('2024');
    expect(summary.period).toBe('2024年');
    expect(summary.caption).toContain('2024年');
    expect(summary.targetNote).toContain('约 90%');
    expect(summary.rows.map((r) => r.region?.name)).toEqual([...PROVINCES].sort((a, b) => a.localeCompare(b, 'zh-CN')));
    for (const row of summary.rows) {
      const mine = observations.filter((o) => provinceOf(o) === row.region!.id);
      const values = mine.filter((o) => o.kind === 'actual' && o.period === '2024').map((o) => o.value).sort((a, b) => a - b);
      const median = values.length % 2 ? values[(values.length - 1) / 2] : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
      expect(row.places, row.region!.name).toBe(new Set(mine.map((o) => o.subject.id)).size);
      expect(row.figures).toBe(mine.length);
      expect(row.compared).toBe(values.length);
      expect(row.stats).toEqual({ median, low: values[0], high: values.at(-1) });
      expect(row.median).toBe(`${Number(median.toFixed(4))}%`);
      // Only actuals of the compared period count against the national target, never the places' own targets (95).
      expect(row.meeting).toBe(values.filter((v) => v >= 90).length);
      expect(row.region!.href).toBe(`/regions/${row.region!.id}/`);
    }
  });

  it('stays small: the summary has one row per province, and the rows are in the downloads', () => {
    if (view.reports.mode !== 'provinces') throw new Error('expected a summary');
    expect(view.reports.provinces.rows).toHaveLength(PROVINCES.length);
    expect(JSON.stringify(view.reports).length).toBeLessThan(20_000);
    expect(view.downloads.map((d) => d.href)).toEqual(['/data/indicators/rate.csv', '/data/indicators/rate.json']);
  });

  it('leaves out a place whose source gives two values for the compared period, and counts no target without a direction', () => {
    const twoValues = [...observations, { ...observations[0], id: 'dup', value: observations[0].value + 1 }];
    const neutral = { ...indicator, polarity: 'neutral' as const };
    const s = provinceSummary(datasetOf({ regions, indicators: [neutral], observations: twoValues }), neutral, twoValues);
    const first = s.rows.find((r) => r.region?.id === 'p0')!;
    expect(first.compared).toBe(observations.filter((o) => provinceOf(o) === 'p0' && o.kind === 'actual' && o.period === '2024').length - 1);
    expect(s.hasTarget).toBe(false);
    expect(first.meeting).toBeUndefined();
  });
});

describe('the indicator catalogue', () => {
  it('lists each framework with its indicators and how many places and figures each has', () => {
    const dataset = fixtureSite();
    const { sections } = indicatorsIndex(dataset);
    const tiered = sections.find((s) => s.framework === 'tiered-care-goals')!;
    // visit-rate: 6 figures about 某市, 甲县, 乙县 and 丙县 (fixture).
    expect(tiered.tables[0].rows.map((r) => [r.name, r.reach])).toEqual([['县域内就诊率', '4 个地方，6 个数字']]);
    const local = sections.find((s) => s.framework === 'local')!;
    expect(local.tables[0].heading).toEqual({ text: '定义首见于《某市报告》的指标', href: '/documents/doc-a/' });
    expect(local.countLine).toBe('2 项指标，共 6 个数字');
  });
});

describe('the /data/ page', () => {
  it('links every download with its true size, once per file', () => {
    const dataset = fixtureSite();
    const view = dataPage(dataset, SITE);
    const links = [...view.main.flatMap((r) => r.files), ...view.groups.flatMap((g) => g.files), ...view.indicators.flatMap((i) => i.files)];
    expect(links).toHaveLength(2 * (4 + dataset.groups.length + dataset.indicators.length));
    expect(new Set(links.map((l) => l.href)).size).toBe(links.length);
    expect(view.main.map((r) => r.files.map((f) => f.format))).toEqual([['CSV', 'JSON'], ['CSV', 'JSON'], ['CSV', 'JSON'], ['CSV', 'JSON']]);
    expect(formatBytes(links[0].bytes)).toMatch(/ KB$/);
    expect(view.dictionary.every((d) => d.columns.every((c) => c.meaning.length > 4))).toBe(true);
    expect(view.citation).toMatch(/\[DS\/OL\]\. .*https:\/\/example\.org\/data\/\.$/);
  });
});

describe('an indicator page shared by its routes', () => {
  it('is computed once per dataset and address: the page, the embed view and the SVG files get the same view', () => {
    const dataset = fixtureSite();
    const page = indicatorPage(dataset, 'visit-rate', SITE);
    expect(indicatorPage(dataset, 'visit-rate', new URL(SITE))).toBe(page);
    expect(indicatorPage(dataset, 'visit-rate', undefined)).not.toBe(page);
    expect(indicatorPage(dataset, 'visit-rate', undefined)?.embed.url).toBe('/embed/indicators/visit-rate/');
    expect(indicatorPage(fixtureSite(), 'visit-rate', SITE)).not.toBe(page);
  });

  it('gives the embed view the full page’s address (absolute once published) and the chart it shows', () => {
    const dataset = fixtureSite();
    const published = indicatorPage(dataset, 'visit-rate', SITE)!;
    expect(published.embed.page).toBe('https://example.org/indicators/visit-rate/');
    expect(indicatorPage(dataset, 'visit-rate', undefined)!.embed.page).toBe('/indicators/visit-rate/');
    if (published.reports.mode !== 'rows') throw new Error('the fixture lists rows');
    expect(published.embed.chart?.key).toBe(published.reports.comparison?.key);
  });
});
