/**
 * "Meets the national target" is one rule (src/data/meets-target.ts): the catalogue's grid, the province summary and the
 * summary sentence agree on the same figures. Expected values come from the data: Kunming's counties report the
 * in-county visit rate as "超过90%" (more than 90) for 2024-H1; the national target is "约 90%", higher is better.
 */
import { describe, expect, it } from 'vitest';
import type { Observation } from '../../src/schemas';
import { indexDataset, pathOf, type Dataset } from '../../src/data/dataset';
import { readSourceFiles } from '../../src/data/read-sources';
import { validateDataset } from '../../src/data/validate';
import { targetStatus } from '../../src/data/meets-target';
import { comparisonSummary } from '../../src/data/series';
import { gridCell, provinceSummary } from '../../src/views/indicators';

const entries = validateDataset(readSourceFiles(process.cwd())).entries;
const INDICATOR = 'in-county-visit-rate';
const indicator = entries.indicators.find((i) => i.id === INDICATOR)!;
const TARGET_REFERENCE = indicator.nationalTarget!.reference!;

/** The real dataset, with the given figures of the indicator, and its target's source verified or not. */
function datasetWith(verified: boolean, figures: Observation[] = entries.observations.filter((o) => o.indicator === INDICATOR)): Dataset {
  return indexDataset({
    ...entries,
    observations: [...entries.observations.filter((o) => o.indicator !== INDICATOR), ...figures],
    references: (entries.references ?? []).map((r) => (r.id === TARGET_REFERENCE ? { ...r, verified } : r)),
  });
}

const figures = entries.observations.filter((o) => o.indicator === INDICATOR);
const actuals = figures.filter((o) => o.kind === 'actual');
/** What every page should say of one figure, in one word. */
function everyPage(dataset: Dataset, list: Observation[]) {
  const province = (o: Observation) => pathOf(dataset, dataset.region.get(o.subject.id)!.id)[0].id;
  const summary = provinceSummary(dataset, indicator, list);
  return {
    status: list.filter((o) => o.kind === 'actual').map((o) => targetStatus(dataset, indicator, o)),
    grid: list.filter((o) => o.kind === 'actual').map((o) => gridCell(dataset, indicator, o).status),
    meeting: summary.rows.filter((r) => r.compared).map((r) => [r.region?.id, r.meeting]),
    provinces: [...new Set(list.filter((o) => o.kind === 'actual').map(province))],
    sentence: comparisonSummary(dataset, indicator, list) ?? '',
  };
}

describe('meets the national target: one rule on every page', () => {
  it('the data: three county figures "more than 90%" for 2024-H1, and a plan’s target of Mengjin that is no outcome', () => {
    expect(actuals.map((o) => [o.subject.id, o.period, o.value, o.qualifier])).toEqual([
      ['shilin', '2024-H1', 90, 'more-than'],
      ['fumin', '2024-H1', 90, 'more-than'],
      ['jinning', '2024-H1', 90, 'more-than'],
    ]);
    expect(indicator.nationalTarget).toMatchObject({ value: 90, qualifier: 'about' });
    expect(indicator.polarity).toBe('higher-is-better');
  });

  it('compares nothing while the target’s source is unverified, on the grid, in the summary and in the sentence', () => {
    const pages = everyPage(datasetWith(false), figures);
    expect(pages.status).toEqual(actuals.map(() => ({ comparable: false, reason: 'unverifiedTarget' })));
    expect(pages.grid).toEqual(actuals.map(() => 'apart'));
    expect(pages.meeting.every(([, meeting]) => meeting === undefined)).toBe(true);
    expect(pages.sentence).not.toContain('达到全国目标');
  });

  it('with a verified source, "more than 90%" meets "about 90%" everywhere: ✓ on the grid, 3 of 3 in the province, "都已达到" in the sentence', () => {
    const pages = everyPage(datasetWith(true), figures);
    expect(pages.status).toEqual(actuals.map(() => ({ comparable: true, meets: true })));
    expect(pages.grid).toEqual(actuals.map(() => 'meets'));
    expect(pages.provinces).toHaveLength(1);
    expect(pages.meeting).toEqual([[pages.provinces[0], actuals.length]]);
    expect(pages.sentence).toContain('都已达到全国目标');
  });

  it('an "约" figure, a median or a plan’s target is compared nowhere, even with a verified source', () => {
    const about = actuals.map((o) => ({ ...o, qualifier: 'about' as const }));
    const median = actuals.map((o) => ({ ...o, statistic: 'median' as const, across: { label: '各乡镇' } }));
    for (const [list, reason] of [
      [about, 'undecided'],
      [median, 'aggregate'],
    ] as const) {
      const pages = everyPage(datasetWith(true, [...list]), [...list]);
      expect(pages.status).toEqual(list.map(() => ({ comparable: false, reason })));
      expect(pages.grid).toEqual(list.map(() => 'apart'));
      expect(pages.meeting.map(([, m]) => m ?? 0)).toEqual(pages.meeting.map(() => 0));
      expect(pages.sentence).not.toContain('达到全国目标');
    }
    const plan = figures.find((o) => o.kind === 'target')!;
    expect(targetStatus(datasetWith(true), indicator, plan)).toEqual({ comparable: false, reason: 'notActual' });
  });

  it('a figure below the target misses it on every page alike ("more than 80%" cannot tell; a plain 85% misses)', () => {
    const lower = actuals.map((o) => ({ ...o, value: 85, qualifier: undefined, source: { ...o.source } }));
    const pages = everyPage(datasetWith(true, lower), lower);
    expect(pages.status).toEqual(lower.map(() => ({ comparable: true, meets: false })));
    expect(pages.grid).toEqual(lower.map(() => 'misses'));
    expect(pages.meeting).toEqual([[pages.provinces[0], 0]]);
    expect(pages.sentence).not.toContain('都已达到全国目标');
    const bound = actuals.map((o) => ({ ...o, value: 80 }));
    expect(everyPage(datasetWith(true, bound), bound).status).toEqual(bound.map(() => ({ comparable: false, reason: 'undecided' })));
  });
});
