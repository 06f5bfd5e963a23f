import { describe, expect, it } from 'vitest';
import { validateDataset, formatProblem, type SourceFiles } from '../../src/data/validate';
import { editEntries as editJson, validFiles } from '../support/valid-files';

function problemsOf(files: SourceFiles) {
  return validateDataset(files).problems;
}

describe('data validation', () => {
  it('accepts a valid dataset', () => {
    const { problems, entries: dataset } = validateDataset(validFiles());
    expect(problems).toEqual([]);
    expect(dataset.groups[0].name).toBe('某县医共体');
    expect(dataset.documents[0].data.date).toBe('2024-08-13');
  });

  it('reports broken JSON with the file and line', () => {
    const files = validFiles();
    files.data.groups[0].text = '[\n  { "id": "grp",\n    "name": "x" \n    "kind": "county" }\n]';
    const [p] = problemsOf(files);
    expect(p.file).toBe('data/groups/g.json');
    expect(p.line).toBeGreaterThan(1);
    expect(p.zh).toContain('JSON 格式错误');
  });

  it('reports a text where a number belongs, naming the entry and field', () => {
    const files = editJson(validFiles(), 'observations', (o) => (o[0].value = '105423'));
    const [p] = problemsOf(files);
    expect(p).toMatchObject({ file: 'data/observations/o.json', entry: 'obs-1', field: 'value' });
    expect(formatProblem(p)).toMatch(/data\/observations\/o\.json:\d+ — 条目 entry “obs-1” — 字段 field “value”/);
  });

  it('reports a missing required field', () => {
    const files = editJson(validFiles(), 'groups', (g) => delete g[0].summary);
    expect(problemsOf(files)).toEqual([expect.objectContaining({ entry: 'grp', field: 'summary', zh: '缺少必填字段' })]);
  });

  it('reports a reference to an institution that does not exist', () => {
    const files = editJson(validFiles(), 'groups', (g) => (g[0].members[0].institution = 'nowhere'));
    expect(problemsOf(files)).toEqual([expect.objectContaining({ entry: 'grp', field: 'members[0].institution' })]);
  });

  it('reports a reference to an indicator that does not exist', () => {
    const files = editJson(validFiles(), 'observations', (o) => (o[0].indicator = 'no-such-indicator'));
    const [p] = problemsOf(files);
    expect(p).toMatchObject({ entry: 'obs-1', field: 'indicator' });
    expect(p.zh).toContain('no-such-indicator');
  });

  it('reports a duplicate id across files', () => {
    const files = validFiles();
    files.data.institutions.push({ path: 'data/institutions/more.json', text: JSON.stringify([{ id: 'hosp', name: '重复', kind: 'other', region: 'county', sources: [{ document: 'doc-a', section: '一' }] }]) });
    expect(problemsOf(files)).toEqual([expect.objectContaining({ file: 'data/institutions/more.json', entry: 'hosp', field: 'id' })]);
  });

  it('reports an excerpt that does not contain its value', () => {
    const files = editJson(validFiles(), 'observations', (o) => (o[0].value = 105000));
    expect(problemsOf(files)).toEqual([expect.objectContaining({ entry: 'obs-1', field: 'source.excerpt' })]);
  });

  it('reports a date that is not a date', () => {
    const files = validFiles();
    files.mdx.documents[0].text = files.mdx.documents[0].text.replace('date: 2024-08-13', 'date: 2024-13-45');
    expect(problemsOf(files)).toEqual([expect.objectContaining({ file: 'content/documents/doc-a.mdx', field: 'date' })]);
  });

  it('reports MDX with broken frontmatter, and MDX without a title', () => {
    const broken = validFiles();
    broken.mdx.documents[0].text = broken.mdx.documents[0].text.replace('title: 文件', 'title: [文件');
    expect(problemsOf(broken)[0]).toMatchObject({ file: 'content/documents/doc-a.mdx' });
    const untitled = validFiles();
    untitled.mdx.documents[0].text = untitled.mdx.documents[0].text.replace('title: 文件\n', '');
    expect(problemsOf(untitled)).toEqual([expect.objectContaining({ field: 'title', zh: '缺少必填字段' })]);
  });

  it('collects every problem at once', () => {
    const files = editJson(validFiles(), 'observations', (o) => {
      o[0].indicator = 'x';
      o[0].subject.id = 'y';
    });
    expect(problemsOf(files)).toHaveLength(2);
  });
});
