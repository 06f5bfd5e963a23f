import { describe, expect, it } from 'vitest';
import { chartsForIndicator, chartsForSubject, compareObservations, comparisonChart, comparisonSummary, differenceText, labelLines, subjectChart, subjectSummary, unambiguous } from '../../src/data/series';
import { periodEndDate, periodText } from '../../src/data/period';
import { fixtureSite, rules, visitRate, yesNo } from './indicators-fixture';

const dataset = fixtureSite();
const of = (indicator: string, subject?: string) =>
  dataset.observations.filter((o) => o.indicator === indicator && (!subject || o.subject.id === subject));

describe('periods in time order', () => {
  it.each([
    ['2024', '2024-12-31'],
    ['2024-H1', '2024-06-30'],
    ['2024-H2', '2024-12-31'],
    ['2024-Q1', '2024-03-31'],
    ['2024-02', '2024-02-29'],
    ['2023-02', '2023-02-28'],
    ['2024-08-13', '2024-08-13'],
    ['2019-11/2024-08', '2024-08-31'],
    ['../2024-08', '2024-08-31'],
  ])('%s ends on %s', (period, end) => expect(periodEndDate(period)).toBe(end));

  it('puts a half-year before a later month, and a baseline before an actual of the same end', () => {
    const [before, now] = of('rules', 'county-a');
    expect([now, before].sort(compareObservations).map((o) => o.id)).toEqual(['rules-before', 'rules-now']);
    expect(periodEndDate('2024-H1') < periodEndDate('2024-08')).toBe(true);
  });

  it('uses the first clause of a period label, and splits chart labels at brackets', () => {
    expect(periodText(of('rules', 'county-a')[1])).toBe('截至报道发布（2024年8月）');
    expect(periodText(of('visit-rate', 'city')[0])).toBe('2024年上半年');
    expect(labelLines('统一管理之前（来源未给出时间）')).toEqual(['统一管理之前', '（来源未给出时间）']);
  });
});

describe('figures that can stand alone', () => {
  it('keeps both ends of a range out of charts and sentences', () => {
    expect(unambiguous(of('rules', 'group-a'))).toEqual([]);
    expect(subjectSummary(dataset, rules, of('rules', 'group-a'))).toBeUndefined();
  });

  it('writes percentage differences in percentage points', () => {
    expect(differenceText(-2.5100000000000051, '%')).toBe('2.51 个百分点');
    expect(differenceText(42, '个')).toBe('42 个');
  });
});

describe('summary sentences', () => {
  it('gives one place its latest value, the change and the gap to its own target', () => {
    expect(subjectSummary(dataset, visitRate, of('visit-rate', 'county-c'))).toBe(
      '丙县的县域内就诊率为 84.5%（2024年8月），比 80%（2023年）增加了 4.5 个百分点；距目标（90%）还差 5.5 个百分点。',
    );
  });

  it('measures a baseline-to-actual change', () => {
    expect(subjectSummary(dataset, rules, of('rules', 'county-a'))).toBe(
      '甲县的管理制度数为 74 个（截至报道发布（2024年8月）），比基线 32 个（统一管理之前（来源未给出时间））增加了 42 个。',
    );
  });

  it('compares against the national target when a place has none of its own', () => {
    expect(subjectSummary(dataset, visitRate, of('visit-rate', 'city'))).toBe('某市的县域内就诊率为 87.49%（2024年上半年）；距全国目标（约 90%）还差 2.51 个百分点。');
    expect(subjectSummary(dataset, visitRate, of('visit-rate', 'county-b'))).toContain('已达到全国目标（约 90%）');
  });

  it('ranks only exact figures of one period, names bounds without ranking them, and sets the prefecture beside its counties', () => {
    const sameHalf = dataset.observations.filter((o) => o.indicator === 'visit-rate' && o.period === '2024-H1');
    expect(comparisonSummary(dataset, visitRate, sameHalf)).toBe(
      '乙县的县域内就诊率为 92.5%（2024年上半年）；另有甲县只报告了 > 90%，没有确切数值，未参与排名；都已达到全国目标（约 90%）；某市的 87.49% 是包含其他所列地方的上级地区的数值，不与下属地方一起排名。',
    );
  });

  it('says when the places report different periods', () => {
    const sentence = comparisonSummary(dataset, visitRate, of('visit-rate'))!;
    expect(sentence).toContain('在报告实际数值的 2 个地区中');
    expect(sentence).toContain('（各地数据的时期不同，详见下表）');
    expect(sentence).toContain('乙县最高（92.5%，2024年上半年），丙县最低（84.5%，2024年8月）');
    expect(sentence).toContain('2 个达到全国目标（约 90%），丙县低于目标 5.5 个百分点');
    expect(sentence).not.toMatch(/某市(最高|最低|低于目标)/);
  });
});

