/**
 * The safer importer, on the project's real data as a bureau editor would meet it: names resolved with suggestions,
 * every problem of every row reported at once, and warnings for figures that repeat a published one or cite a
 * document about another place.
 */
import { describe, expect, it } from 'vitest';
import { importObservations, type Cell } from '../../src/publishing/import-observations';
import { readSourceFiles } from '../../src/data/read-sources';

const HEADER = ['指标 indicator', '对象类型 subject_type', '对象 subject', '时期 period', '数值 value', '来源文件 document', '来源位置 section', '摘录 excerpt'];
const files = readSourceFiles(process.cwd());
const run = (...rows: Cell[][]) => importObservations([HEADER, ...rows], { file: 'figures.csv', outPath: 'data/observations/import-test.json', files });
/** A row check accepts: Zizhong's published remote-imaging figure, under a period it was not published for. */
const row = (over: Partial<Record<'indicator' | 'type' | 'subject' | 'period' | 'value' | 'document' | 'section' | 'excerpt', string>> = {}): Cell[] => {
  const r = { indicator: 'remote-imaging-cases', type: '地区', subject: '资中县', period: '2023', value: '3000', document: 'zizhong-2024-yigongti', section: '畅通“三大服务”创新协同模式（二）', excerpt: '远程影像3000人次', ...over };
  return [r.indicator, r.type, r.subject, r.period, r.value, r.document, r.section, r.excerpt];
};

describe('importer: names', () => {
  it.each([
    ['资中', '资中县'],
    ['安宁', '安宁市'],
    ['高密', '高密市'],
  ])('a place written %s is not found, and %s is suggested (not the id rule)', (typed, suggested) => {
    const { problems } = run(row({ subject: typed }));
    expect(problems).toHaveLength(1);
    expect(problems[0].zh).toContain(`没有找到名为“${typed}”的地区，您是不是要找 ${suggested}`);
    expect(problems[0].zh).not.toContain('只能用小写字母');
    expect(problems[0].line).toBe(2);
  });

  it('suggests across groups, regions and institutions when the type column is empty', () => {
    const { problems } = run(row({ type: '', subject: '资中县人民' }));
    expect(problems.map((p) => p.zh).join()).toMatch(/没有找到名为“资中县人民”的地区、医共体、机构，您是不是要找 .*资中县人民医院/);
  });

  it('names an unknown indicator and document with suggestions too', () => {
    const { problems } = run(row({ indicator: '远程影像', document: '四个三' }));
    const byField = Object.fromEntries(problems.map((p) => [p.field, p.zh]));
    expect(byField['指标 indicator']).toMatch(/没有找到名为“远程影像”的指标，您是不是要找 远程影像/);
    expect(byField['来源文件 document']).toMatch(/没有找到名为“四个三”的来源文件，您是不是要找/);
  });
});

describe('importer: every problem at once', () => {
  it('reports each wrong cell of one row, not only the first', () => {
    const { problems, text } = run(row({ indicator: 'no-such', subject: '资中', period: '2023-02-30', value: '约3000' }), row({ period: '2024-02-31' }), row({ value: '4000' }));
    const cells = problems.map((p) => `${p.line} ${p.field}`);
    expect(cells).toEqual(expect.arrayContaining(['2 指标 indicator', '2 对象 subject', '2 数值 value', '2 时期 period', '3 时期 period', '4 摘录 excerpt']));
    // Each cell once.
    expect(new Set(cells).size).toBe(cells.length);
    expect(text).toBe('');
  });
});

describe('importer: warnings', () => {
  it('warns on a second copy of a published figure under another period code', () => {
    const { problems, warnings } = run(row({ period: '2024-08', value: '105423', excerpt: '开展远程影像105423人次' }));
    expect(problems).toEqual([]);
    // Named as staff know it (subject · indicator · period); the id and the file are in the English line.
    expect(warnings.map((w) => w.zh).join()).toContain('“资中县 · ');
    expect(warnings.map((w) => w.zh).join()).not.toMatch(/zizhong|data\//);
    expect(warnings.map((w) => w.en).join()).toContain('zizhong-remote-imaging-cases-cum');
  });

  it('warns on a figure for the same indicator, subject and period as a published one', () => {
    const { warnings } = run(row({ period: '../2024', value: '3000' }));
    expect(warnings[0].zh).toMatch(/同一指标、同一对象、同一时期的数字：“资中县 · .+ · 截至2024年”$/);
    expect(warnings[0].en).toContain('zizhong-remote-imaging-cases-cum');
    // What to do, in words that fit the editor's import table as well as the terminal (no command, no file).
    expect(warnings[0].hint?.zh).toMatch(/更正/);
    expect(warnings[0].hint?.zh).not.toMatch(/npm|data\/|[A-Za-z]{3,}/);
  });

  it('warns on two rows of the sheet that repeat each other', () => {
    const { warnings } = run(row(), row());
    expect(warnings.map((w) => w.line)).toEqual([3]);
  });

  it('warns on a Mengjin figure cited to the Zizhong document', () => {
    const { warnings } = run(row({ subject: '孟津县' }));
    expect(warnings.map((w) => w.zh).join()).toMatch(/讲的是资中县，而这个数字的对象在孟津县/);
    expect(warnings.map((w) => w.zh).join()).not.toMatch(/[a-z]{3,}/);
  });

  it.each([['x'], ['一、'], ['  . ']])('warns on a section too short to find the figure by (%s)', (section) => {
    const { warnings } = run(row({ section }));
    expect(warnings.map((w) => w.field)).toContain('来源位置 section');
  });

  it('says nothing about a new figure from its own place’s document', () => {
    expect(run(row()).warnings).toEqual([]);
  });
});
