/** Every problem an editor can meet says where (file:line, entry, field), what is wrong and how to fix it. */
import { describe, expect, it } from 'vitest';
import { validateDataset, formatProblem, type SourceFiles, type Problem } from '../../src/data/validate';
import { publishingFiles, json, CORRECTION } from '../fixtures/publishing-files';

const problemsOf = (files: SourceFiles) => validateDataset(files).problems;

function editData(collection: keyof SourceFiles['data'], change: (entries: any[]) => void, files = publishingFiles()): SourceFiles {
  const file = files.data[collection]![0];
  const entries = JSON.parse(file.text);
  change(entries);
  file.text = JSON.stringify(entries, null, 2);
  return files;
}

function editMdx(change: (text: string) => string, files = publishingFiles()): SourceFiles {
  files.mdx.documents[0].text = change(files.mdx.documents[0].text);
  return files;
}

/** The line of a file's text where a piece of text first appears. */
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

const broken: [string, () => SourceFiles][] = [
  ['broken JSON', () => ((f) => ((f.data.groups[0].text = f.data.groups[0].text.replace('"kind": "county",', '"kind": "county"')), f))(publishingFiles())],
  ['a text where a number belongs', () => editData('observations', (o) => (o[0].value = '105,423'))],
  ['a missing required field', () => editData('groups', (g) => delete g[0].summary)],
  ['an unknown field', () => editData('groups', (g) => (g[0].sumary = g[0].summary))],
  ['a value not among the allowed ones', () => editData('groups', (g) => (g[0].kind = 'city'))],
  ['an empty list', () => editData('institutions', (i) => (i[0].sources = []))],
  ['a bad id', () => editData('institutions', (i) => (i[1].id = 'Town_Centre'))],
  ['a reference to an institution that does not exist', () => editData('groups', (g) => (g[0].lead = 'nowhere'))],
  ['a reference to an indicator that does not exist', () => editData('observations', (o) => (o[0].indicator = 'nothing'))],
  ['a duplicate id', () => editData('observations', (o) => o.push({ ...o[0] }))],
  ['an excerpt without its value', () => editData('observations', (o) => (o[0].value = 105000))],
  ['a bad period', () => editData('observations', (o) => (o[0].period = '2024年'))],
  ['a date that is not a date', () => editMdx((t) => t.replace('date: 2024-08-13', 'date: 2024-02-30'))],
  ['broken frontmatter', () => editMdx((t) => t.replace('title: 某县医共体报告', 'title: [某县医共体报告'))],
  ['MDX without frontmatter', () => editMdx((t) => t.replace(/^---\n/, ''))],
  ['MDX without a title', () => editMdx((t) => t.replace('title: 某县医共体报告\n', ''))],
  ['an MDX body with a bare <', () => editMdx((t) => `${t}\n年龄<5岁\n`)],
  ['an MDX body with a component', () => editMdx((t) => `${t}\n<Chart />\n`)],
  ['a bad file name', () => ((f) => ((f.mdx.documents[0].path = 'content/documents/Doc A.mdx'), f))(publishingFiles())],
  ['a file that is not a list', () => ((f) => ((f.data.regions[0].text = '{ "id": "prov" }'), f))(publishingFiles())],
];

