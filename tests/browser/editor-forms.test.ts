/**
 * The local editor in Chromium, as a bureau editor uses it: open the start page, fill the observation form by picking
 * references from lists, save, and read check's verdict. A bad value is refused with a message in Chinese.
 * Runs on a copy of the project's data so the repository is never written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request, type Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { siteBrowser } from '../support/built-site';
import { startEditor } from '../../src/editor/server/server';
import { readSourceFiles } from '../../src/data/read-sources';
import { validateDataset } from '../../src/data/validate';
import { FIGURE_FILE, fillFigure, fillUpdate, openForm } from '../support/editor-forms';
import { openTab } from '../support/page-pool';

let root: string;
let server: Server;
let url: string;
let browser: Browser;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'editor-browser-'));
  for (const folder of ['data', 'content']) cpSync(folder, join(root, folder), { recursive: true });
  ({ server, url } = await startEditor({ root, port: 0 }));
  browser = await siteBrowser();
});
afterAll(async () => {
  await browser?.close();
  server?.close();
  rmSync(root, { recursive: true, force: true });
});

/** Opens the new-figure form from the start page, as an editor would. */
async function openObservationForm(page: Page) {
  await openForm(page, url, '＋ 新建数据（数字）');
  expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('新建数据（数字）');
}

const FIGURE_ID = 'mengjin-grassroots-visit-rate-2021-form';
const fillFigureValue = (page: Page, value: string) => fillFigure(page, { id: FIGURE_ID, period: '2021', value });

/** A raw request's status: fetch() would not let a test set the Host header. */
function statusOf(method: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const req = request({ host: target.hostname, port: target.port, path: method === 'POST' ? '/save/observations' : '/', method, headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end(method === 'POST' ? 'id=x' : undefined);
  });
}

describe('the local editor', () => {
  it('refuses a value typed with words, in Chinese then English, and writes nothing', async () => {
    const { page, close } = await openTab(browser);
    const before = readFileSync(join(root, FIGURE_FILE), 'utf8');
    await openObservationForm(page);
    await fillFigureValue(page, '约65');
    const verdict = page.getByRole('alert');
    await verdict.waitFor();
    const text = await verdict.innerText();
    expect(text).toContain('检查没有通过，没有保存');
    expect(text).toMatch(/value[\s\S]*(必须是数字|应为数字)/);
    expect(text.indexOf('没有保存')).toBeLessThan(text.indexOf('nothing was saved'));
    // What was typed stays in the form to be corrected.
    expect(await page.inputValue('input[name=value]')).toBe('约65');
    expect(readFileSync(join(root, FIGURE_FILE), 'utf8')).toBe(before);
    await close();
  });

  it('saves a figure picked from lists, shows check’s verdict and a preview link, and check passes', async () => {
    const { page, close } = await openTab(browser);
    await openObservationForm(page);
    await fillFigureValue(page, '65');
    const verdict = page.getByRole('status');
    await verdict.waitFor();
    expect(await verdict.innerText()).toContain(`检查通过，已保存：${FIGURE_FILE}`);
    expect(await page.getByRole('link', { name: '在网站上预览这一页' }).getAttribute('href')).toBe('http://127.0.0.1:4321/regions/mengjin/');
    const saved = JSON.parse(readFileSync(join(root, FIGURE_FILE), 'utf8')).find((o: { id: string }) => o.id === FIGURE_ID);
    expect(saved).toMatchObject({ indicator: 'grassroots-visit-rate', subject: { type: 'region', id: 'mengjin' }, value: 65, qualifier: 'at-least' });
    expect(validateDataset(readSourceFiles(root)).problems).toEqual([]);
    await close();
  });

  it('publishes an update from its form as MDX that check accepts, with a link to its page', async () => {
    const { page, close } = await openTab(browser);
    await openForm(page, url, '＋ 新建动态');
    await fillUpdate(page, { id: 'mengjin-form-update', title: '孟津县公布基层就诊率目标' });
    await page.getByRole('status').waitFor();
    expect(await page.getByRole('status').innerText()).toContain('检查通过，已保存：content/updates/mengjin-form-update.mdx');
    expect(await page.getByRole('link', { name: '在网站上预览这一页' }).getAttribute('href')).toBe('http://127.0.0.1:4321/updates/mengjin-form-update/');
    const files = readSourceFiles(root);
    expect(files.mdx.updates.map((f) => f.path)).toContain('content/updates/mengjin-form-update.mdx');
    expect(validateDataset(files).problems).toEqual([]);
    await close();
  });

  it('answers only requests addressed to itself', async () => {
    // A page on another site that resolves its name to 127.0.0.1 (DNS rebinding), or posts a form cross-site.
    expect(await statusOf('GET', { host: 'attacker.example' })).toBe(403);
    expect(await statusOf('POST', { origin: 'http://attacker.example', 'content-type': 'application/x-www-form-urlencoded' })).toBe(403);
    expect(await statusOf('GET', {})).toBe(200);
  });
});
