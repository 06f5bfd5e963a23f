/**
 * Issue 28: every figure's kind in words wherever it is shown, the overview grid included (a target reads 目标, a
 * median 中位数, beside the value, not only in hidden text). Expected words come from the fixture's figures.
 */
import { describe, expect, it } from 'vitest';
import { gridCell } from '../../src/views/indicators';
import { fixtureSite, observations, visitRate } from './indicators-fixture';

const ds = fixtureSite();

const figure = (id: string) => observations.find((o) => o.id === id)!;

describe('overview grid cells', () => {
  it('say a target is a target, in words beside its value', () => {
    const cell = gridCell(ds, visitRate, figure('c-rate-target'));
    expect(cell.kind).toBe('目标');
    expect(cell.value).toBe('90%');
  });

  it('say a median is a median', () => {
    const median = { ...figure('city-rate'), statistic: 'median' as const };
    expect(gridCell(ds, visitRate, median).kind).toBe('中位数');
  });

  it('add no word to a place’s own actual figure, whose bound (> 90%) stays in the value', () => {
    const cell = gridCell(ds, visitRate, figure('a-rate'));
    expect(cell.kind).toBeUndefined();
    expect(cell.value).toMatch(/^> ?90%$/);
  });
});
