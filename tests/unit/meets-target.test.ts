/**
 * "Meets the national target" is one rule (src/data/meets-target.ts): the catalogue's grid, the province summary and the
 * summary sentence agree on the same figures. Expected values come from the data: Kunming's counties report the
 * in-county visit rate as "超过90%" (more than 90) for 2024-H1; the national target is "约 90%", higher is better.
 */
import { describe, expect, it } from 'vitest';
import type { Indicator, Observation } from '../../src/schemas';
import { indexDataset, pathOf, type Dataset } from '../../src/data/dataset';
import { readSourceFiles } from '../../src/data/read-sources';
import { validateDataset } from '../../src/data/validate';
import { targetStatus } from '../../src/data/meets-target';
import { comparisonSummary, subjectSummary } from '../../src/data/series';
import { provinceSummary } from '../../src/views/indicators';
import { gridCell } from '../../src/views/catalogue';

const entries = validateDataset(readSourceFiles(process.cwd())).entries;
const INDICATOR = 'in-county-visit-rate';
const indicator = entries.indicators.find((i) => i.id === INDICATOR)!;
const TARGET_REFERENCE = indicator.nationalTarget!.reference!;

/**
 * The real dataset, with the given figures of the indicator, and its target's source verified or not. `basis` states
 * one counting basis (口径) for the target, as a source that names it would; `bound` replaces the target's "约".
 */
function datasetWith(verified: boolean, figures: Observation[] = entries.observations.filter((o) => o.indicator === INDICATOR), basis?: string, bound?: 'at-least'): Dataset {
  const target = (t: NonNullable<Indicator['nationalTarget']>) => ({ ...t, ...(basis ? { countingBasis: basis } : {}), ...(bound ? { qualifier: bound } : {}) });
  return indexDataset({
    ...entries,
    indicators: entries.indicators.map((i) => (i.id === INDICATOR ? { ...i, nationalTarget: target(i.nationalTarget!) } : i)),
    observations: [...entries.observations.filter((o) => o.indicator !== INDICATOR), ...figures],
    references: (entries.references ?? []).map((r) => (r.id === TARGET_REFERENCE ? { ...r, verified } : r)),
  });
}

/** The indicator as a dataset holds it (with the target's basis when one was given). */
const indicatorIn = (dataset: Dataset) => dataset.indicator.get(INDICATOR)!;
/** The figures with the basis their source would state. */
const statedOn = (list: Observation[], countingBasis: string) => list.map((o) => ({ ...o, countingBasis }));

const figures = entries.observations.filter((o) => o.indicator === INDICATOR);
const actuals = figures.filter((o) => o.kind === 'actual');
/** What every page should say of one figure, in one word. */
function everyPage(dataset: Dataset, list: Observation[]) {
  const indicator = indicatorIn(dataset);
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

  it('with a verified source, a figure whose source states no basis (口径) is compared nowhere: the Kunming figures as they are', () => {
    expect(actuals.every((o) => o.countingBasis === undefined)).toBe(true);
    expect(indicator.definitionStatus).not.toBe('official');
    const pages = everyPage(datasetWith(true), figures);
    expect(pages.status).toEqual(actuals.map(() => ({ comparable: false, reason: 'unstatedBasis' })));
    expect(pages.grid).toEqual(actuals.map(() => 'apart'));
    // Not "0 of 3": a figure of unstated basis is counted neither as meeting nor as missing.
    expect(pages.meeting.every(([, meeting]) => meeting === undefined)).toBe(true);
    expect(pages.sentence).not.toContain('达到全国目标');
    // A target that names its basis is not met by figures that state none, nor by figures on another basis.
    expect(everyPage(datasetWith(true, figures, '住院'), figures).grid).toEqual(actuals.map(() => 'apart'));
    const outpatient = statedOn(figures, '门诊');
    expect(everyPage(datasetWith(true, outpatient, '住院'), outpatient).status).toEqual(actuals.map(() => ({ comparable: false, reason: 'unstatedBasis' })));
  });

  it('with a verified source and one stated basis, "more than 90%" meets "about 90%" everywhere: ✓ on the grid, 3 of 3 in the province, "都已达到" in the sentence', () => {
    const inpatient = statedOn(figures, '住院');
    const pages = everyPage(datasetWith(true, inpatient, '住院'), inpatient);
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
      [statedOn(about, '住院'), 'undecided'],
      [statedOn(median, '住院'), 'aggregate'],
    ] as const) {
      const pages = everyPage(datasetWith(true, [...list], '住院'), [...list]);
      expect(pages.status).toEqual(list.map(() => ({ comparable: false, reason })));
      expect(pages.grid).toEqual(list.map(() => 'apart'));
      expect(pages.meeting.map(([, m]) => m ?? 0)).toEqual(pages.meeting.map(() => 0));
      expect(pages.sentence).not.toContain('达到全国目标');
    }
    const plan = figures.find((o) => o.kind === 'target')!;
    const withBasis = datasetWith(true, figures, '住院');
    expect(targetStatus(withBasis, indicatorIn(withBasis), { ...plan, countingBasis: '住院' })).toEqual({ comparable: false, reason: 'notActual' });
  });

  it('a figure below the target misses it on every page alike ("more than 80%" cannot tell; a plain 85% misses "≥ 90%")', () => {
    const lower = actuals.map((o) => ({ ...o, value: 85, qualifier: undefined, countingBasis: '住院', source: { ...o.source } }));
    const pages = everyPage(datasetWith(true, lower, '住院', 'at-least'), lower);
    expect(pages.status).toEqual(lower.map(() => ({ comparable: true, meets: false })));
    expect(pages.grid).toEqual(lower.map(() => 'misses'));
    expect(pages.meeting).toEqual([[pages.provinces[0], 0]]);
    expect(pages.sentence).not.toContain('都已达到全国目标');
    const bound = statedOn(actuals, '住院').map((o) => ({ ...o, value: 80 }));
    expect(everyPage(datasetWith(true, bound, '住院', 'at-least'), bound).status).toEqual(bound.map(() => ({ comparable: false, reason: 'undecided' })));
    // "约 90%" as the data states it is held as 90 in the indicator's direction.
    expect(everyPage(datasetWith(true, lower, '住院'), lower).grid).toEqual(lower.map(() => 'misses'));
  });

  it('one place’s sentence says the gap to the national target only where the grid colours the figure', () => {
    const one = figures.filter((o) => o.subject.id === 'shilin');
    expect(subjectSummary(datasetWith(true), indicator, one) ?? '').not.toContain('全国目标');
    const exact = statedOn(one, '住院').map((o) => ({ ...o, value: 85, qualifier: undefined }));
    const withBasis = datasetWith(true, exact, '住院', 'at-least');
    expect(subjectSummary(withBasis, indicatorIn(withBasis), exact)).toContain('距全国目标（≥ 90%）还差 5 个百分点');
  });
});

