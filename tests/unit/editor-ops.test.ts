/**
 * The editor with several staff (LAN mode), end to end through the real entries API on a copy of the project:
 * accounts and sign-in, a git commit per save under the staff member's name (on a machine where git has no user
 * configured), two people saving one entry (the second is told, nothing lost), each entry's own history with who
 * wrote and who approved, restore, and publication by reviewers only.
 */
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEditor, type Editor } from '../../src/editor/server/server';
import { addUser, USERS_FILE } from '../../src/editor/server/accounts';
import { Git } from '../../src/editor/server/git';
import { call, type Answer } from '../support/editor-http';

const HOST = 'bianji.test';
const REGIONS = 'data/regions/regions.json';
let root: string;
let editor: Editor;
let host: string;
const saved = { HOME: process.env.HOME, GIT_CONFIG_GLOBAL: process.env.GIT_CONFIG_GLOBAL, GIT_CONFIG_NOSYSTEM: process.env.GIT_CONFIG_NOSYSTEM };

/** A request as a colleague's browser sends it to the editor's LAN name, signed in with `cookie`. */
function ask(path: string, options: { method?: string; body?: unknown; cookie?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  const method = options.method ?? 'GET';
  return call(editor.url, path, {
    method,
    headers: {
      host,
      ...(method !== 'GET' ? { origin: `http://${host}`, 'content-type': 'application/json' } : {}),
      ...(options.cookie ? { cookie: options.cookie } : {}),
      ...options.headers,
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
}

async function signIn(name: string, password: string): Promise<string> {
  const answer = await ask('/api/login', { method: 'POST', body: { name, password } });
  expect(answer.status).toBe(200);
  return String(answer.headers['set-cookie']).split(';')[0];
}

const regionsNow = () => JSON.parse(readFileSync(join(root, REGIONS), 'utf8')) as { id: string; note?: string }[];
const gitLog = (format: string, ...args: string[]) => new Git(root).run(['log', `--format=${format}`, ...args]);

// Stands in for `scripts/build.ts --out .editor/preview`.
const PREVIEW_BUILD = "const fs = require('fs'); fs.mkdirSync('.editor/preview/regions/zizhong', { recursive: true }); fs.writeFileSync('.editor/preview/regions/zizhong/index.html', '预览：资中县'); console.log('✓ .editor/preview updated')";

let writer: string;
let reviewer: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'editor-ops-'));
  for (const folder of ['data', 'content']) cpSync(folder, join(root, folder), { recursive: true });
  // No git identity anywhere: the editor sets the author of each commit itself.
  process.env.HOME = root;
  process.env.GIT_CONFIG_GLOBAL = '/dev/null';
  process.env.GIT_CONFIG_NOSYSTEM = '1';
  const git = new Git(root);
  await git.ensureRepository();
  await git.run(['add', '-A']);
  await git.run(['commit', '-qm', '起点'], '起点');
  await addUser(root, '王编辑', 'editor', 'bianji-mima-1');
  await addUser(root, '李审核', 'reviewer', 'shenhe-mima-2');
  await addUser(root, '赵锁定', 'editor', 'suoding-mima-3');
  editor = await startEditor({
    root,
    port: 0,
    lan: true,
    hosts: [HOST],
    // Publication runs a stand-in for scripts/build.ts here (the real build is tested in tests/build/).
    buildCommand: (kind) => ({
      file: process.execPath,
      args: ['-e', kind === 'preview' ? PREVIEW_BUILD : "console.log('✓ 数据检查通过'); console.log('✓ dist/ updated')"],
    }),
  });
  host = `${HOST}:${new URL(editor.url).port}`;
  writer = await signIn('王编辑', 'bianji-mima-1');
  reviewer = await signIn('李审核', 'shenhe-mima-2');
}, 60_000);
afterAll(async () => {
  await editor?.close();
  Object.assign(process.env, saved);
  for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
  rmSync(root, { recursive: true, force: true });
});

