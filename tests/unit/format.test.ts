import { describe, expect, it } from 'vitest';
import { formatDate, formatValue, formatQualified } from '../../src/views/format';
import { formatPeriod } from '../../src/data/period';

describe('formatting for pages', () => {
  it('writes dates the Chinese way', () => {
    expect(formatDate('2024-08-13')).toBe('2024年8月13日');
    expect(formatDate('2024-08')).toBe('2024年8月');
  });
  it('writes periods in words', () => {
    expect(formatPeriod('2024-H1')).toBe('2024年上半年');
    expect(formatPeriod('2019-11/2024-08')).toBe('2019年11月至2024年8月');
    expect(formatPeriod('../2024-08')).toBe('截至2024年8月');
  });
  it('writes values with grouping and units', () => {
    expect(formatValue(105423, '人次')).toBe('105,423 人次');
    expect(formatValue(87.49, '%')).toBe('87.49%');
    expect(formatQualified(65, '%', 'at-least')).toBe('≥ 65%');
  });
});
