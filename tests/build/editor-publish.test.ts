/**
 * From the form to the published site: in a throwaway copy of the project, an editor creates an update and a figure
 * through `npm run edit`'s forms in Chromium, builds, and finds both on the built site. The build is made for a public
 * address (SITE_URL), and a second test reads it for what that setting must reach (issue 28): canonical and og tags,
 * the QR code on printed referral sheets, the sitemap, RSS, citations and embed code; the shared dist/ of the site tier
 * is a preview build, which tests/quality/site-address.test.ts checks the other way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import QRCode from 'qrcode';
import { parse } from 'node-html-parser';
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
/** The public address the build is made for. */
const SITE_URL = 'https://yigongti.example.net';
let built: { status: number | null; output: string } | undefined;

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

    built = await build(dir, { SITE_URL });
    expect(built.status, built.output).toBe(0);
    const html = (path: string) => readFileSync(join(dir, 'dist', path, 'index.html'), 'utf8');
    expect(existsSync(join(dir, 'dist/updates', UPDATE.id, 'index.html'))).toBe(true);
    expect(html(`updates/${UPDATE.id}`)).toContain(UPDATE.title);
    expect(html('updates')).toContain(UPDATE.title);
    expect(html('regions/mengjin')).toContain(`data-observation="${FIGURE}"`);
  }, 600_000);

  it('with SITE_URL set, puts the public address in canonical and og tags, QR codes, the sitemap, RSS, citations and embed code', async () => {
    expect(built?.status, 'the build of the test above').toBe(0);
    const dist = join(dir, 'dist');
    const text = (path: string) => readFileSync(join(dist, path), 'utf8');
    const page = (path: string) => parse(text(join(path, 'index.html')));
    const at = (path: string) => new URL(path.replace(/^\//, ''), SITE_URL).href;
    expect(built!.output).not.toContain('SITE_URL 未设置');

    // Share cards and canonical links, on a page of each kind.
    const group = '/groups/mengjin-first-medical-community/';
    for (const path of ['/', group, '/indicators/in-county-visit-rate/', `/updates/${UPDATE.id}/`]) {
      const doc = page(path);
      expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href'), path).toBe(at(path));
      expect(doc.querySelector('meta[property="og:url"]')?.getAttribute('content'), path).toBe(at(path));
      expect(doc.querySelector('meta[property="og:image"]')?.getAttribute('content'), path).toBe(at('/og.png'));
    }

    // Every printed referral sheet: a QR code of its own public address, written out beside it; no preview line.
    const sheets = readdirSync(join(dist, 'groups')).filter((g) => existsSync(join(dist, 'groups', g, 'referral/index.html')));
    expect(sheets.length).toBeGreaterThan(5);
    for (const g of sheets) {
      const path = `/groups/${g}/referral/`;
      const doc = page(path);
      expect(doc.querySelector('.page-url')?.textContent, path).toBe(at(path));
      const expected = await QRCode.toString(at(path), { type: 'svg', margin: 0, errorCorrectionLevel: 'M' });
      // The modules drawn (the paths' d attributes), whatever way the page writes the SVG's empty elements.
      const modules = (svg: string) => [...svg.matchAll(/ d="([^"]+)"/g)].map((m) => m[1]);
      expect(modules(doc.querySelector('.qr')?.innerHTML ?? ''), path).toEqual(modules(expected));
      expect(modules(expected).length).toBe(2);
      expect(doc.querySelector('[data-preview-note]'), path).toBeNull();
    }

    // The sitemap and the feeds list public addresses only.
    for (const file of ['sitemap-0.xml', 'updates/rss.xml']) {
      const locs = [...text(file).matchAll(/<(?:loc|link)>([^<]+)<\/(?:loc|link)>/g)].map((m) => m[1]!);
      expect(locs.length, file).toBeGreaterThan(0);
      for (const loc of locs) expect(loc.startsWith(SITE_URL), `${file}: ${loc}`).toBe(true);
    }
    expect(text('sitemap-0.xml')).toContain(`<loc>${at(group)}</loc>`);
    expect(text('updates/rss.xml')).toContain(at(`/updates/${UPDATE.id}/`));

    // Citations end with the page's public address; embed code points at the public embed view.
    expect(page(group).querySelector('[data-citation]')?.textContent.trim().endsWith(` ${at(group)}.`)).toBe(true);
    expect(page(group).querySelector('[data-preview-note]')).toBeNull();
    const embed = page('/indicators/in-county-visit-rate/').querySelector('[data-embed-code]')?.textContent ?? '';
    expect(embed).toContain(`src="${at('/embed/indicators/in-county-visit-rate/')}"`);

    // And nothing anywhere carries a local address.
    const local = (readdirSync(dist, { recursive: true }) as string[]).filter((f) => /\.(html|xml|csv|json|svg|txt)$/.test(f) && !f.startsWith('search-index') && /localhost|127\.0\.0\.1/.test(text(f)));
    expect(local).toEqual([]);
  });
});
