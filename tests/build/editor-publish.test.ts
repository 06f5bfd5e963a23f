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
import { startEditor } from '../../src/lib/editor/server';
import { todayInChina } from '../../src/lib/scaffold';

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
    await page.goto(url);
    await page.getByRole('link', { name: '＋ 新建动态' }).click();
    await page.fill('input[name=id]', UPDATE.id);
    await page.fill('input[name=title]', UPDATE.title);
    await page.fill('input[name=date]', todayInChina());
    await page.selectOption('select[name=regions]', ['mengjin']);
    await page.fill('textarea[name=summary]', '方案提出基层就诊率达到65%以上。');
    await page.fill('textarea[name=body]', '## 目标\n\n基层就诊率达到65%以上。');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('status').waitFor();
    expect(await page.getByRole('status').innerText()).toContain('检查通过');

    await page.goto(url);
    await page.getByRole('link', { name: '＋ 新建数据（数字）' }).click();
    await page.selectOption('select[name=_file]', 'data/observations/mengjin-2020-yigongti-plan.json');
    await page.fill('input[name=id]', FIGURE);
    await page.selectOption('select[name=indicator]', { label: '基层就诊率（grassroots-visit-rate）' });
    await page.selectOption('select[name=subject]', { label: '孟津县（mengjin）' });
    await page.fill('input[name=period]', '2022');
    await page.fill('input[name=value]', '65');
    await page.selectOption('select[name=kind]', 'target');
    await page.selectOption('select[name=qualifier]', 'at-least');
    await page.selectOption('select[name="source.document"]', 'mengjin-2020-yigongti-plan');
    await page.fill('input[name="source.section"]', '一、主要目标');
    await page.fill('textarea[name="source.excerpt"]', '基层就诊率达到65%以上');
    await page.getByRole('button', { name: '保存' }).click();
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
