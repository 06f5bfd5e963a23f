/**
 * Generated hostile requests against the editor server with the real entries API (issue 25, item 8 for the editor):
 * climbing paths, broken encodings, odd methods and content types, deep or huge JSON. Every request is answered (a
 * server error only as a Chinese message), the server keeps answering, and nothing in data/ or content/ changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEditor, type Editor } from '../../src/editor/server/server';
import { hashFolder } from '../support/publishing';
import { call } from '../support/editor-http';

let root: string;
let editor: Editor;
const folders = () => `${hashFolder(join(root, 'data'))} ${hashFolder(join(root, 'content'))}`;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'editor-fuzz-'));
  for (const folder of ['data', 'content']) cpSync(folder, join(root, folder), { recursive: true });
  const ui = join(root, 'ui');
  mkdirSync(ui);
  writeFileSync(join(ui, 'index.html'), '<!doctype html><title>编辑器</title>');
  editor = await startEditor({ root, port: 0, uiDir: ui, localUser: '测试' });
});
afterAll(async () => {
  await editor?.close();
  rmSync(root, { recursive: true, force: true });
});

const segment = fc.oneof(
  fc.constantFrom('..', '.', '%2e%2e', '%2E%2e%2f', '..%2F..', '..%5c', '%00', '%', '%E4%B8', '%C0%AE', '~', '', 'regions', 'updates', 'groups', 'zizhong', '_propose', 'referrers', 'data', 'content', '.editor', 'users.json', 'package.json'),
  fc.string({ maxLength: 12 }).map(encodeURIComponent),
  fc.string({ unit: 'grapheme', maxLength: 6 }).map(encodeURIComponent),
);
const path = fc.tuple(fc.constantFrom('/api/entries', '/api/history', '/api/history/restore', '/api/import/check', '/api/images', '/api/publish/status', '/edit', '/preview', '', '/api'), fc.array(segment, { maxLength: 5 }), fc.constantFrom('', '?file=../../package.json&id=x', '?file=data%2Fregions%2Fregions.json&id=..', '?version=%00'))
  .map(([base, parts, query]) => `${base}/${parts.join('/')}${query}`);
const deep = fc.integer({ min: 1, max: 20_000 }).map((n) => '['.repeat(n) + ']'.repeat(n));
const body = fc.oneof(
  fc.constant(undefined),
  fc.string({ maxLength: 200 }),
  fc.json({ maxDepth: 4 }),
  deep,
  fc.record({ entry: fc.object({ maxDepth: 3 }), version: fc.string() }).map((v) => JSON.stringify(v)),
  fc.record({ name: fc.string(), data: fc.base64String({ maxLength: 400 }) }).map((v) => JSON.stringify(v)),
  fc.record({ file: fc.constantFrom('data/regions/regions.json', '../x.json', 'content/updates/a.mdx'), id: fc.string(), hash: fc.stringMatching(/^[0-9a-f]{40}$/) }).map((v) => JSON.stringify(v)),
);

describe('addresses that are not plain paths', () => {
  // "//x" reads as a host to a URL parser; to the editor every request target is a path on itself.
  it.each(['//%E4%B8', '//evil.example/api/me', '//[', '/%', '//%00/../api/entries'])('%s is answered as a page it does not have, never a server error', async (target) => {
    for (const method of ['GET', 'POST']) {
      const answer = await call(editor.url, target, { method, headers: { origin: new URL(editor.url).origin } });
      expect(answer.status, `${method} ${target}`).toBeGreaterThanOrEqual(400);
      expect(answer.status, `${method} ${target}`).toBeLessThan(500);
    }
    expect((await call(editor.url, '/api/me')).status).toBe(200);
  });
});

describe('generated hostile requests', () => {
  it('are each answered, the server keeps answering, and no file changes', async () => {
    const before = folders();
    const origin = new URL(editor.url).origin;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD'), path, body, fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=gbk', ''), async (method, target, payload, type) => {
        const answer = await call(editor.url, target, { method, headers: { origin, ...(type ? { 'content-type': type } : {}) }, body: method === 'GET' || method === 'HEAD' ? undefined : payload });
        expect(answer.status).toBeGreaterThanOrEqual(200);
        if (answer.status >= 500 && method !== 'HEAD') expect(answer.text).toMatch(/[\u4e00-\u9fff]/);
        expect(answer.text).not.toContain('scrypt$');
        expect(answer.text).not.toContain('"devDependencies"');
      }),
      { numRuns: 250, seed: 20261207 },
    );
    expect((await call(editor.url, '/api/me')).status).toBe(200);
    expect(folders()).toBe(before);
  }, 240_000);
});
