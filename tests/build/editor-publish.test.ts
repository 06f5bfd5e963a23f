/**
 * From the form to the published site: in a throwaway copy of the project, an editor creates an update and a figure
 * through `npm run edit`'s forms in Chromium, builds, and finds both on the built site.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { build, makeProject, removeProject } from '../support/publishing';
import { startEditor } from '../../src/editor/server/server';
import { fillFigure, fillUpdate, openForm } from '../support/editor-forms';

let dir: string;
let server: Server;
let url: string;
let browser: Browser;

const UPDATE = { id: 'mengjin-form-published', title: '孟津县公布基层就诊率新目标' };
const FIGURE = 'mengjin-grassroots-visit-rate-2022-form';

beforeAll(async () => {
  dir = makeProject();
  ({ server, url } = await startEditor({ root: dir, port: 0 }));
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  server?.close();
  if (dir) removeProject(dir);
});

describe('an editor publishes through the form', () => {
  it('creates an update and a figure, builds, and both are on the site', async () => {
    const page = await browser.newPage();
    await openForm(page, url, '＋ 新建动态');
    await fillUpdate(page, UPDATE);
    await page.getByRole('status').waitFor();
    expect(await page.getByRole('status').innerText()).toContain('检查通过');

    await openForm(page, url, '＋ 新建数据（数字）');
    await fillFigure(page, { id: FIGURE, period: '2022', value: '65' });
    await page.getByRole('status').waitFor();
    expect(await page.getByRole('status').innerText()).toContain('检查通过');
    await page.close();

    const built = await build(dir);
    expect(built.status, built.output).toBe(0);
    const html = (path: string) => readFileSync(join(dir, 'dist', path, 'index.html'), 'utf8');
    expect(existsSync(join(dir, 'dist/updates', UPDATE.id, 'index.html'))).toBe(true);
    expect(html(`updates/${UPDATE.id}`)).toContain(UPDATE.title);
    expect(html('updates')).toContain(UPDATE.title);
    expect(html('regions/mengjin')).toContain(`data-observation="${FIGURE}"`);
  }, 600_000);
});
