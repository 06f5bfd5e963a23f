/**
 * Issue 28: every figure's kind in words wherever it is shown, the overview grid included (a target reads 目标, a
 * median 中位数, beside the value, not only in hidden text). Expected words come from the fixture's figures.
 */
import { describe, expect, it } from 'vitest';
import { gridCell } from '../../src/views/catalogue';
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

describe('citations', () => {
  it('name no outlet when the data records none ("未载…"), never "刊载于未载"', async () => {
    const { outletNamed } = await import('../../src/views/figures');
    expect(outletNamed('未载（抓取文本没有网站名称）')).toBe(false);
    expect(outletNamed('健康四川')).toBe(true);
    expect(outletNamed(undefined)).toBe(false);
  });
});

describe('search excerpts of records', () => {
  it('join a record’s lines with one full stop, never 「。。」', async () => {
    const { linesText } = await import('../../src/search/build/records');
    const { indexDoc } = await import('../../src/search/build/index-doc');
    const record = { title: '甲', kind: 'institution' as const, region: '乙县', name: '甲', text: linesText(['属于乙县医共体。', '开展双向转诊', '急症请拨打 120']) };
    expect(indexDoc('/institutions/a/', record).text).toBe('属于乙县医共体。开展双向转诊。急症请拨打 120');
  });
});