describe('problem messages', () => {
  for (const [name, make] of broken) {
    it(`${name}: names the file, says what is wrong and how to fix it, in Chinese and English`, () => {
      const problems = problemsOf(make());
      expect(problems.length).toBeGreaterThan(0);
      for (const p of problems) {
        expect(p.file).toMatch(/^(data|content)\//);
        expect(p.zh).toMatch(/[\u4e00-\u9fff]/);
        expect(p.en).toMatch(/[a-z]/);
        expect(p.hint?.zh).toMatch(/[\u4e00-\u9fff]/);
        expect(p.hint?.en).toMatch(/[a-z]/);
        const text = formatProblem(p);
        expect(text.startsWith(p.file)).toBe(true);
        expect(text).toContain(`怎么改：${p.hint!.zh}`);
        expect(text).toContain(`How to fix: ${p.hint!.en}`);
      }
    });
  }

  it('formats a problem as file:line — entry — field — what, then how to fix, each in Chinese then English', () => {
    const p: Problem = { file: 'data/x.json', line: 7, entry: 'a', field: 'value', zh: '错', en: 'wrong', hint: { zh: '改', en: 'fix' } };
    expect(formatProblem(p)).toBe('data/x.json:7 — 条目 entry “a” — 字段 field “value” — 错\n    wrong\n    怎么改：改\n    How to fix: fix');
    expect(formatProblem({ file: 'data/x.json', zh: '错', en: 'wrong' })).toBe('data/x.json — 错\n    wrong');
  });

  it('points at the line of the field itself, not only the entry', () => {
    const files = editData('observations', (o) => (o[1].value = 'abc'));
    const [p] = problemsOf(files);
    expect(p).toMatchObject({ entry: 'obs-2', field: 'value' });
    expect(p.line).toBe(lineOf(files.data.observations[0].text, '"value": "abc"'));
  });

  it('points a duplicate id in the same file at the second entry', () => {
    const files = editData('observations', (o) => o.push({ ...o[0] }));
    const text = files.data.observations[0].text;
    const second = text.lastIndexOf('"id": "obs-1"');
    expect(problemsOf(files)).toEqual([expect.objectContaining({ field: 'id', line: text.slice(0, second).split('\n').length })]);
  });

  it('does not blame every reference when a file is broken JSON: only the broken file is reported', () => {
    const files = publishingFiles();
    files.data.institutions[0].text = files.data.institutions[0].text.replace('"kind": "general-hospital",', '"kind": "general-hospital"');
    const problems = problemsOf(files);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'data/institutions/i.json' });
    expect(problems[0].line).toBe(lineOf(files.data.institutions[0].text, '"region": "county"'));
  });

  it('names the frontmatter field that is broken, on its own line, even when the parser notices later', () => {
    const files = editMdx((t) => t.replace('title: 某县医共体报告', 'title: [某县医共体报告'));
    expect(problemsOf(files)).toEqual([expect.objectContaining({ file: 'content/documents/doc-a.mdx', line: 2, field: 'title' })]);
    const quoted = editMdx((t) => t.replace('issuer: 某县卫健局', 'issuer: "某县卫健局'));
    expect(problemsOf(quoted)).toEqual([expect.objectContaining({ line: 4, field: 'issuer' })]);
  });

  it('gives the line in the file of a problem in an MDX body', () => {
    const files = editMdx((t) => t.replace('远程影像诊断105423人次。', '不到<5岁的儿童'));
    const text = files.mdx.documents[0].text;
    expect(problemsOf(files)).toEqual([expect.objectContaining({ field: '正文 body', line: lineOf(text, '不到<5岁') })]);
  });

  it('accepts ordinary Markdown and HTML-free text in MDX bodies', () => {
    const files = editMdx((t) => `${t}\n- 列表\n\n[链接](/groups/county-grp/)\n\n**加粗**，小于5岁、≥65%。\n`);
    expect(problemsOf(files)).toEqual([]);
  });
});

describe('corrections', () => {
  const withCorrection = (over: Record<string, unknown> = {}, files = publishingFiles()) => {
    files.data.corrections = [json('data/corrections/c.json', [{ ...CORRECTION, ...over }])];
    return files;
  };

  it('accepts a correction whose new value is the figure as published now', () => {
    const { problems, entries: dataset } = validateDataset(withCorrection());
    expect(problems).toEqual([]);
    expect(dataset.corrections).toEqual([{ ...CORRECTION, field: 'value' }]);
  });

  it('accepts a correction of another field, compared with that field', () => {
    expect(problemsOf(withCorrection({ field: 'period', old: '2023', new: '2024' }))).toEqual([]);
    expect(problemsOf(withCorrection({ field: 'source.section', old: '二、', new: '一、' }))).toEqual([]);
  });

  it('refuses a correction of a figure that does not exist', () => {
    expect(problemsOf(withCorrection({ observation: 'obs-9' }))).toEqual([
      expect.objectContaining({ file: 'data/corrections/c.json', entry: 'obs-1-fix', field: 'observation' }),
    ]);
  });

  it('refuses a correction whose new value the figure does not have (the figure was not corrected)', () => {
    const [p] = problemsOf(withCorrection({ new: 105424 }));
    expect(p).toMatchObject({ entry: 'obs-1-fix', field: 'new' });
    expect(p.hint?.zh).toContain('data/observations/');
  });

  it('refuses a correction that changes nothing, a number written as text, a missing reason and a date that is not a date', () => {
    expect(problemsOf(withCorrection({ old: 105423 }))).toEqual([expect.objectContaining({ field: 'old' })]);
    expect(problemsOf(withCorrection({ old: '10542' }))).toEqual([expect.objectContaining({ field: 'old', zh: expect.stringContaining('数字') })]);
    expect(problemsOf(withCorrection({ why: undefined }))).toEqual([expect.objectContaining({ field: 'why', zh: '缺少必填字段' })]);
    expect(problemsOf(withCorrection({ date: '2024-9-2' }))).toEqual([expect.objectContaining({ field: 'date' })]);
    expect(problemsOf(withCorrection({ field: 'colour' }))).toEqual([expect.objectContaining({ field: 'field' })]);
  });
});
