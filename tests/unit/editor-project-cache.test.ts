/**
 * The editor keeps what it read and computed between requests (src/editor/project.ts: files by their stat, check's
 * verdict by the files' contents, the list and its pinyin by the verdict). Each test here changes the project the way
 * it changes in an office (a save in the editor, an import, a file edited by hand, a git checkout, a file deleted, an
 * image added, a new day) and fails if any request afterwards answers from what was kept before the change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { handleEntriesApi, type ApiContext } from '../../src/editor/api';
import { readSourceFiles } from '../../src/data/read-sources';
import { projectState, reading, sourceFiles } from '../../src/editor/project';
import { startEditor } from '../../src/editor/server/server';
import { spawnRun } from '../support/run';

let root: string;
const INSTITUTIONS = 'data/institutions/gaomi-2021-gaokang-group.json';
const ID = 'gaomi-people-hospital';
const NAME = '高密市人民医院';
/** A moment long before any test: a file with this time was read long after it was written (nothing is racy). */
const OLD = new Date('2020-01-01T00:00:00Z');
const racyMs = reading.racyMs;

/** git in the copy, asynchronously (a test worker must not block: tests/support/run.ts). */
async function git(...args: string[]): Promise<void> {
  const run = await spawnRun('git', ['-c', 'user.name=test', '-c', 'user.email=t@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: root });
  if (run.status !== 0) throw new Error(`git ${args.join(' ')}: ${run.output}`);
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'editor-cache-'));
  for (const folder of ['data', 'content', 'public']) cpSync(folder, join(root, folder), { recursive: true });
  await git('init', '-q');
  await git('add', '-A');
  await git('commit', '-q', '-m', 'start');
});
afterAll(() => {
  reading.racyMs = racyMs;
  rmSync(root, { recursive: true, force: true });
});

function call(method: string, path: string, body?: unknown) {
  const [p, q] = path.split('?');
  const ctx: ApiContext = { method, path: p, query: new URLSearchParams(q ?? ''), body, user: null, root, onWrite: async () => undefined };
  return handleEntriesApi(ctx) as Promise<{ status: number; json: any }>;
}
interface Item {
  kind: string;
  id: string;
  label: string;
  py: string;
  problem?: boolean;
}
const list = async () => (await call('GET', '/api/entries')).json as { items: Item[]; problemCount: number };
const item = async (kind: string, id: string) => (await list()).items.find((i) => i.kind === kind && i.id === id);
const names = () => (JSON.parse(readFileSync(join(root, INSTITUTIONS), 'utf8')) as { id: string; name: string }[]).find((e) => e.id === ID)?.name;

/** Rewrites a file in place (same inode) with one text replaced, then puts its modification time back. */
function editByHand(path: string, from: string, to: string, mtime: Date) {
  const file = join(root, path);
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
  utimesSync(file, mtime, mtime);
}