describe('charts only where they help', () => {
  it('compares three or more places, exact figures highest first, bounds after them drawn open, each bar with its period', () => {
    const chart = comparisonChart(dataset, visitRate, of('visit-rate'))!;
    expect(chart.spec.categoryNames).toEqual(['乙县', '丙县', '甲县']);
    const actual = chart.spec.series.find((s) => s.kind === 'actual')!;
    expect(actual.values).toEqual([92.5, 84.5, 90]);
    expect(actual.texts).toEqual(['92.5%（2024年上半年）', '84.5%（2024年8月）', '> 90%（2024年上半年）']);
    expect(actual.open).toEqual([null, null, 'up']);
    expect(chart.spec.series.map((s) => s.kind)).toEqual(['actual']);
    expect(chart.spec.reference).toEqual({ value: 90, label: '全国目标 约 90%' });
    expect(chart.summary).toBe(comparisonSummary(dataset, visitRate, of('visit-rate')));
  });

  it('leaves more than 30 places to the table', () => {
    const many = Array.from({ length: 31 }, (_, i) => ({ ...of('visit-rate', 'city')[0], id: `x-${i}`, subject: { type: 'region' as const, id: `r-${i}` } }));
    expect(comparisonChart(dataset, visitRate, many)).toBeUndefined();
    expect(comparisonChart(dataset, visitRate, many.slice(0, 30))!.spec.categories).toHaveLength(30);
  });

  it('does not chart two places, or yes/no answers', () => {
    expect(comparisonChart(dataset, visitRate, of('visit-rate').filter((o) => ['city', 'county-a'].includes(o.subject.id)))).toBeUndefined();
    expect(chartsForIndicator(dataset, yesNo)).toEqual([]);
  });

  it('charts one place over time, and an actual against its target', () => {
    const trend = subjectChart(dataset, rules, of('rules', 'county-a'))!;
    expect(trend.spec.categories).toEqual([['统一管理之前', '（来源未给出时间）'], ['截至报道发布', '（2024年8月）']]);
    expect(trend.spec.series.map((s) => [s.kind, s.values])).toEqual([
      ['baseline', [32, null]],
      ['actual', [null, 74]],
    ]);
    const target = subjectChart(dataset, visitRate, of('visit-rate', 'county-c'))!;
    expect(target.spec.type).toBe('bar');
    expect(target.spec.series.map((s) => s.kind)).toEqual(['actual', 'target']);
    expect(subjectChart(dataset, visitRate, of('visit-rate', 'city'))).toBeUndefined();
  });

  it('draws a line once a place has three actual figures', () => {
    const three = [...of('visit-rate', 'county-c'), { ...of('visit-rate', 'county-c')[1], id: 'c-2022', period: '2022', value: 78 }];
    expect(subjectChart(dataset, visitRate, three)!.spec.type).toBe('line');
  });

  it('gives a prefecture page its counties beside it, and each page only its own trends', () => {
    const city = chartsForSubject(dataset, 'region', 'city');
    expect(city.map((c) => c.title)).toEqual(['县域内就诊率：某市及下辖地区']);
    expect(chartsForSubject(dataset, 'region', 'county-a').map((c) => c.key)).toEqual(['trend-rules']);
    expect(chartsForSubject(dataset, 'group', 'group-a')).toEqual([]);
  });
});
