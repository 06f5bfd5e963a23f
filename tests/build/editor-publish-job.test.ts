/**
 * Preview and 发布 from the editor, without a terminal: in a throwaway copy of the project, an update is saved through
 * the entries API, a preview is built (the real scripts/build.ts) and shows it while dist/ stays as it was, then a
 * publication replaces dist/ and ends with the changed page's address. A publication that check refuses ends with the
 * problems in Chinese, naming the file, and leaves dist/ untouched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEditor, type Editor } from '../../src/editor/server/server';
import { hashFolder, makeProject, removeProject } from '../support/publishing';
import { call, callJson, type Answer } from '../support/editor-http';

let dir: string;
let editor: Editor;
const ID = 'zizhong-editor-publish-job';
const TITLE = '资中县公布乡镇卫生院夜间门诊时间';

async function finished(): Promise<Answer> {
  for (;;) {
    await new Promise((r) => setTimeout(r, 1000));
    const status = await call(editor.url, '/api/publish/status');
    if (status.json.state !== 'running') return status;
  }
}

beforeAll(async () => {
  dir = makeProject();
  editor = await startEditor({ root: dir, port: 0, localUser: '测试审核' });
});
afterAll(async () => {
  await editor?.close();
  if (dir) removeProject(dir);
});

describe('preview and publish from the browser', () => {
  it('previews a saved update without touching dist/, then publishes it and names its address', async () => {
    const saved = await callJson(editor.url, '/api/entries/updates', 'POST', {
      entry: { id: ID, title: TITLE, date: '2026-11-30', regions: ['zizhong'], summary: '资中县卫生健康局公布乡镇卫生院夜间门诊时间。', body: '夜间门诊时间以各卫生院公告为准。' },
    });
    expect(saved.status, saved.text).toBe(201);
    expect(existsSync(join(dir, 'dist'))).toBe(false);

    expect((await callJson(editor.url, '/api/preview', 'POST', {})).status).toBe(202);
    // A second build while one runs is refused, not queued behind it.
    expect((await callJson(editor.url, '/api/publish', 'POST', {})).status).toBe(409);
    const preview = await finished();
    expect(preview.json.state, preview.json.lines.join('\n')).toBe('done');
    expect(preview.json.url).toBe(`${editor.previewUrl.replace(/\/$/, '')}/updates/${ID}/`);
    const page = await call(preview.json.url, `/updates/${ID}/`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(TITLE);
    // /preview/<path> on the editor leads there.
    expect((await call(editor.url, `/preview/updates/${ID}/`)).headers.location).toBe(preview.json.url);
    expect(existsSync(join(dir, 'dist'))).toBe(false);

    expect((await callJson(editor.url, '/api/publish', 'POST', {})).status).toBe(202);
    const published = await finished();
    expect(published.json.state, published.json.lines.join('\n')).toBe('done');
    expect(published.json.url).toMatch(new RegExp(`/updates/${ID}/$`));
    expect(published.json.approvedBy).toBe('测试审核');
    expect(readFileSync(join(dir, 'dist/updates', ID, 'index.html'), 'utf8')).toContain(TITLE);
  }, 600_000);

  it('ends a refused publication with check’s problems in Chinese and leaves dist/ as it was', async () => {
    const before = hashFolder(join(dir, 'dist'));
    const file = join(dir, 'data/regions/regions.json');
    const regions = JSON.parse(readFileSync(file, 'utf8'));
    regions.push({ id: 'broken-region', name: '坏地区', kind: 'county', parent: 'no-such-region' });
    writeFileSync(file, JSON.stringify(regions, null, 2));
    expect((await callJson(editor.url, '/api/publish', 'POST', {})).status).toBe(202);
    const failed = await finished();
    expect(failed.json.state).toBe('failed');
    expect(failed.json.problems.join('\n')).toContain('data/regions/regions.json');
    expect(failed.json.problems.join('\n')).toMatch(/[\u4e00-\u9fff]/);
    expect(hashFolder(join(dir, 'dist'))).toBe(before);
  }, 300_000);
});