describe('the editor never answers from what it read before a change', () => {
  it('lists and opens an entry as the editor saved it, with the new name’s pinyin', async () => {
    expect(await item('institutions', ID)).toMatchObject({ label: NAME });
    const got = await call('GET', `/api/entries/institutions/${ID}`);
    const saved = await call('PUT', `/api/entries/institutions/${ID}`, { entry: { ...got.json.entry, name: '测试卫生院' }, version: got.json.version });
    expect(saved.status, JSON.stringify(saved.json)).toBe(200);
    const listed = await item('institutions', ID);
    expect(listed).toMatchObject({ label: '测试卫生院' });
    expect(listed!.py).toBe('ceshiweishengyuan cswsy');
    const again = await call('GET', `/api/entries/institutions/${ID}`);
    expect(again.json.entry.name).toBe('测试卫生院');
    expect(again.json.version).toBe(saved.json.version);
    // The version the save answered is the one a second save must send; the first one is stale now.
    const stale = await call('PUT', `/api/entries/institutions/${ID}`, { entry: { ...got.json.entry, name: '再改一次' }, version: got.json.version });
    expect(stale.status).toBe(409);
    expect(names()).toBe('测试卫生院');
    const back = await call('PUT', `/api/entries/institutions/${ID}`, { entry: { ...again.json.entry, name: NAME }, version: again.json.version });
    expect(back.status, JSON.stringify(back.json)).toBe(200);
    expect(await item('institutions', ID)).toMatchObject({ label: NAME, py: 'gaomishirenminyiyuan gmsrmyy' });
  });

  it('shows a file edited by hand at once, the same size and with its old modification time, and refuses a save opened before it', async () => {
    // Read as if long after it was written (kept as settled, nothing racy), then edited in place: only its content and
    // ctime change.
    reading.racyMs = 0;
    utimesSync(join(root, INSTITUTIONS), OLD, OLD);
    await list();
    const got = await call('GET', `/api/entries/institutions/${ID}`);
    const size = statSync(join(root, INSTITUTIONS)).size;
    editByHand(INSTITUTIONS, `"name": "${NAME}"`, '"name": "高密市人民病院"', OLD);
    expect(statSync(join(root, INSTITUTIONS)).size).toBe(size);
    expect(statSync(join(root, INSTITUTIONS)).mtime).toEqual(OLD);
    expect(await item('institutions', ID)).toMatchObject({ label: '高密市人民病院' });
    expect((await call('GET', `/api/entries/institutions/${ID}`)).json.entry.name).toBe('高密市人民病院');
    // The stale-save protection: the form opened before the hand edit cannot overwrite it.
    const saved = await call('PUT', `/api/entries/institutions/${ID}`, { entry: { ...got.json.entry, note: '表单里的修改' }, version: got.json.version });
    expect(saved.status).toBe(409);
    expect(names()).toBe('高密市人民病院');
    reading.racyMs = racyMs;
    await git('checkout', '--', INSTITUTIONS);
  });

  it('shows the files as git checks them out, and forgets a deleted file’s entries', async () => {
    const got = await call('GET', `/api/entries/institutions/${ID}`);
    const saved = await call('PUT', `/api/entries/institutions/${ID}`, { entry: { ...got.json.entry, name: '改名后的医院' }, version: got.json.version });
    expect(saved.status, JSON.stringify(saved.json)).toBe(200);
    await git('commit', '-q', '-am', 'renamed');
    expect(await item('institutions', ID)).toMatchObject({ label: '改名后的医院' });
    await git('checkout', '-q', 'HEAD~1', '--', INSTITUTIONS);
    expect(await item('institutions', ID)).toMatchObject({ label: NAME });
    const opened = await call('GET', `/api/entries/institutions/${ID}`);
    expect(opened.json.entry.name).toBe(NAME);
    expect(opened.json.version).toBe(got.json.version);
    // The form opened on the renamed version is stale after the checkout.
    expect((await call('PUT', `/api/entries/institutions/${ID}`, { entry: { ...got.json.entry, name: '又一个名字' }, version: saved.json.version })).status).toBe(409);

    unlinkSync(join(root, INSTITUTIONS));
    expect(await item('institutions', ID)).toBeUndefined();
    expect((await call('GET', `/api/entries/institutions/${ID}`)).status).toBe(404);
    expect((await call('PUT', `/api/entries/institutions/${ID}`, { entry: opened.json.entry, version: opened.json.version })).status).toBe(409);
    await git('checkout', '-q', 'HEAD~1', '--', INSTITUTIONS);
    expect(await item('institutions', ID)).toMatchObject({ label: NAME });
  });

  it('lists the figures of an import at once', async () => {
    const before = (await list()).items.filter((i) => i.kind === 'observations').length;
    const csv = ['指标,对象,时期,数值,来源文件,来源位置,摘录', 'medical-community-count,资中县,2018,2,zizhong-2024-yigongti,测试段落,2个紧密型县域医共体', 'medical-community-count,高密市,2018,3,gaomi-2021-gaokang-group,测试段落,3个医共体'].join('\n');
    const checked = await call('POST', '/api/import/check', { name: 'figures.csv', data: Buffer.from(`${csv}\n`).toString('base64') });
    expect(checked.json.ok, JSON.stringify(checked.json)).toBe(true);
    const imported = await call('POST', '/api/import/commit', { name: 'figures.csv', data: Buffer.from(`${csv}\n`).toString('base64'), acceptWarnings: true });
    expect(imported.status, JSON.stringify(imported.json)).toBe(201);
    const after = (await list()).items.filter((i) => i.kind === 'observations');
    expect(after.length).toBe(before + 2);
    expect(after.filter((i) => i.label.includes('2018')).map((i) => i.label.split(' · ')[0]).sort()).toEqual(['资中县', '高密市'].sort());
  });

  it('puts a new entry into the file that holds its county’s entries now, and never proposes an id taken since', async () => {
    const institution = { name: '测试镇卫生院', kind: 'township-health-centre', region: 'gaomi' };
    const proposed = await call('POST', '/api/entries/institutions/_propose', { entry: institution });
    expect(proposed.json.file).toBe(INSTITUTIONS);
    // The county's file renamed by hand: the next new entry goes to it under its new name.
    renameSync(join(root, INSTITUTIONS), join(root, 'data/institutions/gaomi-renamed.json'));
    expect((await call('POST', '/api/entries/institutions/_propose', { entry: institution })).json.file).toBe('data/institutions/gaomi-renamed.json');
    // An entry with the proposed id added by hand (even one check refuses): the id proposed next is another.
    const text = readFileSync(join(root, 'data/institutions/gaomi-renamed.json'), 'utf8');
    writeFileSync(join(root, 'data/institutions/gaomi-renamed.json'), text.replace(/^\[/, `[\n  { "id": "${proposed.json.id}" },`));
    const again = await call('POST', '/api/entries/institutions/_propose', { entry: institution });
    expect(again.json.id).not.toBe(proposed.json.id);
    expect(again.json.id).toMatch(new RegExp(`^${proposed.json.id}-\\d+$`));
    unlinkSync(join(root, 'data/institutions/gaomi-renamed.json'));
    await git('checkout', '--', INSTITUTIONS);
  });

  it('answers the list over HTTP as saved, though the server sends an unchanged list without serializing it again', async () => {
    const before = readFileSync(join(root, INSTITUTIONS));
    const editor = await startEditor({ root, port: 0, previewPort: 0, localUser: '测试' });
    try {
      const origin = new URL(editor.url).origin;
      const get = async (path: string) => (await fetch(new URL(path, editor.url))).json() as Promise<any>;
      const first = await get('/api/entries');
      expect(await get('/api/entries')).toEqual(first);
      const got = await get(`/api/entries/institutions/${ID}`);
      const put = await fetch(new URL(`/api/entries/institutions/${ID}`, editor.url), {
        method: 'PUT',
        headers: { 'content-type': 'application/json', origin },
        body: JSON.stringify({ entry: { ...got.entry, name: '网页上改的名字' }, version: got.version }),
      });
      expect(put.status).toBe(200);
      const after = await get('/api/entries');
      expect(after.items.find((i: Item) => i.kind === 'institutions' && i.id === ID).label).toBe('网页上改的名字');
      expect(after.items.length).toBe(first.items.length);
    } finally {
      await editor.close();
    }
    writeFileSync(join(root, INSTITUTIONS), before);
  });

  it('sees an image put into public/ or taken out of it', async () => {
    const doc = 'content/documents/gaomi-2021-gaokang-group.mdx';
    const text = readFileSync(join(root, doc), 'utf8');
    writeFileSync(join(root, doc), `${text.trimEnd()}\n\n![测试图片](/images/cache-test.png)\n`);
    const missing = await list();
    expect(missing.items.find((i) => i.kind === 'documents' && i.id === 'gaomi-2021-gaokang-group')).toMatchObject({ problem: true });
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    mkdirSync(join(root, 'public/images'), { recursive: true });
    writeFileSync(join(root, 'public/images/cache-test.png'), png);
    const present = await list();
    expect(present.items.find((i) => i.kind === 'documents' && i.id === 'gaomi-2021-gaokang-group')?.problem).toBeUndefined();
    expect(present.problemCount).toBe(missing.problemCount - 1);
    unlinkSync(join(root, 'public/images/cache-test.png'));
    expect((await list()).problemCount).toBe(missing.problemCount);
    writeFileSync(join(root, doc), text);
  });

  it('judges dates against the hour asked, not the hour first checked', () => {
    const path = 'content/updates/2026-11-23-site-online.mdx';
    const text = readFileSync(join(root, path), 'utf8');
    const date = text.match(/^date:\s*["']?(\d{4}-\d{2}-\d{2})/m)![1];
    writeFileSync(join(root, path), text.replace(date, '2031-05-20'));
    // Check allows a date up to a day and a half ahead (a date in China is ahead of UTC): the day before, not a week before.
    const ahead = (now: string) => projectState(root, new Date(now)).all.some((p) => p.file === path && p.field === 'date');
    expect(ahead('2031-05-13T12:00:00Z')).toBe(true);
    expect(ahead('2031-05-19T12:00:00Z')).toBe(false);
    expect(ahead('2031-05-13T12:00:00Z')).toBe(true);
    writeFileSync(join(root, path), text);
  });

  it('reads the same files as check reads, after each kind of change on disk', async () => {
    const same = () => expect(sourceFiles(root)).toEqual(readSourceFiles(root));
    same();
    reading.racyMs = 0;
    // A settled file changed in place with its size and modification time kept.
    const regions = 'data/regions/regions.json';
    utimesSync(join(root, regions), OLD, OLD);
    same();
    editByHand(regions, '"高密市"', '"密高市"', OLD);
    same();
    // Added, not UTF-8, a stray file, a link, deleted.
    writeFileSync(join(root, 'data/groups/new-file.json'), '[]\n');
    same();
    writeFileSync(join(root, 'data/groups/new-file.json'), Buffer.from([0x5b, 0xff, 0x5d]));
    same();
    writeFileSync(join(root, 'data/groups/notes.txt'), 'x');
    same();
    unlinkSync(join(root, 'data/groups/new-file.json'));
    symlinkSync(join(root, regions), join(root, 'data/groups/new-file.json'));
    same();
    unlinkSync(join(root, 'data/groups/new-file.json'));
    unlinkSync(join(root, 'data/groups/notes.txt'));
    unlinkSync(join(root, 'content/updates/2026-11-23-site-online.mdx'));
    same();
    await git('checkout', '-q', '--', '.');
    same();
    reading.racyMs = racyMs;
  });
});
