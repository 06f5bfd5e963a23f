/**
 * The comparison rules of src/data/comparable.ts, each with the cases issue 14 found on the site: Kunming's medians
 * ranked against its own counties, "> 90%" ranked as 90, Gaomi's 事业部 centres against Zizhong's 八中心, and counts of
 * different years ranked as performance.
 */
import { describe, expect, it } from 'vitest';
import type { Indicator, Observation } from '../../src/schemas';
import { contains, fairComparison, isOpenEnded, isRankable, measureKey, openEnd, statisticOf } from '../../src/data/comparable';
import { comparablePeriods } from '../../src/data/period';
import { meetsTarget } from '../../src/data/meets-target';
import { comparisonChart, comparisonSummary } from '../../src/data/series';
import { fixtureSite, rules, visitRate } from './indicators-fixture';

const dataset = fixtureSite();
const fig = (o: Partial<Observation> & Pick<Observation, 'id' | 'subject' | 'value'>): Observation => ({
  indicator: 'visit-rate',
  period: '2024-H1',
  kind: 'actual',
  source: { document: 'doc-a', section: '一、', excerpt: `数字${o.value}` },
  ...o,
});
const region = (id: string) => ({ type: 'region' as const, id });
// Kunming's case: the city's figure is a median across its counties; three counties report only "大于90%".
const median = fig({ id: 'city-median', subject: region('city'), value: 87.49, statistic: 'median', across: { label: '开展医共体建设的县（市、区）' } });
const above90 = ['county-a', 'county-b', 'county-c'].map((c) => fig({ id: `${c}-above`, subject: region(c), value: 90, qualifier: 'more-than' }));

describe('a median is never ranked with the places it summarises', () => {
  it('sets the median aside and ranks none of the bounds', () => {
    const fair = fairComparison(dataset, visitRate, [median, ...above90]);
    expect(fair.ranked).toEqual([]);
    expect(fair.aggregates).toEqual([median]);
    expect(fair.openEnded.map((o) => o.id)).toEqual(above90.map((o) => o.id));
  });

  it('writes no "highest/lowest" and no gap between the median and the national target', () => {
    const sentence = comparisonSummary(dataset, visitRate, [median, ...above90])!;
    expect(sentence).not.toMatch(/最高|最低|低于目标/);
    expect(sentence).toContain('甲县、乙县和丙县报告的数值为 > 90%');
    expect(sentence).toContain('某市的 中位数 87.49% 是各开展医共体建设的县（市、区）的中位数，不与下属地方一起排名');
  });

  it('also sets aside a plain figure of a place whose own sub-units are in the set', () => {
    const cityValue = { ...median, statistic: undefined, across: undefined };
    const exact = [fig({ id: 'a', subject: region('county-a'), value: 91 }), fig({ id: 'b', subject: region('county-b'), value: 88 })];
    const fair = fairComparison(dataset, visitRate, [cityValue, ...exact]);
    expect(fair.aggregates).toEqual([cityValue]);
    expect(fair.ranked).toEqual(exact);
    expect(contains(dataset, region('city'), region('county-a'))).toBe(true);
    expect(contains(dataset, region('county-a'), region('city'))).toBe(false);
    expect(contains(dataset, region('county-a'), region('county-b'))).toBe(false);
  });
});

describe('a bound is shown, never ranked by an invented number', () => {
  it('treats every qualifier but "about" as open-ended, and draws ≥/> open upwards, ≤/< downwards', () => {
    expect((['at-least', 'more-than', 'at-most', 'less-than', 'range'] as const).map((q) => isOpenEnded({ qualifier: q }))).toEqual([true, true, true, true, true]);
    expect(isOpenEnded({ qualifier: 'about' })).toBe(false);
    expect(isOpenEnded({})).toBe(false);
    expect([openEnd({ qualifier: 'more-than' }), openEnd({ qualifier: 'at-least' }), openEnd({ qualifier: 'at-most' }), openEnd({ qualifier: 'less-than' }), openEnd({})]).toEqual(['up', 'up', 'down', 'down', undefined]);
  });

  it('knows "> 90%" meets a 90% target but says nothing against 95%, and a median meets nothing', () => {
    expect(meetsTarget({ value: 90, qualifier: 'more-than' }, { value: 90 }, 'higher-is-better')).toBe(true);
    expect(meetsTarget({ value: 90, qualifier: 'more-than' }, { value: 95 }, 'higher-is-better')).toBeUndefined();
    expect(meetsTarget({ value: 90, qualifier: 'at-most' }, { value: 95 }, 'higher-is-better')).toBe(false);
    expect(meetsTarget({ value: 87.49, statistic: 'median' }, { value: 90 }, 'higher-is-better')).toBeUndefined();
    expect(meetsTarget({ value: 92.5 }, { value: 90 }, 'higher-is-better')).toBe(true);
    expect(meetsTarget({ value: 1, qualifier: 'range', valueHigh: 2 }, { value: 2 }, 'higher-is-better')).toBeUndefined();
  });

  it('puts bounds after the exact bars, open-ended and labelled "> 90%" with the period', () => {
    const exact = [fig({ id: 'b', subject: region('county-b'), value: 92.5 }), fig({ id: 'c', subject: region('county-c'), value: 84.5 })];
    const chart = comparisonChart(dataset, visitRate, [median, above90[0], ...exact])!;
    expect(chart.spec.categoryNames).toEqual(['乙县', '丙县', '甲县']);
    const bars = chart.spec.series[0];
    expect(bars.texts[2]).toBe('> 90%（2024年上半年）');
    expect(bars.open).toEqual([null, null, 'up']);
    expect(chart.spec.categoryNames).not.toContain('某市');
  });
});

