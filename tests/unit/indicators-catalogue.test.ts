/**
 * The indicator catalogue as a reader sees it: each indicator's newest figures (a median says so), how many places
 * report it, filters by topic and place, and an overview grid coloured only where a figure can be held against a
 * national target, by the indicator's direction. Expected values are read off the fixture, not the view.
 */
import { describe, expect, it } from 'vitest';
import type { Indicator, Observation, Region } from '../../src/schemas';
import { GRID_PLACE_CAP, gridCell, indicatorsIndex } from '../../src/views/catalogue';
import { targetStatus } from '../../src/data/meets-target';
import { datasetOf } from '../fixtures/dataset';
import { fixtureSite, rules, visitRate, yesNo } from './indicators-fixture';

const base = fixtureSite();
const src = { document: 'doc-a', section: '一、', excerpt: '数字' };
const fig = (o: Partial<Observation> & Pick<Observation, 'id' | 'indicator' | 'subject' | 'period' | 'value' | 'kind'>): Observation => ({ source: { ...src, excerpt: `数字${o.value}` }, ...o });

/** A national indicator with no figures, and a median for the province across its counties. */
const waitingIndicator: Indicator = { ...visitRate, id: 'tcm-share', name: '中医诊疗量占比', framework: 'nhc-2024', topic: 'care', nationalTarget: undefined };
const median = fig({ id: 'prov-median', indicator: 'visit-rate', subject: { type: 'region', id: 'prov' }, period: '2024-H1', value: 88, kind: 'actual', statistic: 'median', across: { label: '县', count: 3 } });
const dataset = datasetOf({
  regions: [...base.regions, { id: 'prov2', name: '另一省', kind: 'province', aliases: [] }],
  institutions: [...base.institutions],
  groups: [...base.groups],
  indicators: [{ ...visitRate, topic: 'care' }, { ...rules, topic: 'governance' }, { ...yesNo, topic: 'governance' }, waitingIndicator],
  observations: [...base.observations, median, fig({ id: 'other-rules', indicator: 'rules', subject: { type: 'region', id: 'prov2' }, period: '2024', value: 3, kind: 'actual' })],
  documents: base.documents.map((d) => ({ ...d })),
});

describe('the catalogue says what there is', () => {
  const view = indicatorsIndex(dataset);
  const row = (id: string) => view.sections.flatMap((s) => s.tables.flatMap((t) => t.rows)).find((r) => r.id === id)!;

  it('shows each indicator’s newest figures with place, period and kind, newest period first', () => {
    // visit-rate's figures by period end: 丙县 2025 target; 丙县 2024-08; then five 2024-H1 figures, own values before the median.
    expect(row('visit-rate').latest.map((l) => [l.place.name, l.value, l.kind ?? ''])).toEqual([
      ['丙县', '90%', '目标'],
      ['丙县', '84.5%', ''],
      ['甲县', '> 90%', ''],
    ]);
    expect(row('visit-rate').more).toBe('另有 4 个数字，见指标页');
    expect(row('visit-rate').latest[1].period).toBe('2024年8月');
  });

  it('says a median is a median, across what, and that it is no single place’s figure', () => {
    const medianSite = datasetOf({ regions: [...base.regions], indicators: [visitRate], observations: [median], documents: base.documents.map((d) => ({ ...d })) });
    const [latest] = indicatorsIndex(medianSite).sections.flatMap((s) => s.tables.flatMap((t) => t.rows))[0].latest;
    expect(latest.value).toBe('中位数 88%');
    expect(latest.statistic).toContain('县（3 个）的中位数');
    expect(latest.statistic).toContain('不是单一地方的数值');
  });

  it('counts the places reporting each indicator: regions, groups and institutions, each once', () => {
    // visit-rate: 某市, 甲县, 乙县, 丙县, 某省 (median) = 5 places, 7 figures.
    expect(row('visit-rate').reach).toBe('5 个地方，7 个数字');
    // rules: 甲县 (2), 甲县医共体 (2), 某镇卫生院 (1), 另一省 (1) = 4 places, 6 figures.
    expect(row('rules').reach).toBe('4 个地方，6 个数字');
    expect(row('rules').provinces).toEqual(['prov', 'prov2']);
  });

  it('lists a national indicator without figures in one short list, not as a row', () => {
    const nhc = view.sections.find((s) => s.framework === 'nhc-2024')!;
    expect(nhc.tables).toEqual([]);
    expect(nhc.waiting.map((w) => w.name)).toEqual(['中医诊疗量占比']);
    expect(nhc.waitingLabel).toBe('尚无数字的指标（1 项）');
  });

  it('offers filters by framework, topic and place, each a page that works without JavaScript', () => {
    expect(view.filters.topics.map((o) => [o.label, o.count, o.href])).toEqual([
      ['组织与管理', 2, '/indicators/topic/governance/'],
      ['就医与服务', 2, '/indicators/topic/care/'],
    ]);
    expect(view.filters.places.map((o) => [o.label, o.count, o.href])).toEqual([
      ['另一省', 1, '/indicators/place/prov2/'],
      ['某省', 3, '/indicators/place/prov/'],
    ]);
    expect(view.filters.frameworks.map((o) => o.href)).toContain('/indicators/#fw-nhc-2024');
  });

  it('filters to one topic or one province, leaving out frameworks with nothing in them', () => {
    const care = indicatorsIndex(dataset, { topic: 'care' });
    expect(care.sections.flatMap((s) => [...s.tables.flatMap((t) => t.rows.map((r) => r.id)), ...s.waiting.map((w) => w.id)]).sort()).toEqual(['tcm-share', 'visit-rate']);
    expect(care.sections.map((s) => s.framework)).toEqual(['nhc-2024', 'tiered-care-goals']);
    const other = indicatorsIndex(dataset, { place: 'prov2' });
    expect(other.sections.flatMap((s) => s.tables.flatMap((t) => t.rows.map((r) => r.id)))).toEqual(['rules']);
    expect(other.h1).toBe('指标目录：另一省');
  });

  it('counts on a province’s page only that province’s places and figures', () => {
    const rulesIn = (place: string) => indicatorsIndex(dataset, { place }).sections.flatMap((s) => s.tables.flatMap((t) => t.rows)).find((r) => r.id === 'rules')!;
    // rules in 另一省: its own one figure; in 某省: 甲县 (2), 甲县医共体 (2), 某镇卫生院 (1) = 3 places, 5 figures.
    expect(rulesIn('prov2').reach).toBe('1 个地方，1 个数字');
    expect(rulesIn('prov2').more).toBeUndefined();
    expect(rulesIn('prov').reach).toBe('3 个地方，5 个数字');
    expect(rulesIn('prov').more).toBe('另有 2 个数字，见指标页');
    const other = indicatorsIndex(dataset, { place: 'prov2' });
    expect(other.sections.map((s) => s.countLine).filter(Boolean)).toEqual(['1 项指标，共 1 个数字']);
  });
});

