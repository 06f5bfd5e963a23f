/**
 * The editor server survives what a careless or hostile client sends (issue 25): a 5 MB body, a client that hangs up
 * mid-upload, a form claiming a billion rows, 80,000 repeated keys, paths that climb out of their folder, requests
 * from other sites or names. Each is answered (in Chinese where a person reads it), and the next request still works.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect, createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEditor, type Editor } from '../../src/editor/server/server';
import { call, callJson } from '../support/editor-http';

let root: string;
let ui: string;
/** The server with the real entries API and no interface built. */
let real: Editor;
let withUi: Editor;
const SECRET = 'secret-outside-the-ui-folder';

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'editor-server-'));
  for (const folder of ['data', 'content']) cpSync(folder, join(root, folder), { recursive: true });
  // A built interface folder, with a secret beside it and a link inside it pointing out.
  ui = join(root, 'ui');
  mkdirSync(join(ui, 'assets'), { recursive: true });
  writeFileSync(join(ui, 'index.html'), '<!doctype html><title>编辑器</title><div id="app"></div>');
  writeFileSync(join(ui, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'secret.txt'), SECRET);
  symlinkSync(join(root, 'secret.txt'), join(ui, 'assets', 'link.txt'));
  const api = { handleEntriesApi: async (ctx: { body: unknown; path: string }) => ({ status: 200, json: { echoed: ctx.body, path: ctx.path } }) };
  real = await startEditor({ root, port: 0, localUser: '测试' });
  withUi = await startEditor({ root, port: 0, uiDir: ui, api, localUser: '测试' });
});
afterAll(async () => {
  await real?.close();
  await withUi?.close();
  rmSync(root, { recursive: true, force: true });
});

const stillAnswers = async (editor: Editor) => expect((await call(editor.url, '/api/me')).status).toBe(200);

describe('request bodies are bounded', () => {
  it('refuses a 5 MB form post (the sign-in form) with 413 in Chinese, and answers the next request', async () => {
    const body = `name=${'x'.repeat(5_000_000)}`;
    const answer = await call(withUi.url, '/login', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    expect(answer.status).toBe(413);
    expect(answer.text).toContain('提交的内容太大');
    await stillAnswers(withUi);
  });

  it('refuses a 5 MB JSON body sent without a declared length (chunked)', async () => {
    const answer = await call(withUi.url, '/api/entries/regions', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: new URL(withUi.url).origin, 'transfer-encoding': 'chunked' },
      body: JSON.stringify({ entry: { name: 'x'.repeat(5_000_000) } }),
    });
    expect(answer.status).toBe(413);
    expect(answer.json.zh).toContain('太大');
    await stillAnswers(withUi);
  });

  it('survives clients that hang up in the middle of an upload', async () => {
    for (const [editor, path] of [[real, '/api/entries/regions'], [withUi, '/api/entries/regions'], [withUi, '/api/login'], [withUi, '/login']] as const) {
      const { port } = new URL(editor.url);
      await new Promise<void>((resolve) => {
        const socket = connect(Number(port), '127.0.0.1', () => {
          socket.write(`POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: 900000\r\n\r\n`);
          socket.write('{"entry":"' + 'y'.repeat(20_000));
          setTimeout(() => {
            socket.destroy();
            resolve();
          }, 30);
        });
        socket.on('error', () => resolve());
      });
    }
    await new Promise((r) => setTimeout(r, 50));
    await stillAnswers(real);
    await stillAnswers(withUi);
    expect((await call(withUi.url, '/')).status).toBe(200);
  });
});

