/**
 * The editor's JSON API in-process, on a copy of the project's data: every kind opened and saved unchanged succeeds;
 * a group with a new roster member is saved; a figure goes to its subject's county file; a stale save is refused with
 * 409; a delete that others still refer to is refused; a spreadsheet with a bad row writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { handleEntriesApi, type ApiContext } from '../../src/editor/api';

let root: string;
const writes: { files: string[]; message: string }[] = [];

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'editor-api-'));
  for (const folder of ['data', 'content']) cpSync(folder, join(root, folder), { recursive: true });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function call(method: string, path: string, body?: unknown, published?: ApiContext['published']) {
  const [p, q] = path.split('?');
  const ctx: ApiContext = { method, path: p, query: new URLSearchParams(q ?? ''), body, user: null, root, onWrite: async (c) => void writes.push(c), published };
  return handleEntriesApi(ctx) as Promise<{ status: number; json: any }>;
}

describe('the correction offered after a figure changes', () => {
  const FILE = 'data/observations/zizhong-2024-yigongti.json';
  const ID = 'zizhong-people-group-township-centres-2024-08';
  it('names the value readers saw at the last publication, however many saves came between', async () => {
    // Published as the project holds it: 13 镇卫生院.
    const publishedText = readFileSync(join(root, FILE), 'utf8');
    const published = async (file: string) => ({ text: file === FILE ? publishedText : undefined });
    const change = async (value: number) => {
      const got = await call('GET', `/api/entries/observations/${ID}`);
      const entry = { ...got.json.entry, value, source: { ...got.json.entry.source, excerpt: `县人民医院+${value}个镇卫生院` } };
      const saved = await call('PUT', `/api/entries/observations/${ID}`, { entry, version: got.json.version }, published);
      expect(saved.status).toBe(200);
      return saved.json.correction;
    };
    expect(await change(14)).toMatchObject({ observation: ID, old: 13, new: 14 });
    // A typo fixed before publishing: readers never saw 14.
    expect(await change(15)).toMatchObject({ old: 13, new: 15 });
    // Back to what was published: nothing to correct.
    expect(await change(13)).toBeUndefined();
  });

  it('offers none for a figure added since the last publication', async () => {
    const published = async () => ({ text: '[]' });
    const entry = { indicator: 'medical-community-count', subject: { type: 'region', id: 'zizhong' }, period: '2023', value: 2, kind: 'actual', source: { document: 'zizhong-2024-yigongti', section: '测试段落', excerpt: '2个紧密型县域医共体' } };
    const made = await call('POST', '/api/entries/observations', { entry }, published);
    expect(made.status, JSON.stringify(made.json)).toBe(201);
    const got = await call('GET', `/api/entries/observations/${made.json.id}`);
    const saved = await call('PUT', `/api/entries/observations/${made.json.id}`, { entry: { ...got.json.entry, value: 3, source: { ...entry.source, excerpt: '3个紧密型县域医共体' } }, version: got.json.version }, published);
    expect(saved.status).toBe(200);
    expect(saved.json.correction).toBeUndefined();
  });
});

describe('the editor API', () => {
  it('saves every existing entry unchanged', async () => {
    const list = await call('GET', '/api/entries');
    expect(list.status).toBe(200);
    const items = list.json.items as { kind: string; id: string }[];
    const seen = new Set(items.map((i) => i.kind));
    for (const kind of ['updates', 'observations', 'groups', 'institutions', 'documents', 'indicators', 'regions']) expect(seen.has(kind)).toBe(true);
    // One of each kind keeps the test fast; the browser test submits every form.
    for (const kind of seen) {
      const item = items.find((i) => i.kind === kind)!;
      const got = await call('GET', `/api/entries/${kind}/${item.id}`);
      expect(got.status).toBe(200);
      const saved = await call('PUT', `/api/entries/${kind}/${item.id}`, { entry: got.json.entry, version: got.json.version });
      expect([kind, saved.status, saved.json.problems]).toEqual([kind, 200, undefined]);
    }
  });

  it('refuses a stale save with 409 and writes nothing', async () => {
    const got = await call('GET', '/api/entries/regions/zizhong');
    const before = readFileSync(join(root, got.json.file), 'utf8');
    const saved = await call('PUT', '/api/entries/regions/zizhong', { entry: { ...got.json.entry, note: '测试' }, version: 'old' });
    expect(saved.status).toBe(409);
    expect(saved.json.zh).toContain('别人已经修改了这一条');
    // A delete from a stale page is refused too, in words that fit a delete (no list of changes to keep).
    const removed = await call('DELETE', `/api/entries/regions/zizhong?version=old`);
    expect(removed.status).toBe(409);
    expect(removed.json.zh).toMatch(/^没有删除/);
    expect(readFileSync(join(root, got.json.file), 'utf8')).toBe(before);
  });

  it('puts a new figure into its county file and proposes its id', async () => {
    const entry = { indicator: 'medical-community-count', subject: { type: 'region', id: 'zizhong' }, period: '2025', value: 2, kind: 'actual', source: { document: 'zizhong-2024-yigongti', section: '测试段落', excerpt: '2个紧密型县域医共体' } };
    const proposed = await call('POST', '/api/entries/observations/_propose', { entry });
    expect(proposed.json.file).toBe('data/observations/zizhong-2024-yigongti.json');
    expect(proposed.json.id).toMatch(/^zizhong-medical-community-count-2025/);
    const saved = await call('POST', '/api/entries/observations', { entry: { ...entry, id: proposed.json.id } });
    expect(saved.status).toBe(201);
    expect(readFileSync(join(root, 'data/observations/zizhong-2024-yigongti.json'), 'utf8')).toContain(proposed.json.id);
  });

  it('names figures in Chinese: periods in words in the list, and a new figure’s commit message by its label, not its id', async () => {
    const entry = { indicator: 'medical-community-count', subject: { type: 'region', id: 'zizhong' }, period: '2026-H1', value: 2, kind: 'actual', source: { document: 'zizhong-2024-yigongti', section: '测试段落', excerpt: '2个紧密型县域医共体' } };
    const saved = await call('POST', '/api/entries/observations', { entry });
    expect(saved.status).toBe(201);
    expect(writes.at(-1)!.message).toBe('新建数据（数字）“资中县 · 医共体数量 · 2026年上半年”');
    const items = (await call('GET', '/api/entries')).json.items as { kind: string; id: string; label: string }[];
    expect(items.find((i) => i.id === saved.json.id)!.label).toBe('资中县 · 医共体数量 · 2026年上半年');
    // A correction whose new value is not the figure's: named in words (the figure by name, 数值 not value).
    const wrong = await call('POST', '/api/entries/corrections', { entry: { observation: saved.json.id, date: '2026-12-01', field: 'value', old: 2, new: 3, why: '测试', who: '资中县卫生健康局' } });
    expect(wrong.status).toBe(422);
    const said = (wrong.json.problems as { zh: string }[]).map((p) => p.zh).join('\n');
    expect(said).toContain('资中县 · 医共体数量 · 2026年上半年');
    expect(said.replace(/“[0-9.]+”/g, '')).not.toMatch(/[A-Za-z]{2,}/);
    const corrected = await call('POST', '/api/entries/corrections', { entry: { observation: saved.json.id, date: '2026-12-01', field: 'value', old: 1, new: 2, why: '测试', who: '资中县卫生健康局' } });
    expect(corrected.status, JSON.stringify(corrected.json)).toBe(201);
    expect(writes.at(-1)!.message).toBe('新建更正“资中县 · 医共体数量”');
    // A cumulative figure's open start (`../2024-08` in the file) reads 截至…; no period is shown as the file writes it.
    const figures = items.filter((i) => i.kind === 'observations');
    expect(figures.some((i) => i.label.includes('截至'))).toBe(true);
    expect(figures.filter((i) => /\.\.\/|\d{4}-\d{2}|-H\d|-Q\d/.test(i.label))).toEqual([]);
  });

  it('names each problem by its field: an excerpt without the value and a missing document', async () => {
    const entry = { id: 'zizhong-test-bad', indicator: 'medical-community-count', subject: { type: 'region', id: 'zizhong' }, period: '2025', value: 3, kind: 'actual', source: { document: 'no-such-doc', section: '测试段落', excerpt: '2个紧密型县域医共体' } };
    const saved = await call('POST', '/api/entries/observations', { entry });
    expect(saved.status).toBe(422);
    const fields = (saved.json.problems as { field: string }[]).map((p) => p.field);
    expect(fields).toContain('source.document');
    // In Chinese only: the missing document's id is quoted as written, no collection key (documents) beside it.
    const words = (saved.json.problems as { zh: string }[]).map((p) => p.zh.replace(/“[^”]*”/g, '')).join('\n');
    expect(words).not.toMatch(/[A-Za-z]{2,}/);
    expect(words).toContain('请重新选一项');
  });

  it('refuses to delete an institution a group still lists, naming the group', async () => {
    const groups = (await call('GET', '/api/entries')).json.items.filter((i: { kind: string }) => i.kind === 'groups');
    const group = (await call('GET', `/api/entries/groups/${groups[0].id}`)).json;
    const member = group.entry.lead ?? group.entry.members[0].institution;
    const inst = (await call('GET', `/api/entries/institutions/${member}`)).json;
    const res = await call('DELETE', `/api/entries/institutions/${member}?version=${inst.version}`);
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.json.problems)).toContain(groups[0].label);
  });

  it('names each entry that still uses a document once, in Chinese, before a delete', async () => {
    const res = await call('GET', '/api/entries/documents/mengjin-2020-yigongti-plan/referrers');
    const lines = (res.json.referrers as { zh: string }[]).map((r) => r.zh);
    // Mengjin's people's hospital cites the plan in several places: one line for it.
    expect(lines.filter((l) => l.includes('“孟津县人民医院”'))).toHaveLength(1);
    expect(new Set(lines).size).toBe(lines.length);
    expect(lines.join('\n')).not.toMatch(/[A-Za-z]{2,}/);
  });

  it('imports nothing from a spreadsheet with a bad row, and suggests the county meant', async () => {
    const csv = '指标,对象,时期,数值,来源文件,来源位置,摘录\nmedical-community-count,资中,2026,2,zizhong-2024-yigongti,测试段落,2个紧密型县域医共体\n';
    const res = await call('POST', '/api/import/commit', { name: 'figures.csv', data: Buffer.from(csv).toString('base64') });
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.json.problems)).toContain('资中县');
  });

  it('puts each imported figure into its county’s own file, as a figure saved in the form goes, never a file named after the sheet', async () => {
    // Which file holds each county's figures, read from the data: the one holding a figure about the county itself.
    const files = readdirSync(join(root, 'data/observations')).map((f) => `data/observations/${f}`);
    const holding = (region: string) =>
      files.find((f) => (JSON.parse(readFileSync(join(root, f), 'utf8')) as { subject: { type: string; id: string } }[]).some((o) => o.subject.type === 'region' && o.subject.id === region));
    const zizhongFile = holding('zizhong')!;
    const gaomiFile = holding('gaomi')!;
    expect(zizhongFile).not.toBe(gaomiFile);
    const csv = [
      '指标,对象,时期,数值,来源文件,来源位置,摘录',
      'medical-community-count,资中县,2019,2,zizhong-2024-yigongti,测试段落,2个紧密型县域医共体',
      'medical-community-count,高密市,2019,3,gaomi-2021-gaokang-group,测试段落,3个医共体',
    ].join('\n');
    const before = writes.length;
    const res = await call('POST', '/api/import/commit', { name: '今年的数据.csv', data: Buffer.from(`${csv}\n`).toString('base64'), acceptWarnings: true });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    expect(readdirSync(join(root, 'data/observations')).map((f) => `data/observations/${f}`).sort()).toEqual([...files].sort());
    expect(writes.slice(before).flatMap((w) => w.files).sort()).toEqual([zizhongFile, gaomiFile].sort());
    const periodsOf = (file: string, region: string) =>
      (JSON.parse(readFileSync(join(root, file), 'utf8')) as { subject: { id: string }; period: string; indicator: string }[])
        .filter((o) => o.subject.id === region && o.indicator === 'medical-community-count')
        .map((o) => o.period);
    expect(periodsOf(zizhongFile, 'zizhong')).toContain('2019');
    expect(periodsOf(gaomiFile, 'gaomi')).toContain('2019');
    expect(periodsOf(zizhongFile, 'gaomi')).not.toContain('2019');
  });

  // Issue 25: a file is one encoding. A UTF-8 sheet with one bad byte is not decoded as GB18030 into mojibake; the
  // row of the bad byte is named, whichever row and whatever the byte.
  it.each([
    [2, Buffer.from([0xff])],
    [3, Buffer.from([0xe5, 0x8c])],
    [2, Buffer.from([0xc0, 0xaf])],
  ])('refuses a UTF-8 sheet with a bad byte on row %i, naming the row, and writes nothing', async (row, bad) => {
    const lines = ['指标,对象,时期,数值,来源文件,来源位置,摘录', 'medical-community-count,资中县,2026,2,zizhong-2024-yigongti,测试段落,有2个紧密型县域医共体', 'medical-community-count,资中县,2025,2,zizhong-2024-yigongti,测试段落,有2个紧密型县域医共体'];
    const parts = lines.map((l) => Buffer.from(`${l}\n`, 'utf8'));
    parts[row - 1] = Buffer.concat([Buffer.from(lines[row - 1]!.slice(0, 30), 'utf8'), bad, Buffer.from(`${lines[row - 1]!.slice(30)}\n`, 'utf8')]);
    const res = await call('POST', '/api/import/commit', { name: 'figures.csv', data: Buffer.concat(parts).toString('base64') });
    expect(res.status).toBe(422);
    expect(res.json.problems.some((p: { row: number | null }) => p.row === row)).toBe(true);
    expect(JSON.stringify(res.json)).not.toMatch(/鑱|鈥|锟/);
  });
});

describe('entries with a mistake stay findable', () => {
  it('lists an entry check cannot read (a name emptied by hand) and one with a broken reference, marked, and opens and fixes it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'editor-api-problem-'));
    try {
      for (const folder of ['data', 'content']) cpSync(folder, join(dir, folder), { recursive: true });
      const at = (method: string, path: string, body?: unknown) =>
        handleEntriesApi({ method, path, query: new URLSearchParams(), body, user: null, root: dir, onWrite: async () => undefined }) as Promise<{ status: number; json: any }>;
      const regionsFile = join(dir, 'data/regions/regions.json');
      const regions = JSON.parse(readFileSync(regionsFile, 'utf8')) as { id: string; name: string }[];
      const gaomi = regions.find((r) => r.id === 'gaomi')!;
      const name = gaomi.name;
      gaomi.name = '';
      writeFileSync(regionsFile, JSON.stringify(regions, null, 2));
      const groupsFile = join(dir, 'data/groups/zizhong-2024-yigongti.json');
      const groups = JSON.parse(readFileSync(groupsFile, 'utf8')) as { id: string; name: string; lead?: string }[];
      const group = groups.find((g) => g.lead)!;
      group.lead = 'no-such-hospital';
      writeFileSync(groupsFile, JSON.stringify(groups, null, 2));

      const items = (await at('GET', '/api/entries')).json.items as { kind: string; id: string; label: string; problem?: boolean }[];
      expect(items.find((i) => i.kind === 'regions' && i.id === 'gaomi')).toMatchObject({ problem: true });
      expect(items.find((i) => i.kind === 'groups' && i.id === group.id)).toMatchObject({ label: group.name, problem: true });
      expect(items.filter((i) => i.problem).length).toBeLessThan(10);
      // Opened and fixed from the list.
      const got = await at('GET', '/api/entries/regions/gaomi');
      expect(got.status).toBe(200);
      const fixed = await at('PUT', '/api/entries/regions/gaomi', { entry: { ...got.json.entry, name }, version: got.json.version });
      expect(fixed.status, JSON.stringify(fixed.json)).toBe(200);
      const after = (await at('GET', '/api/entries')).json.items as { kind: string; id: string; label: string; problem?: boolean }[];
      expect(after.find((i) => i.kind === 'regions' && i.id === 'gaomi')).toMatchObject({ label: name });
      expect(after.find((i) => i.kind === 'regions' && i.id === 'gaomi')!.problem).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