describe('the overview grid', () => {
  const grid = indicatorsIndex(dataset).grid!;
  const cell = (place: string) => grid.rows.find((r) => r.place.name === place)!.cells[0];

  it('has national indicators with figures as columns and places with own figures as rows', () => {
    expect(grid.columns.map((c) => [c.id, c.target])).toEqual([['visit-rate', '约 90%']]);
    expect(grid.rows.map((r) => r.place.name).sort()).toEqual(['丙县', '乙县', '某市', '某省', '甲县'].sort());
  });

  it('colours a place’s own actual figure by whether it meets the target, with a symbol too', () => {
    // 乙县 92.5 ≥ 90; 甲县 "> 90" meets "about 90"; 某市 87.49 < 90; 丙县's newest actual 84.5 (its 2025 target is not an actual).
    expect([cell('乙县').status, cell('甲县').status, cell('某市').status, cell('丙县').status]).toEqual(['meets', 'meets', 'misses', 'misses']);
    expect(cell('丙县').value).toBe('84.5%');
    expect([cell('乙县').symbol, cell('某市').symbol]).toEqual(['✓', '✗']);
  });

  it('leaves a median uncoloured and says why', () => {
    expect(cell('某省').status).toBe('apart');
    expect(cell('某省').value).toBe('中位数 88%');
    expect(cell('某省').note).toContain('中位数');
  });

  it('explains every colour and mark in a legend', () => {
    expect(grid.legend.map((l) => l.status)).toEqual(['meets', 'misses', 'apart', 'empty']);
    expect(grid.legend.every((l) => l.text.length > 3)).toBe(true);
  });
});

