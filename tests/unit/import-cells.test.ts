/** Cells read as the sheet shows them reach the import as what they mean: a percentage cell is the percentage shown. */
import { describe, expect, it } from 'vitest';
import { importObservations, type Cell } from '../../src/publishing/import-observations';
import { PercentCell } from '../../src/data/spreadsheet';
import { publishingFiles } from '../fixtures/publishing-files';

const HEADER = ['指标 indicator', '对象 subject', '时期 period', '数值 value', '来源文件 document', '来源位置 section', '摘录 excerpt'];
const run = (rows: Cell[][]) => importObservations(rows, { file: 'figures.xlsx', outPath: 'data/observations/import.json', files: publishingFiles() });

describe('typed cells', () => {
  it('a percentage cell of a % indicator is the percentage it shows, matching the excerpt', () => {
    const result = run([HEADER, ['签约覆盖率', '某县', '2024', new PercentCell(87.49, '87.49%'), 'doc-a', '二、', '签约覆盖率87.49%']]);
    expect(result.problems).toEqual([]);
    expect(result.observations[0].value).toBe(87.49);
  });

  it('a percentage cell for an indicator counted otherwise is named at the value, not blamed on the excerpt', () => {
    const result = run([HEADER, ['远程影像诊断人次', '某县医共体', '2024', new PercentCell(10.5, '10.50%'), 'doc-a', '一、', '远程影像诊断105423人次']]);
    const fields = result.problems.map((p) => p.field);
    expect(fields).toContain('数值 value');
    expect(fields).not.toContain('摘录 excerpt');
    expect(result.problems.find((p) => p.field === '数值 value')?.zh).toContain('百分比格式');
  });

  it('a month typed in a date cell stays a month (the reader gives it as 2024-08)', () => {
    const result = run([HEADER, ['远程影像诊断人次', '某县医共体', '2024-08', 105423, 'doc-a', '一、', '远程影像诊断105423人次']]);
    expect(result.problems).toEqual([]);
    expect(result.observations[0].period).toBe('2024-08');
  });
});
