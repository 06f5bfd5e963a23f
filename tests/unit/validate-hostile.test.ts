/**
 * Every failure names the file, and what the build would reject check rejects: files that are links or not files,
 * Windows' reserved names, nesting deep enough to exhaust a stack, YAML the build's parser refuses (one parser for
 * both), dates and timestamps that do not exist, actual figures for periods to come, belongsTo of the wrong kind or in a
 * loop, names too long, and images the page would show broken.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { validateDataset, type SourceFiles } from '../../src/data/validate';
import { readSourceFiles } from '../../src/data/read-sources';
import { spawnRun } from '../support/run';
import { parseFrontmatterYaml } from '../../src/data/frontmatter';
import { documentFile, SOURCE, validFiles } from '../support/valid-files';

const src = SOURCE;
const DOC = documentFile;
const files = validFiles;
const NOW = new Date('2026-12-07T00:00:00Z');
const problemsOf = (f: SourceFiles) => validateDataset(f, { now: NOW }).problems;

describe('the fixture is valid', () => {
  it('has no problems', () => expect(problemsOf(files())).toEqual([]));
});

describe('files that are not files: lstat before reading, named', () => {
  it('refuses a symlinked folder named x.mdx, a link to a file outside the project and a link inside, and a reserved name', async () => {
    const root = mkdtempSync(join(tmpdir(), 'lstat-'));
    const outside = mkdtempSync(join(tmpdir(), 'outside-'));
    try {
      for (const dir of ['data/groups', 'content/updates', 'content/documents']) mkdirSync(join(root, dir), { recursive: true });
      writeFileSync(join(outside, 'secret.mdx'), '---\ntitle: 外面\n---\n外面的文件\n');
      mkdirSync(join(outside, 'folder'));
      symlinkSync(join(outside, 'folder'), join(root, 'content/updates/x.mdx'));
      symlinkSync(join(outside, 'secret.mdx'), join(root, 'content/documents/secret.mdx'));
      writeFileSync(join(root, 'data/groups/real.json'), '[]');
      symlinkSync(join(root, 'data/groups/real.json'), join(root, 'data/groups/again.json'));
      mkdirSync(join(root, 'content/documents/folder.mdx'));
      writeFileSync(join(root, 'content/documents/folder.mdx/inner.mdx'), 'x');
      expect((await spawnRun('mkfifo', [join(root, 'data/groups/pipe.json')])).status).toBe(0);
      writeFileSync(join(root, 'data/groups/con.json'), '[]');
      writeFileSync(join(root, 'data/groups/AUX.json'), '[]');
      writeFileSync(join(root, 'content/updates/nul.mdx'), '---\n---\n');
      const read = readSourceFiles(root);
      const problems = validateDataset(read).problems;
      const byFile = new Map(problems.map((p) => [p.file, p.zh]));
      expect(byFile.get('content/updates/x.mdx')).toContain('符号链接');
      expect(byFile.get('content/documents/secret.mdx')).toContain('符号链接');
      expect(byFile.get('data/groups/again.json')).toContain('符号链接');
      expect(byFile.get('data/groups/pipe.json')).toContain('不是普通文件');
      expect(byFile.get('content/documents/folder.mdx/inner.mdx')).toContain('子文件夹');
      for (const f of ['data/groups/con.json', 'data/groups/AUX.json', 'content/updates/nul.mdx']) expect(byFile.get(f)).toContain('保留名称');
      // Nothing was read through a link.
      expect(read.mdx.documents).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
      rmSync(outside, { recursive: true, force: true });
    }
  });
});

describe('depth: caught and named, never a stack overflow', () => {
  it.each([
    ['a 20,000-deep array', '['.repeat(20000) + ']'.repeat(20000)],
    ['a 20,000-deep array inside an entry', `[{"id":"deep","name":${'['.repeat(20000)}"x"${']'.repeat(20000)}}]`],
    ['a 5,000-deep object', `[${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}]`],
    ['a 40-deep array of entries', '['.repeat(40) + ']'.repeat(40)],
  ])('%s', (_what, text) => {
    const f = files();
    f.data.groups.push({ path: 'data/groups/deep.json', text });
    const problems = problemsOf(f);
    expect(problems.map((p) => p.file)).toEqual(['data/groups/deep.json']);
    expect(problems[0].zh).toContain('层');
  });
});

describe('one YAML parser: check refuses frontmatter exactly when the build cannot read it', () => {
  const FRONTMATTERS = [
    'title: !!js/function "function () { return 1 }"',
    'title: !!js/regexp /x/',
    'title: !!js/undefined ""',
    'title: 文件\ntitle: 再一次',
    'title: [未闭合',
    'title: "未闭合',
    'title: &a 文件\nsummary: *a',
    'title: 文件\nsummary: *missing',
    'title: {a: 1',
    'title:\tx',
    'title: 文件\n  bad: indentation',
    'title: 文件',
    'title: "2024-08-13"',
    "title: '单引号'",
    'title: !!str 文件',
    'title: 文件 # 注释',
  ];
  it.each(FRONTMATTERS)('%s', (frontmatter) => {
    let buildFails = false;
    try {
      parseFrontmatter(`---\n${frontmatter}\n---\n正文\n`);
    } catch {
      buildFails = true;
    }
    expect('error' in parseFrontmatterYaml(frontmatter)).toBe(buildFails);
  });

  it('names the file for a !!js/function title, and for aliases that loop or repeat', () => {
    for (const title of ['!!js/function "function () { return 1 }"', '&a [*a]', '&x 文件\ntitle2: *x']) {
      const f = files({ document: DOC(`title: ${title}\noriginalTitle: 原标题\nissuer: 某县\ndate: 2024-08-13\ntype: report\nregions: [county]\noutlet: 某网\nsummary: 摘要`) });
      const problems = problemsOf(f);
      expect(problems.length).toBeGreaterThan(0);
      expect(problems.every((p) => p.file === 'content/documents/doc-a.mdx')).toBe(true);
    }
  });
});

describe('dates and timestamps as written', () => {
  it.each([
    ['2024-02-30T10:00:00Z', false],
    ['2024-02-30 10:00:00', false],
    ['2023-02-29T00:00:00+08:00', false],
    ['2024-08-13T25:00:00Z', false],
    ['2024-08-13T10:61:00Z', false],
    ['2024-13-01', false],
    ['2024-08-13T10:00:00Z', true],
    ['2024-8-3T10:00:00Z', true],
    ['2024-02-29', true],
  ])('date: %s → accepted %s', (date, accepted) => {
    const problems = problemsOf(files({ document: DOC(`title: 文件\noriginalTitle: 原标题\nissuer: 某县\ndate: ${date}\ntype: report\nregions: [county]\noutlet: 某网\nsummary: 摘要`) }));
    expect(problems.length === 0).toBe(accepted);
    if (!accepted) expect(problems[0]).toMatchObject({ file: 'content/documents/doc-a.mdx', field: 'date' });
  });
});

describe('actual figures are for periods that have begun', () => {
  const figure = (period: string, kind = 'actual') => ({ id: 'obs-1', indicator: 'remote', subject: { type: 'group', id: 'grp' }, period, value: 105423, kind, source: src });
  it.each(['2999', '2027', '2027-H1', '2026-Q4/2027-01', '../2999-01', '2026-12-31/2027-02'])('refuses an actual for %s (today 2026-12-07)', (period) => {
    const problems = problemsOf(files({ observations: [figure(period)] }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'data/observations/o.json', field: 'period' });
  });
  it.each(['2026', '2026-12', '2026-Q4', '2019-11/2026-12', '../2026-12'])('accepts an actual for %s, and a target for 2999', (period) => {
    expect(problemsOf(files({ observations: [figure(period), { ...figure('2999', 'target'), id: 'obs-2' }] }))).toEqual([]);
  });
});

describe('belongsTo: a village clinic’s health centre, never a loop', () => {
  const clinic = (id: string, belongsTo: string, kind = 'village-clinic') => ({ id, name: `${id}村卫生室`, kind, region: 'county', belongsTo, sources: [src] });
  it('accepts a clinic run by a township health centre', () => {
    expect(problemsOf(files({ institutions: [clinic('a', 'town')] }))).toEqual([]);
  });
  it.each([
    ['a clinic belonging to a hospital', [clinic('a', 'hosp')], 'general-hospital'],
    ['a clinic belonging to another clinic', [clinic('a', 'town'), clinic('b', 'a')], 'village-clinic'],
    ['a hospital with belongsTo', [clinic('h2', 'town', 'general-hospital')], '只有村卫生室'],
    ['a clinic belonging to itself', [clinic('a', 'a')], '圈'],
    ['two clinics in a loop', [clinic('a', 'b'), clinic('b', 'a')], '圈'],
  ])('refuses %s', (_what, institutions, message) => {
    const problems = problemsOf(files({ institutions }));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.file === 'data/institutions/i.json' && p.field === 'belongsTo')).toBe(true);
    expect(problems.map((p) => p.zh + p.en).join('\n')).toContain(message);
  });
});

describe('names and titles have a length limit', () => {
  it.each([
    ['an institution name of 10,000 characters', { institutions: [{ id: 'long', name: '医'.repeat(10_000), kind: 'general-hospital', region: 'county', sources: [src] }] }, 'data/institutions/i.json'],
    ['an alias of 121 characters', { institutions: [{ id: 'long', name: '某医院', aliases: ['别'.repeat(121)], kind: 'general-hospital', region: 'county', sources: [src] }] }, 'data/institutions/i.json'],
    ['a source section of 500 characters', { institutions: [{ id: 'long', name: '某医院', kind: 'general-hospital', region: 'county', sources: [{ ...src, section: '节'.repeat(500) }] }] }, 'data/institutions/i.json'],
    ['a document title of 200 characters', { document: DOC(`title: ${'题'.repeat(200)}\noriginalTitle: 原标题\nissuer: 某县\ndate: 2024-08-13\ntype: report\nregions: [county]\noutlet: 某网\nsummary: 摘要`) }, 'content/documents/doc-a.mdx'],
  ])('refuses %s, in Chinese first', (_what, change, file) => {
    const problems = problemsOf(files(change));
    expect(problems).toHaveLength(1);
    expect(problems[0].file).toBe(file);
    expect(problems[0].zh).toContain('太长');
  });
});

describe('images the page would show broken', () => {
  it('refuses /images/nope.png naming the MDX file and line, and accepts an image public/ holds', () => {
    const body = '正文\n\n![图表](/images/nope.png)\n\n![地图][m]\n\n[m]: /images/地图.png\n';
    const problems = problemsOf(files({ document: DOC(undefined, body), images: ['/images/chart.png'] }));
    expect(problems.map((p) => [p.file, p.line])).toEqual([
      ['content/documents/doc-a.mdx', 13],
      ['content/documents/doc-a.mdx', 17],
    ]);
    expect(problems[0].zh).toContain('public/images/nope.png 不存在');
    expect(problemsOf(files({ document: DOC(undefined, '![图表](/images/chart.png)\n![地图](/images/%E5%9C%B0%E5%9B%BE.png)\n'), images: ['/images/chart.png', '/images/地图.png'] }))).toEqual([]);
  });
});

describe('web addresses show what they are', () => {
  const withUrl = (url: string) => ({
    institutions: [{ id: 'web', name: '某医院', kind: 'general-hospital', region: 'county', sources: [src], contacts: { phones: [], online: [{ label: '网站', url, source: src, checked: '2024-01-01' }] } }],
  });
  it('accepts an ordinary address', () => expect(problemsOf(files(withUrl('https://www.nhc.gov.cn/wjw/index.shtml')))).toEqual([]));
  it.each([
    ['a right-to-left override', 'https://example.org/\u202Egnp.exe'],
    ['a zero-width space', 'https://exa\u200Bmple.org/'],
    ['a space', 'https://example.org/a b'],
    ['600 characters', `https://example.org/${'x'.repeat(600)}`],
    ['javascript:', 'javascript:alert(1)'],
    ['a data: address', 'data:text/html,<script>alert(1)</script>'],
  ])('refuses an address with %s, naming file and field', (_what, url) => {
    const problems = problemsOf(files(withUrl(url)));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatchObject({ file: 'data/institutions/i.json', field: 'contacts.online[0].url' });
  });
});