describe('accounts in LAN mode', () => {
  it('stores passwords only as scrypt hashes, outside data/ and content/', () => {
    const text = readFileSync(join(root, USERS_FILE), 'utf8');
    expect(text).not.toContain('bianji-mima-1');
    expect(JSON.parse(text).users.map((u: { password: string }) => u.password.split('$')[0])).toEqual(['scrypt', 'scrypt', 'scrypt']);
  });

  it('asks for a sign-in before anything is read or written', async () => {
    expect((await ask('/api/me')).json).toEqual({ user: null, mode: 'lan' });
    expect((await ask('/api/entries')).status).toBe(401);
    expect((await ask('/api/entries/regions/zizhong', { method: 'PUT', body: { entry: {} } })).status).toBe(401);
    expect((await ask('/api/publish', { method: 'POST', body: {} })).status).toBe(401);
  });

  it('gives an HttpOnly, SameSite=Strict session cookie, and knows who signed in', async () => {
    const answer = await ask('/api/login', { method: 'POST', body: { name: '王编辑', password: 'bianji-mima-1' } });
    expect(String(answer.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict; Path=\//);
    expect((await ask('/api/me', { cookie: writer })).json).toMatchObject({ user: { name: '王编辑', role: 'editor' }, mode: 'lan' });
  });

  it('answers only to its configured names, and takes no post without its own Origin', async () => {
    const port = new URL(editor.url).port;
    for (const name of ['evil.example', `${HOST}.evil.example`, '127.0.0.1.nip.io'])
      expect((await ask('/api/me', { cookie: writer, headers: { host: `${name}:${port}` } })).status, name).toBe(403);
    expect((await call(editor.url, '/api/logout', { method: 'POST', headers: { host, cookie: writer, 'content-type': 'application/json' }, body: '{}' })).status).toBe(403);
    expect((await ask('/api/logout', { method: 'POST', cookie: writer, body: {}, headers: { origin: 'http://evil.example' } })).status).toBe(403);
  });

  it('locks a name after five wrong passwords (429), without locking out colleagues', async () => {
    for (let i = 0; i < 5; i++) expect((await ask('/api/login', { method: 'POST', body: { name: '赵锁定', password: `wrong-${i}` } })).status).toBe(401);
    const locked = await ask('/api/login', { method: 'POST', body: { name: '赵锁定', password: 'suoding-mima-3' } });
    expect(locked.status).toBe(429);
    expect(locked.json.zh).toContain('15 分钟');
    expect((await ask('/api/login', { method: 'POST', body: { name: '王编辑', password: 'bianji-mima-1' } })).status).toBe(200);
  });
});

/** Presses 发布 as a reviewer, as the interface's button sends it (a POST with no body at all), and waits for the end. */
async function publish(): Promise<Answer> {
  const started = await call(editor.url, '/api/publish', { method: 'POST', headers: { host, origin: `http://${host}`, cookie: reviewer } });
  expect(started.status).toBe(202);
  let status: Answer;
  do {
    await new Promise((r) => setTimeout(r, 100));
    status = await ask('/api/publish/status', { cookie: reviewer });
  } while (status.json.state === 'running');
  return status;
}

describe('saves, history, restore and publication', () => {
  let firstHash: string;

  it('commits each save under the staff member’s name with a Chinese message', async () => {
    const opened = await ask('/api/entries/regions/zizhong', { cookie: writer });
    expect(opened.status).toBe(200);
    const entry = { ...opened.json.entry, note: '资中县属内江市。' };
    const answer = await ask('/api/entries/regions/zizhong', { method: 'PUT', cookie: writer, body: { entry, version: opened.json.version } });
    expect(answer.status, answer.text).toBe(200);
    expect(regionsNow().find((r) => r.id === 'zizhong')?.note).toBe('资中县属内江市。');
    const [last] = (await gitLog('%H|%an|%s', '-1')).trim().split('\n');
    const [hash, author, subject] = last.split('|');
    expect(author).toBe('王编辑');
    expect(subject).toMatch(/修改.*资中县/);
    firstHash = hash;
  });

  it('tells the second of two people saving one entry, and keeps the first one’s change', async () => {
    const a = await ask('/api/entries/regions/zizhong', { cookie: writer });
    const b = await ask('/api/entries/regions/zizhong', { cookie: reviewer });
    expect(a.json.version).toBe(b.json.version);
    const first = await ask('/api/entries/regions/zizhong', { method: 'PUT', cookie: writer, body: { entry: { ...a.json.entry, note: '资中县属内江市，王编辑改。' }, version: a.json.version } });
    expect(first.status).toBe(200);
    const second = await ask('/api/entries/regions/zizhong', { method: 'PUT', cookie: reviewer, body: { entry: { ...b.json.entry, note: '李审核改。' }, version: b.json.version } });
    expect(second.status).toBe(409);
    expect(second.json.zh).toContain('别人已经修改');
    expect(regionsNow().find((r) => r.id === 'zizhong')?.note).toBe('资中县属内江市，王编辑改。');

    // At the same moment: exactly one of the two is saved, and the file holds that one.
    const c = await ask('/api/entries/regions/zizhong', { cookie: writer });
    const notes = ['同时保存甲。', '同时保存乙。'];
    const answers = await Promise.all(
      notes.map((note, i) => ask('/api/entries/regions/zizhong', { method: 'PUT', cookie: i ? reviewer : writer, body: { entry: { ...c.json.entry, note }, version: c.json.version } })),
    );
    expect(answers.map((x) => x.status).sort()).toEqual([200, 409]);
    expect(regionsNow().find((r) => r.id === 'zizhong')?.note).toBe(notes[answers.findIndex((x) => x.status === 200)]);
  });

  it('shows an entry only the commits that changed it, newest first', async () => {
    const opened = await ask('/api/entries/regions/neijiang', { cookie: reviewer });
    const other = await ask('/api/entries/regions/neijiang', { method: 'PUT', cookie: reviewer, body: { entry: { ...opened.json.entry, note: '内江市辖资中县。' }, version: opened.json.version } });
    expect(other.status).toBe(200);
    const history = await ask(`/api/history?file=${encodeURIComponent(REGIONS)}&id=zizhong`, { cookie: writer });
    expect(history.status).toBe(200);
    const commits = history.json.commits as { hash: string; author: string; message: string }[];
    // Three saves of 资中县 (the simultaneous one by whichever of the two won) and the first commit; not 内江市's save.
    expect(commits).toHaveLength(4);
    expect(commits.at(-1)!.author).toBe('起点');
    expect(commits.slice(1, 3).map((c) => c.author)).toEqual(['王编辑', '王编辑']);
    expect(commits.some((c) => c.message.includes('内江'))).toBe(false);
    expect(commits.map((c) => c.hash)).toContain(firstHash);
  });

  it('lets only reviewers publish, and records who approved in each entry’s history', async () => {
    const refused = await ask('/api/publish', { method: 'POST', cookie: writer, body: {} });
    expect(refused.status).toBe(403);
    expect(refused.json.zh).toContain('审核');
    const siteUrl = process.env.SITE_URL;
    delete process.env.SITE_URL;
    onTestFinished(() => {
      if (siteUrl !== undefined) process.env.SITE_URL = siteUrl;
    });
    // The host's upload step (configured by the technician) failing: the publication is not recorded as done.
    process.env.YIGONGTI_PUBLISH_COMMAND = 'exit 3';
    const failed = await publish();
    expect(failed.json.state).toBe('failed');
    expect(failed.json.problems.join('')).toContain('上传到服务器没有成功');
    expect(await new Git(root).lastPublication()).toBeUndefined();
    process.env.YIGONGTI_PUBLISH_COMMAND = `"${process.execPath}" -e "console.log('已上传')"`;
    // Something a technician staged by hand stays out of the publication's commit.
    writeFileSync(join(root, 'stray.txt'), 'staged by hand');
    await new Git(root).run(['add', 'stray.txt']);
    const status = await publish();
    expect((await new Git(root).run(['show', '--name-only', '--format=%B', 'HEAD'])).trim()).toBe('签发发布（审核：李审核）\n\nApproved-by: 李审核');
    expect((await new Git(root).run(['diff', '--cached', '--name-only'])).trim()).toBe('stray.txt');
    delete process.env.YIGONGTI_PUBLISH_COMMAND;
    expect(status.json).toMatchObject({ state: 'done', approvedBy: '李审核' });
    expect(status.json.lines).toContain('✓ dist/ updated');
    expect(status.json.lines).toContain('已上传');
    // The page of the last save before publishing (内江市).
    expect(status.json.path).toBe('/regions/neijiang/');
    // No public address set here (SITE_URL): no link to a local address nobody serves.
    expect(status.json.url).toBeUndefined();
    const history = await ask(`/api/history?file=${encodeURIComponent(REGIONS)}&id=zizhong`, { cookie: writer });
    expect(history.json.commits[0]).toMatchObject({ author: '王编辑', approvedBy: '李审核' });
  });

  it('restores an earlier version through the same checked save, as a new commit', async () => {
    const answer = await ask('/api/history/restore', { method: 'POST', cookie: writer, body: { file: REGIONS, id: 'zizhong', hash: firstHash } });
    expect(answer.status, answer.text).toBe(200);
    expect(regionsNow().find((r) => r.id === 'zizhong')?.note).toBe('资中县属内江市。');
    expect((await gitLog('%an|%s', '-1')).trim()).toMatch(/^王编辑\|恢复/);
    const history = await ask(`/api/history?file=${encodeURIComponent(REGIONS)}&id=zizhong`, { cookie: writer });
    expect(history.json.commits[0].approvedBy).toBeUndefined();
  });

  it('builds a preview when a staff member opens one, then shows it on the preview server to signed-in staff only', async () => {
    const waiting = await ask('/preview/regions/zizhong/', { cookie: writer, headers: { 'sec-fetch-site': 'same-origin' } });
    expect(waiting.status).toBe(200);
    expect(waiting.text).toContain('正在生成预览');
    expect(waiting.headers.refresh).toBe('3');
    let status: Answer;
    do {
      await new Promise((r) => setTimeout(r, 100));
      status = await ask('/api/preview/status', { cookie: writer });
    } while (status.json.state === 'running');
    expect(status.json).toMatchObject({ kind: 'preview', state: 'done' });
    const previewPort = new URL(editor.previewUrl).port;
    const ready = await ask('/preview/regions/zizhong/', { cookie: writer, headers: { 'sec-fetch-site': 'same-origin' } });
    expect(ready.status).toBe(302);
    expect(ready.headers.location).toBe(`http://${HOST}:${previewPort}/regions/zizhong/`);
    const previewHost = `${HOST}:${previewPort}`;
    const page = (cookie?: string, path = '/regions/zizhong/') => call(editor.previewUrl, path, { headers: { host: previewHost, ...(cookie ? { cookie } : {}) } });
    expect((await page()).status).toBe(401);
    expect((await page(writer)).text).toBe('预览：资中县');
    expect((await call(editor.previewUrl, '/regions/zizhong/', { headers: { host: `evil.example:${previewPort}`, cookie: writer } })).status).toBe(403);
    for (const climb of ['/..%2F..%2F.editor%2Fusers.json', '/%2e%2e/%2e%2e/.editor/users.json', '/..%5C..%5C.editor%5Cusers.json'])
      expect((await page(writer, climb)).text, climb).not.toContain('scrypt');
  });

  it('offers a correction naming the value as published at the last 签发, after two saves since', async () => {
    // Published by the test above (签发发布): 13 镇卫生院 in the project's data.
    const ID = 'zizhong-people-group-township-centres-2024-08';
    const change = async (value: number) => {
      const got = await ask(`/api/entries/observations/${ID}`, { cookie: writer });
      const entry = { ...got.json.entry, value, source: { ...got.json.entry.source, excerpt: `县人民医院+${value}个镇卫生院` } };
      const saved = await ask(`/api/entries/observations/${ID}`, { method: 'PUT', cookie: writer, body: { entry, version: got.json.version } });
      expect(saved.status, saved.text).toBe(200);
      return saved.json.correction;
    };
    expect(await change(14)).toMatchObject({ old: 13, new: 14 });
    expect(await change(15)).toMatchObject({ old: 13, new: 15 });
  });

  it('names after 发布 the page last changed, not one only saved as it was', async () => {
    const ID = 'zizhong-people-group-township-centres-2024-08';
    const figure = await ask(`/api/entries/observations/${ID}`, { cookie: reviewer });
    const changed = await ask(`/api/entries/observations/${ID}`, { method: 'PUT', cookie: reviewer, body: { entry: { ...figure.json.entry, note: '测试说明。' }, version: figure.json.version } });
    expect(changed.status, changed.text).toBe(200);
    // Then another entry opened and saved without a change (as the held-out check does).
    const region = await ask('/api/entries/regions/gaomi', { cookie: reviewer });
    const same = await ask('/api/entries/regions/gaomi', { method: 'PUT', cookie: reviewer, body: { entry: region.json.entry, version: region.json.version } });
    expect(same.json.unchanged).toBe(true);
    // With the site's public address set, the page's address on it.
    const siteUrl = process.env.SITE_URL;
    process.env.SITE_URL = 'https://yigongti.example.net';
    onTestFinished(() => {
      if (siteUrl === undefined) delete process.env.SITE_URL;
      else process.env.SITE_URL = siteUrl;
    });
    const status = await publish();
    expect(status.json.state).toBe('done');
    expect(status.json.path).toBe(changed.json.preview);
    expect(status.json.url).toBe(`https://yigongti.example.net${changed.json.preview}`);
  });
});
