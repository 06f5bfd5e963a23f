/**
 * The editor's save checks an update's or digest's images as `npm run check` does (issue 25): an image the body shows
 * must be a publishable file in public/images/, written as its site path. Several variants of a broken image are
 * refused by the API, naming the body; an image uploaded through the editor is accepted in the next save.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { handleEntriesApi, type ApiContext } from '../../src/editor/api';
import { readSourceFiles } from '../../src/data/read-sources';
import { validateDataset } from '../../src/data/validate';
import { saveEntry } from '../../src/editor/save';

let root: string;
// The smallest real PNG: one transparent pixel.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'editor-images-'));
  for (const folder of ['data', 'content', 'public']) if (existsSync(folder)) cpSync(folder, join(root, folder), { recursive: true });
  mkdirSync(join(root, 'public/images'), { recursive: true });
  writeFileSync(join(root, 'public/images/zizhong-map.png'), PNG);
  // Named as a PNG, but text: check refuses to publish it, so a body may not show it.
  writeFileSync(join(root, 'public/images/fake.png'), '<svg onload="alert(1)"></svg>');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function call(method: string, path: string, body?: unknown) {
  const ctx: ApiContext = { method, path, query: new URLSearchParams(), body, user: null, root, onWrite: async () => {} };
  return handleEntriesApi(ctx) as Promise<{ status: number; json: any }>;
}

const update = (id: string, body: string) => ({
  entry: { id, title: '图片测试', date: '2024-08-01', regions: ['zizhong'], summary: '一条带图片的消息。', body: `## 标题\n\n${body}\n` },
});

describe('the editor saves an image reference only when npm run check would accept it', () => {
  it.each([
    ['an image that is not in public/images/', '![地图](/images/nope.png)', /图片 public\/images\/nope\.png 不存在/],
    ['the name in another case', '![地图](/images/Zizhong-Map.png)', /不存在/],
    ['a reference-style image to a missing file', '![地图][m]\n\n[m]: /images/missing.webp', /不存在/],
    ['a file named .png that is not an image', '![地图](/images/fake.png)', /不存在（或不能发布）/],
    ['a relative path to an existing image', '![地图](images/zizhong-map.png)', /不在本站的 public\/images\/ 目录里/],
  ])('refuses %s, naming the body, and writes nothing', async (_name, markdown, message) => {
    const id = `image-test-${Math.random().toString(36).slice(2, 8)}`;
    const saved = await call('POST', '/api/entries/updates', update(id, markdown));
    expect(saved.status).toBe(422);
    const problems = saved.json.problems as { field: string | null; zh: string }[];
    expect(problems.map((p) => p.zh).join('\n')).toMatch(message);
    expect(problems.find((p) => message.test(p.zh))?.field).toBe('body');
    expect(existsSync(join(root, `content/updates/${id}.mdx`))).toBe(false);
  });

  it('accepts an existing image, and one uploaded through the editor just before the save', async () => {
    expect((await call('POST', '/api/entries/updates', update('image-test-existing', '![地图](/images/zizhong-map.png)'))).status).toBe(201);
    const uploaded = await call('POST', '/api/images', { alt: '转诊流程图', data: PNG.toString('base64') });
    expect(uploaded.status).toBe(201);
    const saved = await call('POST', '/api/entries/updates', update('image-test-uploaded', uploaded.json.markdown));
    expect([saved.status, saved.json.problems]).toEqual([201, undefined]);
    // And npm run check agrees with what the editor wrote (its only problem is the text file named .png put there above).
    expect(validateDataset(readSourceFiles(root)).problems.map((p) => p.file)).toEqual(['public/images/fake.png']);
  });

  it('refuses a missing image on the plain form path too (saveEntry, behind the server’s /edit/ forms)', () => {
    const { entry } = update('image-test-form', '![地图](/images/nope.png)');
    const result = saveEntry(root, { collection: 'updates', entry });
    expect(result.saved).toBe(false);
    expect(result.problems.map((p) => p.zh).join('\n')).toMatch(/图片 public\/images\/nope\.png 不存在/);
    expect(existsSync(join(root, 'content/updates/image-test-form.mdx'))).toBe(false);
  });
});
