/**
 * The editor's save path: a form's values become an entry, the project is validated with the edit applied by the same
 * function as `npm run check`, and the file is written only when check passes. Runs on a copy of the real data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSourceFiles } from '../../src/data/read-sources';
import { validateDataset } from '../../src/data/validate';
import { readMdxEntry, saveEntry, type SaveRequest } from '../../src/editor/save';
import { todayInChina } from '../../src/publishing/scaffold';

let root: string;
const FILE = 'data/observations/mengjin-2020-yigongti-plan.json';
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const checkProblems = () => validateDataset(readSourceFiles(root)).problems;

/** A figure check accepts: its excerpt contains its value as the source wrote it. */
const good = () => ({
  id: 'mengjin-grassroots-visit-rate-2021-editor',
  indicator: 'grassroots-visit-rate',
  subject: { type: 'region', id: 'mengjin' },
  period: '2021',
  value: 65,
  kind: 'target',
  qualifier: 'at-least',
  source: { document: 'mengjin-2020-yigongti-plan', section: '一、主要目标', excerpt: '基层就诊率达到65%以上' },
});

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'editor-save-'));
  for (const folder of ['data', 'content']) cpSync(folder, join(root, folder), { recursive: true });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('saving from the editor', () => {
  it('starts from a project check accepts', () => {
    expect(checkProblems()).toEqual([]);
  });

  const bad: [string, Record<string, unknown>, RegExp][] = [
    ['a value typed with words', { ...good(), value: '约65' }, /必须是数字|应为数字/],
    ['an excerpt without the value', { ...good(), value: 66 }, /摘录.*找不到数值 66/],
    ['an indicator that does not exist', { ...good(), indicator: 'no-such-indicator' }, /引用的指标.*no-such-indicator.*不存在/],
    ['a day that does not exist', { ...good(), period: '2021-02-31' }, /2021-02-31 不存在/],
    ['an id already taken', { ...good(), id: 'mengjin-grassroots-visit-rate-2020-target' }, /重复|已经/],
    ['an invisible character in the section', { ...good(), source: { ...good().source, section: '一、\u202e主要目标' } }, /看不见的控制字符/],
    ['a missing excerpt', { ...good(), source: { document: 'mengjin-2020-yigongti-plan', section: '一、主要目标' } }, /必填|缺少/],
  ];
  it.each(bad)('refuses %s with check’s message, and leaves the file as it was', (_name, entry, message) => {
    const before = read(FILE);
    const result = saveEntry(root, { collection: 'observations', entry, file: FILE });
    expect(result.saved).toBe(false);
    expect(result.problems.map((p) => p.zh).join('\n')).toMatch(message);
    // Chinese first, then English, as check prints it.
    for (const p of result.problems) expect(p.en).toMatch(/[a-z]/);
    expect(read(FILE)).toBe(before);
  });

  it('writes a good figure into its file, and check then passes', () => {
    const result = saveEntry(root, { collection: 'observations', entry: good(), file: FILE });
    expect(result).toMatchObject({ saved: true, problems: [], elsewhere: [] });
    expect(JSON.parse(read(FILE)).at(-1)).toEqual(good());
    expect(checkProblems()).toEqual([]);
  });

  it('changes an entry in place when it is edited, leaving the others', () => {
    const others = JSON.parse(read(FILE)).filter((e: { id: string }) => e.id !== good().id);
    const result = saveEntry(root, { collection: 'observations', entry: { ...good(), period: '2022' }, originalId: good().id, file: FILE });
    expect(result.saved).toBe(true);
    const after = JSON.parse(read(FILE));
    expect(after.find((e: { id: string }) => e.id === good().id).period).toBe('2022');
    expect(after.filter((e: { id: string }) => e.id !== good().id)).toEqual(others);
  });

  it('refuses an edit that would break another file (renaming an institution a group names as its lead)', () => {
    const path = 'data/institutions/zizhong-2024-yigongti.json';
    const before = read(path);
    const lead = JSON.parse(before).find((e: { id: string }) => e.id === 'zizhong-county-people-hospital');
    const result = saveEntry(root, { collection: 'institutions', entry: { ...lead, id: 'zizhong-renamed' }, originalId: lead.id, file: path });
    expect(result.saved).toBe(false);
    expect(result.elsewhere.map((p) => `${p.file} ${p.field}`)).toContain('data/groups/zizhong-2024-yigongti.json lead');
    expect(read(path)).toBe(before);
  });

  it('saves a group roster of two of its members, with a member’s note', () => {
    const path = 'data/groups/zizhong-2024-yigongti.json';
    const group = JSON.parse(read(path)).find((g: { id: string }) => g.id === 'zizhong-people-hospital-group');
    const members = [{ institution: 'zizhong-yinshan-branch' }, { institution: 'zizhong-taiping-branch', note: '文件点名的分院' }];
    const result = saveEntry(root, { collection: 'groups', entry: { ...group, members }, originalId: group.id, file: path });
    expect(result.problems).toEqual([]);
    expect(result.saved).toBe(true);
    expect(JSON.parse(read(path)).find((g: { id: string }) => g.id === group.id).members).toEqual(members);
    expect(checkProblems()).toEqual([]);
  });

  it('writes an update as MDX that check accepts, and refuses code in its body', () => {
    const update = (body: string, id: string): SaveRequest => ({
      collection: 'updates',
      entry: { id, title: '孟津区基层就诊率目标', date: todayInChina(), regions: ['mengjin'], summary: '一句话摘要。', body },
    });
    const ok = saveEntry(root, update('## 目标\n\n基层就诊率达到65%以上。', 'mengjin-editor-update'));
    expect(ok).toMatchObject({ saved: true, path: 'content/updates/mengjin-editor-update.mdx' });
    expect(checkProblems()).toEqual([]);
    for (const body of ['{process.exit(1)}', '<script>alert(1)</script>', 'import x from "y"', '<a href="javascript:alert(1)">x</a>']) {
      const refused = saveEntry(root, update(body, 'mengjin-hostile'));
      expect(refused.saved, body).toBe(false);
      expect(refused.problems.length, body).toBeGreaterThan(0);
    }
    expect(readSourceFiles(root).mdx.updates.map((f) => f.path)).not.toContain('content/updates/mengjin-hostile.mdx');
  });

  it.each([['../../etc/x.json'], ['data/observations/../groups/x.json'], ['data/observations/资中.json'], ['data/groups/x.json']])(
    'writes nowhere but its own collection’s folder (%s)',
    (file) => {
      const result = saveEntry(root, { collection: 'observations', entry: good(), file });
      expect(result.saved).toBe(false);
    },
  );

  it('opens an MDX file with the fields the build reads, also when the file starts with a blank line or an unquoted date', () => {
    const path = 'content/documents/mengjin-2020-yigongti-plan.mdx';
    const original = read(path);
    const title = /^title: (.+)$/m.exec(original)![1];
    const date = /^date: "(.+)"$/m.exec(original)![1];
    const body = original.slice(original.indexOf('\n---', 4) + 5).trim();
    // An editor's tool left a blank line above the frontmatter, and the date unquoted: the build still reads both.
    writeFileSync(join(root, path), '\n' + original.replace(`date: "${date}"`, `date: ${date}`));
    try {
      const entry = readMdxEntry(root, path)!;
      expect(entry.title).toBe(title);
      expect(entry.date).toBe(date);
      expect(entry.body).toBe(body);
      expect(String(entry.body)).not.toContain('title:');
    } finally {
      writeFileSync(join(root, path), original);
    }
  });
});