describe('what may be held against a national target', () => {
  const higher = { ...visitRate, nationalTarget: { value: 90, qualifier: 'at-least' as const, basis: '目标', reference: 'fixture-target' } };
  const lower: Indicator = { ...visitRate, id: 'cost', polarity: 'lower-is-better', unit: '元', nationalTarget: { value: 100, qualifier: 'at-most', basis: '目标', reference: 'fixture-target' } };
  const dataset = datasetOf({});
  const o = (value: number, extra: Partial<Observation> = {}): Observation => fig({ id: 'x', indicator: 'visit-rate', subject: { type: 'region', id: 'county-a' }, period: '2024', value, kind: 'actual', ...extra });

  it('follows the indicator’s direction', () => {
    expect([targetStatus(dataset, higher, o(95)), targetStatus(dataset, higher, o(90)), targetStatus(dataset, higher, o(80))]).toEqual([
      { comparable: true, meets: true },
      { comparable: true, meets: true },
      { comparable: true, meets: false },
    ]);
    expect([targetStatus(dataset, lower, o(80)), targetStatus(dataset, lower, o(100)), targetStatus(dataset, lower, o(120))]).toEqual([
      { comparable: true, meets: true },
      { comparable: true, meets: true },
      { comparable: true, meets: false },
    ]);
  });

  it('compares nothing that is not a place’s own actual figure under a target with a direction', () => {
    const apart = [
      [{ ...visitRate, nationalTarget: undefined }, o(95), 'noTarget'],
      // A target whose source is not a verified entry of data/references/ colours nothing.
      [{ ...higher, nationalTarget: { ...higher.nationalTarget, reference: 'not-in-references' } }, o(95), 'unverifiedTarget'],
      [{ ...higher, nationalTarget: { value: 90, basis: '国家' } }, o(95), 'unverifiedTarget'],
      [{ ...higher, polarity: 'neutral' as const }, o(95), 'neutral'],
      [higher, o(95, { kind: 'target' }), 'notActual'],
      [higher, o(95, { kind: 'baseline' }), 'notActual'],
      [higher, o(95, { statistic: 'median' }), 'aggregate'],
      [higher, o(95, { statistic: 'mean' }), 'aggregate'],
      [higher, o(95, { statistic: 'total' }), 'aggregate'],
      [higher, o(85, { qualifier: 'more-than' }), 'undecided'],
      [higher, o(95, { qualifier: 'less-than' }), 'undecided'],
      [higher, o(90, { qualifier: 'about' }), 'undecided'],
      [higher, o(85, { qualifier: 'range', valueHigh: 95 }), 'undecided'],
      [lower, o(90, { qualifier: 'more-than' }), 'undecided'],
    ] as const;
    for (const [indicator, figure, reason] of apart) {
      expect(targetStatus(dataset, indicator, figure), `${figure.kind} ${figure.statistic} ${figure.qualifier} ${figure.value}`).toEqual({ comparable: false, reason });
      const c = gridCell(dataset, indicator, figure);
      expect(c.status).toBe('apart');
      expect(c.note.length).toBeGreaterThan(4);
    }
  });

  it('settles an open-ended figure only when its bound decides', () => {
    expect(targetStatus(dataset, higher, o(90, { qualifier: 'more-than' }))).toEqual({ comparable: true, meets: true });
    expect(targetStatus(dataset, higher, o(80, { qualifier: 'less-than' }))).toEqual({ comparable: true, meets: false });
    expect(targetStatus(dataset, lower, o(90, { qualifier: 'at-most' }))).toEqual({ comparable: true, meets: true });
  });
});

describe('the catalogue at national size', () => {
  // Three provinces × 25 counties, each with its own figure: more places than one grid holds.
  const regions: Region[] = [];
  const observations: Observation[] = [];
  ['甲省', '乙省', '丙省'].forEach((name, p) => {
    regions.push({ id: `p${p}`, name, kind: 'province', aliases: [] });
    for (let k = 0; k < 25 + p * 10; k++) {
      regions.push({ id: `p${p}k${k}`, name: `${name}${k}县`, kind: 'county', parent: `p${p}`, aliases: [] });
      observations.push(fig({ id: `p${p}k${k}-2024`, indicator: 'visit-rate', subject: { type: 'region', id: `p${p}k${k}` }, period: '2024', value: 80 + (k % 15), kind: 'actual' }));
    }
  });
  const big = datasetOf({ regions, indicators: [visitRate], observations, documents: base.documents.map((d) => ({ ...d })) });

  it('links a grid per province instead of one grid of every place', () => {
    const view = indicatorsIndex(big);
    expect(view.grid).toBeUndefined();
    expect(view.gridByProvince!.map((p) => [p.name, p.places])).toEqual([
      // By name in pinyin order: bǐng, jiǎ, yǐ.
      ['丙省', '45 个地方'],
      ['甲省', '25 个地方'],
      ['乙省', '35 个地方'],
    ]);
  });

  it('caps a province’s grid and links the rest of its places', () => {
    const grid = indicatorsIndex(big, { place: 'p2' }).grid!;
    expect(grid.rows).toHaveLength(GRID_PLACE_CAP);
    expect(grid.omitted!.links).toHaveLength(45 - GRID_PLACE_CAP);
    expect(indicatorsIndex(big, { place: 'p0' }).grid!.rows).toHaveLength(25);
  });
});
