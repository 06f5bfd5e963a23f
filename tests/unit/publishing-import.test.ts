/** Importing a spreadsheet of figures: the documented columns, names resolved to ids, bad rows reported by row number. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { importObservations, IMPORT_COLUMNS, type Cell } from '../../src/publishing/import-observations';
import { validateDataset } from '../../src/data/validate';
import { readSourceFiles } from '../../src/data/read-sources';
import { publishingFiles } from '../fixtures/publishing-files';

const HEADER = ['指标 indicator', '对象 subject', '时期 period', '数值 value', '来源文件 document', '来源位置 section', '摘录 excerpt'];
const OUT = 'data/observations/import.json';
const run = (rows: Cell[][]) => importObservations(rows, { file: 'figures.csv', outPath: OUT, files: publishingFiles() });

describe('spreadsheet import', () => {
  it('reads rows into figures, resolving names a bureau would write to ids', () => {
    const result = run([
      HEADER,
      ['远程影像诊断人次', '某县医共体', '2024-H1', '105,423', 'doc-a', '一、', '远程影像诊断105423人次'],
      ['签约覆盖率', '某县', '2024', '87.49%', '某县医共体报告', '二、', '签约覆盖率87.49%'],
    ]);
    expect(result.problems).toEqual([]);
    expect(result.observations).toEqual([
      { id: 'county-remote-imaging-2024-h1', indicator: 'remote-imaging', subject: { type: 'group', id: 'county-grp' }, period: '2024-H1', value: 105423, kind: 'actual', source: { document: 'doc-a', section: '一、', excerpt: '远程影像诊断105423人次' } },
      { id: 'county-coverage-2024', indicator: 'coverage', subject: { type: 'region', id: 'county' }, period: '2024', value: 87.49, kind: 'actual', source: { document: 'doc-a', section: '二、', excerpt: '签约覆盖率87.49%' } },
    ]);
    // What is written is exactly what npm run check accepts.
    const files = publishingFiles();
    files.data.observations.push({ path: OUT, text: result.text });
    expect(validateDataset(files).problems).toEqual([]);
  });

  it('reports every bad row by its row number and column, and writes nothing', () => {
    const result = run([
      HEADER,
      ['远程影像诊断人次', '某县医共体', '2024', '105423', 'doc-a', '一、', '远程影像诊断105423人次'],
      [],
      ['远程影像诊断人次', '某县医共体', '2024', '约10万', 'doc-a', '一、', '远程影像诊断105423人次'],
      ['no-such-indicator', '某县医共体', '2024', '105423', 'doc-a', '一、', '远程影像诊断105423人次'],
      ['远程影像诊断人次', '不存在的医院', '2024', '105423', 'doc-a', '一、', '远程影像诊断105423人次'],
      ['远程影像诊断人次', '某县医共体', '2024年', '105423', 'doc-a', '一、', '远程影像诊断105423人次'],
      ['远程影像诊断人次', '某县医共体', '2023', '105424', 'doc-a', '一、', '远程影像诊断105423人次'],
    ]);
    expect(result.text).toBe('');
    expect(result.problems.map((p) => [p.file, p.line, p.field])).toEqual([
      ['figures.csv', 4, '数值 value'],
      ['figures.csv', 5, '指标 indicator'],
      ['figures.csv', 6, '对象 subject'],
      ['figures.csv', 7, '时期 period'],
      ['figures.csv', 8, '摘录 excerpt'],
    ]);
    expect(result.problems[0].hint?.zh).toContain('“数值”列只写数字');
  });

  it('counts rows as the spreadsheet shows them: comment rows and blank rows keep their numbers', () => {
    const result = run([
      ['# 说明'],
      HEADER,
      ['#示例', '某县医共体', '2024', 'x', 'doc-a', '一、', ''],
      ['', '', ''],
      ['远程影像诊断人次', '某县医共体', '2024', 'x', 'doc-a', '一、', '远程影像诊断105423人次'],
    ]);
    expect(result.problems.map((p) => p.line)).toEqual([5]);
  });

  it('reports a duplicate id at the row that repeats it, naming the first row', () => {
    const header = ['编号 id', ...HEADER];
    const row = ['fig-a', '远程影像诊断人次', '某县医共体', '2024', '105423', 'doc-a', '一、', '远程影像诊断105423人次'];
    const result = run([header, row, row]);
    expect(result.problems).toEqual([expect.objectContaining({ line: 3, field: '编号 id', zh: expect.stringContaining('figures.csv:2') })]);
  });

  it('reports an id already used elsewhere in the project', () => {
    const result = run([['编号 id', ...HEADER], ['obs-1', '远程影像诊断人次', '某县医共体', '2024', '105423', 'doc-a', '一、', '远程影像诊断105423人次']]);
    expect(result.problems).toEqual([expect.objectContaining({ line: 2, zh: expect.stringContaining('data/observations/o.json') })]);
  });

  it('replaces its own earlier output instead of clashing with it', () => {
    const files = publishingFiles();
    files.data.observations.push({ path: OUT, text: JSON.stringify([{ id: 'county-remote-imaging-2024' }]) });
    const result = importObservations([HEADER, ['远程影像诊断人次', '某县医共体', '2024', '105423', 'doc-a', '一、', '远程影像诊断105423人次']], { file: 'f.csv', outPath: OUT, files });
    expect(result.problems).toEqual([]);
    expect(result.observations[0].id).toBe('county-remote-imaging-2024');
  });

  it('reads Chinese-only and English-only headers, typed cells from .xlsx, and the optional columns', () => {
    const result = run([
      ['编号', '指标', '对象类型', '对象', '时期', '时期说明', '数值', '类型', '限定', '说明', '来源文件', '来源位置', '摘录'],
      ['', 'remote-imaging', '机构', '县医院', 2024, '全年', 105423, '目标', '以上', '含乡镇', 'doc-a', '一、', '远程影像诊断105423人次'],
    ]);
    expect(result.problems).toEqual([]);
    expect(result.observations[0]).toMatchObject({ subject: { type: 'institution', id: 'county-hosp' }, period: '2024', periodLabel: '全年', kind: 'target', qualifier: 'at-least', note: '含乡镇' });
    const english = run([['indicator', 'subject', 'period', 'value', 'document', 'section', 'excerpt'], ['remote-imaging', 'county-grp', '2024', '105423', 'doc-a', '一、', '远程影像诊断105423人次']]);
    expect(english.problems).toEqual([]);
  });

  it('names an unknown or missing column by the header row', () => {
    const result = run([['指标', '对象', '时间', '数值', '来源文件', '来源位置', '摘录']]);
    expect(result.problems).toEqual([
      expect.objectContaining({ line: 1, field: '时间', zh: '不认识的列名“时间”' }),
      expect.objectContaining({ line: 1, field: '时期 period', zh: expect.stringContaining('缺少') }),
    ]);
  });

  it('says so when the sheet has no figures', () => {
    expect(run([HEADER]).problems).toEqual([expect.objectContaining({ zh: expect.stringContaining('没有数据行') })]);
    expect(run([]).problems).toEqual([expect.objectContaining({ zh: '表格是空的' })]);
  });

  it('the template in the repo has every column, and its example rows import cleanly once un-commented', () => {
    const template = readFileSync('templates/observations-template.csv', 'utf8');
    const rows = parse(template, { bom: true, relax_column_count: true }) as string[][];
    expect(rows[0]).toEqual(IMPORT_COLUMNS.map((c) => `${c.zh} ${c.key}`));
    const examples = rows.filter((r) => r[0].startsWith('#示例'));
    expect(examples.length).toBeGreaterThan(0);
    // As shipped, the examples are comments: importing the untouched template adds nothing.
    expect(run(rows).problems).toEqual([expect.objectContaining({ zh: expect.stringContaining('没有数据行') })]);
    // Un-commented, they are valid figures of the real project (so the template never teaches a broken row).
    const uncommented = rows.filter((r) => !r[0].startsWith('# ')).map((r) => (r[0] === '#示例' ? ['', ...r.slice(1)] : r));
    const real = importObservations(uncommented, { file: 'template.csv', outPath: 'data/observations/template-test.json', files: readSourceFiles('.') });
    expect(real.problems).toEqual([]);
    expect(real.observations).toHaveLength(examples.length);
  });
});
