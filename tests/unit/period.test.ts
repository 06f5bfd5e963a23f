/**
 * A figure's period (src/data/period.ts), read the way the sources give it. Expected values come from the data: Kunming's
 * visit rates are for 2024-H1 ("2024年上半年"), Gaomi's baseline is "../2019-11" (before the group, no year given), Linyi's
 * target is for 2024-12 ("2024年底目标").
 */
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/read-sources';
import { comparablePeriods, formatPeriod, periodClass, periodEndDate, periodText } from '../../src/data/period';

const dataset = loadDataset(process.cwd());
const figure = (id: string) => dataset.observations.find((o) => o.id === id)!;

describe('a figure’s period', () => {
  it('ends on the last day it covers, so periods of any shape sort in time', () => {
    expect(['2024-H1', '../2019-11', '2024-12', '2024', '2021-06'].map(periodEndDate)).toEqual(['2024-06-30', '2019-11-30', '2024-12-31', '2024-12-31', '2021-06-30']);
    expect(periodEndDate('2024-Q1')).toBe('2024-03-31');
    expect(periodEndDate('2024-02')).toBe('2024-02-29');
  });

  it('reads in Chinese, the source’s own words first', () => {
    expect(formatPeriod('2024-H1')).toBe('2024年上半年');
    expect(formatPeriod('../2019-11')).toBe('截至2019年11月');
    expect(formatPeriod('2019-11/2024-08')).toBe('2019年11月至2024年8月');
    expect(periodText(figure('kunming-in-county-visit-rate-2024-h1'))).toBe('2024年上半年');
    expect(periodText(figure('linyi-first-batch-secondary-hospitals-2024-12'))).toBe('2024年底目标');
    // A label's caveat after the first top-level comma stays in the table, not in the sentence.
    expect(periodText(figure('kunming-steering-mechanism-counties'))).toBe('截至原文发表（2024年，具体日期不详；本站所据转载于2024年12月3日）');
  });

  it('compares only within one year, a running total only with another running total', () => {
    expect(periodClass('2024-H1')).toBe('2024');
    expect(periodClass('../2024')).toBe('span:2024');
    expect(comparablePeriods({ period: '2024' }, { period: '2024-H1' })).toBe(true);
    expect(comparablePeriods({ period: '2024' }, { period: '../2024' })).toBe(false);
    expect(comparablePeriods({ period: '2023' }, { period: '2024' })).toBe(false);
  });
});