describe('forms are read in bounded time', () => {
  it('answers a sign-in form of 80,000 repeated keys at once (once 86 s for an entry form)', async () => {
    const body = Array.from({ length: 80_000 }, () => 'name=a').join('&');
    const started = performance.now();
    const answer = await call(withUi.url, '/login', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    expect(answer.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('answers unreadable JSON and non-JSON posts to the API with a Chinese message', async () => {
    const origin = new URL(withUi.url).origin;
    const bad = await call(withUi.url, '/api/entries/regions', { method: 'POST', headers: { 'content-type': 'application/json', origin }, body: '{"entry": ' });
    expect(bad.status).toBe(400);
    expect(bad.json.zh).toMatch(/[\u4e00-\u9fff]/);
    const form = await call(withUi.url, '/api/entries/regions', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin }, body: 'a=1' });
    expect(form.status).toBe(415);
    const ok = await callJson(withUi.url, '/api/entries/regions', 'POST', { entry: { id: 'x' } });
    expect(ok.json).toEqual({ echoed: { entry: { id: 'x' } }, path: '/api/entries/regions' });
  });
});

describe('every address the interface calls is answered by the real server', () => {
  // The UI's stand-in (tests/support/editor-ui.ts) sends every /api/ call to the entries API; the real server once
  // listed the API's addresses and left /api/body/check (the body checked while typed) answered with 404.
  const SERVER_OWN = /^\/api\/(me|login|logout|history|publish|preview)(\/|$|\?)/;
  const called = (() => {
    const dir = 'src/editor/ui/app';
    const found = new Set<string>();
    for (const file of readdirSync(dir).filter((f) => /\.tsx?$/.test(f))) {
      // Every address literal: '/api/images', `/api/entries/${kind}/…` (up to its first substitution or query).
      for (const m of readFileSync(join(dir, file), 'utf8').matchAll(/[`'](\/api\/[^`'$?]*)/g)) found.add(m[1]);
    }
    return [...found].filter((p) => !SERVER_OWN.test(p));
  })();

  it('finds the calls (entries, import check and commit, images, the body check)', () => {
    for (const p of ['/api/entries', '/api/import/check', '/api/import/commit', '/api/images', '/api/body/check']) expect(called.some((x) => x.startsWith(p))).toBe(true);
  });

  it('passes each of them to the entries API', async () => {
    for (const prefix of called) {
      const path = prefix.endsWith('/') ? `${prefix}regions` : prefix;
      const answer = await callJson(withUi.url, path, 'POST', { probe: true });
      expect({ status: answer.status, path: answer.json?.path }).toEqual({ status: 200, path });
    }
  });
});

describe('no path leaves its folder', () => {
  const climbs = ['..%2F..%2Fpackage', '%2e%2e%2f%2e%2e%2fpackage', '..%5C..%5Cpackage', '..', '%2E%2E', 'a%00b', '%E4%B8'];
  it('the entries API opens only entries of the project (/api/entries/updates/..%2F.. reads nothing)', async () => {
    // A bare ".." is resolved by the address itself (to /api/entries/, the list), before the server reads it.
    for (const climb of climbs.filter((c) => !/^(\.\.|%2E%2E)$/.test(c))) {
      const answer = await call(real.url, `/api/entries/updates/${climb}`);
      expect(answer.status, climb).toBe(404);
      expect(answer.text).not.toContain('"name": "yigongti"');
    }
    // A real entry still opens.
    const first = readdirSync(join(root, 'content/updates'))[0].replace(/\.mdx$/, '');
    expect((await call(real.url, `/api/entries/updates/${first}`)).status).toBe(200);
  });

  it('the interface folder serves its own files only, not what lies beside it or behind a link', async () => {
    expect((await call(withUi.url, '/assets/app.js')).status).toBe(200);
    for (const path of ['/..%2Fsecret.txt', '/%2e%2e/secret.txt', '/assets/..%2F..%2Fsecret.txt', '/edit/..%2F..%2Fsecret.txt', '/assets/link.txt', '/assets%5C..%5C..%5Csecret.txt']) {
      const answer = await call(withUi.url, path);
      expect(answer.text, path).not.toContain(SECRET);
    }
    // Unknown pages under /edit/ are the interface's own (client-side routes).
    expect((await call(withUi.url, '/edit/groups/zizhong')).text).toContain('id="app"');
  });

  it('history and restore accept only entry files and ids', async () => {
    for (const file of ['../../etc/passwd', 'data/groups/../../package.json', 'package.json', 'content/updates/x.json', 'data/updates/x.json']) {
      const answer = await call(withUi.url, `/api/history?file=${encodeURIComponent(file)}&id=x`);
      expect(answer.status, file).toBe(400);
    }
    const restore = await callJson(withUi.url, '/api/history/restore', 'POST', { file: 'data/regions/../../x.json', id: 'x', hash: 'a'.repeat(40) });
    expect(restore.status).toBe(400);
  });
});

describe('only the editor itself is answered', () => {
  it('refuses another Host (DNS rebinding) and another Origin (cross-site posts)', async () => {
    const { port } = new URL(withUi.url);
    expect((await call(withUi.url, '/', { headers: { host: `evil.example:${port}` } })).status).toBe(403);
    expect((await call(withUi.url, '/', { headers: { host: `127.0.0.1.nip.io:${port}` } })).status).toBe(403);
    const cross = await call(withUi.url, '/api/entries/updates', { method: 'POST', headers: { origin: 'http://evil.example', 'content-type': 'application/json' }, body: '{"entry":{"id":"x"}}' });
    expect(cross.status).toBe(403);
    const fetchSite = await call(withUi.url, '/login', { method: 'POST', headers: { 'sec-fetch-site': 'cross-site', 'content-type': 'application/x-www-form-urlencoded' }, body: 'name=x' });
    expect(fetchSite.status).toBe(403);
    expect((await call(withUi.url, '/', { headers: { host: `localhost:${port}` } })).status).toBe(200);
  });

  it('in local mode the person at this computer is a reviewer without signing in', async () => {
    const me = await call(withUi.url, '/api/me');
    expect(me.json).toMatchObject({ user: { name: '测试', role: 'reviewer' }, mode: 'local' });
  });
});

describe('starting', () => {
  it('starts when the preview’s port is taken, with the preview on another port', async () => {
    const squatter = createNetServer();
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
    const taken = (squatter.address() as AddressInfo).port;
    const editor = await startEditor({ root, port: 0, previewPort: taken, api: null });
    try {
      expect(Number(new URL(editor.previewUrl).port)).not.toBe(taken);
      expect((await call(editor.url, '/api/me')).status).toBe(200);
    } finally {
      await editor.close();
      squatter.close();
    }
  });
});