describe('unlike things are not ranked', () => {
  const centres: Indicator = { ...rules, id: 'group-management-centres', name: '医共体管理中心数' };
  // Gaomi's nine centres of one group's 事业部 against Zizhong's county-wide 八中心 (and a third place).
  const gaomiZizhong = [
    fig({ id: 'gaomi', indicator: centres.id, subject: { type: 'group', id: 'group-a' }, period: '2021-06', value: 9 }),
    fig({ id: 'zizhong', indicator: centres.id, subject: region('county-b'), period: '2024-08', value: 8 }),
    fig({ id: 'third', indicator: centres.id, subject: region('county-c'), period: '2024-08', value: 5 }),
  ];

  it('lists the places reporting a neutral count without a highest or lowest, and draws no ranking chart', () => {
    expect(isRankable(centres)).toBe(false);
    expect(isRankable(visitRate)).toBe(true);
    const sentence = comparisonSummary(dataset, centres, gaomiZizhong)!;
    expect(sentence).not.toMatch(/最高|最低/);
    expect(sentence).toContain('不宜比较高低');
    expect(comparisonChart(dataset, centres, gaomiZizhong)).toBeUndefined();
  });

  it('ranks only figures of comparable periods: counts of different years stand apart', () => {
    expect(comparablePeriods({ period: '2020-06' }, { period: '2024-08' })).toBe(false);
    expect(comparablePeriods({ period: '2024-H1' }, { period: '2024-08' })).toBe(true);
    expect(comparablePeriods({ period: '../2024-08' }, { period: '2024-08' })).toBe(false);
    const years = [
      fig({ id: 'y2020', subject: region('county-a'), period: '2020-06', value: 95 }),
      fig({ id: 'y2024b', subject: region('county-b'), period: '2024-08', value: 91 }),
      fig({ id: 'y2024c', subject: region('county-c'), period: '2024', value: 85 }),
    ];
    const fair = fairComparison(dataset, visitRate, years);
    expect(fair.ranked.map((o) => o.id)).toEqual(['y2024b', 'y2024c']);
    expect(fair.apart.map((o) => o.id)).toEqual(['y2020']);
    const sentence = comparisonSummary(dataset, visitRate, years)!;
    expect(sentence).not.toContain('甲县');
    expect(sentence).toContain('只比较同一时期的数值：2024年');
  });

  it('never ranks a target among actuals', () => {
    const mixed = [
      fig({ id: 't', subject: region('county-a'), period: '2020', value: 99, kind: 'target' }),
      fig({ id: 'b', subject: region('county-b'), value: 92.5 }),
      fig({ id: 'c', subject: region('county-c'), value: 84.5 }),
    ];
    expect(comparisonSummary(dataset, visitRate, mixed)).not.toContain('甲县');
    expect(fairComparison(dataset, visitRate, mixed).apart.map((o) => o.id)).toEqual(['t']);
  });
});

describe('a rise of a median is its own kind of number (issue 23)', () => {
  // Kunming: the median down-referral share "较2023年国家监测时上升了0.16个百分点": a rise of the median, not a median.
  const rise = fig({ id: 'city-rise', subject: region('city'), value: 0.16, statistic: 'median-change', across: { label: '县级牵头医院' } });

  it('meets no target, whatever its value', () => {
    for (const value of [0.16, 95, -3]) expect(meetsTarget({ value, statistic: 'median-change' }, { value: 0.1 }, 'higher-is-better')).toBeUndefined();
  });

  it('is never ranked with places’ own figures nor with the median it changes', () => {
    const fair = fairComparison(dataset, visitRate, [rise, median, ...above90, fig({ id: 'county-d-own', subject: region('county-d'), value: 88 })]);
    expect(fair.ranked.map((o) => o.id)).toEqual(['county-d-own']);
    expect(fair.aggregates.map((o) => o.id).sort()).toEqual(['city-median', 'city-rise']);
  });

  it('follows the indicator’s declared kind: two medians of the same sub-units compare with each other, as medians', () => {
    const medianIndicator: Indicator = { ...visitRate, id: 'visit-rate-median', statistic: 'median' };
    const across = { label: '县区' };
    const a = fig({ id: 'city-a', indicator: 'visit-rate-median', subject: region('city'), value: 87.49, statistic: 'median', across });
    const b = fig({ id: 'city-b', indicator: 'visit-rate-median', subject: region('county-d'), value: 80, statistic: 'median', across });
    expect(measureKey(a, medianIndicator)).toBe(measureKey(b, medianIndicator));
    expect(measureKey(a, medianIndicator)).toContain('|median|');
    expect(statisticOf({}, medianIndicator)).toBe('median');
    expect(statisticOf({ statistic: 'median-change' })).toBe('median-change');
    expect(statisticOf({})).toBe('value');
  });
});