describe('meetsTarget: every value the figure allows against every value that meets the target', () => {
  const higher = 'higher-is-better' as const;
  const fig = (value: number, qualifier?: Observation['qualifier']) => ({ value, ...(qualifier ? { qualifier } : {}) });
  it.each([
    ['90 against ≥ 90', fig(90), { value: 90, qualifier: 'at-least' }, true],
    ['90 against > 90', fig(90), { value: 90, qualifier: 'more-than' }, false],
    ['> 90 against > 90', fig(90, 'more-than'), { value: 90, qualifier: 'more-than' }, true],
    ['≥ 90 against > 90 (could be exactly 90)', fig(90, 'at-least'), { value: 90, qualifier: 'more-than' }, undefined],
    ['> 90 against ≥ 95', fig(90, 'more-than'), { value: 95, qualifier: 'at-least' }, undefined],
    ['< 80 against ≥ 90', fig(80, 'less-than'), { value: 90, qualifier: 'at-least' }, false],
    ['85 against 约 90', fig(85), { value: 90, qualifier: 'about' }, false],
    ['92 against 约 90', fig(92), { value: 90, qualifier: 'about' }, true],
    ['约 92 against ≥ 90', fig(92, 'about'), { value: 90, qualifier: 'at-least' }, undefined],
  ] as const)('%s', async (_, figure, target, expected) => {
    const { meetsTarget } = await import('../../src/data/meets-target');
    expect(meetsTarget(figure, target, higher)).toBe(expected);
  });

  it('a lower-is-better target is met from below', async () => {
    const { meetsTarget } = await import('../../src/data/meets-target');
    expect(meetsTarget({ value: 8 }, { value: 10 }, 'lower-is-better')).toBe(true);
    expect(meetsTarget({ value: 12 }, { value: 10 }, 'lower-is-better')).toBe(false);
    expect(meetsTarget({ value: 8, qualifier: 'more-than' }, { value: 10 }, 'lower-is-better')).toBeUndefined();
  });

  it('an official definition fixes the basis; a working one leaves it unstated unless the target names it', async () => {
    const { statedOnTargetBasis } = await import('../../src/data/meets-target');
    const target = { value: 90, basis: '国家' };
    expect(statedOnTargetBasis({ definitionStatus: 'official', nationalTarget: target }, {})).toBe(true);
    expect(statedOnTargetBasis({ definitionStatus: 'working', nationalTarget: target }, {})).toBe(false);
    expect(statedOnTargetBasis({ definitionStatus: 'working', nationalTarget: { ...target, countingBasis: '住院' } }, { countingBasis: '住院' })).toBe(true);
    expect(statedOnTargetBasis({ definitionStatus: 'official', nationalTarget: { ...target, countingBasis: '住院' } }, {})).toBe(false);
  });
});
